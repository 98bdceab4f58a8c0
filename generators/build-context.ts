// Turns validated answers and the decision into the view every generator starts from (each adds its own fields).
// Values stay raw here; templates escape them for the language they land in.
import { createHash } from 'node:crypto';
import type { Answers, ConfigTool } from '../questionnaire/answers-schema.ts';
import { CONFIDENTIALITY, STAGES } from '../questionnaire/answer-values.ts';
import type { Decision } from '../questionnaire/recommend.ts';
import type { Design, GuidanceAnswers } from '../questionnaire/questions.ts';
import { platformFacts } from './platforms.ts';
import { configToolFor } from '../questionnaire/config-tool.ts';
import type { PlatformFacts } from './platforms.ts';

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
  software: string[];
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
  /** The roles that get an image of their own: all of them, except in the jeos design. */
  imageRoles: RoleView[];
  /** The role an instance applies when nothing (tag, user data, the image) names one: the first. */
  defaultRole: string;
  configTool: ConfigTool;
  /** Tags shared by every image: the guidance's ten minus Name, Role and Software (set per image) and Version (a Packer variable, added in locals), plus the extras. */
  commonTags: Tag[];
  policyTags: { key: string; allowed: string[] }[];
  options: Answers['options'] & { deprecateHours: string; kmsAlias: boolean };
  ssmPrefix: string;
  /** Where the generated folder sits in the team's repository ('.' for its root): the bootstrap's ConfigPath default. */
  configPath: string;
  bakeApplication: boolean;
  bootstrapRunsConfig: boolean;
  baseImage: ResolvedBaseImage | null;
}

/**
 * A lower-case name safe for image names, file names and SSM paths. A name with no ASCII letter or
 * digit (日本語のショップ) gets a short hash of itself, so two such projects never share image names
 * or an SSM prefix.
 */
function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return slug || `project-${createHash('sha256').update(name).digest('hex').slice(0, 8)}`;
}

export function buildContext(
  answers: Answers,
  decision: Decision,
  meta: { generator: string; answersChecksum: string; baseImage?: ResolvedBaseImage | undefined },
): BuildContext {
  const facts = platformFacts(answers.platform.os, answers.platform.architecture);
  const design = decision.strategy;
  const slug = slugify(answers.project.name);
  const complianceTag = answers.project.compliance.length ? answers.project.compliance.join('+') : 'none';
  const project = { ...answers.project, slug };
  const systemName = answers.project.system ?? answers.project.name;
  const commonTags: Tag[] = [
    { key: 'Project', value: answers.project.name },
    { key: 'System', value: systemName },
    { key: 'CostCenter', value: answers.project.costCenter ?? 'unassigned' },
    { key: 'Stage', value: answers.project.stage },
    { key: 'Confidentiality', value: answers.project.confidentiality },
    { key: 'Compliance', value: complianceTag },
    ...Object.entries(answers.tags).map(([key, tag]) => ({ key, value: tag.value })),
  ];
  const roles = answers.roles.map((r) => ({
    name: r.name,
    software: r.software,
    softwareTag: r.software.join(',') || 'none',
  }));
  const fixed = (key: string, values: string[]) => ({ key, allowed: [...new Set(values)] });
  const policyTags = [
    fixed('Name', []),
    fixed('Version', []),
    fixed('Software', []),
    fixed('Role', ['base', ...roles.map((r) => r.name)]),
    fixed('System', [systemName]),
    fixed('Project', [answers.project.name]),
    fixed('CostCenter', answers.project.costCenter ? [answers.project.costCenter] : []),
    fixed('Stage', [...STAGES]),
    fixed('Confidentiality', [...CONFIDENTIALITY]),
    fixed('Compliance', [complianceTag]),
    ...Object.entries(answers.tags).map(([key, tag]) => fixed(key, tag.allowed ?? [tag.value])),
  ];
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
    imageRoles: design === 'jeos' ? [] : roles,
    defaultRole: roles[0]!.name,
    configTool: configToolFor(answers),
    commonTags,
    policyTags,
    options: {
      ...answers.options,
      deprecateHours: `${answers.options.deprecateAfterDays * 24}h`,
      kmsAlias: answers.options.kmsKeyId?.startsWith('alias/') ?? false,
    },
    ssmPrefix: `/${slug}/${answers.project.stage}`,
    configPath: answers.options.githubActions?.directory ?? '.',
    bakeApplication: design === 'fully-baked',
    bootstrapRunsConfig: design !== 'fully-baked',
    baseImage: meta.baseImage ?? null,
  };
}
