// tagging/tag-policy.json composes with the other tag policies of the organization (root, OUs, the
// account, other projects): value lists are appended, never assigned, and enforcement covers images
// unless the answers ask for instances too. tagging/config-rules.yaml checks only what carries this
// project's Project tag. The merge below is a small reading of AWS Organizations' documented
// inheritance rules, checked against AWS's own examples before it judges the generated policies.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { buildContext } from '../../generators/build-context.ts';
import type { BuildContext } from '../../generators/build-context.ts';
import { createRenderer } from '../../generators/render.ts';
import { generateTagging, tagPolicy } from '../../generators/tagging.ts';
import { decisionFor } from '../../questionnaire/decision.ts';
import { parseTagPolicy, valueAllowed } from '../../source/audit/tag-policy.ts';
import { precompileTemplates } from '../../source/template-modules/precompile.ts';
import { minimalAnswers } from '../support/answers.ts';
import { answersFrom, generate } from '../support/generate.ts';
import { UPSTREAM_DIR } from '../support/tools.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

// ---- The documented merge rules (AWS Organizations User Guide, "Inheritance operators" and
// ---- "Policy inheritance examples"), for tag_key, tag_value and enforced_for.
type Op = '@@assign' | '@@append' | '@@remove';
type Block = Partial<Record<Op, string | string[]>> & { '@@operators_allowed_for_child_policies'?: string[] };
type Statement = Partial<Record<'tag_key' | 'tag_value' | 'enforced_for', Block>>;
type Policy = { tags: Record<string, Statement> };
type Effective = Record<string, { tag_key?: string; tag_value?: string[]; enforced_for?: string[] }>;

const OPS: Op[] = ['@@assign', '@@append', '@@remove'];
const FIELDS = ['tag_key', 'tag_value', 'enforced_for'] as const;

/**
 * The effective tag policy of an account. `levels` runs from the root through the OUs to the account;
 * each level holds the policies attached there, in the order they were attached.
 * - @@assign replaces what was inherited; @@append adds to it; @@remove takes values away.
 * - @@operators_allowed_for_child_policies limits the operators of the levels below (@@all, @@none or a
 *   list); an operator the parents do not allow is ignored (Example 4), and the limits of policies at
 *   one level intersect (Example 5).
 * - At one level the policy attached first wins a conflicting @@assign (Example 6).
 * Statement names are case-insensitive, so `CostCenter` and `costcenter` are one statement.
 */
function effectivePolicy(levels: Policy[][]): Effective {
  const values = new Map<string, string | string[]>();
  const allowedOps = new Map<string, Set<Op>>();
  for (const level of levels) {
    const assignedHere = new Set<string>();
    const limits: [string, Set<Op>][] = [];
    for (const policy of level) {
      for (const [name, statement] of Object.entries(policy.tags)) {
        for (const field of FIELDS) {
          const block = statement[field];
          if (!block) continue;
          const id = `${name.toLowerCase()}\u0000${field}`;
          const allowed = allowedOps.get(id) ?? new Set(OPS);
          for (const op of OPS) {
            const given = block[op];
            if (given === undefined || !allowed.has(op)) continue;
            const list = [values.get(id) ?? []].flat();
            if (op === '@@assign' && !assignedHere.has(id)) {
              values.set(id, given);
              assignedHere.add(id);
            }
            if (op === '@@append') values.set(id, [...new Set([...list, ...[given].flat()])]);
            if (op === '@@remove')
              values.set(
                id,
                list.filter((v) => ![given].flat().includes(v)),
              );
          }
          const limit = block['@@operators_allowed_for_child_policies'];
          if (limit) limits.push([id, new Set(limit.includes('@@all') ? OPS : OPS.filter((op) => limit.includes(op)))]);
        }
      }
    }
    for (const [id, limit] of limits) {
      const before = allowedOps.get(id) ?? new Set(OPS);
      allowedOps.set(id, new Set([...before].filter((op) => limit.has(op))));
    }
  }
  const effective: Effective = {};
  for (const [id, value] of values) {
    const [name, field] = id.split('\u0000') as [string, (typeof FIELDS)[number]];
    (effective[name] ??= {} as Effective[string])[field] = value as never;
  }
  return effective;
}

