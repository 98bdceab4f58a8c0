// The Image Builder stack deploys in one step on an empty account, and its build instances are told
// apart from served ones (issue 18, defects 2 and 9). A role recipe names the baseline's newest image
// (.../image/<project>-base/x.x.x), which does not exist before the first baseline build: the stack
// builds one (an AWS::ImageBuilder::Image of the base recipe) and the role recipes wait for it.
import { describe, expect, it } from 'vitest';
import { Intrinsic } from '../../generators/cfn-yaml.ts';
import { BUILD_INSTANCE_MARKER } from '../../generators/build-instance.ts';
import { minimalAnswers } from '../support/answers.ts';
import { parseTemplate } from '../support/cfn-spec.ts';
import { answersFrom, generate } from '../support/generate.ts';
import type { OperatingSystem } from '../../questionnaire/answers-schema.ts';

type Resource = { Type: string; DependsOn?: string | string[]; Properties: Record<string, any> };

async function stack(os: OperatingSystem, strategy: string) {
  const a = minimalAnswers();
  Object.assign(a, {
    strategy,
    builder: 'image-builder',
    platform: { os, regions: ['eu-west-1'] },
    roles: [
      { name: 'web', software: [] },
      { name: 'api', software: [] },
    ],
  });
  const file = (await generate(answersFrom(a))).find((f) => f.path === 'imagebuilder/image-builder.yaml')!;
  return parseTemplate(file.contents).Resources as Record<string, Resource>;
}
const refName = (v: unknown) => (v instanceof Intrinsic && v.tag === '!Ref' ? String(v.value) : undefined);

describe.each(['amazon-linux-2023', 'ubuntu-24.04', 'rhel-9', 'windows-server-2022'] as const)('%s', (os) => {
  it('role recipes are created only after the stack has built a baseline image for them to name', async () => {
    const resources = await stack(os, 'hybrid');
    const recipes = Object.entries(resources).filter(([, r]) => r.Type === 'AWS::ImageBuilder::ImageRecipe');
    const [baseId] = recipes.find(([, r]) => String(r.Properties.Name).endsWith('-base'))!;
    const roles = recipes.filter(([id]) => id !== baseId);
    expect(roles.length).toBe(2);
    for (const [id, recipe] of roles) {
      expect(String((recipe.Properties.ParentImage as Intrinsic).value), id).toMatch(/:image\/demo-base\/x\.x\.x$/);
      const waits = [recipe.DependsOn ?? []].flat();
      const image = waits.map((w) => resources[w]).find((r) => r?.Type === 'AWS::ImageBuilder::Image');
      expect(image, `${id} waits for no image`).toBeDefined();
      expect(refName(image!.Properties.ImageRecipeArn)).toBe(baseId);
    }
  });

  it("a role build's instance gets the build-instance marker as its user data; the base recipe keeps Image Builder's", async () => {
    const resources = await stack(os, 'fully-baked');
    for (const recipe of Object.values(resources).filter((r) => r.Type === 'AWS::ImageBuilder::ImageRecipe')) {
      const override = recipe.Properties.AdditionalInstanceConfiguration?.UserDataOverride as string | undefined;
      if (String(recipe.Properties.Name).endsWith('-base')) expect(override).toBeUndefined();
      else expect(Buffer.from(override!, 'base64').toString('utf8').split(/\r?\n/)).toContain(BUILD_INSTANCE_MARKER);
      // Image Builder refuses the SSM agent setting in a recipe for a Windows base image.
      if (os === 'windows-server-2022')
        expect(recipe.Properties.AdditionalInstanceConfiguration?.SystemsManagerAgent).toBeUndefined();
    }
  });

  it('JeOS builds one image: no baseline build at deploy', async () => {
    const resources = await stack(os, 'jeos');
    expect(Object.values(resources).filter((r) => r.Type === 'AWS::ImageBuilder::Image')).toEqual([]);
  });
});
