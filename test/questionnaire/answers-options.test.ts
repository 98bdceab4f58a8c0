// The answers that decide where images live, how they are keyed and tagged: what is accepted, what
// is refused and with which message (the field's path and the fix).
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { AnswersSchema } from '../../questionnaire/answers-schema.ts';
import { checkAnswers } from '../../source/answers/quick-check.ts';
import { minimalAnswers } from '../support/answers.ts';

function verdict(patch: (a: Record<string, any>) => void) {
  const a = minimalAnswers();
  patch(a);
  const result = z.safeParse(AnswersSchema, structuredClone(a));
  // The quick path (compiled JSON Schema + the shared rules) must agree with zod.
  expect(checkAnswers(structuredClone(a)) !== undefined).toBe(result.success);
  return result.success
    ? { ok: true as const, messages: [] }
    : { ok: false as const, messages: result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
}

describe('regions: every region the images must be in, the first being the build region', () => {
  it('accepts more than one region, and copyToRegions beside them', () => {
    expect(
      verdict(
        (a) => ((a.platform = { regions: ['us-east-1', 'us-west-2'] }), (a.options = { copyToRegions: ['eu-west-1'] })),
      ).ok,
    ).toBe(true);
  });

  it('refuses a region listed twice, in regions or across copyToRegions, naming both fields', () => {
    const twice = verdict((a) => (a.platform = { regions: ['us-east-1', 'us-east-1'] }));
    expect(twice.messages.join('\n')).toMatch(/platform\.regions.*us-east-1.*twice/);
    const across = verdict(
      (a) => ((a.platform = { regions: ['us-east-1', 'us-west-2'] }), (a.options = { copyToRegions: ['us-west-2'] })),
    );
    expect(across.messages.join('\n')).toMatch(/options\.copyToRegions.*us-west-2.*already in platform\.regions/);
  });
});

describe('KMS keys and copies', () => {
  const shared = { accounts: ['111122223333'] };
  it('an alias works in every region', () => {
    expect(
      verdict(
        (a) => (
          (a.platform = { regions: ['us-east-1', 'eu-west-1'] }),
          (a.options = { kmsKeyId: 'alias/images', shareWith: shared })
        ),
      ).ok,
    ).toBe(true);
  });

  it('a key ARN with copies needs a key for each copy region', () => {
    const arn = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    const missing = verdict(
      (a) => (
        (a.platform = { regions: ['us-east-1', 'eu-west-1'] }), (a.options = { kmsKeyId: arn, shareWith: shared })
      ),
    );
    expect(missing.messages.join('\n')).toMatch(/options\.regionKmsKeyIds.*eu-west-1/);
    const given = verdict((a) => {
      a.platform = { regions: ['us-east-1', 'eu-west-1'] };
      a.options = {
        kmsKeyId: arn,
        shareWith: shared,
        regionKmsKeyIds: { 'eu-west-1': 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab' },
      };
    });
    expect(given.ok).toBe(true);
  });

  it('refuses a per-region key for a region the images are not copied to', () => {
    const stray = verdict(
      (a) => (a.options = { kmsKeyId: 'alias/images', regionKmsKeyIds: { 'eu-west-1': 'alias/images' } }),
    );
    expect(stray.messages.join('\n')).toMatch(/options\.regionKmsKeyIds.*eu-west-1.*not a copy region/);
  });
});

describe('tags an instance can carry in its metadata', () => {
  it.each(['Team Name', 'team/x'])('refuses the tag key %j (instance metadata tags cannot hold it)', (key) => {
    expect(verdict((a) => (a.tags = { [key]: { value: 'x' } })).ok).toBe(false);
  });

  it('refuses Owner as an extra tag: project.owner sets it', () => {
    expect(verdict((a) => (a.tags = { owner: { value: 'x' } })).messages.join('\n')).toMatch(/Owner/);
  });
});

describe('options the guidance answers use', () => {
  it('manual capture steps and a Session Manager build are accepted', () => {
    expect(
      verdict((a) => {
        a.guidance.manualSteps = true;
        a.options = {
          manualCaptureSteps: ['Activate the licence of the vendor agent'],
          sessionManager: { instanceProfile: 'packer-build' },
        };
      }).ok,
    ).toBe(true);
  });

  it('a Session Manager build on Windows is refused (Packer tunnels only SSH through it)', () => {
    const result = verdict(
      (a) => (
        (a.platform = { os: 'windows-server-2022' }),
        (a.options = { sessionManager: { instanceProfile: 'packer-build' } })
      ),
    );
    expect(result.messages.join('\n')).toMatch(/options\.sessionManager/);
  });
});
