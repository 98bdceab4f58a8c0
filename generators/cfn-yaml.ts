// CloudFormation YAML, written by js-yaml from plain objects: every string is quoted or put in a
// literal block by the emitter itself, so no value can break out of its place, and a document
// nested as a string (an AWSTOE component inside a Component's Data) is escaped once per layer.
// !Ref, !Sub and !GetAtt are tagged scalars, never strings that happen to start with "!"; the
// functions that take lists are written in their long form ({Fn::If: [...]}), plain mappings.
import { DEFAULT_SCHEMA, Type, dump } from 'js-yaml';

/** An intrinsic function in short form: `!Ref X`, `!Sub "..."`, `!If [c, a, b]`. */
export class Intrinsic {
  constructor(
    readonly tag: IntrinsicTag,
    readonly value: unknown,
  ) {}
}

const SCALAR_TAGS = ['!Ref', '!Sub', '!GetAtt'] as const;
export type IntrinsicTag = (typeof SCALAR_TAGS)[number];

export const ref = (name: string) => new Intrinsic('!Ref', name);
export const sub = (text: string) => new Intrinsic('!Sub', text);
export const getAtt = (resource: string, attribute: string) => new Intrinsic('!GetAtt', `${resource}.${attribute}`);
export const fnIf = (condition: string, then: unknown, otherwise: unknown) => ({
  'Fn::If': [condition, then, otherwise],
});
export const fnEquals = (a: unknown, b: unknown) => ({ 'Fn::Equals': [a, b] });
export const fnNot = (condition: unknown) => ({ 'Fn::Not': [condition] });
export const fnJoin = (separator: string, items: unknown) => ({ 'Fn::Join': [separator, items] });
/** `!Ref AWS::NoValue`: the property is left out. */
export const noValue = ref('AWS::NoValue');

const intrinsicTypes = SCALAR_TAGS.map(
  (tag) =>
    new Type(tag, {
      kind: 'scalar',
      instanceOf: Intrinsic,
      predicate: (v) => (v as Intrinsic).tag === tag,
      represent: (v) => (v as Intrinsic).value as string,
      construct: (d) => new Intrinsic(tag, d),
    }),
);

/** js-yaml's schema plus CloudFormation's short-form tags; also what tests read the templates with. */
export const CFN_SCHEMA = DEFAULT_SCHEMA.extend(intrinsicTypes);

const DUMP_OPTIONS = { schema: CFN_SCHEMA, lineWidth: -1, noRefs: true, quotingType: '"' } as const;

/** YAML for CloudFormation or AWSTOE: no line folding, no anchors, keys in the order given. */
export function yamlDocument(value: unknown): string {
  const blocks: LiteralBlock[] = [];
  const stood = standIn(value, 0, blocks);
  if (blocks.length === 0) return dump(value, DUMP_OPTIONS);
  const parts = dump(stood, DUMP_OPTIONS).split(STAND_IN);
  // Each stand-in is written as one plain scalar, so the text splits once per block, in order; if
  // anything else in the document happened to contain the marker, js-yaml writes it all instead.
  if (parts.length !== blocks.length + 1) return dump(value, DUMP_OPTIONS);
  let text = '';
  for (const [i, part] of parts.entries()) {
    if (i === 0) {
      text = part;
      continue;
    }
    const digits = /^\d+/.exec(part)?.[0];
    const block = blocks[i - 1];
    if (digits !== String(i - 1) || block === undefined) return dump(value, DUMP_OPTIONS);
    text += literal(block) + part.slice(digits.length);
  }
  return text;
}

// js-yaml's scalar-style scan reads a string one code point at a time, and the CloudFormation
// templates carry whole AWSTOE documents and scripts as strings, each scanned once per layer: that
// scan was most of `builder: both`. A multi-line string of printable ASCII is one js-yaml would
// write as a literal block anyway (with lineWidth -1 and no forced quotes, a string with a line
// break and only printable characters gets STYLE_LITERAL), so it is written here the same way,
// byte for byte: the header's indentation indicator and chomping, the content indented by
// 2 * max(1, level) except on empty lines, and the last line break left to the line that follows.
// Anything else (a tab, a control or non-ASCII character, a one-line string) stays with js-yaml.
const LITERAL_SAFE = /^[\n\x20-\x7e]*$/;
const STAND_IN = 'ami-wizard-literal-block-';

interface LiteralBlock {
  readonly text: string;
  readonly level: number;
}

/** A copy of `value` with each literal-safe string below the top replaced by a numbered marker. */
function standIn(value: unknown, level: number, blocks: LiteralBlock[]): unknown {
  if (Array.isArray(value)) return value.map((item) => standInValue(item, level + 1, blocks));
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = standInValue(item, level + 1, blocks);
    return copy;
  }
  return value;
}

function standInValue(value: unknown, level: number, blocks: LiteralBlock[]): unknown {
  if (typeof value === 'string') {
    if (!value.includes('\n') || !LITERAL_SAFE.test(value)) return value;
    blocks.push({ text: value, level });
    return `${STAND_IN}${blocks.length - 1}`;
  }
  return standIn(value, level, blocks);
}

/** What js-yaml's writeScalar returns for STYLE_LITERAL (its dumper's blockHeader and indentString). */
function literal({ text, level }: LiteralBlock): string {
  const indicator = /^\n* /.test(text) ? '2' : '';
  const clip = text.endsWith('\n');
  const keep = clip && (text[text.length - 2] === '\n' || text === '\n');
  const chomp = keep ? '+' : clip ? '' : '-';
  const indent = ' '.repeat(2 * Math.max(1, level));
  let body = '';
  let start = 0;
  while (start < text.length) {
    const next = text.indexOf('\n', start);
    const line = next === -1 ? text.slice(start) : text.slice(start, next + 1);
    start += line.length;
    if (line !== '\n') body += indent;
    body += line;
  }
  return `|${indicator}${chomp}\n${body.endsWith('\n') ? body.slice(0, -1) : body}`;
}
