/**
 * The Office layer against a small fake of Excel's object model: which calls it queues and how many
 * `context.sync` calls each operation takes. Dimension objects are office-addin-mock objects, so a
 * property read without `load` + `sync` gives "Error, property was not loaded" as in Office.js;
 * ranges follow the same rule for their values. What only Excel knows (formatting, charts drawn)
 * is not asserted beyond the calls made.
 */
import { OfficeMockObject } from 'office-addin-mock';
import { ExcelWorkbook, OWNED_MARK, STATE_SHEET, planChunks, type BatchRunner } from '../../src/office/excelWorkbook';
import type { CellValue, SheetSpec } from '../../src/workbook/port';
import { buildChecklistSheet } from '../../src/sheets/checklistSheet';
import { addCustom, emptyState, withResponse, type ChecklistState } from '../../src/core/checklist/model';
import { FIRST_ITEM_ROW, columnIndex } from '../../src/core/checklist/layout';

const NOT_LOADED = 'Error, property was not loaded';

interface FakeSheet {
  name: string;
  visibility: string;
  cells: CellValue[][];
  marks: Set<string>;
  /** Number formats set, by cell ("General" where none was). */
  formats?: string[][];
}
interface FakeTable {
  name: string;
  sheet: FakeSheet;
  row: number;
  col: number;
  rows: number;
  cols: number;
  /** The table's last row is a totals row. */
  showTotals?: boolean;
}

/** Excel's storing of a written value: "" clears, a leading apostrophe marks text and is not kept. */
function stored(v: unknown): CellValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'string' && v.startsWith("'")) return v.slice(1);
  return v as CellValue;
}

/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-this-alias -- a hand-made fake of the Office object model */
class FakeExcel {
  sheets: FakeSheet[] = [];
  tables: FakeTable[] = [];
  syncs = 0;
  calls: string[] = [];
  /** Cells per `values` load, in order. */
  valueLoads: number[] = [];
  /** Charts added, with the properties set on them. */
  charts: any[] = [];
  /** Series added to charts, with the properties set on them. */
  series: Array<{ name: string; one: any }> = [];
  /** Every matrix written to `values` or `formulas`, as sent to Excel. */
  written: unknown[][][] = [];
  /** Every rectangle a write, a clear or a format reached. */
  touches: Array<{ kind: string; sheet: string; row: number; col: number; rows: number; cols: number }> = [];
  /** The user's selection: a rectangle, or several separate areas (which Excel refuses to read). */
  selection: { sheet: string; row: number; col: number; rows: number; cols: number } | 'several areas' | null = null;
  /** The comment of each sheet's mark. */
  markComments = new Map<FakeSheet, string>();
  /** The workbook uses the 1904 date system (Excel's DATE(1904,1,1) is then 0, else 1462). */
  date1904 = false;
  private pending: Array<() => void> = [];
  private mocks: OfficeMockObject[] = [];

  addSheet(name: string, cells: CellValue[][], visibility = 'Visible'): FakeSheet {
    const s = { name, visibility, cells, marks: new Set<string>() };
    this.sheets.push(s);
    return s;
  }

