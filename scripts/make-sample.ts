/**
 * Builds the sample workbook (`npm run sample`): a synthetic secondary-school tracker with three
 * year groups, made from a seeded random generator so every run gives the same pupils. No real
 * pupils: names are combinations of common names, UPNs are random digits.
 *
 * Writes
 * - assets/sample/tracker.json: the in-memory workbook the browser preview opens
 *   (`loadSampleWorkbook()` in src/preview/sampleLoader.ts);
 * - assets/sample/closing-the-gap-sample.xlsx: the same sheets as Excel tables, plus a
 *   "Try the formulas" sheet with one live formula per GAPS function, each explained.
 *
 * The data is shaped like a MIS export, messy cells included (blanks, ABS, n/a, numbers stored as
 * text), with a disadvantage gap of about half a grade that narrows slightly over the year, and a
 * tutoring programme for lower attainers with a modest effect on later maths and reading.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { MemoryWorkbook, emptySheet, type MemorySheet, type WorkbookModel } from '../src/workbook/memoryWorkbook';
import { gapsFunctionRegistry } from '../src/preview/gapsRegistry';
import { columnLetters } from '../src/workbook/a1';
import type { CellValue } from '../src/workbook/port';
import { seededRandom } from './seededRandom';
import { fixZipDates } from './zipDates';

const OUT = path.resolve(__dirname, '../assets/sample');
const PUPILS_PER_YEAR = 180;
const FORMS = ['A', 'B', 'C', 'D', 'E', 'F'];

const random = seededRandom(20261122);
const normal = (): number => {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
const chance = (p: number): boolean => random() < p;
const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

const SURNAMES = [
  'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Patel', 'Robinson', 'Wright', 'Thompson', 'Evans',
  'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Wood', 'Jackson', 'Clarke', 'Khan', 'Ali', 'Hussain', 'Lewis', 'Harris', 'Martin',
  'Cooper', 'King', 'Lee', 'Baker', 'Hill', 'Moore', 'Ward', 'Turner', 'Begum', 'Nowak', 'Kowalski', 'Okafor', 'Adeyemi', 'Murphy',
  'Kelly', 'Hughes', 'Edwards', 'Collins', 'Stewart', 'Morris', 'Mensah', 'Singh', 'Chen', 'Nguyen', 'Ahmed', 'Campbell', 'Scott',
];
const FORENAMES_F = ['Olivia', 'Amelia', 'Isla', 'Ava', 'Mia', 'Ivy', 'Lily', 'Isabella', 'Sophia', 'Grace', 'Freya', 'Aisha', 'Zara', 'Maya', 'Ruby', 'Ella', 'Evie', 'Poppy', 'Hannah', 'Chloe', 'Amira', 'Maryam', 'Julia', 'Zofia'];
const FORENAMES_M = ['Noah', 'Oliver', 'George', 'Leo', 'Arthur', 'Muhammad', 'Harry', 'Oscar', 'Jack', 'Charlie', 'Jacob', 'Freddie', 'Alfie', 'Theo', 'Archie', 'Henry', 'Ibrahim', 'Yusuf', 'Kai', 'Ethan', 'Adam', 'Daniel', 'Jakub', 'Tomasz'];

const HEADERS = [
  'UPN', 'Surname', 'Forename', 'Year', 'Form', 'Gender', 'FSM6', 'PP', 'SEND', 'EAL', 'KS2 Scaled', 'Prior Band', 'Set',
  'Eng Aut', 'Eng Spr', 'Eng Sum', 'Ma Aut', 'Ma Spr', 'Ma Sum', 'Sci Aut', 'Sci Spr', 'Sci Sum', 'Tutoring', 'Reading Pre', 'Reading Post',
] as const;
type Header = (typeof HEADERS)[number];
const col = (h: Header): number => HEADERS.indexOf(h);

/** A working-at grade on the 9-1 scale with thirds shown as "+" and "-" ("5+", "6-", 4, "U"). */
function workingAt(points: number): CellValue {
  if (points < 0.5) return 'U';
  const thirds = Math.round(clamp(points, 2 / 3, 9) * 3);
  const grade = Math.round(thirds / 3);
  const rest = thirds - grade * 3;
  return rest === 0 ? grade : `${grade}${rest > 0 ? '+' : '-'}`;
}

