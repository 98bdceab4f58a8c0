// Turns validated answers and the decision into the view every generator starts from (each adds its own fields).
// Values stay raw here; templates escape them for the language they land in.
import type { Answers, ConfigTool } from '../questionnaire/answers-schema.ts';
import { CONFIDENTIALITY, DELETE_AFTER_DEPRECATION_DAYS, STAGES } from '../questionnaire/answer-values.ts';
import type { Decision } from '../questionnaire/recommend.ts';
import type { Design, GuidanceAnswers } from '../questionnaire/questions.ts';
import { platformFacts } from './platforms.ts';
import { projectSlug } from './project-slug.ts';
import { configToolFor } from '../questionnaire/config-tool.ts';
import { GUIDANCE_TAG_KEYS, PROJECT_TAG_KEYS, copyRegions } from '../questionnaire/answer-rules.ts';
import type { PlatformFacts } from './platforms.ts';
import {
  baselineSoftware,
  entryName,
  placeSoftware,
  placedPackages,
  roleSoftwareAt,
  runsConfigAtBoot,
} from '../questionnaire/placement.ts';
import type { PlacementRow } from '../questionnaire/placement.ts';

type GuidanceTagKey = (typeof GUIDANCE_TAG_KEYS)[number];

export interface Tag {
  key: string;
  value: string;
}

/** The base image found in EC2 when the folder was generated (`generate --resolve`). */
export interface ResolvedBaseImage {
  imageId: string;
  name: string;
  creationDate: string;
  deprecationTime?: string;
  region: string;
}

export interface RoleView {
  name: string;
  /** Every package the role lists: what the configuration tool's `all` phase installs. */
  software: string[];
  /** Placed in the role image: what its build installs (ROLE_PACKAGES). */
  imageSoftware: string[];
  /** Placed at launch: what the `app` phase of a hybrid image's first boot installs. */
  launchSoftware: string[];
  /** What the role image carries from the answers, the baseline's packages with its own: its image test checks them. */
  carriedSoftware: string[];
  /** The role image's Software tag: its own packages. */
  softwareTag: string;
}

export interface BuildContext {
  generator: string;
  answersChecksum: string;
  project: Answers['project'] & { slug: string };
  design: Design;
  decision: Decision;
  guidance: GuidanceAnswers;
  platform: Answers['platform'] & { buildRegion: string; instanceType: string; facts: PlatformFacts };
  roles: RoleView[];
  /** What goes where (questionnaire/placement.ts): every package, the agents and the application, with the reason. */
  placement: PlacementRow[];
  /** The packages every role lists, baked into the baseline (BASE_PACKAGES). */
  baseSoftware: string[];
  /** The roles that get an image of their own: all of them, except in the jeos design. */
  imageRoles: RoleView[];
  /** A role to show in examples (the first). An instance that names no role is refused, never given this one. */
  exampleRole: string;
  configTool: ConfigTool;
  /** Which Puppet agent the images carry when configTool is puppet (options.puppetDistribution). */
  puppetDistribution: 'openvox' | 'puppet-core';
  /** Tags shared by every image: the guidance's ten minus Name, Role and Software (set per image) and Version (a Packer variable, added in locals), plus Owner and the extras. */
  commonTags: Tag[];
  /** Every image this design builds: the baseline, then one per image role; with its Role and Software tags. */
  images: { name: string; software: string }[];
  /** The stage every new image is born at; promotion moves it on. */
  imageStage: string;
  /** CostCenter has no answer: its tag holds the placeholder `unassigned`, and the docs say so. */
  costCenterPlaceholder: boolean;
  /** Regions the images are copied to: platform.regions after the build region, then options.copyToRegions. */
  copyRegions: string[];
  /**
   * One encryption step, never two: with a customer key and copies, Packer's encrypt_boot (which can
   * key each region's copy); otherwise the launch volume is encrypted and the image inherits it.
   */
  encryptBoot: boolean;
  /** The key of each copy region under encrypt_boot: the alias itself, or options.regionKmsKeyIds. */
  regionKeys: { region: string; key: string }[];
  /** guidance.manualSteps: the build pauses for these steps before capture. */
  manualCapture: { steps: string[] } | null;
  policyTags: { key: string; allowed: string[] }[];
  options: Answers['options'] & { deprecateHours: string; kmsAlias: boolean };
  /**
   * How long images live, the same for both engines: deprecated at deprecateAfterDays, deleted (with
   * their snapshots) at deleteAfterDays, except the newest keepImages of each image and any image
   * promoted to keptStage (released images stay for audit and rollback until a person removes them).
   */
  retention: { deprecateAfterDays: number; deleteAfterDays: number; keepImages: number; keptStage: string };
  ssmPrefix: string;
  /** Where the generated folder sits in the team's repository ('.' for its root): the bootstrap's ConfigPath default. */
  configPath: string;
  bakeApplication: boolean;
  /** Which engines build the images (answers.builder): packer/ and/or imagebuilder/ are written. */
  engines: { packer: boolean; imageBuilder: boolean; both: boolean };
  bootstrapRunsConfig: boolean;
  baseImage: ResolvedBaseImage | null;
}