/** The effective policy written as one policy document (every setting @@assign'ed), for the grammar and the audit. */
function asPolicy(effective: Effective): Policy {
  const tags: Record<string, Statement> = {};
  for (const [name, s] of Object.entries(effective)) {
    tags[name] = {
      ...(s.tag_key !== undefined ? { tag_key: { '@@assign': s.tag_key } } : {}),
      ...(s.tag_value !== undefined ? { tag_value: { '@@assign': s.tag_value } } : {}),
      ...(s.enforced_for !== undefined ? { enforced_for: { '@@assign': s.enforced_for } } : {}),
    };
  }
  return { tags };
}

// ---- Generated policies for projects.

function contextFor(
  project: Record<string, unknown>,
  roles = [{ name: 'web', software: ['nginx'] }],
  options: Record<string, unknown> = {},
): BuildContext {
  const answers = answersFrom({ ...minimalAnswers(), project, roles });
  const ctx = buildContext(answers, decisionFor(answers), { generator: 'test', answersChecksum: '' });
  // enforceTagsOnInstances is not in the answers schema yet: set on the context as the schema will.
  return { ...ctx, options: Object.assign({}, ctx.options, options) };
}

const webShop = () => contextFor({ name: 'web-shop', system: 'shop', compliance: ['pci-dss'], costCenter: 'CC-1' });
const billing = () =>
  contextFor({ name: 'billing', system: 'ledger', compliance: ['sox'] }, [{ name: 'api', software: [] }]);
const policyOf = (ctx: BuildContext) => JSON.parse(JSON.stringify(tagPolicy(ctx))) as Policy;

const grammar = () => {
  const schema = JSON.parse(readFileSync(join(UPSTREAM_DIR, 'aws/tag-policy.schema.json'), 'utf8'));
  // The published schema leaves "type" implicit beside "properties" and "items": not an error here.
  return new Ajv({ allErrors: true, strictTypes: false }).compile(schema);
};

// AWS's own policies, written out here so the tests need nothing outside the repository.
/** Example 2's Policy C, attached below a root with Policy A (https://docs.aws.amazon.com/organizations/latest/userguide/inheritance-examples.html). */
const POLICY_C_APPEND: Policy = {
  tags: {
    costcenter: {
      tag_key: { '@@assign': 'CostCenter' },
      tag_value: { '@@append': ['Marketing'] },
      enforced_for: { '@@append': ['redshift:*', 'dynamodb:table'] },
    },
  },
};
/** A root that fixes the keys' case and lets no child change it (Example 4's tag_key block, for CostCenter and Project). */
const ROOT_KEY_CASE: Policy = {
  tags: {
    CostCenter: { tag_key: { '@@assign': 'CostCenter', '@@operators_allowed_for_child_policies': ['@@none'] } },
    Project: { tag_key: { '@@assign': 'Project', '@@operators_allowed_for_child_policies': ['@@none'] } },
  },
};

/** The tags of the project's images the rules refuse (Name, Version and Software take any value). */
function refusedImageTags(ctx: BuildContext, rules: ReturnType<typeof parseTagPolicy>) {
  const imageTags = [
    ...ctx.commonTags,
    ...ctx.roles.map((r) => ({ key: 'Role', value: r.name })),
    { key: 'Role', value: 'base' },
  ];
  return imageTags.filter((tag) => {
    const rule = rules.find((r) => r.key === tag.key);
    return rule?.allowed !== undefined && !valueAllowed(tag.value, rule.allowed);
  });
}