  find(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  run: BatchRunner = async (batch) => batch(this.context() as unknown as Excel.RequestContext);

  private context(): any {
    const sync = async () => {
      this.syncs += 1;
      const work = this.pending;
      this.pending = [];
      for (const w of work) w();
      for (const m of this.mocks) await m.sync();
    };
    const self = this;
    const worksheets = {
      get items() {
        return self.sheets.map((s) => self.sheet(s));
      },
      load: () => worksheets,
      getItem: (name: string) => self.sheet(self.find(name) as FakeSheet),
      getItemOrNullObject: (name: string) => {
        const s = self.find(name);
        return s ? self.sheet(s) : self.nullObject();
      },
      add: (name: string) => {
        self.calls.push(`worksheets.add ${name}`);
        if (self.find(name)) throw new Error(`duplicate sheet ${name}`);
        return self.sheet(self.addSheet(name, []));
      },
    };
    const tables = {
      get items() {
        return self.tables.map((t) => ({
          name: t.name,
          worksheet: { name: t.sheet.name },
          delete: () => self.calls.push(`table.delete ${t.name}`),
          convertToRange: () => self.calls.push(`table.convertToRange ${t.name}`),
        }));
      },
      load: () => tables,
      getItemOrNullObject: (name: string) => {
        const t = self.tables.find((x) => x.name.toLowerCase() === name.toLowerCase());
        if (!t) return self.nullObject();
        return { isNullObject: false, name: t.name, showTotals: t.showTotals ?? false, worksheet: { name: t.sheet.name }, load: () => undefined, getRange: () => self.dims(t.row, t.col, t.rows, t.cols) };
      },
    };
    const getSelectedRange = () => {
      const sel = self.selection;
      if (sel === null || sel === 'several areas') {
        self.pending.push(() => {
          throw new Error('This operation is not permitted for the current selection.');
        });
        return self.range(self.sheets[0], 0, 0, 1, 1);
      }
      return self.range(self.find(sel.sheet) as FakeSheet, sel.row, sel.col, sel.rows, sel.cols);
    };
    const functions = {
      date: (y: number, m: number, d: number) => {
        self.calls.push(`functions.date ${y},${m},${d}`);
        const result = new OfficeMockObject({ value: y === 1904 && m === 1 && d === 1 ? (self.date1904 ? 0 : 1462) : NaN, error: '' });
        self.mocks.push(result);
        return result;
      },
    };
    return { workbook: { worksheets, tables, getSelectedRange, functions }, sync };
  }

  private nullObject(): any {
    // Only `load` is offered: calling anything else on a null object is a mistake the tests catch.
    const o: any = { isNullObject: true, name: NOT_LOADED };
    o.load = () => o;
    return o;
  }

  /** An office-addin-mock object holding a rectangle's position, loaded on the next sync. */
  private dims(row: number, col: number, rows: number, cols: number, isNull = false): any {
    const m = new OfficeMockObject({ rowIndex: row, columnIndex: col, rowCount: rows, columnCount: cols });
    (m as any).isNullObject = isNull;
    this.mocks.push(m);
    return m;
  }

  private sheet(s: FakeSheet): any {
    const self = this;
    const ws: any = {
      isNullObject: false,
      name: s.name,
      load: () => ws,
      get visibility() {
        return s.visibility;
      },
      set visibility(v: string) {
        self.calls.push(`visibility ${s.name} ${v}`);
        s.visibility = v;
      },
      getUsedRangeOrNullObject: () => {
        let r1 = -1;
        let c1 = -1;
        let r0 = Infinity;
        let c0 = Infinity;
        s.cells.forEach((line, r) => line.forEach((v, c) => {
          if (v === null || v === '') return;
          r0 = Math.min(r0, r);
          c0 = Math.min(c0, c);
          r1 = Math.max(r1, r);
          c1 = Math.max(c1, c);
        }));
        if (r1 < 0) return self.dims(0, 0, 0, 0, true);
        return self.range(s, r0, c0, r1 - r0 + 1, c1 - c0 + 1);
      },
      getRangeByIndexes: (r: number, c: number, h: number, w: number) => self.range(s, r, c, h, w),
      getRange: (address?: string) => {
        if (address === 'A1') return self.range(s, 0, 0, 1, 1);
        return self.range(s, 0, 0, 1_048_576, 16_384);
      },
      activate: () => self.calls.push(`activate ${s.name}`),
      names: {
        getItemOrNullObject: (n: string) =>
          s.marks.has(n) ? (() => {
            const item: any = { isNullObject: false, name: n, comment: self.markComments.get(s) ?? '' };
            item.load = () => item;
            return item;
          })() : self.nullObject(),
        add: (n: string, _range: unknown, comment?: string) => {
          self.calls.push(`names.add ${s.name} ${n}`);
          s.marks.add(n);
          if (comment !== undefined) self.markComments.set(s, comment);
        },
      },
      tables: {
        add: (range: any) => {
          const t: FakeTable = { name: `Table${self.tables.length + 1}`, sheet: s, row: range.rowIndexAt, col: range.columnIndexAt, rows: range.rowCountAt, cols: range.columnCountAt };
          self.tables.push(t);
          const proxy = {
            set name(n: string) {
              self.calls.push(`table.name ${n}`);
              t.name = n;
            },
            style: '',
          };
          return proxy;
        },
      },
      charts: {
        items: [],
        load: () => ws.charts,
        add: (type: string) => {
          self.calls.push(`charts.add ${type}`);
          const series = {
            add: (name: string) => {
              const one: any = {
                format: { line: {} },
                setValues: (range: any) =>
                  self.calls.push(`series ${name} values ${range.rowIndexAt},${range.columnIndexAt} ${range.rowCountAt}x${range.columnCountAt}`),
                setXAxisValues: (range: any) =>
                  self.calls.push(`series ${name} x ${range.rowIndexAt},${range.columnIndexAt} ${range.rowCountAt}x${range.columnCountAt}`),
              };
              self.series.push({ name, one });
              return one;
            },
            /** The series Excel made from the chart's data range. */
            getItemAt: (i: number) => series.add(`(made from the data, ${i})`),
          };
          const chart = { title: {}, axes: { valueAxis: { title: {} }, categoryAxis: { title: {} } }, setPosition: () => undefined, series };
          self.charts.push(chart);
          return chart;
        },
      },
      freezePanes: { freezeRows: (n: number) => self.calls.push(`freezeRows ${n}`), unfreeze: () => self.calls.push('unfreeze') },
      pageLayout: {
        setPrintTitleRows: (rows: string) => self.calls.push(`printTitleRows ${rows}`),
        set orientation(v: string) {
          self.calls.push(`orientation ${v}`);
        },
        set zoom(z: unknown) {
          self.calls.push(`zoom ${JSON.stringify(z)}`);
        },
      },
    };
    return ws;
  }

  private range(s: FakeSheet, row: number, col: number, rows: number, cols: number): any {
    const self = this;
    const loaded = new Set<string>();
    let snapshot: CellValue[][] | null = null;
    const touch = (kind: string) => self.touches.push({ kind, sheet: s.name, row, col, rows, cols });
    const recorder = (): any =>
      new Proxy({} as Record<string, unknown>, {
        get: (o, k: string) => (k in o ? o[k] : (o[k] = recorder())),
        set: (o, k: string, v) => {
          touch(`format.${k}`);
          o[k] = v;
          return true;
        },
      });
    const write = (kind: string) => (matrix: unknown[][]) => {
      touch(kind);
      self.calls.push(`${kind} ${s.name} ${matrix.length}x${matrix[0]?.length ?? 0}`);
      self.written.push(matrix);
      self.pending.push(() => {
        matrix.forEach((line, i) => {
          while (s.cells.length <= row + i) s.cells.push([]);
          const target = s.cells[row + i];
          while (target.length < col + line.length) target.push(null);
          line.forEach((v, j) => (target[col + j] = stored(v)));
        });
      });
    };
    const r: any = {
      isNullObject: false,
      get worksheet() {
        return self.sheet(s);
      },
      rowIndexAt: row,
      columnIndexAt: col,
      rowCountAt: rows,
      columnCountAt: cols,
      load(props: string) {
        self.pending.push(() => {
          for (const p of props.split(',')) loaded.add(p.trim());
          if (loaded.has('values')) {
            self.valueLoads.push(rows * cols);
            snapshot = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => s.cells[row + i]?.[col + j] ?? ''));
          }
        });
        return r;
      },
      format: recorder(),
      conditionalFormats: { add: (type: string) => (self.calls.push(`conditionalFormats.add ${type}`), { colorScale: {}, cellValue: { format: { fill: {} } } }), clearAll: () => self.calls.push('conditionalFormats.clearAll') },
      clear: (what: string) => {
        self.calls.push(`clear ${s.name} ${what}`);
        touch(`clear ${what}`);
        self.pending.push(() => {
          s.cells.forEach((line, i) => {
            if (i >= row && i < row + rows) for (let j = col; j < Math.min(line.length, col + cols); j++) line[j] = null;
          });
          while (s.cells.length > 0 && s.cells[s.cells.length - 1].every((v) => v === null)) s.cells.pop();
        });
      },
    };
    for (const [key, value] of Object.entries({ rowIndex: row, columnIndex: col, rowCount: rows, columnCount: cols })) {
      Object.defineProperty(r, key, { get: () => (loaded.has(key) ? value : NOT_LOADED) });
    }
    Object.defineProperty(r, 'values', { get: () => (loaded.has('values') ? snapshot : NOT_LOADED), set: write('values') });
    Object.defineProperty(r, 'formulas', { set: write('formulas') });
    let formatSnapshot: string[][] | null = null;
    Object.defineProperty(r, 'numberFormat', {
      get: () => {
        if (!loaded.has('numberFormat')) return NOT_LOADED;
        formatSnapshot ??= Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => s.formats?.[row + i]?.[col + j] ?? 'General'));
        return formatSnapshot;
      },
      set: (m: string[][]) => {
        touch('numberFormat');
        self.calls.push(`numberFormat ${m.length}x${m[0]?.length ?? 0}`);
        self.pending.push(() => {
          s.formats ??= [];
          const f = s.formats;
          m.forEach((line, i) => line.forEach((x, j) => {
            while (f.length <= row + i) f.push([]);
            f[row + i][col + j] = x;
          }));
        });
      },
    });
    return r;
  }
}
/* eslint-enable @typescript-eslint/no-explicit-any, @typescript-eslint/no-this-alias */

