// CloudFormation templates checked against AWS's own current resource specification, without an
// account: npm @aws-cdk/aws-service-spec ships it (db.json.gz: every resource type, its properties with
// their types and `required` flags, and the nested property types). For each resource: the type
// exists; every property is known; every required property is there; each value has the property's
// type (string, number, boolean, list, map, nested type, checked recursively); !Ref and !GetAtt name
// a parameter, a resource or a pseudo parameter, and a known attribute. Short-form intrinsics parse.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gunzipSync } from 'node:zlib';
import { load } from 'js-yaml';
import { CFN_SCHEMA, Intrinsic } from '../../generators/cfn-yaml.ts';

interface SpecType {
  type: string;
  element?: SpecType;
  reference?: { $ref: string };
  types?: SpecType[];
}
interface SpecProperty {
  type: SpecType;
  required?: boolean;
  previousTypes?: SpecType[];
}
interface SpecResource {
  cloudFormationType: string;
  properties: Record<string, SpecProperty>;
  attributes: Record<string, unknown>;
}
interface SpecTypeDefinition {
  name: string;
  properties: Record<string, SpecProperty>;
}

let spec: { resources: Map<string, SpecResource>; types: Map<string, SpecTypeDefinition> } | undefined;

function loadSpec() {
  if (spec) return spec;
  const file = createRequire(import.meta.url).resolve('@aws-cdk/aws-service-spec/db.json.gz');
  const db = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8'));
  const resources = new Map<string, SpecResource>();
  for (const r of Object.values(db.schema.resource.entities) as SpecResource[]) resources.set(r.cloudFormationType, r);
  const types = new Map<string, SpecTypeDefinition>();
  for (const [id, t] of Object.entries(db.schema.typeDefinition.entities) as [
    string,
    SpecTypeDefinition & { $id?: string },
  ][]) {
    types.set(t.$id ?? id, t);
  }
  spec = { resources, types };
  return spec;
}

const PSEUDO = new Set([
  'AWS::AccountId',
  'AWS::NoValue',
  'AWS::Partition',
  'AWS::Region',
  'AWS::StackId',
  'AWS::StackName',
  'AWS::URLSuffix',
  'AWS::NotificationARNs',
]);
const FUNCTIONS = new Set([
  'Fn::If',
  'Fn::Equals',
  'Fn::Not',
  'Fn::Join',
  'Fn::Select',
  'Fn::Split',
  'Fn::And',
  'Fn::Or',
  'Fn::Sub',
  'Fn::GetAtt',
  'Ref',
  'Fn::FindInMap',
  'Fn::Base64',
  'Fn::GetAZs',
  'Fn::ImportValue',
  'Fn::Cidr',
  'Condition',
]);

export interface TemplateProblem {
  at: string;
  message: string;
}

/** Reads a template as CloudFormation does, short-form tags included. Throws on a YAML error. */
export function parseTemplate(text: string): Record<string, any> {
  return load(text, { schema: CFN_SCHEMA }) as Record<string, any>;
}

const isFunction = (v: unknown): boolean =>
  v instanceof Intrinsic ||
  (v !== null &&
    typeof v === 'object' &&
    !Array.isArray(v) &&
    Object.keys(v).length === 1 &&
    FUNCTIONS.has(Object.keys(v)[0]!));