/** Each pupil's hidden ranking score for maths sets, by their row. */
const setScores = new Map<CellValue[], number>();

interface Pupil {
  row: CellValue[];
  form: string;
  surname: string;
}

function makeYear(year: number): CellValue[][] {
  const pupils: Pupil[] = [];
  const yearLevel = { 7: 3.4, 8: 4.0, 9: 4.6 }[year] ?? 4;
  // Who the pupils are first, then their latent attainment, centred so that the disadvantaged
  // group's mean sits a fixed 0.35 SD below the others' (the gap then holds in every year group
  // instead of drifting with sampling noise).
  const who = Array.from({ length: PUPILS_PER_YEAR }, () => {
    const fsm6 = chance(0.25);
    const lookedAfter = !fsm6 && chance(0.02);
    const disadvantaged = fsm6 || lookedAfter;
    const send = chance(disadvantaged ? 0.24 : 0.13) ? (chance(0.18) ? 'E' : 'K') : 'N';
    return { female: chance(0.5), fsm6, disadvantaged, send, eal: chance(0.16), z: normal() - (send === 'N' ? 0 : 0.5) };
  });
  const meanZ = (d: boolean) => {
    const g = who.filter((w) => w.disadvantaged === d);
    return g.reduce((a, w) => a + w.z, 0) / Math.max(1, g.length);
  };
  const shiftDis = meanZ(false) - 0.35 - meanZ(true);
  for (const { female, fsm6, disadvantaged, send, eal, z } of who) {
    const ability = z + (disadvantaged ? shiftDis : 0);
    const joinedLater = chance(0.06);
    const ks2 = joinedLater ? null : Math.round(clamp(104 + 6.5 * ability + 2 * normal(), 80, 120));
    const band = ks2 === null ? null : ks2 < 100 ? 'Low' : ks2 < 110 ? 'Middle' : 'High';
    const setScore = ability + 0.5 * normal() - (disadvantaged ? 0.25 : 0);

    // Gap beyond prior attainment, narrowing over the year (autumn, spring, summer).
    const extraGap = disadvantaged ? [0.12, 0.08, 0.04] : [0, 0, 0];
    const subjectPoints = (offset: number, term: number) => yearLevel + 0.2 * term + offset + 1.1 * ability - extraGap[term] + 0.45 * normal();
    const eng = [0, 1, 2].map((t) => subjectPoints(0.1, t));
    const maAut = subjectPoints(0, 0);
    const tutoring = chance(clamp(0.5 - 0.35 * (maAut - yearLevel), 0.03, 0.75) * 0.42);
    const ma = [maAut, subjectPoints(0, 1) + (tutoring ? 0.15 : 0), subjectPoints(0, 2) + (tutoring ? 0.25 : 0)];
    const sci = [0, 1, 2].map((t) => subjectPoints(-0.1, t));
    const readingPre = Math.round(clamp(101 + 10 * ability + 10 * normal() - (disadvantaged ? 2 : 0), 70, 141));
    const readingPost = Math.round(clamp(readingPre + 1 + 5 * normal() + (tutoring ? 3.5 : 0), 70, 141));

    const surname = pick(SURNAMES);
    const row: CellValue[] = new Array(HEADERS.length).fill(null);
    row[col('UPN')] = `${pick(['A', 'B', 'C', 'D', 'E', 'H', 'K', 'M', 'N', 'P', 'R', 'T'])}${String(Math.floor(random() * 1e12)).padStart(12, '0')}`;
    row[col('Surname')] = surname;
    row[col('Forename')] = pick(female ? FORENAMES_F : FORENAMES_M);
    row[col('Year')] = year;
    row[col('Gender')] = female ? 'F' : 'M';
    row[col('FSM6')] = fsm6 ? 'Y' : null;
    row[col('PP')] = disadvantaged ? 'Y' : null;
    row[col('SEND')] = send;
    row[col('EAL')] = eal ? 'Y' : 'N';
    row[col('KS2 Scaled')] = ks2;
    row[col('Prior Band')] = band;
    row[col('Eng Aut')] = workingAt(eng[0]);
    row[col('Eng Spr')] = workingAt(eng[1]);
    row[col('Eng Sum')] = workingAt(eng[2]);
    row[col('Ma Aut')] = workingAt(ma[0]);
    row[col('Ma Spr')] = workingAt(ma[1]);
    row[col('Ma Sum')] = workingAt(ma[2]);
    row[col('Sci Aut')] = workingAt(sci[0]);
    row[col('Sci Spr')] = workingAt(sci[1]);
    row[col('Sci Sum')] = workingAt(sci[2]);
    row[col('Tutoring')] = tutoring ? 'Y' : null;
    row[col('Reading Pre')] = readingPre;
    row[col('Reading Post')] = readingPost;
    pupils.push({ row, form: '', surname });
    setScores.set(row, setScore);
  }

  // Sets 1 (top) to 4 by a noisy ranking: disadvantaged pupils end up somewhat more often in lower sets.
  const ranked = [...pupils].sort((a, b) => (setScores.get(b.row) ?? 0) - (setScores.get(a.row) ?? 0));
  ranked.forEach((p, k) => {
    p.row[col('Set')] = 1 + Math.floor((k * 4) / ranked.length);
  });
  // Forms are mixed-ability: deal pupils out in random order.
  const shuffled = [...pupils].sort(() => random() - 0.5);
  shuffled.forEach((p, k) => {
    p.form = `${year}${FORMS[k % FORMS.length]}`;
    p.row[col('Form')] = p.form;
  });

  messUp(pupils.map((p) => p.row));
  pupils.sort((a, b) => a.form.localeCompare(b.form) || a.surname.localeCompare(b.surname));
  return [HEADERS.slice(), ...pupils.map((p) => p.row)];
}
/** What real exports look like: about 3% blanks, some absences, a few numbers stored as text, an "n/a". */
function messUp(rows: CellValue[][]): void {
  const assessed = [col('Eng Aut'), col('Eng Spr'), col('Eng Sum'), col('Ma Aut'), col('Ma Spr'), col('Ma Sum'), col('Sci Aut'), col('Sci Spr'), col('Sci Sum'), col('Reading Pre'), col('Reading Post')];
  for (const row of rows) {
    for (const c of assessed) {
      const u = random();
      if (u < 0.03) row[c] = null;
      else if (u < 0.04) row[c] = 'ABS';
    }
    for (const c of [col('KS2 Scaled'), col('Reading Pre'), col('Reading Post')]) {
      if (typeof row[c] === 'number' && chance(0.012)) row[c] = ` ${row[c]}`;
    }
  }
  rows[Math.floor(random() * rows.length)][col('Reading Post')] = 'n/a';
  rows[Math.floor(random() * rows.length)][col('Sci Spr')] = 'n/a';
}