const HEADERS = ['UPN', 'Surname', 'FSM6', 'KS2 Scaled', 'Ma Aut', 'Ma Sum', 'Reading Pre', 'Reading Post', 'Tutoring', 'Set'];
function tracker(pupils: number, cols = HEADERS.length): CellValue[][] {
  const head = Array.from({ length: cols }, (_, c) => HEADERS[c] ?? `Col ${c + 1}`);
  const rows = Array.from({ length: pupils }, (_, i) => head.map((_, c) => (c === 2 ? (i % 4 === 0 ? 'Y' : '') : c === 1 ? `Pupil ${i}` : 90 + ((i * 7 + c) % 30))));
  return [head, ...rows];
}

function gapReport(pupils: number): SheetSpec {
  const rows: CellValue[][] = [['Pupil', 'FSM6', 'Score', 'Gap'], ...Array.from({ length: pupils }, (_, i) => [`Pupil ${i}`, i % 4 === 0 ? 'Y' : 'N', 100 + (i % 13), null])];
  return {
    name: 'Gap report 2026-11-22',
    mode: 'new',
    blocks: [
      { row: 0, col: 0, values: [['Gap report: Year 9 reading']], style: 'title' },
      { row: 2, col: 0, values: [['Group', 'n', 'Mean', 'CI'], ['FSM6', 45, 96.1, 4.2], ['Others', 135, 101.4, 2.3]], headerStyle: 'header', numberFormat: [null, '0', '0.0', '0.0'], rowTones: [null, 'muted', null] },
      { row: 7, col: 0, values: [['Gap', '=C5-C4']], numberFormat: '0.0' },
      { row: 9, col: 0, values: rows, table: { name: 'Pupils' } },
    ],
    conditionalFormats: [{ row: 10, col: 2, rows: pupils, cols: 1, kind: 'colorScale' }],
    charts: [{ type: 'columnClustered', title: 'Mean by group', data: { row: 2, col: 0, rows: 3, cols: 3 }, at: { row: 2, col: 6 }, errorBars: { plusCol: 3, minusCol: 3 } }],
    columnWidths: [120, 60, 60, 60],
    freezeRows: 1,
    printLandscape: true,
  };
}

