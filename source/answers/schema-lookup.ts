// Reads the answers schema itself, so error messages can list allowed keys and values without
// repeating them: the zod schema stays the one source of truth.
import type * as z from 'zod/mini';

type AnySchema = z.ZodMiniType;
type Def = { type: string; [k: string]: unknown };

const defOf = (s: AnySchema): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Strips optional/default wrappers, and a pipe to the schema that reads the file (its input side). */
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
  const s = unwrap(root);
  const def = defOf(s);
  // A union (a package name or its mapping): the first option the rest of the path leads into.
  if (def.type === 'union' && path.length > 0) {
    for (const option of def.options as AnySchema[]) {
      const found = schemaAt(option, path);
      if (found) return found;
    }
    return undefined;
  }
  if (path.length === 0) return s;
  const [key, ...rest] = path;
  let next: AnySchema | undefined;
  if (def.type === 'object') next = (def.shape as Record<string, AnySchema>)[String(key)];
  else if (def.type === 'array') next = def.element as AnySchema;
  else if (def.type === 'record') next = def.valueType as AnySchema;
  return next ? schemaAt(next, rest) : undefined;
}

/** The object options of a union, or the schema itself. */
function alternatives(s: AnySchema): AnySchema[] {
  const def = defOf(s);
  return def.type === 'union' ? (def.options as AnySchema[]).map(unwrap) : [s];
}

/** Keys an object schema accepts (empty for anything else). */
export function keysAt(root: AnySchema, path: readonly PropertyKey[]): string[] {
  const s = schemaAt(root, path);
  if (!s) return [];
  return alternatives(s).flatMap((option) => {
    const def = defOf(option);
    return def.type === 'object' ? Object.keys(def.shape as object) : [];
  });
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
    case 'union':
      // Each option; a mapping by its keys (a package name, or a mapping with name, installMinutes, changes).
      return (
        alternatives(s)
          .map((option) =>
            defOf(option).type === 'object'
              ? `a mapping with ${Object.keys(defOf(option).shape as object).join(', ')}`
              : expectedAt(option, []),
          )
          .filter(Boolean)
          .join(', or ') || undefined
      );
    default:
      return undefined;
  }
}

/** The values an enum (or a union of literals) at `path` accepts, or undefined for any other schema. */
export function allowedValuesAt(root: AnySchema, path: readonly PropertyKey[]): string[] | undefined {
  const s = schemaAt(root, path);
  if (!s) return undefined;
  const def = defOf(s);
  if (def.type === 'enum') return Object.values(def.entries as Record<string, string>);
  if (def.type === 'literal') return (def.values as unknown[]).filter((v): v is string => typeof v === 'string');
  return undefined;
}
