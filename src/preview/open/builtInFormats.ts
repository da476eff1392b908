/** Excel's built-in number formats (ids below 164, which a file names without their codes). */
import defaults from 'exceljs/lib/xlsx/defaultnumformats';

export const BUILT_IN_FORMATS: Record<number, string> = Object.fromEntries(
  Object.entries(defaults).flatMap(([id, f]) => (typeof f.f === 'string' ? [[Number(id), f.f]] : [])),
);
