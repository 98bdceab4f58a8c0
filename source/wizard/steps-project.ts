// Welcome, the project and the platform.
import { basename } from 'node:path';
import { ARCHITECTURES, OPERATING_SYSTEMS, OS_LABELS, orList } from '../../questionnaire/answer-values.ts';
import { platformOf } from '../../questionnaire/platforms.ts';
import { ANSWER_DEFAULTS } from '../../questionnaire/answer-defaults.ts';
import { ARCHITECTURE_LABELS } from '../../questionnaire/labels.ts';
import type { Architecture, OperatingSystem } from '../../questionnaire/answer-values.ts';
import { AWS_REGIONS, isKnownRegion } from '../../questionnaire/regions.ts';
import { projectSlug } from '../../generators/project-slug.ts';
import { typedRegionRefusal } from '../text/region-text.ts';
import { welcomeFor } from '../text/welcome-text.ts';
import { answerField } from './answer-field.ts';
import type { AnswerField } from './answer-field.ts';
import { ask, askChoice, askText } from './ask.ts';
import { BACK } from './context.ts';
import type { WizardContext, WizardEnv } from './context.ts';
import { fieldProblem, namesFromText } from '../answers/draft.ts';
import type { Step } from './flow.ts';

export const welcomeStep: Step<WizardContext> = async (ctx) => {
  if (ctx.args.yes) return 'skipped';
  const welcome = welcomeFor(
    ctx.given,
    ctx.answersFile === undefined ? undefined : basename(ctx.answersFile),
    ctx.askedAgain,
  );
  const note = [welcome.note, ctx.welcomeNote].filter(Boolean).join('\n') || undefined;
  const offer = ctx.resume;
  const choice = await ctx.prompts.welcome({ ...welcome, note, ...(offer ? { resume: offer.label } : {}) });
  if (choice === BACK) return BACK;
  // Offered once: coming back to the welcome later shows it plain.
  ctx.resume = undefined;
  ctx.welcomeNote = undefined;
  if (offer && choice === 'resume') {
    ctx.draft = structuredClone(offer.draft);
    return { goTo: offer.screen };
  }
  if (offer) await offer.discard();
  return 'asked';
};

export function defaultProjectName(cwd: string): string {
  return basename(cwd) || 'my-project';
}

export const projectNameStep: Step<WizardContext> = (ctx) => {
  const fallback = defaultProjectName(ctx.cwd);
  return askText(ctx, answerField('project.name'), {
    section: 'Project',
    title: 'What is the project called?',
    hint: 'It names the images and fills the Project and Name tags. Enter keeps the folder name.',
    why: 'The name goes into every image name and into the Project and Name tags on images, snapshots and build instances, so cost reports and the tag policy can find them.',
    fallback,
    format: (name) => name,
    parse: (text) => text.trim() || fallback,
    // The name is free text (the tags keep it as typed), so "My Project" is not refused; what image,
    // stack and file names make of it is shown before Enter, as create-vite shows the package name.
    preview: (name) => {
      const slug = projectSlug(name);
      return slug === name ? undefined : `Images and stacks are named "${slug}" (the tags keep the name as typed).`;
    },
  });
};

export const osStep: Step<WizardContext> = (ctx) =>
  askChoice<OperatingSystem>(ctx, answerField('platform.os'), {
    section: 'Platform',
    title: 'Which operating system do the images run?',
    hint: 'The base image the builds start from.',
    why: 'The builds start from the newest official image of this OS (looked up by name at build time), and it decides the package manager, the scripts (shell or PowerShell) and which configuration tools can run.',
    choices: OPERATING_SYSTEMS.map((os) => ({ value: os, label: OS_LABELS[os] })),
    defaultValue: ANSWER_DEFAULTS.platform.os,
  });

/** The architecture screen's hint: an OS with images for fewer architectures says which it has. */
function architectureHint(os: OperatingSystem | undefined): string {
  const platform = os && platformOf(os);
  return platform && platform.architectures.length < ARCHITECTURES.length
    ? `${platform.label} images are ${orList(platform.architectures)} only.`
    : 'Graviton (arm64) instances usually cost less for the same work.';
}

