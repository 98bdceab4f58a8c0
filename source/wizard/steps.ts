// The wizard, in order: each screen of questionnaire/wizard-screens.ts (id, title, the fields it asks)
// with the function that asks it. The count on the welcome frame and the fields a screen can still
// change both come from that one list.
import { QUESTION_KEYS } from '../../questionnaire/questions.ts';
import { WIZARD_SCREENS } from '../../questionnaire/wizard-screens.ts';
import type { WizardScreenId } from '../../questionnaire/wizard-screens.ts';
import type { WizardContext } from './context.ts';
import type { Step, WizardStep } from './flow.ts';
import { architectureStep, osStep, projectNameStep, regionsStep, rolesStep, welcomeStep } from './steps-project.ts';
import { configurationsFromRoles, guidanceStep } from './steps-guidance.ts';
import { recommendationStep } from './step-recommendation.ts';
import { buildSettingsStep, builderStep, configToolStep } from './steps-build.ts';
import { complianceStep, confidentialityStep, costCenterStep, stageStep } from './steps-tags.ts';
import { filesStep } from './step-files.ts';

const guidanceAsks = Object.fromEntries(
  QUESTION_KEYS.map((key, index) => [
    `guidance.${key}`,
    key === 'distinctConfigurations' ? guidanceStep(key, index, { derivedDefault: configurationsFromRoles }) : guidanceStep(key, index),
  ]),
) as unknown as Record<`guidance.${(typeof QUESTION_KEYS)[number]}`, Step<WizardContext>>;

const ASKS: Record<WizardScreenId, Step<WizardContext>> = {
  welcome: welcomeStep,
  'project-name': projectNameStep,
  os: osStep,
  architecture: architectureStep,
  regions: regionsStep,
  roles: rolesStep,
  ...guidanceAsks,
  recommendation: recommendationStep,
  builder: builderStep,
  'config-tool': configToolStep,
  'build-settings': buildSettingsStep,
  'cost-center': costCenterStep,
  stage: stageStep,
  confidentiality: confidentialityStep,
  compliance: complianceStep,
  files: filesStep,
};

export const WIZARD_STEPS: readonly WizardStep<WizardContext>[] = WIZARD_SCREENS.map((screen) => ({ ...screen, ask: ASKS[screen.id] }));
