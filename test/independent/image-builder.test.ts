// Issue 15's independent check: six answers files of its own, generated through the same pure
// function the CLI uses, and imagebuilder/image-builder.yaml read with its own YAML reader, its own
// reading of AWS's resource specification and its own AWSTOE document checker (none of
// test/support/cfn-spec.ts, test/support/awstoe.ts or test/validators/image-builder-checks.ts), so a
// bug in those cannot hide one here. Every check family is shown failing on a mutated template.
import { dump, load } from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateFolder } from '../../generators/folder.ts';
import type { GeneratedFile } from '../../generators/generated-file.ts';
import { loadTemplateSources } from '../../source/template-modules/load.ts';
import { GENERATOR_META } from '../../source/version.ts';
import { answersFrom } from '../support/generate.ts';
import { CASES } from './cases.ts';
import type { IndependentCase } from './cases.ts';
import { readTemplate } from './cfn-reader.ts';
import type { Template } from './cfn-reader.ts';
import {
  checkComponents,
  checkDistributions,
  checkFolders,
  checkImds,
  checkLifecycle,
  checkPromotionSharing,
  checkRecipes,
  INLINE_DATA_LIMIT,
} from './pipeline-expectations.ts';
import { checkAgainstSpec, checkReferences, loadResourceSpec } from './resource-spec.ts';
import { checkToeDocument } from './toe-document.ts';

interface Generated {
  design: string;
  files: GeneratedFile[];
  template: Template;
}

async function generateCase(c: IndependentCase): Promise<Generated> {
  const { decision, files } = generateFolder(answersFrom(c.answers), await loadTemplateSources(), GENERATOR_META);
  const yaml = files.find((f) => f.path === 'imagebuilder/image-builder.yaml');
  if (!yaml) throw new Error(`${c.name}: no imagebuilder/image-builder.yaml`);
  return { design: decision.strategy, files, template: readTemplate(yaml.contents) };
}

const list = (problems: string[]) => problems.join('\n');

describe.each(CASES)('$name', (c) => {
  let g: Generated;
  beforeAll(async () => {
    g = await generateCase(c);
  });

  it('follows the design the answers choose', () => {
    expect(g.design).toBe(c.expect.design);
  });

  it('every template is valid against AWS resource specification, and every reference resolves', () => {
    for (const path of ['imagebuilder/image-builder.yaml', 'tagging/config-rules.yaml']) {
      const template = readTemplate(g.files.find((f) => f.path === path)!.contents);
      const problems = [...checkAgainstSpec(template), ...checkReferences(template)];
      expect(problems, `${path}\n${list(problems)}`).toEqual([]);
    }
  });

  it('every component is a well-formed AWSTOE document under 16,000 characters; bash passes bash -n', () => {
    const { problems, steps } = checkComponents(g.template, c.expect.family);
    expect(problems, list(problems)).toEqual([]);
    expect(steps.some((s) => s.phase === 'validate')).toBe(true);
    expect(steps.some((s) => s.phase === 'test')).toBe(true);
  });

  it('the baseline starts from a public image that stays current; role recipes are built on the baseline', () => {
    const problems = checkRecipes(g.template, c);
    expect(problems, list(problems)).toEqual([]);
  });

  it('IMDSv2 is required on every build and test instance', () => {
    const problems = checkImds(g.template);
    expect(problems, list(problems)).toEqual([]);
  });

  it(`the lifecycle deprecates images after ${c.expect.deprecateAfterDays} days`, () => {
    const problems = checkLifecycle(g.template, c.expect.deprecateAfterDays);
    expect(problems, list(problems)).toEqual([]);
  });

  it('every image goes to every region with its key, private until promoted', () => {
    const problems = checkDistributions(g.template, c);
    expect(problems, list(problems)).toEqual([]);
  });

  it('promotion shares an image as the answers say', () => {
    const problems = checkPromotionSharing(g.files, c);
    expect(problems, list(problems)).toEqual([]);
  });

  it(`builder ${c.expect.builder}: the engine's folders, and the bootstrap, config and scripts identical to the generated files`, () => {
    const problems = checkFolders(g.files, checkComponents(g.template, c.expect.family).steps, c);
    expect(problems, list(problems)).toEqual([]);
  });
});

