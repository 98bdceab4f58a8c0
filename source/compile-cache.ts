// V8's compile cache for the CLI's own modules (Node 22.1 and later: module.enableCompileCache): the
// first run keeps the compiled code, later runs start from it. Kept in the user's cache folder
// ($XDG_CACHE_HOME, when absolute, else ~/.cache), under ami-wizard/; Node 20 has no such API and
// nothing is written. NODE_DISABLE_COMPILE_CACHE turns it off, as Node documents.
import nodeModule from 'node:module';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

/** The folder the cache goes in, or undefined without a home to put it in. */
export function compileCacheDir(env: NodeJS.ProcessEnv, home: string): string | undefined {
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && isAbsolute(xdg)) return join(xdg, 'ami-wizard', 'compile-cache');
  return home && isAbsolute(home) ? join(home, '.cache', 'ami-wizard', 'compile-cache') : undefined;
}

type Enable = (directory: string) => unknown;

export function enableCompileCache(env: NodeJS.ProcessEnv = process.env): void {
  const enable = (nodeModule as unknown as { enableCompileCache?: Enable }).enableCompileCache;
  if (!enable || env.NODE_DISABLE_COMPILE_CACHE) return;
  let home = '';
  try {
    home = env.HOME || homedir();
  } catch {
    return;
  }
  const dir = compileCacheDir(env, home);
  if (!dir) return;
  try {
    enable(dir);
  } catch {
    // A cache that cannot be written (a read-only home) only costs the speed-up.
  }
}
