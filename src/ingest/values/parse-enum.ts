import { ENUMS, type EnumName, type EnumValue } from '../../model/enums.js';
import { normaliseToken } from '../../text/fold.js';
import { failure, type ParseFailure } from './parse-result.js';

/**
 * The labels every enumeration accepts in one run: the contract's own (Chinese label, English id,
 * English label, aliases), the company's complaint categories, and the company's extra labels
 * from the configuration (`vocabulary.<enum>`), which win over a built-in spelling.
 */
export interface Vocabulary {
  /** Enumeration → label as written or normalised → id. */
  readonly lookup: ReadonlyMap<EnumName, ReadonlyMap<string, string>>;
  /** Enumeration → the values a message lists as allowed ("质量/quality, …"). */
  readonly allowed: Readonly<Record<EnumName, string>>;
}

/**
 * A complaint category nobody defined (contract v2, "The company's own words"): the complaint is
 * kept as `id` ("other") and its own label travels with it.
 */
export class UnmappedLabel {
  constructor(
    readonly id: string,
    /** The label as written, trimmed. */
    readonly label: string,
    /** The configuration key that would map it, e.g. vocabulary.category["外观"]. */
    readonly key: string,
  ) {}
}

/** Enumerations whose unknown labels keep the record (as this id) instead of rejecting the row. */
const KEPT_AS: Partial<Record<EnumName, string>> = { category: 'other' };

/**
 * @param labels company label → id per enumeration (ids already checked against the enumeration)
 * @param categories the company's own complaint categories, accepted beside the nine
 */
export function buildVocabulary(labels: Partial<Readonly<Record<EnumName, Readonly<Record<string, string>>>>>, categories: readonly EnumValue[]): Vocabulary {
  const lookup = new Map<EnumName, Map<string, string>>();
  const allowed = {} as Record<EnumName, string>;
  for (const name of Object.keys(ENUMS) as EnumName[]) {
    const values: readonly EnumValue[] = name === 'category' ? [...ENUMS.category, ...categories] : ENUMS[name];
    const map = new Map<string, string>();
    const add = (spelling: string, id: string) => {
      map.set(normaliseToken(spelling), id);
      map.set(spelling, id);
    };
    for (const value of values) for (const spelling of [value.id, value.words.zh, value.words.en, ...(value.aliases ?? [])]) add(spelling, value.id);
    for (const [label, id] of Object.entries(labels[name] ?? {})) add(label.trim(), id);
    lookup.set(name, map);
    allowed[name] = values.map((v) => `${v.words.zh}/${v.id}`).join(', ');
  }
  return { lookup, allowed };
}

/** The contract's labels only (no configuration). */
export const BUILT_IN_VOCABULARY: Vocabulary = buildVocabulary({}, []);

/** The configuration key that maps `label` of enumeration `name`, e.g. vocabulary.category["外观"]. */
export function vocabularyKey(name: EnumName, label: string): string {
  return `vocabulary.${name}[${JSON.stringify(label)}]`;
}

/**
 * The enumeration id for a Chinese label, English id or English label (case-insensitive), or a
 * label the configuration maps. An unknown complaint category comes back as an UnmappedLabel
 * (the record is kept as "other"); any other unknown label is a failure whose params name the
 * configuration key that would map it.
 */
export function parseEnum(name: EnumName, text: string, vocabulary: Vocabulary = BUILT_IN_VOCABULARY): string | UnmappedLabel | ParseFailure {
  const lookup = vocabulary.lookup.get(name)!;
  // The same few spellings repeat down a column: try the text as written before normalising it.
  const id = lookup.get(text) ?? lookup.get(normaliseToken(text));
  if (id !== undefined) return id;
  const key = vocabularyKey(name, text);
  const keptAs = KEPT_AS[name];
  if (keptAs !== undefined) return new UnmappedLabel(keptAs, text, key);
  return failure('bad_enum', { allowed: vocabulary.allowed[name], enum: name, label: text, key });
}
