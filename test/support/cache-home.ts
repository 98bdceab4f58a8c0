// vitest's global setup: the runs of the built CLI keep V8's code cache (source/start/code-cache.ts)
// in a cache folder of the test run's own, removed at its end, never in the user's ~/.cache. Every
// child process inherits XDG_CACHE_HOME; a test that sets HOME or XDG_CACHE_HOME itself keeps its own.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const folder = mkdtempSync(join(tmpdir(), 'ami-wizard-test-cache-'));
  process.env.XDG_CACHE_HOME = folder;
  return () => rmSync(folder, { recursive: true, force: true });
}
