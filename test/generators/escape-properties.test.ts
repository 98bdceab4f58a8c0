// Each escaping helper, proven over arbitrary strings against an independent decoder or a parser of
// its language, in process: the value comes back exactly, and nothing in it acts as syntax. The same
// helpers read back through the real bash, packer, pwsh and PyYAML in escape.test.ts (slow tier).
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import {
  hclString,
  jsonString,
  markdownText,
  packerTemplateString,
  powershellString,
  shWord,
  yamlString,
} from '../../generators/escape.ts';
import { CONTROL_CHARACTERS } from '../../questionnaire/answer-values.ts';
import { decodeHcl, strings } from '../support/escape-samples.ts';

describe('hclString', () => {
  it('round-trips through an HCL decoder, leaves no live ${ or %{ and no raw control character', () => {
    fc.assert(
      fc.property(strings, (s) => decodeHcl(hclString(s)) === s && !/[\u0000-\u001f\u007f]/.test(hclString(s))),
      { numRuns: 3000 },
    );
  });
});

describe('packerTemplateString', () => {
  // Go text/template, reduced to what we emit: the action {{"{{"}} prints {{, and no other action may remain.
  const renderGoTemplate = (s: string) => {
    const texts = s.split('{{"{{"}}');
    for (const text of texts) expect(text).not.toContain('{{');
    return texts.join('{{');
  };
  it('survives HCL and then Go templating as the original text', () => {
    fc.assert(
      fc.property(strings, (s) => renderGoTemplate(decodeHcl(packerTemplateString(s))) === s),
      { numRuns: 3000 },
    );
  });
});

describe('shWord', () => {
  it('is always one single-quoted word', () => {
    fc.assert(
      fc.property(strings, (s) => /^'([^']|'\\'')*'$/.test(shWord(s))),
      { numRuns: 3000 },
    );
  });
});

describe('jsonString', () => {
  it('round-trips through JSON.parse', () => {
    fc.assert(
      fc.property(strings, (s) => JSON.parse(jsonString(s)) === s),
      { numRuns: 3000 },
    );
  });
});

describe('yamlString', () => {
  it('round-trips through the yaml parser, alone and as a mapping value', () => {
    fc.assert(
      fc.property(strings, (s) => parseYaml(yamlString(s)) === s && parseYaml(`key: ${yamlString(s)}\n`).key === s),
      { numRuns: 2000 },
    );
  });
});

describe('markdownText', () => {
  const md = new MarkdownIt({ linkify: true }); // linkify: bare URLs must not become links either
  const decodeEntities = (html: string) =>
    html
      .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  // What a reader should see: the text with whitespace runs collapsed (HTML does that anyway).
  // Control characters (only EC2 data can hold them) show as visible \uXXXX escapes.
  const control = new RegExp(`[${CONTROL_CHARACTERS}]`, 'g');
  const visible = (s: string) =>
    s
      .replace(/[\r\n\t]+/g, ' ')
      .replace(control, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
      .replace(/\s+/g, ' ')
      .trim();

  it('renders inline as the literal text, with no markup at all', () => {
    fc.assert(
      fc.property(strings, (s) => {
        const html = md.renderInline(markdownText(s));
        expect(html).not.toContain('<'); // no tag of any kind
        expect(decodeEntities(html).replace(/\s+/g, ' ').trim()).toBe(visible(s));
      }),
      { numRuns: 2000 },
    );
  });

  it('renders as one plain paragraph on a line of its own, and bold between **', () => {
    fc.assert(
      fc.property(strings, (s) => {
        const m = markdownText(s);
        expect(m).not.toMatch(/[\r\n\t]/);
        const block = md.render(`${m}\n`);
        if (visible(s) === '') return void expect(block).toBe('');
        const inner = /^<p>([^<]*)<\/p>\n$/.exec(block)?.[1];
        expect(inner, block).toBeDefined();
        expect(decodeEntities(inner!).replace(/\s+/g, ' ').trim()).toBe(visible(s));
        expect(md.render(`- **${m}**\n`)).toMatch(/^<ul>\n<li><strong>[^<]*<\/strong><\/li>\n<\/ul>\n$/);
      }),
      { numRuns: 1000 },
    );
  });

  it('stays inside one GFM table cell', () => {
    fc.assert(
      fc.property(strings, (s) => {
        const html = md.render(`| a | b |\n| --- | --- |\n| x | ${markdownText(s)} |\n`);
        const cells = [...(html.split('<tbody>')[1] ?? '').matchAll(/<td>([\s\S]*?)<\/td>/g)].map((m) => m[1]!);
        expect(cells.length, html).toBe(2);
        expect(cells[1]).not.toContain('<');
        // GFM drops cells beyond the header's count, so check the text too: a stray | would cut it.
        expect(decodeEntities(cells[1]!).replace(/\s+/g, ' ').trim()).toBe(visible(s));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('powershellString', () => {
  // PowerShell's tokenizer: inside '…', any quote char followed by another one is an escape that
  // yields the second; any other quote char ends the string, which must then be the literal's end.
  const isQuote = (c: string | undefined) => c !== undefined && /['\u2018\u2019\u201a\u201b]/.test(c);
  const decode = (literal: string): string => {
    expect(isQuote(literal[0])).toBe(true);
    let out = '';
    for (let i = 1; i < literal.length; i++) {
      const c = literal[i]!;
      if (!isQuote(c)) out += c;
      else if (isQuote(literal[i + 1])) out += literal[++i];
      else if (i === literal.length - 1) return out;
      else throw new Error(`string ends early at ${i}`);
    }
    throw new Error('unterminated string');
  };

  it('round-trips through a PowerShell single-quoted-string decoder', () => {
    fc.assert(
      fc.property(strings, (s) => decode(powershellString(s)) === s),
      { numRuns: 3000 },
    );
  });
});