describe('reading', () => {
  test('reading a 200-row and a 2,000-row sheet takes the same three syncs', async () => {
    const counts: number[] = [];
    for (const pupils of [200, 2000]) {
      const fake = new FakeExcel();
      fake.addSheet('Year 9', tracker(pupils));
      const data = await new ExcelWorkbook(fake.run).readData({ kind: 'sheet', name: 'Year 9' });
      expect(data.rows).toHaveLength(pupils);
      expect(data.headers).toEqual(HEADERS);
      expect(data.rows[0][2]).toBe('Y');
      expect(data.rows[1][2]).toBeNull(); // Excel's "" comes back as null
      counts.push(fake.syncs);
    }
    expect(counts).toEqual([3, 3]);
  });

  test('a 600,000-cell sheet is read in chunks of at most 200,000 cells, two chunks to a sync', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Big', tracker(23_999, 25)); // 24,000 rows x 25 columns
    const progress: number[] = [];
    const data = await new ExcelWorkbook(fake.run).readData({ kind: 'sheet', name: 'Big' }, (p) => progress.push(p.done));
    expect(data.rows).toHaveLength(23_999);
    expect(fake.valueLoads).toEqual([200_000, 200_000, 200_000]);
    expect(fake.syncs).toBe(4); // the sheet, its used range, then two syncs of values
    expect(progress).toEqual([16_000, 24_000]);
    expect(data.rows[23_998][1]).toBe('Pupil 23998');
  });

  test('chunk plans cover every row once', () => {
    const plan = planChunks(1_000_001, 3).flat();
    expect(plan[0]).toEqual({ start: 0, count: 66_666 });
    expect(plan.reduce((n, c) => n + c.count, 0)).toBe(1_000_001);
    expect(plan.every((c, i) => i === 0 || c.start === plan[i - 1].start + plan[i - 1].count)).toBe(true);
  });

  test('a table is read from its range; absent tables and empty sheets say what to do', async () => {
    const fake = new FakeExcel();
    const s = fake.addSheet('Year 9', [[null], ...tracker(5)]);
    fake.addSheet('Blank', []);
    fake.tables.push({ name: 'Year9', sheet: s, row: 1, col: 0, rows: 6, cols: HEADERS.length });
    const wb = new ExcelWorkbook(fake.run);
    const data = await wb.readData({ kind: 'table', name: 'year9' });
    expect(data.description).toBe('table Year9 on sheet Year 9');
    expect(data.address).toBe("'Year 9'!A2:J7");
    await expect(wb.readData({ kind: 'table', name: 'Tracker' })).rejects.toThrow(/no table called "Tracker"/);
    await expect(wb.readData({ kind: 'sheet', name: 'Blank' })).rejects.toThrow(/"Blank" is empty/);
    await expect(wb.readSheetValues('Nope')).resolves.toBeNull();
  });

  test('a table\'s totals row is not read as a pupil', async () => {
    const fake = new FakeExcel();
    const s = fake.addSheet('Year 9', [...tracker(4), ['Total', null, null, 412, 400]]);
    fake.tables.push({ name: 'Year9', sheet: s, row: 0, col: 0, rows: 6, cols: HEADERS.length, showTotals: true });
    const data = await new ExcelWorkbook(fake.run).readData({ kind: 'table', name: 'Year9' });
    expect(data.rows).toHaveLength(4);
    expect(data.rows.some((r) => r[0] === 'Total')).toBe(false);
    expect(data.address).toBe("'Year 9'!A1:J5");
  });

  test('the state sheet is not listed among the user\'s sheets', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Year 9', tracker(3));
    fake.addSheet(STATE_SHEET, [], 'VeryHidden');
    await expect(new ExcelWorkbook(fake.run).listSheets()).resolves.toEqual([{ name: 'Year 9', visible: true }]);
  });
});

