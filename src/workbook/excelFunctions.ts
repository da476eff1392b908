/**
 * The Excel functions the in-memory workbook computes, for the formula parser in `formula.ts`
 * (`fast-formula-parser`, MIT): its own implementations first, `@formulajs/formulajs` (MIT) for the
 * functions it lacks (MAX, MIN, MEDIAN, TEXTJOIN, UNIQUE, ...), the conditional counts and sums
 * (COUNTIF(S), SUMIF(S), AVERAGEIF(S), MAXIFS, MINIFS) with Excel's criteria rules, and the add-in's
 * own `GAPS.*` functions from a registry.
 *
 * Both libraries match criteria such as ">=0" against blank and text cells and compare text case
 * sensitively, which Excel does not; the criteria functions here follow Excel: a number criterion
 * only matches numbers, text matches text ignoring case with * and ? wildcards, "" matches blanks,
 * "<>" matches anything not blank.
 */
import FormulaParser, { FormulaError, type Arg } from 'fast-formula-parser';
import * as formulajs from '@formulajs/formulajs';
import type { CellValue } from './port';

/** Custom functions by Excel name ("FSMGAP"), as `src/functions/functions.ts` exports them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type FunctionRegistry = Record<string, (...args: any[]) => unknown>;

export type ParserFunction = (...args: Arg[]) => unknown;

/** An error value a cell holds, with the reason when there is one. */
export interface CellError {
  code: string;
  message: string | null;
}

export function isCellError(v: unknown): v is CellError {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && typeof (v as { code?: unknown }).code === 'string';
}

/** A parser error with a reason. */
export function formulaError(code: string, message: string | null): FormulaError {
  return message === null ? new FormulaParser.FormulaError(code) : new FormulaParser.FormulaError(code, message);
}

// ----- criteria (COUNTIF and friends) -----

type Matcher = (v: unknown) => boolean;

const NUMERIC = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

function isBlankValue(v: unknown): boolean {
  return v === null || v === undefined || v === '';
}