export const architectureStep: Step<WizardContext> = (ctx) =>
  askChoice<Architecture>(ctx, answerField('platform.architecture'), {
    section: 'Platform',
    title: 'Which CPU architecture?',
    // askChoice offers only the architectures the OS has images for (the answers rules refuse the others).
    hint: architectureHint(ctx.draft.platform.os),
    why: 'x86_64 runs on Intel and AMD instance types; arm64 on AWS Graviton, usually cheaper for the same work. Every package a role installs must exist for the architecture.',
    choices: ARCHITECTURES.map((arch) => ({ value: arch, label: ARCHITECTURE_LABELS[arch] })),
    defaultValue: ANSWER_DEFAULTS.platform.architecture,
  });

/** The region a new project builds in: AWS_REGION, then AWS_DEFAULT_REGION (when they name a region), else the default (us-east-1). */
function defaultRegion(env: WizardEnv = {}): string {
  for (const name of ['AWS_REGION', 'AWS_DEFAULT_REGION']) {
    const value = env[name]?.trim().toLowerCase();
    if (value && isKnownRegion(value)) return value;
  }
  return ANSWER_DEFAULTS.platform.regions[0]!;
}

const regions = answerField('platform.regions');

export const regionsStep: Step<WizardContext> = (ctx) => {
  const fallback = [defaultRegion(ctx.env)];
  return ask<string[]>(ctx, regions, {
    fallback,
    show: (initial) =>
      ctx.prompts.multiSelect<string>({
        section: 'Platform',
        title: 'Which AWS regions must the images be in?',
        hint: 'Images are built in the build region and copied to every other one ticked. Type to filter.',
        why:
          'Packer (or Image Builder) builds each image once, in the build region (the first of platform.regions in ami-wizard.yaml; b makes the highlighted region the build region), then copies it to the others so ' +
          'instances there launch from a local image (an AMI can only be launched in its own region). Each copy costs ' +
          'snapshot storage and a little build time. The preselected region comes from AWS_REGION or AWS_DEFAULT_REGION when set.',
        choices: AWS_REGIONS.map((region) => ({ value: region.code, label: region.name })),
        initial,
        // A code AWS does not have is refused as it is typed, with the likely one (region-text.ts).
        allowOther: { lowerCase: true, label: 'use', check: typedRegionRefusal },
        // The first of platform.regions is where the images are built (build-context.ts, buildRegion).
        lead: { label: 'build region' },
        validate: (ticked) =>
          ticked.length === 0
            ? 'Tick at least one region (Space ticks the highlighted one).'
            : fieldProblem(ctx.draft, regions.path, (copy) => regions.set(copy, [...ticked])),
      }),
  });
};

/** The roles by name; a role that existed before keeps its software list. */
const roleNames: AnswerField<string[]> = {
  path: 'roles',
  get: (draft) => draft.roles?.map((role) => role.name),
  set: (draft, names = []) =>
    void (draft.roles = names.map((name) => draft.roles?.find((role) => role.name === name) ?? { name, software: [] })),
};

export const rolesStep: Step<WizardContext> = (ctx) => {
  const fallback = ANSWER_DEFAULTS.roles.map((role) => role.name);
  return askText(ctx, roleNames, {
    section: 'Platform',
    title: 'Which server roles are there?',
    hint: 'One name per kind of server, separated by commas, e.g. web, worker.',
    why:
      'Each role gets its own image (fully baked, hybrid) or its own configuration at boot (JeOS), and a Role tag. ' +
      'How many there are also answers the "how many configurations" question later. The packages each role installs ' +
      'can be set under Build settings, or in roles[].software in ami-wizard.yaml.',
    fallback,
    format: (names) => names.join(', '),
    parse: (text) => {
      const names = namesFromText(text);
      return names.length > 0 ? names : fallback;
    },
  });
};
