// The package's own templates/. From source (tests, development) they are read and compiled here;
// the bundle replaces this module with the same templates precompiled at build time.
import { fileURLToPath } from 'node:url';
import type { TemplateSpec } from '../../generators/render.ts';
import { precompileTemplates } from './precompile.ts';
import { readTemplateSources } from './read.ts';

export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

export async function builtInTemplates(): Promise<Map<string, TemplateSpec>> {
  return precompileTemplates(await readTemplateSources(TEMPLATES_DIR), 'templates');
}
