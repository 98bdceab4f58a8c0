// roles[].software: a package name, or {name, installMinutes, changes}. What is accepted, what is
// refused and with which message (the field's path and the fix), on both paths: zod with
// diagnoseAnswers' wording, and the quick path (the compiled JSON Schema and the shared rules).
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import * as z from 'zod/mini';
import { AnswersSchema } from '../../questionnaire/answers-schema.ts';
import { diagnoseAnswers } from '../../source/answers/diagnostics.ts';
import { checkAnswers } from '../../source/answers/quick-check.ts';
import { minimalAnswers } from '../support/answers.ts';

/** zod's verdict (the quick path must agree) and, when it refuses, the message a user reads. */
function verdict(roles: unknown, patch: (a: Record<string, any>) => void = () => undefined) {
  const a = minimalAnswers();
  a.roles = roles;
  patch(a);
  const result = z.safeParse(AnswersSchema, structuredClone(a));
  expect(checkAnswers(structuredClone(a)) !== undefined, JSON.stringify(roles)).toBe(result.success);
  if (result.success) return { ok: true as const, answers: result.data, message: '' };
  let message = '';
  try {
    diagnoseAnswers(stringify(a), 'answers.yaml');
  } catch (error) {
    message = (error as Error).message;
  }
  return { ok: false as const, answers: undefined, message };
}

describe('a software entry: a name, or a mapping', () => {
  it('accepts the object form beside plain names, keeping only what it gives (placement fills in the defaults)', () => {
    const { ok, answers } = verdict([
      { name: 'web', software: ['nginx', { name: 'jq', installMinutes: 1, changes: 'daily' }, { name: 'curl' }] },
    ]);
    expect(ok).toBe(true);
    expect(answers!.roles[0]!.software).toEqual([
      'nginx',
      { name: 'jq', installMinutes: 1, changes: 'daily' },
      { name: 'curl' },
    ]);
  });

  it.each([0, 240])('accepts installMinutes %d', (installMinutes) => {
    expect(verdict([{ name: 'web', software: [{ name: 'nginx', installMinutes }] }]).ok).toBe(true);
  });

  it.each([
    [{ name: 'nginx', installMinutes: 241 }, /roles\[0\]\.software\[0\]\.installMinutes must be at most 240/],
    [{ name: 'nginx', installMinutes: -1 }, /roles\[0\]\.software\[0\]\.installMinutes must be at least 0/],
    [
      { name: 'nginx', installMinutes: 1.5 },
      /roles\[0\]\.software\[0\]\.installMinutes must be a whole number, not 1\.5/,
    ],
    [
      { name: 'nginx', changes: 'hourly' },
      /roles\[0\]\.software\[0\]\.changes is "hourly"; allowed: rarely, monthly, weekly, daily/,
    ],
    [
      { name: '-oDPkg::Pre-Invoke=x' },
      /roles\[0\]\.software\[0\]\.name is "-oDPkg::Pre-Invoke=x"; expected a package name/,
    ],
    [{ name: "{{ lookup('pipe', 'id') }}" }, /roles\[0\]\.software\[0\]\.name is .*; expected a package name/],
    [{ installMinutes: 3 }, /missing required answer roles\[0\]\.software\[0\]\.name/],
    [
      { name: 'nginx', minutes: 3 },
      /unknown key "minutes" in roles\[0\]\.software\[0\]\. Known keys: name, installMinutes, changes/,
    ],
    [42, /roles\[0\]\.software\[0\] must be a text value, or a mapping with name, installMinutes, changes, not 42/],
  ])('refuses %j, naming the field and the fix', (entry, message) => {
    const result = verdict([{ name: 'web', software: [entry] }]);
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(message);
  });

  it("checks the object's name against the OS's package grammar, at its name", () => {
    const result = verdict(
      [{ name: 'web', software: ['nginx', { name: 'Nginx_Server' }] }],
      (a) => (a.platform = { os: 'ubuntu-24.04' }),
    );
    expect(result.message).toMatch(
      /answers\.yaml:\d+:\d+: roles\[0\]\.software\[1\]\.name: "Nginx_Server" is not an apt package name/,
    );
  });
});

describe('a package is one package', () => {
  it('refuses a package listed twice in one role, plain or as a mapping, pointing at the second', () => {
    const result = verdict([{ name: 'web', software: ['nginx', 'curl', { name: 'nginx', installMinutes: 3 }] }]);
    expect(result.message).toMatch(
      /roles\[0\]\.software\[2\]\.name: "nginx" is already listed at roles\[0\]\.software\[0\]; list each package once per role/,
    );
  });

  it('refuses two roles that say different things of it, and accepts one that says nothing', () => {
    const differ = verdict([
      { name: 'web', software: [{ name: 'jq', changes: 'daily' }] },
      { name: 'api', software: [{ name: 'jq', changes: 'monthly' }] },
    ]);
    expect(differ.message).toMatch(
      /roles\[1\]\.software\[0\]\.changes: "jq" has changes "daily" in role web and "monthly" here; .*give it the same changes, or set changes in one role only/,
    );
    expect(
      verdict([
        { name: 'web', software: [{ name: 'jq', changes: 'daily' }] },
        { name: 'api', software: ['jq', { name: 'curl' }] },
      ]).ok,
    ).toBe(true);
    // The message names the role that gave the first value, not the first role to list the package.
    const third = verdict([
      { name: 'web', software: [{ name: 'jq' }] },
      { name: 'api', software: [{ name: 'jq', installMinutes: 1 }] },
      { name: 'worker', software: [{ name: 'jq', installMinutes: 9 }] },
    ]);
    expect(third.message).toMatch(
      /roles\[2\]\.software\[0\]\.installMinutes: "jq" has installMinutes 1 in role api and 9 here/,
    );
  });

  it('refuses a baseline Software tag longer than 256 characters: the shared packages and the agents', () => {
    const shared = Array.from({ length: 13 }, (_, i) => `package-number-${i}`);
    const result = verdict([
      { name: 'web', software: shared },
      { name: 'api', software: shared },
    ]);
    expect(result.message).toMatch(
      /roles: the packages every role lists \(package-number-0, .*\) are baked into the shared baseline, whose Software tag also names its agents and must fit 256 characters/,
    );
    // The same list in one role only fits its role image's tag.
    expect(
      verdict([
        { name: 'web', software: shared },
        { name: 'api', software: [] },
      ]).ok,
    ).toBe(true);
  });
});
