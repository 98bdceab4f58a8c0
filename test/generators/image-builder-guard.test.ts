// A team's own templates (--templates) could put `{{` into a script; inside an AWSTOE component
// that is one of AWSTOE's variables, substituted on the build instance. The generator refuses it.
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateFolder } from '../../generators/folder.ts';
import { TemplateError } from '../../generators/render.ts';
import { loadTemplateSources } from '../../source/template-modules/load.ts';
import { GENERATOR_META } from '../../source/version.ts';
import { parseAnswers } from '../../source/answers/read.ts';

const TEMPLATES = join(import.meta.dirname, '../../templates');

async function withBaseline(extraLine: string) {
  const dir = mkdtempSync(join(tmpdir(), 'ami-wizard-templates-'));
  mkdirSync(join(dir, 'packer/scripts'), { recursive: true });
  writeFileSync(
    join(dir, 'packer/scripts/baseline.sh.hbs'),
    `${readFileSync(join(TEMPLATES, 'packer/scripts/baseline.sh.hbs'), 'utf8')}${extraLine}\n`,
  );
  return loadTemplateSources(dir);
}

const EXAMPLE = readFileSync(join(import.meta.dirname, '../../examples/hybrid.yaml'), 'utf8');
const answers = (builder: string) => parseAnswers(`${EXAMPLE}builder: ${builder}\n`, 'answers.yaml');

describe('{{ in an Image Builder component', () => {
  it('is refused, naming the component and why', async () => {
    const templates = await withBaseline("echo '\\{{ imagebuilder:buildDate }}'");
    const a = await answers('image-builder');
    expect(() => generateFolder(a, templates, GENERATOR_META)).toThrow(TemplateError);
    expect(() => generateFolder(a, templates, GENERATOR_META)).toThrow(/web-shop-baseline.*AWSTOE/);
  });

  it('is left to Packer when only Packer builds (Packer runs the script as a file)', async () => {
    const templates = await withBaseline("echo '\\{{ not-for-awstoe }}'");
    const files = generateFolder(await answers('packer'), templates, GENERATOR_META).files;
    expect(files.find((f) => f.path === 'packer/scripts/baseline.sh')?.contents).toContain(
      "echo '{{ not-for-awstoe }}'",
    );
  });

  it('the built-in templates never produce one', async () => {
    const files = generateFolder(await answers('image-builder'), await loadTemplateSources(), GENERATOR_META).files;
    expect(files.find((f) => f.path === 'imagebuilder/image-builder.yaml')?.contents).toContain(
      'AWS::ImageBuilder::Component',
    );
  });
});
