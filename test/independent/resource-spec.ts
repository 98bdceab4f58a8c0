// AWS's CloudFormation resource specification, read independently from @aws-cdk/aws-service-spec's
// db.json.gz: schema.resource.entities hold each resource (cloudFormationType, properties with a
// type and `required`, attributes for !GetAtt); schema.typeDefinition.entities hold the nested
// property types, which a property's type points at with {type: 'ref', reference: {$ref: $id}}.
// A type is string | integer | number | boolean | date-time | json | tag | array (element) |
// map (element) | ref | union (types). The checks: types exist, property names exist, required
// ones are present, nested types recursively, primitive shapes and allowed values, and every
// !Ref / !GetAtt / ${} of !Sub / Fn::If condition names something that exists.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { intrinsicName } from './cfn-reader.ts';
import type { Template } from './cfn-reader.ts';

type SpecType =
  | {
      type: 'string' | 'integer' | 'number' | 'boolean' | 'date-time' | 'json' | 'tag' | 'null';
      allowedValues?: string[];
    }
  | { type: 'array' | 'map'; element: SpecType }
  | { type: 'ref'; reference: { $ref: string } }
  | { type: 'union'; types: SpecType[] };
type SpecProperty = { type: SpecType; required?: boolean };
type PropertyBag = { name: string; properties: Record<string, SpecProperty> };
type SpecResource = PropertyBag & { cloudFormationType: string; attributes?: Record<string, unknown> };

export interface ResourceSpec {
  resources: Map<string, SpecResource>;
  types: Map<string, PropertyBag>;
}

let cached: ResourceSpec | undefined;

export function loadResourceSpec(): ResourceSpec {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const file = join(dirname(require.resolve('@aws-cdk/aws-service-spec/package.json')), 'db.json.gz');
  const db = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8'));
  const resources = new Map<string, SpecResource>();
  for (const r of Object.values(db.schema.resource.entities) as SpecResource[]) resources.set(r.cloudFormationType, r);
  const types = new Map<string, PropertyBag>();
  for (const t of Object.values(db.schema.typeDefinition.entities) as (PropertyBag & { $id: string })[])
    types.set(t.$id, t);
  cached = { resources, types };
  return cached;
}

export const PSEUDO_PARAMETERS = [
  'AWS::AccountId',
  'AWS::NotificationARNs',
  'AWS::NoValue',
  'AWS::Partition',
  'AWS::Region',
  'AWS::StackId',
  'AWS::StackName',
  'AWS::URLSuffix',
];

const isPlainObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** Where a value sits, for messages: Resources.X.Properties.A[0].B */
type Problems = string[];

