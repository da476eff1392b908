/**
 * A deliberately small formula evaluator for the in-memory workbook: it computes cells whose formula
 * is a single call `=GAPS.NAME(arg, ...)`, where each argument is a range reference (`C2:C181`,
 * `$C$2:$C$181`, `'Year 9'!C2:C181`, `C:C`), a number, a "string", TRUE/FALSE, or omitted.
 * Anything else (other Excel functions, nested calls, arithmetic) is not evaluated: the preview
 * shows such formulas as their text.
 *
 * Ranges reach the function as Excel passes them: 2-D arrays of values, blank cells as `null`;
 * omitted optional arguments arrive as `null`. A 2-D result spills; an error result (an object with
 * a `code` such as "#N/A") shows as its code.
 */
import type { CellValue } from './port';
import { parseRangeRef, type RangeRef } from './a1';

/** Custom functions by Excel name ("FSMGAP"), as `src/functions/functions.ts` exports them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type FunctionRegistry = Record<string, (...args: any[]) => unknown>;

export type FormulaArg = { kind: 'range'; ref: RangeRef } | { kind: 'value'; value: CellValue } | { kind: 'omitted' };

export interface FormulaCall {
  /** Upper-case function name without the namespace, e.g. "FSMGAP". */
  name: string;
  args: FormulaArg[];
}

/** What a formula evaluates to: a value, or a 2-D array that spills from its cell. */
export type FormulaResult = CellValue | CellValue[][];

const CALL = /^=\s*GAPS\.([A-Za-z][A-Za-z0-9_]*)\s*\(([\s\S]*)\)\s*$/i;
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Splits an argument list at top-level commas; null when it holds brackets (a nested call). */
function splitArgs(text: string): string[] | null {
  const out: string[] = [];
  let current = '';
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      current += ch;
      if (ch === quote) {
        if (text[i + 1] === quote) {
          current += text[++i];
        } else {
          quote = null;
        }
      }
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      current += ch;
    } else if (ch === ',') {
      out.push(current);
      current = '';
    } else if (ch === '(' || ch === ')' || ch === '{' || ch === '}') {
      return null;
    } else {
      current += ch;
    }
  }
  if (quote) return null;
  out.push(current);
  return out;
}

function parseArg(raw: string): FormulaArg | null {
  const t = raw.trim();
  if (t === '') return { kind: 'omitted' };
  if (t.length >= 2 && t.startsWith('"') && t.endsWith('"')) {
    const inner = t.slice(1, -1);
    if (/(^|[^"])"([^"]|$)/.test(inner.replace(/""/g, ''))) return null;
    return { kind: 'value', value: inner.replace(/""/g, '"') };
  }
  if (NUMBER.test(t)) return { kind: 'value', value: Number(t) };
  if (/^TRUE$/i.test(t)) return { kind: 'value', value: true };
  if (/^FALSE$/i.test(t)) return { kind: 'value', value: false };
  const ref = parseRangeRef(t);
  return ref ? { kind: 'range', ref } : null;
}

/**
 * The call in a `=GAPS.NAME(...)` formula, or null when the formula is anything else.
 *
 * @example parseGapsFormula("=GAPS.FSMGAP(C2:C5,'Year 9'!D2:D5)")
 *   // { name: "FSMGAP", args: [range C2:C5, range 'Year 9'!D2:D5] }
 */
export function parseGapsFormula(formula: string): FormulaCall | null {
  const m = CALL.exec(formula);
  if (!m) return null;
  const parts = m[2].trim() === '' ? [] : splitArgs(m[2]);
  if (parts === null) return null;
  const args: FormulaArg[] = [];
  for (const p of parts) {
    const a = parseArg(p);
    if (a === null) return null;
    args.push(a);
  }
  return { name: m[1].toUpperCase(), args };
}

/** A computed result with the messages of its error cells, by "row,col" inside the result. */
export interface DetailedResult {
  value: FormulaResult;
  messages: Map<string, string>;
}

/** An error raised while reading a formula's ranges: shown as `code` (e.g. "#REF!") with its message. */
export class FormulaRefError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function errorMessage(v: unknown): string | null {
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    const m = (v as { message?: unknown }).message;
    return typeof m === 'string' && m !== '' ? m : null;
  }
  return null;
}

function errorCode(v: unknown): string | null {
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    const code = (v as { code?: unknown }).code;
    return typeof code === 'string' ? code : '#VALUE!';
  }
  return null;
}

function asCell(v: unknown): CellValue {
  const code = errorCode(v);
  if (code !== null) return code;
  if (v === undefined || v === null) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : '#NUM!';
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  return '#VALUE!';
}

/**
 * Evaluates a parsed call with the registry's function, reading ranges through `readRange`.
 * Unknown functions give "#NAME?", a thrown exception "#VALUE!". Keeps each error cell's message
 * (what Excel shows beside `#VALUE!` and `#N/A`), so the preview can say what to fix. A range on a sheet that does not exist is "#REF!".
 */
export function evaluateCallDetailed(call: FormulaCall, functions: FunctionRegistry, readRange: (ref: RangeRef) => CellValue[][]): DetailedResult {
  const messages = new Map<string, string>();
  const fn = Object.entries(functions).find(([k]) => k.toUpperCase() === call.name)?.[1];
  if (!fn) {
    messages.set('0,0', `There is no function GAPS.${call.name}.`);
    return { value: '#NAME?', messages };
  }
  const cell = (v: unknown, i: number, j: number): CellValue => {
    const m = errorMessage(v);
    if (m !== null && errorCode(v) !== null) messages.set(`${i},${j}`, m);
    return asCell(v);
  };
  try {
    const args: unknown[] = call.args.map((a) => (a.kind === 'range' ? readRange(a.ref) : a.kind === 'value' ? a.value : null));
    while (args.length < fn.length) args.push(null);
    const result = fn(...args);
    if (Array.isArray(result)) {
      if (result.length === 0) return { value: '#CALC!', messages };
      return { value: result.map((row, i) => (Array.isArray(row) ? row.map((v, j) => cell(v, i, j)) : [cell(row, i, 0)])), messages };
    }
    return { value: cell(result, 0, 0), messages };
  } catch (e) {
    if (e instanceof FormulaRefError) {
      messages.set('0,0', e.message);
      return { value: e.code, messages };
    }
    messages.set('0,0', e instanceof Error && e.message !== '' ? e.message : 'The function could not calculate.');
    return { value: '#VALUE!', messages };
  }
}
