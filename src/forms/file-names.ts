/** Names Windows refuses for a file, whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;

/**
 * A record id made safe as a file name on any system: no path separators, no characters
 * Windows refuses, no control characters, no trailing dots or spaces, no reserved device names,
 * at most 100 characters. Chinese text is kept.
 */
export function safeFileName(id: string): string {
  let name = id
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, '_')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .replace(/\s+/g, ' ');
  if (name === '' || /^_+$/.test(name)) name = '_';
  if (RESERVED.test(name)) name = `_${name}`;
  return Array.from(name).slice(0, 100).join('');
}

/** Safe names for a list of ids, made unique ("KS-1", "KS-1-2") when two ids become one name. */
export function uniqueFileNames(ids: readonly string[]): string[] {
  const used = new Set<string>();
  return ids.map((id) => {
    const base = safeFileName(id);
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base}-${n}`;
    used.add(name.toLowerCase());
    return name;
  });
}
