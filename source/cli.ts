#!/usr/bin/env node
// The entry. `--help` or `--version` alone is answered here from text the build precomputed
// (commands/quick-replies.ts), before anything else loads. Otherwise the rest of the CLI loads
// (load-cli-main.ts): in the bundle, each of its files compiled from V8's code of an earlier run
// (start/code-cache.ts).
import { quickReplies } from './commands/quick-replies.ts';
import { loadCliMain } from './load-cli-main.ts';
import { directOutput } from './output/direct-output.ts';

const argv = process.argv.slice(2);
const reply = argv.length === 1 ? Object.entries(quickReplies()).find(([arg]) => arg === argv[0]) : undefined;
if (reply) directOutput(1, () => process.stdout).write(reply[1]);
else loadCliMain();
