import { addInRule, isAddInsConditionalFormat, type SheetConditionalFormat } from '../../src/workbook/conditionalFormats';
import { checkModel } from '../../src/workbook/memoryModel';
import type { ConditionalFormat, SheetSpec } from '../../src/workbook/port';

// The add-in's colours, written out here (palette.ts is their home): a change there shows here.
const LOW = '#F8696B';
const MID = '#FFEB84';
const HIGH = '#63BE7B';
const RED_FILL = '#FFC7CE';
const GREEN_FILL = '#C6EFCE';

const scoresScale: ConditionalFormat = { row: 18, col: 3, rows: 8, cols: 1, kind: 'colorScale' };
const spec: Pick<SheetSpec, 'conditionalFormats' | 'userCells'> = {
  conditionalFormats: [scoresScale],
  userCells: [{ row: 4, col: 3, rows: 11, cols: 1 }, { row: 4, col: 5, rows: 11, cols: 4 }],
};

function scale(area: { row: number; col: number; rows: number; cols: number }, low = LOW, mid: string | null = MID, high = HIGH, midFormula = '50'): SheetConditionalFormat {
  return {
    type: 'ColorScale',
    areas: [area],
    colorScale: {
      minimum: { type: 'LowestValue', color: low },
      midpoint: mid === null ? null : { type: 'Percentile', formula: midFormula, color: mid },
      maximum: { type: 'HighestValue', color: high },
    },
  };
}

describe("the add-in's conditional formats in Excel's terms", () => {
  test('a colour scale is lowest red, 50th percentile yellow, highest green; a value rule fills green above its threshold', () => {
    expect(addInRule(scoresScale)).toEqual(scale({ row: 18, col: 3, rows: 8, cols: 1 }));
    expect(addInRule({ row: 2, col: 1, rows: 0, cols: 1, kind: 'greaterThan', value: 0.5 })).toEqual({
      type: 'CellValue',
      areas: [{ row: 2, col: 1, rows: 1, cols: 1 }],
      cellValue: { operator: 'GreaterThan', formula1: '0.5', fill: GREEN_FILL },
    });
    expect(addInRule({ row: 2, col: 1, rows: 1, cols: 1, kind: 'lessThan', value: 0 }).cellValue?.fill).toBe(RED_FILL);
    expect(addInRule({ row: 2, col: 1, rows: 1, cols: 1, kind: 'greaterThan', value: 0, tone: 'bad' }).cellValue?.fill).toBe(RED_FILL);
  });
});

