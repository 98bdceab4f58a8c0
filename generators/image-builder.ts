// The same decision built by EC2 Image Builder: imagebuilder/image-builder.yaml, one CloudFormation
// stack with the components (AWSTOE documents holding the very scripts the Packer build runs), a recipe
// per image (role images on the baseline's newest image), the build infrastructure of each image (IMDSv2
// only), a distribution per image (copies, keys, tags, SSM; sharing waits for promotion), a pipeline
// per image on the schedule of schedules.ts, and lifecycle policies that deprecate and delete old images.
import { createHash } from 'node:crypto';
import type { BuildContext } from './build-context.ts';
import { fnEquals, fnIf, fnJoin, fnNot, noValue, ref, sub, yamlDocument } from './cfn-yaml.ts';
import { generateConfigManagement } from './config-management.ts';
import { shWord, powershellString } from './escape.ts';
import type { GeneratedFile } from './generated-file.ts';
import { buildScript, packerView } from './packer.ts';
import { BASE_SCRIPTS } from './platforms.ts';
import { buildUserData } from './build-instance.ts';
import type { BuildEnv, PackerView } from './packer.ts';
import { TemplateError } from './render.ts';
import type { Renderer } from './render.ts';
import { baselinePipelineSchedule, rolePipelineSchedule } from './schedules.ts';
import { buildInstanceTags, imageBuilderImageTags } from './image-builder-tags.ts';
import { promoteScript } from './promotion.ts';
import { imageResourceTags, lifecyclePolicies } from './image-builder-lifecycle.ts';

/** Image Builder keeps a component's document inline only up to this many characters. */
export const COMPONENT_DATA_LIMIT = 16_000;

type Step = {
  name: string;
  action: string;
  inputs: unknown;
  onFailure?: 'Abort' | 'Continue' | 'Ignore';
  timeoutSeconds?: number;
};
type Phase = { name: 'build' | 'validate' | 'test'; steps: Step[] };

interface Component {
  /** Logical id in the template, and the base of its name. */
  id: string;
  description: string;
  phases: Phase[];
}

/** A semantic version that changes whenever the content does: Image Builder versions are immutable. */
function contentVersion(content: string): string {
  return `1.0.${parseInt(createHash('sha256').update(content).digest('hex').slice(0, 7), 16)}`;
}

/**
 * AWSTOE's working directory on Linux build instances: it keeps the component documents it is running
 * there (TOE_* folders), so the cleanup step spares those (AMI_BUILD_WORKDIR); Image Builder's own
 * cleanup empties them after the build.
 */
export const LINUX_WORKING_DIRECTORY = '/var/tmp';

/**
 * The baseline image the stack builds while it is created: a role recipe's parent must have an image
 * (the base recipe's newest, x.x.x) when the recipe is created, so the role recipes wait for it. A
 * change to the base recipe builds a new one on the next deploy; deleting it keeps the AMI.
 */
const FIRST_BASE_IMAGE = 'FirstBaseImage';

/** The last of the base image's scripts installs the bootstrap: it runs with the bootstrap files. */
const BOOTSTRAP_INSTALLER = BASE_SCRIPTS.at(-1)!;
const logicalId = (name: string) =>
  name
    .split(/[^A-Za-z0-9]+/)
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join('');

/**
 * A script step: the variables Packer passes as environment_vars, then the script itself. Image
 * Builder has no Packer variables: a pinned version is passed as its value.
 */
function scriptStep(view: PackerView, name: string, text: string, buildEnv: BuildEnv[] = []): Step {
  // A secret's value never goes into a component: the script reads it from its SSM parameter.
  const env = buildEnv.map((e) =>
    e.ssmParameter === undefined ? e : { name: `${e.name}_PARAMETER`, value: e.ssmParameter },
  );
  if (view.platform.facts.family === 'windows') {
    const assignments = env.map((e) => `$env:${e.name} = ${powershellString(e.value)}`);
    return { name, action: 'ExecutePowerShell', inputs: { commands: [...assignments, text] } };
  }
  const exports = env.map((e) => `export ${e.name}=${shWord(e.value)}`);
  return { name, action: 'ExecuteBash', inputs: { commands: [...exports, text] } };
}

