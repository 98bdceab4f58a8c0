// The tag values the tag policy and the images carry: cost center, stage, confidentiality, compliance.
// One screen keeps them (the defaults, or what the answers file gives) unless the user chooses to
// change them, as Build settings does; changing asks each one the file does not give.
import { CONFIDENTIALITY, STAGES } from '../../questionnaire/answer-values.ts';
import { ANSWER_DEFAULTS } from '../../questionnaire/answer-defaults.ts';
import type { Confidentiality, Stage } from '../../questionnaire/answer-defaults.ts';
import { CONFIDENTIALITY_LABELS, STAGE_LABELS } from '../../questionnaire/labels.ts';
import { WIZARD_SCREENS } from '../../questionnaire/wizard-screens.ts';
import { answerField } from './answer-field.ts';
import { ask, askChoice, askText } from './ask.ts';
import { BACK } from './context.ts';
import type { WizardContext } from './context.ts';
import { fieldProblem } from '../answers/draft.ts';
import type { Step } from './flow.ts';
import { keepOrChange } from './keep-or-change.ts';

const costCenterStep: Step<WizardContext> = (ctx) =>
  askText<string | undefined>(ctx, answerField('project.costCenter'), {
    section: 'Tags',
    title: 'Which cost center pays for these images?',
    hint: 'Fills the CostCenter tag. Leave it empty to skip.',
    why: 'AWS Cost Explorer can split the bill by the CostCenter tag once it is activated as a cost allocation tag. Left empty, the images carry the placeholder unassigned and the generated docs say so.',
    fallback: undefined,
    format: (value) => value ?? '',
    parse: (text) => text.trim() || undefined,
  });

const stageStep: Step<WizardContext> = (ctx) =>
  askChoice<Stage>(ctx, answerField('project.stage'), {
    section: 'Tags',
    title: 'Which lifecycle stage are the images for?',
    hint: 'Fills the Stage tag.',
    why: 'The stage instances run in unless their own Stage tag says otherwise; the bootstrap reads secrets under it. The images themselves are born at dev and move on with make promote.',
    choices: STAGES.map((stage) => ({ value: stage, label: STAGE_LABELS[stage] })),
    defaultValue: ANSWER_DEFAULTS.project.stage,
  });

const confidentialityStep: Step<WizardContext> = (ctx) =>
  askChoice<Confidentiality>(ctx, answerField('project.confidentiality'), {
    section: 'Tags',
    title: 'How confidential is the data these servers handle?',
    hint: 'Fills the Confidentiality tag.',
    why: 'The Confidentiality tag lets access policies and audits treat images and instances by the data they handle; the tag policy only accepts the levels listed here.',
    choices: CONFIDENTIALITY.map((level) => ({ value: level, label: CONFIDENTIALITY_LABELS[level] })),
    defaultValue: ANSWER_DEFAULTS.project.confidentiality,
  });

/** Frameworks teams commonly name; any other may be typed in. */
const COMMON_COMPLIANCE = [
  'PCI DSS',
  'ISO 27001',
  'SOC 2',
  'HIPAA',
  'GDPR',
  'FedRAMP',
  'NIST 800-53',
  'CIS Benchmarks',
] as const;

const compliance = answerField('project.compliance');

const complianceStep: Step<WizardContext> = (ctx) =>
  ask<string[]>(ctx, compliance, {
    fallback: [...ANSWER_DEFAULTS.project.compliance],
    show: (initial) =>
      ctx.prompts.multiSelect<string>({
        section: 'Tags',
        title: 'Which compliance frameworks must the images meet?',
        hint: 'Tick any that apply, or type another and press Enter to add it. Enter with none ticked means none.',
        why: 'Fills the Compliance tag (the names joined with +, or none), so audits can find the images a framework covers. It records a commitment; it does not harden the images by itself.',
        choices: COMMON_COMPLIANCE.map((name) => ({ value: name, label: name })),
        initial,
        allowOther: { label: 'add' },
        validate: (items) => fieldProblem(ctx.draft, compliance.path, (copy) => compliance.set(copy, [...items])),
      }),
  });

const TAGS_SCREEN = WIZARD_SCREENS.find((screen) => screen.id === 'tags')!;
/** The Tags screen's fields (questionnaire/wizard-screens.ts), asked in that order. */
const TAG_FIELDS: readonly TagField[] = TAGS_SCREEN.fields;
type TagField = Extract<(typeof WIZARD_SCREENS)[number], { id: 'tags' }>['fields'][number];

/** Each tag's question, by the field it fills; the compiler asks for one per field of the screen. */
const TAG_ASKS: Record<TagField, Step<WizardContext>> = {
  'project.costCenter': costCenterStep,
  'project.stage': stageStep,
  'project.confidentiality': confidentialityStep,
  'project.compliance': complianceStep,
};

/** The tags as they are now (the answers so far, else the defaults), in one line for the screen's hint. */
export function tagsSummary(project: WizardContext['draft']['project']): string {
  const compliance = project.compliance ?? [];
  return [
    `Cost center: ${project.costCenter ?? 'none (tagged unassigned)'}`,
    `Stage: ${STAGE_LABELS[project.stage ?? ANSWER_DEFAULTS.project.stage]}`,
    `Confidentiality: ${CONFIDENTIALITY_LABELS[project.confidentiality ?? ANSWER_DEFAULTS.project.confidentiality]}`,
    `Compliance: ${compliance.length > 0 ? compliance.join(', ') : 'none'}`,
  ].join(' · ');
}

/** Keeps each tag as it is (or its default), as --yes does: the same values four Enters would give. */
async function keepTags(ctx: WizardContext, fields: readonly TagField[]): Promise<void> {
  const keeping = { ...ctx, args: { ...ctx.args, yes: true } };
  for (const field of fields) await TAG_ASKS[field](keeping);
}

/** Keep (Enter) or change the tags; changing asks each the file does not give, Esc on one returns here. */
export const tagsStep: Step<WizardContext> = async (ctx) => {
  const fields = TAG_FIELDS.filter((field) => !ctx.given.has(field));
  if (fields.length === 0) return 'skipped';
  if (ctx.args.yes) {
    await keepTags(ctx, fields);
    return 'skipped';
  }
  return keepOrChange(ctx, {
    section: 'Tags',
    title: 'Tags',
    summary: () => tagsSummary(ctx.draft.project),
    why:
      'Every image and build instance carries these tags, and the tag policy (tags/) accepts only these values. CostCenter splits ' +
      'the bill in Cost Explorer; Stage is where instances run unless their own tag says otherwise; Confidentiality and Compliance ' +
      'let access policies and audits find the images by the data they handle and the frameworks they meet. All of them can be ' +
      'changed later in ami-wizard.yaml (project.costCenter, project.stage, project.confidentiality, project.compliance).',
    keepLabel: 'Keep these tags',
    keep: () => keepTags(ctx, fields),
    change: () => changeTags(ctx, fields),
  });
};

async function changeTags(ctx: WizardContext, fields: readonly TagField[]): Promise<'done' | typeof BACK> {
  for (const [i, field] of fields.entries()) {
    ctx.subSteps?.(fields.length, i + 1);
    if ((await TAG_ASKS[field](ctx)) === BACK) return BACK;
  }
  return 'done';
}
