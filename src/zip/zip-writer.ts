import { crc32, deflateRawSync } from 'node:zlib';

/** A member to store in a zip archive. */
export interface ZipMember {
  readonly name: string;
  readonly data: Buffer;
}

/**
 * The DOS date field of `date` (YYYY-MM-DD): 7 bits of years from 1980, so only 1980–2107 can be
 * stored; earlier dates are stamped 1980-01-01, later ones 2107-12-31, never a wrapped-around year.
 */
export function dosDateOf(date: string): number {
  const year = Number(date.slice(0, 4));
  if (!(year >= 1980)) return (0 << 9) | (1 << 5) | 1;
  if (year > 2107) return (127 << 9) | (12 << 5) | 31;
  return ((year - 1980) << 9) | (Number(date.slice(5, 7)) << 5) | Number(date.slice(8, 10));
}

/**
 * A zip archive of `members`, deflated with Node's native zlib, every member stamped with midnight
 * of `date` (YYYY-MM-DD) so the same content always gives the same bytes. No zip64: members and
 * archive stay under 4 GB, which the callers' outputs (workbooks) always do.
 */
export function zipArchive(members: readonly ZipMember[], date: string): Buffer {
  const dosDate = dosDateOf(date);
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const member of members) {
    const name = Buffer.from(member.name, 'utf8');
    const compressed = deflateRawSync(member.data, { level: 6 });
    const local = localHeader(name.length, dosDate, crc32(member.data) >>> 0, compressed.length, member.data.length);
    parts.push(local, name, compressed);
    central.push(centralEntry(local, offset), name);
    offset += local.length + name.length + compressed.length;
  }
  return Buffer.concat([...parts, ...central, endOfDirectory(members.length, central, offset)]);
}

/** The 30-byte local file header of a deflated member (its name follows it). */
export function localHeader(nameLength: number, dosDate: number, crc: number, compressedSize: number, size: number): Buffer {
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
  local.writeUInt16LE(0x0800, 6); // flags: names are UTF-8
  local.writeUInt16LE(8, 8); // method: deflate
  local.writeUInt16LE(0, 10); // time 00:00
  local.writeUInt16LE(dosDate, 12);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(compressedSize, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(nameLength, 26);
  local.writeUInt16LE(0, 28);
  return local;
}

/** The 46-byte central directory entry of a member whose local header is `local`, written at `offset`. */
export function centralEntry(local: Buffer, offset: number): Buffer {
  const entry = Buffer.alloc(46);
  entry.writeUInt32LE(0x02014b50, 0);
  entry.writeUInt16LE(20, 4); // made by: 2.0, MS-DOS
  local.copy(entry, 6, 4, 30); // version needed … name length: same fields as the local header
  entry.writeUInt16LE(0, 30); // extra length
  entry.writeUInt16LE(0, 32); // comment length
  entry.writeUInt16LE(0, 34); // disk
  entry.writeUInt16LE(0, 36); // internal attributes
  entry.writeUInt32LE(0, 38); // external attributes
  entry.writeUInt32LE(offset, 42);
  return entry;
}

/** The end-of-central-directory record, after the directory (`central`, starting at `offset`). */
export function endOfDirectory(count: number, central: readonly Buffer[], offset: number): Buffer {
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(
    central.reduce((n, b) => n + b.length, 0),
    12,
  );
  end.writeUInt32LE(offset, 16);
  return end;
}
