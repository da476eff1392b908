/**
 * Gives every entry of a zip file (an .xlsx is one) the same modification time, so a file built
 * from the same content is the same bytes on every run: zip libraries stamp entries with the time
 * of writing, which makes a regenerated sample differ from the committed one for no reason.
 *
 * Walks the zip's central directory (found through its end record) and rewrites the MS-DOS time and
 * date fields of each central entry and of the local header it points to. Reference: PKWARE's
 * APPNOTE.TXT, sections 4.3.7 (local header), 4.3.12 (central directory) and 4.3.16 (end record).
 */

const END_RECORD = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

/** MS-DOS time and date fields for a UTC date (two-second resolution, years from 1980). */
export function dosDateTime(date: Date): { time: number; date: number } {
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
    date: ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

/**
 * A copy of `zip` with every entry dated `date`. Throws when the bytes are not a zip it can walk.
 *
 * @example fixZipDates(await workbook.xlsx.writeBuffer(), new Date(Date.UTC(2026, 10, 22)))
 */
export function fixZipDates(zip: Uint8Array, date: Date): Buffer {
  const out = Buffer.from(zip);
  const { time, date: day } = dosDateTime(date);
  let end = -1;
  for (let p = out.length - 22; p >= Math.max(0, out.length - 22 - 0xffff); p--) {
    if (out.readUInt32LE(p) === END_RECORD) {
      end = p;
      break;
    }
  }
  if (end < 0) throw new Error('Not a zip file: no end of central directory record.');
  const entries = out.readUInt16LE(end + 10);
  let p = out.readUInt32LE(end + 16);
  for (let i = 0; i < entries; i++) {
    if (out.readUInt32LE(p) !== CENTRAL_ENTRY) throw new Error(`Not a zip file: central directory entry ${i + 1} is damaged.`);
    out.writeUInt16LE(time, p + 12);
    out.writeUInt16LE(day, p + 14);
    const local = out.readUInt32LE(p + 42);
    if (out.readUInt32LE(local) !== LOCAL_HEADER) throw new Error(`Not a zip file: local header of entry ${i + 1} is damaged.`);
    out.writeUInt16LE(time, local + 10);
    out.writeUInt16LE(day, local + 12);
    p += 46 + out.readUInt16LE(p + 28) + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
  }
  return out;
}
