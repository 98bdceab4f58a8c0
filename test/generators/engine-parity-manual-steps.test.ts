// Issue 19, two engines with one meaning: manual steps. Packer pauses a build for them (a breakpoint);
// an Image Builder pipeline builds, tests and distributes without a person. So an engine that cannot
// pause is refused with the manual steps, rather than shipping images that skipped them.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { AnswersSchema } from '../../questionnaire/answers-schema.ts';
import { main } from '../../source/main.ts';
import { checkAnswers } from '../../source/answers/quick-check.ts';
import { keepsValid } from '../../source/answers/draft.ts';
import type { Draft } from '../../source/answers/draft.ts';
import { minimalAnswers, tempDir, writeAnswers } from '../support/answers.ts';
import { captureIO } from '../support/command-io.ts';

const withManualSteps = (builder: string) => {
  const a = minimalAnswers();
  a.builder = builder;
  a.strategy = 'hybrid';
  a.guidance.manualSteps = true;
  a.options = { manualCaptureSteps: ['Activate the vendor licence'] };
  return a;
};

describe('manual steps need an engine that can pause for them', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it.each(['both', 'image-builder'])(
    'builder %s with guidance.manualSteps is refused, naming the field and the fix',
    (builder) => {
      const a = withManualSteps(builder);
      const result = z.safeParse(AnswersSchema, structuredClone(a));
      expect(result.success).toBe(false);
      // The quick path (compiled JSON Schema and the shared rules) refuses it too.
      expect(checkAnswers(structuredClone(a))).toBeUndefined();
      const messages = result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
      expect(messages.join('\n')).toMatch(/^builder: .*guidance\.manualSteps.*Image Builder.*builder: packer/m);
    },
  );

  it('packer with manual steps is accepted (its builds pause at a breakpoint)', () => {
    expect(z.safeParse(AnswersSchema, withManualSteps('packer')).success).toBe(true);
  });

  it('the command exits 2 with that message and writes nothing', async () => {
    const file = writeAnswers(dir, withManualSteps('both'));
    const out = join(dir, 'out');
    const { io, stderr } = captureIO({ cwd: dir });
    expect(await main(['--answers', file, '--out', out], io)).toBe(2);
    expect(stderr()).toMatch(/builder.*guidance\.manualSteps/s);
    expect(existsSync(out)).toBe(false);
  });

  it('the wizard offers only Packer once manual steps are answered yes', () => {
    const draft: Draft = {
      version: 1,
      project: { name: 'demo' },
      platform: {},
      guidance: { ...withManualSteps('packer').guidance },
    };
    const offered = (builder: 'packer' | 'image-builder' | 'both') =>
      keepsValid(draft, (copy) => void (copy.builder = builder), ['guidance.manualSteps']);
    expect([offered('packer'), offered('image-builder'), offered('both')]).toEqual([true, false, false]);
  });
});
