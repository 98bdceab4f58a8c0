// Welcome, the project and the platform.
import { basename } from 'node:path';
import { ARCHITECTURES, OPERATING_SYSTEMS, OS_LABELS } from '../../questionnaire/answer-values.ts';
import { ARCHITECTURE_LABELS } from '../../questionnaire/labels.ts';
import type { Architecture, OperatingSystem } from '../../questionnaire/answer-values.ts';
import { askChoice, askText } from './ask.ts';
import { BACK } from './context.ts';
import type { WizardContext } from './context.ts';
import { namesFromText } from '../answers/draft.ts';
import type { Step } from './flow.ts';

export const welcomeStep: Step<WizardContext> = async (ctx) => {
  if (ctx.args.yes) return 'skipped';
  return (await ctx.prompts.welcome()) === BACK ? BACK : 'asked';
};

export function defaultProjectName(cwd: string): string {
  return basename(cwd) || 'my-project';
}

export const projectNameStep: Step<WizardContext> = (ctx) => {
  const fallback = defaultProjectName(ctx.cwd);
  return askText(ctx, 'project.name', {
    section: 'Project',
    title: 'What is the project called?',
    hint: 'It names the images and fills the Project and Name tags. Enter keeps the folder name.',
    current: ctx.draft.project.name,
    fallback,
    format: (name) => name,
    parse: (text) => text.trim() || fallback,
    set: (draft, name) => void (draft.project.name = name),
  });
};

export const osStep: Step<WizardContext> = (ctx) =>
  askChoice<OperatingSystem>(ctx, 'platform.os', {
    section: 'Platform',
    title: 'Which operating system do the images run?',
    hint: 'The base image the builds start from.',
    choices: OPERATING_SYSTEMS.map((os) => ({ value: os, label: OS_LABELS[os] })),
    current: ctx.draft.platform.os,
    defaultValue: 'amazon-linux-2023',
    set: (draft, os) => void (draft.platform.os = os),
  });

export const architectureStep: Step<WizardContext> = (ctx) =>
  askChoice<Architecture>(ctx, 'platform.architecture', {
    section: 'Platform',
    title: 'Which CPU architecture?',
    // askChoice offers only x86_64 for Windows Server 2022, which has no arm64 images.
    hint:
      ctx.draft.platform.os === 'windows-server-2022'
        ? 'Windows Server 2022 images are x86_64 only.'
        : 'Graviton (arm64) instances usually cost less for the same work.',
    choices: ARCHITECTURES.map((arch) => ({ value: arch, label: ARCHITECTURE_LABELS[arch] })),
    current: ctx.draft.platform.architecture,
    defaultValue: 'x86_64',
    set: (draft, arch) => void (draft.platform.architecture = arch),
  });

export const regionsStep: Step<WizardContext> = (ctx) => {
  const fallback = ['us-east-1'];
  return askText(ctx, 'platform.regions', {
    section: 'Platform',
    title: 'Which AWS regions?',
    hint: 'Separate them with commas. The first one is where the images are built.',
    current: ctx.draft.platform.regions,
    fallback,
    format: (regions) => regions.join(', '),
    parse: (text) => {
      const names = namesFromText(text);
      return names.length > 0 ? names : fallback;
    },
    set: (draft, regions) => void (draft.platform.regions = regions),
  });
};

export const rolesStep: Step<WizardContext> = (ctx) => {
  const fallback = ['app'];
  return askText(ctx, 'roles', {
    section: 'Platform',
    title: 'Which server roles are there?',
    hint: 'One name per kind of server, separated by commas, e.g. web, worker.',
    current: ctx.draft.roles?.map((role) => role.name),
    fallback,
    format: (names) => names.join(', '),
    parse: (text) => {
      const names = namesFromText(text);
      return names.length > 0 ? names : fallback;
    },
    // A role that existed before keeps its software list.
    set: (draft, names) =>
      void (draft.roles = names.map((name) => draft.roles?.find((role) => role.name === name) ?? { name, software: [] })),
  });
};
