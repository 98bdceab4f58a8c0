// The build's checks of the files of dist/ (scripts/bundle-files.mjs), on esbuild accounts made up
// for the case: a module that must exist once per process in two files, and a file holding several
// modules that would load itself.
import { describe, expect, it } from 'vitest';
import { BUNDLE_FILES, entriesInTwoFiles, filesLoadingThemselves } from '../../scripts/bundle-files.mjs';

const output = (...inputs: string[]) => ({ inputs: Object.fromEntries(inputs.map((input) => [input, {}])) });

describe("the build's checks of dist/", () => {
  it('names a module of a file that is bundled into another file too, a `with` module as well', () => {
    const oneCopy = BUNDLE_FILES.find((file) => file.with?.length);
    expect(oneCopy?.with).toContain('source/aws/deadline.ts');
    const metafile = {
      outputs: {
        'dist/one-copy.js': output('source/errors.ts', 'source/aws/deadline.ts'),
        'dist/audit.js': output('source/commands/audit.ts', 'source/aws/deadline.ts'),
      },
    };
    expect(entriesInTwoFiles(metafile)).toEqual(['source/aws/deadline.ts is in one-copy.js and audit.js']);
    expect(entriesInTwoFiles({ outputs: { 'dist/one-copy.js': metafile.outputs['dist/one-copy.js'] } })).toEqual([]);
  });

  it('names a file that loads itself', () => {
    const metafile = {
      outputs: {
        'dist/one-copy.js': output('source/errors.ts', 'bundle-file:./one-copy.js'),
        'dist/recommend.js': output('source/commands/recommend.ts', 'bundle-file:./one-copy.js'),
      },
    };
    expect(filesLoadingThemselves(metafile)).toEqual(['one-copy.js']);
  });
});