/** Files put on the build instance, as Packer's file provisioner uploads them. */
function createFiles(name: string, files: { path: string; content: string; mode: number }[], windows: boolean): Step {
  return {
    name,
    action: 'CreateFile',
    inputs: files.map((f) => ({
      path: f.path,
      content: f.content,
      overwrite: true,
      ...(windows ? {} : { permissions: f.mode.toString(8).padStart(4, '0') }),
    })),
  };
}

function components(
  ctx: BuildContext,
  templates: Renderer,
  view: PackerView,
  bootstrapFiles: GeneratedFile[],
): { base: Component[]; roles: Map<string, Component[]>; finish: (image: string) => Component } {
  const windows = ctx.platform.facts.family === 'windows';
  const script = (name: string) => buildScript(templates, view, name);
  const slug = ctx.project.slug;
  const installers = view.baseEnv;
  const bootstrapDir = windows ? 'C:/ProgramData/ami-wizard/bootstrap' : '/tmp/ami-wizard-bootstrap';
  const configDir = windows ? 'C:/ProgramData/ami-wizard/config' : '/tmp/ami-wizard-config';
  const base: Component[] = [
    {
      id: 'Baseline',
      description: `${slug}: security baseline, management agents and the packages every role lists (packer/scripts/baseline, agents, base-packages)`,
      phases: [
        {
          name: 'build',
          steps: [
            ...(windows ? [] : [scriptStep(view, 'WaitForCloudInit', script('wait-for-cloud-init'))]),
            ...BASE_SCRIPTS.slice(0, -1).map((name) => scriptStep(view, logicalId(name), script(name), installers)),
            ...(windows
              ? [
                  { name: 'WindowsUpdates', action: 'UpdateOS', inputs: {} },
                  { name: 'RestartAfterUpdates', action: 'Reboot', inputs: { delaySeconds: 60 } },
                ]
              : []),
          ],
        },
      ],
    },
    {
      id: 'Bootstrap',
      description: `${slug}: the first-boot bootstrap (bootstrap/, installed by packer/scripts/${BOOTSTRAP_INSTALLER})`,
      phases: [
        {
          name: 'build',
          steps: [
            createFiles(
              'BootstrapFiles',
              bootstrapFiles.map((f) => ({
                path: `${bootstrapDir}/${f.path.slice('bootstrap/'.length)}`,
                content: f.contents,
                mode: f.mode,
              })),
              windows,
            ),
            scriptStep(view, logicalId(BOOTSTRAP_INSTALLER), script(BOOTSTRAP_INSTALLER)),
          ],
        },
      ],
    },
  ];
  const config = generateConfigManagement(ctx, templates);
  const roles = new Map<string, Component[]>();
  for (const role of view.imageRoles) {
    roles.set(role.name, [
      {
        id: `Role${logicalId(role.name)}`,
        description: `${slug}: role ${role.name} (config/ and packer/scripts/role)`,
        phases: [
          {
            name: 'build',
            steps: [
              // The role's build instance boots from the base image: cloud-init and its user data first, as Packer's role build waits too.
              ...(windows ? [] : [scriptStep(view, 'WaitForCloudInit', script('wait-for-cloud-init'))]),
              createFiles(
                'ConfigFiles',
                config.map((f) => ({
                  path: `${configDir}/${f.path.slice('config/'.length)}`,
                  content: f.contents,
                  mode: f.mode,
                })),
                windows,
              ),
              scriptStep(view, 'Role', script('role'), role.env),
            ],
          },
        ],
      },
    ]);
  }
  // Cleanup ends the build phase; the image test runs in validate (the build instance) and test (an
  // instance launched from the new image).
  const finish = (image: string): Component => {
    // The same variables the Packer build gives scripts/validate.
    const validateEnv =
      image === 'base' ? view.baseValidateEnv : view.imageRoles.find((r) => r.name === image)!.validateEnv;
    return {
      id: `Finish${logicalId(image)}`,
      description: `${slug}: cleanup before capture and the image test of ${image} (packer/scripts/cleanup and validate)`,
      phases: [
        ...(windows
          ? []
          : [
              {
                name: 'build' as const,
                steps: [
                  scriptStep(view, 'Cleanup', script('cleanup'), [
                    { name: 'AMI_BUILD_WORKDIR', value: LINUX_WORKING_DIRECTORY },
                  ]),
                ],
              },
            ]),
        { name: 'validate', steps: [scriptStep(view, 'ImageTest', script('validate'), validateEnv)] },
        {
          name: 'test',
          steps: [
            scriptStep(view, 'LaunchedImageTest', script('validate'), [
              ...validateEnv,
              { name: 'IMAGE_LAUNCHED', value: '1' },
            ]),
          ],
        },
      ],
    };
  };
  return { base, roles, finish };
}

