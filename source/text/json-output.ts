// Every JSON that a command prints (--json, schema) is written here. JSON.stringify escapes C0
// controls but leaves DEL, the C1 controls (U+009B starts a sequence in some terminals), bidi
// overrides, U+2028/9 and the BOM raw; the CLI's output filter (printableMessage) would then write
// them as \x9b, which is not JSON. Written here as \u escapes instead: still valid JSON, the same
// values once parsed, and nothing left for the filter to change.
import { UNSAFE_TEXT } from './printable.ts';

export function jsonOutput(value: unknown): string {
  // The only raw control JSON.stringify writes is the line break of its indentation; every other match
  // is inside a string, where a \u escape means the same character.
  const text = JSON.stringify(value, null, 2).replace(UNSAFE_TEXT, (c) =>
    c === '\n' ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `${text}\n`;
}
