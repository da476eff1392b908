/**
 * Formulas of the in-memory workbook.
 *
 * `evaluateFormula` computes any Excel formula (`=IF(TRIM(D5)="","",...)`, `=SUM(...)`, `{1,2;3,4}`
 * arrays, references to other sheets, nested `=GAPS.NAME(...)` calls) with the `fast-formula-parser`
 * library and the functions of `excelFunctions.ts`. What it cannot compute (a function neither
 * library has, such as FILTER) shows `#NAME?` with the reason, never the formula's text.
 *
 * Ranges reach GAPS functions as Excel passes them: 2-D arrays of values, blank cells as `null`;
 * omitted optional arguments arrive as `null`. A 2-D result spills; an error result (an object with
 * a `code` such as "#N/A") shows as its code with its message.
 *
 * `parseGapsFormula` and `evaluateCallDetailed` are the older, single-call reading of a
 * `=GAPS.NAME(...)` formula, kept for what only needs to recognise such a call.
 */
import FormulaParser, { type AreaRef, type CellRef } from 'fast-formula-parser';
import type { CellValue } from './port';
import { MAX_COLS, MAX_ROWS, parseRangeRef, type RangeRef } from './a1';
import { excelFunctions, gapsFunctions, isCellError, toParserValue, type CellError, type FunctionRegistry } from './excelFunctions';

export type { FunctionRegistry } from './excelFunctions';

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

/**
 * Reads a rectangle of computed cells for a formula: 0-based, inclusive ends; `lastRow` null reads
 * down to the sheet's data. Error cells come as `CellError`. Throws `FormulaRefError` for a sheet
 * that does not exist.
 */
export type CellReader = (sheet: string, row: number, col: number, lastRow: number | null, lastCol: number | null) => (CellValue | CellError)[][];

/**
 * Parsers by registry, one per depth: a formula reading a cell that holds a formula computes that
 * one first, while its own parse is under way, and a parser keeps the state of the parse it is in.
 */
const parsers = new WeakMap<FunctionRegistry, FormulaParser[]>();
let depth = 0;
let readerNow: { read: CellReader } = { read: () => [[null]] };

function parserFor(functions: FunctionRegistry, level: number): FormulaParser {
  let stack = parsers.get(functions);
  if (!stack) {
    stack = [];
    parsers.set(functions, stack);
  }
  let p = stack[level];
  if (!p) {
    p = new FormulaParser({
      functions: { ...excelFunctions(), ...gapsFunctions(functions) },
      // A blank cell on its own reads as "" (the parser's text functions and comparisons need a
      // string: TRIM(blank)="" is TRUE); inside a range it stays null, which its range functions skip.
      onCell: (ref: CellRef) => toParserValue(readerNow.read(ref.sheet ?? '', ref.row - 1, ref.col - 1, ref.row - 1, ref.col - 1)[0]?.[0] ?? ''),
      onRange: (ref: AreaRef) => {
        const lastRow = ref.to.row >= MAX_ROWS ? null : ref.to.row - 1;
        const lastCol = ref.to.col >= MAX_COLS ? null : ref.to.col - 1;
        return readerNow.read(ref.sheet ?? '', ref.from.row - 1, ref.from.col - 1, lastRow, lastCol).map((r) => r.map(toParserValue));
      },
    });
    stack[level] = p;
  }
  return p;
}

function resultCell(v: unknown, i: number, j: number, messages: Map<string, string>): CellValue {
  if (v instanceof FormulaParser.FormulaError) {
    if (v.message !== '') messages.set(`${i},${j}`, v.message);
    return v.error;
  }
  if (isCellError(v)) {
    if (v.message) messages.set(`${i},${j}`, v.message);
    return v.code;
  }
  if (v === undefined || v === null) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v + 0 : '#NUM!';
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  return '#VALUE!';
}

/** Why a formula could not be computed, from what the parser threw. */
function thrownResult(e: unknown, formula: string): DetailedResult {
  const messages = new Map<string, string>();
  if (e instanceof FormulaRefError) {
    messages.set('0,0', e.message);
    return { value: e.code, messages };
  }
  if (e instanceof FormulaParser.FormulaError) {
    const inner = e.details;
    if (inner instanceof FormulaRefError) return thrownResult(inner, formula);
    if (inner instanceof FormulaParser.FormulaError && inner.error !== '#ERROR!') return thrownResult(inner, formula);
    const missing = /^Function (\S+) is not implemented\.$/.exec(e.message);
    if (missing) {
      const name = missing[1];
      messages.set(
        '0,0',
        /^GAPS\./i.test(name) ? `There is no function ${name.toUpperCase()}.` : `The preview cannot compute ${name.toUpperCase()}; Excel will when you open the workbook there.`,
      );
      return { value: '#NAME?', messages };
    }
    if (e.error !== '#ERROR!') {
      if (e.message !== '') messages.set('0,0', e.message);
      return { value: e.error, messages };
    }
  }
  messages.set('0,0', `The preview could not read the formula ${formula}; check its brackets, commas and quotes.`);
  return { value: '#NAME?', messages };
}

/**
 * Computes a formula ("=..." text) standing at `at` (0-based), reading cells through `read`.
 * Keeps each error cell's message (what Excel shows beside `#VALUE!` and `#N/A`).
 *
 * @example evaluateFormula('=SUM(A1:A2)', { sheet: 'S', row: 2, col: 0 }, {}, read) // { value: 3, ... }
 */
export function evaluateFormula(formula: string, at: { sheet: string; row: number; col: number }, functions: FunctionRegistry, read: CellReader): DetailedResult {
  if (depth > 200) {
    const messages = new Map([['0,0', 'The formula depends on too long a chain of other formulas for the preview.']]);
    return { value: '#NUM!', messages };
  }
  const parser = parserFor(functions, depth);
  const before = readerNow;
  depth++;
  readerNow = {
    read: (sheet, row, col, lastRow, lastCol) => read(sheet === '' ? at.sheet : sheet, row, col, lastRow, lastCol),
  };
  let raw: unknown;
  try {
    raw = parser.parse(formula.replace(/^=/, ''), { sheet: at.sheet, row: at.row + 1, col: at.col + 1 }, true);
  } catch (e) {
    return thrownResult(e, formula);
  } finally {
    readerNow = before;
    depth--;
  }
  const messages = new Map<string, string>();
  if (Array.isArray(raw)) {
    const rows = raw as unknown[][];
    if (rows.length === 0) return { value: '#CALC!', messages };
    if (rows.length === 1 && (rows[0]?.length ?? 0) === 1) return { value: resultCell(rows[0][0], 0, 0, messages), messages };
    return { value: rows.map((row, i) => (Array.isArray(row) ? row.map((v, j) => resultCell(v, i, j, messages)) : [resultCell(row, i, 0, messages)])), messages };
  }
  return { value: resultCell(raw, 0, 0, messages), messages };
}
