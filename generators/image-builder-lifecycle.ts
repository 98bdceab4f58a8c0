// How long Image Builder keeps the images, by the retention both engines share (BuildContext.retention;
// Packer's side is make prune): one lifecycle policy per image that deprecates its AMIs at
// deprecateAfterDays and deletes the image, its AMIs and their snapshots at deleteAfterDays, keeping
// the newest keepImages and any AMI promoted to the kept stage.
//
// A policy selects the images it acts on by recipe version or by tags
// (https://docs.aws.amazon.com/imagebuilder/latest/APIReference/API_LifecyclePolicyResourceSelection.html).
// A recipe version drops the images of every earlier version, which then are never deprecated nor
// deleted; so every pipeline tags the images it builds (ImageTags), and each policy selects by a tag.
// Image Builder selects the images carrying ANY of the tags listed ("images containing any of the
// provided tags": https://docs.aws.amazon.com/cdk/api/v2/docs/@aws-cdk_aws-imagebuilder-alpha.LifecyclePolicyResourceSelection.html), so a Project and a Role tag together would
// select every project's base images: the one selecting tag is Name, the recipe's name, which holds
// both the project and the image, and is unique in the account and region.
import { getAtt, sub } from './cfn-yaml.ts';
import type { BuildContext } from './build-context.ts';

/** The tags of the Image Builder image resources one pipeline builds (not the AMIs'), the selecting tag included. */
export function imageResourceTags(ctx: BuildContext, image: string, recipeName: string): Record<string, string> {
  return { Project: ctx.project.name, Name: recipeName, Role: image, GeneratedBy: ctx.generator };
}

/**
 * An age in a unit Image Builder counts up to 1000 of: days, or above 1000 days whole weeks, rounded
 * up (an image is kept at most six days longer, never less).
 */
function age(days: number): { Type: 'AGE'; Value: number; Unit: 'DAYS' | 'WEEKS' } {
  return days <= 1000
    ? { Type: 'AGE', Value: days, Unit: 'DAYS' }
    : { Type: 'AGE', Value: Math.ceil(days / 7), Unit: 'WEEKS' };
}

export function lifecyclePolicies(
  ctx: BuildContext,
  images: { logicalId: string; recipeName: string }[],
  stackTags: Record<string, string>,
): Record<string, unknown> {
  const { deprecateAfterDays, deleteAfterDays, keepImages, keptStage } = ctx.retention;
  const resources: Record<string, unknown> = {
    LifecycleRole: {
      Type: 'AWS::IAM::Role',
      Properties: {
        Description: `Image Builder deprecates and deletes old ${ctx.project.slug} images`,
        AssumeRolePolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Principal: { Service: 'imagebuilder.amazonaws.com' }, Action: 'sts:AssumeRole' },
          ],
        },
        ManagedPolicyArns: [
          sub('arn:${AWS::Partition}:iam::aws:policy/service-role/EC2ImageBuilderLifecycleExecutionPolicy'),
        ],
      },
    },
  };
  for (const image of images) {
    resources[`${image.logicalId}Lifecycle`] = {
      Type: 'AWS::ImageBuilder::LifecyclePolicy',
      Properties: {
        Name: `${image.recipeName}-images`,
        Description:
          `${image.recipeName}: deprecate after ${deprecateAfterDays} days, delete (AMIs and snapshots) after ${deleteAfterDays}, ` +
          `keeping the newest ${keepImages} and any promoted to ${keptStage}`,
        ExecutionRole: getAtt('LifecycleRole', 'Arn'),
        ResourceType: 'AMI_IMAGE',
        PolicyDetails: [
          { Action: { Type: 'DEPRECATE', IncludeResources: { Amis: true } }, Filter: age(deprecateAfterDays) },
          {
            Action: { Type: 'DELETE', IncludeResources: { Amis: true, Snapshots: true } },
            Filter: { ...age(deleteAfterDays), RetainAtLeast: keepImages },
            // Released images stay for audit and rollback: make promote tags them Stage=prod.
            ExclusionRules: { Amis: { TagMap: { Stage: keptStage } } },
          },
        ],
        ResourceSelection: { TagMap: { Name: image.recipeName } },
        Status: 'ENABLED',
        Tags: stackTags,
      },
    };
  }
  return resources;
}
