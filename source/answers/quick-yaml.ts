// A reader for the plain YAML that answers files are written in: block mappings and sequences,
// one-line flow lists and mappings of scalars, plain words, quoted strings without escapes, whole
// numbers, true, false and null, and comments. For such a text it returns what js-yaml's load with
// the core schema returns; for any other text, undefined, and read.ts has js-yaml read it. js-yaml
// runs cold in a short-lived process: its first parse of a 1 KB answers file takes 2 to 3 ms, more
// than recommend's own work, and this reader a small part of that. It never guesses: a construct
// it does not know (a tab, a non-ASCII character, an anchor, a tag, a block scalar, an escape, a
// number that is not a plain whole number, a key seen twice, a line it cannot place) gives
// undefined. test/answers/quick-yaml.test.ts holds it to js-yaml on the examples and on generated
// texts, the unusual ones included.

/** A line with content: its indentation (spaces) and its text, the comment and trailing spaces cut. */
interface Line {
  indent: number;
  text: string;
}

/** Not read here: js-yaml reads the text. */
class NotQuick extends Error {}
const notQuick = (): never => {
  throw new NotQuick();
};

// Printable ASCII and newlines only: tabs, a byte-order mark, other characters go to js-yaml.
const OUTSIDE_ASCII = /[^\n\x20-\x7e]/;
// `key:` or `key: value`; a key that YAML could read as anything but this string goes to js-yaml.
const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_-]*):(?: +(.*))?$/;
const FLOW_ENTRY = /^([A-Za-z_][A-Za-z0-9_-]*): +(.+)$/;
const NOT_A_STRING_KEY = /^(?:null|true|false|y|n|yes|no|on|off)$/i;
// A plain scalar with none of YAML's indicators: no `#`, `,`, brackets, quotes or `\`; on a line
// of its own (block context) also `:` when no space follows it and it does not end the value (an ARN).
const PLAIN_IN_FLOW = /^[A-Za-z0-9_/][A-Za-z0-9 _./@+=()-]*$/;
const PLAIN_IN_BLOCK = /^[A-Za-z0-9_/][A-Za-z0-9 _./@+=():-]*$/;
const WHOLE_NUMBER = /^(?:0|[1-9][0-9]{0,14})$/;
const DOUBLE_QUOTED = /^"([^"\\]*)"$/;
const SINGLE_QUOTED = /^'((?:[^']|'')*)'$/;
/**
 * Deeper than any answers file nests; a text nested further goes to js-yaml, which refuses one
 * nested more than 100 deep (its maxDepth; a level here is at most two of its own).
 */
const MAX_DEPTH = 32;

/** The parsed mapping, or undefined when the text is not of the plain kind this reader knows. */
export function quickYaml(text: string): Record<string, unknown> | undefined {
  const unix = text.replaceAll('\r\n', '\n');
  if (OUTSIDE_ASCII.test(unix)) return undefined;
  try {
    const lines = contentLines(unix);
    if (lines.length === 0 || lines[0]!.indent !== 0 || isSequenceItem(lines[0]!.text)) return undefined;
    const at = { pos: 0 };
    const value = mapping(lines, at, 0, 0);
    return at.pos === lines.length ? value : undefined;
  } catch (error) {
    if (error instanceof NotQuick) return undefined;
    throw error;
  }
}

function contentLines(text: string): Line[] {
  const lines: Line[] = [];
  for (const raw of text.split('\n')) {
    const body = raw.trimStart();
    const indent = raw.length - body.length;
    const text = withoutComment(body).trimEnd();
    if (text !== '') lines.push({ indent, text });
  }
  return lines;
}

/** `body` up to a `#` that starts a comment: at its start or after a space, outside quotes. */
function withoutComment(body: string): string {
  let quote = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quote !== '') {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || body[i - 1] === ' ')) return body.slice(0, i);
  }
  return body;
}

const isSequenceItem = (text: string): boolean => text === '-' || text.startsWith('- ');

/** The block at `lines[at.pos]`, whose first line is indented by `indent`. */
function block(lines: Line[], at: { pos: number }, indent: number, depth: number): unknown {
  return isSequenceItem(lines[at.pos]!.text) ? sequence(lines, at, indent, depth) : mapping(lines, at, indent, depth);
}

/**
 * The value of a key or item whose own line held nothing after it: the block below. With none, the
 * value is null, which js-yaml reads differently in corners (an empty item followed by a less
 * indented one joins a list above it) and answers never need: js-yaml reads such a text.
 */
