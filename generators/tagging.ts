// The AWS Organizations tag policy for the guidance's ten tag keys (and any extra ones), and AWS Config
// rules for the instances and volumes of the accounts that run this project (each rule scoped by
// resource type, generators/tag-keys.ts: what an instance runs on instances, ownership on both).
//
// Where it goes: the OU (or accounts) that hold only this project's images. It lists this project's
// values for keys other teams use too, so attached to a shared account it would block their images
// wherever enforcement applies.
//
// How it composes (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_inheritance_mgmt.html):
// tag_key @@assign's the key's case, while value lists and enforcement are @@append'ed, so policies
// attached at the same level (another project's in the same account) or above (the root's, an OU's)
// add up instead of replacing each other. What the levels below may change is set deliberately
// (@@operators_allowed_for_child_policies, https://docs.aws.amazon.com/organizations/latest/userguide/policy-operators.html):
// - the key's case: nothing (@@none), one case in every account below;
// - the values of keys this project owns (Project, System, Role, Stage, Confidentiality): nothing
//   (@@none), so no account policy below can widen them (a "*"), re-assign or remove them;
// - the values of shared keys (Owner, CostCenter, Compliance, extra tags): @@append only, so an
//   account below may admit another team's value but never remove this project's;
// - enforcement: @@append only, more resource types but never fewer.
// Enforcement covers images; instances only when the answers ask (options.enforceTagsOnInstances),
// since it then constrains every team in the accounts the policy is attached to.
import type { BuildContext } from './build-context.ts';
import type { GeneratedFile } from './generated-file.ts';
import type { Renderer } from './render.ts';
import { CARRIED_BY_TYPES, tagKeyFacts } from './tag-keys.ts';

/** AWS Config's REQUIRED_TAGS managed rule takes tag1Key..tag6Key. */
const CONFIG_RULE_MAX_KEYS = 6;
const CONFIG_PARAMETER_MAX = 256;
const CHILD_OPERATORS = '@@operators_allowed_for_child_policies';
/** Policies below may not change the setting at all. */
const NONE = ['@@none'];
/** Policies below may add to the setting, never replace or remove from it. */
const APPEND_ONLY = ['@@append'];

/** options.enforceTagsOnInstances of the answers; unset (or not in the answers schema) is false. */
function enforcesTagsOnInstances(ctx: BuildContext): boolean {
  const options = ctx.options as BuildContext['options'] & { enforceTagsOnInstances?: boolean | undefined };
  return options.enforceTagsOnInstances ?? false;
}

/** The resource types the policy blocks non-compliant tagging on. */
function enforcedFor(ctx: BuildContext): string[] {
  return enforcesTagsOnInstances(ctx) ? ['ec2:image', 'ec2:instance'] : ['ec2:image'];
}

/**
 * The keys with their allowed values. A key without a list whose images all carry one value the
 * answers fix (CostCenter `unassigned` when no cost center is given) lists that value: "any value"
 * does not survive a merge with another policy's list, the listed value does.
 */
function policyValues(ctx: BuildContext): { key: string; allowed: string[] }[] {
  return ctx.policyTags.map(({ key, allowed }) => {
    if (allowed.length) return { key, allowed };
    const fixed = ctx.commonTags.find((tag) => tag.key === key);
    return { key, allowed: fixed ? [fixed.value] : [] };
  });
}

export function tagPolicy(ctx: BuildContext): Record<string, unknown> {
  const enforced = enforcedFor(ctx);
  // No prototype: a statement name never reaches Object.prototype (a key such as __proto__ is refused anyway).
  const tags: Record<string, unknown> = Object.create(null);
  for (const { key, allowed } of policyValues(ctx)) {
    // Policy statement names are case-insensitive identifiers; the key's exact case is in tag_key.
    tags[key.toLowerCase()] = {
      tag_key: { '@@assign': key, [CHILD_OPERATORS]: NONE },
      ...(allowed.length
        ? {
            tag_value: {
              '@@append': allowed,
              [CHILD_OPERATORS]: tagKeyFacts(key).values === 'project' ? NONE : APPEND_ONLY,
            },
          }
        : {}),
      enforced_for: { '@@append': enforced, [CHILD_OPERATORS]: APPEND_ONLY },
    };
  }
  return { tags };
}

/** The AWS Config rules: per kind of resource, the keys it carries, in rules of at most six. */
function configRules(ctx: BuildContext) {
  // Image keys (Version, Software) get no rule: AWS Config does not check images, the tag policy does.
  const kinds = (Object.keys(CARRIED_BY_TYPES) as (keyof typeof CARRIED_BY_TYPES)[]).map((carriedBy) => ({
    carriedBy,
    tags: policyValues(ctx).filter((tag) => tagKeyFacts(tag.key).carriedBy === carriedBy),
  }));
  const groups = kinds.flatMap(({ carriedBy, tags }) =>
    Array.from({ length: Math.ceil(tags.length / CONFIG_RULE_MAX_KEYS) }, (_, r) => ({
      carriedBy,
      tags: tags.slice(r * CONFIG_RULE_MAX_KEYS, (r + 1) * CONFIG_RULE_MAX_KEYS),
    })),
  );
  return groups.map(({ carriedBy, tags }, r) => {
    const n = r + 1;
    return {
      logicalId: `RequiredTags${n}`,
      name: `${ctx.project.slug}-required-tags-${n}`,
      description: ruleDescription(carriedBy, n, groups.length),
      resourceTypes: CARRIED_BY_TYPES[carriedBy],
      tags: tags.map((tag, j) => {
        const csv = tag.allowed.join(',');
        const csvSafe =
          tag.allowed.length > 0 && !tag.allowed.some((v) => v.includes(',')) && csv.length <= CONFIG_PARAMETER_MAX;
        return {
          key: tag.key,
          keyParameter: `tag${j + 1}Key`,
          valueParameter: `tag${j + 1}Value`,
          valuesCsv: csvSafe ? csv : null,
        };
      }),
    };
  });
}

const CHECKED: Record<keyof typeof CARRIED_BY_TYPES, string> = {
  instances: 'Every instance in the account carries its name and the role it applies',
  launched:
    'Every instance and volume in the account carries the keys of who owns it, pays for it and how it is classified',
};

/**
 * What the rule checks. The project name is in the template's description and the rule's name, not
 * here: the description stays one short line (AWS Config allows 256 characters) whatever the name holds.
 */
function ruleDescription(carriedBy: keyof typeof CARRIED_BY_TYPES, n: number, count: number): string {
  return `${CHECKED[carriedBy]}: part ${n} of ${count}.`;
}

export function generateTagging(ctx: BuildContext, templates: Renderer): GeneratedFile[] {
  const description = `AWS Config REQUIRED_TAGS rules for the instances and volumes of ${ctx.project.name} (ami-wizard).`;
  const view = { ...ctx, rules: configRules(ctx), description };
  return [
    { path: 'tagging/tag-policy.json', contents: `${JSON.stringify(tagPolicy(ctx), null, 2)}\n`, mode: 0o644 },
    {
      path: 'tagging/config-rules.yaml',
      contents: templates.render('tagging/config-rules.yaml.hbs', view),
      mode: 0o644,
    },
  ];
}
