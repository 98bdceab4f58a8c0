// The one typed context every wizard step works on, and the effects steps may use. Steps never touch
// React or the terminal: they await `ctx.prompts`, which the UI implements and tests replace.
import type { CliArgs } from '../cli-options.ts';
import type { Decision } from '../../questionnaire/recommend.ts';
import type { Design } from '../../questionnaire/questions.ts';
import type { Draft } from '../answers/draft.ts';
import type { FinishedRun, PlanView } from '../output/plan-text.ts';

/** What a prompt resolves to when the user asks to go back (Esc). */
export const BACK = Symbol('back');
export type Back = typeof BACK;

export interface Progress {
  step: number;
  total: number;
}

/**
 * Renumbers the running step's screens (set by runSteps): `count` screens follow its own (a "change"
 * path such as Build settings' or Tags'), and the `nth` of them is showing (0: the step's own
 * screen). Each counts as a step, so "Step N of M" stays true whichever path the user takes.
 */
export type SubSteps = (count: number, nth: number) => void;

export interface PromptChoice<V> {
  value: V;
  label: string;
}

export interface SelectRequest<V> {
  section: string;
  title: string;
  hint?: string;
  /** The longer "why this matters", shown on `?`. */
  why?: string;
  choices: readonly PromptChoice<V>[];
  /** Highlighted when the screen opens: the current answer, else the default. */
  initial: V;
  /** Marked as the default in the list. */
  defaultValue?: V;
  /** Show "why this matters" from the start (the workshop reads it aloud). */
  whyOpen?: boolean;
}

/** One of the questions a shared screen asks (SelectGroupRequest): a select's own fields; its `why` shows while it is the one being answered. */
export type SelectPart<V> = Pick<SelectRequest<V>, 'title' | 'hint' | 'why' | 'choices' | 'initial' | 'defaultValue'>;

/** Questions that share one screen, answered one after the other by picking from a list each. */
export interface SelectGroupRequest<V> {
  section: string;
  title: string;
  hint?: string;
  parts: readonly SelectPart<V>[];
  whyOpen?: boolean;
}

export interface MultiSelectRequest<V extends string> {
  section: string;
  title: string;
  hint?: string;
  /** The longer help, shown on `?`. */
  why?: string;
  choices: readonly PromptChoice<V>[];
  /** Ticked when the screen opens, in this order. */
  initial: readonly V[];
  /**
   * Typing filters the list (lower-cased when `lowerCase`); a filter that names no choice may be added
   * as one, unless `check` refuses it: it returns why (with the likely choice), which the screen shows where it was typed.
   */
  allowOther?: { lowerCase?: boolean; label: string; check?: (value: string) => string | undefined };
  /** The first ticked value is this (the build region): the screen marks it, and `b` makes another the first. */
  lead?: { label: string };
  /** A message saying what is wrong with the ticked values (in the order ticked), or undefined. */
  validate: (values: readonly V[]) => string | undefined;
}

export interface TextRequest {
  section: string;
  title: string;
  hint?: string;
  /** The longer help, shown on `?` where the screen supports it. */
  why?: string;
  initial: string;
  /** A message saying what is wrong with the value, or undefined when it may be submitted. */
  validate: (value: string) => string | undefined;
  /** A line under the field saying how the value Enter would submit is used (the project name's slug), or undefined. */
  preview?: (value: string) => string | undefined;
}

export interface RecommendationRequest {
  decision: Decision;
  /** The current choice: 'auto' accepts the recommendation. */
  current: Design | 'auto';
}

export interface PlanRequest {
  outDir: string;
  /** Where the folder is, as the user typed it (or the default). */
  outLabel: string;
  /** The plan, with its conflicts, in the words `generate` uses. */
  view: PlanView;
  dryRun: boolean;
}

/** The Files screen's answer: write (true), quit without writing (false), or save only the answers file. */
export type PlanChoice = boolean | 'save-answers';

