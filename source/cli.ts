#!/usr/bin/env node
// The entry. `--help` or `--version` alone is answered here from text the build precomputed
// (commands/quick-replies.ts), before anything else loads. Otherwise V8's compile cache goes on first
// (compile-cache.ts), so the rest of the CLI, loaded by the one dynamic import below, is compiled
// from the cache when there is one: a static import would load it before the cache is on.
import { enableCompileCache } from './compile-cache.ts';
import { quickReplies } from './commands/quick-replies.ts';

const argv = process.argv.slice(2);
const reply = argv.length === 1 ? Object.entries(quickReplies()).find(([arg]) => arg === argv[0]) : undefined;
if (reply) process.stdout.write(reply[1]);
else {
  enableCompileCache();
  void import('./cli-main.ts');
}