export function checkTemplate(template: Record<string, any>): TemplateProblem[] {
  const { resources, types } = loadSpec();
  const problems: TemplateProblem[] = [];
  const parameters = new Set(Object.keys(template.Parameters ?? {}));
  const logical = new Map(
    Object.entries(template.Resources ?? {}).map(([id, r]) => [id, (r as { Type: string }).Type]),
  );
  const conditions = new Set(Object.keys(template.Conditions ?? {}));

  // Every !Ref, !GetAtt, !Sub reference and Fn::If condition names something that exists.
  const walkFunctions = (value: unknown, at: string): void => {
    if (value instanceof Intrinsic) {
      if (value.tag === '!Ref') {
        const name = value.value as string;
        if (!parameters.has(name) && !logical.has(name) && !PSEUDO.has(name))
          problems.push({ at, message: `!Ref ${name}: no such parameter or resource` });
      } else if (value.tag === '!GetAtt') {
        const [resource, attribute] = (value.value as string).split('.', 2) as [string, string];
        const type = logical.get(resource);
        if (!type) problems.push({ at, message: `!GetAtt ${resource}: no such resource` });
        else if (!Object.hasOwn(resources.get(type)?.attributes ?? {}, attribute))
          problems.push({ at, message: `!GetAtt ${resource}.${attribute}: ${type} has no attribute ${attribute}` });
      } else if (value.tag === '!Sub') {
        for (const [, name] of (value.value as string).matchAll(/\$\{([^}!]+)\}/g)) {
          const base = name!.split('.')[0]!;
          if (!parameters.has(base) && !logical.has(base) && !PSEUDO.has(name!))
            problems.push({ at, message: `!Sub \${${name}}: no such parameter, resource or pseudo parameter` });
        }
      }
      return;
    }
    if (Array.isArray(value)) return value.forEach((v, i) => walkFunctions(v, `${at}[${i}]`));
    if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (k === 'Fn::If' && Array.isArray(v) && !conditions.has(v[0] as string))
          problems.push({ at, message: `Fn::If ${String(v[0])}: no such condition` });
        walkFunctions(v, `${at}.${k}`);
      }
    }
  };
  walkFunctions(template.Resources, 'Resources');
  walkFunctions(template.Outputs ?? {}, 'Outputs');

  const checkValue = (value: unknown, type: SpecType, at: string): void => {
    if (isFunction(value)) return; // its result's type is CloudFormation's to check at deploy time
    switch (type.type) {
      case 'string':
      case 'date-time':
        if (typeof value !== 'string')
          problems.push({ at, message: `expected a string, got ${JSON.stringify(value)}` });
        return;
      case 'number':
      case 'integer':
        if (typeof value !== 'number')
          problems.push({ at, message: `expected a number, got ${JSON.stringify(value)}` });
        return;
      case 'boolean':
        if (typeof value !== 'boolean')
          problems.push({ at, message: `expected true or false, got ${JSON.stringify(value)}` });
        return;
      case 'array':
        if (!Array.isArray(value)) return void problems.push({ at, message: 'expected a list' });
        return value.forEach((v, i) => checkValue(v, type.element!, `${at}[${i}]`));
      case 'map':
        if (!value || typeof value !== 'object' || Array.isArray(value))
          return void problems.push({ at, message: 'expected a map' });
        return Object.entries(value).forEach(([k, v]) => checkValue(v, type.element!, `${at}.${k}`));
      case 'ref': {
        const def = types.get(type.reference!.$ref);
        if (!def) return void problems.push({ at, message: `unknown nested type ${type.reference!.$ref}` });
        return checkProperties(value, def.properties, `${at}`, def.name);
      }
      case 'union':
        return; // one of several types: accepted as written
      case 'json':
      case 'tag':
        return;
      default:
        return;
    }
  };
  const checkProperties = (value: unknown, props: Record<string, SpecProperty>, at: string, what: string): void => {
    if (!value || typeof value !== 'object' || Array.isArray(value))
      return void problems.push({ at, message: `expected the properties of ${what}` });
    for (const [name, v] of Object.entries(value)) {
      const prop = props[name];
      if (!prop) problems.push({ at: `${at}.${name}`, message: `${what} has no property ${name}` });
      else checkValue(v, prop.type, `${at}.${name}`);
    }
    for (const [name, prop] of Object.entries(props)) {
      if (prop.required && !Object.hasOwn(value, name)) problems.push({ at, message: `${what} requires ${name}` });
    }
  };

  for (const [id, resource] of Object.entries(template.Resources ?? {}) as [
    string,
    { Type: string; Properties?: unknown },
  ][]) {
    const def = resources.get(resource.Type);
    if (!def) {
      problems.push({ at: `Resources.${id}`, message: `unknown resource type ${resource.Type}` });
      continue;
    }
    checkProperties(resource.Properties ?? {}, def.properties, `Resources.${id}.Properties`, resource.Type);
  }
  return problems;
}

export const formatTemplateProblems = (problems: TemplateProblem[]): string =>
  problems.map((p) => `${p.at}: ${p.message}`).join('\n');