describe('the merge rules reproduce the documented examples', () => {
  const policyA: Policy = {
    tags: {
      costcenter: { tag_key: { '@@assign': 'CostCenter' }, tag_value: { '@@assign': ['Development', 'Support'] } },
    },
  };

  it('Example 1: @@assign in a child replaces the inherited values', () => {
    const policyB: Policy = {
      tags: {
        costcenter: {
          tag_key: { '@@assign': 'CostCenter' },
          tag_value: { '@@assign': ['Sandbox'] },
          enforced_for: { '@@assign': ['redshift:*', 'dynamodb:table'] },
        },
      },
    };
    expect(effectivePolicy([[policyA], [policyB]])).toEqual({
      costcenter: { tag_key: 'CostCenter', tag_value: ['Sandbox'], enforced_for: ['redshift:*', 'dynamodb:table'] },
    });
  });

  it('Example 2: @@append in a child adds to them (Policy C)', () => {
    expect(effectivePolicy([[policyA], [POLICY_C_APPEND]])).toEqual({
      costcenter: {
        tag_key: 'CostCenter',
        tag_value: ['Development', 'Support', 'Marketing'],
        enforced_for: ['redshift:*', 'dynamodb:table'],
      },
    });
  });

  it('Example 4: child control operators; a forbidden operator is ignored', () => {
    const policyE: Policy = {
      tags: {
        project: {
          tag_key: { '@@operators_allowed_for_child_policies': ['@@none'], '@@assign': 'Project' },
          tag_value: {
            '@@operators_allowed_for_child_policies': ['@@append'],
            '@@assign': ['Maintenance', 'Escalations'],
          },
        },
      },
    };
    const policyF: Policy = {
      tags: { project: { tag_key: { '@@assign': 'PROJECT' }, tag_value: { '@@append': ['Escalations - research'] } } },
    };
    expect(effectivePolicy([[policyE], [policyF]])).toEqual({
      project: { tag_key: 'Project', tag_value: ['Maintenance', 'Escalations', 'Escalations - research'] },
    });
  });

  it('Example 5: limits at one level intersect', () => {
    const policyG: Policy = {
      tags: {
        project: { tag_value: { '@@operators_allowed_for_child_policies': ['@@append'], '@@assign': ['Maintenance'] } },
      },
    };
    const policyH: Policy = {
      tags: { project: { tag_value: { '@@operators_allowed_for_child_policies': ['@@append', '@@remove'] } } },
    };
    const child: Policy = {
      tags: { project: { tag_value: { '@@append': ['Escalations'], '@@remove': ['Maintenance'] } } },
    };
    expect(effectivePolicy([[policyG, policyH], [child]]).project!.tag_value).toEqual(['Maintenance', 'Escalations']);
  });

  it('Example 6: at one level, the policy attached first wins a conflicting @@assign', () => {
    const policyJ: Policy = {
      tags: { project: { tag_key: { '@@assign': 'PROJECT' }, tag_value: { '@@append': ['Maintenance'] } } },
    };
    const policyK: Policy = { tags: { project: { tag_key: { '@@assign': 'project' } } } };
    expect(effectivePolicy([[policyJ, policyK]]).project!.tag_key).toBe('PROJECT');
  });

  it("the old shape (@@assign of one project's values) loses the other project, in either attach order", () => {
    const assigned = (project: string): Policy => ({
      tags: { project: { tag_key: { '@@assign': 'Project' }, tag_value: { '@@assign': [project] } } },
    });
    for (const order of [
      ['web-shop', 'billing'],
      ['billing', 'web-shop'],
    ]) {
      expect(effectivePolicy([order.map(assigned)]).project!.tag_value).toHaveLength(1);
    }
  });
});