describe('writing', () => {
  test('a gap report for 200 or 2,000 pupils takes the same three syncs, one values matrix per block', async () => {
    const counts: number[] = [];
    for (const pupils of [200, 2000]) {
      const fake = new FakeExcel();
      fake.addSheet('Year 9', tracker(10));
      const result = await new ExcelWorkbook(fake.run).writeSheet(gapReport(pupils));
      counts.push(fake.syncs);
      expect(result).toEqual({ sheetName: 'Gap report 2026-11-22', address: `'Gap report 2026-11-22'!A1:D${10 + pupils}` });
      const writes = fake.calls.filter((c) => /^(values|formulas) Gap/.test(c));
      expect(writes).toEqual(['values Gap report 2026-11-22 1x1', 'values Gap report 2026-11-22 3x4', 'formulas Gap report 2026-11-22 1x2', `values Gap report 2026-11-22 ${pupils + 1}x4`]);
      expect(fake.calls).toContain('table.name Pupils');
      expect(fake.calls).toContain('freezeRows 1');
      expect(fake.calls).toContain('charts.add ColumnClustered');
      expect(fake.calls).toContain('conditionalFormats.add ColorScale');
      expect(fake.calls).toContain(`names.add Gap report 2026-11-22 ${OWNED_MARK}`);
      expect(fake.calls).toContain(`visibility ${STATE_SHEET} VeryHidden`);
      expect(fake.calls[fake.calls.length - 1]).toBe('activate Gap report 2026-11-22');
    }
    expect(counts).toEqual([3, 3]);
  });

  test('a second report gets a unique name and its table a unique name', async () => {
    const fake = new FakeExcel();
    const wb = new ExcelWorkbook(fake.run);
    await wb.writeSheet(gapReport(5));
    const second = await wb.writeSheet(gapReport(5));
    expect(second.sheetName).toBe('Gap report 2026-11-22 (2)');
    expect(fake.tables.map((t) => t.name)).toEqual(['Pupils', 'Pupils_2']);
  });

  test('replace refuses a user\'s sheet and writes nothing', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Checklist', [['my own notes']]);
    const wb = new ExcelWorkbook(fake.run);
    await expect(wb.writeSheet({ name: 'Checklist', mode: 'replace', blocks: [{ row: 0, col: 0, values: [['x']] }] })).rejects.toThrow(/"Checklist" was not made by Closing the Gap/);
    expect(fake.find('Checklist')?.cells).toEqual([['my own notes']]);
    expect(fake.calls.filter((c) => /^(values|formulas|clear)/.test(c))).toEqual([]);
  });

  test('replace rewrites the add-in\'s own sheet in place, across a reopen, but not one re-created by the user', async () => {
    const fake = new FakeExcel();
    const wb = new ExcelWorkbook(fake.run);
    await wb.writeSheet({ name: 'Checklist', mode: 'new', blocks: [{ row: 0, col: 0, values: [['first']] }] });
    await expect(new ExcelWorkbook(fake.run).ownsSheet('Checklist')).resolves.toBe(true);
    const again = await new ExcelWorkbook(fake.run).writeSheet({ name: 'Checklist', mode: 'replace', blocks: [{ row: 0, col: 0, values: [['second']] }] });
    expect(again.sheetName).toBe('Checklist');
    expect(fake.find('Checklist')?.cells).toEqual([['second']]);

    // The user deletes it and makes their own sheet of the same name: it carries no mark.
    fake.sheets = fake.sheets.filter((s) => s.name !== 'Checklist');
    fake.addSheet('Checklist', [['mine']]);
    await expect(wb.ownsSheet('Checklist')).resolves.toBe(false);
    await expect(wb.writeSheet({ name: 'Checklist', mode: 'replace', blocks: [] })).rejects.toThrow(/not made by Closing the Gap/);
  });

  test('text Excel would turn into a date or number is written as text', async () => {
    const fake = new FakeExcel();
    await new ExcelWorkbook(fake.run).writeSheet({ name: 'T', mode: 'new', blocks: [{ row: 0, col: 0, values: [['1/2', '5+', 'Year 9', 12, "'=kept", 'TRUE']] }] });
    expect(fake.find('T')?.cells[0]).toEqual(['1/2', '5+', 'Year 9', 12, '=kept', 'TRUE']);
  });
});

describe('the 1904 date system', () => {
  const spec = (): SheetSpec => ({
    name: 'Interventions register',
    mode: 'new',
    blocks: [{ row: 0, col: 0, values: [['Evaluated', 'Effect size'], [46348, 0.31]], numberFormat: ['yyyy-mm-dd', '0.00'] }],
  });

  test('in a 1904-system workbook dates are written as its serials and read back as 1900-system ones, in the same syncs', async () => {
    const fake = new FakeExcel();
    fake.date1904 = true;
    const wb = new ExcelWorkbook(fake.run);
    await wb.writeSheet(spec());
    expect(fake.syncs).toBe(3);
    expect(fake.calls).toContain('functions.date 1904,1,1');
    // 22 Nov 2026 is 44886 in the 1904 system: Python (date(2026,11,22) - date(1904,1,1)).days.
    expect(fake.written).toContainEqual([['Evaluated', 'Effect size'], [44886, 0.31]]);
    expect(fake.find('Interventions register')?.cells[1]).toEqual([44886, 0.31]);
    // Read back: the serial under a date format means the same day again; other numbers are untouched.
    expect(await wb.readSheetValues('Interventions register')).toEqual([['Evaluated', 'Effect size'], [46348, 0.31]]);
  });

  test('in a 1900-system workbook dates are written and read as they are', async () => {
    const fake = new FakeExcel();
    const wb = new ExcelWorkbook(fake.run);
    await wb.writeSheet(spec());
    expect(fake.written).toContainEqual([['Evaluated', 'Effect size'], [46348, 0.31]]);
    expect(await wb.readSheetValues('Interventions register')).toEqual([['Evaluated', 'Effect size'], [46348, 0.31]]);
  });
});

describe('printing', () => {
  test('a sheet printed one page wide in portrait repeats its heading rows on every page', async () => {
    const fake = new FakeExcel();
    const wb = new ExcelWorkbook(fake.run);
    await wb.writeSheet({ name: 'Statement', mode: 'new', blocks: [{ row: 0, col: 0, values: [['Title'], ['Headings']] }], printFitToWidth: true, printTitleRows: 2 });
    expect(fake.calls).toContain('printTitleRows $1:$2');
    expect(fake.calls).toContain('orientation Portrait');
    expect(fake.calls).toContain('zoom {"horizontalFitToPages":1,"verticalFitToPages":0}');
  });
});

