/**
 * Outcomes beside attainment in the gap analysis, in a real browser on the built preview with the
 * task pane at Excel's narrowest (320 px): on the sample's Year 9 table the pane shows the outcome
 * columns it found (sessions possible and attended, suspensions, time on free school meals,
 * destination), each ticked and untickable, and the destination words' meanings to confirm; one of
 * a pair alone stops the run with what to fix. The report then has the outcomes table, its header
 * counts those comparisons, and Back on Track lists the persistently absent disadvantaged pupils; a
 * run with every outcome unticked has no outcomes table. Saved as .xlsx and read back with ExcelJS,
 * the attendance and persistent-absence rows carry R's values, computed from the sample's cells:
 *
 *   # y9.csv: the sample's Year 9 PP, Sessions Possible and Sessions Attended (assets/sample/tracker.json)
 *   att <- 100 * attended / possible; pp <- PP == 'Y'
 *   mean(att[pp]) - mean(att[!pp]); t.test(att[pp], att[!pp])$conf.int
 *     # -4.30329460574698 (-7.06638606542453 to -1.54020314606944)
 *   pa <- att <= 90                                   # 10% or more of sessions missed: 28 of 51, 31 of 129
 *   w1 <- prop.test(28, 51, correct = FALSE)$conf.int; w2 <- prop.test(31, 129, correct = FALSE)$conf.int
 *   Newcombe hybrid score: d -/+ sqrt((p1 - w1[1 or 2])^2 + (w2[2 or 1] - p2)^2)
 *     # 100 * d = 30.8709530323757 (15.1354141012212 to 45.278299463095)
 *
 * Needs a build first (`npm run build:test`) and Debian's Chromium at /usr/bin/chromium.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { BROWSER_TIMEOUT, controlsOutside, expectNoAxeViolations, openPreview, sampleTable, type PreviewSession } from './harness';
import { proposeDestinationMapping } from '../../src/core/outcomes/destinations';

let s: PreviewSession;
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ctg-gapout-'));
  s = await openPreview({ viewport: { width: 1440, height: 900 } });
}, BROWSER_TIMEOUT);

afterAll(async () => {
  await s?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}, BROWSER_TIMEOUT);

const PANE = '[data-testid="preview-taskpane"]';
const KINDS = ['sessionsPossible', 'sessionsAttended', 'suspensions', 'destination', 'fsmShare'];

async function paneOk(what: string): Promise<void> {
  await expectNoAxeViolations(s.page, what, PANE);
  await expect(controlsOutside(s.page, PANE)).resolves.toEqual([]);
}

async function savedSheets(names: string[]): Promise<Map<string, unknown[][]>> {
  const file = path.join(dir, 'saved.xlsx');
  const download = s.page.waitForEvent('download');
  await s.page.getByTestId('preview-save-xlsx').click();
  await (await download).saveAs(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out = new Map<string, unknown[][]>();
  for (const n of names) {
    const sheet = wb.getWorksheet(n);
    expect(sheet).toBeDefined();
    const grid: unknown[][] = [];
    sheet?.eachRow({ includeEmpty: true }, (row, k) => {
      grid[k - 1] = (row.values as unknown[]).slice(1);
    });
    out.set(n, grid);
  }
  return out;
}

/** The rows of the report table whose header row holds every one of `headers` (empty when none). */
function tableOf(grid: unknown[][], headers: string[]): { header: unknown[]; rows: unknown[][] } | null {
  const h = grid.findIndex((r) => r && headers.every((x) => r.includes(x)));
  if (h < 0) return null;
  const rows: unknown[][] = [];
  for (let r = h + 1; r < grid.length && grid[r]?.[0] !== undefined && grid[r]?.[0] !== null && grid[r]?.[0] !== ''; r++) rows.push(grid[r]);
  return { header: grid[h], rows };
}

const line = (grid: unknown[][], label: string) => String(grid.find((r) => r?.[0] === label)?.[1] ?? '');
const comparisonsIn = (grid: unknown[][]) => Number(/(\d+) comparisons made/.exec(line(grid, 'Allowance for chance'))?.[1] ?? NaN);

