// Every --json output (and `schema`) goes through jsonOutput: after the CLI's terminal filter
// (printableMessage, as in cli.ts) the text is still JSON with the exact values. Answers cannot hold
// control characters, so recommend's values are made hostile by replacing what it prints; generate
// --resolve --json, lookup --json and audit --json run with EC2 data in test/aws/terminal-safety-cli.test.ts.
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { recommendCommand } from '../../source/commands/recommend.ts';
import { parseArgs } from '../../source/cli-options.ts';
import { captureIO } from '../support/command-io.ts';
import type { CommandIO } from '../../source/commands/context.ts';
import { jsonOutput } from '../../source/text/json-output.ts';
import { printableMessage } from '../../source/text/printable.ts';

// DEL, a C1 CSI, a bidi override, U+2028/2029, a BOM, ESC and a line break.
const HOSTILE = 'a\x7f\x9b2J\u202eevil\u2028\u2029\ufeff\x1b[31m\nz';

vi.mock(import('../../questionnaire/decision.ts'), async (original) => {
  const real = await original();
  return { ...real, decisionJson: (decision) => ({ ...real.decisionJson(decision), note: HOSTILE }) };
});
vi.mock(import('../../questionnaire/compare.ts'), async (original) => {
  const real = await original();
  return {
    ...real,
    compareAnswers: (a, b) =>
      ({ ...real.compareAnswers(a, b), note: HOSTILE }) as ReturnType<typeof real.compareAnswers>,
  };
});

const EXAMPLES = join(import.meta.dirname, '../../examples');

/** What a pipe receives: every write through the CLI's filter. */
function terminal(): { io: CommandIO; text: () => string } {
  const captured = captureIO({ filter: printableMessage });
  return { io: captured.io, text: () => captured.stdout() + captured.stderr() };
}

describe('jsonOutput', () => {
  it('escapes what the terminal filter would rewrite; the filter then changes nothing and the value survives', () => {
    const text = jsonOutput({ name: HOSTILE, list: [HOSTILE, 1, null] });
    expect(printableMessage(text)).toBe(text);
    expect(JSON.parse(text)).toEqual({ name: HOSTILE, list: [HOSTILE, 1, null] });
    expect(text).toContain('\\u009b2J\\u202eevil\\u2028\\u2029\\ufeff\\u001b[31m\\nz');
  });

  it('indents by two and ends with a line break, as before', () => {
    expect(jsonOutput({ a: [1] })).toBe('{\n  "a": [\n    1\n  ]\n}\n');
  });
});

describe('commands that print JSON', () => {
  it('recommend --json', async () => {
    const { io, text } = terminal();
    expect(
      await recommendCommand(parseArgs(['recommend', '--answers', join(EXAMPLES, 'hybrid.yaml'), '--json']), io),
    ).toBe(0);
    expect(JSON.parse(text()).note).toBe(HOSTILE);
  });

  it('recommend --compare --json', async () => {
    const { io, text } = terminal();
    const args = parseArgs([
      'recommend',
      '--answers',
      join(EXAMPLES, 'hybrid.yaml'),
      '--compare',
      join(EXAMPLES, 'jeos.yaml'),
      '--json',
    ]);
    expect(await recommendCommand(args, io)).toBe(0);
    expect(JSON.parse(text()).note).toBe(HOSTILE);
  });
});