function wildcard(pattern: string): RegExp {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '~' && i + 1 < pattern.length) out += pattern[++i].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    else if (ch === '*') out += '[\\s\\S]*';
    else if (ch === '?') out += '[\\s\\S]';
    else out += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`, 'i');
}

function compare(op: string, d: number): boolean {
  switch (op) {
    case '>':
      return d > 0;
    case '>=':
      return d >= 0;
    case '<':
      return d < 0;
    case '<=':
      return d <= 0;
    case '<>':
      return d !== 0;
    default:
      return d === 0;
  }
}

/** How Excel matches one criterion ("Embedded", ">=0", "<>", 3, TRUE) against a cell. */
export function criterion(c: unknown): Matcher {
  if (isCellError(c)) return (v) => isCellError(v) && v.code === c.code;
  if (typeof c === 'number') return (v) => typeof v === 'number' && v === c;
  if (typeof c === 'boolean') return (v) => v === c;
  const text = c === null || c === undefined ? '' : String(c);
  const m = /^(<=|>=|<>|<|>|=)?([\s\S]*)$/.exec(text)!;
  const op = m[1] ?? '=';
  const rest = m[2];
  if (rest === '') {
    if (op === '=') return isBlankValue;
    if (op === '<>') return (v) => !isBlankValue(v);
    return () => false;
  }
  if (NUMERIC.test(rest)) {
    const n = Number(rest);
    if (op === '<>') return (v) => !(typeof v === 'number' && v === n);
    return (v) => typeof v === 'number' && compare(op, v - n);
  }
  if (/^(TRUE|FALSE)$/i.test(rest)) {
    const b = /^TRUE$/i.test(rest);
    return op === '<>' ? (v) => v !== b : op === '=' ? (v) => v === b : () => false;
  }
  if (op === '=' || op === '<>') {
    const re = wildcard(rest);
    const hit = (v: unknown) => typeof v === 'string' && re.test(v);
    return op === '=' ? hit : (v) => !hit(v);
  }
  const lower = rest.toLowerCase();
  return (v) => typeof v === 'string' && compare(op, v.toLowerCase().localeCompare(lower));
}

function cells(a: Arg | undefined): unknown[][] {
  if (!a) return [];
  const v = a.value;
  return Array.isArray(v) ? (v as unknown[][]).map((r) => (Array.isArray(r) ? r : [r])) : [[v]];
}

function criterionValue(a: Arg): unknown {
  const v = a.value;
  return Array.isArray(v) ? (v as unknown[][])[0]?.[0] : v;
}

/** The cells of `target` whose rows and columns meet every (range, criterion) pair. */
function selected(target: unknown[][], pairs: Arg[]): unknown[] {
  if (pairs.length % 2 !== 0) throw formulaError('#VALUE!', 'Each criteria range needs a criterion after it.');
  const rows = target.length;
  const cols = target[0]?.length ?? 0;
  const tests = [];
  for (let i = 0; i < pairs.length; i += 2) {
    const range = cells(pairs[i]);
    if (range.length !== rows || (range[0]?.length ?? 0) !== cols) {
      throw formulaError('#VALUE!', 'The criteria ranges must be the same size as the range they select from.');
    }
    tests.push({ range, match: criterion(criterionValue(pairs[i + 1])) });
  }
  const out: unknown[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (tests.every((t) => t.match(t.range[r][c]))) out.push(target[r][c]);
    }
  }
  return out;
}

function numbersOf(xs: unknown[]): number[] {
  return xs.filter((v): v is number => typeof v === 'number');
}

function average(xs: unknown[]): number {
  const ns = numbersOf(xs);
  if (ns.length === 0) throw formulaError('#DIV/0!', 'No cell meets the criteria, so there is nothing to average.');
  return ns.reduce((a, b) => a + b, 0) / ns.length;
}

const sum = (xs: unknown[]) => numbersOf(xs).reduce((a, b) => a + b, 0);

interface ParserContext {
  utils: { extractRefValue(arg: unknown): { val: unknown; isArray: boolean } };
}

/**
 * The parser hands SUMIF and AVERAGEIF itself and their unread references (it reads them lazily
 * for its own versions): read them here like every other function's arguments.
 */
function withRefs(fn: ParserFunction): ParserFunction {
  return (...raw: unknown[]) => {
    const ctx = raw[0] as ParserContext;
    const args = raw.slice(1).map((a): Arg => {
      if (a === null || a === undefined) return { value: null, isArray: false, omitted: true };
      const { val, isArray } = ctx.utils.extractRefValue(a);
      const ref = (a as { ref?: { from?: unknown } }).ref;
      return { value: val, isArray, isRangeRef: !!ref?.from, isCellRef: !!ref && !ref.from };
    });
    return fn(...args);
  };
}

const CRITERIA_FUNCTIONS: Record<string, ParserFunction> = {
  COUNTIF: (range, c) => selected(cells(range), [range, c]).length,
  COUNTIFS: (...pairs) => selected(cells(pairs[0]), pairs).length,
  SUMIF: withRefs((range, c, target) => sum(selected(cells(target && !target.omitted ? target : range), [range, c]))),
  SUMIFS: (target, ...pairs) => sum(selected(cells(target), pairs)),
  AVERAGEIF: withRefs((range, c, target) => average(selected(cells(target && !target.omitted ? target : range), [range, c]))),
  AVERAGEIFS: (target, ...pairs) => average(selected(cells(target), pairs)),
  MAXIFS: (target, ...pairs) => Math.max(0, ...numbersOf(selected(cells(target), pairs))),
  MINIFS: (target, ...pairs) => {
    const ns = numbersOf(selected(cells(target), pairs));
    return ns.length === 0 ? 0 : Math.min(...ns);
  },
};

// ----- formulajs for what the parser lacks -----

const FORMULAJS_ERRORS = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA', '#ERROR!', '#CALC!']);

function fromFormulajs(fn: (...xs: unknown[]) => unknown): ParserFunction {
  return (...args) => {
    const values = args.map((a) => (a.omitted ? undefined : a.value));
    while (values.length > 0 && values[values.length - 1] === undefined) values.pop();
    const result = fn(...values);
    if (result instanceof Error) {
      const code = FORMULAJS_ERRORS.has(result.message) ? result.message : '#VALUE!';
      throw formulaError(code, null);
    }
    return result;
  };
}

function formulajsTable(): Record<string, ParserFunction> {
  const out: Record<string, ParserFunction> = {};
  const add = (name: string, v: unknown) => {
    if (typeof v === 'function') out[name] = fromFormulajs(v as (...xs: unknown[]) => unknown);
    if (v !== null && typeof v === 'object') for (const [k, w] of Object.entries(v)) add(`${name}.${k}`, w);
  };
  for (const [k, v] of Object.entries(formulajs)) add(k, v);
  return out;
}

let builtInCache: Set<string> | null = null;
/** Functions the parser implements itself (it also lists stubs that compute nothing). */
function parserBuiltIns(): Set<string> {
  if (!builtInCache) {
    const p = new FormulaParser() as unknown as { supportedFunctions(): string[] };
    builtInCache = new Set(p.supportedFunctions());
  }
  return builtInCache;
}

/** Where the parser's own version differs from Excel (its exact-match lookups are case sensitive). */
const FORMULAJS_FIRST = new Set(['VLOOKUP', 'HLOOKUP']);

/** HYPERLINK(link, [friendly name]) shows its friendly name (else the link), as Excel does. */
const HYPERLINK: ParserFunction = (link, friendly) => {
  const name = friendly && !friendly.omitted ? friendly.value : link?.value;
  return Array.isArray(name) ? (name as unknown[][])[0]?.[0] ?? '' : name ?? '';
};

let excelCache: Record<string, ParserFunction> | null = null;
/** Excel's functions beyond the parser's own: formulajs where the parser has none, and the criteria functions. */
export function excelFunctions(): Record<string, ParserFunction> {
  if (!excelCache) {
    const builtIns = parserBuiltIns();
    const table: Record<string, ParserFunction> = {};
    for (const [name, fn] of Object.entries(formulajsTable())) if (!builtIns.has(name) || FORMULAJS_FIRST.has(name)) table[name] = fn;
    excelCache = { ...table, ...CRITERIA_FUNCTIONS, HYPERLINK };
  }
  return excelCache;
}

// ----- the add-in's GAPS functions -----

function gapsArg(a: Arg | undefined): unknown {
  if (!a || a.omitted) return null;
  if (a.isCellRef) return [[a.value === '' || a.value === undefined ? null : a.value]];
  return a.value ?? null;
}

function errorMessage(v: unknown): string | null {
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    const m = (v as { message?: unknown }).message;
    return typeof m === 'string' && m !== '' ? m : null;
  }
  return null;
}

/** A GAPS function's value for the parser: error objects become parser errors keeping their message. */
function gapsValue(v: unknown): unknown {
  if (v === undefined || v === null) return null;
  if (v instanceof FormulaParser.FormulaError) return v;
  if (typeof v === 'object' && !Array.isArray(v)) {
    const code = (v as { code?: unknown }).code;
    return formulaError(typeof code === 'string' ? code : '#VALUE!', errorMessage(v));
  }
  if (typeof v === 'number' && !Number.isFinite(v)) return formulaError('#NUM!', null);
  return v;
}

/** The registry's functions as `GAPS.NAME` for the parser. */
export function gapsFunctions(registry: FunctionRegistry): Record<string, ParserFunction> {
  const out: Record<string, ParserFunction> = {};
  for (const [name, fn] of Object.entries(registry)) {
    out[`GAPS.${name.toUpperCase()}`] = (...args) => {
      const values: unknown[] = args.map(gapsArg);
      while (values.length < fn.length) values.push(null);
      let result: unknown;
      try {
        result = fn(...values);
      } catch (e) {
        throw formulaError('#VALUE!', e instanceof Error && e.message !== '' ? e.message : 'The function could not calculate.');
      }
      if (Array.isArray(result)) {
        if (result.length === 0) throw formulaError('#CALC!', 'The function returned no values.');
        return result.map((row) => (Array.isArray(row) ? row.map(gapsValue) : [gapsValue(row)]));
      }
      const v = gapsValue(result);
      if (v instanceof FormulaParser.FormulaError) throw v;
      return v === null ? '' : v;
    };
  }
  return out;
}

/** A value from a cell for the parser: an error cell becomes a parser error. */
export function toParserValue(v: CellValue | CellError): unknown {
  return isCellError(v) ? formulaError(v.code, v.message) : v;
}
