/** The value at a dotted path ("items.a") of a view; undefined when any step is missing. */
export function valueAt(view: unknown, path: string): unknown {
  let current: unknown = view;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
