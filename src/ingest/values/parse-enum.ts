import { ENUMS, type EnumName, type EnumValue } from '../../model/enums.js';
import { normaliseToken } from '../../text/fold.js';
import { failure, type ParseFailure } from './parse-result.js';

const LOOKUP = new Map<EnumName, Map<string, string>>(
  (Object.entries(ENUMS) as [EnumName, readonly EnumValue[]][]).map(([name, values]) => {
    const map = new Map<string, string>();
    for (const value of values) {
      for (const spelling of [value.id, value.zh, value.en, ...(value.aliases ?? [])]) {
        map.set(normaliseToken(spelling), value.id);
        map.set(spelling, value.id);
      }
    }
    return [name, map];
  }),
);

/** The enumeration id for a Chinese label, English id or English label (case-insensitive). */
export function parseEnum(name: EnumName, text: string): string | ParseFailure {
  const lookup = LOOKUP.get(name)!;
  // The same few spellings repeat down a column: try the text as written before normalising it.
  const id = lookup.get(text) ?? lookup.get(normaliseToken(text));
  if (id !== undefined) return id;
  return failure('bad_enum', { allowed: ENUMS[name].map((v) => `${v.zh}/${v.id}`).join(', ') });
}
