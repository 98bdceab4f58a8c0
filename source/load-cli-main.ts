// The rest of the CLI, after the entry (cli.ts). From source it is imported; the bundle's entry loads
// cli-main.ts's file of dist/ through V8's code cache instead (start/code-cache.ts): scripts/build.mjs
// replaces this module with that load.
export function loadCliMain(): void {
  void import('./cli-main.ts');
}
