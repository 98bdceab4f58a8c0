// The plan screen names, before anything is written, every path left alone and why (a symlink, a file
// ami-wizard never wrote), and under --force what is set aside (NAME.orig) or replaced (a link).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { NOT_A_FILE, planFiles } from '../../source/output/plan.ts';
import { sha256 } from '../../source/output/manifest.ts';
import type { OutputState } from '../../source/output/plan.ts';
import { planView } from '../../source/output/plan-text.ts';
import { PlanScreen } from '../../source/ui/plan-screen.tsx';

afterEach(() => cleanup());

const files = ['README.md', 'packer/base.pkr.hcl', 'packer/variables.pkr.hcl'].map((path) => ({
  path,
  contents: `new ${path}\n`,
  mode: 0o644,
}));

function frameFor(force: boolean): string {
  // README.md was made by hand; packer/ is a symlink to somewhere else.
  const state: OutputState = {
    outDir: '/work/out',
    previous: null,
    disk: new Map([
      ['README.md', sha256('# mine\n')],
      ['packer/base.pkr.hcl', NOT_A_FILE],
      ['packer/variables.pkr.hcl', NOT_A_FILE],
    ]),
    links: new Map([
      ['packer/base.pkr.hcl', 'packer'],
      ['packer/variables.pkr.hcl', 'packer'],
    ]),
    origNames: new Map([['README.md', 'README.md.orig']]),
  };
  const plan = planFiles(state, files, { force, generator: 'ami-wizard@0' });
  const ui = render(
    <PlanScreen
      outDir="/work/out"
      outLabel="out"
      view={planView(plan)}
      dryRun={false}
      progress={{ step: 21, total: 21 }}
      onSubmit={vi.fn()}
      onBack={vi.fn()}
    />,
  );
  return ui.lastFrame()!;
}

describe('plan screen: what is in the way', () => {
  it('says why each conflict is left alone', () => {
    const frame = frameFor(false);
    expect(frame).toContain('conflict  README.md (not written by ami-wizard)');
    expect(frame).toContain('conflict  packer/base.pkr.hcl (packer is a symlink; never followed)');
    expect(frame).toContain('3 conflicts');
  });

  it('under --force, says what is kept as NAME.orig and which link is replaced', () => {
    const frame = frameFor(true);
    expect(frame).toContain('replace   README.md (yours kept as README.md.orig)');
    expect(frame).toContain('replace   packer/base.pkr.hcl (symlink packer removed, target untouched)');
    expect(frame).toContain('3 to replace');
    expect(frame).not.toContain('conflict');
  });
});
