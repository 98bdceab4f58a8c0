// Short names for the places where the full question or design name does not fit: the what-if
// lines, the trade-off table and the workshop board.
import type { Design, QuestionKey } from '../../questionnaire/questions.ts';

export const QUESTION_LABELS: Record<QuestionKey, string> = {
  recoveryTime: 'Recovery time',
  baselineStability: 'Baseline changes',
  appReleaseCadence: 'App releases',
  manualSteps: 'Manual steps',
  onPremises: 'On-premises too',
  existingTooling: 'Existing tooling',
  automationExperience: 'Team experience',
  distinctConfigurations: 'Server roles',
  latestAtLaunch: 'Latest at launch',
};

export const SHORT_DESIGN_LABELS: Record<Design, string> = {
  'fully-baked': 'Fully baked',
  hybrid: 'Hybrid',
  jeos: 'JeOS',
};
