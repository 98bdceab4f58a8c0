// A dependency bundled in the test with some of the build's edits to it (scripts/dependency-edits.mjs),
// and evaluated: what the tests of those edits hold to the dependency bundled without them.
import { createRequire } from 'node:module';
import { build } from 'esbuild';
import { DEPENDENCY_EDITS, dependencyEdits } from '../../scripts/dependency-edits.mjs';

/** The edits to `files` (paths below node_modules, as DEPENDENCY_EDITS names them). */
export const editsOf = (files: readonly string[]) =>
  Object.fromEntries(files.map((file) => [file, DEPENDENCY_EDITS[file]!]));

/**
 * What `exported` (an expression of `require`, from the repository's root) is, bundled with `edits`
 * made, and the bundle's text.
 */
export async function editedBundle<T>(
  exported: string,
  edits: ReturnType<typeof editsOf>,
): Promise<{ value: T; code: string }> {
  const result = await build({
    stdin: { contents: `module.exports = ${exported};`, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    write: false,
    logLevel: 'silent',
    plugins: [dependencyEdits(edits)],
  });
  const code = result.outputFiles[0]!.text;
  const module = { exports: {} as T };
  new Function('module', 'exports', 'require', code)(module, module.exports, createRequire(import.meta.url));
  return { value: module.exports, code };
}
