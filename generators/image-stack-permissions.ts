// What the GitHub workflow's role may do with the EC2 Image Builder stack: the README's Image Builder
// commands (deploy the stack, read its outputs, start a pipeline) and what CloudFormation does with the
// caller's permissions to create, update and delete the stack's Image Builder resources (the resource
// providers' handler permissions:
// https://github.com/aws-cloudformation/aws-cloudformation-resource-providers-imagebuilder).
//
// The role changes no IAM: the stack's build role, instance profile and lifecycle role are created and
// changed by an administrator's deploy (README, "Deploy it"). The role may pass those roles to EC2 and
// Image Builder, which is what a pipeline it starts does anyway. CloudFormation names them after the
// stack (STACK-LogicalId-RANDOM), which scopes them.
import type { BuildContext } from './build-context.ts';
import { ACCOUNT, arn } from './iam-policy.ts';
import type { PolicyStatement } from './iam-policy.ts';

/** The stack name the README deploys imagebuilder/image-builder.yaml as. */
export const imageStackName = (ctx: BuildContext): string => `${ctx.project.slug}-images`;

/**
 * The Image Builder actions each resource type of the stack needs from its deployer (create, update,
 * delete), from the providers' schemas (handlers.*.permissions); IAM types are the administrator's.
 */
export const IMAGE_STACK_RESOURCE_ACTIONS: Record<string, string[] | 'administrator'> = {
  'AWS::ImageBuilder::Component': ['CreateComponent', 'GetComponent', 'DeleteComponent'],
  'AWS::ImageBuilder::ImageRecipe': [
    'CreateImageRecipe',
    'GetImageRecipe',
    'DeleteImageRecipe',
    'GetComponent',
    'GetImage',
  ],
  'AWS::ImageBuilder::InfrastructureConfiguration': [
    'CreateInfrastructureConfiguration',
    'GetInfrastructureConfiguration',
    'UpdateInfrastructureConfiguration',
    'DeleteInfrastructureConfiguration',
  ],
  'AWS::ImageBuilder::DistributionConfiguration': [
    'CreateDistributionConfiguration',
    'GetDistributionConfiguration',
    'UpdateDistributionConfiguration',
    'DeleteDistributionConfiguration',
  ],
  'AWS::ImageBuilder::ImagePipeline': [
    'CreateImagePipeline',
    'GetImagePipeline',
    'UpdateImagePipeline',
    'DeleteImagePipeline',
  ],
  'AWS::ImageBuilder::Image': ['CreateImage', 'GetImage', 'DeleteImage', 'CancelImageCreation'],
  'AWS::ImageBuilder::LifecyclePolicy': [
    'CreateLifecyclePolicy',
    'GetLifecyclePolicy',
    'UpdateLifecyclePolicy',
    'DeleteLifecyclePolicy',
  ],
  'AWS::IAM::Role': 'administrator',
  'AWS::IAM::InstanceProfile': 'administrator',
};

/** Image Builder's ARN types of the stack's resources, all named `<slug>-...`. */
const IMAGE_BUILDER_TYPES = [
  'component',
  'image-recipe',
  'image-pipeline',
  'infrastructure-configuration',
  'distribution-configuration',
  'image',
  'lifecycle-policy',
];

const statement = (
  Sid: string,
  Action: string[],
  Resource: string[],
  Condition?: PolicyStatement['Condition'],
): PolicyStatement => ({
  Sid,
  Effect: 'Allow',
  Action,
  Resource,
  ...(Condition ? { Condition } : {}),
});

/** The statements for deploying and running the Image Builder stack (none without Image Builder). */
export function imageStackStatements(ctx: BuildContext): PolicyStatement[] {
  if (!ctx.engines.imageBuilder) return [];
  const region = ctx.platform.buildRegion;
  const slug = ctx.project.slug;
  const stack = imageStackName(ctx);
  const builderActions = Object.values(IMAGE_STACK_RESOURCE_ACTIONS).flatMap((a) => (a === 'administrator' ? [] : a));
  return [
    // aws cloudformation deploy (a change set, run) and describe-stacks (the pipeline's ARN).
    statement(
      'DeployImageStack',
      [
        'cloudformation:CreateChangeSet',
        'cloudformation:DescribeChangeSet',
        'cloudformation:DescribeStacks',
        'cloudformation:ExecuteChangeSet',
        'cloudformation:GetTemplateSummary',
      ],
      [arn('cloudformation', region, ACCOUNT, `stack/${stack}/*`)],
    ),
    // What CloudFormation does for the caller with the stack's Image Builder resources.
    statement(
      'ManageImageStackResources',
      [...new Set([...builderActions, 'TagResource', 'UntagResource'])].sort().map((a) => `imagebuilder:${a}`),
      IMAGE_BUILDER_TYPES.map((t) => arn('imagebuilder', region, ACCOUNT, `${t}/${slug}-*`)),
    ),
    // aws imagebuilder start-image-pipeline-execution
    statement(
      'StartImagePipelines',
      ['imagebuilder:StartImagePipelineExecution'],
      [arn('imagebuilder', region, ACCOUNT, `image-pipeline/${slug}-*`)],
    ),
    // A recipe's parent image: described, and read from AWS's public parameter when the recipe names one.
    statement('DescribeParentImages', ['ec2:DescribeImages'], ['*'], {
      StringEquals: { 'aws:RequestedRegion': [region] },
    }),
    ...(ctx.platform.facts.ssmParameter
      ? [
          statement(
            'ReadPublicImageParameters',
            ['ssm:GetParameter'],
            [arn('ssm', region, '', 'parameter/aws/service/*')],
          ),
        ]
      : []),
    // The stack's roles, created by an administrator: read, and passed to the services they are for.
    statement(
      'ReadImageStackRoles',
      ['iam:GetRole'],
      [
        arn('iam', '', ACCOUNT, `role/${stack}-*`),
        arn('iam', '', ACCOUNT, 'role/aws-service-role/imagebuilder.amazonaws.com/*'),
      ],
    ),
    statement(
      'ReadImageStackInstanceProfile',
      ['iam:GetInstanceProfile'],
      [arn('iam', '', ACCOUNT, `instance-profile/${stack}-*`)],
    ),
    statement('PassImageStackRoles', ['iam:PassRole'], [arn('iam', '', ACCOUNT, `role/${stack}-*`)], {
      StringEquals: { 'iam:PassedToService': ['ec2.amazonaws.com', 'imagebuilder.amazonaws.com'] },
    }),
    // The stack's optional NotificationTopicArn: Image Builder checks the caller may publish to it.
    statement('NotifyBuilds', ['sns:Publish'], [arn('sns', region, ACCOUNT, '*')]),
  ];
}
