// BASE_SCRIPTS is the one list of the base image's build scripts: Packer's base provisioner and
// Image Builder's components run them from it, and no template lists them by hand.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BASE_SCRIPTS } from '../../generators/platforms.ts';
import { minimalAnswers } from '../support/answers.ts';
import { answersFrom, generate } from '../support/generate.ts';

const PARTIALS = new URL('../../templates/packer/partials/', import.meta.url);

describe('the base image scripts', () => {
  it.each([
    ['amazon-linux-2023', 'sh'],
    ['windows-server-2022', 'ps1'],
  ] as const)('%s: the base provisioner runs BASE_SCRIPTS in order; Image Builder embeds each', async (os, ext) => {
    const answers = minimalAnswers();
    answers.platform = { os };
    answers.builder = 'both';
    const files = await generate(answersFrom(answers));
    const base = files.find((f) => f.path === 'packer/base.pkr.hcl')!.contents;
    const list = base.match(/scripts = \[\n([^\]]*)\]/)![1]!;
    expect([...list.matchAll(/"([^"]+)"/g)].map((m) => m[1])).toEqual(
      BASE_SCRIPTS.map((name) => `scripts/${name}.${ext}`),
    );
    const imageBuilder = files.find((f) => f.path === 'imagebuilder/image-builder.yaml')!.contents;
    for (const step of ['Baseline', 'Agents', 'InstallBootstrap']) expect(imageBuilder).toContain(`name: ${step}`);
  });

  it('no Packer partial names a base script by hand', () => {
    for (const file of readdirSync(PARTIALS)) {
      const text = readFileSync(new URL(file, PARTIALS), 'utf8');
      for (const name of BASE_SCRIPTS) expect(text, file).not.toMatch(new RegExp(`scripts/${name}\\.(sh|ps1)`));
    }
  });
});
