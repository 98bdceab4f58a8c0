// Kept drafts (issue 21, item 3): where they go, what their text is, and how a draft file someone
// else may have written is read back: never trusted, never a crash.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { draftText, parseDraft } from '../../source/answers/draft-file.ts';
import { DRAFT_DAYS, draftPath, draftsFolder } from '../../source/answers/draft-location.ts';
import { answeredCount, emptyDraft } from '../../source/answers/draft.ts';
import type { Draft } from '../../source/answers/draft.ts';
import { draftKeptLine, homeShortened, resumeLabel, savedTime } from '../../source/text/draft-text.ts';

const NOW = new Date('2026-12-06T19:30:00Z');
const DAY = 24 * 60 * 60 * 1000;

function someAnswers(): Draft {
  const draft = emptyDraft();
  draft.project.name = 'web-shop';
  draft.platform.os = 'ubuntu-24.04';
  draft.guidance.recoveryTime = 'minutes';
  return draft;
}

const keptText = (savedAt = NOW, screen = 'architecture', draft = someAnswers()) => draftText(draft, screen, savedAt)!;

describe('where a draft is kept', () => {
  it('AMI_WIZARD_STATE_DIR, then XDG_STATE_HOME, then ~/.local/state; relative values are ignored', () => {
    expect(draftsFolder({ AMI_WIZARD_STATE_DIR: '/s', XDG_STATE_HOME: '/x', HOME: '/h' })).toBe('/s/drafts');
    expect(draftsFolder({ XDG_STATE_HOME: '/x', HOME: '/h' })).toBe('/x/ami-wizard/drafts');
    expect(draftsFolder({ HOME: '/h' })).toBe('/h/.local/state/ami-wizard/drafts');
    // A relative value would put the draft in the folder the wizard runs in: never.
    expect(draftsFolder({ AMI_WIZARD_STATE_DIR: 'state', XDG_STATE_HOME: '.', HOME: '/h' })).toBe(
      '/h/.local/state/ami-wizard/drafts',
    );
    expect(draftsFolder({ HOME: 'relative' })).toBeUndefined();
    expect(draftsFolder({})).toBeUndefined();
  });

  it('is named by the first 16 hex digits of the sha256 of the output folder', () => {
    const hash = createHash('sha256').update('/home/ana/web-shop/ami-build').digest('hex').slice(0, 16);
    expect(draftPath('/s/drafts', '/home/ana/web-shop/ami-build')).toBe(`/s/drafts/${hash}.yaml`);
    expect(draftPath('/s/drafts', '/home/ana/other/ami-build')).not.toBe(
      draftPath('/s/drafts', '/home/ana/web-shop/ami-build'),
    );
  });
});