// ----- attendance, suspensions, long-term disadvantage and destinations -----

/** Its own generator, so the columns above keep exactly the values they had before these were added. */
const outcomeRandom = seededRandom(20261202);
const outcomeNormal = (): number => Math.sqrt(-2 * Math.log(1 - outcomeRandom())) * Math.cos(2 * Math.PI * outcomeRandom());
const outcomeChance = (p: number): boolean => outcomeRandom() < p;

/** Leavers' destinations as a school's export words them (mapped by the user on the outcomes screen). */
const DESTINATIONS_SUSTAINED = ['Sixth Form', 'FE College', 'Apprenticeship', 'Employment with training'];
const DESTINATIONS_OTHER = ['Not sustained', 'NEET', 'Not known'];

/**
 * Adds outcome columns to a year table, after the existing ones: attendance (Years 7 and 8 as a
 * percentage with a few messy cells; Year 9 as sessions possible and attended), suspensions per
 * pupil, the share of time eligible for free school meals (most disadvantaged pupils some of the
 * time, about a third of them long-term) and, for Year 9, a destination. Disadvantaged pupils
 * attend less and are suspended more often, as nationally.
 */
function addOutcomes(table: CellValue[][], year: number): CellValue[][] {
  const [headers, ...rows] = table;
  const pp = headers.indexOf('PP');
  const sessions = year === 9;
  const added = [...(sessions ? ['Sessions Possible', 'Sessions Attended'] : ['Attendance %']), 'Suspensions', 'FSM % of Time', ...(year === 9 ? ['Destination'] : [])];
  const out: CellValue[][] = [[...headers, ...added]];
  rows.forEach((row, k) => {
    const dis = row[pp] === 'Y';
    const absence = clamp(Math.exp(Math.log(dis ? 0.085 : 0.05) + 0.75 * outcomeNormal()), 0, 0.7);
    const extra: CellValue[] = [];
    if (sessions) {
      const possible = outcomeChance(0.05) ? 260 + Math.round(40 * outcomeRandom()) : 330;
      extra.push(possible, Math.round(possible * (1 - absence)));
    } else {
      const pct = Math.round((1 - absence) * 1000) / 10;
      const messy = k % 45;
      extra.push(messy === 7 ? `${pct}%` : messy === 19 ? null : messy === 33 ? 'n/a' : pct);
    }
    const rate = (dis ? 0.12 : 0.04) * (1 + 4 * absence);
    const suspended = outcomeChance(rate) ? 1 + (outcomeChance(0.3) ? 1 : 0) + (outcomeChance(0.1) ? 1 : 0) : 0;
    extra.push(suspended);
    extra.push(dis ? (outcomeChance(0.35) ? 100 : Math.round(15 + 70 * outcomeRandom())) : 0);
    if (year === 9) {
      const sustained = outcomeChance(dis ? 0.82 : 0.93);
      const words = sustained ? DESTINATIONS_SUSTAINED : DESTINATIONS_OTHER;
      extra.push(words[Math.floor(outcomeRandom() * words.length)]);
    }
    out.push([...row, ...extra]);
  });
  return out;
}

