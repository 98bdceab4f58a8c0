// The one list of where ami-wizard's files go inside --out (read from generators/). The manifest and
// a journal are untrusted input, so a path they name is acted on only when it is in this list, and
// the planner refuses a generated path outside it: a generator that starts a new folder fails its
// tests until the folder is added here, instead of leaving its files forever unowned.

/** Top-level folders whose every file ami-wizard may generate. */
const GENERATED_FOLDERS: readonly string[] = ['packer', 'bootstrap', 'config', 'tagging', 'imagebuilder', 'iam'];
/** Single files ami-wizard generates outside those folders. */
const GENERATED_FILES: readonly string[] = [
  'README.md',
  'decision.md',
  'ami-wizard.yaml',
  'ami-wizard.schema.json',
  '.github/workflows/ami-build.yml',
];

/** True when `path` (already a safe relative path) is one ami-wizard could ever generate. */
export function isGeneratablePath(path: string): boolean {
  return GENERATED_FILES.includes(path) || GENERATED_FOLDERS.some((folder) => path.startsWith(`${folder}/`));
}
