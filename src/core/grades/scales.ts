/**
 * Grade scales schools keep in trackers, as points (DOMAIN.md, "Assessment scales"):
 * - gcse: 9-1 and U (0); a trailing + or - adds or takes a third of a grade ("5+" = 5.33, "6-" = 5.67).
 * - letter: pre-2017 GCSE letters as DfE Attainment 8 points: A* 8.5, A 7, B 5.5, C 4, D 3, E 2,
 *   F 1.5, G 1, U 0.
 * - nc: National Curriculum levels 1-8: W = 3, level L = 6L + 3 with sub-level c -2, b 0, a +2
 *   (4c 25, 4b 27, 4a 29); a plain level counts as b; "L4b" and "Level 4b" are read too.
 * - ta: KS2 teacher assessment: WTS 1, EXS 2, GDS 3.
 * - a school's own table of (grade, points).
 * Numbers, and numbers stored as text, pass through unchanged on every scale, except that on the
 * levels scale a whole number from 1 to 8 is a plain level ("4" = level 4 = 27 points).
 */
import { type Grid, describeValue, isBlank, readLabel, readScore } from '../cells';
import { valueError } from '../errors';

export type NamedScale = 'gcse' | 'letter' | 'nc' | 'ta';
export type GradeScale = NamedScale | { kind: 'table'; points: ReadonlyMap<string, number> };

export const SCALE_NAMES: readonly NamedScale[] = ['gcse', 'letter', 'nc', 'ta'];

const ALIASES: Record<string, NamedScale> = {
  GCSE: 'gcse', '9-1': 'gcse', '9 1': 'gcse', NUMBERS: 'gcse',
  LETTER: 'letter', LETTERS: 'letter', 'A*-G': 'letter',
  NC: 'nc', LEVELS: 'nc', 'NC LEVELS': 'nc',
  TA: 'ta', KS2TA: 'ta', 'KS2 TA': 'ta',
};

/** A scale's name from text ("gcse", "letter", "nc", "ta"); `#VALUE!` listing the names otherwise. */
export function parseScaleName(text: unknown): NamedScale {
  const key = typeof text === 'string' ? text.trim().toUpperCase() : '';
  const hit = ALIASES[key];
  if (!hit) throw valueError(`scale must be "gcse", "letter", "nc", "ta" or a two-column table of grades and points, but it is ${describeValue(text)}`);
  return hit;
}

/**
 * A school's own (grade, points) table as a scale. Grades are matched trimmed and ignoring case;
 * rows with both cells blank are skipped, and so is a first row of two headings ("Grade", "Points").
 *
 * @example tableScale([["Grade", "Points"], ["Secure", 3], ["Developing", 1]]) // Secure 3, Developing 1
 * @throws GapsError('value') when the table is not two columns, a row lacks a grade or a number of
 *   points (naming the row), or no row holds both.
 */
export function tableScale(table: Grid): GradeScale {
  if (table.length === 0 || table[0].length !== 2) {
    throw valueError(`a scale table must have two columns, the grade then its points, but it has ${table.length === 0 ? 0 : table[0].length}`);
  }
  const points = new Map<string, number>();
  table.forEach(([g, p], r) => {
    if (isBlank(g) && isBlank(p)) return;
    const key = readLabel(g);
    const value = readScore(p);
    if (r === 0 && typeof g === 'string' && typeof p === 'string' && Number.isNaN(value) && Number.isNaN(readScore(g))) return; // headings
    if (key === '' || Number.isNaN(value)) {
      throw valueError(`scale table row ${r + 1} holds ${describeValue(key === '' ? g : p)}: each row needs a grade and a number of points`);
    }
    points.set(key, value);
  });
  if (points.size === 0) throw valueError('the scale table has no rows with a grade and points');
  return { kind: 'table', points };
}

const LETTER: Record<string, number> = { 'A*': 8.5, A: 7, B: 5.5, C: 4, D: 3, E: 2, F: 1.5, G: 1, U: 0 };
const TA: Record<string, number> = { WTS: 1, EXS: 2, GDS: 3 };
const SUB: Record<string, number> = { C: -2, B: 0, A: 2 };

function compact(cell: string): string {
  return cell.trim().toUpperCase().replace(/\s+/g, '').replace(/[\u2212\u2013]/g, '-');
}

function gcse(t: string): number | undefined {
  if (t === 'U') return 0;
  const m = /^([1-9])([+-]?)$/.exec(t);
  if (!m) return undefined;
  const g = Number(m[1]);
  return m[2] === '+' ? g + 1 / 3 : m[2] === '-' ? g - 1 / 3 : g;
}

