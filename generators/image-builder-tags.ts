// The tags of an image EC2 Image Builder builds: exactly the keys Packer gives the same image
// (templates/packer/locals.pkr.hcl.hbs), and what each key means there. Image Builder takes its tags
// when the stack is deployed, not when an image is built: its variables ({{ imagebuilder:buildDate }},
// {{ imagebuilder:buildVersion }}) are documented for the output AMI's name, not for its tags
// (https://docs.aws.amazon.com/imagebuilder/latest/APIReference/API_AmiDistributionConfiguration.html).
// So the lineage keys whose values change with every build carry what the stack knows, and say where
// the build's own value is; decision.md lists them (LINEAGE_IN_IMAGE_BUILDER).
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

/** What each lineage key holds on an Image Builder image, and why, in words for decision.md. */
export const LINEAGE_IN_IMAGE_BUILDER: Record<LineageKey, string> = {
  Version: "the recipe's version, which changes with its content; Image Builder numbers each build of it in the Ec2ImageBuilderArn tag it adds itself (RECIPE/VERSION/BUILD)",
  SourceAMI: "the parent as the recipe names it: the public SSM parameter, or the baseline's newest image (x.x.x); Image Builder resolves it at build time, and the image's details in Image Builder name the image it used",
  SourceAMIName: 'the name of that parent, newest when built',
  BuildTime: '"see CreationDate": the time of the build is the AMI\'s own CreationDate',
  AnswersChecksum: 'the checksum of the answers, as with Packer',
  GeneratedBy: 'the ami-wizard version, as with Packer',
};

const BUILD_TIME = 'see CreationDate';

/** The tags of one image on its AMIs and snapshots, in Packer's order: common tags, lineage, then Name, Role, Software. */
export function imageBuilderImageTags(ctx: BuildContext, image: string, recipeName: string, recipeVersion: string, parent: ImageParent): Record<string, unknown> {
  const lineage: Record<LineageKey, unknown> = {
    Version: recipeVersion,
    SourceAMI: parent.source,
    SourceAMIName: parent.name,
    BuildTime: BUILD_TIME,
    AnswersChecksum: ctx.answersChecksum,
    GeneratedBy: ctx.generator,
  };
  return {
    ...Object.fromEntries(ctx.commonTags.map((t) => [t.key, t.value])),
    Version: lineage.Version,
    ...Object.fromEntries(LINEAGE_TAG_KEYS.map((key) => [key, lineage[key]])),
    Name: recipeName,
    Role: image,
    Software: ctx.images.find((i) => i.name === image)?.software ?? 'none',
  };
}

/**
 * Keys Image Builder keeps for itself on build instances (CreateInfrastructureConfiguration,
 * resourceTags: https://docs.aws.amazon.com/imagebuilder/latest/APIReference/API_CreateInfrastructureConfiguration.html);
 * it names the instance itself. It takes at most 30 there (answer-rules.ts holds the extra tags to that).
 */
const RESERVED_ON_BUILD_INSTANCES = ['CreatedBy', 'Ec2ImageBuilderArn', 'Name', 'Tags'];

/** The image's tags as its build instances carry them. */
export function buildInstanceTags(imageTags: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(imageTags).filter(([key]) => !RESERVED_ON_BUILD_INSTANCES.includes(key)));
}
