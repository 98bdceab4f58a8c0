// Reads the answers schema itself, so error messages can list allowed keys and values without
// repeating them: the zod schema stays the one source of truth.
import type * as z from 'zod/mini';

type AnySchema = z.ZodMiniType;
type Def = { type: string; [k: string]: unknown };

const defOf = (s: AnySchema): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Strips optional/default wrappers, and a pipe's transform (the answers schema completes its output). */
function unwrap(schema: AnySchema): AnySchema {
  let s = schema;
  for (;;) {
    const def = defOf(s);
    if ((def.type === 'optional' || def.type === 'default' || def.type === 'nullable') && def.innerType) {
      s = def.innerType as AnySchema;
    } else if (def.type === 'pipe' && def.in) {
      s = def.in as AnySchema;
    } else return s;
  }
}

/** The schema that describes the value at `path`, or undefined when the path leaves the schema. */
function schemaAt(root: AnySchema, path: readonly PropertyKey[]): AnySchema | undefined {
  let s: AnySchema | undefined = unwrap(root);
  for (const key of path) {
    if (!s) return undefined;
    const def = defOf(s);
    if (def.type === 'object') s = (def.shape as Record<string, AnySchema>)[String(key)];
    else if (def.type === 'array') s = def.element as AnySchema;
    else if (def.type === 'record') s = def.valueType as AnySchema;
    else return undefined;
    if (s) s = unwrap(s);
  }
  return s;
}

/** Keys an object schema accepts (empty for anything else). */
export function keysAt(root: AnySchema, path: readonly PropertyKey[]): string[] {
  const s = schemaAt(root, path);
  if (!s) return [];
  const def = defOf(s);
  return def.type === 'object' ? Object.keys(def.shape as object) : [];
}

/** A short description of what the schema at `path` accepts, e.g. `one of: a, b` or `true or false`. */
export function expectedAt(root: AnySchema, path: readonly PropertyKey[]): string | undefined {
  const s = schemaAt(root, path);
  if (!s) return undefined;
  const def = defOf(s);
  switch (def.type) {
    case 'enum':
      return `one of: ${Object.values(def.entries as Record<string, string>).join(', ')}`;
    case 'literal':
      return `${(def.values as unknown[]).map(String).join(' or ')}`;
    case 'boolean':
      return 'true or false';
    case 'string':
      return 'a text value';
    case 'number':
    case 'int':
      return 'a whole number';
    case 'array':
      return 'a list';
    case 'object':
    case 'record':
      return 'a mapping of keys to values';
    default:
      return undefined;
  }
}
