import { once } from 'node:events';
import { crc32, createDeflateRaw } from 'node:zlib';
import { centralEntry, dosDateOf, endOfDirectory, localHeader } from './zip-writer.js';

/**
 * Where a streamed file goes: bytes appended in order, and a few bytes rewritten in place once
 * known (a member's sizes and CRC-32, which its local header holds before its data).
 */
export interface ByteSink {
  append(bytes: Buffer): void;
  /** Overwrites bytes already appended, starting at `position` (0-based from the file's start). */
  patch(position: number, bytes: Buffer): void;
}

/** Text of a streamed member, produced piece by piece: `emit` resolves when the piece may be followed. */
export type TextProducer = (emit: (text: string) => Promise<void> | void) => Promise<void> | void;

/** A member of a streamed archive: whole bytes, or UTF-8 text made while it is compressed. */
export interface StreamedMember {
  readonly name: string;
  readonly data: Buffer | TextProducer;
}

/** Text is handed to zlib in pieces of about this many characters. */
const PIECE_CHARS = 1 << 16;

/**
 * The same archive as zipArchive — byte for byte: zlib's output does not depend on how its input
 * is cut — written into `sink` as it is made, so a member of hundreds of megabytes of XML is
 * never held whole: each member's text is deflated as it comes, and its local header is patched
 * with the sizes and CRC-32 once the member ends.
 */
export async function writeZipStream(sink: ByteSink, members: readonly StreamedMember[], date: string): Promise<void> {
  const dosDate = dosDateOf(date);
  const central: Buffer[] = [];
  let offset = 0;
  for (const member of members) {
    const name = Buffer.from(member.name, 'utf8');
    sink.append(localHeader(name.length, dosDate, 0, 0, 0));
    sink.append(name);
    const start = offset;
    offset += 30 + name.length;
    const { crc, compressedSize, size } = await deflateInto(sink, member.data);
    offset += compressedSize;
    const local = localHeader(name.length, dosDate, crc, compressedSize, size);
    sink.patch(start, local);
    central.push(centralEntry(local, start), name);
  }
  for (const part of central) sink.append(part);
  sink.append(endOfDirectory(members.length, central, offset));
}

/** Deflates one member's data into `sink`; its CRC-32 and both sizes. */
async function deflateInto(sink: ByteSink, data: Buffer | TextProducer): Promise<{ crc: number; compressedSize: number; size: number }> {
  const deflate = createDeflateRaw({ level: 6 });
  let compressedSize = 0;
  deflate.on('data', (chunk: Buffer) => {
    compressedSize += chunk.length;
    sink.append(chunk);
  });
  const ended = once(deflate, 'end');
  let crc = 0;
  let size = 0;
  const push = async (bytes: Buffer) => {
    crc = crc32(bytes, crc);
    size += bytes.length;
    if (!deflate.write(bytes)) await once(deflate, 'drain');
  };
  if (Buffer.isBuffer(data)) await push(data);
  else {
    let pending = '';
    await data(async (text) => {
      pending += text;
      if (pending.length < PIECE_CHARS) return;
      const piece = pending;
      pending = '';
      await push(Buffer.from(piece, 'utf8'));
    });
    if (pending !== '') await push(Buffer.from(pending, 'utf8'));
  }
  deflate.end();
  await ended;
  if (size > 0xffffffff || compressedSize > 0xffffffff) throw new RangeError('a zip member of 4 GB or more (zip64 is not written)');
  return { crc: crc >>> 0, compressedSize, size };
}

/** A sink in memory (library use, memory writers): the whole archive as one Buffer at the end. */
export function memorySink(): ByteSink & { bytes(): Buffer } {
  const chunks: Buffer[] = [];
  const starts: number[] = [];
  let length = 0;
  return {
    append(bytes) {
      starts.push(length);
      // A copy: the caller may reuse its buffer, and patches land in this one.
      chunks.push(Buffer.from(bytes));
      length += bytes.length;
    },
    patch(position, bytes) {
      // Patches rewrite one appended piece (a local header), never across pieces.
      let i = starts.length - 1;
      while (i > 0 && starts[i]! > position) i--;
      const chunk = chunks[i]!;
      if (position - starts[i]! + bytes.length > chunk.length) throw new RangeError('a patch across appended pieces');
      bytes.copy(chunk, position - starts[i]!);
    },
    bytes: () => Buffer.concat(chunks, length),
  };
}
