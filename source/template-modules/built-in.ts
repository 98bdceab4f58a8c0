// The package's own templates/. From source (tests, development) they are read and compiled here,
// once per process: compiling every template took about half a second a run, and the unit tier
// generates hundreds of folders. Each caller gets its own Map (loadTemplateSources adds a --templates
// overlay to it); the compiled specs are shared, as the bundle's are. The bundle replaces this module
// with the same templates precompiled at build time.
import { fileURLToPath } from 'node:url';
import type { TemplateSpec } from '../../generators/render.ts';
import { precompileTemplates } from './precompile.ts';
import { readTemplateSources } from './read.ts';

export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

let compiled: Promise<Map<string, TemplateSpec>> | undefined;

export async function builtInTemplates(): Promise<Map<string, TemplateSpec>> {
  compiled ??= readTemplateSources(TEMPLATES_DIR).then((sources) => precompileTemplates(sources, 'templates'));
  compiled.catch(() => (compiled = undefined)); // a failed read is tried again, not remembered
  return new Map(await compiled);
}