describe('charts', () => {
  test('an interval is drawn as two marker-only series over its limit columns, in the same write', async () => {
    const fake = new FakeExcel();
    const spec = gapReport(20);
    spec.charts = [{ type: 'columnClustered', title: 'Gap', data: { row: 2, col: 0, rows: 3, cols: 2 }, at: { row: 2, col: 6 }, errorBars: { plusCol: 3, minusCol: 3 }, interval: { lowerCol: 2, upperCol: 3 } }];
    await new ExcelWorkbook(fake.run).writeSheet(spec);
    expect(fake.syncs).toBe(3);
    expect(fake.calls.filter((c) => c.startsWith('series'))).toEqual(['series Interval lower values 3,2 2x1', 'series Interval upper values 3,3 2x1']);
    for (const { one } of fake.series) {
      expect(one).toMatchObject({ chartType: 'LineMarkers', markerStyle: 'Dash', format: { line: { lineStyle: 'None' } } });
    }
  });

  test('a scatter chart re-points the series made from its data and adds the others, lines without markers', async () => {
    const fake = new FakeExcel();
    const spec = gapReport(20);
    spec.charts = [
      {
        type: 'scatter',
        title: 'Funnel',
        data: { row: 2, col: 1, rows: 4, cols: 1 },
        at: { row: 2, col: 8 },
        xAxisTitle: 'Disadvantaged pupils',
        scatter: [
          { name: 'Schools', row: 3, rows: 3, xCol: 1, yCol: 2, style: 'markers' },
          { name: '95% limits (lower)', row: 10, rows: 5, xCol: 0, yCol: 2, style: 'dashed' },
          { name: '95% limits (upper)', row: 10, rows: 5, xCol: 0, yCol: 3, style: 'dashed' },
        ],
      },
    ];
    await new ExcelWorkbook(fake.run).writeSheet(spec);
    expect(fake.syncs).toBe(3);
    expect(fake.calls).toContain('charts.add XYScatter');
    const [first, lower, upper] = fake.series.map((x) => x.one);
    expect(first).toMatchObject({ name: 'Schools', chartType: 'XYScatter', format: { line: { lineStyle: 'None' } } });
    expect(lower).toMatchObject({ chartType: 'XYScatterLinesNoMarkers', format: { line: { lineStyle: 'Dash' } } });
    // A lower and an upper limit of the same name are one colour.
    expect(lower.format.line.color).toBe(upper.format.line.color);
    expect(fake.calls).toContain('series (made from the data, 0) x 3,1 3x1');
    expect(fake.calls).toContain('series 95% limits (upper) values 10,3 5x1');
  });

  test('a chart without an interval gets no extra series', async () => {
    const fake = new FakeExcel();
    await new ExcelWorkbook(fake.run).writeSheet(gapReport(20));
    expect(fake.calls).toContain('charts.add ColumnClustered');
    expect(fake.series).toEqual([]);
  });

  test('a chart with an axis format gets it on its value axis (the history\'s scores as percentages)', async () => {
    const fake = new FakeExcel();
    const spec = gapReport(5);
    spec.charts = [{ ...(spec.charts ?? [])[0], yAxisFormat: '0%' }];
    await new ExcelWorkbook(fake.run).writeSheet(spec);
    expect(fake.charts[0].axes.valueAxis.numberFormat).toBe('0%');
  });
});

describe('text protection', () => {
  test('text Excel would convert (signs, @, error literals, month dates, booleans) is sent with an apostrophe; plain words are not', async () => {
    const fake = new FakeExcel();
    const texts = ['-', '- small group', '+5', '@home', '#N/A', ' #VALUE! ', 'Mar 2026', 'sept-12', 'true', '50%', '£20', 'Year 9', 'Disadvantaged', 'Maths set 4', 'n/a'];
    await new ExcelWorkbook(fake.run).writeSheet({ name: 'T', mode: 'new', blocks: [{ row: 0, col: 0, values: [texts] }] });
    const sent = fake.written[0][0] as string[];
    expect(sent.filter((v) => v.startsWith("'")).map((v) => v.slice(1))).toEqual(texts.slice(0, 11));
    expect(sent.slice(11)).toEqual(['Year 9', 'Disadvantaged', 'Maths set 4', 'n/a']);
  });

  test('formulas are sent as formulas, beside protected text in the same block', async () => {
    const fake = new FakeExcel();
    await new ExcelWorkbook(fake.run).writeSheet({ name: 'T', mode: 'new', blocks: [{ row: 0, col: 0, values: [['-2', '=GAPS.EEFMONTHS(0.3)', null]] }] });
    expect(fake.calls).toContain('formulas T 1x3');
    expect(fake.written[0]).toEqual([["'-2", '=GAPS.EEFMONTHS(0.3)', '']]);
  });
});

describe('reading the selection', () => {
  test('a block of cells is read from the selection, stopping at the end of the data', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Year 9', tracker(20));
    fake.selection = { sheet: 'Year 9', row: 0, col: 2, rows: 1_048_576, cols: 2 };
    const data = await new ExcelWorkbook(fake.run).readData({ kind: 'selection' });
    expect(data.headers).toEqual(['FSM6', 'KS2 Scaled']);
    expect(data.rows).toHaveLength(20);
    expect(data.address).toBe("'Year 9'!C1:D21");
  });

  test('one selected cell reads the sheet\'s used range and says so', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Year 9', tracker(5));
    fake.selection = { sheet: 'Year 9', row: 3, col: 1, rows: 1, cols: 1 };
    const data = await new ExcelWorkbook(fake.run).readData({ kind: 'selection' });
    expect(data.description).toMatch(/only one cell was selected/);
    expect(data.headers).toEqual(HEADERS);
  });

  test('the block read from the selection can be read again by its address after the selection moved', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Year 9', tracker(20));
    fake.selection = { sheet: 'Year 9', row: 0, col: 2, rows: 21, cols: 2 };
    const wb = new ExcelWorkbook(fake.run);
    const first = await wb.readData({ kind: 'selection' });
    fake.selection = { sheet: 'Year 9', row: 5, col: 0, rows: 1, cols: 1 };
    const again = await wb.readData({ kind: 'range', address: first.address });
    expect(again.headers).toEqual(first.headers);
    expect(again.rows).toEqual(first.rows);
    expect(again.address).toBe(first.address);
    await expect(wb.readData({ kind: 'range', address: "'Gone'!A1:B3" })).rejects.toThrow(/Gone/);
  });

  test('a selection of several areas gets a message saying to select one block', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Year 9', tracker(5));
    fake.selection = 'several areas';
    await expect(new ExcelWorkbook(fake.run).readData({ kind: 'selection' })).rejects.toThrow(/could not read the selection .*Select one block of cells/);
  });
});

