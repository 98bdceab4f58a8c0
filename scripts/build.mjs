// Bundles the CLI into dist/: one entry, lazily loaded chunks per command, no runtime dependencies.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';

await rm(new URL('../dist/', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { cli: 'source/cli.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  chunkNames: '[name]-[hash]',
  define: { 'process.env.NODE_ENV': '"production"' },
  // CommonJS dependencies (handlebars) call require(); give the ESM bundle a real one.
  banner: { js: "import { createRequire as __amiCreateRequire } from 'node:module'; const require = __amiCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