describe('tagging/tag-policy.json', () => {
  it('tag_key @@assign (the case); value lists and enforcement @@append (they compose at one level)', () => {
    const policy = policyOf(webShop());
    const project = policy.tags.project!;
    expect(project.tag_key!['@@assign']).toBe('Project');
    expect(project.tag_value!['@@append']).toEqual(['web-shop']);
    expect(policy.tags.system!.tag_value!['@@append']).toEqual(['shop']);
    expect(policy.tags.compliance!.tag_value!['@@append']).toEqual(['pci-dss']);
    for (const statement of Object.values(policy.tags)) {
      expect(statement.tag_value?.['@@assign']).toBeUndefined();
      expect(statement.enforced_for?.['@@assign']).toBeUndefined();
    }
  });

  // What the levels below the policy (the OUs and accounts under the one it is attached to) may do
  // (https://docs.aws.amazon.com/organizations/latest/userguide/policy-operators.html, child control operators).
  it("child policies below it: never the key case; no change to this project's own values; only @@append to shared keys and enforcement", () => {
    const ctx = contextFor(
      { name: 'web-shop', system: 'shop', owner: 'team-web', compliance: ['pci-dss'], costCenter: 'CC-1' },
      undefined,
      {},
    );
    const withExtra = { ...ctx, policyTags: [...ctx.policyTags, { key: 'Team', allowed: ['web'] }] };
    const policy = policyOf(withExtra);
    const childOps = (block: Block | undefined) => block?.['@@operators_allowed_for_child_policies'];
    for (const [name, statement] of Object.entries(policy.tags)) {
      expect(childOps(statement.tag_key), name).toEqual(['@@none']);
      expect(childOps(statement.enforced_for), name).toEqual(['@@append']);
    }
    for (const own of ['project', 'system', 'role', 'stage', 'confidentiality'])
      expect(childOps(policy.tags[own]!.tag_value), own).toEqual(['@@none']);
    for (const shared of ['owner', 'costcenter', 'compliance', 'team'])
      expect(childOps(policy.tags[shared]!.tag_value), shared).toEqual(['@@append']);
    // Keys whose value differs per image have no list, so nothing to lock.
    for (const free of ['name', 'version', 'software']) expect(policy.tags[free]!.tag_value, free).toBeUndefined();
    // The audit still reads the file as generated.
    expect(parseTagPolicy(policy, 'tag-policy.json').find((r) => r.key === 'Owner')!.allowed).toEqual(['team-web']);
  });

  it('enforced for ec2:image only, unless options.enforceTagsOnInstances is true', () => {
    const enforced = (ctx: BuildContext) =>
      new Set(
        Object.values(policyOf(ctx).tags).map((s) => JSON.stringify({ '@@append': s.enforced_for?.['@@append'] })),
      );
    const project = { name: 'web-shop' };
    expect(enforced(contextFor(project))).toEqual(new Set([JSON.stringify({ '@@append': ['ec2:image'] })]));
    expect(enforced(contextFor(project, undefined, { enforceTagsOnInstances: undefined }))).toEqual(
      new Set([JSON.stringify({ '@@append': ['ec2:image'] })]),
    );
    expect(enforced(contextFor(project, undefined, { enforceTagsOnInstances: false }))).toEqual(
      new Set([JSON.stringify({ '@@append': ['ec2:image'] })]),
    );
    expect(enforced(contextFor(project, undefined, { enforceTagsOnInstances: true }))).toEqual(
      new Set([JSON.stringify({ '@@append': ['ec2:image', 'ec2:instance'] })]),
    );
  });

  it('a key the images carry with one value the answers fix lists it (CostCenter "unassigned"), so another list cannot shut it out', () => {
    const costCenter = policyOf(billing()).tags.costcenter!;
    expect(costCenter.tag_value!['@@append']).toEqual(['unassigned']);
    // Name, Version and Software differ per image: no list.
    expect(policyOf(billing()).tags.name!.tag_value).toBeUndefined();
  });

  it('both generated policies follow the AWS tag-policy grammar', () => {
    const validate = grammar();
    for (const ctx of [webShop(), billing(), contextFor({ name: 'x' }, undefined, { enforceTagsOnInstances: true })]) {
      expect(validate(policyOf(ctx)), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  describe("attached to the OU that holds only this project's accounts", () => {
    const ou = () => policyOf(webShop());

    it('an account policy below cannot widen, re-case or un-enforce what the project owns', () => {
      const account: Policy = {
        tags: {
          project: {
            tag_key: { '@@assign': 'PROJECT' },
            tag_value: { '@@append': ['*'] },
            enforced_for: { '@@remove': ['ec2:image'] },
          },
          role: { tag_value: { '@@assign': ['anything'] } },
          stage: { tag_value: { '@@remove': ['prod'] } },
        },
      };
      const effective = effectivePolicy([[ou()], [account]]);
      expect(effective.project).toEqual({ tag_key: 'Project', tag_value: ['web-shop'], enforced_for: ['ec2:image'] });
      expect(new Set(effective.role!.tag_value)).toEqual(new Set(['base', 'web']));
      expect(effective.stage!.tag_value).toContain('prod');
    });

    it("an account policy below may add values to the shared keys (Owner, CostCenter, Compliance), never take the project's away", () => {
      const account: Policy = {
        tags: {
          costcenter: { tag_value: { '@@append': ['CC-shared'], '@@remove': ['CC-1'] } },
          compliance: { tag_value: { '@@assign': ['iso-27001'] } },
        },
      };
      const effective = effectivePolicy([[ou()], [account]]);
      expect(effective.costcenter!.tag_value).toEqual(['CC-1', 'CC-shared']);
      expect(effective.compliance!.tag_value).toEqual(['pci-dss']);
      expect(refusedImageTags(webShop(), parseTagPolicy(asPolicy(effective), 'merged'))).toEqual([]);
    });

    it("attached to a shared OU instead, another project's account policy below cannot add its Project: the README says where to attach", () => {
      const other = contextFor({ name: 'billing', system: 'ledger', compliance: ['sox'] }, [
        { name: 'api', software: [] },
      ]);
      const effective = effectivePolicy([[ou()], [policyOf(other)]]);
      const refused = refusedImageTags(other, parseTagPolicy(asPolicy(effective), 'merged')).map((t) => t.key);
      expect(refused).toEqual(expect.arrayContaining(['Project', 'System', 'Role']));
    });
  });

  describe('two projects in one account compose', () => {
    const a = webShop();
    const b = contextFor({ name: 'billing', system: 'ledger', compliance: ['sox'] }, [{ name: 'api', software: [] }], {
      enforceTagsOnInstances: true,
    });

    it.each([
      ['web-shop first', [a, b]],
      ['billing first', [b, a]],
    ])("attached to the same account (%s): both projects' values survive", (_order, contexts) => {
      const effective = effectivePolicy([contexts.map(policyOf)]);
      expect(effective.project!.tag_key).toBe('Project');
      expect(new Set(effective.project!.tag_value)).toEqual(new Set(['web-shop', 'billing']));
      expect(new Set(effective.system!.tag_value)).toEqual(new Set(['shop', 'ledger']));
      expect(new Set(effective.compliance!.tag_value)).toEqual(new Set(['pci-dss', 'sox']));
      expect(new Set(effective.role!.tag_value)).toEqual(new Set(['base', 'web', 'api']));
      expect(new Set(effective.costcenter!.tag_value)).toEqual(new Set(['CC-1', 'unassigned']));
      // One project asked for instances: enforcement is the union, the other project's values stay allowed.
      expect(new Set(effective.project!.enforced_for)).toEqual(new Set(['ec2:image', 'ec2:instance']));

      const merged = asPolicy(effective);
      const validate = grammar();
      expect(validate(merged), JSON.stringify(validate.errors)).toBe(true);
      const rules = parseTagPolicy(merged, 'merged');
      expect(refusedImageTags(a, rules)).toEqual([]);
      expect(refusedImageTags(b, rules)).toEqual([]);
    });

    it('under a root that locks the key case and an OU that only lets children append values', () => {
      const root = ROOT_KEY_CASE;
      const ou: Policy = {
        tags: {
          project: {
            tag_value: { '@@operators_allowed_for_child_policies': ['@@append'], '@@assign': ['shared-services'] },
          },
          costcenter: { tag_value: { '@@operators_allowed_for_child_policies': ['@@append'], '@@assign': ['CC-0'] } },
        },
      };
      const effective = effectivePolicy([[root], [ou], [policyOf(a), policyOf(b)]]);
      expect(effective.project).toMatchObject({
        tag_key: 'Project',
        tag_value: ['shared-services', 'web-shop', 'billing'],
      });
      expect(effective.costcenter).toMatchObject({ tag_key: 'CostCenter', tag_value: ['CC-0', 'CC-1', 'unassigned'] });
      const rules = parseTagPolicy(asPolicy(effective), 'merged');
      expect(refusedImageTags(a, rules)).toEqual([]);
      expect(refusedImageTags(b, rules)).toEqual([]);
    });
  });
});

describe('tagging/config-rules.yaml', () => {
  const TEMPLATE = 'tagging/config-rules.yaml.hbs';
  // Only the tagging template: the generator needs no other, and this test judges no other.
  const renderer = async () =>
    createRenderer(
      await precompileTemplates(
        new Map([[TEMPLATE, readFileSync(join(ROOT, 'templates', TEMPLATE), 'utf8')]]),
        'templates',
      ),
    );
  const render = async (ctx: BuildContext) => {
    const files = generateTagging(ctx, await renderer());
    return parseYaml(files.find((f) => f.path === 'tagging/config-rules.yaml')!.contents);
  };

  // The resource types AWS Config's required-tags managed rule supports, as AWS documents them
  // (https://docs.aws.amazon.com/config/latest/developerguide/required-tags.html, "supported resource
  // types"). EC2 images are not among them: the tag policy covers images.
  const REQUIRED_TAGS_TYPES = [
    'AWS::ACM::Certificate',
    'AWS::AutoScaling::AutoScalingGroup',
    'AWS::CloudFormation::Stack',
    'AWS::CodeBuild::Project',
    'AWS::DynamoDB::Table',
    'AWS::EC2::CustomerGateway',
    'AWS::EC2::Instance',
    'AWS::EC2::InternetGateway',
    'AWS::EC2::NetworkAcl',
    'AWS::EC2::NetworkInterface',
    'AWS::EC2::RouteTable',
    'AWS::EC2::SecurityGroup',
    'AWS::EC2::Subnet',
    'AWS::EC2::Volume',
    'AWS::EC2::VPC',
    'AWS::EC2::VPNConnection',
    'AWS::EC2::VPNGateway',
    'AWS::ElasticLoadBalancing::LoadBalancer',
    'AWS::ElasticLoadBalancingV2::LoadBalancer',
    'AWS::RDS::DBInstance',
    'AWS::RDS::DBSecurityGroup',
    'AWS::RDS::DBSnapshot',
    'AWS::RDS::DBSubnetGroup',
    'AWS::RDS::EventSubscription',
    'AWS::Redshift::Cluster',
    'AWS::Redshift::ClusterParameterGroup',
    'AWS::Redshift::ClusterSecurityGroup',
    'AWS::Redshift::ClusterSnapshot',
    'AWS::Redshift::ClusterSubnetGroup',
    'AWS::S3::Bucket',
  ];
  /** The keys of an instance itself: its name and the role it applies (the launch templates set both). */
  const INSTANCE_KEYS = ['Name', 'Role'];
  /** What an image holds: the tag policy covers images; AWS Config cannot check them. */
  const IMAGE_KEYS = ['Version', 'Software'];
  const NOT_LAUNCHED_BY_US = ['AWS::EC2::NetworkInterface', 'AWS::EC2::SecurityGroup'];

  const rulesOf = async (ctx: BuildContext) => {
    const template = await render(ctx);
    return (Object.values(template.Resources) as any[]).map((rule) => {
      const params = rule.Properties.InputParameters as Record<string, string>;
      return {
        rule,
        keys: Object.keys(params)
          .filter((k) => /^tag\dKey$/.test(k))
          .map((k) => params[k]!),
        types: rule.Properties.Scope.ComplianceResourceTypes as string[],
      };
    });
  };
  const owned = () => {
    const ctx = contextFor({
      name: 'web-shop',
      system: 'shop',
      owner: 'team-web',
      costCenter: 'CC-1',
      compliance: ['pci-dss'],
    });
    return {
      ...ctx,
      policyTags: [...ctx.policyTags, { key: 'Team', allowed: ['web'] }, { key: 'DataClass', allowed: ['internal'] }],
    };
  };

  it('each rule is scoped by resource types from the documented list, never by tag, never images', async () => {
    const rules = await rulesOf(owned());
    expect(rules.length).toBeGreaterThan(1);
    for (const { rule, keys, types } of rules) {
      // AWS::Config::ConfigRule Scope: resource types, or a tag key and value, not both.
      expect(Object.keys(rule.Properties.Scope)).toEqual(['ComplianceResourceTypes']);
      expect(types.length).toBeGreaterThan(0);
      for (const type of types) expect(REQUIRED_TAGS_TYPES, type).toContain(type);
      expect(keys.length).toBeGreaterThan(0);
      expect(keys.length).toBeLessThanOrEqual(6);
      expect(rule.Properties.Description.length).toBeLessThanOrEqual(256);
    }
  });

  it("an instance's Name and Role are required of instances only; Version and Software of no resource Config checks", async () => {
    const rules = await rulesOf(owned());
    for (const { keys, types } of rules) {
      if (keys.some((k) => INSTANCE_KEYS.includes(k))) expect(types).toEqual(['AWS::EC2::Instance']);
    }
    const required = rules.flatMap((r) => r.keys);
    for (const key of INSTANCE_KEYS) expect(required).toContain(key);
    for (const key of IMAGE_KEYS) expect(required).not.toContain(key);
  });

  it('ownership keys on instances and their volumes; nothing on network interfaces or security groups', async () => {
    const rules = await rulesOf(owned());
    const typesOf = (key: string) => rules.find((r) => r.keys.includes(key))!.types;
    for (const key of [
      'Project',
      'System',
      'Owner',
      'CostCenter',
      'Stage',
      'Confidentiality',
      'Compliance',
      'Team',
      'DataClass',
    ]) {
      expect(typesOf(key), key).toEqual(['AWS::EC2::Instance', 'AWS::EC2::Volume']);
    }
    for (const { types } of rules) for (const type of NOT_LAUNCHED_BY_US) expect(types).not.toContain(type);
  });

  it('every policy key is required once, with its allowed values where they fit the rule', async () => {
    const ctx = owned();
    const rules = await rulesOf(ctx);
    expect(rules.flatMap((r) => r.keys).sort()).toEqual(
      ctx.policyTags
        .map((t) => t.key)
        .filter((k) => !IMAGE_KEYS.includes(k))
        .sort(),
    );
    const project = rules.find((r) => r.keys.includes('Project'))!;
    const n = project.keys.indexOf('Project') + 1;
    expect(project.rule.Properties.InputParameters[`tag${n}Value`]).toBe('web-shop');
  });

  it('a 128-character project name with YAML syntax: the template says which project, each description stays within 256 characters', async () => {
    for (const name of ['p'.repeat(128), 'Billing & "EU": #1 {z}']) {
      const template = await render(contextFor({ name }));
      expect(template.Description).toContain(name);
      for (const rule of Object.values(template.Resources) as any[])
        expect(rule.Properties.Description.length).toBeLessThanOrEqual(256);
    }
  });
});

describe('README.md and decision.md say where the policy goes', () => {
  const docs = async () => {
    const a = minimalAnswers();
    a.project = { name: 'web-shop', owner: 'team-web' };
    const files = await generate(answersFrom(a));
    const text = (path: string) => files.find((f) => f.path === path)!.contents.replace(/\s+/g, ' ');
    return { readme: text('README.md'), decision: text('decision.md') };
  };

  it("attach it to the OU or accounts that hold only this project's images, not the root or a shared account, and why", async () => {
    const { readme, decision } = await docs();
    expect(readme).toMatch(/Attach it to the OU, or the accounts, that hold only this project's images/);
    expect(readme).toMatch(/not to the root or an OU or account other teams share/);
    expect(readme).toMatch(/`Owner`, `CostCenter` and `Compliance`/);
    expect(readme).toContain('@@operators_allowed_for_child_policies');
    expect(decision).toMatch(/attach it to the OU or accounts that hold only this project's images/);
    expect(readme).not.toMatch(/Attach it to the root, an OU or an\s+account/);
  });
});

describe('README.md on the AWS Config rules', () => {
  it('says which resources carry which keys and where to deploy the stack', async () => {
    const readme = (await generate(answersFrom(minimalAnswers())))
      .find((f) => f.path === 'README.md')!
      .contents.replace(/\s+/g, ' ');
    expect(readme).toMatch(/every instance its `Name` and `Role` \(the launch templates in `iam\/` set both\)/);
    expect(readme).toMatch(/every instance and volume who owns and pays for it/);
    expect(readme).toMatch(/deploy the stack in the accounts that run only this project's instances/);
    expect(readme).not.toMatch(/whose `Project` tag is/);
  });
});
