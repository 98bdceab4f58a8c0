// Loads the Handlebars modules: the package's own templates/, then a team's --templates folder,
// whose files add to or replace the built-in ones by path.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TemplateSources } from '../generators/render.ts';
import { InputError } from './errors.ts';

// source/ in a checkout and dist/ in the package both sit next to templates/.
export const BUILT_IN_TEMPLATES = fileURLToPath(new URL('../templates/', import.meta.url));

async function listTemplates(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.hbs'))
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

async function readTemplates(dir: string, into: Map<string, string>): Promise<void> {
  const names = await listTemplates(dir);
  const texts = await Promise.all(names.map((name) => readFile(join(dir, name), 'utf8')));
  names.forEach((name, i) => into.set(name, texts[i]!));
}

export async function loadTemplateSources(overlayDir?: string): Promise<TemplateSources> {
  const sources = new Map<string, string>();
  await readTemplates(BUILT_IN_TEMPLATES, sources);
  if (overlayDir) {
    const info = await stat(overlayDir).catch(() => undefined);
    if (!info?.isDirectory()) {
      throw new InputError(`--templates ${overlayDir}: no such folder. Point it at a folder laid out like the package's templates/.`);
    }
    await readTemplates(overlayDir, sources);
  }
  return sources;
}
