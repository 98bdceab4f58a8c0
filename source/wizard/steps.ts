// The wizard, in order: each screen of questionnaire/wizard-screens.ts (id, title, the fields it asks)
// with the function that asks it. The count on the welcome frame and the fields a screen can still
// change both come from that one list.
import { GUIDANCE_SCREENS, WIZARD_SCREENS } from '../../questionnaire/wizard-screens.ts';
import type { WizardScreenId } from '../../questionnaire/wizard-screens.ts';
import type { WizardContext } from './context.ts';
import type { Step, WizardStep } from './flow.ts';
import { architectureStep, osStep, projectNameStep, regionsStep, rolesStep, welcomeStep } from './steps-project.ts';
import { awsFromAutomation, configurationsFromRoles, guidanceStep } from './steps-guidance.ts';
import { recommendationStep } from './step-recommendation.ts';
import { buildSettingsStep, builderStep, configToolStep } from './steps-build.ts';
import { tagsStep } from './steps-tags.ts';
import { filesStep } from './step-files.ts';

const guidanceAsks: Record<`guidance.${string}`, Step<WizardContext>> = Object.fromEntries(
  GUIDANCE_SCREENS.map((screen) => [
    screen.id,
    guidanceStep(screen, {
      derivedDefaults: { distinctConfigurations: configurationsFromRoles, awsExperience: awsFromAutomation },
    }),
  ]),
);

// Every guidance id is in guidanceAsks (the same GUIDANCE_SCREENS list), every other id is spelled out.
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
  tags: tagsStep,
  files: filesStep,
};

export const WIZARD_STEPS: readonly WizardStep<WizardContext>[] = WIZARD_SCREENS.map((screen) => ({
  ...screen,
  ask: ASKS[screen.id]!,
}));
