// The AWS Organizations tag policy for the guidance's ten tag keys (and any extra ones), enforced
// for images and instances, with allowed values where the answers fix them.
import type { BuildContext } from './build-context.ts';
import type { GeneratedFile } from './generated-file.ts';
import type { Renderer } from './render.ts';

/** AWS Config's REQUIRED_TAGS managed rule takes tag1Key..tag6Key. */
const CONFIG_RULE_MAX_KEYS = 6;
const CONFIG_PARAMETER_MAX = 256;

const ENFORCED_FOR = ['ec2:image', 'ec2:instance'];

export function tagPolicy(ctx: BuildContext): Record<string, unknown> {
  // No prototype: a statement name never reaches Object.prototype (a key such as __proto__ is refused anyway).
  const tags: Record<string, unknown> = Object.create(null);
  for (const { key, allowed } of ctx.policyTags) {
    // Policy statement names are case-insensitive identifiers; the key's exact case is in tag_key.
    tags[key.toLowerCase()] = {
      tag_key: { '@@assign': key },
      ...(allowed.length ? { tag_value: { '@@assign': allowed } } : {}),
      enforced_for: { '@@assign': ENFORCED_FOR },
    };
  }
  return { tags };
}

/** The policy's keys in rules of at most six; allowed values as CSV where they fit the rule's syntax. */
function configRules(ctx: BuildContext) {
  return Array.from({ length: Math.ceil(ctx.policyTags.length / CONFIG_RULE_MAX_KEYS) }, (_, r) => {
    const n = r + 1;
    const i = r * CONFIG_RULE_MAX_KEYS;
    return {
      logicalId: `RequiredTags${n}`,
      name: `${ctx.project.slug}-required-tags-${n}`,
      description: `Instances of ${ctx.project.name} carry the image tags (part ${n}).`,
      tags: ctx.policyTags.slice(i, i + CONFIG_RULE_MAX_KEYS).map((tag, j) => {
        const csv = tag.allowed.join(',');
        const csvSafe = tag.allowed.length > 0 && !tag.allowed.some((v) => v.includes(',')) && csv.length <= CONFIG_PARAMETER_MAX;
        return { key: tag.key, keyParameter: `tag${j + 1}Key`, valueParameter: `tag${j + 1}Value`, valuesCsv: csvSafe ? csv : null };
      }),
    };
  });
}

export function generateTagging(ctx: BuildContext, templates: Renderer): GeneratedFile[] {
  const view = { ...ctx, rules: configRules(ctx), description: `AWS Config rules for the tags of ${ctx.project.name} images (ami-wizard).` };
  return [
    { path: 'tagging/tag-policy.json', contents: `${JSON.stringify(tagPolicy(ctx), null, 2)}\n`, mode: 0o644 },
    { path: 'tagging/config-rules.yaml', contents: templates.render('tagging/config-rules.yaml.hbs', view), mode: 0o644 },
  ];
}
