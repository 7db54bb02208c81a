import type { z } from 'zod';

type AnySchema = z.core.$ZodType;

/** The keys an object schema accepts at `path`, for "unknown key; allowed: …" messages. */
export function allowedKeysAt(schema: AnySchema, path: readonly string[]): string[] {
  let node: AnySchema | undefined = unwrap(schema);
  for (const key of path) {
    if (node === undefined) return [];
    node = unwrap(childOf(node, key));
  }
  const def = node?._zod.def as { type: string; shape?: Record<string, AnySchema> } | undefined;
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

function childOf(node: AnySchema, key: string): AnySchema | undefined {
  const def = node._zod.def as {
    type: string;
    shape?: Record<string, AnySchema>;
    valueType?: AnySchema;
    element?: AnySchema;
    options?: AnySchema[];
  };
  switch (def.type) {
    case 'object':
      return def.shape?.[key];
    case 'record':
      return def.valueType;
    case 'array':
      return def.element;
    case 'union':
      // The object branch of a "string or object" union is the one with keys.
      return def.options?.map(unwrap).find((o) => o?._zod.def.type === 'object') ?? def.options?.[0];
    default:
      return undefined;
  }
}

/** Looks through default / prefault / optional / nullable / pipe wrappers. */
function unwrap(node: AnySchema | undefined): AnySchema | undefined {
  let current = node;
  for (let i = 0; i < 10 && current !== undefined; i++) {
    const def = current._zod.def as { type: string; innerType?: AnySchema; in?: AnySchema };
    if (def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else break;
  }
  return current;
}
