// What each command loads from dist/ before its first useful work: the files (each a read, a parse
// and a link for the ESM loader; about 0.75 ms apiece on Node 20 here, measured against one file
// holding the same code) and their kilobytes (parsed at load), from esbuild's account of the build.
// Printed by `npm run bench` before the timings, so a change that splits a path into more files
// shows there.
//
//   node scripts/build.mjs --metafile FILE && node scripts/chunk-report.mjs FILE
import { readFileSync } from 'node:fs';

const meta = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const outputs = meta.outputs;
const chunkOf = new Map(
  Object.entries(outputs)
    .filter(([, output]) => output.entryPoint)
    .map(([file, output]) => [output.entryPoint, file]),
);

// Each path: the modules it imports dynamically, in order, from the entry on.
const PATHS = {
  '--help': ['source/cli.ts'],
  'recommend --json': ['source/cli.ts', 'source/cli-main.ts', 'source/commands/recommend.ts'],
  generate: ['source/cli.ts', 'source/cli-main.ts', 'source/commands/generate.ts'],
  'wizard first frame': ['source/cli.ts', 'source/cli-main.ts', 'source/commands/wizard.ts'],
  'wizard ready for keys': [
    'source/cli.ts',
    'source/cli-main.ts',
    'source/commands/wizard.ts',
    'source/commands/wizard-run.ts',
  ],
};

function loadedWith(entries) {
  const seen = new Set();
  const stack = entries.map((entry) => {
    const chunk = chunkOf.get(entry);
    if (!chunk) throw new Error(`chunk-report: the build has no chunk for ${entry}; update PATHS`);
    return chunk;
  });
  while (stack.length > 0) {
    const file = stack.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    for (const imported of outputs[file].imports)
      if (imported.kind === 'import-statement' && !imported.external) stack.push(imported.path);
  }
  return [...seen];
}

console.log(`dist/: ${Object.keys(outputs).length} files; what each path loads before its work:`);
for (const [name, entries] of Object.entries(PATHS)) {
  const files = loadedWith(entries);
  const kb = files.reduce((sum, file) => sum + outputs[file].bytes, 0) / 1024;
  console.log(`  ${name.padEnd(24)} ${String(files.length).padStart(3)} files ${kb.toFixed(0).padStart(5)} KB`);
}
