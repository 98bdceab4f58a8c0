// The replies to `ami-wizard --help` and `--version` (or their one-letter aliases) given alone:
// exactly what main prints for them, through the same printableMessage every line passes. The entry
// (source/cli.ts) answers these before loading the rest of the CLI, or the code cache. From
// source the text is built here; the bundle gets this module's result as a literal instead
// (precomputed by scripts/build.mjs, from this very module), so the entry loads nothing else for it.
import { helpText, parseArgs } from '../cli-options.ts';
import { VERSION } from '../package-version.ts';
import { printableMessage } from '../text/printable.ts';

const CANDIDATES = ['--help', '-h', '--version', '-v'];

/** Each argument that, given alone, is answered here, and what it prints on stdout (main's own choice). */
export function quickReplies(): Record<string, string> {
  const replies: Record<string, string> = {};
  for (const arg of CANDIDATES) {
    const args = parseArgs([arg]);
    // As main's run: --help first, then --version.
    if (args.help) replies[arg] = printableMessage(helpText(VERSION));
    else if (args.version) replies[arg] = printableMessage(`${VERSION}\n`);
  }
  return replies;
}
