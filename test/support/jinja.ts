// Jinja as Ansible and Salt apply it to the generated files, through jinja-render.py (Debian's
// python3-jinja2 and PyYAML). Proves the answer values inert: a literal renders to itself, and no
// callable (lookup, query, salt functions) runs, which a marker file would show.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PYTHON, run, toolMissing } from './tools.ts';

export type JinjaMode = 'ansible' | 'salt';

export interface JinjaChange {
  file: string;
  /** A YAML path ($[0].ansible.builtin.package.name[0]) for ansible, a line for salt. */
  at: string;
  source: string;
  rendered: string | null;
  error: string | null;
}

export interface JinjaReport {
  files: number;
  /** Strings (ansible) or texts (salt) that did not render to themselves, or failed to render. */
  changes: JinjaChange[];
  yamlErrors: Array<{ file: string; message: string }>;
  /** Whether a callable ran: each line of the marker file names one call. */
  markerCreated: boolean;
  calls: string[];
}

const SCRIPT = fileURLToPath(new URL('./jinja-render.py', import.meta.url));

let jinjaFound: boolean | undefined;

/** Whether python3 with jinja2 and PyYAML is there; loud when not (fails in CI). */
export function hasJinja(): boolean {
  jinjaFound ??= spawnSync(PYTHON, ['-c', 'import jinja2, yaml'], { stdio: 'ignore' }).status === 0;
  if (!jinjaFound)
    toolMissing(
      'python3-jinja2',
      `validator missing: ${PYTHON} with jinja2 and PyYAML (Debian python3-jinja2, python3-yaml), so the Jinja checks do not run`,
    );
  return jinjaFound;
}

export function renderJinja(files: string[], mode: JinjaMode): JinjaReport {
  const dir = mkdtempSync(join(tmpdir(), 'ami-wizard-jinja-'));
  const marker = join(dir, 'MARKER');
  try {
    const result = run(PYTHON, [SCRIPT, mode, marker, ...files]);
    if (result.code !== 0) throw new Error(`jinja-render.py failed (${result.code}):\n${result.output}`);
    const report = JSON.parse(result.stdout) as Omit<JinjaReport, 'markerCreated' | 'calls'>;
    const markerCreated = existsSync(marker);
    const calls = markerCreated ? readFileSync(marker, 'utf8').split('\n').filter(Boolean) : [];
    return { ...report, markerCreated, calls };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One line a change: file (relative to `base`, when given), where, the source and what it became. */
export function formatChanges(changes: JinjaChange[], base?: string): string {
  return changes
    .map(
      (c) =>
        `${base ? relative(base, c.file) : c.file} ${c.at}: ${JSON.stringify(c.source)} -> ${c.error ?? JSON.stringify(c.rendered)}`,
    )
    .join('\n');
}
