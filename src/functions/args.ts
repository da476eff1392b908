/**
 * Argument readers for single-value custom-function arguments (confidence, threshold, method...),
 * in one place so every function validates options the same way. Excel passes an omitted optional
 * argument as `null`; a value typed as a cell reference may arrive as a 1 x 1 array.
 */
import { valueError } from '../core/errors';
import { describeValue, isBlank, readScore } from '../core/cells';

/** Unwraps a 1 x 1 range to its value; a larger range is `#VALUE!`. */
export function single(name: string, value: unknown): unknown {
  if (Array.isArray(value)) {
    const rows = value as unknown[][];
    if (rows.length === 1 && Array.isArray(rows[0]) && rows[0].length === 1) return rows[0][0];
    if (rows.length === 0) return null;
    throw valueError(`${name} must be a single value, not a range of several cells`);
  }
  return value;
}

export interface NumberRule {
  /** Smallest allowed value. */
  min?: number;
  /** Largest allowed value. */
  max?: number;
  /** Exclude the bounds themselves. */
  exclusive?: boolean;
  /** How to describe the allowed values in a message, e.g. "a fraction between 0 and 1, such as 0.95". */
  hint: string;
  /**
   * A 0 stands for a blank cell: some desktop builds of Excel pass a referenced blank cell as 0
   * (office-js issues 4702, 5262, 1951), so for an option where 0 is never meant (a confidence
   * level) it gives the default instead of an error or a wrong answer.
   */
  zeroIsBlank?: boolean;
}

/** A required number argument (numeric text accepted); `#VALUE!` naming the rule otherwise. */
export function requiredNumber(name: string, value: unknown, rule: NumberRule): number {
  const v = single(name, value);
  const n = readScore(v);
  if (Number.isNaN(n)) {
    throw valueError(`${name} must be ${rule.hint}, but it is ${describeValue(v)}`);
  }
  const { min, max, exclusive } = rule;
  const low = min !== undefined && (exclusive ? n <= min : n < min);
  const high = max !== undefined && (exclusive ? n >= max : n > max);
  if (low || high) throw valueError(`${name} must be ${rule.hint}, but it is ${n}`);
  return n;
}

/** An optional number argument: `fallback` when omitted or blank. */
export function optionalNumber(name: string, value: unknown, fallback: number, rule: NumberRule): number {
  const v = single(name, value);
  if (isBlank(v) || (rule.zeroIsBlank === true && v === 0)) return fallback;
  return requiredNumber(name, v, rule);
}

/** An optional choice among words (case-insensitive, trimmed): `fallback` when omitted or blank. */
export function optionalChoice<T extends string>(name: string, value: unknown, choices: readonly T[], fallback: T): T {
  const v = single(name, value);
  if (isBlank(v)) return fallback;
  const text = typeof v === 'string' ? v.trim().toLowerCase() : String(v).toLowerCase();
  const hit = choices.find((c) => c.toLowerCase() === text);
  if (hit === undefined) {
    throw valueError(`${name} must be one of ${choices.map((c) => `"${c}"`).join(', ')}, but it is ${describeValue(v)}`);
  }
  return hit;
}

/**
 * The confidence level used by interval functions: a fraction strictly between 0 and 1, default
 * 0.95; a 0 (a blank cell as some Excel builds pass it) gives the default.
 */
export function confidenceArg(value: unknown): number {
  return optionalNumber('confidence', value, 0.95, {
    min: 0,
    max: 1,
    exclusive: true,
    hint: 'a fraction between 0 and 1, such as 0.95 for a 95% interval',
    zeroIsBlank: true,
  });
}

/** Cells a custom function may spill: Excel on the web stalls on results over about 2 MB. */
export const MAX_SPILL_CELLS = 100_000;
/** Characters a result may carry in all (about 2 MB at two bytes a character). */
export const MAX_SPILL_CHARS = 1_000_000;

/**
 * The one check on a custom function's result size, before Excel gets it: a matrix over the
 * limits Excel on the web can take is `#VALUE!` with a message instead of a stalled workbook.
 */
export function checkSpill(result: unknown): void {
  if (!Array.isArray(result)) return;
  let cells = 0;
  let chars = 0;
  for (const row of result as unknown[]) {
    const line = Array.isArray(row) ? row : [row];
    cells += line.length;
    for (const v of line) chars += typeof v === 'string' ? v.length : 8;
  }
  if (cells > MAX_SPILL_CELLS || chars > MAX_SPILL_CHARS) {
    throw valueError(
      `the result would be ${cells.toLocaleString('en-GB')} cells (about ${Math.ceil((chars * 2) / 1_000_000)} MB), more than Excel on the web can show from one formula (about 2 MB). ` +
        "Give it fewer rows: select only the pupils' rows, not whole columns",
    );
  }
}