function componentDocument(c: Component, name: string): string {
  return yamlDocument({ name, description: c.description, schemaVersion: '1.0', phases: c.phases });
}

export function generateImageBuilder(
  ctx: BuildContext,
  templates: Renderer,
  bootstrapFiles: GeneratedFile[],
): GeneratedFile[] {
  const view = packerView(ctx);
  const { facts } = ctx.platform;
  const windows = facts.family === 'windows';
  const slug = ctx.project.slug;
  const { base, roles, finish } = components(
    ctx,
    templates,
    view,
    bootstrapFiles.filter(
      (f) =>
        f.path === `bootstrap/ami-bootstrap.${windows ? 'ps1' : 'sh'}` || f.path === 'bootstrap/ami-bootstrap.service',
    ),
  );
  const resources: Record<string, unknown> = {};
  const stackTags = { Project: ctx.project.name, GeneratedBy: ctx.generator };

  const addComponent = (c: Component, image: string): string => {
    const name = `${slug}-${image === 'base' ? '' : `${image}-`}${c.id.toLowerCase()}`.replace(/-+/g, '-');
    const data = componentDocument(c, name);
    if (data.length > COMPONENT_DATA_LIMIT)
      throw new Error(
        `component ${name} is ${data.length} characters; Image Builder keeps at most ${COMPONENT_DATA_LIMIT} inline`,
      );
    // AWSTOE substitutes {{ ... }} anywhere in a document (its variables); answers cannot hold it and
    // the built-in templates never write it, but a team's --templates could.
    if (data.includes('{{'))
      throw new TemplateError(
        `component ${name} holds "{{", which AWSTOE would read as one of its variables on the build instance; take it out of the template that writes this script`,
      );
    const id = `${logicalId(image)}${c.id}Component`;
    resources[id] = {
      Type: 'AWS::ImageBuilder::Component',
      Properties: {
        Name: name,
        Version: contentVersion(data),
        Platform: windows ? 'Windows' : 'Linux',
        Description: c.description,
        Data: data,
        Tags: stackTags,
      },
    };
    return id;
  };

  const parentOfBase = facts.ssmParameter
    ? `ssm:${ctx.design === 'jeos' && facts.minimalSsmParameter ? facts.minimalSsmParameter : facts.ssmParameter}`
    : ref('ParentImageId');
  const volume = {
    DeviceName: facts.rootDevice,
    Ebs: {
      VolumeSize: facts.rootVolumeGiB,
      VolumeType: 'gp3',
      Iops: 3000,
      Throughput: 125,
      Encrypted: ctx.options.encryption,
      ...(ctx.options.kmsKeyId ? { KmsKeyId: ctx.options.kmsKeyId } : {}),
      DeleteOnTermination: true,
    },
  };
  const images = ctx.images.map((i) => i.name);
  const recipeName = (image: string) => `${slug}-${image}`;
  for (const image of images) {
    const id = logicalId(image);
    const componentIds =
      image === 'base'
        ? base.map((c) => addComponent(c, 'base'))
        : roles.get(image)!.map((c) => addComponent(c, image));
    componentIds.push(addComponent(finish(image), image));
    const parent =
      image === 'base'
        ? parentOfBase
        : sub(
            `arn:\${AWS::Partition}:imagebuilder:\${AWS::Region}:\${AWS::AccountId}:image/${recipeName('base')}/x.x.x`,
          );
    const parentName =
      image === 'base' ? `${facts.label}, newest when built` : `${recipeName('base')}, newest when built`;
    const recipe = {
      Name: recipeName(image),
      Description:
        image === 'base'
          ? `${slug} baseline (${facts.label}, ${ctx.design} design)`
          : `${slug} ${image} role image on the baseline`,
      ParentImage: parent,
      Components: componentIds.map((c) => ({ ComponentArn: ref(c) })),
      BlockDeviceMappings: [volume],
      ...(windows ? {} : { WorkingDirectory: LINUX_WORKING_DIRECTORY }),
      // A role's build instance boots from the base image, whose first-boot bootstrap must stand down
      // there (build-instance.ts). The SSM agent setting is refused for Windows recipes.
      ...(image === 'base' && windows
        ? {}
        : {
            AdditionalInstanceConfiguration: {
              ...(windows ? {} : { SystemsManagerAgent: { UninstallAfterBuild: false } }),
              ...(image === 'base'
                ? {}
                : { UserDataOverride: Buffer.from(roleBuildUserData(windows)).toString('base64') }),
            },
          }),
      Tags: stackTags,
    };
    // The recipe's version follows its content, components included (a recipe cannot change in place).
    resources[`${id}Recipe`] = {
      Type: 'AWS::ImageBuilder::ImageRecipe',
      // A role recipe names the baseline's newest image (x.x.x): the stack builds the first one
      // (FirstBaseImage) before it creates them, so the first deploy needs no second step.
      ...(image === 'base' ? {} : { DependsOn: FIRST_BASE_IMAGE }),
      Properties: {
        ...recipe,
        Version: contentVersion(
          JSON.stringify({
            recipe,
            data: componentIds.map((c) => (resources[c] as { Properties: { Data: string } }).Properties.Data),
          }),
        ),
      },
    };
    const version = (resources[`${id}Recipe`] as { Properties: { Version: string } }).Properties.Version;
    // The keys Packer gives this image (image-builder-tags.ts); its build instances carry them too.
    const lineage = { source: parent, name: parentName };
    const imageTags = imageBuilderImageTags(ctx, image, recipeName(image), version, lineage);
    resources[`${id}Infrastructure`] = infrastructureConfiguration(
      ctx,
      recipeName(image),
      buildInstanceTags(ctx, image, recipeName(image), version, lineage),
      stackTags,
    );
    resources[`${id}Distribution`] = {
      Type: 'AWS::ImageBuilder::DistributionConfiguration',
      Properties: {
        Name: recipeName(image),
        Description: `Where ${recipeName(image)} images go: ${[ctx.platform.buildRegion, ...ctx.copyRegions].join(', ')}`,
        Distributions: [ctx.platform.buildRegion, ...ctx.copyRegions].map((region, i) => ({
          Region: region,
          AmiDistributionConfiguration: {
            Name: `${recipeName(image)}-{{ imagebuilder:buildDate }}`,
            Description: `${ctx.project.name} ${image} image (${ctx.design} design)`,
            AmiTags: imageTags,
            ...regionKey(ctx, region, i === 0),
            // No launch permission: images are shared when promoted past their first stage (promotion.ts).
          },
          ...(ctx.options.publishToSsm && i === 0
            ? {
                SsmParameterConfigurations: [
                  {
                    ParameterName: `${ctx.options.publishToSsm}/${image}/${ctx.imageStage}`,
                    DataType: 'aws:ec2:image',
                  },
                ],
              }
            : {}),
        })),
        Tags: stackTags,
      },
    };
    if (image === 'base' && images.length > 1) {
      resources[FIRST_BASE_IMAGE] = {
        Type: 'AWS::ImageBuilder::Image',
        Properties: {
          ImageRecipeArn: ref(`${id}Recipe`),
          InfrastructureConfigurationArn: ref(`${id}Infrastructure`),
          DistributionConfigurationArn: ref(`${id}Distribution`),
          ImageTestsConfiguration: { ImageTestsEnabled: true, TimeoutMinutes: 90 },
          EnhancedImageMetadataEnabled: true,
          // As the pipeline's images: the lifecycle policy selects this one too.
          Tags: imageResourceTags(ctx, image, recipeName(image)),
        },
      };
    }
    // The baseline as generators/schedules.ts says (the workflow's schedule too); role pipelines check
    // daily and build only when the baseline has a newer image (Image Builder's dependency updates).
    const schedule =
      image === 'base' ? baselinePipelineSchedule(ctx.guidance.baselineStability) : rolePipelineSchedule();
    resources[`${id}Pipeline`] = {
      Type: 'AWS::ImageBuilder::ImagePipeline',
      // cfn-lint 1.51's schemas (May 2026) predate ImagePipeline's ImageTags, which AWS's resource
      // specification has (npm @aws-cdk/aws-service-spec; the tests check the stack against it): only
      // its unknown-property check is turned off, here.
      Metadata: { 'cfn-lint': { config: { ignore_checks: ['E3002'] } } },
      Properties: {
        Name: recipeName(image),
        Description:
          image === 'base' ? `Builds the ${slug} baseline` : `Builds ${recipeName(image)} on each new baseline`,
        ImageRecipeArn: ref(`${id}Recipe`),
        InfrastructureConfigurationArn: ref(`${id}Infrastructure`),
        DistributionConfigurationArn: ref(`${id}Distribution`),
        ImageTestsConfiguration: { ImageTestsEnabled: true, TimeoutMinutes: 90 },
        EnhancedImageMetadataEnabled: true,
        Schedule: {
          ScheduleExpression: schedule,
          PipelineExecutionStartCondition:
            image === 'base' ? 'EXPRESSION_MATCH_ONLY' : 'EXPRESSION_MATCH_AND_DEPENDENCY_UPDATES_AVAILABLE',
        },
        Status: 'ENABLED',
        // The Image Builder images it builds, tagged so that their lifecycle policy selects every one.
        ImageTags: imageResourceTags(ctx, image, recipeName(image)),
        Tags: stackTags,
      },
    };
  }

  Object.assign(
    resources,
    buildInstanceRole(
      ctx,
      view.buildSecrets.map((v) => v.ssmParameter),
    ),
    lifecyclePolicies(
      ctx,
      images.map((image) => ({ logicalId: logicalId(image), recipeName: recipeName(image) })),
      stackTags,
    ),
  );
  const template = {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `EC2 Image Builder pipelines for ${slug} (${ctx.design} design), generated by ${ctx.generator}`,
    Parameters: {
      SubnetId: {
        Type: 'String',
        Default: '',
        Description: 'Subnet for the build and test instances; empty: the default VPC.',
      },
      SecurityGroupIds: {
        Type: 'CommaDelimitedList',
        Default: '',
        Description: 'Security groups of the build instances; empty: the default one.',
      },
      NotificationTopicArn: { Type: 'String', Default: '', Description: 'SNS topic told of every build; empty: none.' },
      ...(facts.ssmParameter
        ? {}
        : {
            ParentImageId: {
              Type: 'AWS::EC2::Image::Id',
              Description: `Current ${facts.label} image in this region (ami-wizard lookup --os ${ctx.platform.os} finds it).`,
            },
          }),
    },
    Conditions: {
      HasSubnet: fnNot(fnEquals(ref('SubnetId'), '')),
      HasSecurityGroups: fnNot(fnEquals(fnJoin('', ref('SecurityGroupIds')), '')),
      HasTopic: fnNot(fnEquals(ref('NotificationTopicArn'), '')),
    },
    Resources: resources,
    Outputs: Object.fromEntries(
      images.flatMap((image) => [
        [
          `${logicalId(image)}PipelineArn`,
          {
            Description: `Start a build: aws imagebuilder start-image-pipeline-execution --image-pipeline-arn <this>`,
            Value: ref(`${logicalId(image)}Pipeline`),
          },
        ],
        [`${logicalId(image)}RecipeArn`, { Value: ref(`${logicalId(image)}Recipe`) }],
      ]),
    ),
  };
  return [
    {
      path: 'imagebuilder/image-builder.yaml',
      contents: `# EC2 Image Builder for ${oneLine(ctx.project.name)}, generated by ${ctx.generator}. Deploy: see README.md.\n${yamlDocument(template)}`,
      mode: 0o644,
    },
    // Without packer/ (and its make promote), the promote script comes with the stack.
    ...(ctx.engines.packer ? [] : [promoteScript(ctx, templates, 'imagebuilder/promote-image.sh')]),
  ];
}

