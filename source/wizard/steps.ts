// The wizard, in order. Each step is a plain function over the WizardContext.
import type { WizardContext } from './context.ts';
import type { Step } from './flow.ts';
import { architectureStep, osStep, projectNameStep, regionsStep, rolesStep, welcomeStep } from './steps-project.ts';
import { guidanceSteps } from './steps-guidance.ts';
import { recommendationStep } from './step-recommendation.ts';
import { complianceStep, confidentialityStep, costCenterStep, stageStep } from './steps-tags.ts';
import { filesStep } from './step-files.ts';

export const WIZARD_STEPS: readonly Step<WizardContext>[] = [
  welcomeStep,
  projectNameStep,
  osStep,
  architectureStep,
  regionsStep,
  rolesStep,
  ...guidanceSteps,
  recommendationStep,
  costCenterStep,
  stageStep,
  confidentialityStep,
  complianceStep,
  filesStep,
];