describe('state', () => {
  test('a long value is split below the cell limit and reads back exactly', async () => {
    const fake = new FakeExcel();
    const wb = new ExcelWorkbook(fake.run);
    const long = `${'x'.repeat(40_000)}😀${'=y'.repeat(15_000)}`;
    await wb.saveState('checklist', long);
    await wb.saveState('small', '0042');
    const cells = fake.find(STATE_SHEET)?.cells ?? [];
    expect(cells.every((r) => r.every((v) => typeof v !== 'string' || v.length <= 32_767))).toBe(true);
    // One row per key: the key, its number of pieces, then the pieces.
    expect(cells.filter((r) => r[0] === 'checklist')).toHaveLength(1);
    expect(cells.find((r) => r[0] === 'checklist')?.[1]).toBe(3);
    await expect(wb.loadState('checklist')).resolves.toBe(long);
    await expect(wb.loadState('small')).resolves.toBe('0042');
    await expect(wb.loadState('none')).resolves.toBeNull();
  });

  test('saving state takes a constant number of syncs', async () => {
    const fake = new FakeExcel();
    const wb = new ExcelWorkbook(fake.run);
    await wb.saveState('a', '1');
    const first = fake.syncs;
    await wb.saveState('b', 'z'.repeat(100_000));
    expect([first, fake.syncs - first]).toEqual([2, 3]);
  });
});

describe('state with co-authors', () => {
  test('a sheet whose entry the saved list lost is recovered from its own mark: the save rewrites it, no "Checklist (2)"', async () => {
    const fake = new FakeExcel();
    const wb = new ExcelWorkbook(fake.run);
    await wb.writeSheet({ name: 'Checklist', mode: 'new', blocks: [{ row: 0, col: 0, values: [['first']] }] });
    await wb.saveState('ctg.ownedSheets', '[]'); // a co-author's older state without it
    await expect(wb.ownsSheet('Checklist')).resolves.toBe(true);
    const again = await wb.writeSheet({ name: 'Checklist', mode: 'replace', blocks: [{ row: 0, col: 0, values: [['second']] }] });
    expect(again.sheetName).toBe('Checklist');
    expect(fake.sheets.map((s) => s.name)).not.toContain('Checklist (2)');
    await expect(wb.loadState('ctg.ownedSheets')).resolves.toBe('["Checklist"]');
    // A copy of it under another name carries a mark naming "Checklist": not the add-in's.
    const copy = fake.addSheet('Copy', [['first']]);
    copy.marks.add(OWNED_MARK);
    fake.markComments.set(copy, fake.markComments.get(fake.find('Checklist') as FakeSheet) ?? '');
    await expect(wb.ownsSheet('Copy')).resolves.toBe(false);
  });

  test('each save writes only its own row and never clears the sheet, so another author\'s keys survive', async () => {
    const fake = new FakeExcel();
    const anna = new ExcelWorkbook(fake.run);
    const ben = new ExcelWorkbook(fake.run);
    await anna.saveState('ctg.checklist', '{"step":1}');
    await ben.saveState('ctg.evidence', '{"rows":2}');
    fake.calls = [];
    fake.touches = [];
    await anna.saveState('ctg.checklist', '{"step":2}');
    expect(fake.calls.filter((c) => c.startsWith(`clear ${STATE_SHEET}`))).toEqual([]);
    expect(fake.touches.filter((t) => t.sheet === STATE_SHEET).map((t) => [t.kind, t.row, t.rows])).toEqual([['values', 1, 1]]);
    await expect(ben.loadState('ctg.evidence')).resolves.toBe('{"rows":2}');
    await expect(ben.loadState('ctg.checklist')).resolves.toBe('{"step":2}');
    // A sheet written by the add-in records itself in its own row too.
    await anna.writeSheet({ name: 'Report', mode: 'new', blocks: [{ row: 0, col: 0, values: [['r']] }] });
    await expect(ben.loadState('ctg.evidence')).resolves.toBe('{"rows":2}');
  });

  test('a shorter value clears only the rest of its own row', async () => {
    const fake = new FakeExcel();
    const wb = new ExcelWorkbook(fake.run);
    await wb.saveState('a', 'x'.repeat(70_000));
    await wb.saveState('b', 'keep');
    fake.touches = [];
    await wb.saveState('a', 'short');
    expect(fake.touches.filter((t) => t.sheet === STATE_SHEET).map((t) => [t.kind, t.row, t.rows, t.cols])).toEqual([
      ['clear Contents', 1, 1, 5],
      ['values', 1, 1, 3],
    ]);
    await expect(wb.loadState('a')).resolves.toBe('short');
    await expect(wb.loadState('b')).resolves.toBe('keep');
  });

  test('a state sheet in the earlier layout (one row per piece) still loads, and is rewritten once on save', async () => {
    const fake = new FakeExcel();
    fake.addSheet(STATE_SHEET, [['Key', 'Part', 'Value'], ['ctg.checklist', 2, 'world'], ['ctg.checklist', 1, 'hello '], ['ctg.ownedSheets', 1, '["Checklist"]']], 'VeryHidden');
    const wb = new ExcelWorkbook(fake.run);
    await expect(wb.loadState('ctg.checklist')).resolves.toBe('hello world');
    await wb.saveState('ctg.other', 'x');
    expect(fake.find(STATE_SHEET)?.cells[0]).toEqual(['Key', 'Pieces', 'Value']);
    await expect(wb.loadState('ctg.checklist')).resolves.toBe('hello world');
    await expect(wb.loadState('ctg.ownedSheets')).resolves.toBe('["Checklist"]');
    await expect(wb.loadState('ctg.other')).resolves.toBe('x');
  });
});

