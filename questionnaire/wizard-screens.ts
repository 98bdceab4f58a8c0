// The wizard's screens in order, as data: an id, a short title and the answer fields each asks. The
// wizard attaches an ask function to every id (source/wizard/steps.ts); the welcome frame counts
// them and the choice filter knows which fields a screen can still change. Kept here, pure and
// free of the screens, so the first frame (drawn before anything else loads) can count them too.
import { QUESTION_KEYS, QUESTIONS } from './questions.ts';
import type { QuestionKey } from './questions.ts';
import type { AnswerPath } from './answer-paths.ts';

export interface WizardScreen {
  id: string;
  title: string;
  /** The answer fields (dotted paths) the screen asks; none for welcome and files. */
  fields: readonly AnswerPath[];
}

/** A screen of guidance questions: one question, or the few that share a screen. */
export interface GuidanceScreen {
  id: `guidance.${string}`;
  /** The questions it asks, in QUESTION_KEYS order. */
  keys: readonly QuestionKey[];
  /** The question's prompt; a shared screen's own title and hint. */
  title: string;
  hint?: string;
}

// The two experience questions share a screen. They were one question ("AWS and configuration
// automation") until the model split them; on two screens in a row the second reads like the first
// asked again, while side by side under one title the difference is plain: a team can know AWS well
// and be new to configuration automation, or the other way round. Two short lists, each with its own
// default, are easier to answer than one list of nine combinations, and the wizard has one screen
// more than before the split (the pipeline question), not two.
const SHARED_SCREENS: readonly GuidanceScreen[] = [
  {
    id: 'guidance.experience',
    keys: ['awsExperience', 'automationExperience'],
    title: 'How experienced is the team?',
    hint: 'Two answers: with AWS itself, and with configuration automation. A team can know one well and be new to the other.',
  },
];

/** The guidance questions as the wizard and the workshop ask them: a screen each, but SHARED_SCREENS share one. */
export const GUIDANCE_SCREENS: readonly GuidanceScreen[] = QUESTION_KEYS.flatMap((key): GuidanceScreen[] => {
  const shared = SHARED_SCREENS.find((screen) => screen.keys.includes(key));
  if (!shared) return [{ id: `guidance.${key}`, keys: [key], title: QUESTIONS[key].prompt }];
  return shared.keys[0] === key ? [shared] : [];
});

/** Where a guidance screen's questions are among them all: "Question 3 of 11", "Questions 7 and 8 of 11". */
export function questionsSection(keys: readonly QuestionKey[]): string {
  const numbers = keys.map((key) => QUESTION_KEYS.indexOf(key) + 1);
  const which =
    numbers.length === 1
      ? `Question ${numbers[0]}`
      : `Questions ${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1)}`;
  return `${which} of ${QUESTION_KEYS.length}`;
}

const guidanceScreens = GUIDANCE_SCREENS.map((screen) => ({
  id: screen.id,
  title: screen.title,
  fields: screen.keys.map((key): AnswerPath => `guidance.${key}`),
}));

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
  // One screen that keeps the default tags unless the user chooses to change them (issue 21: four
  // screens of tags after the build screens made the wizard long for answers most teams keep).
  {
    id: 'tags',
    title: 'Tags',
    fields: ['project.costCenter', 'project.stage', 'project.confidentiality', 'project.compliance'],
  },
  { id: 'files', title: 'Files', fields: [] },
] as const satisfies readonly WizardScreen[];

export type WizardScreenId = (typeof WIZARD_SCREENS)[number]['id'];

/** How many screens the full wizard has (the welcome frame's "Step 1 of N"). */
export const WIZARD_STEP_COUNT = WIZARD_SCREENS.length;

/** Every field a screen asks; one the --answers file gives skips that screen. */
export const ASKED_FIELDS: readonly AnswerPath[] = WIZARD_SCREENS.flatMap((screen) => screen.fields);

/** A screen is shown unless every field it asks is already given (welcome and files always are). */
export const screenIsShown = (screen: WizardScreen, given: ReadonlySet<string>): boolean =>
  screen.fields.length === 0 || screen.fields.some((field) => !given.has(field));

/** The number of screens a run with these given fields shows: the "N" of "Step n of N". */
export const shownScreenCount = (given: ReadonlySet<string>): number =>
  WIZARD_SCREENS.filter((s) => screenIsShown(s, given)).length;
