// No template may print a bare value: every {{...}} names the language it escapes for.
// Handlebars' HTML escaping is off (it is never the escaping that matters here), so a bare
// {{value}} would put answer text into HCL, shell, YAML or Markdown unescaped.
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { ESCAPE_HELPERS, LIST_HELPERS } from '../../generators/render.ts';
import { TEMPLATES_DIR } from '../../source/template-modules/built-in.ts';
import { readTemplateSources } from '../../source/template-modules/read.ts';

const PRINTING_HELPERS = new Set([...Object.keys(ESCAPE_HELPERS), ...LIST_HELPERS]);

type Node = { type: string; [k: string]: any };

function printedExpressions(node: Node, found: { helper: string; params: number; line: number }[] = []) {
  if (node.type === 'MustacheStatement') {
    found.push({ helper: node.path.original ?? node.path.type, params: node.params.length, line: node.loc.start.line });
  }
  for (const value of Object.values(node)) {
    if (Array.isArray(value))
      value.forEach(
        (child) => child && typeof child === 'object' && 'type' in child && printedExpressions(child, found),
      );
    else if (value && typeof value === 'object' && 'type' in value) printedExpressions(value, found);
  }
  return found;
}

describe('templates', async () => {
  const sources = await readTemplateSources(TEMPLATES_DIR);

  it('exist', () => {
    expect(sources.size).toBeGreaterThan(20);
  });

  for (const [name, source] of sources) {
    it(`${name}: every printed value goes through an escaping helper`, () => {
      const bare = printedExpressions(Handlebars.parse(source) as unknown as Node).filter(
        (m) => !PRINTING_HELPERS.has(m.helper) || m.params !== 1,
      );
      expect(bare.map((m) => `line ${m.line}: {{${m.helper}}}`)).toEqual([]);
    });
  }

  it('no Markdown-escaped value sits inside a code span, where backslashes would print', () => {
    // Inside a code span when an odd number of backticks precede it on its line.
    const insideCode = (line: string) =>
      [...line.matchAll(/\{\{md /g)].some((m) => (line.slice(0, m.index).match(/`/g) ?? []).length % 2 === 1);
    const offenders = [...sources].filter(
      ([name, source]) => name.endsWith('.md.hbs') && source.split('\n').some(insideCode),
    );
    expect(offenders.map(([name]) => name)).toEqual([]);
  });

  it('the guard notices a bare value', () => {
    const found = printedExpressions(Handlebars.parse('a {{project.name}} b {{hcl x}}') as unknown as Node);
    expect(found.filter((m) => !PRINTING_HELPERS.has(m.helper))).toHaveLength(1);
  });
});
