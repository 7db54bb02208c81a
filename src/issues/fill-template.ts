/** Replaces "{name}" placeholders; an unknown name stays visible rather than vanishing. */
export function fillTemplate(template: string, values: Readonly<Record<string, string | number | null | undefined>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    return value === undefined || value === null ? whole : String(value);
  });
}