// ----- the "Try the formulas" sheet -----

const LAST = PUPILS_PER_YEAR + 1;
const Y9 = (h: Header): string => `'Year 9'!${columnLetters(col(h))}2:${columnLetters(col(h))}${LAST}`;
const Y8 = (h: Header): string => `'Year 8'!${columnLetters(col(h))}2:${columnLetters(col(h))}${LAST}`;

interface Example {
  name: string;
  explanation: string;
  formula: string;
  /** Rows and columns the result spills into (1 x 1 for a single value). */
  rows: number;
  cols: number;
}

const SCALARS: Example[] = [
  { name: 'FSMGAP', explanation: 'Year 9 reading (post-test): mean of other pupils minus mean of FSM6 pupils.', formula: `=GAPS.FSMGAP(${Y9('Reading Post')},${Y9('FSM6')})`, rows: 1, cols: 1 },
  { name: 'GAPINDEX', explanation: 'Year 9 KS2 scaled scores: DfE-style gap index from -10 to 10 (0 = no gap).', formula: `=GAPS.GAPINDEX(${Y9('KS2 Scaled')},${Y9('PP')})`, rows: 1, cols: 1 },
  { name: 'THRESHOLDGAP', explanation: 'Year 9 reading: share of others at 100 or more minus share of FSM6 pupils.', formula: `=GAPS.THRESHOLDGAP(${Y9('Reading Post')},${Y9('FSM6')},100)`, rows: 1, cols: 1 },
  { name: 'GROUPGAP', explanation: 'Year 9 reading: mean of pupils without SEND minus mean of pupils on SEN support (K).', formula: `=GAPS.GROUPGAP(${Y9('Reading Post')},${Y9('SEND')},"K","N")`, rows: 1, cols: 1 },
  { name: 'PROGRESSGAP', explanation: 'Year 9 reading progress (post minus pre): others minus FSM6 pupils.', formula: `=GAPS.PROGRESSGAP(${Y9('Reading Pre')},${Y9('Reading Post')},${Y9('FSM6')})`, rows: 1, cols: 1 },
  { name: 'EFFECTSIZE', explanation: "Hedges' g between Year 9 and Year 8 reading post-test scores.", formula: `=GAPS.EFFECTSIZE(${Y9('Reading Post')},${Y8('Reading Post')})`, rows: 1, cols: 1 },
  { name: 'EEFMONTHS', explanation: "Months' additional progress the EEF gives for an effect size of 0.3.", formula: '=GAPS.EEFMONTHS(0.3)', rows: 1, cols: 1 },
  { name: 'CHECKLISTSCORE', explanation: 'Score of the ratings in column J (blank = not yet rated), as a fraction of the top rating.', formula: '=GAPS.CHECKLISTSCORE(J5:J10)', rows: 1, cols: 1 },
  { name: 'REPRESENTATION', explanation: 'How far FSM6 pupils are over-represented in Year 9 maths set 4 (1 = in proportion).', formula: `=GAPS.REPRESENTATION(${Y9('FSM6')},${Y9('Set')},4)`, rows: 1, cols: 1 },
];
const SPILLS_BELOW: Example[] = [
  { name: 'GAPSUMMARY', explanation: 'Year 9 reading: the whole gap at once, with its 95% interval and a note on small groups.', formula: `=GAPS.GAPSUMMARY(${Y9('Reading Post')},${Y9('FSM6')})`, rows: 11, cols: 2 },
  { name: 'INTERVENTIONIMPACT', explanation: 'Year 9 tutoring: effect on reading gains against all other pupils, with EEF months.', formula: `=GAPS.INTERVENTIONIMPACT(${Y9('Reading Pre')},${Y9('Reading Post')},${Y9('Tutoring')})`, rows: 9, cols: 2 },
];
const SPILLS_RIGHT: Example[] = [
  { name: 'PROGRESSDELTA', explanation: 'Each Year 9 pupil: reading post minus pre.', formula: `=GAPS.PROGRESSDELTA(${Y9('Reading Pre')},${Y9('Reading Post')})`, rows: PUPILS_PER_YEAR, cols: 1 },
  { name: 'VALUEADDED', explanation: 'Each Year 9 pupil: reading post against the line predicted from KS2.', formula: `=GAPS.VALUEADDED(${Y9('KS2 Scaled')},${Y9('Reading Post')})`, rows: PUPILS_PER_YEAR, cols: 1 },
  { name: 'GRADEPOINTS', explanation: 'Each Year 9 pupil: summer maths grade as points (5+ = 5.33).', formula: `=GAPS.GRADEPOINTS(${Y9('Ma Sum')},"gcse")`, rows: PUPILS_PER_YEAR, cols: 1 },
];
const RATINGS: CellValue[] = ['Embedded', 'Established', 'Developing', 'Not started', null, 'Green'];

