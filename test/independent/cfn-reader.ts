// An independent reader of CloudFormation YAML: every short-form intrinsic (!Ref, !Sub, !GetAtt,
// !Join, !If, ...) in each YAML node kind it may be written in becomes the long form CloudFormation
// itself turns it into ({Ref: X}, {'Fn::Sub': ...}), so every check below reads one form only.
// Deliberately not generators/cfn-yaml.ts's schema nor test/support/cfn-spec.ts.
import { DEFAULT_SCHEMA, Type, load } from 'js-yaml';

/** Short-form tag -> long-form key. !GetAtt's scalar form "R.Attr" becomes [R, Attr] as CloudFormation does. */
const FUNCTIONS = [
  'Base64',
  'Cidr',
  'FindInMap',
  'GetAtt',
  'GetAZs',
  'ImportValue',
  'Join',
  'Select',
  'Split',
  'Sub',
  'Transform',
  'And',
  'Equals',
  'If',
  'Not',
  'Or',
  'Length',
  'ToJsonString',
] as const;

function longForm(name: string, data: unknown): Record<string, unknown> {
  if (name === 'Ref') return { Ref: data };
  if (name === 'Condition') return { Condition: data };
  if (name === 'GetAtt' && typeof data === 'string') {
    const dot = data.indexOf('.');
    return { 'Fn::GetAtt': dot < 0 ? [data] : [data.slice(0, dot), data.slice(dot + 1)] };
  }
  return { [`Fn::${name}`]: data };
}

const types = ['Ref', 'Condition', ...FUNCTIONS].flatMap((name) =>
  (['scalar', 'sequence', 'mapping'] as const).map(
    (kind) =>
      new Type(`!${name}`, {
        kind,
        construct: (data: unknown) => longForm(name, data ?? (kind === 'scalar' ? '' : data)),
      }),
  ),
);

const SCHEMA = DEFAULT_SCHEMA.extend(types);

export type Template = {
  AWSTemplateFormatVersion?: string;
  Parameters?: Record<string, { Type: string; [k: string]: unknown }>;
  Conditions?: Record<string, unknown>;
  Resources: Record<string, { Type: string; Properties?: Record<string, any>; [k: string]: unknown }>;
  Outputs?: Record<string, { Value: unknown; [k: string]: unknown }>;
  [k: string]: unknown;
};

export function readTemplate(text: string): Template {
  const parsed = load(text, { schema: SCHEMA });
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('a template is a mapping');
  const t = parsed as Template;
  if (!t.Resources || typeof t.Resources !== 'object') throw new Error('a template needs Resources');
  return t;
}

/** An intrinsic function object: one key, Ref, Condition or Fn::*. */
export function intrinsicName(value: unknown): string | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== 1) return undefined;
  const key = keys[0]!;
  return key === 'Ref' || key === 'Condition' || key.startsWith('Fn::') ? key : undefined;
}