describe('a draft file', () => {
  it('reads back the answers, the screen reached (as its step) and when', () => {
    const kept = parseDraft(keptText(), NOW, 'd.yaml');
    expect(kept.kind).toBe('fresh');
    if (kept.kind !== 'fresh') return;
    expect(kept.prefill.draft).toEqual(someAnswers());
    expect(kept.screen).toBe('architecture');
    expect(kept.step).toBe(4);
    expect(kept.savedAt).toEqual(NOW);
  });

  it(`is offered for ${DRAFT_DAYS} days, and expired after`, () => {
    expect(parseDraft(keptText(new Date(NOW.getTime() - DRAFT_DAYS * DAY + 60_000)), NOW, 'd').kind).toBe('fresh');
    expect(parseDraft(keptText(new Date(NOW.getTime() - DRAFT_DAYS * DAY - 60_000)), NOW, 'd').kind).toBe('expired');
  });

  it('counts only the answers given on screen, not those an --answers file gave', () => {
    expect(answeredCount(emptyDraft())).toBe(0);
    expect(answeredCount(someAnswers())).toBe(3);
    expect(answeredCount(someAnswers(), new Set(['project.name']))).toBe(2);
  });

  it('is never written with a value that looks like a secret', () => {
    const draft = someAnswers();
    draft.project.costCenter = 'password=hunter22';
    expect(draftText(draft, 'stage', NOW)).toBeUndefined();
  });

  const hostile: [string, string][] = [
    ['not YAML', 'savedAt: [unclosed\n'],
    ['a list', '- 1\n- 2\n'],
    ['no date', 'screen: os\nanswers: {version: 1}\n'],
    ['a date from the future', keptText(new Date(NOW.getTime() + DAY))],
    ['a screen that does not exist', keptText(NOW, 'rm -rf /')],
    ['no answers', `savedAt: ${NOW.toISOString()}\nscreen: os\n`],
    ['answers of another version', `savedAt: ${NOW.toISOString()}\nscreen: os\nanswers: {version: 2}\n`],
    ['an unknown answer', `savedAt: ${NOW.toISOString()}\nscreen: os\nanswers: {version: 1, run: 'curl x | sh'}\n`],
    ['a wrong value', `savedAt: ${NOW.toISOString()}\nscreen: os\nanswers: {version: 1, platform: {os: windows-95}}\n`],
    [
      'a section that is not a mapping',
      `savedAt: ${NOW.toISOString()}\nscreen: os\nanswers: {version: 1, project: [1]}\n`,
    ],
    [
      'a secret',
      `savedAt: ${NOW.toISOString()}\nscreen: os\nanswers: {version: 1, project: {costCenter: password=hunter22}}\n`,
    ],
    [
      'aliases',
      `savedAt: ${NOW.toISOString()}\nscreen: os\na: &a [x, x, x]\nb: &b [*a, *a, *a]\nanswers: {version: 1}\n`,
    ],
    [
      'a JavaScript tag',
      `savedAt: ${NOW.toISOString()}\nscreen: os\nanswers: !!js/function "function () { return 1 }"\n`,
    ],
  ];
  it.each(hostile)('with %s is ignored, with a reason', (_what, text) => {
    const kept = parseDraft(text, NOW, 'd.yaml');
    expect(kept.kind).toBe('invalid');
    if (kept.kind === 'invalid') expect(kept.reason).toMatch(/^its? /);
  });
});

describe('what the wizard says about a draft', () => {
  it('one line after a cancelled run: how many answers, where, how to resume, for how long', () => {
    expect(draftKeptLine(15, '~/.local/state/ami-wizard/drafts/0123456789abcdef.yaml', 7)).toBe(
      'Draft kept: 15 answers, in ~/.local/state/ami-wizard/drafts/0123456789abcdef.yaml. Run ami-wizard again in this folder to resume (kept 7 days).',
    );
    expect(draftKeptLine(1, 'f', 7, { out: 'build' })).toMatch(
      /^Draft kept: 1 answer, in f\. Run ami-wizard --out build again/,
    );
    expect(draftKeptLine(2, 'f', 7, { fromAnswers: true })).toContain('without --answers, to resume');
  });

  it('the home folder shows as ~', () => {
    expect(homeShortened('/home/ana/.local/state/x.yaml', '/home/ana')).toBe('~/.local/state/x.yaml');
    expect(homeShortened('/home/anabel/x.yaml', '/home/ana')).toBe('/home/anabel/x.yaml');
    expect(homeShortened('/x.yaml', undefined)).toBe('/x.yaml');
  });

  it('the resume offer names the step and the time it was saved, with the day when not today', () => {
    const saved = new Date(2026, 11, 6, 9, 5);
    expect(savedTime(saved, new Date(2026, 11, 6, 18, 0))).toBe('09:05');
    expect(savedTime(saved, new Date(2026, 11, 8, 18, 0))).toBe('6 Dec 09:05');
    expect(resumeLabel(16, saved, new Date(2026, 11, 6, 18, 0))).toBe(
      'Resume where you left off (step 16, saved 09:05)',
    );
  });
});
