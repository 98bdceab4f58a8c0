// What each way through the CLI loads from dist/ before its first useful work: the files (each a
// read and a code-cache lookup) and their kilobytes, from esbuild's account of the
// build (scripts/bundle-account.mjs). Printed by `npm run bench` before the timings, so a change
// that adds a file to a path, or bytes, shows there.
//
//   node scripts/build.mjs --metafile FILE && node scripts/chunk-report.mjs FILE
import { readFileSync } from 'node:fs';
import { bundleAccount } from './bundle-account.mjs';

const metafile = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const account = bundleAccount(metafile);

// Each path: the files that load one after another, from the entry on (each with what loads with it).
const PATHS = {
  '--help': ['cli.js'],
  'recommend --json': ['cli.js', 'code-cache.js', 'cli-main.js', 'recommend.js'],
  generate: ['cli.js', 'code-cache.js', 'cli-main.js', 'generate.js'],
  'wizard first frame': ['cli.js', 'code-cache.js', 'cli-main.js', 'wizard.js'],
  'wizard ready for keys': ['cli.js', 'code-cache.js', 'cli-main.js', 'wizard.js', 'screens.js'],
};

console.log(`dist/: ${Object.keys(metafile.outputs).length} files; what each path loads before its work:`);
for (const [name, steps] of Object.entries(PATHS)) {
  const files = new Set(steps.flatMap((file) => [...account.loadedWith(file)]));
  const kb = [...files].reduce((sum, file) => sum + account.bytesOf(file), 0) / 1024;
  console.log(`  ${name.padEnd(24)} ${String(files.size).padStart(3)} files ${kb.toFixed(0).padStart(5)} KB`);
}