const oneLine = (s: string) => s.replace(/[\r\n]+/g, ' ');

/**
 * The user data of a role's build instance: the build-instance marker. It replaces what Image Builder
 * would add (the SSM agent install, which the base image already has), and on Linux it asks for Image
 * Builder's own cleanup, which user data of one's own otherwise turns off (perform_cleanup).
 */
function roleBuildUserData(windows: boolean): string {
  if (windows) return buildUserData('windows');
  return `${buildUserData('linux')}touch ${LINUX_WORKING_DIRECTORY}/perform_cleanup\n`;
}

/** The key of a region's copy: the build region's, an alias (the same name in every region), or the per-region key. */
function regionKey(ctx: BuildContext, region: string, buildRegion: boolean): Record<string, string> {
  const { encryption, kmsKeyId, regionKmsKeyIds = {} } = ctx.options;
  if (!encryption || !kmsKeyId) return {};
  if (buildRegion || kmsKeyId.startsWith('alias/')) return { KmsKeyId: kmsKeyId };
  return regionKmsKeyIds[region] ? { KmsKeyId: regionKmsKeyIds[region]! } : {};
}

/** The build and test instances' role and instance profile, shared by every image's infrastructure. */
function buildInstanceRole(ctx: BuildContext, secrets: string[]): Record<string, unknown> {
  const trust = (service: string) => ({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }],
  });
  const managed = (name: string) => sub(`arn:\${AWS::Partition}:iam::aws:policy/${name}`);
  return {
    BuildRole: {
      Type: 'AWS::IAM::Role',
      Properties: {
        Description: `Build and test instances of ${ctx.project.slug} images`,
        AssumeRolePolicyDocument: trust('ec2.amazonaws.com'),
        ManagedPolicyArns: [managed('EC2InstanceProfileForImageBuilder'), managed('AmazonSSMManagedInstanceCore')],
        // The build's secrets (a Forge API key), read from SSM by the scripts, never carried in a component.
        ...(secrets.length
          ? {
              Policies: [
                {
                  PolicyName: 'read-build-secrets',
                  PolicyDocument: {
                    Version: '2012-10-17',
                    Statement: [
                      {
                        Effect: 'Allow',
                        Action: 'ssm:GetParameter',
                        Resource: secrets.map((p) =>
                          sub(`arn:\${AWS::Partition}:ssm:\${AWS::Region}:\${AWS::AccountId}:parameter${p}`),
                        ),
                      },
                    ],
                  },
                },
              ],
            }
          : {}),
      },
    },
    BuildInstanceProfile: { Type: 'AWS::IAM::InstanceProfile', Properties: { Roles: [ref('BuildRole')] } },
  };
}

/** Where one image's build and test instances run: IMDSv2 only, tagged with that image's tags. */
function infrastructureConfiguration(
  ctx: BuildContext,
  name: string,
  instanceTags: Record<string, unknown>,
  stackTags: Record<string, string>,
): Record<string, unknown> {
  return {
    Type: 'AWS::ImageBuilder::InfrastructureConfiguration',
    Properties: {
      Name: `${name}-build`,
      Description: 'Build and test instances: IMDSv2 only, terminated when a build fails',
      InstanceProfileName: ref('BuildInstanceProfile'),
      InstanceTypes: [ctx.platform.instanceType],
      SubnetId: fnIf('HasSubnet', ref('SubnetId'), noValue),
      SecurityGroupIds: fnIf('HasSecurityGroups', ref('SecurityGroupIds'), noValue),
      SnsTopicArn: fnIf('HasTopic', ref('NotificationTopicArn'), noValue),
      TerminateInstanceOnFailure: true,
      InstanceMetadataOptions: { HttpTokens: 'required', HttpPutResponseHopLimit: 1 },
      // Image Builder names its build instances itself: Name is one of the keys it keeps.
      ResourceTags: instanceTags,
      Tags: stackTags,
    },
  };
}