/** Waits for the success message of a report other than `before` (its name followed by its closing quote). */
async function anotherReport(before: string): Promise<void> {
  await s.page.waitForFunction((prev) => {
    const el = document.querySelector('[data-testid="gap-success"]');
    return el !== null && !(el.textContent ?? '').includes(`'${prev}'`);
  }, before, { timeout: 60_000 });
}

async function reportName(): Promise<string> {
  await s.page.getByTestId('gap-success').waitFor({ timeout: 60_000 });
  return /sheet '([^']+)'/.exec((await s.page.getByTestId('gap-success').textContent()) ?? '')?.[1] ?? '';
}

test(
  'Year 9 outcomes shown, included and confirmed in the gap pane at 320 px; the report compares them (R), counts them and lists the persistently absent',
  async () => {
    const { page } = s;
    await page.addStyleTag({ content: `${PANE} { width: 320px !important; }` });
    await page.getByTestId('job-gaps').click();
    await page.getByTestId('gap-data-table').click();
    await page.getByRole('option', { name: /Year ?9/ }).first().click();
    await page.getByTestId('gap-columns').waitFor();

    // Every outcome column found is shown, ticked, with its header.
    const sample = sampleTable('Year9');
    for (const kind of KINDS) await expect(page.getByTestId(`gap-outcome-${kind}`).isChecked()).resolves.toBe(true);
    await expect(page.getByTestId('gap-outcomes-field').textContent()).resolves.toContain('Sessions possible: "Sessions Possible"');
    await expect(page.getByTestId('gap-outcomes-field').textContent()).resolves.toContain('"FSM % of Time" (splits the disadvantaged into long-term and some of the time)');
    // The destination words, each with its proposed meaning to confirm.
    const proposal = proposeDestinationMapping(sample.rows.map((r) => [r[sample.headers.indexOf('Destination')]]));
    expect(proposal.unmapped).toEqual([]);
    const destinations = page.getByTestId('gap-destinations');
    await expect(destinations.textContent()).resolves.toContain('What each destination in "Destination" means');
    for (const [k, m] of proposal.mapping.entries()) await expect(page.getByTestId(`gap-destination-${k}`).inputValue()).resolves.toBe(m.category);
    await page.getByTestId('gap-outcomes-field').scrollIntoViewIfNeeded();
    await s.screenshot('gap-analysis-outcomes-320', 'preview-taskpane');
    await paneOk('the gap analysis with outcome columns found');

    // Sessions possible without sessions attended gives nothing: the pane says so and Run waits.
    await page.getByTestId('gap-outcome-sessionsAttended').click();
    await expect(page.getByTestId('gap-outcomes-field').textContent()).resolves.toContain('"Sessions Possible" is read with sessions attended, which is not ticked: tick both, or untick "Sessions Possible".');
    await expect(page.getByTestId('gap-run').isDisabled()).resolves.toBe(true);
    await paneOk('the gap analysis with one of a pair of outcome columns');
    await page.getByTestId('gap-outcome-sessionsAttended').click();
    await expect(page.getByTestId('gap-run').isDisabled()).resolves.toBe(false);
    // Unticked, a destination's meanings are not asked for; ticked again, they are back.
    await page.getByTestId('gap-outcome-destination').click();
    await expect(destinations.count()).resolves.toBe(0);
    await page.getByTestId('gap-outcome-destination').click();
    await destinations.waitFor();

    await page.getByTestId('gap-run').click();
    const withOutcomes = await reportName();
    const result = page.getByTestId('gap-outcomes-result');
    await expect(result.textContent()).resolves.toMatch(
      /^\d+ outcome comparisons beside attainment \(Sessions Possible, Sessions Attended, Suspensions, FSM % of Time, Destination\), counted in the allowance for chance; 28 persistently absent disadvantaged pupils are on the Back on Track list\.$/,
    );
    await result.scrollIntoViewIfNeeded();
    await s.screenshot('gap-analysis-outcomes-result-320', 'preview-taskpane');
    await paneOk('the gap analysis result with outcomes');

    // The same run with every outcome left out.
    for (const kind of KINDS) await page.getByTestId(`gap-outcome-${kind}`).click();
    await expect(destinations.count()).resolves.toBe(0);
    await page.getByTestId('gap-run').click();
    await anotherReport(withOutcomes);
    const without = await reportName();
    await expect(page.getByTestId('gap-outcomes-result').count()).resolves.toBe(0);

    const sheets = await savedSheets([withOutcomes, without]);
    const a = sheets.get(withOutcomes) as unknown[][];
    const b = sheets.get(without) as unknown[][];

    const outcomes = tableOf(a, ['Outcome', 'Group', 'Gap (disadvantaged minus others)', 'Verdict']);
    expect(outcomes).not.toBeNull();
    const { header, rows } = outcomes as { header: unknown[]; rows: unknown[][] };
    const at = (r: unknown[], name: string) => r[header.indexOf(name)];
    const row = (outcome: string) => rows.find((r) => at(r, 'Outcome') === outcome && at(r, 'Group') === 'All disadvantaged') as unknown[];
    const att = row('Attendance (%)');
    expect(at(att, 'Disadvantaged n')).toBe(51);
    expect(at(att, 'Others n')).toBe(129);
    expect(at(att, 'Gap (disadvantaged minus others)') as number).toBeCloseTo(-4.30329460574698, 9);
    expect(at(att, 'Gap lower') as number).toBeCloseTo(-7.06638606542453, 6);
    expect(at(att, 'Gap upper') as number).toBeCloseTo(-1.54020314606944, 6);
    const pa = row('Persistent absence (10%+ missed)');
    expect(at(pa, 'Disadvantaged') as number).toBeCloseTo((100 * 28) / 51, 9);
    expect(at(pa, 'Others') as number).toBeCloseTo((100 * 31) / 129, 9);
    expect(at(pa, 'Gap (disadvantaged minus others)') as number).toBeCloseTo(30.8709530323757, 9);
    expect(at(pa, 'Gap lower') as number).toBeCloseTo(15.1354141012212, 5);
    expect(at(pa, 'Gap upper') as number).toBeCloseTo(45.278299463095, 5);
    // Destinations and the long-term split are there too.
    expect(rows.some((r) => at(r, 'Outcome') === 'Sustained destination')).toBe(true);
    expect(rows.some((r) => String(at(r, 'Group')).startsWith('Long-term disadvantaged'))).toBe(true);

    // The header counts them: the comparisons made grow by the outcome rows with a p-value.
    const counted = rows.filter((r) => typeof at(r, 'Adjusted p (BH)') === 'number').length;
    expect(counted).toBeGreaterThan(0);
    expect(line(a, 'Allowance for chance')).toContain('comparisons made (gaps, changes and outcomes)');
    expect(line(b, 'Allowance for chance')).toContain('comparisons made (gaps and changes)');
    expect(comparisonsIn(a) - comparisonsIn(b)).toBe(counted);
    expect(line(a, 'Outcomes beside attainment')).toBe('"Sessions Possible", "Sessions Attended", "Suspensions", "FSM % of Time", "Destination"');

    // Back on Track lists the 28 persistently absent disadvantaged pupils; without outcomes, none for attendance.
    const bot = tableOf(a, ['ID', 'Name', 'Subjects', 'Why']);
    expect(bot).not.toBeNull();
    const why = (bot as { header: unknown[]; rows: unknown[][] }).header.indexOf('Why');
    expect((bot as { rows: unknown[][] }).rows.filter((r) => /persistently absent/.test(String(r[why])))).toHaveLength(28);
    expect(tableOf(b, ['Outcome', 'Group', 'Gap (disadvantaged minus others)', 'Verdict'])).toBeNull();
    expect(line(b, 'Outcomes beside attainment')).toBe('');
    const botB = tableOf(b, ['ID', 'Name', 'Subjects', 'Why']) as { header: unknown[]; rows: unknown[][] };
    expect(botB.rows.filter((r) => /persistently absent/.test(String(r[botB.header.indexOf('Why')])))).toHaveLength(0);

    expect(s.pageErrors.filter((e) => /NaN/.test(e))).toEqual([]);
    expect(s.outsideRequests()).toEqual([]);
  },
  4 * BROWSER_TIMEOUT,
);
