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

export interface TextRequest {
  section: string;
  title: string;
  hint?: string;
  initial: string;
  /** A message saying what is wrong with the value, or undefined when it may be submitted. */
  validate: (value: string) => string | undefined;
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

export interface Prompts {
  welcome(): Promise<void | Back>;
  select<V extends string | boolean>(request: SelectRequest<V>): Promise<V | Back>;
  text(request: TextRequest): Promise<string | Back>;
  /** Resolves to 'auto' (accept) or the design the user picked instead. */
  recommendation(request: RecommendationRequest): Promise<Design | 'auto' | Back>;
  /** Shows the file plan with its conflicts; true to write, false to quit without writing. */
  confirmPlan(request: PlanRequest): Promise<boolean | Back>;
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
  prompts: Pick<Prompts, 'select' | 'text'>;
}

export interface WizardContext extends QuestionContext {
  args: CliArgs;
  cwd: string;
  prompts: Prompts;
  /** Aborted by Ctrl+C. */
  signal: AbortSignal;
  progress: Progress;
  /** Set by the files step. */
  outcome?: FinishedRun;
}
