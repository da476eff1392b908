/**
 * What a file stores differently from the in-memory workbook: column widths in characters (the
 * workbook keeps points), and the add-in's function calls as Excel saves them.
 */

/** Excel column width (characters) to points, and back. */
export function widthToPoints(chars: number): number {
  return Math.round(((chars * 7 + 5) * 3) / 4 * 100) / 100;
}
export function pointsToWidth(points: number): number {
  return Math.max(0, Math.round((((points * 4) / 3 - 5) / 7) * 100) / 100);
}

/** A formula as saved in a file, with the add-in's calls as the preview writes them. */
export function fromFileFormula(text: string): string {
  return text.replace(/\b_xldudf_GAPS_([A-Z][A-Z0-9]*)\(/g, 'GAPS.$1(');
}

/** A formula as a file holds it: the add-in's calls as Excel saves them. */
export function toFileFormula(text: string): string {
  return text.replace(/\bGAPS\.([A-Z][A-Z0-9]*)\(/g, '_xldudf_GAPS_$1(');
}