function nested(lines: Line[], at: { pos: number }, indent: number, depth: number, ofKey: boolean): unknown {
  const next = lines[at.pos] ?? notQuick();
  if (next.indent > indent) return block(lines, at, next.indent, depth + 1);
  // A key's sequence may sit at the key's own indentation (an item's there is the next item).
  if (ofKey && next.indent === indent && isSequenceItem(next.text)) return sequence(lines, at, indent, depth + 1);
  return notQuick();
}

function mapping(lines: Line[], at: { pos: number }, indent: number, depth: number): Record<string, unknown> {
  if (depth > MAX_DEPTH) notQuick();
  const result: Record<string, unknown> = {};
  for (let line = lines[at.pos]; line?.indent === indent && !isSequenceItem(line.text); line = lines[at.pos]) {
    const match = KEY_LINE.exec(line.text) ?? notQuick();
    const key = match[1]!;
    if (NOT_A_STRING_KEY.test(key) || key === '__proto__' || Object.hasOwn(result, key)) notQuick();
    at.pos++;
    result[key] = match[2] === undefined ? nested(lines, at, indent, depth, true) : inlineValue(match[2]);
  }
  return result;
}

function sequence(lines: Line[], at: { pos: number }, indent: number, depth: number): unknown[] {
  if (depth > MAX_DEPTH) notQuick();
  const result: unknown[] = [];
  for (let line = lines[at.pos]; line?.indent === indent && isSequenceItem(line.text); line = lines[at.pos]) {
    const rest = line.text.slice(1).trimStart();
    if (rest === '') {
      at.pos++;
      result.push(nested(lines, at, indent, depth, false));
    } else if (KEY_LINE.test(rest)) {
      // `- key: value`: a mapping whose keys line up with this first one.
      const inner = indent + line.text.length - rest.length;
      lines[at.pos] = { indent: inner, text: rest };
      result.push(mapping(lines, at, inner, depth + 1));
    } else {
      at.pos++;
      result.push(inlineValue(rest));
    }
  }
  return result;
}

/** A value on its key's or item's line: a scalar, or a one-line flow list or mapping of scalars. */
function inlineValue(text: string): unknown {
  if (text.startsWith('[')) {
    if (!text.endsWith(']')) notQuick();
    return flowItems(text.slice(1, -1)).map((item) => scalar(item, true));
  }
  if (text.startsWith('{')) {
    if (!text.endsWith('}')) notQuick();
    const result: Record<string, unknown> = {};
    for (const entry of flowItems(text.slice(1, -1))) {
      const match = FLOW_ENTRY.exec(entry) ?? notQuick();
      const key = match[1]!;
      if (NOT_A_STRING_KEY.test(key) || key === '__proto__' || Object.hasOwn(result, key)) notQuick();
      result[key] = scalar(match[2]!.trimEnd(), true);
    }
    return result;
  }
  return scalar(text, false);
}

/** The comma-separated items inside a flow list or mapping (no nested brackets), trimmed. */
function flowItems(inner: string): string[] {
  if (inner.trim() === '') return [];
  const items: string[] = [];
  let quote = '';
  let start = 0;
  for (let i = 0; i <= inner.length; i++) {
    const c = inner[i];
    if (quote !== '') {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === ']' || c === '{' || c === '}') notQuick();
    else if (c === ',' || c === undefined) {
      const item = inner.slice(start, i).trim();
      if (item === '') notQuick();
      items.push(item);
      start = i + 1;
    }
  }
  if (quote !== '') notQuick();
  return items;
}

/** A scalar as the core schema reads it, for the kinds this reader knows. */
function scalar(text: string, inFlow: boolean): unknown {
  const double = DOUBLE_QUOTED.exec(text);
  if (double) return double[1];
  const single = SINGLE_QUOTED.exec(text);
  if (single) return single[1]!.replaceAll("''", "'");
  if (inFlow ? !PLAIN_IN_FLOW.test(text) : !PLAIN_IN_BLOCK.test(text) || text.includes(': ') || text.endsWith(':'))
    notQuick();
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (text === 'null') return null;
  if (/^[0-9]/.test(text)) return WHOLE_NUMBER.test(text) ? Number(text) : notQuick();
  // Any other spelling of null, true or false (Null, TRUE, ~ cannot reach here) goes to js-yaml.
  if (NOT_A_STRING_KEY.test(text)) notQuick();
  return text;
}
