// `ami-wizard recommend` names the engine the answers choose (issue 15), in the words the wizard uses.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseArgs } from '../../source/cli-options.ts';
import { recommendCommand } from '../../source/commands/recommend.ts';
import { BUILDER_LABELS } from '../../questionnaire/labels.ts';
import { captureIO } from '../support/command-io.ts';
import { MINIMAL_YAML, tempDir, writeAnswers } from '../support/answers.ts';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

describe('recommend names the build engine', () => {
  for (const [builder, folders] of [
    ['packer', 'packer/'],
    ['image-builder', 'imagebuilder/'],
    ['both', 'packer/ and imagebuilder/'],
  ] as const) {
    it(builder, async () => {
      const file = writeAnswers(dir, `${MINIMAL_YAML}builder: ${builder}\n`, `${builder}.yaml`);
      const { io, stdout } = captureIO({ cwd: dir });
      expect(await recommendCommand(parseArgs(['recommend', '--answers', file]), io)).toBe(0);
      expect(stdout().split('\n')[1]).toBe(`Built with: ${BUILDER_LABELS[builder]} (${folders})`);
    });
  }

  it('without a builder answer, the default (Packer) is named', async () => {
    const file = writeAnswers(dir, MINIMAL_YAML, 'minimal.yaml');
    const { io, stdout } = captureIO({ cwd: dir });
    await recommendCommand(parseArgs(['recommend', '--answers', file]), io);
    expect(stdout()).toContain('Built with: Packer (packer/)');
  });
});
