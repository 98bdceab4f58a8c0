// Prompts that stand in for the screens: each records its request and answers like a user pressing
// Enter (the initial value), unless `answer` returns something else. Steps only ever await
// ctx.prompts, so flows run in-process without a terminal.
import { join } from 'node:path';
import { parseArgs } from '../../source/cli-options.ts';
import type { Prompts, WizardContext } from '../../source/wizard/context.ts';
import { emptyDraft } from '../../source/answers/draft.ts';

export interface Call {
  kind: keyof Prompts;
  title: string;
  request: any;
  /** The progress the step showed the screen with. */
  progress?: { step: number; total: number };
}
export type Answer = (call: Call) => unknown;

export function scripted(answer: Answer = () => undefined, progress?: () => { step: number; total: number }) {
  const calls: Call[] = [];
  const reply = (kind: keyof Prompts, title: string, request: any, enter: unknown) => {
    const call: Call = { kind, title, request, progress: progress?.() };
    calls.push(call);
    const given = answer(call);
    return Promise.resolve(given === undefined ? enter : given);
  };
  const prompts: Prompts = {
    welcome: (r) => reply('welcome', 'welcome', r ?? {}, 'start') as never,
    select: (r) => reply('select', r.title, r, r.initial) as never,
    selectGroup: (r) =>
      reply(
        'selectGroup',
        r.title,
        r,
        r.parts.map((part) => part.initial),
      ) as never,
    text: (r) => reply('text', r.title, r, r.initial) as never,
    multiSelect: (r) => reply('multiSelect', r.title, r, [...r.initial]) as never,
    recommendation: (r) => reply('recommendation', 'recommendation', r, 'auto') as never,
    confirmPlan: (r) => reply('confirmPlan', 'plan', r, true) as never,
    writing: async (_label, _count, work) => (calls.push({ kind: 'writing', title: 'writing', request: {} }), work()),
  };
  return { prompts, calls };
}

export function wizardContext(
  dir: string,
  argv: string[],
  prompts: Prompts,
  overrides: Partial<WizardContext> = {},
): WizardContext {
  return {
    args: parseArgs(argv),
    cwd: join(dir, 'shop'),
    draft: emptyDraft(),
    given: new Set(),
    prompts,
    signal: new AbortController().signal,
    progress: { step: 0, total: 0 },
    env: {},
    ...overrides,
  };
}
