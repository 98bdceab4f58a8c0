// The AWS Organizations tag policy for the guidance's ten tag keys (and any extra ones), enforced
// for images and instances, with allowed values where the answers fix them.
import type { BuildContext } from './build-context.ts';
import type { GeneratedFile } from './generated-file.ts';

export const ENFORCED_FOR = ['ec2:image', 'ec2:instance'];

export function tagPolicy(ctx: BuildContext): Record<string, unknown> {
  const tags: Record<string, unknown> = {};
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

export function generateTagging(ctx: BuildContext): GeneratedFile[] {
  return [{ path: 'tagging/tag-policy.json', contents: `${JSON.stringify(tagPolicy(ctx), null, 2)}\n`, mode: 0o644 }];
}