export function buildContext(
  answers: Answers,
  decision: Decision,
  meta: { generator: string; answersChecksum: string; baseImage?: ResolvedBaseImage | undefined },
): BuildContext {
  const facts = platformFacts(answers.platform.os, answers.platform.architecture);
  const design = decision.strategy;
  const slug = projectSlug(answers.project.name);
  const complianceTag = answers.project.compliance.length ? answers.project.compliance.join('+') : 'none';
  const project = { ...answers.project, slug };
  const systemName = answers.project.system ?? answers.project.name;
  const configTool = configToolFor(answers);
  const placement = placeSoftware({ design, configTool, roles: answers.roles });
  const baseSoftware = placedPackages(placement, 'base');
  const roles = answers.roles.map((r): RoleView => {
    const imageSoftware = roleSoftwareAt(placement, r, 'role-image');
    return {
      name: r.name,
      software: r.software.map(entryName),
      imageSoftware,
      launchSoftware: roleSoftwareAt(placement, r, 'launch'),
      carriedSoftware: r.software
        .map(entryName)
        .filter((name) => baseSoftware.includes(name) || imageSoftware.includes(name)),
      softwareTag: imageSoftware.join(',') || 'none',
    };
  });
  // The guidance's ten keys, each with its value on every image (undefined: set per image, Name,
  // Version, Role, Software) and the values the tag policy allows (empty: any). A Record over the keys
  // of GUIDANCE_TAG_KEYS, so a key added there must be given both here.
  const guidance: Record<GuidanceTagKey, { value?: string; allowed: string[] }> = {
    Name: { allowed: [] },
    Version: { allowed: [] },
    Software: { allowed: [] },
    Role: { allowed: ['base', ...roles.map((r) => r.name)] },
    System: { value: systemName, allowed: [systemName] },
    Project: { value: answers.project.name, allowed: [answers.project.name] },
    CostCenter: {
      value: answers.project.costCenter ?? 'unassigned',
      allowed: answers.project.costCenter ? [answers.project.costCenter] : [],
    },
    Stage: { value: STAGES[0], allowed: [...STAGES] },
    Confidentiality: { value: answers.project.confidentiality, allowed: [...CONFIDENTIALITY] },
    Compliance: { value: complianceTag, allowed: [complianceTag] },
  };
  const owner: Record<(typeof PROJECT_TAG_KEYS)[number], string | undefined> = { Owner: answers.project.owner };
  const ownerKeys = PROJECT_TAG_KEYS.filter((k) => owner[k] !== undefined);
  const commonTags: Tag[] = [
    ...GUIDANCE_TAG_KEYS.flatMap((key) =>
      guidance[key].value === undefined ? [] : [{ key, value: guidance[key].value! }],
    ),
    ...ownerKeys.map((key) => ({ key, value: owner[key]! })),
    ...Object.entries(answers.tags).map(([key, tag]) => ({ key, value: tag.value })),
  ];
  const fixed = (key: string, values: string[]) => ({ key, allowed: [...new Set(values)] });
  const policyTags = [
    ...GUIDANCE_TAG_KEYS.map((key) => fixed(key, guidance[key].allowed)),
    ...ownerKeys.map((key) => fixed(key, [owner[key]!])),
    ...Object.entries(answers.tags).map(([key, tag]) => fixed(key, tag.allowed ?? [tag.value])),
  ];
  const imageRoles = design === 'jeos' ? [] : roles;
  const { encryption, kmsKeyId, regionKmsKeyIds = {} } = answers.options;
  const copies = copyRegions(answers);
  const encryptBoot = encryption && kmsKeyId !== undefined && copies.length > 0;
  return {
    generator: meta.generator,
    answersChecksum: meta.answersChecksum,
    project,
    design,
    decision,
    guidance: answers.guidance,
    platform: {
      ...answers.platform,
      buildRegion: answers.platform.regions[0]!,
      instanceType: answers.platform.instanceType ?? facts.defaultInstanceType,
      facts,
    },
    roles,
    placement,
    baseSoftware,
    imageRoles,
    exampleRole: roles[0]!.name,
    images: [
      { name: 'base', software: baselineSoftware(placement).join(',') },
      ...imageRoles.map((r) => ({ name: r.name, software: r.softwareTag })),
    ],
    imageStage: STAGES[0],
    costCenterPlaceholder: answers.project.costCenter === undefined,
    copyRegions: copies,
    encryptBoot,
    regionKeys: encryptBoot
      ? copies.map((region) => ({ region, key: kmsKeyId!.startsWith('alias/') ? kmsKeyId! : regionKmsKeyIds[region]! }))
      : [],
    manualCapture: answers.guidance.manualSteps
      ? {
          steps: answers.options.manualCaptureSteps.length
            ? answers.options.manualCaptureSteps
            : ['(list the steps in options.manualCaptureSteps of ami-wizard.yaml)'],
        }
      : null,
    configTool,
    puppetDistribution: answers.options.puppetDistribution ?? 'openvox',
    commonTags,
    policyTags,
    options: {
      ...answers.options,
      deprecateHours: `${answers.options.deprecateAfterDays * 24}h`,
      kmsAlias: answers.options.kmsKeyId?.startsWith('alias/') ?? false,
    },
    retention: {
      deprecateAfterDays: answers.options.deprecateAfterDays,
      deleteAfterDays:
        answers.options.deleteAfterDays ?? answers.options.deprecateAfterDays + DELETE_AFTER_DEPRECATION_DAYS,
      keepImages: answers.options.keepImages,
      keptStage: STAGES.at(-1)!,
    },
    ssmPrefix: `/${slug}/${answers.project.stage}`,
    configPath: answers.options.githubActions?.directory ?? '.',
    bakeApplication: design === 'fully-baked',
    engines: {
      packer: answers.builder !== 'image-builder',
      imageBuilder: answers.builder !== 'packer',
      both: answers.builder === 'both',
    },
    bootstrapRunsConfig: runsConfigAtBoot(design),
    baseImage: meta.baseImage ?? null,
  };
}
