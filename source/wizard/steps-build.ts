// How the images are built: the engine, the configuration tool, and the build settings (instance
// type, each role's packages, the GitHub workflow, the output folder) behind one screen that keeps
// the defaults unless the user chooses to change them.
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { BUILDERS, hasControlCharacter } from '../../questionnaire/answer-values.ts';
import type { Builder } from '../../questionnaire/answer-values.ts';
import { CONFIG_TOOLS, configToolFor } from '../../questionnaire/config-tool.ts';
import type { ConfigTool } from '../../questionnaire/config-tool.ts';
import { BUILDER_LABELS, CONFIG_TOOL_LABELS } from '../../questionnaire/labels.ts';
import { QUESTIONS, defaultGuidance } from '../../questionnaire/questions.ts';
import { platformFacts } from '../../generators/platforms.ts';
import { ANSWER_DEFAULTS } from '../../questionnaire/answer-defaults.ts';
import { answerField } from './answer-field.ts';
import type { AnswerField } from './answer-field.ts';
import type { AnswerPath } from '../../questionnaire/answer-paths.ts';
import { ask, askChoice, askText } from './ask.ts';
import { BACK } from './context.ts';
import type { WizardContext } from './context.ts';
import type { Step } from './flow.ts';
import { keepOrChange } from './keep-or-change.ts';
import { fieldProblem } from '../answers/draft.ts';
import { roleSoftwareFromText, roleSoftwareText, unknownRoleNames } from './role-software.ts';

export const DEFAULT_OUT = 'ami-build';

/**
 * What is wrong with a typed output folder, checked where it is typed: the Files screen would
 * refuse a file or a path through one only after every question, ending the run.
 */
function outFolderProblem(cwd: string, typed: string): string | undefined {
  const folder = typed.trim();
  if (!folder) return 'Give a folder, e.g. ami-build.';
  if (hasControlCharacter(folder))
    return 'A folder name without control characters, bidi overrides or invisible characters, e.g. ami-build.';
  // The nearest part of the path that is there must be a folder (a symlink to one is the user's choice).
  for (let at = resolve(cwd, folder); ; at = dirname(at)) {
    // ENOTDIR (a file on the way) and the like: look further up, where the file is found.
    const stats = (() => {
      try {
        return statSync(at);
      } catch {
        return undefined;
      }
    })();
    if (stats) return stats.isDirectory() ? undefined : `${at} is a file, not a folder; choose another folder.`;
    if (dirname(at) === at) return undefined;
  }
}

export const builderStep: Step<WizardContext> = (ctx) =>
  askChoice<Builder>(ctx, answerField('builder'), {
    section: 'Build',
    title: 'Which engine builds the images?',
    hint: 'Both build from the same scripts, tags and configuration; only the folder that drives the build differs.',
    why:
      'Packer (packer/): HashiCorp Packer starts a build instance, runs the scripts and captures the image; you run it from a ' +
      'laptop or CI (make build, or the GitHub workflow). Packer is under the Business Source Licence. ' +
      'EC2 Image Builder (imagebuilder/): a CloudFormation stack of Image Builder pipelines; AWS runs the builds on a schedule, ' +
      'shows them in the console, and retires old images with a lifecycle policy; nothing to install or host. ' +
      'Both: the two folders from the same scripts, to compare or to move from one to the other. ' +
      'With manual steps before capture, only Packer is offered: an Image Builder pipeline cannot pause for a person.',
    choices: BUILDERS.map((builder) => ({ value: builder, label: BUILDER_LABELS[builder] })),
    defaultValue: ANSWER_DEFAULTS.builder,
  });

export const configToolStep: Step<WizardContext> = (ctx) => {
  const guidance = { ...defaultGuidance(), ...ctx.draft.guidance };
  const suggested = configToolFor({ guidance, platform: { os: ctx.draft.platform.os ?? ANSWER_DEFAULTS.platform.os } });
  const tooling = QUESTIONS.existingTooling.choices.find((c) => c.value === guidance.existingTooling)!.label;
  return askChoice<ConfigTool>(ctx, answerField('configManagement'), {
    section: 'Build',
    title: 'Which configuration tool sets up the roles?',
    hint: `Preselected from your existing tooling (${tooling}). It decides the config/ folder that is written.`,
    why:
      'The role configuration (packages, files, services) is written for this tool under config/<tool>/ and run during the build ' +
      '(fully baked, hybrid) or at first boot (JeOS). Ansible needs no server (ansible-pull) but does not run on Windows; ' +
      'shell writes plain scripts anyone can read; Chef, Puppet and Salt run without a server too.',
    choices: CONFIG_TOOLS.map((tool) => ({ value: tool, label: CONFIG_TOOL_LABELS[tool] })),
    defaultValue: suggested,
  });
};

/** What the build settings are now, in one line each, for the screen's hint. */
function settingsSummary(ctx: WizardContext): string {
  const { platform: preset } = ANSWER_DEFAULTS;
  const { os = preset.os, architecture = preset.architecture, instanceType } = ctx.draft.platform;
  const type =
    instanceType ?? `${platformFacts(os, architecture).defaultInstanceType} (the default for ${architecture})`;
  const software = (ctx.draft.roles ?? []).some((role) => (role.software ?? []).length > 0)
    ? roleSoftwareText(ctx.draft.roles ?? [])
    : 'none yet';
  const workflow = !packerBuilds(ctx)
    ? 'not written (it builds with Packer)'
    : ctx.draft.options?.githubActions
      ? `written, assuming ${ctx.draft.options.githubActions.roleArn}`
      : 'not written';
  return [
    `Instance type: ${type}`,
    `Role packages: ${software}`,
    `GitHub workflow: ${workflow}`,
    `Output folder: ${ctx.args.out ?? DEFAULT_OUT}`,
  ].join(' · ');
}

