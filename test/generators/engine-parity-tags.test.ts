// Issue 19, two engines with one meaning: tags. Every image carries the same keys whichever engine
// built it (Packer's locals.pkr.hcl is read back as written), and every pipeline's build instances
// carry their own image's tags, within what Image Builder allows on them.
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { AnswersSchema } from '../../questionnaire/answers-schema.ts';
import { LINEAGE_TAG_KEYS } from '../../questionnaire/answer-rules.ts';
import { minimalAnswers } from '../support/answers.ts';
import { parseTemplate } from '../support/cfn-spec.ts';
import { answersFrom, generate } from '../support/generate.ts';

async function both(patch: (a: Record<string, any>) => void = () => undefined) {
  const a = minimalAnswers();
  a.builder = 'both';
  a.strategy = 'hybrid';
  a.project.owner = 'platform-team';
  a.roles = [{ name: 'web', software: ['nginx'] }, { name: 'api' }];
  a.platform = { regions: ['us-east-1', 'eu-west-1'] };
  a.tags = { Team: { value: 'shop' } };
  patch(a);
  const files = await generate(answersFrom(a));
  const file = (path: string) => files.find((f) => f.path === path)?.contents ?? '';
  return { file, template: parseTemplate(file('imagebuilder/image-builder.yaml')) as Record<string, any> };
}

/** The tag keys Packer gives each image: common_tags, then the image's own in image_tags. */
function packerKeys(locals: string): Map<string, string[]> {
  const keys = (block: string) => [...block.matchAll(/^\s+"([^"]+)"\s+= /gm)].map((m) => m[1]!);
  const common = keys(locals.split('common_tags = {')[1]!.split('\n  }')[0]!);
  const images = locals.split('image_tags = {')[1]!;
  return new Map(
    [...images.matchAll(/^ {4}"([^"]+)" = merge\(local\.common_tags, \{\n([\s\S]*?)\n {4}\}\)/gm)].map((m) => [
      m[1]!,
      [...common, ...keys(m[2]!)].sort(),
    ]),
  );
}

const ofType = (t: Record<string, any>, type: string) =>
  Object.entries(t.Resources as Record<string, any>).filter(([, r]) => r.Type === type);
const refId = (v: any): string => v?.value ?? v?.Ref;

describe('both engines tag an image with the same keys', () => {
  it('each Image Builder distribution, in every region, tags the image with exactly the keys Packer gives it', async () => {
    const { file, template } = await both();
    const packer = packerKeys(file('packer/locals.pkr.hcl'));
    expect([...packer.keys()]).toEqual(['base', 'web', 'api']);
    for (const [, d] of ofType(template, 'AWS::ImageBuilder::DistributionConfiguration')) {
      for (const region of d.Properties.Distributions) {
        const tags = region.AmiDistributionConfiguration.AmiTags;
        expect(Object.keys(tags).sort(), `${d.Properties.Name} ${region.Region}`).toEqual(packer.get(tags.Role));
      }
    }
  });

  it('the lineage keys are there on Image Builder images: Version, SourceAMI, SourceAMIName, BuildTime', async () => {
    const { template } = await both();
    for (const [, d] of ofType(template, 'AWS::ImageBuilder::DistributionConfiguration')) {
      const tags = d.Properties.Distributions[0].AmiDistributionConfiguration.AmiTags;
      for (const key of ['Version', ...LINEAGE_TAG_KEYS])
        expect(tags, `${d.Properties.Name}: ${key}`).toHaveProperty(key);
      // Image Builder's documented dynamic tags fill in the build's number and date in its images.
      expect(tags.Version).toMatch(/^\d+\.\d+\.\d+\/\{\{imagebuilder:buildVersion\}\}$/);
      expect(tags.BuildTime).toBe('{{imagebuilder:buildDate}}');
    }
    // Not on build instances, where they are not documented: static values there.
    for (const [id, infra] of ofType(template, 'AWS::ImageBuilder::InfrastructureConfiguration'))
      expect(JSON.stringify(infra.Properties.ResourceTags), id).not.toContain('{{');
  });

  it('decision.md says which lineage values Image Builder carries and why', async () => {
    const decision = (await both()).file('decision.md');
    const section = decision.split('## Image Builder')[1] ?? '';
    for (const key of ['Version', 'SourceAMI', 'SourceAMIName', 'BuildTime'])
      expect(section, key).toContain(`\`${key}\``);
    expect(section).toMatch(/Ec2ImageBuilderArn/);
  });
});

describe("each pipeline's build instances carry their own image's tags", () => {
  it('a pipeline builds on infrastructure tagged with its Role, and every key of its image but Name', async () => {
    const { template } = await both();
    const roles = new Map<string, string>();
    for (const [id, d] of ofType(template, 'AWS::ImageBuilder::DistributionConfiguration'))
      roles.set(id, d.Properties.Distributions[0].AmiDistributionConfiguration.AmiTags.Role);
    const pipelines = ofType(template, 'AWS::ImageBuilder::ImagePipeline');
    expect(pipelines).toHaveLength(3);
    for (const [id, p] of pipelines) {
      const role = roles.get(refId(p.Properties.DistributionConfigurationArn))!;
      const infra = template.Resources[refId(p.Properties.InfrastructureConfigurationArn)];
      expect(infra?.Type, id).toBe('AWS::ImageBuilder::InfrastructureConfiguration');
      expect(infra.Properties.ResourceTags.Role, id).toBe(role);
      const amiTags =
        template.Resources[refId(p.Properties.DistributionConfigurationArn)].Properties.Distributions[0]
          .AmiDistributionConfiguration.AmiTags;
      expect(Object.keys(infra.Properties.ResourceTags).sort(), id).toEqual(
        Object.keys(amiTags)
          .filter((k) => k !== 'Name')
          .sort(),
      );
    }
  });

  it('build instance tags keep to what Image Builder accepts: no reserved key, at most 30', async () => {
    // CreateInfrastructureConfiguration: resourceTags keys are not CreatedBy, Ec2ImageBuilderArn, Name or Tags; 30 at most.
    const { template } = await both(
      (a) => (a.tags = Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`Extra${i}`, { value: 'x' }]))),
    );
    for (const [id, infra] of ofType(template, 'AWS::ImageBuilder::InfrastructureConfiguration')) {
      const keys = Object.keys(infra.Properties.ResourceTags);
      expect(
        keys.filter((k) => ['CreatedBy', 'Ec2ImageBuilderArn', 'Name', 'Tags'].includes(k)),
        id,
      ).toEqual([]);
      expect(keys.length, id).toBeLessThanOrEqual(30);
    }
  });

  it('more extra tags than Image Builder can put on a build instance are refused, naming the limit', () => {
    const a = minimalAnswers();
    a.builder = 'both';
    a.project.owner = 'platform-team';
    a.tags = Object.fromEntries(Array.from({ length: 16 }, (_, i) => [`Extra${i}`, { value: 'x' }]));
    const result = z.safeParse(AnswersSchema, a);
    expect(result.success).toBe(false);
    expect(
      result.success ? '' : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'),
    ).toMatch(/^tags: .*at most 15 .*Image Builder.*30/m);
    expect(z.safeParse(AnswersSchema, { ...a, builder: 'packer' }).success).toBe(true);
  });
});
