/**
 * How a column header is read as words: the one rule every header pattern runs on (column
 * detection, assessment points and subjects, outcome kinds, the intervention form's guesses).
 *
 * Lower case; a digit after a letter starts a new word ("KS2" -> "ks 2", "FSM6" -> "fsm 6"); every
 * run of other characters (spaces, "_", "-", ".", brackets...) is one space; no space at the ends.
 * "*" and "+" are kept, as grades write them ("A*", "4+"); `keep` names other characters to keep.
 *
 * @example headerWords("KS2_Scaled-Score ") // "ks 2 scaled score"
 * @example headerWords("Attendance %", "%") // "attendance %"
 */

const SEPARATORS = new Map<string, RegExp>();

function separators(keep: string): RegExp {
  let re = SEPARATORS.get(keep);
  if (!re) {
    const kept = [...keep].map((ch) => `\\${ch}`).join('');
    re = new RegExp(`[^a-z0-9${kept}]+`, 'g');
    SEPARATORS.set(keep, re);
  }
  return re;
}

export function headerWords(header: string, keep = '*+'): string {
  return header
    .toLowerCase()
    .replace(/([a-z])(\d)/g, '$1 $2')
    .replace(separators(keep), ' ')
    .trim();
}

/**
 * The key two headers (or subjects) share when they name the same thing: their words, letters and
 * digits only. "Year 9", "Year9" and "year_9" share "year 9".
 */
export function headerKey(header: string): string {
  return headerWords(header, '');
}

/**
 * A camelCase header split into words before it is read ("ReadingPre" -> "Reading Pre"), for
 * exports that run words together.
 */
export function splitCamelCase(header: string): string {
  return header.replace(/([a-z])([A-Z])/g, '$1 $2');
}
