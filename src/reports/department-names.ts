import type { Lang, Localized } from '../model/lang.js';

/**
 * A department as a ledger or the actions register writes it ("品质部", "qa", "Quality Dept.") in
 * the report's language: the configured department (config `departments`, {zh, en}) whose id,
 * Chinese or English name it is — as the audit and satisfaction reports name departments by id —
 * else as written (a department the configuration does not know is the data's own word).
 */
export function departmentNames(departments: Readonly<Record<string, Localized>>, lang: Lang): (name: string) => string {
  const known = new Map<string, string>();
  for (const [id, names] of Object.entries(departments)) {
    // An id or a name another department already claimed keeps its first meaning.
    for (const key of [id, names.zh, names.en].map(normalise)) if (key !== '' && !known.has(key)) known.set(key, names[lang]);
  }
  return (name) => known.get(normalise(name)) ?? name;
}

/** Compared without white space and case: "Quality Dept." and "quality dept." are one name. */
function normalise(name: string): string {
  return name.replace(/\s+/g, '').toLowerCase();
}
