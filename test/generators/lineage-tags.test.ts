// The lineage tags are Packer expressions, so templates/packer/locals.pkr.hcl.hbs writes them by hand:
// this holds that list, and the generated README's, to LINEAGE_TAG_KEYS (the keys answers may not use).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LINEAGE_TAG_KEYS } from '../../questionnaire/answer-rules.ts';

const template = (path: string) => readFileSync(new URL(`../../templates/${path}`, import.meta.url), 'utf8');

describe('lineage tags', () => {
  it('locals.pkr.hcl.hbs gives every image the lineage keys, in LINEAGE_TAG_KEYS order, after the guidance tags and Version', () => {
    const commonTags = template('packer/locals.pkr.hcl.hbs').split('common_tags = {')[1]!.split('\n  }')[0]!;
    const written = [...commonTags.split('{{/each}}')[1]!.matchAll(/^ {4}"(\w+)" = /gm)].map((m) => m[1]);
    expect(written).toEqual(['Version', ...LINEAGE_TAG_KEYS]);
  });

  it('the generated README names the same lineage keys', () => {
    const named = template('docs/README.md.hbs').match(/lineage tags \(([^)]*)\)/)![1]!;
    expect([...named.matchAll(/`(\w+)`/g)].map((m) => m[1])).toEqual([...LINEAGE_TAG_KEYS]);
  });
});
