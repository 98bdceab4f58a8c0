// The reporter that ends `npm test` with what did not run and why: each missing tool (noted by
// test/support/tools.ts, toolMissing, on the test file that skips for it), the files that skipped
// for it, and that .ci/run installs them. A file that skips a test with no missing tool noted is
// named too, so a skip nobody explains shows. Registered in vitest.config.ts and .ci/run.
import { relative } from 'node:path';
import type { Reporter, TestModule, Vitest } from 'vitest/node';

/** What a test file skips for: the tool, and whether .ci/run installs it (pwsh: Debian has no package). */
export interface MissingTool {
  tool: string;
  ciInstalls: boolean;
}

/** The key the missing tools are noted under in the test file's meta. */
export const MISSING_TOOLS_META = 'amiWizardMissingTools';

export interface FileSkips {
  file: string;
  /** Tests the file skipped. */
  skipped: number;
  missing: readonly MissingTool[];
}

/** Where .ci/run does not simply install a tool with apt-get, how to get it. */
const HOW: Record<string, string> = {
  'cfn-lint': 'from pip: pip install cfn-lint; .ci/run expects it',
  'cloud-init': '.ci/run unpacks Debian cloud-init into .tmp/cloud-init',
  root: 'run as root, as .ci/run does',
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
// A file that lacks several tools skips its tests once, for all of them: its count says so.
const counted = (f: FileSkips) =>
  `${f.file} (${f.skipped} skipped${f.missing.length > 1 ? ` for ${f.missing.length} tools` : ''})`;

/**
 * The closing summary, or '' when nothing skipped. `explainAll`: also name files that skipped with no
 * missing tool noted (off when a name filter skips tests on purpose).
 */
export function skipSummary(files: readonly FileSkips[], { explainAll = true } = {}): string {
  const byTool = new Map<string, { ciInstalls: boolean; files: FileSkips[] }>();
  for (const f of files)
    for (const m of f.missing) {
      const entry = byTool.get(m.tool) ?? { ciInstalls: m.ciInstalls, files: [] };
      entry.files.push(f);
      byTool.set(m.tool, entry);
    }
  const explained = files.filter((f) => f.missing.length > 0 && f.skipped > 0);
  const unexplained = explainAll ? files.filter((f) => f.missing.length === 0 && f.skipped > 0) : [];
  if (byTool.size === 0 && unexplained.length === 0) return '';
  const lines: string[] = [];
  if (byTool.size > 0) {
    const total = explained.reduce((n, f) => n + f.skipped, 0);
    lines.push(
      `Skipped ${plural(total, 'test')} in ${plural(explained.length, 'file')} because tools are missing. .ci/run installs them (and runs as root):`,
    );
    for (const [tool, { ciInstalls, files: those }] of [...byTool].sort(([a], [b]) => a.localeCompare(b))) {
      const where = those.filter((f) => f.skipped > 0).map(counted);
      const note = !ciInstalls ? ' (optional: .ci/run does not install it)' : HOW[tool] ? ` (${HOW[tool]})` : '';
      lines.push(`  ${tool} missing${note}: ${where.length ? where.join(', ') : 'nothing skipped'}`);
    }
  }
  if (unexplained.length > 0)
    lines.push(
      `Skipped with no missing tool noted (test/support/tools.ts toolMissing names one): ${unexplained.map(counted).join(', ')}`,
    );
  return `\n${lines.join('\n')}\n`;
}

export default class SkipSummaryReporter implements Reporter {
  private root = process.cwd();
  private explainAll = true;

  onInit(vitest: Vitest): void {
    this.root = vitest.config.root;
    // A name filter (-t) skips the tests it leaves out; those need no explaining.
    this.explainAll = !vitest.config.testNamePattern;
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const files = testModules.map((m) => ({
      file: relative(this.root, m.moduleId),
      skipped: [...m.children.allTests()].filter((t) => t.result().state === 'skipped').length,
      missing: ((m.meta() as Record<string, MissingTool[] | undefined>)[MISSING_TOOLS_META] ?? []).slice(),
    }));
    const text = skipSummary(files, { explainAll: this.explainAll });
    if (text) process.stdout.write(text);
  }
}
