// Types of scripts/bundle-files.mjs, for the tests that import it.
import type { Plugin } from 'esbuild';

export interface BundleFile {
  name: string;
  entry: string;
  with?: string[];
}
export const BUNDLE_FILES: BundleFile[];
export const LOADER_FILE: string;
export const MAIN_FILE: string;
export const PACKAGE_FILES: Record<string, string[]>;
export const ON_USE_NAMESPACES: { lazyModule: string; draftZod: string; packageFile: string };
/** esbuild's account of a build, as far as these read it. */
export interface Metafile {
  outputs: Record<string, { inputs: Record<string, unknown> }>;
}
export function entryPoints(root: string): Record<string, string>;
export function bundleFiles(root: string): Plugin;
export function filesLoadingThemselves(metafile: Metafile): string[];
export function entriesInTwoFiles(metafile: Metafile): string[];
