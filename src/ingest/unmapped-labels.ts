import type { EnumName } from '../model/enums.js';
import type { InputError } from '../model/input-error.js';

/** A label of the company's own the run did not know, with how often it came and how to map it. */
export interface UnmappedLabelCount {
  readonly enum: EnumName;
  /** As written, trimmed. */
  readonly label: string;
  /** The configuration key that would map it, e.g. vocabulary.category["外观"]. */
  readonly key: string;
  readonly count: number;
  /** True for a complaint category (the rows were kept as "other"); false when the rows were rejected. */
  readonly kept: boolean;
}

/**
 * The unknown enumeration labels among the input errors, one entry per label, most frequent
 * first (then by key): what `check` prints as a hint for the `vocabulary` configuration.
 */
export function unmappedLabels(errors: readonly InputError[]): UnmappedLabelCount[] {
  const byKey = new Map<string, { enum: EnumName; label: string; key: string; count: number; kept: boolean }>();
  for (const e of errors) {
    if (e.code !== 'unknown_category' && e.code !== 'bad_enum') continue;
    const { key, label } = e.params;
    if (typeof key !== 'string' || typeof label !== 'string') continue;
    const known = byKey.get(key);
    if (known) known.count++;
    else {
      const name = (e.code === 'unknown_category' ? 'category' : e.params.enum) as EnumName;
      byKey.set(key, { enum: name, label, key, count: 1, kept: e.code === 'unknown_category' });
    }
  }
  return [...byKey.values()].sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
