// The tag values the tag policy and the images carry: cost center, stage, confidentiality, compliance.
import { CONFIDENTIALITY, STAGES } from '../../questionnaire/answer-values.ts';
import { CONFIDENTIALITY_LABELS, STAGE_LABELS } from '../../questionnaire/labels.ts';
import { ask, askChoice, askText } from './ask.ts';
import type { WizardContext } from './context.ts';
import { fieldProblem } from '../answers/draft.ts';
import type { Step } from './flow.ts';

type Stage = (typeof STAGES)[number];
type Confidentiality = (typeof CONFIDENTIALITY)[number];


export const costCenterStep: Step<WizardContext> = (ctx) =>
  askText<string | undefined>(ctx, 'project.costCenter', {
    section: 'Tags',
    title: 'Which cost center pays for these images?',
    hint: 'Fills the CostCenter tag. Leave it empty to skip.',
    why: 'AWS Cost Explorer can split the bill by the CostCenter tag once it is activated as a cost allocation tag. Left empty, the images carry the placeholder unassigned and the generated docs say so.',
    current: ctx.draft.project.costCenter,
    fallback: undefined,
    format: (value) => value ?? '',
    parse: (text) => text.trim() || undefined,
    set: (draft, value) => {
      if (value === undefined) delete draft.project.costCenter;
      else draft.project.costCenter = value;
    },
  });

export const stageStep: Step<WizardContext> = (ctx) =>
  askChoice<Stage>(ctx, 'project.stage', {
    section: 'Tags',
    title: 'Which lifecycle stage are the images for?',
    hint: 'Fills the Stage tag.',
    why: 'The stage instances run in unless their own Stage tag says otherwise; the bootstrap reads secrets under it. The images themselves are born at dev and move on with make promote.',
    choices: STAGES.map((stage) => ({ value: stage, label: STAGE_LABELS[stage] })),
    current: ctx.draft.project.stage,
    defaultValue: 'dev',
    set: (draft, stage) => void (draft.project.stage = stage),
  });

export const confidentialityStep: Step<WizardContext> = (ctx) =>
  askChoice<Confidentiality>(ctx, 'project.confidentiality', {
    section: 'Tags',
    title: 'How confidential is the data these servers handle?',
    hint: 'Fills the Confidentiality tag.',
    why: 'The Confidentiality tag lets access policies and audits treat images and instances by the data they handle; the tag policy only accepts the levels listed here.',
    choices: CONFIDENTIALITY.map((level) => ({ value: level, label: CONFIDENTIALITY_LABELS[level] })),
    current: ctx.draft.project.confidentiality,
    defaultValue: 'internal',
    set: (draft, level) => void (draft.project.confidentiality = level),
  });

/** Frameworks teams commonly name; any other may be typed in. */
const COMMON_COMPLIANCE = ['PCI DSS', 'ISO 27001', 'SOC 2', 'HIPAA', 'GDPR', 'FedRAMP', 'NIST 800-53', 'CIS Benchmarks'] as const;

export const complianceStep: Step<WizardContext> = (ctx) =>
  ask<string[]>(ctx, 'project.compliance', {
    current: ctx.draft.project.compliance,
    fallback: [],
    show: (initial) =>
      ctx.prompts.multiSelect<string>({
        section: 'Tags',
        title: 'Which compliance frameworks must the images meet?',
        hint: 'Tick any that apply, or type another and press Enter to add it. Enter with none ticked means none.',
        why: 'Fills the Compliance tag (the names joined with +, or none), so audits can find the images a framework covers. It records a commitment; it does not harden the images by itself.',
        choices: COMMON_COMPLIANCE.map((name) => ({ value: name, label: name })),
        initial,
        allowOther: { label: 'add' },
        validate: (items) => fieldProblem(ctx.draft, 'project.compliance', (copy) => void (copy.project.compliance = [...items])),
      }),
    apply: (items) => void (ctx.draft.project.compliance = items),
  });
