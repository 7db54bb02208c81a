import { createHash } from 'node:crypto';

/**
 * Names Windows refuses for a file whatever the extension ("aux.txt.pdf" is the device AUX too),
 * including the superscript-digit ports and the console names.
 */
const RESERVED_STEM = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;

/**
 * Most UTF-8 bytes of a name made here, before its extension. File systems allow 255 bytes per
 * name (eCryptfs 143); 120 leaves room for ".pdf", a "-2" made for uniqueness and a writer's
 * temporary suffix on every one of them.
 */
export const MAX_NAME_BYTES = 120;

/** "~" and 8 hex digits of the full id's SHA-256, added when a name is cut. */
const HASH_BYTES = 9;

/**
 * A record id made safe as a file name on any system: no path separators, no characters
 * Windows refuses, no control characters, no trailing dots or spaces, no reserved device names,
 * at most MAX_NAME_BYTES bytes of UTF-8. A longer name is cut on a character boundary and ends
 * with "~" and a hash of the whole id, so two ids that differ only after the cut stay apart and
 * the same id always gives the same name. Chinese text is kept.
 */
export function safeFileName(id: string, maxBytes = MAX_NAME_BYTES): string {
  let name = clean(id.normalize('NFC'));
  if (RESERVED_STEM.test(name.split('.')[0]!.trim())) name = `_${name}`;
  if (Buffer.byteLength(name, 'utf8') <= maxBytes) return name;
  const hash = createHash('sha256')
    .update(id, 'utf8')
    .digest('hex')
    .slice(0, HASH_BYTES - 1);
  return `${clean(cutToBytes(name, maxBytes - HASH_BYTES))}~${hash}`;
}

function clean(text: string): string {
  const name = text
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, '_')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .replace(/\s+/g, ' ');
  return name === '' || /^_+$/.test(name) ? '_' : name;
}

/** The longest prefix of `text` of at most `maxBytes` UTF-8 bytes, whole characters only. */
export function cutToBytes(text: string, maxBytes: number): string {
  let bytes = 0;
  let end = 0;
  for (const char of text) {
    const size = Buffer.byteLength(char, 'utf8');
    if (bytes + size > maxBytes) break;
    bytes += size;
    end += char.length;
  }
  return text.slice(0, end);
}

/** Safe names for a list of ids, made unique ("KS-1", "KS-1-2") when two ids become one name, each within the byte cap. */
export function uniqueFileNames(ids: readonly string[]): string[] {
  const used = new Set<string>();
  return ids.map((id) => {
    const base = safeFileName(id);
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) {
      const suffix = `-${n}`;
      name = `${safeFileName(id, MAX_NAME_BYTES - suffix.length)}${suffix}`;
    }
    used.add(name.toLowerCase());
    return name;
  });
}
