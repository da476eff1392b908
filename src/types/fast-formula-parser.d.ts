declare module 'fast-formula-parser' {
  export interface CellRef {
    sheet?: string;
    row: number;
    col: number;
  }
  export interface AreaRef {
    sheet?: string;
    from: { row: number; col: number };
    to: { row: number; col: number };
  }
  /** An argument as the parser hands it to a function. */
  export interface Arg {
    value: unknown;
    isArray: boolean;
    isRangeRef?: boolean;
    isCellRef?: boolean;
    omitted?: boolean;
  }
  export class FormulaError extends Error {
    constructor(error: string, msg?: string, details?: unknown);
    readonly error: string;
    readonly details: unknown;
  }
  export interface ParserConfig {
    functions?: Record<string, (...args: Arg[]) => unknown>;
    onCell?: (ref: CellRef) => unknown;
    onRange?: (ref: AreaRef) => unknown[][];
    onVariable?: (name: string, sheet: string) => CellRef | AreaRef | null;
  }
  export default class FormulaParser {
    constructor(config?: ParserConfig);
    static FormulaError: typeof FormulaError;
    static MAX_ROW: number;
    static MAX_COLUMN: number;
    parse(text: string, position: { sheet: string; row: number; col: number }, allowReturnArray?: boolean): unknown;
  }
}
