// The template modules a run uses: the built-in ones, then a team's --templates folder, whose
// files add to or replace the built-in ones by path.
import { statSync, type Stats } from 'node:fs';
import type { TemplateSources } from '../../generators/render.ts';
import { builtInTemplates } from './built-in.ts';
import { readTemplateSources } from './read.ts';
import { InputError } from '../errors.ts';
import { precompileTemplates } from './precompile.ts';

export async function loadTemplateSources(overlayDir?: string): Promise<TemplateSources> {
  const templates = await builtInTemplates();
  if (overlayDir) {
    let info: Stats | undefined;
    try {
      info = statSync(overlayDir);
    } catch {
      // named below: no such folder
    }
    if (!info?.isDirectory()) {
      throw new InputError(
        `--templates ${overlayDir}: no such folder. Point it at a folder laid out like the package's templates/.`,
      );
    }
    for (const [name, spec] of await precompileTemplates(await readTemplateSources(overlayDir), overlayDir))
      templates.set(name, spec);
  }
  return templates;
}