interface Placed extends Example {
  row: number;
  col: number;
}

/** The formulas sheet's cells, and where each formula sits (0-based). */
function formulasSheet(): { values: CellValue[][]; placed: Placed[] } {
  const values: CellValue[][] = [];
  const put = (r: number, c: number, v: CellValue) => {
    while (values.length <= r) values.push([]);
    while (values[r].length <= c) values[r].push(null);
    values[r][c] = v;
  };
  const placed: Placed[] = [];
  put(0, 0, 'Try the GAPS formulas');
  put(1, 0, 'Each formula below reads the year-group sheets of this workbook. They compute while the Closing the Gap add-in is loaded; without it Excel shows #NAME?.');
  put(2, 0, 'Change a score on "Year 9" and watch the results move. The values stored in this file were computed when it was made.');
  put(3, 0, 'Function');
  put(3, 1, 'What it shows');
  put(3, 2, 'Result');
  SCALARS.forEach((e, i) => {
    put(4 + i, 0, `GAPS.${e.name}`);
    put(4 + i, 1, e.explanation);
    put(4 + i, 2, e.formula);
    placed.push({ ...e, row: 4 + i, col: 2 });
  });
  put(3, 9, 'Ratings');
  RATINGS.forEach((r, i) => put(4 + i, 9, r));
  let row = 4 + SCALARS.length + 1;
  for (const e of SPILLS_BELOW) {
    put(row, 0, `GAPS.${e.name}`);
    put(row, 1, e.explanation);
    put(row, 2, e.formula);
    placed.push({ ...e, row, col: 2 });
    row += e.rows + 1;
  }
  SPILLS_RIGHT.forEach((e, i) => {
    const c = 5 + i;
    put(2, c, e.explanation);
    put(3, c, `GAPS.${e.name}`);
    put(4, c, e.formula);
    placed.push({ ...e, row: 4, col: c });
  });
  return { values, placed };
}

// ----- beyond one year group: three Year 11 cohorts and a small trust -----

/** The Year 11 cohorts' and the trust's headers: an Attainment 8 score (0-90) as the outcome. */
const Y11_HEADERS = ['UPN', 'School', 'Cohort', 'PP', 'SEND', 'EAL', 'Gender', 'Joined Late', 'KS2 Scaled', 'Attainment 8'];

