// Issue 19, two engines with one meaning: how long images live. Both deprecate at
// options.deprecateAfterDays, and delete (image and snapshots) after options.deleteAfterDays, keeping
// the newest options.keepImages of each image and every image promoted to prod. Image Builder's
// lifecycle policies select images by a tag every build of the image carries (a recipe version would
// lose the images of earlier versions); Packer's `make prune` (a dry run unless APPLY=1) is run here
// against a stub AWS CLI that answers as EC2 and SSM do.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { AnswersSchema } from '../../questionnaire/answers-schema.ts';
import { checkAnswers } from '../../source/answers/quick-check.ts';
import { minimalAnswers, tempDir } from '../support/answers.ts';
import { awsStub, callsOf, hasAwsStub } from '../support/aws-cli-stub.ts';
import type { StubImage } from '../support/aws-cli-stub.ts';
import { parseTemplate } from '../support/cfn-spec.ts';
import { answersFrom, generate, writeFiles } from '../support/generate.ts';
import { hasTool } from '../support/tools.ts';

function answers(options: Record<string, unknown> = {}) {
  const a = minimalAnswers();
  a.builder = 'both';
  a.strategy = 'hybrid';
  a.project.name = 'shop';
  a.roles = [{ name: 'web', software: ['nginx'] }];
  a.platform = { regions: ['us-east-1', 'eu-west-1'] };
  a.options = { deprecateAfterDays: 100, publishToSsm: '/shop/images', ...options };
  return a;
}

