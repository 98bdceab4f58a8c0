// The GitHub Actions the generated workflow uses, each pinned to the full commit SHA of a release tag:
// a tag can be moved to other code, a commit cannot (GitHub's security hardening guide, "Using
// third-party actions": https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions#using-third-party-actions).
// The workflow writes the tag beside the SHA as a comment, the form Dependabot's github-actions
// updates keep current. One list: the template, its test and the README read these entries only.
// Each SHA is the commit its tag points to in the action's repository (git rev-parse TAG^{commit}),
// read on the day in `checked`; the newest release of each action that day.

export interface PinnedAction {
  /** owner/repo, as written before the @. */
  action: string;
  /** The release tag the SHA is the commit of. */
  version: string;
  sha: string;
  /** When the tag's commit was read (YYYY-MM-DD). */
  checked: string;
  /** The release the SHA was read from. */
  source: string;
}

const CHECKED = '2026-12-06';

export const PINNED_ACTIONS = {
  checkout: {
    action: 'actions/checkout',
    version: 'v7.0.1',
    sha: '3d3c42e5aac5ba805825da76410c181273ba90b1',
    checked: CHECKED,
    source: 'https://github.com/actions/checkout/releases/tag/v7.0.1',
  },
  setupPacker: {
    action: 'hashicorp/setup-packer',
    version: 'v3.1.0',
    sha: '1aa358be5cf73883762b302a3a03abd66e75b232',
    checked: CHECKED,
    source: 'https://github.com/hashicorp/setup-packer/releases/tag/v3.1.0',
  },
  configureAwsCredentials: {
    action: 'aws-actions/configure-aws-credentials',
    version: 'v6.2.3',
    sha: 'e6de054238d6b7531b4efff3b6587d9aade6a06c',
    checked: CHECKED,
    source: 'https://github.com/aws-actions/configure-aws-credentials/releases/tag/v6.2.3',
  },
  uploadArtifact: {
    action: 'actions/upload-artifact',
    version: 'v7.0.0',
    sha: 'bbbca2ddaa5d8feaa63e36b76fdaad77386f024f',
    checked: CHECKED,
    source: 'https://github.com/actions/upload-artifact/releases/tag/v7.0.0',
  },
} as const satisfies Record<string, PinnedAction>;

export type PinnedActionName = keyof typeof PINNED_ACTIONS;

/** What a template prints for each action: the reference (`owner/repo@sha`) and the tag for its comment. */
export function pinnedUses(): Record<PinnedActionName, { uses: string; version: string }> {
  const entries = Object.entries(PINNED_ACTIONS) as [PinnedActionName, PinnedAction][];
  return Object.fromEntries(
    entries.map(([name, p]) => [name, { uses: `${p.action}@${p.sha}`, version: p.version }]),
  ) as Record<PinnedActionName, { uses: string; version: string }>;
}
