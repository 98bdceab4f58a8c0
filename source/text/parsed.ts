// Values parsed from YAML or JSON that someone else wrote (an answers file, a tag policy, a manifest,
// a journal): their shape is checked here before anything reads them as ours.

/** A mapping of keys to values: an object, but not null and not a list. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