function verdict(a: Record<string, any>) {
  const result = z.safeParse(AnswersSchema, structuredClone(a));
  expect(checkAnswers(structuredClone(a)) !== undefined).toBe(result.success);
  return result.success
    ? { ok: true as const, data: result.data, messages: '' }
    : { ok: false as const, messages: result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n') };
}

describe('answers: how many images to keep and when to delete', () => {
  it('keepImages defaults to 3; deleteAfterDays, when not given, is a year after deprecation', async () => {
    const result = verdict(answers());
    expect(result.ok && result.data.options.keepImages).toBe(3);
    const template = parseTemplate(
      (await generate(answersFrom(answers()))).find((f) => f.path === 'imagebuilder/image-builder.yaml')!.contents,
    ) as Record<string, any>;
    const rules = Object.values(template.Resources as Record<string, any>).filter(
      (r) => r.Type === 'AWS::ImageBuilder::LifecyclePolicy',
    )[0].Properties.PolicyDetails;
    expect(rules.find((r: any) => r.Action.Type === 'DELETE').Filter).toMatchObject({
      Type: 'AGE',
      Value: 465,
      Unit: 'DAYS',
      RetainAtLeast: 3,
    });
  });

  it('refuses deleteAfterDays that does not exceed deprecateAfterDays, naming both', () => {
    expect(verdict(answers({ deleteAfterDays: 100 })).messages).toMatch(
      /^options\.deleteAfterDays: .*deprecateAfterDays \(100\)/m,
    );
    expect(verdict(answers({ deleteAfterDays: 101 })).ok).toBe(true);
  });

  it('keepImages is 1 to 10 (Image Builder keeps at most 10 with RetainAtLeast)', () => {
    expect(verdict(answers({ keepImages: 0 })).ok).toBe(false);
    expect(verdict(answers({ keepImages: 11 })).ok).toBe(false);
    expect(verdict(answers({ keepImages: 10 })).ok).toBe(true);
  });
});

describe('Image Builder: lifecycle policies by tag, deprecate then delete', () => {
  let template: Record<string, any>;
  beforeEach(async () => {
    template = parseTemplate(
      (await generate(answersFrom(answers({ keepImages: 2, deleteAfterDays: 400 })))).find(
        (f) => f.path === 'imagebuilder/image-builder.yaml',
      )!.contents,
    ) as Record<string, any>;
  });
  const resources = () => Object.entries(template.Resources as Record<string, any>);
  const ofType = (type: string) => resources().filter(([, r]) => r.Type === type);

  it('every image is selected by a tag that every build of it carries, never by a recipe version', () => {
    const policies = ofType('AWS::ImageBuilder::LifecyclePolicy');
    const pipelines = ofType('AWS::ImageBuilder::ImagePipeline');
    expect(policies).toHaveLength(pipelines.length);
    for (const [id, p] of pipelines) {
      const imageTags = p.Properties.ImageTags as Record<string, string>;
      expect(imageTags, `${id} tags the images it builds`).toBeDefined();
      const selecting = policies.filter(([, policy]) => {
        const selection = policy.Properties.ResourceSelection;
        expect(selection.Recipes, 'no recipe versions').toBeUndefined();
        // Image Builder selects images carrying any of the listed tags: one tag, naming one image of one project.
        expect(Object.keys(selection.TagMap)).toHaveLength(1);
        return Object.entries(selection.TagMap).every(([k, v]) => imageTags[k] === v);
      });
      expect(selecting, `${id}: exactly one policy selects its images`).toHaveLength(1);
    }
    // The image the stack builds on its first deploy carries the same tags.
    const first = template.Resources.FirstBaseImage.Properties.Tags;
    expect(first).toEqual(template.Resources.BasePipeline.Properties.ImageTags);
    // The selecting tag holds the project: images of another project with the same roles are never selected.
    for (const [, policy] of ofType('AWS::ImageBuilder::LifecyclePolicy'))
      expect(Object.values(policy.Properties.ResourceSelection.TagMap)[0]).toMatch(/^shop-/);
  });

  it('deprecates the AMIs at deprecateAfterDays and deletes images, AMIs and snapshots at deleteAfterDays, keeping keepImages and prod', () => {
    for (const [id, policy] of ofType('AWS::ImageBuilder::LifecyclePolicy')) {
      const rules = policy.Properties.PolicyDetails as any[];
      expect(
        rules.find((r) => r.Action.Type === 'DEPRECATE'),
        id,
      ).toEqual({
        Action: { Type: 'DEPRECATE', IncludeResources: { Amis: true } },
        Filter: { Type: 'AGE', Value: 100, Unit: 'DAYS' },
      });
      expect(
        rules.find((r) => r.Action.Type === 'DELETE'),
        id,
      ).toEqual({
        Action: { Type: 'DELETE', IncludeResources: { Amis: true, Snapshots: true } },
        Filter: { Type: 'AGE', Value: 400, Unit: 'DAYS', RetainAtLeast: 2 },
        ExclusionRules: { Amis: { TagMap: { Stage: 'prod' } } },
      });
      expect(policy.Properties.Status).toBe('ENABLED');
    }
  });
});

describe('Packer: make prune', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());
  const hasMake = hasTool('make');
  const HAS_AWS_STUB = hasAwsStub();

  const day = 86_400_000;
  const now = Date.now();
  const image = (id: string, region: string, ageDays: number, tags: Record<string, string>): StubImage => ({
    ImageId: id,
    Region: region,
    CreationDate: new Date(now - ageDays * day).toISOString().replace(/\.\d+Z$/, '.000Z'),
    Tags: Object.entries({ Project: 'shop', ...tags }).map(([Key, Value]) => ({ Key, Value })),
    BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { SnapshotId: id.replace('ami-', 'snap-') } }],
  });
  const base = { Role: 'base', Stage: 'dev' };
  // keepImages 2, deleteAfterDays 400. In us-east-1, the base image's builds from oldest to newest:
  const images = [
    image('ami-0000000000000000a', 'us-east-1', 900, base), // past retention: pruned
    image('ami-0000000000000000b', 'us-east-1', 800, { ...base, Stage: 'prod' }), // promoted to prod: kept
    image('ami-0000000000000000c', 'us-east-1', 700, base), // a stage's SSM parameter names it: kept
    image('ami-0000000000000000d', 'us-east-1', 600, base), // past retention: pruned
    image('ami-0000000000000000e', 'us-east-1', 350, base), // not among the newest two, but younger than 400 days: kept
    image('ami-0000000000000000f', 'us-east-1', 200, base), // among the newest two: kept
    image('ami-00000000000000001', 'us-east-1', 30, base), // among the newest two: kept
    // The web role's own count: one old build beyond its newest two.
    image('ami-00000000000000010', 'us-east-1', 950, { Role: 'web', Stage: 'dev' }),
    image('ami-00000000000000011', 'us-east-1', 20, { Role: 'web', Stage: 'dev' }),
    image('ami-00000000000000012', 'us-east-1', 10, { Role: 'web', Stage: 'dev' }),
    // Built by Image Builder (it adds Ec2ImageBuilderArn): its lifecycle policy's, not make prune's.
    {
      ...image('ami-00000000000000020', 'us-east-1', 990, base),
      Tags: [
        ...image('x', 'x', 0, base).Tags,
        { Key: 'Ec2ImageBuilderArn', Value: 'arn:aws:imagebuilder:us-east-1:111122223333:image/shop-base/1.0.1/1' },
      ],
    },
    // Another project's image with the same role.
    {
      ...image('ami-00000000000000030', 'us-east-1', 990, base),
      Tags: [
        { Key: 'Project', Value: 'other' },
        { Key: 'Role', Value: 'base' },
      ],
    },
    // The copy region: its own builds and its own retention.
    image('ami-00000000000000040', 'eu-west-1', 900, base),
    image('ami-00000000000000041', 'eu-west-1', 40, base),
    image('ami-00000000000000042', 'eu-west-1', 30, base),
    // Old, but the newest two of the web role there: kept.
    image('ami-00000000000000050', 'eu-west-1', 800, { Role: 'web', Stage: 'dev' }),
    image('ami-00000000000000051', 'eu-west-1', 700, { Role: 'web', Stage: 'dev' }),
  ];
  const account = () => ({
    images,
    snapshots: images.map((i) => `${i.Region}/${i.BlockDeviceMappings[0]!.Ebs.SnapshotId}`),
    parameters: {
      'us-east-1': {
        '/shop/images/base/test': 'ami-0000000000000000c',
        '/shop/images/base/dev': 'ami-00000000000000001',
      },
    },
  });
  const pruned = [
    'us-east-1 ami-0000000000000000a',
    'us-east-1 ami-0000000000000000d',
    'us-east-1 ami-00000000000000010',
    'eu-west-1 ami-00000000000000040',
  ];

  async function folder() {
    const files = await generate(answersFrom(answers({ keepImages: 2, deleteAfterDays: 400 })));
    writeFiles(dir, files);
    return files;
  }

  it('is a Makefile target running a shell script in packer/', async () => {
    const files = await folder();
    expect(files.find((f) => f.path === 'packer/Makefile')!.contents).toMatch(
      /^prune:\n\tAPPLY=\$\(APPLY\) scripts\/prune-images\.sh$/m,
    );
    expect(files.find((f) => f.path === 'packer/scripts/prune-images.sh')?.mode).toBe(0o755);
  });

  it.skipIf(!HAS_AWS_STUB || !hasMake)(
    'a dry run by default: names what it would remove, changes nothing',
    async () => {
      await folder();
      const aws = awsStub(dir, account());
      const result = aws.run('make', ['-s', '-C', join(dir, 'packer'), 'prune']);
      expect(result.code, result.output).toBe(0);
      for (const line of pruned)
        expect(result.stdout).toContain(`would deregister ${line.split(' ')[1]} in ${line.split(' ')[0]}`);
      expect(result.stdout).toMatch(/dry run: make prune APPLY=1/);
      const mutating = aws.calls().filter((c) => !/^(describe|get)-/.test(c[1]!));
      expect(mutating).toEqual([]);
    },
  );

  it.skipIf(!HAS_AWS_STUB || !hasMake)(
    'APPLY=1 deregisters exactly the images past retention and deletes their snapshots, in every region',
    async () => {
      await folder();
      const aws = awsStub(dir, account());
      const result = aws.run('make', ['-s', '-C', join(dir, 'packer'), 'prune', 'APPLY=1']);
      expect(result.code, result.output).toBe(0);
      const calls = aws.calls();
      expect(
        callsOf(calls, 'ec2', 'deregister-image')
          .map((o) => `${o.region![0]} ${o['image-id']![0]}`)
          .sort(),
      ).toEqual([...pruned].sort());
      expect(
        callsOf(calls, 'ec2', 'delete-snapshot')
          .map((o) => `${o.region![0]} ${o['snapshot-id']![0]}`)
          .sort(),
      ).toEqual(pruned.map((p) => p.replace('ami-', 'snap-')).sort());
      const left = aws.account();
      expect(left.images.map((i) => i.ImageId)).toHaveLength(images.length - pruned.length);
      expect(left.snapshots).toHaveLength(images.length - pruned.length);
      // Every listing asked EC2 for this project's images of one role only, deprecated ones included.
      for (const listing of callsOf(calls, 'ec2', 'describe-images').filter((o) => o.filters)) {
        expect(listing.owners).toEqual(['self']);
        expect(listing['include-deprecated']).toEqual([]);
      }
    },
  );

  it.skipIf(!HAS_AWS_STUB || !hasMake)(
    "a project name with EC2's wildcard characters matches only itself",
    async () => {
      const a = answers({ keepImages: 1, deleteAfterDays: 400 });
      a.project.name = 'shop?';
      writeFiles(dir, await generate(answersFrom(a)));
      const old = (id: string, project: string) => ({
        ...image(id, 'us-east-1', 900, base),
        Tags: [
          { Key: 'Project', Value: project },
          { Key: 'Role', Value: 'base' },
        ],
      });
      const account = {
        images: [
          old('ami-000000000000000a1', a.project.name),
          old('ami-000000000000000a2', 'shopX'),
          image('ami-000000000000000a3', 'us-east-1', 1, base),
        ],
        snapshots: [],
        parameters: {},
      };
      account.images[2]!.Tags[0]!.Value = a.project.name;
      const aws = awsStub(dir, account);
      const result = aws.run('make', ['-s', '-C', join(dir, 'packer'), 'prune']);
      expect(result.code, result.output).toBe(0);
      expect(result.stdout).toContain('would deregister ami-000000000000000a1');
      expect(result.stdout).not.toContain('ami-000000000000000a2');
    },
  );
});
