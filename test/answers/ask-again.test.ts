// ask-again.ts: a partial answers file's wrong values, on fields a screen asks, are taken out and
// asked again with the closest allowed value; anything else keeps stopping the run.
import { describe, expect, it } from 'vitest';
import { askAgain } from '../../source/answers/ask-again.ts';
import { answeredProblems } from '../../source/answers/draft.ts';
import type { Draft } from '../../source/answers/draft.ts';
import { welcomeFor, welcomeLines } from '../../source/text/welcome-text.ts';

const draftOf = (extra: Partial<Draft>): Draft =>
  ({ version: 1, project: { name: 'demo' }, platform: {}, guidance: {}, ...extra }) as Draft;
const run = (draft: Draft, given: string[]) => askAgain(draft, new Set(given), answeredProblems(draft));

describe('askAgain', () => {
  it('a typo of an allowed value becomes that value, asked again; the field is no longer given', () => {
    const draft = draftOf({ guidance: { recoveryTime: 'minuts' as never, onPremises: true } });
    const again = run(draft, ['project', 'project.name', 'guidance', 'guidance.recoveryTime', 'guidance.onPremises'])!;
    expect(again.draft.guidance).toEqual({ recoveryTime: 'minutes', onPremises: true });
    expect([...again.given].sort()).toEqual(['guidance', 'guidance.onPremises', 'project', 'project.name']);
    expect(again.corrections).toEqual(['guidance.recoveryTime is "minuts"; did you mean "minutes"?']);
    expect(draft.guidance.recoveryTime).toBe('minuts'); // the caller's draft is left as it was
  });

  it('a value with no close match is taken out, naming what is allowed', () => {
    const again = run(draftOf({ guidance: { recoveryTime: 'fast' as never } }), ['guidance.recoveryTime'])!;
    expect(again.draft.guidance).toEqual({});
    expect(again.corrections).toEqual(['guidance.recoveryTime is "fast"; allowed: minutes, tens-of-minutes, hours']);
  });

  it('a list keeps its right entries: a region typo becomes its region, an entry with no match is dropped', () => {
    const again = run(draftOf({ platform: { regions: ['us-east-1', 'eu-wset-1', 'nowhere-at-all-9'] } }), [
      'platform.regions',
    ])!;
    expect(again.draft.platform.regions).toEqual(['us-east-1', 'eu-west-1']);
    expect(again.corrections[0]).toBe('platform.regions[1] is "eu-wset-1"; did you mean "eu-west-1"?');
    expect(again.corrections[1]).toMatch(/^platform\.regions\[2\] is "nowhere-at-all-9": /);
  });

  it('a list left empty is left unanswered, so its screen asks it from its default', () => {
    const again = run(draftOf({ platform: { regions: ['nowhere-at-all-9'] } }), ['platform.regions'])!;
    expect(again.draft.platform).toEqual({});
  });

  it('a wrong value no screen asks keeps stopping the run', () => {
    const draft = draftOf({
      project: { name: 'demo', owner: 'ops {{lookup}}' },
      guidance: { recoveryTime: 'minuts' as never },
    });
    expect(
      answeredProblems(draft)
        .map((p) => p.path)
        .sort(),
    ).toEqual(['guidance.recoveryTime', 'project.owner']);
    expect(run(draft, ['project.owner', 'guidance.recoveryTime'])).toBeUndefined();
  });

  it('a value shown on the welcome is printable and cut short, whatever the file holds', () => {
    const again = run(draftOf({ guidance: { recoveryTime: `\u001B[31m${'x'.repeat(200)}` as never } }), [
      'guidance.recoveryTime',
    ])!;
    expect(again.corrections[0]).not.toContain('\u001B');
    expect(again.corrections[0]!.length).toBeLessThan(120);
  });
});

describe('the welcome with values asked again', () => {
  it('names at most three and counts the rest, within 80x24', () => {
    const corrections = Array.from({ length: 6 }, (_, i) => `guidance.q${i} is "x"; allowed: a, b, c`);
    const { total, note } = welcomeFor(new Set(['project.name']), 'team.yaml', corrections);
    const lines = welcomeLines(80, total, note);
    expect(lines.join('\n')).toContain('team.yaml has 6 values the wizard asks again:');
    expect(lines.join('\n')).toContain('• and 4 more, each on its screen');
    expect(lines.filter((line) => line.startsWith('• '))).toHaveLength(3);
    expect(lines.length).toBeLessThanOrEqual(22);
  });
});