function checkValue(spec: ResourceSpec, value: unknown, type: SpecType, at: string, problems: Problems): void {
  const fn = intrinsicName(value);
  if (fn === 'Fn::If') {
    // Both branches must fit the type (AWS::NoValue leaves the property out).
    const [, a, b] = (value as { 'Fn::If': unknown[] })['Fn::If'];
    for (const branch of [a, b])
      if (!(isPlainObject(branch) && branch.Ref === 'AWS::NoValue')) checkValue(spec, branch, type, at, problems);
    return;
  }
  if (fn) return; // resolved at deploy time; references are checked separately
  switch (type.type) {
    case 'string':
    case 'date-time':
      if (typeof value === 'object' || value === null || value === undefined)
        problems.push(`${at}: expected a string, got ${describe(value)}`);
      else if ('allowedValues' in type && type.allowedValues && !type.allowedValues.includes(String(value)))
        problems.push(`${at}: ${String(value)} is not one of ${type.allowedValues.join(', ')}`);
      return;
    case 'integer':
    case 'number':
      if (!(typeof value === 'number' || (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value))))
        problems.push(`${at}: expected a number, got ${describe(value)}`);
      else if (type.type === 'integer' && !Number.isInteger(Number(value)))
        problems.push(`${at}: expected an integer, got ${String(value)}`);
      return;
    case 'boolean':
      if (!(typeof value === 'boolean' || value === 'true' || value === 'false'))
        problems.push(`${at}: expected a boolean, got ${describe(value)}`);
      return;
    case 'json':
      if (!isPlainObject(value) && typeof value !== 'string')
        problems.push(`${at}: expected a JSON object, got ${describe(value)}`);
      return;
    case 'null':
      return;
    case 'tag':
      if (!isPlainObject(value) || !('Key' in value) || !('Value' in value))
        problems.push(`${at}: expected a {Key, Value} tag, got ${describe(value)}`);
      return;
    case 'array':
      if (!Array.isArray(value)) problems.push(`${at}: expected a list, got ${describe(value)}`);
      else value.forEach((v, i) => checkValue(spec, v, type.element, `${at}[${i}]`, problems));
      return;
    case 'map':
      if (!isPlainObject(value)) problems.push(`${at}: expected a map, got ${describe(value)}`);
      else for (const [k, v] of Object.entries(value)) checkValue(spec, v, type.element, `${at}.${k}`, problems);
      return;
    case 'ref': {
      const nested = spec.types.get(type.reference.$ref);
      if (!nested) problems.push(`${at}: the specification has no type ${type.reference.$ref}`);
      else if (!isPlainObject(value)) problems.push(`${at}: expected a ${nested.name} mapping, got ${describe(value)}`);
      else checkProperties(spec, value, nested, at, problems);
      return;
    }
    case 'union': {
      const attempts = type.types.map((t) => {
        const p: Problems = [];
        checkValue(spec, value, t, at, p);
        return p;
      });
      if (!attempts.some((p) => p.length === 0))
        problems.push(...attempts.reduce((a, b) => (a.length <= b.length ? a : b)));
      return;
    }
  }
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value).slice(0, 40)}`;
}

function checkProperties(
  spec: ResourceSpec,
  props: Record<string, unknown>,
  bag: PropertyBag,
  at: string,
  problems: Problems,
): void {
  for (const [name, value] of Object.entries(props)) {
    const p = bag.properties[name];
    if (!p) problems.push(`${at}: ${bag.name} has no property ${name}`);
    else checkValue(spec, value, p.type, `${at}.${name}`, problems);
  }
  for (const [name, p] of Object.entries(bag.properties)) {
    if (p.required && !(name in props)) problems.push(`${at}: ${bag.name} requires ${name}`);
  }
}

/** Resource types, property names, required properties, nested types and primitive shapes. */
export function checkAgainstSpec(template: Template, spec = loadResourceSpec()): Problems {
  const problems: Problems = [];
  for (const [id, resource] of Object.entries(template.Resources)) {
    const r = spec.resources.get(resource.Type);
    if (!r) {
      problems.push(`Resources.${id}: no resource type ${resource.Type} in the specification`);
      continue;
    }
    checkProperties(spec, resource.Properties ?? {}, r, `Resources.${id}.Properties`, problems);
  }
  return problems;
}

/** Names ${X} inside a !Sub string (not ${!X}, a literal). */
export function subVariables(text: string): string[] {
  return [...text.matchAll(/\$\{([^}]*)\}/g)].map((m) => m[1]!).filter((name) => !name.startsWith('!'));
}

/** Every !Ref, !GetAtt, !Sub variable and Fn::If condition names something in the template. */
export function checkReferences(template: Template, spec = loadResourceSpec()): Problems {
  const problems: Problems = [];
  const parameters = new Set(Object.keys(template.Parameters ?? {}));
  const resources = template.Resources;
  const conditions = new Set(Object.keys(template.Conditions ?? {}));
  const refable = (name: string) => parameters.has(name) || name in resources || PSEUDO_PARAMETERS.includes(name);
  const attributeOf = (resource: string, attribute: string, at: string) => {
    const r = resources[resource];
    if (!r) return void problems.push(`${at}: !GetAtt ${resource}.${attribute}: no such resource`);
    const attributes = spec.resources.get(r.Type)?.attributes ?? {};
    if (!(attribute in attributes))
      problems.push(`${at}: !GetAtt ${resource}.${attribute}: ${r.Type} has no attribute ${attribute}`);
  };
  const walk = (value: unknown, at: string): void => {
    if (Array.isArray(value)) return value.forEach((v, i) => walk(v, `${at}[${i}]`));
    if (!isPlainObject(value)) return;
    const fn = intrinsicName(value);
    if (fn === 'Ref') {
      if (typeof value.Ref !== 'string' || !refable(value.Ref))
        problems.push(`${at}: !Ref ${String(value.Ref)}: no such parameter, resource or pseudo parameter`);
      return;
    }
    if (fn === 'Fn::GetAtt') {
      const [resource, attribute] = value['Fn::GetAtt'] as [string, string];
      attributeOf(resource, attribute, at);
      return;
    }
    if (fn === 'Fn::Sub') {
      const arg = value['Fn::Sub'];
      const [text, vars] = Array.isArray(arg) ? [arg[0], (arg[1] ?? {}) as Record<string, unknown>] : [arg, {}];
      if (typeof text !== 'string') return void problems.push(`${at}: !Sub needs a string`);
      for (const name of subVariables(text)) {
        if (name in vars || refable(name)) continue;
        const dot = name.indexOf('.');
        if (dot > 0 && name.slice(0, dot) in resources) attributeOf(name.slice(0, dot), name.slice(dot + 1), at);
        else problems.push(`${at}: !Sub \${${name}}: no such parameter, resource, pseudo parameter or variable`);
      }
      walk(vars, `${at}.Fn::Sub`);
      return;
    }
    if (fn === 'Fn::If') {
      const [condition, ...branches] = value['Fn::If'] as unknown[];
      if (typeof condition !== 'string' || !conditions.has(condition))
        problems.push(`${at}: Fn::If ${String(condition)}: no such condition`);
      return walk(branches, at);
    }
    if (fn === 'Condition' && typeof value.Condition === 'string' && !conditions.has(value.Condition)) {
      problems.push(`${at}: Condition ${value.Condition}: no such condition`);
    }
    for (const [k, v] of Object.entries(value)) walk(v, `${at}.${k}`);
  };
  for (const [id, resource] of Object.entries(resources)) {
    walk(resource.Properties ?? {}, `Resources.${id}.Properties`);
    for (const dep of [resource.DependsOn ?? []].flat() as string[])
      if (!(dep in resources)) problems.push(`Resources.${id}.DependsOn: no resource ${dep}`);
    if (typeof resource.Condition === 'string' && !conditions.has(resource.Condition))
      problems.push(`Resources.${id}.Condition: no condition ${resource.Condition}`);
  }
  walk(template.Conditions ?? {}, 'Conditions');
  walk(template.Outputs ?? {}, 'Outputs');
  return problems;
}