test('outside Excel every operation fails with a message saying where to run it', async () => {
  await expect(new ExcelWorkbook().listSheets()).rejects.toThrow(/not running inside Excel/);
});

describe('colleagues\' cells and people\'s text', () => {
  const covers = (t: { sheet: string; row: number; col: number; rows: number; cols: number }, r: number, c: number) =>
    t.sheet !== STATE_SHEET && r >= t.row && r < t.row + t.rows && c >= t.col && c < t.col + t.cols;

  function review(evidence: string, owner: string): ChecklistState {
    return withResponse(emptyState(), 'culture', { rating: 'Embedded', evidence, owner });
  }

  test('re-saving the Checklist leaves a colleague\'s hyperlink in Evidence and a formatted Owner cell untouched', async () => {
    const fake = new FakeExcel();
    const wb = new ExcelWorkbook(fake.run);
    await wb.writeSheet(buildChecklistSheet(review('', 'Head'), { name: 'Checklist', mode: 'new', savedAt: '1' }));
    const sheet = fake.find('Checklist') as FakeSheet;
    const row = FIRST_ITEM_ROW; // the first statement ("culture")
    const evidence = columnIndex('Evidence');
    const owner = columnIndex('Owner');
    const next = columnIndex('Next action');
    // A colleague typed =HYPERLINK("https://school/policy","Policy") (its value reads "Policy") and made Owner bold.
    sheet.cells[row][evidence] = 'Policy';
    fake.touches = [];
    // The add-in read "Policy" back into the review; this save also changes Next action.
    const state = withResponse(review('Policy', 'Head'), 'culture', { nextAction: 'Governors' });
    await wb.writeSheet(buildChecklistSheet(state, { name: 'Checklist', mode: 'replace', savedAt: '2' }));
    expect(fake.touches.filter((t) => covers(t, row, evidence))).toEqual([]);
    expect(fake.touches.filter((t) => covers(t, row, owner))).toEqual([]);
    expect(sheet.cells[row][evidence]).toBe('Policy');
    // The changed cell and the add-in's own cells are rewritten.
    expect(fake.touches.some((t) => t.kind === 'values' && covers(t, row, next))).toBe(true);
    expect(sheet.cells[row][next]).toBe('Governors');
    expect(fake.touches.some((t) => /^(values|formulas)$/.test(t.kind) && covers(t, row, columnIndex('Points')))).toBe(true);
    expect(fake.syncs).toBe(3 + 3); // the same three syncs per write as before
  });

  test('a register keeps the Notes cells of earlier rows; its table is unmade without deleting them', async () => {
    const fake = new FakeExcel();
    const wb = new ExcelWorkbook(fake.run);
    const spec = (notes: CellValue): SheetSpec => ({
      name: 'Register',
      mode: 'replace',
      blocks: [{ row: 0, col: 0, values: [['Name', 'Notes'], ['Phonics', notes], ['Maths', null]], table: { name: 'Reg' } }],
      userCells: [{ row: 1, col: 1, rows: 1, cols: 1 }],
    });
    await wb.writeSheet({ ...spec('See the minutes'), mode: 'new' });
    fake.touches = [];
    await wb.writeSheet(spec('See the minutes'));
    expect(fake.touches.filter((t) => covers(t, 1, 1))).toEqual([]);
    expect(fake.calls.some((c) => c.startsWith('table.convertToRange'))).toBe(true);
    expect(fake.calls.some((c) => c.startsWith('table.delete'))).toBe(false);
    expect(fake.find('Register')?.cells.slice(0, 3)).toEqual([['Name', 'Notes'], ['Phonics', 'See the minutes'], ['Maths', null]]);
  });

  test('a statement titled "=Reading" and a note starting with an apostrophe reach Excel as their text', async () => {
    const fake = new FakeExcel();
    let state = addCustom(emptyState(), { area: 'barriers', title: '=Reading', text: 'ages' });
    state = withResponse(state, 'culture', { evidence: "'Tis the survey", owner: '=Head' });
    await new ExcelWorkbook(fake.run).writeSheet(buildChecklistSheet(state, { name: 'Checklist', mode: 'new', savedAt: '1' }));
    const sent = fake.written.flat(1);
    expect(sent.some((line) => line.includes("'=Reading\nages"))).toBe(true);
    expect(sent.some((line) => line.includes("''Tis the survey") && line.includes("'=Head"))).toBe(true);
    const cells = (fake.find('Checklist') as FakeSheet).cells.flat();
    expect(cells).toContain('=Reading\nages');
    expect(cells).toContain("'Tis the survey");
  });
});
