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

/** YAML for CloudFormation or AWSTOE: no line folding, no anchors, keys in the order given. */
export function yamlDocument(value: unknown): string {
  return dump(value, { schema: CFN_SCHEMA, lineWidth: -1, noRefs: true, quotingType: '"' });
}
