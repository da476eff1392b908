/**
 * The order a pupil's name columns are joined in: "Forename Surname", whatever their order in the
 * data (many MIS exports, and the sample tracker, put Surname first). The one rule for every list
 * of pupils (the gap report's Back on Track, the persistently absent pupils of the outcomes).
 *
 * Read from the headers' words (headerWords): forename, first name, given name (also "preferred
 * forename", "legal forename", "firstname") come first; surname, last name, family name (also
 * "legal surname", "lastname") come last; any other name column keeps its place between them.
 *
 * @example orderNameColumns(['UPN', 'Surname', 'Forename'], [1, 2]) // [2, 1]
 */
import { headerWords } from './headers';

const FIRST = /(^| )(forename|forenames|first ?name|given ?names?|christian name)$/;
const LAST = /(^| )(surname|last ?name|family ?name)$/;

/** 0 for a forename header, 2 for a surname header, 1 for any other. */
function namePlace(header: string): number {
  const w = headerWords(header ?? '');
  if (FIRST.test(w)) return 0;
  if (LAST.test(w)) return 2;
  return 1;
}

/** The name columns in the order the name reads (a new list; ties keep the order given). */
export function orderNameColumns(headers: readonly string[], columns: readonly number[]): number[] {
  return columns
    .map((c, i) => ({ c, i, place: namePlace(headers[c]) }))
    .sort((a, b) => a.place - b.place || a.i - b.i)
    .map((x) => x.c);
}