/** The trust's schools: name, Year 11 size, share disadvantaged, and how its disadvantaged pupils fare (points of Attainment 8). */
const TRUST_SCHOOLS: Array<[string, number, number, number]> = [
  ['Northgate Academy', 220, 0.22, 0],
  ['Riverside School', 160, 0.38, 6],
  ['St Aidan\'s', 120, 0.18, -1],
  ['Hillcrest', 90, 0.45, -9],
  ['Brookfield', 60, 0.3, 2],
  ['Marsh Lane', 35, 0.25, 1],
  ['Oakwood', 24, 0.2, 0],
];

/**
 * Year 11 pupils of one cohort: prior attainment, context, and an Attainment 8 score whose
 * disadvantage gap beyond prior attainment is `extraGap` points (plus `schoolEffect` for the
 * disadvantaged pupils of a trust school). Drawn from its own generator so the tracker stays as it was.
 */
function makeY11(rnd: () => number, n: number, cohort: number, school: string, disShare: number, extraGap: number, schoolEffect: number): CellValue[][] {
  const gauss = (): number => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  const rows: CellValue[][] = [];
  for (let i = 0; i < n; i++) {
    const dis = rnd() < disShare;
    const send = rnd() < (dis ? 0.22 : 0.12) ? (rnd() < 0.2 ? 'E' : 'K') : 'N';
    const eal = rnd() < 0.15;
    const female = rnd() < 0.5;
    const late = rnd() < (dis ? 0.1 : 0.05);
    const ability = gauss() - (dis ? 0.35 : 0) - (send === 'N' ? 0 : 0.5);
    const ks2 = Math.round(clamp(104 + 6.5 * ability + 2 * gauss(), 80, 120));
    const a8 = clamp(46 + 11 * ability - (dis ? extraGap - schoolEffect : 0) - (late ? 3 : 0) + 7 * gauss(), 0, 90);
    rows.push([
      `${['A', 'B', 'C', 'H', 'K', 'M'][Math.floor(rnd() * 6)]}${String(Math.floor(rnd() * 1e12)).padStart(12, '0')}`,
      school, cohort, dis ? 'Y' : null, send, eal ? 'Y' : 'N', female ? 'F' : 'M', late ? 'Y' : null, ks2, Math.round(a8 * 10) / 10,
    ]);
  }
  if (rows.length > 3) rows[3][9] = null; // a pupil with no result, as exports have
  return [Y11_HEADERS.slice(), ...rows];
}

/** Year 11 of 2023, 2024 and 2025 at this school (the gap narrowing), and a trust of seven schools in 2025. */
function beyondOneYear(): MemorySheet[] {
  const rnd = seededRandom(20261202);
  const widths = [105, 130, 60, 40, 50, 40, 55, 70, 70, 80];
  const cohorts = [[2023, 5], [2024, 3.5], [2025, 2]].map(([year, extra]) =>
    sheetFor(`Y11 ${year}`, makeY11(rnd, 150, year, 'Northgate Academy', 0.25, extra, 0), `Y11_${year}`, widths),
  );
  const trust = TRUST_SCHOOLS.flatMap(([school, n, share, effect], k) => makeY11(rnd, n, 2025, school, share, 3, effect).slice(k === 0 ? 0 : 1));
  return [...cohorts, sheetFor('Trust Y11 2025', trust, 'TrustY11', widths)];
}

// ----- output -----

function sheetFor(name: string, values: CellValue[][], table: string | null, widths: number[]): MemorySheet {
  const sheet = emptySheet(name);
  sheet.values = values;
  sheet.columnWidths = widths;
  sheet.freezeRows = table ? 1 : 0;
  if (table) sheet.tables = [{ name: table, row: 0, col: 0, rows: values.length, cols: values[0].length, style: 'TableStyleMedium2' }];
  return sheet;
}

const COLUMN_WIDTHS = HEADERS.map((h) => (h === 'UPN' ? 105 : h === 'Surname' || h === 'Forename' ? 80 : h.length > 8 ? 70 : 50));