/** The role the GitHub workflow assumes: options.githubActions holds it (and the workflow's other settings). */
const workflowRole: AnswerField<string> = {
  path: 'options.githubActions',
  get: (draft) => draft.options?.githubActions?.roleArn,
  set: (draft, roleArn) => {
    const options = (draft.options ??= {});
    if (roleArn === undefined) delete options.githubActions;
    else options.githubActions = { ...options.githubActions, roleArn };
  },
};

/** The workflow builds with Packer: it is written only when Packer is one of the engines. */
const packerBuilds = (ctx: WizardContext): boolean =>
  (ctx.draft.builder ?? ANSWER_DEFAULTS.builder) !== 'image-builder';

/** Keep (Enter) or change the build settings; changing asks each in turn, Esc from the first returns here. */
export const buildSettingsStep: Step<WizardContext> = async (ctx) => {
  const fields: readonly AnswerPath[] = ['platform.instanceType', 'options.githubActions'];
  if (ctx.args.yes || fields.every((field) => ctx.given.has(field))) return 'skipped';
  return keepOrChange(ctx, {
    section: 'Build',
    title: 'Build settings',
    summary: () => settingsSummary(ctx),
    why:
      'The instance type runs the builds (not your servers). Role packages are installed into each role image (or at boot for JeOS). ' +
      'The GitHub workflow (.github/workflows/ami-build.yml) validates on pull requests and builds on a schedule, assuming an IAM role through ' +
      'GitHub OIDC; it is written only when you give that role. All of these can be changed later in ami-wizard.yaml ' +
      '(platform.instanceType, roles[].software, options.githubActions); the output folder is --out.',
    keepLabel: 'Keep these settings',
    change: () => changeSettings(ctx),
  });
};

async function changeSettings(ctx: WizardContext): Promise<'done' | typeof BACK> {
  const { platform: preset } = ANSWER_DEFAULTS;
  const { os = preset.os, architecture = preset.architecture } = ctx.draft.platform;
  // The screens this path shows, each numbered in turn: a field the answers file gives is not asked.
  const asks = {
    instance: !ctx.given.has('platform.instanceType'),
    software: !ctx.given.has('roles'),
    workflow: packerBuilds(ctx) && !ctx.given.has('options.githubActions'),
  };
  const count = Object.values(asks).filter(Boolean).length + 1;
  let nth = 0;
  const next = () => ctx.subSteps?.(count, ++nth);
  if (asks.instance) next();
  const instance = await askText<string | undefined>(ctx, answerField('platform.instanceType'), {
    section: 'Build settings',
    title: 'Which instance type runs the builds?',
    hint: `Leave it empty for the default, ${platformFacts(os, architecture).defaultInstanceType}.`,
    why: 'A larger type builds faster (compiling, big package installs) and costs more per minute; the build instance runs only while an image is made.',
    fallback: undefined,
    format: (value) => value ?? '',
    parse: (text) => text.trim() || undefined,
  });
  if (instance === BACK) return BACK;
  if (asks.software) {
    next();
    const roles = ctx.draft.roles ?? [];
    // The roles' packages as typed: ROLE: package package; ROLE: package.
    const roleSoftware: AnswerField<string> = {
      path: 'roles',
      get: () => roleSoftwareText(roles),
      set: (draft, typed = '') => void (draft.roles = roleSoftwareFromText(typed, roles)),
    };
    const software = await ask<string>(ctx, roleSoftware, {
      fallback: '',
      show: () =>
        ctx.prompts.text({
          section: 'Build settings',
          title: 'Which packages does each role install?',
          hint: `ROLE: package package; ROLE: package, e.g. ${roles[0]?.name ?? 'web'}: nginx curl. Roles: ${roles.map((r) => r.name).join(', ')}.`,
          why:
            "Package names in the grammar of the OS's package manager (dnf, apt, or Chocolatey on Windows). decision.md says where each goes " +
            '(the shared baseline, the role image or first boot); installMinutes and changes in ami-wizard.yaml refine it.',
          initial: roleSoftwareText(roles),
          validate: (typed) => {
            const stray = unknownRoleNames(typed, roles);
            if (stray.length > 0)
              return `${stray.join(', ')} ${stray.length === 1 ? 'is not a role' : 'are not roles'}; the roles are ${roles.map((r) => r.name).join(', ')}.`;
            return fieldProblem(ctx.draft, roleSoftware.path, (copy) => roleSoftware.set(copy, typed));
          },
        }),
    });
    if (software === BACK) return BACK;
  }
  if (asks.workflow) {
    next();
    const workflow = await askText<string | undefined>(ctx, workflowRole, {
      section: 'Build settings',
      title: 'Which IAM role may the GitHub workflow assume?',
      hint: 'An IAM role ARN trusted for GitHub OIDC; leave it empty to write no workflow.',
      why: 'The workflow validates the templates on pull requests and builds on a schedule. It signs in to AWS through GitHub OIDC as this role, so no AWS keys are stored in GitHub.',
      fallback: undefined,
      format: (value) => value ?? '',
      parse: (text) => text.trim() || undefined,
    });
    if (workflow === BACK) return BACK;
  }
  next();
  const out = await ctx.prompts.text({
    section: 'Build settings',
    title: 'Which folder do the files go to?',
    hint: 'Relative to the current folder; the same as --out.',
    why: 'The folder is created if it does not exist; files you changed there are reported as conflicts before anything is written.',
    initial: ctx.args.out ?? DEFAULT_OUT,
    validate: (typed) => outFolderProblem(ctx.cwd, typed),
  });
  if (out === BACK) return BACK;
  ctx.args = { ...ctx.args, out: out.trim() };
  return 'done';
}