function nc(t: string): number | undefined {
  if (t === 'W') return 3;
  const m = /^(?:L|LEVEL)?([1-8])([ABC]?)$/.exec(t);
  if (!m) return undefined;
  return 6 * Number(m[1]) + 3 + (m[2] ? SUB[m[2]] : 0);
}

/**
 * A number read on a scale: itself, except that on the levels scale a whole number from 1 to 8 is
 * a plain level, counted as b (`4` = 27 points). A school's table is not consulted here.
 *
 * @example numberAsPoints(4, "nc")   // 27
 * @example numberAsPoints(4, "gcse") // 4
 */
export function numberAsPoints(n: number, scale: GradeScale): number {
  if (scale === 'nc' && Number.isInteger(n) && n >= 1 && n <= 8) return 6 * n + 3;
  return n;
}

/**
 * A grade cell as points: a number, null for a blank cell, or undefined when the scale does not
 * know the grade.
 *
 * @example gradeValue("5+", "gcse") // 5.333333333333333
 * @example gradeValue("4c", "nc")   // 25
 * @example gradeValue("Z", "gcse")  // undefined
 */
export function gradeValue(cell: unknown, scale: GradeScale): number | null | undefined {
  if (isBlank(cell)) return null;
  if (typeof scale === 'object') {
    const hit = scale.points.get(readLabel(cell));
    if (hit !== undefined) return hit;
  }
  const n = readScore(cell);
  if (!Number.isNaN(n)) return numberAsPoints(n, scale);
  if (typeof cell !== 'string' || typeof scale === 'object') return undefined;
  const t = compact(cell);
  switch (scale) {
    case 'gcse': return gcse(t);
    case 'letter': return LETTER[t];
    case 'nc': return nc(t);
    case 'ta': return TA[t];
  }
}

/**
 * Points as the grade a teacher would write on the scale, where there is one: "B" for 5.5 on the
 * letter scale, "4b" for 27 on NC levels, "EXS" for 2 on the TA scale, "5+" for 5.33 and "U" for 0
 * on 9-1; otherwise (a mean, a scaled score, a school's own table) the number with at most two
 * decimals. For one pupil's result, not for means.
 *
 * @example gradeText(5.5, "letter") // "B"
 * @example gradeText(16 / 3, "gcse") // "5+"
 * @example gradeText(104, "gcse")     // "104"
 */
export function gradeText(points: number, scale: GradeScale): string {
  const near = (a: number, b: number) => Math.abs(a - b) < 1e-6;
  const found = (table: Record<string, number>) => Object.keys(table).find((k) => near(table[k], points));
  if (Number.isFinite(points)) {
    // A school's own table keeps its grades in capitals for matching: its points are shown instead.
    if (scale === 'letter') {
      const g = found(LETTER);
      if (g) return g;
    } else if (scale === 'ta') {
      const g = found(TA);
      if (g) return g;
    } else if (scale === 'nc') {
      if (near(points, 3)) return 'W';
      for (let level = 1; level <= 8; level++) {
        const sub = Object.keys(SUB).find((k) => near(6 * level + 3 + SUB[k], points));
        if (sub) return `${level}${sub.toLowerCase()}`;
      }
    } else if (scale === 'gcse' && points >= 0 && points <= 9) {
      if (near(points, 0)) return 'U';
      const whole = Math.round(points);
      if (near(points, whole)) return String(whole);
      if (near(points, whole + 1 / 3) && whole >= 1) return `${whole}+`;
      if (near(points, whole - 1 / 3) && whole <= 9) return `${whole}-`;
    }
  }
  const r = Math.round(points * 100) / 100;
  return String(r === 0 ? 0 : r);
}

/** The name of a scale for messages. */
export function scaleLabel(scale: GradeScale): string {
  return typeof scale === 'object' ? 'your scale table' : `the ${scale} scale`;
}

/**
 * The named scale that recognises most of a column's non-blank, non-numeric values
 * (numbers pass through on every scale, so an all-number column is "gcse").
 */
export function guessScale(values: Iterable<unknown>): { scale: NamedScale; recognised: number; total: number } {
  const counts: Record<NamedScale, number> = { gcse: 0, letter: 0, nc: 0, ta: 0 };
  let total = 0;
  for (const v of values) {
    if (isBlank(v)) continue;
    total++;
    for (const s of SCALE_NAMES) if (gradeValue(v, s) !== undefined) counts[s]++;
  }
  let best: NamedScale = 'gcse';
  for (const s of SCALE_NAMES) if (counts[s] > counts[best]) best = s;
  return { scale: best, recognised: counts[best], total };
}
