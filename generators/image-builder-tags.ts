// The tags of an image EC2 Image Builder builds: exactly the keys Packer gives the same image
// (templates/packer/locals.pkr.hcl.hbs), and what each key means there. Image Builder takes the tags
// when the stack is deployed; at build time it fills in two dynamic tags in its output images,
// {{imagebuilder:buildDate}} and {{imagebuilder:buildVersion}} (the build's number)
// (https://docs.aws.amazon.com/imagebuilder/latest/userguide/tag-resources.html). So Version and
// BuildTime come from the build, and the parent is named as the recipe names it: Image Builder
// resolves it when it builds. decision.md lists what each key holds (LINEAGE_IN_IMAGE_BUILDER).
import { LINEAGE_TAG_KEYS } from '../questionnaire/answer-rules.ts';
import type { BuildContext } from './build-context.ts';

type LineageKey = 'Version' | (typeof LINEAGE_TAG_KEYS)[number];

/** Where an image's parent comes from, as its recipe names it. */
export interface ImageParent {
  /** The recipe's ParentImage: `ssm:PARAMETER`, the ParentImageId parameter, or the baseline's image ARN (x.x.x). */
  source: unknown;
  /** Its name in words. */
  name: string;
}

/** Filled in by Image Builder in the images it builds (not on its build instances). */
const BUILD_NUMBER = '{{imagebuilder:buildVersion}}';
const BUILD_DATE = '{{imagebuilder:buildDate}}';

/** What each lineage key holds on an Image Builder image, and why, in words for decision.md. */
export const LINEAGE_IN_IMAGE_BUILDER: Record<LineageKey, string> = {
  Version:
    "the recipe's version and the build's number (RECIPE-VERSION/BUILD), the end of the Ec2ImageBuilderArn tag Image Builder adds itself",
  SourceAMI:
    "the parent as the recipe names it: the public SSM parameter, or the baseline's newest image (x.x.x); Image Builder resolves it at build time, and the image's details in Image Builder name the image it used",
  SourceAMIName: 'the name of that parent, newest when built',
  BuildTime: "the build's date and time, filled in by Image Builder",
  AnswersChecksum: 'the checksum of the answers, as with Packer',
  GeneratedBy: 'the ami-wizard version, as with Packer',
};

/** What the build instances carry instead of the two dynamic tags, which Image Builder fills in only in its images. */
export const BUILD_INSTANCE_LINEAGE =
  "a build instance has the recipe's version as Version and its own launch time (BuildTime: see LaunchTime)";

function tags(
  ctx: BuildContext,
  image: string,
  recipeName: string,
  lineage: Record<LineageKey, unknown>,
): Record<string, unknown> {
  // In Packer's order: common tags, Version and lineage, then Name, Role and Software.
  return {
    ...Object.fromEntries(ctx.commonTags.map((t) => [t.key, t.value])),
    Version: lineage.Version,
    ...Object.fromEntries(LINEAGE_TAG_KEYS.map((key) => [key, lineage[key]])),
    Name: recipeName,
    Role: image,
    Software: ctx.images.find((i) => i.name === image)?.software ?? 'none',
  };
}

const common = (ctx: BuildContext, parent: ImageParent) => ({
  SourceAMI: parent.source,
  SourceAMIName: parent.name,
  AnswersChecksum: ctx.answersChecksum,
  GeneratedBy: ctx.generator,
});

/** The tags of one image on its AMIs and snapshots. */
export function imageBuilderImageTags(
  ctx: BuildContext,
  image: string,
  recipeName: string,
  recipeVersion: string,
  parent: ImageParent,
): Record<string, unknown> {
  return tags(ctx, image, recipeName, {
    ...common(ctx, parent),
    Version: `${recipeVersion}/${BUILD_NUMBER}`,
    BuildTime: BUILD_DATE,
  });
}

/**
 * Keys Image Builder keeps for itself on build instances (CreateInfrastructureConfiguration,
 * resourceTags: https://docs.aws.amazon.com/imagebuilder/latest/APIReference/API_CreateInfrastructureConfiguration.html);
 * it names the instance itself. It takes at most 30 there (answer-rules.ts holds the extra tags to that).
 */
const RESERVED_ON_BUILD_INSTANCES = ['CreatedBy', 'Ec2ImageBuilderArn', 'Name', 'Tags'];

/** The image's tags as its build instances carry them: no dynamic tags there, and no Name. */
export function buildInstanceTags(
  ctx: BuildContext,
  image: string,
  recipeName: string,
  recipeVersion: string,
  parent: ImageParent,
): Record<string, unknown> {
  const all = tags(ctx, image, recipeName, {
    ...common(ctx, parent),
    Version: recipeVersion,
    BuildTime: 'see LaunchTime',
  });
  return Object.fromEntries(Object.entries(all).filter(([key]) => !RESERVED_ON_BUILD_INSTANCES.includes(key)));
}