describe('each independent check can fail', () => {
  // The hybrid Ubuntu case with both engines: components, roles, copies, keys, SSM.
  const c = CASES.find((x) => x.expect.builder === 'both' && x.expect.design === 'hybrid')!;
  let g: Generated;
  beforeAll(async () => {
    g = await generateCase(c);
  });
  const mutated = (change: (t: Template) => void): Template => {
    const t = structuredClone(g.template);
    change(t);
    return t;
  };
  const props = (t: Template, id: string) => t.Resources[id]!.Properties!;
  const idOf = (type: string, nth = 0) =>
    Object.entries(g.template.Resources).filter(([, r]) => r.Type === type)[nth]![0];
  const withComponentData = (t: Template, change: (doc: any) => void) => {
    const id = idOf('AWS::ImageBuilder::Component');
    const doc = load(props(t, id).Data);
    change(doc);
    props(t, id).Data = dump(doc, { lineWidth: -1 });
  };

  it('the reader turns every short-form intrinsic into its long form', () => {
    const t = readTemplate(
      [
        'Resources:',
        '  A:',
        '    Type: AWS::SNS::Topic',
        '    Properties:',
        '      TopicName: !Sub "${AWS::StackName}-${B.TopicName}"',
        '      DisplayName: !Sub ["${X}", {X: !Ref B}]',
        '      KmsMasterKeyId: !GetAtt B.TopicArn',
        '      Tags: [{Key: a, Value: !Join ["-", [!Select [0, !GetAZs ""], !If [C, x, !Ref "AWS::NoValue"]]]}]',
        '  B:',
        '    Type: AWS::SNS::Topic',
        '    Properties: {TopicName: !GetAtt [A, TopicName]}',
      ].join('\n'),
    );
    expect(props(t, 'A')).toEqual({
      TopicName: { 'Fn::Sub': '${AWS::StackName}-${B.TopicName}' },
      DisplayName: { 'Fn::Sub': ['${X}', { X: { Ref: 'B' } }] },
      KmsMasterKeyId: { 'Fn::GetAtt': ['B', 'TopicArn'] },
      Tags: [
        {
          Key: 'a',
          Value: {
            'Fn::Join': [
              '-',
              [{ 'Fn::Select': [0, { 'Fn::GetAZs': '' }] }, { 'Fn::If': ['C', 'x', { Ref: 'AWS::NoValue' }] }],
            ],
          },
        },
      ],
    });
    expect(checkReferences(t)).toEqual([
      'Resources.A.Properties.Tags[0].Value.Fn::Join[1][1]: Fn::If C: no such condition',
    ]);
  });

  it('the specification reader knows the Image Builder types (the spec is read, not empty)', () => {
    const spec = loadResourceSpec();
    expect(
      spec.resources.get('AWS::ImageBuilder::InfrastructureConfiguration')?.properties.InstanceProfileName?.required,
    ).toBe(true);
    expect(spec.resources.size).toBeGreaterThan(1000);
  });

  it('the resource specification check finds unknown types and properties, missing required ones and wrong shapes', () => {
    const infra = idOf('AWS::ImageBuilder::InfrastructureConfiguration');
    const lifecycle = idOf('AWS::ImageBuilder::LifecyclePolicy');
    const recipe = idOf('AWS::ImageBuilder::ImageRecipe');
    const t = mutated((t) => {
      t.Resources.Extra = { Type: 'AWS::ImageBuilder::Thing', Properties: {} };
      props(t, infra).InstanceTypo = 'x';
      delete props(t, infra).InstanceProfileName;
      props(t, infra).InstanceMetadataOptions.HttpTokenz = 'required';
      props(t, infra).Name = ['a', 'list'];
      props(t, infra).InstanceTypes = 't3.small';
      props(t, infra).ResourceTags = ['not', 'a', 'map'];
      props(t, lifecycle).ResourceType = 'AMI';
      props(t, recipe).BlockDeviceMappings[0].Ebs.VolumeSize = 'big';
    });
    const problems = checkAgainstSpec(t);
    const at = `Resources.${infra}.Properties`;
    expect(problems).toEqual(
      expect.arrayContaining([
        'Resources.Extra: no resource type AWS::ImageBuilder::Thing in the specification',
        `${at}: InfrastructureConfiguration has no property InstanceTypo`,
        `${at}: InfrastructureConfiguration requires InstanceProfileName`,
        `${at}.InstanceMetadataOptions: InstanceMetadataOptions has no property HttpTokenz`,
        `${at}.Name: expected a string, got a list`,
        `${at}.InstanceTypes: expected a list, got string "t3.small"`,
        `${at}.ResourceTags: expected a map, got a list`,
        `Resources.${lifecycle}.Properties.ResourceType: AMI is not one of AMI_IMAGE, CONTAINER_IMAGE`,
        `Resources.${recipe}.Properties.BlockDeviceMappings[0].Ebs.VolumeSize: expected a number, got string "big"`,
      ]),
    );
    expect(problems).toHaveLength(9);
  });

  it('the reference check finds a dangling !Ref, !GetAtt and ${} in !Sub, and accepts a !Sub variable', () => {
    const infra = idOf('AWS::ImageBuilder::InfrastructureConfiguration');
    const t = mutated((t) => {
      props(t, infra).InstanceProfileName = { Ref: 'NoSuchProfile' };
      props(t, infra).Description = { 'Fn::Sub': '${Nope} ${AWS::Region} ${!Literal} ${BaseInfrastructure.Arn}' };
      props(t, infra).KeyPair = { 'Fn::Sub': ['${Key}-${Other}', { Key: { Ref: 'SubnetId' } }] };
      props(t, infra).SnsTopicArn = { 'Fn::GetAtt': ['LifecycleRole', 'NoSuchAttribute'] };
    });
    const at = `Resources.${infra}.Properties`;
    expect(checkReferences(t).sort()).toEqual([
      `${at}.Description: !Sub \${Nope}: no such parameter, resource, pseudo parameter or variable`,
      `${at}.InstanceProfileName: !Ref NoSuchProfile: no such parameter, resource or pseudo parameter`,
      `${at}.KeyPair: !Sub \${Other}: no such parameter, resource, pseudo parameter or variable`,
      `${at}.SnsTopicArn: !GetAtt LifecycleRole.NoSuchAttribute: AWS::IAM::Role has no attribute NoSuchAttribute`,
    ]);
  });

  it('the AWSTOE check finds a bad version, phase, duplicate step, unknown action, bad inputs, bash errors, {{ and oversize', () => {
    const t = mutated((t) =>
      withComponentData(t, (doc) => {
        doc.schemaVersion = '2.0';
        doc.phases[0].name = 'deploy';
        const [first] = doc.phases[0].steps;
        doc.phases[0].steps.push(
          { ...first },
          { name: 'Magic', action: 'RunMagic', inputs: {} },
          { name: 'One', action: 'ExecuteBash', inputs: { commands: 'echo not a list' } },
          { name: 'Two', action: 'ExecuteBash', inputs: { commands: ['if then fi'] } },
          { name: 'Three', action: 'CreateFile', inputs: [{ content: 'no path' }] },
          { name: 'Four', action: 'ExecuteBash', inputs: { commands: ['echo {{ build.x }}'] } },
          { name: 'Five', action: 'ExecuteBash', inputs: { commands: [`: '${'x'.repeat(INLINE_DATA_LIMIT)}'`] } },
        );
      }),
    );
    const text = list(checkComponents(t, 'linux').problems);
    for (const expected of [
      'schemaVersion must be 1.0',
      'phase deploy is not build, validate or test',
      'is not unique in phase deploy',
      '"RunMagic" is not an AWSTOE action module',
      'ExecuteBash commands must be a list of strings',
      'bash -n:',
      'CreateFile needs a path',
      '{{ in an input',
      `over ${INLINE_DATA_LIMIT}`,
    ]) {
      expect(text).toContain(expected);
    }
    expect(
      checkComponents(
        mutated((t) => (props(t, idOf('AWS::ImageBuilder::Component')).Platform = 'Windows')),
        'windows',
      ).problems.join('\n'),
    ).toMatch(/uses ExecuteBash on windows/);
    expect(checkToeDocument('name: x\nschemaVersion: 1.0\nphases: []\n').problems).toEqual([
      'document: phases must be a non-empty list',
    ]);
  });

  it('the recipe check finds a role recipe on a public OS image and a baseline on a fixed AMI', () => {
    const role = idOf('AWS::ImageBuilder::ImageRecipe', 1);
    const base = idOf('AWS::ImageBuilder::ImageRecipe', 0);
    const t = mutated((t) => {
      props(t, role).ParentImage =
        'ssm:/aws/service/canonical/ubuntu/server/24.04/stable/current/amd64/hvm/ebs-gp3/ami-id';
      props(t, base).ParentImage = 'ami-0123456789abcdef0';
    });
    const problems = list(checkRecipes(t, c));
    expect(problems).toMatch(new RegExp(`${role}: role recipe .* is not built on the baseline's output`));
    expect(problems).toMatch(new RegExp(`${role}: role recipe .* starts from a public OS image`));
    expect(problems).toMatch(new RegExp(`${base}: the baseline's parent should be the public SSM parameter`));
    const renamed = mutated(
      (t) =>
        (props(t, role).ParentImage = {
          'Fn::Sub': 'arn:${AWS::Partition}:imagebuilder:${AWS::Region}:${AWS::AccountId}:image/other-base/x.x.x',
        }),
    );
    expect(list(checkRecipes(renamed, c))).toMatch(/is not built on the baseline's output/);
  });

  it('the IMDS check finds optional tokens, missing options and a pipeline on foreign infrastructure', () => {
    const infra = idOf('AWS::ImageBuilder::InfrastructureConfiguration');
    const pipeline = idOf('AWS::ImageBuilder::ImagePipeline');
    expect(checkImds(mutated((t) => (props(t, infra).InstanceMetadataOptions.HttpTokens = 'optional')))).toEqual([
      `${infra}: InstanceMetadataOptions.HttpTokens is not required (IMDSv1 stays on)`,
    ]);
    expect(checkImds(mutated((t) => delete props(t, infra).InstanceMetadataOptions))).toHaveLength(1);
    expect(
      checkImds(
        mutated(
          (t) =>
            (props(t, pipeline).InfrastructureConfigurationArn =
              'arn:aws:imagebuilder:us-east-1:111122223333:infrastructure-configuration/other'),
        ),
      ),
    ).toEqual([`${pipeline}: its infrastructure is not one of this template's`]);
  });

  it('the lifecycle check finds other days, no policy, a disabled one, images no policy selects and recipe versions', () => {
    const lifecycle = idOf('AWS::ImageBuilder::LifecyclePolicy');
    const policies = Object.entries(g.template.Resources)
      .filter(([, r]) => r.Type === 'AWS::ImageBuilder::LifecyclePolicy')
      .map(([id]) => id);
    const pipeline = idOf('AWS::ImageBuilder::ImagePipeline', 1);
    expect(list(checkLifecycle(g.template, 30))).toMatch(/not after 30 days/);
    expect(
      checkLifecycle(
        mutated((t) => policies.forEach((id) => delete t.Resources[id])),
        c.expect.deprecateAfterDays,
      ),
    ).toEqual(['no enabled AMI lifecycle policy deprecates images']);
    expect(
      checkLifecycle(
        mutated((t) => policies.forEach((id) => (props(t, id).Status = 'DISABLED'))),
        c.expect.deprecateAfterDays,
      ),
    ).toEqual(['no enabled AMI lifecycle policy deprecates images']);
    expect(
      list(
        checkLifecycle(
          mutated((t) => (props(t, pipeline).ImageTags = {})),
          c.expect.deprecateAfterDays,
        ),
      ),
    ).toMatch(new RegExp(`${pipeline}: its images are selected by 0 deprecating policies`));
    expect(
      list(
        checkLifecycle(
          mutated((t) => (props(t, lifecycle).ResourceSelection.TagMap = { Project: 'ledger' })),
          c.expect.deprecateAfterDays,
        ),
      ),
    ).toMatch(/selected by 2 deprecating policies/);
    expect(
      list(
        checkLifecycle(
          mutated((t) => (props(t, lifecycle).ResourceSelection.Recipes = [{ Name: 'x', SemanticVersion: '1.0.0' }])),
          c.expect.deprecateAfterDays,
        ),
      ),
    ).toMatch(/selects recipe versions/);
    const weeks = mutated((t) =>
      policies.forEach((id) => (props(t, id).PolicyDetails[0].Filter = { Type: 'AGE', Value: 52, Unit: 'WEEKS' })),
    );
    expect(checkLifecycle(weeks, 364)).toEqual([]);
  });

  it('the distribution check finds a missing region, a wrong key and different sharing', () => {
    const dist = idOf('AWS::ImageBuilder::DistributionConfiguration');
    const t = mutated((t) => {
      const d = props(t, dist).Distributions;
      d.pop();
      d[1].AmiDistributionConfiguration.KmsKeyId = 'alias/aws/ebs';
      d[0].AmiDistributionConfiguration.LaunchPermissionConfiguration = { UserIds: ['999999999999'] };
    });
    const problems = list(checkDistributions(t, c));
    expect(problems).toMatch(/regions eu-west-1, eu-central-1; expected eu-west-1, eu-central-1, eu-north-1/);
    expect(problems).toMatch(/eu-central-1: KmsKeyId "alias\/aws\/ebs"/);
    expect(problems).toMatch(/eu-west-1: shared at build with \{"UserIds":\["999999999999"\]\}/);
  });

  it('the promotion check finds a promote script that shares with others, or is missing', () => {
    const script = g.files.find((f) => f.path === 'packer/scripts/promote-image.sh')!;
    const other = g.files.map((f) =>
      f === script
        ? {
            ...f,
            contents: f.contents.replace(
              /--launch-permission '[^']*'/,
              `--launch-permission '{"Add":[{"UserId":"999999999999"}]}'`,
            ),
          }
        : f,
    );
    expect(list(checkPromotionSharing(other, c))).toMatch(/shares with \{"UserIds":\["999999999999"\]\} on promotion/);
    expect(
      checkPromotionSharing(
        g.files.filter((f) => f !== script),
        c,
      ),
    ).toEqual(['no promote script']);
  });

  it('the folder check finds a stray packer/ folder, a changed bootstrap file and a script not from packer/scripts', () => {
    const steps = checkComponents(g.template, 'linux').steps;
    const imageBuilderOnly = { ...c, expect: { ...c.expect, builder: 'image-builder' as const } };
    expect(checkFolders(g.files, steps, imageBuilderOnly)).toContain(
      'builder image-builder: a packer/ folder is written',
    );
    expect(
      checkFolders(
        g.files.filter((f) => !f.path.startsWith('packer/')),
        steps,
        c,
      ),
    ).toEqual(expect.arrayContaining(['builder both: no packer/ folder']));
    const changed = g.files.map((f) =>
      f.path === 'bootstrap/ami-bootstrap.sh' ? { ...f, contents: `${f.contents}# changed\n` } : f,
    );
    expect(checkFolders(changed, steps, c)).toContain(
      'CreateFile /tmp/ami-wizard-bootstrap/ami-bootstrap.sh: differs from bootstrap/ami-bootstrap.sh',
    );
    const script = steps.find((s) => s.action === 'ExecuteBash')!;
    const edited = steps.map((s) =>
      s === script ? { ...s, inputs: { commands: [...s.inputs.commands.slice(0, -1), 'echo edited'] } } : s,
    );
    expect(checkFolders(g.files, edited, c)).toContain(
      `${script.phase}/${script.name}: its script is not one of packer/scripts`,
    );
  });
});
