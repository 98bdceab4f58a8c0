// The closing summary of `npm test` (test/support/skip-summary.ts): each missing tool with the files
// that skipped for it, the hint that .ci/run installs them, and any skip with no tool noted.
import { describe, expect, it } from 'vitest';
import { skipSummary } from '../support/skip-summary.ts';

const packer = { tool: 'packer', ciInstalls: true };
const shellcheck = { tool: 'shellcheck', ciInstalls: true };
const pwsh = { tool: 'pwsh', ciInstalls: false };

describe('the skip summary', () => {
  it('names each missing tool, the files that skipped for it, and that .ci/run installs them', () => {
    const text = skipSummary([
      { file: 'test/validators/matrix-rhel-9.test.ts', skipped: 40, missing: [packer, shellcheck] },
      { file: 'test/validators/accepted-values.test.ts', skipped: 2, missing: [shellcheck] },
      { file: 'test/generators/escape.test.ts', skipped: 1, missing: [pwsh] },
      { file: 'test/questionnaire/scenarios.test.ts', skipped: 0, missing: [] },
    ]);
    expect(text.trim().split('\n')).toEqual([
      'Skipped 43 tests in 3 files because tools are missing. .ci/run installs them (and runs as root):',
      '  packer missing: test/validators/matrix-rhel-9.test.ts (40 skipped for 2 tools)',
      '  pwsh missing (optional: .ci/run does not install it): test/generators/escape.test.ts (1 skipped)',
      '  shellcheck missing: test/validators/matrix-rhel-9.test.ts (40 skipped for 2 tools), test/validators/accepted-values.test.ts (2 skipped)',
    ]);
  });

  it('says how to get a tool that apt-get does not install', () => {
    const text = skipSummary([
      { file: 'test/boot/build-and-boot.test.ts', skipped: 5, missing: [{ tool: 'root', ciInstalls: true }] },
    ]);
    expect(text).toContain(
      '  root missing (run as root, as .ci/run does): test/boot/build-and-boot.test.ts (5 skipped)',
    );
  });

  it('says nothing when nothing skipped', () => {
    expect(skipSummary([{ file: 'test/questionnaire/scenarios.test.ts', skipped: 0, missing: [] }])).toBe('');
  });

  it('names a file that skipped with no missing tool noted, unless a name filter skipped it', () => {
    const files = [{ file: 'test/questionnaire/scenarios.test.ts', skipped: 3, missing: [] }];
    expect(skipSummary(files)).toMatch(
      /no missing tool noted .*: test\/questionnaire\/scenarios\.test\.ts \(3 skipped\)/,
    );
    expect(skipSummary(files, { explainAll: false })).toBe('');
  });
});
