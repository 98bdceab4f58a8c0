// The tag values the tag policy and the images carry: cost center, stage, confidentiality, compliance.
import { CONFIDENTIALITY, STAGES } from '../../questionnaire/answer-values.ts';
import { CONFIDENTIALITY_LABELS, STAGE_LABELS } from '../../questionnaire/labels.ts';
import { askChoice, askText } from './ask.ts';
import type { WizardContext } from './context.ts';
import { itemsFromText } from '../answers/draft.ts';
import type { Step } from './flow.ts';

type Stage = (typeof STAGES)[number];
type Confidentiality = (typeof CONFIDENTIALITY)[number];


export const costCenterStep: Step<WizardContext> = (ctx) =>
  askText<string | undefined>(ctx, 'project.costCenter', {
    section: 'Tags',
    title: 'Which cost center pays for these images?',
    hint: 'Fills the CostCenter tag. Leave it empty to skip.',
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
    choices: CONFIDENTIALITY.map((level) => ({ value: level, label: CONFIDENTIALITY_LABELS[level] })),
    current: ctx.draft.project.confidentiality,
    defaultValue: 'internal',
    set: (draft, level) => void (draft.project.confidentiality = level),
  });

export const complianceStep: Step<WizardContext> = (ctx) =>
  askText<string[]>(ctx, 'project.compliance', {
    section: 'Tags',
    title: 'Which compliance frameworks must the images meet?',
    hint: 'Separate them with commas, e.g. PCI DSS, ISO 27001. Leave it empty for none.',
    current: ctx.draft.project.compliance,
    fallback: [],
    format: (items) => items.join(', '),
    parse: itemsFromText,
    set: (draft, items) => void (draft.project.compliance = items),
  });
