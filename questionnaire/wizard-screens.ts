// The wizard's screens in order, as data: an id, a short title and the answer fields each asks. The
// wizard attaches an ask function to every id (source/wizard/steps.ts); the welcome frame counts
// them and the choice filter knows which fields a screen can still change. Kept here, pure and
// free of the screens, so the first frame (drawn before anything else loads) can count them too.
import { QUESTION_KEYS, QUESTIONS } from './questions.ts';

export interface WizardScreen {
  id: string;
  title: string;
  /** The answer fields (dotted paths) the screen asks; none for welcome and files. */
  fields: readonly string[];
}

const guidanceScreens = QUESTION_KEYS.map((key) => ({ id: `guidance.${key}`, title: QUESTIONS[key].prompt, fields: [`guidance.${key}`] }) as const);

export const WIZARD_SCREENS = [
  { id: 'welcome', title: 'Welcome', fields: [] },
  { id: 'project-name', title: 'Project name', fields: ['project.name'] },
  { id: 'os', title: 'Operating system', fields: ['platform.os'] },
  { id: 'architecture', title: 'CPU architecture', fields: ['platform.architecture'] },
  { id: 'regions', title: 'Regions', fields: ['platform.regions'] },
  { id: 'roles', title: 'Server roles', fields: ['roles'] },
  ...guidanceScreens,
  { id: 'recommendation', title: 'Recommendation', fields: ['strategy'] },
  { id: 'builder', title: 'Build engine', fields: ['builder'] },
  { id: 'config-tool', title: 'Configuration tool', fields: ['configManagement'] },
  { id: 'build-settings', title: 'Build settings', fields: ['platform.instanceType', 'options.githubActions'] },
  { id: 'cost-center', title: 'Cost center', fields: ['project.costCenter'] },
  { id: 'stage', title: 'Stage', fields: ['project.stage'] },
  { id: 'confidentiality', title: 'Confidentiality', fields: ['project.confidentiality'] },
  { id: 'compliance', title: 'Compliance', fields: ['project.compliance'] },
  { id: 'files', title: 'Files', fields: [] },
] as const satisfies readonly WizardScreen[];

export type WizardScreenId = (typeof WIZARD_SCREENS)[number]['id'];

/** How many screens the full wizard has (the welcome frame's "Step 1 of N"). */
export const WIZARD_STEP_COUNT = WIZARD_SCREENS.length;

/** Every field a screen asks; one the --answers file gives skips that screen. */
export const ASKED_FIELDS: readonly string[] = WIZARD_SCREENS.flatMap((screen) => screen.fields);

/** A screen is shown unless every field it asks is already given (welcome and files always are). */
export const screenIsShown = (screen: WizardScreen, given: ReadonlySet<string>): boolean =>
  screen.fields.length === 0 || screen.fields.some((field) => !given.has(field));

/** The number of screens a run with these given fields shows: the "N" of "Step n of N". */
export const shownScreenCount = (given: ReadonlySet<string>): number => WIZARD_SCREENS.filter((s) => screenIsShown(s, given)).length;