function excelValue(v: CellValue): ExcelJS.CellValue {
  if (typeof v === 'string' && /^#(N\/A|VALUE!|DIV\/0!|NAME\?|NUM!|SPILL!|CALC!)$/.test(v)) return { error: v } as ExcelJS.CellErrorValue;
  return v === null ? null : v;
}

async function writeXlsx(model: WorkbookModel, computed: MemoryWorkbook, placed: Placed[], file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Closing the Gap for Excel (synthetic sample)';
  wb.created = new Date(Date.UTC(2026, 10, 22));
  wb.modified = wb.created;
  for (const sheet of model.sheets) {
    const ws = wb.addWorksheet(sheet.name, sheet.freezeRows ? { views: [{ state: 'frozen', ySplit: sheet.freezeRows }] } : {});
    sheet.columnWidths.forEach((w, c) => {
      ws.getColumn(c + 1).width = Math.round(w / 6);
    });
    const table = sheet.tables[0];
    if (table) {
      const [headers, ...rows] = sheet.values;
      ws.addTable({
        name: table.name,
        ref: 'A1',
        headerRow: true,
        style: { theme: 'TableStyleMedium2', showRowStripes: true },
        columns: headers.map((h) => ({ name: String(h), filterButton: true })),
        rows: rows.map((r) => headers.map((_, c) => r[c] ?? null)),
      });
      continue;
    }
    const shown = computed.displayValues(sheet.name);
    shown.forEach((line, r) => line.forEach((v, c) => {
      if (v !== null) ws.getCell(r + 1, c + 1).value = excelValue(v);
    }));
    for (const p of placed) {
      const result = shown[p.row]?.[p.col] ?? null;
      const ref = `${columnLetters(p.col)}${p.row + 1}:${columnLetters(p.col + p.cols - 1)}${p.row + p.rows}`;
      // Excel saves a JavaScript custom function's call as _xldudf_<NAMESPACE>_<NAME>(...) and shows it as
      // GAPS.<NAME> once the add-in has registered its functions; a plain "GAPS.X(" in a file is an unknown name.
      const formula = p.formula.slice(1).replace(/\bGAPS\.([A-Z]+)\(/g, '_xldudf_GAPS_$1(');
      const value = excelValue(result);
      ws.getCell(p.row + 1, p.col + 1).value = (p.rows * p.cols > 1
        ? { formula, shareType: 'array', ref, result: value ?? undefined }
        : { formula, result: value ?? undefined }) as ExcelJS.CellFormulaValue;
    }
    ws.getCell('A1').font = { bold: true, size: 14 };
    ws.getRow(4).font = { bold: true };
    ws.getColumn(1).width = 22;
    ws.getColumn(2).width = 60;
    ws.getColumn(3).width = 16;
    ws.getColumn(4).width = 12;
    for (let c = 6; c <= 8; c++) ws.getColumn(c).width = 16;
  }
  // Fixed entry dates: the same data gives the same bytes, so regenerating leaves git clean.
  fs.writeFileSync(file, fixZipDates(new Uint8Array(await wb.xlsx.writeBuffer()), wb.created));
}

async function main(): Promise<void> {
  const years = [7, 8, 9].map((y) => sheetFor(`Year ${y}`, addOutcomes(makeYear(y), y), `Year${y}`, COLUMN_WIDTHS));
  const { values, placed } = formulasSheet();
  const tryIt = sheetFor('Try the formulas', values, null, [150, 420, 100, 80, 20, 110, 110, 110, 20, 90]);
  const model: WorkbookModel = { sheets: [...years, ...beyondOneYear(), tryIt], activeSheet: 'Year 9', selection: { sheet: 'Year 9', row: 0, col: 0, rows: 1, cols: 1 }, state: {} };

  fs.mkdirSync(OUT, { recursive: true });
  const json = `${JSON.stringify(model)}\n`;
  fs.writeFileSync(path.join(OUT, 'tracker.json'), json);
  const computed = new MemoryWorkbook(model, { functions: gapsFunctionRegistry() });
  await writeXlsx(model, computed, placed, path.join(OUT, 'closing-the-gap-sample.xlsx'));

  for (const p of placed) console.log(`${p.name.padEnd(20)} ${JSON.stringify(computed.displayValue('Try the formulas', p.row, p.col))}`);
  console.log(`tracker.json: ${(json.length / 1024).toFixed(0)} KB`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
