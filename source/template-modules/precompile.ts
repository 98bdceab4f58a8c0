// Turns template sources into the precompiled form the generators run. The bundle ships the
// built-in templates already precompiled (scripts/build.mjs), so the Handlebars compiler loads
// only for a team's --templates folder, and in tests that run from source.
import { PRECOMPILE_OPTIONS } from '../../generators/render.ts';
import type { TemplateSpec } from '../../generators/render.ts';
import { InputError } from '../errors.ts';

export async function precompileTemplates(
  sources: ReadonlyMap<string, string>,
  origin: string,
): Promise<Map<string, TemplateSpec>> {
  const { default: Handlebars } = await import('handlebars');
  const specs = new Map<string, TemplateSpec>();
  for (const [name, source] of sources) {
    let code: string;
    try {
      code = Handlebars.precompile(source, PRECOMPILE_OPTIONS) as unknown as string;
    } catch (error) {
      const first = (error as Error).message.split('\n').slice(0, 3).join(' ');
      throw new InputError(
        `${origin}/${name}: the template does not parse: ${first}\nFix that template and run again.`,
      );
    }
    // precompile() returns JavaScript source for a spec object, as `handlebars --precompile` writes it.
    specs.set(name, new Function(`return ${code};`)() as TemplateSpec);
  }
  return specs;
}