describe('which rules found on a sheet being replaced are the add-in\'s', () => {
  test('its colour scale is recognised whatever the case of its colours, "=50" for "50", and after rows moved it', () => {
    expect(isAddInsConditionalFormat(scale({ row: 18, col: 3, rows: 8, cols: 1 }), spec)).toBe(true);
    expect(isAddInsConditionalFormat(scale({ row: 21, col: 3, rows: 8, cols: 1 }, LOW.toLowerCase(), MID, HIGH.toLowerCase(), '=50'), spec)).toBe(true);
  });

  test('a scale of other colours, a two-colour scale or another midpoint is a colleague\'s', () => {
    expect(isAddInsConditionalFormat(scale({ row: 18, col: 3, rows: 8, cols: 1 }, '#FFFFFF'), spec)).toBe(false);
    expect(isAddInsConditionalFormat(scale({ row: 18, col: 3, rows: 8, cols: 1 }, LOW, null), spec)).toBe(false);
    expect(isAddInsConditionalFormat(scale({ row: 18, col: 3, rows: 8, cols: 1 }, LOW, MID, HIGH, '40'), spec)).toBe(false);
  });

  test('the add-in\'s own rule on people\'s cells (a copy with Format Painter) is a colleague\'s', () => {
    expect(isAddInsConditionalFormat(scale({ row: 4, col: 3, rows: 3, cols: 1 }), spec)).toBe(false);
    // One of its areas on people's cells is enough.
    const split = scale({ row: 18, col: 3, rows: 8, cols: 1 });
    split.areas.push({ row: 10, col: 6, rows: 1, cols: 1 });
    expect(isAddInsConditionalFormat(split, spec)).toBe(false);
  });

  test('rules of other types, and rules of a kind the new write does not make, are colleagues\'', () => {
    expect(isAddInsConditionalFormat({ type: 'Custom', areas: [{ row: 18, col: 3, rows: 8, cols: 1 }], formula: '=D19<0.5' }, spec)).toBe(false);
    expect(isAddInsConditionalFormat({ type: 'DataBar', areas: [{ row: 18, col: 3, rows: 8, cols: 1 }] }, spec)).toBe(false);
    const redAbove: SheetConditionalFormat = { type: 'CellValue', areas: [{ row: 18, col: 3, rows: 8, cols: 1 }], cellValue: { operator: 'GreaterThan', formula1: '0.5', fill: RED_FILL } };
    expect(isAddInsConditionalFormat(redAbove, spec)).toBe(false);
    expect(isAddInsConditionalFormat(scale({ row: 18, col: 3, rows: 8, cols: 1 }), { ...spec, conditionalFormats: [] })).toBe(false);
  });

  test('a value rule is the add-in\'s with its operator and fill, another threshold allowed; a font colour makes it Excel\'s preset, a colleague\'s', () => {
    const writes: Pick<SheetSpec, 'conditionalFormats' | 'userCells'> = { conditionalFormats: [{ row: 2, col: 1, rows: 5, cols: 1, kind: 'greaterThan', value: 0.5, tone: 'bad' }] };
    const rule = (over: Partial<NonNullable<SheetConditionalFormat['cellValue']>>): SheetConditionalFormat => ({
      type: 'CellValue',
      areas: [{ row: 2, col: 1, rows: 5, cols: 1 }],
      cellValue: { operator: 'GreaterThan', formula1: '0.4', fill: RED_FILL.toLowerCase(), ...over },
    });
    expect(isAddInsConditionalFormat(rule({}), writes)).toBe(true);
    expect(isAddInsConditionalFormat(rule({ fontColor: '#9C0006' }), writes)).toBe(false);
    expect(isAddInsConditionalFormat(rule({ operator: 'LessThan' }), writes)).toBe(false);
    expect(isAddInsConditionalFormat(rule({ fill: '#C6EFCE' }), writes)).toBe(false);
    expect(isAddInsConditionalFormat(rule({ formula1: '=$A$1' }), writes)).toBe(false);
  });
});

test('a saved workbook keeps well-formed colleagues\' rules and drops malformed ones', () => {
  const model = checkModel({
    sheets: [
      {
        name: 'Checklist',
        values: [],
        otherConditionalFormats: [{ type: 'Custom', areas: [{ row: 1, col: 1, rows: 2, cols: 1 }], formula: '=B2>0' }, { type: 'Custom' }, { areas: [{ row: 0, col: 0, rows: 1, cols: 1 }] }],
        dataValidations: [{ type: 'List', areas: [{ row: 1, col: 2, rows: 5, cols: 1 }], formula1: 'a,b' }, { type: 'List', areas: [{ row: -1, col: 0, rows: 1, cols: 1 }] }],
      },
      { name: 'Other', values: [], dataValidations: 'not a list' },
    ],
  });
  expect(model.sheets[0].otherConditionalFormats).toEqual([{ type: 'Custom', areas: [{ row: 1, col: 1, rows: 2, cols: 1 }], formula: '=B2>0' }]);
  expect(model.sheets[0].dataValidations).toEqual([{ type: 'List', areas: [{ row: 1, col: 2, rows: 5, cols: 1 }], formula1: 'a,b' }]);
  expect(model.sheets[1].dataValidations).toBeUndefined();
});
