/**
 * The GAPS custom functions as a registry for the in-memory workbook's formula evaluator: every
 * function exported by `src/functions/functions.ts`, under its Excel name (`fsmGap` -> "FSMGAP").
 */
import * as gaps from '../functions/functions';
import type { FunctionRegistry } from '../workbook/formula';

export function gapsFunctionRegistry(): FunctionRegistry {
  const registry: FunctionRegistry = {};
  for (const [name, fn] of Object.entries(gaps)) {
    if (typeof fn === 'function') registry[name.toUpperCase()] = fn as FunctionRegistry[string];
  }
  return registry;
}