export interface WelcomeRequest {
  /** The screens this run shows ("Step 1 of N"). */
  total: number;
  /** Where the answers that are not asked come from. */
  note?: string;
  /** A kept draft to offer: the label of the choice that resumes it ("Resume where you left off ..."). */
  resume?: string;
}

/** The welcome's answer: start (over), or resume the kept draft it offered. */
export type WelcomeChoice = 'start' | 'resume';

/** A draft an earlier run kept, offered on the welcome screen (commands/wizard-run.ts finds it). */
export interface ResumeOffer {
  /** The answers it holds, checked as an --answers file's are. */
  draft: Draft;
  /** The screen it had reached (an id of WIZARD_SCREENS). */
  screen: string;
  label: string;
  /** Deletes it: the user chose to start over. */
  discard: () => Promise<void>;
}

export interface Prompts {
  welcome(request?: WelcomeRequest): Promise<WelcomeChoice | Back>;
  select<V extends string | boolean>(request: SelectRequest<V>): Promise<V | Back>;
  /** Several questions on one screen; resolves to their answers, in the parts' order. */
  selectGroup<V extends string | boolean>(request: SelectGroupRequest<V>): Promise<V[] | Back>;
  text(request: TextRequest): Promise<string | Back>;
  /** A list where several answers may be ticked (regions, compliance); resolves to them in the order ticked. */
  multiSelect<V extends string>(request: MultiSelectRequest<V>): Promise<V[] | Back>;
  /** Resolves to 'auto' (accept) or the design the user picked instead. */
  recommendation(request: RecommendationRequest): Promise<Design | 'auto' | Back>;
  /** Shows the file plan with its conflicts; true to write, false to quit without writing, or save the answers only. */
  confirmPlan(request: PlanRequest): Promise<PlanChoice | Back>;
  /** Shows progress while `work` runs. Never cancelled part-way: Ctrl+C waits for it. */
  writing<T>(outLabel: string, count: number, work: () => Promise<T>): Promise<T>;
}

/** What a question step needs: the wizard and the workshop both provide it. */
export interface QuestionContext {
  args: Pick<CliArgs, 'yes'>;
  /** The answers being filled in; the same shape as the answers file. */
  draft: Draft;
  /** Fields the --answers file gave; their screens are skipped. */
  given: ReadonlySet<string>;
  prompts: Pick<Prompts, 'select' | 'selectGroup' | 'text'>;
  /**
   * Fields with a default derived from earlier answers (steps-guidance.ts) whose answer was that
   * default when it was given: the user did not pick it, so it follows the earlier answers.
   */
  followsDerived?: Set<string>;
}

/** The environment variables the wizard reads (AWS_REGION, AWS_DEFAULT_REGION), passed in rather than read from process.env. */
export type WizardEnv = Readonly<Record<string, string | undefined>>;

export interface WizardContext extends QuestionContext {
  args: CliArgs;
  cwd: string;
  prompts: Prompts;
  /** Aborted by Ctrl+C. */
  signal: AbortSignal;
  progress: Progress;
  /** Numbers the screens a step shows after its own; see SubSteps. */
  subSteps?: SubSteps;
  /** The environment: the default region comes from AWS_REGION or AWS_DEFAULT_REGION. */
  env?: WizardEnv;
  /** The --answers file as the user named it, when the run started from one. */
  answersFile?: string;
  /** The file's wrong values the screens ask again, one sentence each, for the welcome (ask-again.ts). */
  askedAgain?: readonly string[];
  /** The screen showing (an id of WIZARD_SCREENS), set as each step starts: where a kept draft resumes. */
  screen?: string;
  /** A kept draft to offer on the welcome screen; cleared once the user chose. */
  resume?: ResumeOffer;
  /** A line for the welcome screen (a draft that was found but ignored, and why). */
  welcomeNote?: string;
  /** Set by the files step. */
  outcome?: FinishedRun;
  /** Set by the files step when only the answers were saved: the file, as named, and the folder they are for. */
  answersSaved?: { file: string; outLabel: string; conflicts: boolean };
}
