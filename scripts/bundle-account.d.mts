// Types of scripts/bundle-account.mjs, for the tests that import it.
export interface BundleAccount {
  inputsOf(file: string): string[];
  eagerInputs(file: string): Set<string>;
  loadedWith(file: string): Set<string>;
  mayLoad(file: string): Set<string>;
  startFiles(): Set<string>;
  bytesOf(file: string): number;
}
export function bundleAccount(metafile: unknown): BundleAccount;
