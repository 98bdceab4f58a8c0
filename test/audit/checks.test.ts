// The audit's checks, the base-image choice and the table, in-process over plain records (no SDK).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditImage } from '../../source/audit/checks.ts';
import type { AuditOptions } from '../../source/audit/checks.ts';
import { pickCurrentImage } from '../../source/aws/find-base-image.ts';
import { auditJson, auditText } from '../../source/audit/audit-text.ts';
import type { ImageRecord } from '../../source/aws/image-record.ts';
import { progress } from '../../source/aws/progress.ts';
import type { TagRule } from '../../source/audit/tag-policy.ts';
import { ROOT } from '../aws/support/run-cli.ts';

const NOW = new Date('2026-06-01T00:00:00Z');
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000).toISOString();
const RULES: TagRule[] = [
  { key: 'CostCenter', allowed: ['100', '200*'], required: true },
  { key: 'Owner', required: true },
  { key: 'Department', allowed: ['Sales'], required: false },
];
const OPTIONS: AuditOptions = { rules: RULES, maxAgeDays: 90, now: NOW };

function image(patch: Partial<ImageRecord> = {}): ImageRecord {
  return {
    imageId: 'ami-0123456789abcdef0',
    name: 'demo-base',
    region: 'eu-west-1',
    state: 'available',
    creationDate: daysAgo(10),
    public: false,
    imdsSupport: 'v2.0',
    tags: [
      { key: 'CostCenter', value: '2001' },
      { key: 'Owner', value: 'team' },
    ],
    ebs: [{ device: '/dev/xvda', snapshotId: 'snap-1', encrypted: true }],
    ...patch,
  };
}

const failed = (record: ImageRecord, options = OPTIONS) =>
  Object.fromEntries(
    auditImage(record, options)
      .results.filter((r) => r.status === 'fail')
      .map((r) => [r.check, r.detail]),
  );

describe('auditImage', () => {
  it('a well-kept image passes every check', () => {
    const audit = auditImage(image(), OPTIONS);
    expect(audit.compliant).toBe(true);
    expect(audit.results.map((r) => `${r.check}:${r.status}`)).toEqual([
      'tags:pass',
      'values:pass',
      'age:pass',
      'public:pass',
      'encrypted:pass',
      'imdsv2:pass',
      'deprecated:pass',
    ]);
  });

  it('tags: a missing required key, and a key in the wrong case (even for a tag not required)', () => {
    const tags = [
      { key: 'costcenter', value: '100' },
      { key: 'department', value: 'Sales' },
    ];
    expect(failed(image({ tags }))).toEqual({
      tags: 'costcenter should be CostCenter; missing Owner; department should be Department',
    });
  });

  it('values: outside the allowed list; the wildcard and unconstrained keys pass', () => {
    const tags = [
      { key: 'CostCenter', value: '300' },
      { key: 'Owner', value: 'any' },
      { key: 'Department', value: 'sales' },
    ];
    expect(failed(image({ tags }))).toEqual({
      values: 'CostCenter="300" not allowed (100, 200*); Department="sales" not allowed (Sales)',
    });
  });

  it('age: the window is inclusive; one day more fails', () => {
    expect(failed(image({ creationDate: daysAgo(90) }))).toEqual({});
    expect(failed(image({ creationDate: daysAgo(91) }))).toEqual({ age: '91 days old, window 90 days' });
    expect(auditImage(image({ creationDate: undefined }), OPTIONS).results.find((r) => r.check === 'age')).toEqual({
      check: 'age',
      status: 'skip',
      detail: 'creation date unknown',
    });
  });

  it('public, imdsv2 and deprecated', () => {
    expect(failed(image({ public: true }))).toEqual({ public: 'anyone can launch it (public launch permission)' });
    expect(failed(image({ imdsSupport: undefined }))).toEqual({
      imdsv2: 'imdsSupport is unset, so instances may use IMDSv1',
    });
    expect(failed(image({ deprecationTime: daysAgo(1) }))).toEqual({ deprecated: `deprecated since ${daysAgo(1)}` });
    expect(failed(image({ deprecationTime: daysAgo(-30) }))).toEqual({}); // deprecation planned, not yet reached
  });

  it('encrypted: false or unreported Encrypted fails; instance-store-only images pass', () => {
    const ebs = [
      { device: '/dev/xvda', snapshotId: 'snap-1', encrypted: true },
      { device: '/dev/xvdb', snapshotId: 'snap-2', encrypted: false },
      { device: '/dev/xvdc', snapshotId: 'snap-3' },
    ];
    expect(failed(image({ ebs }))).toEqual({ encrypted: 'unencrypted: snap-2 (/dev/xvdb), snap-3 (/dev/xvdc)' });
    expect(failed(image({ ebs: [] }))).toEqual({});
  });

  it('without a policy the tag checks are skipped, not passed', () => {
    const audit = auditImage(image({ tags: [] }), { maxAgeDays: 90, now: NOW });
    expect(audit.compliant).toBe(true);
    expect(audit.results.slice(0, 2).map((r) => r.status)).toEqual(['skip', 'skip']);
  });
});

describe('pickCurrentImage', () => {
  it('takes the newest available image whose deprecation time has not passed', () => {
    const images = [
      image({ imageId: 'ami-old', creationDate: daysAgo(30) }),
      image({ imageId: 'ami-deprecated', creationDate: daysAgo(1), deprecationTime: daysAgo(0.5) }),
      image({ imageId: 'ami-pending', creationDate: daysAgo(0.1), state: 'pending' }),
      image({ imageId: 'ami-current', creationDate: daysAgo(2), deprecationTime: daysAgo(-700) }),
    ];
    expect(pickCurrentImage(images, NOW)?.imageId).toBe('ami-current');
    expect(pickCurrentImage([images[1]!], NOW)).toBeUndefined();
  });
});

describe('the audit table', () => {
  const audits = [
    auditImage(image({ imageId: 'ami-0aaaaaaaaaaaaaaa1', name: 'demo-web-2026-05-20' }), OPTIONS),
    auditImage(
      image({
        imageId: 'ami-0aaaaaaaaaaaaaaa2',
        name: 'demo-api-2025-01-01',
        creationDate: daysAgo(500),
        public: true,
      }),
      OPTIONS,
    ),
  ];
  const report = { regions: ['eu-west-1'], audits, policySource: 'tag-policy.json', ruleCount: 3, maxAgeDays: 90 };

  it('fits 80 columns: one character per check, names beside the ids', () => {
    const text = auditText(report, 80);
    expect(Math.max(...text.split('\n').map((l) => l.length))).toBeLessThanOrEqual(80);
    expect(text).toContain(
      'IMAGE                 T V A P E I D NAME\nami-0aaaaaaaaaaaaaaa1 . . . . . . . demo-web-2026-05-20\nami-0aaaaaaaaaaaaaaa2 . . X X . . . demo-api-2025-01-01\n',
    );
    expect(text).toContain(
      '  ami-0aaaaaaaaaaaaaaa2  demo-api-2025-01-01\n    age: 500 days old, window 90 days\n    public: anyone can launch it',
    );
    expect(text.trimEnd().split('\n').slice(-2)).toEqual([
      '2 images in eu-west-1: 1 compliant, 1 failing.',
      'Failed: age 1, public 1.',
    ]);
  });

  it('spells the checks out when the terminal is wide', () => {
    const text = auditText(report, 120);
    expect(text).toContain('IMAGE                 TAGS VALUES AGE  PUBLIC ENCRYPT IMDSV2 DEPREC NAME\n');
    expect(text).toContain('ami-0aaaaaaaaaaaaaaa2 ok   ok     FAIL FAIL   ok      ok     ok     demo-api-2025-01-01\n');
  });

  it('drops the name column when even the compact table leaves no room', () => {
    const header = auditText(report, 40)
      .split('\n')
      .find((l) => l.startsWith('IMAGE'));
    expect(header).toBe('IMAGE                 T V A P E I D');
  });

  it('JSON: one object per image with imageId, name, compliant and the failed checks', () => {
    expect(JSON.parse(auditJson(audits))).toEqual([
      {
        imageId: 'ami-0aaaaaaaaaaaaaaa1',
        name: 'demo-web-2026-05-20',
        region: 'eu-west-1',
        creationDate: daysAgo(10),
        compliant: true,
        failed: [],
      },
      {
        imageId: 'ami-0aaaaaaaaaaaaaaa2',
        name: 'demo-api-2025-01-01',
        region: 'eu-west-1',
        creationDate: daysAgo(500),
        compliant: false,
        failed: [
          { check: 'age', detail: '500 days old, window 90 days' },
          { check: 'public', detail: 'anyone can launch it (public launch permission)' },
        ],
      },
    ]);
  });
});

describe('progress', () => {
  it('writes nothing when stderr is not a terminal, and clears its line on a terminal', () => {
    const piped: string[] = [];
    const p1 = progress({ isTTY: false, write: (t) => piped.push(t) });
    p1.update('Listing images');
    p1.stop();
    expect(piped).toEqual([]);

    const tty: string[] = [];
    const p2 = progress({ isTTY: true, write: (t) => tty.push(t) }, 10_000);
    p2.update('Listing images in eu-west-1: page 2, 400 images');
    p2.stop();
    expect(tty).toEqual(['\r| Listing images in eu-west-1: page 2, 400 images\x1b[K', '\r\x1b[K']);
  });
});

describe('the pure modules stay pure', () => {
  it.each([
    'audit/checks.ts',
    'audit/tag-policy.ts',
    'audit/audit-text.ts',
    'aws/image-record.ts',
    'aws/lookup-text.ts',
    'aws/advice.ts',
    'aws/progress.ts',
  ])('source/%s does not import the SDK', (file) => {
    expect(readFileSync(join(ROOT, 'source', file), 'utf8')).not.toMatch(/@aws-sdk|@smithy/);
  });
});

// Issue 21: untrusted tag values and names were printed at full length (two 1 MB lines for one image),
// in text and in --json. What EC2 returns is shortened to what a reader can use, with its length said.
describe('untrusted values from EC2 are shortened', () => {
  const huge = 'v'.repeat(1024 * 1024);
  const bad = image({
    name: `n${'x'.repeat(1024 * 1024)}`,
    tags: [
      { key: 'CostCenter', value: huge },
      { key: `owner${'k'.repeat(1024 * 1024)}`, value: 'x' },
    ],
  });
  const rules: TagRule[] = [
    { key: 'CostCenter', allowed: ['100'], required: true },
    { key: `owner${'k'.repeat(1024 * 1024)}`.replace(/^o/, 'O'), required: true },
  ];
  const audit = auditImage(bad, { ...OPTIONS, rules });

  it('in the text report: no line longer than the width, the length said', () => {
    const text = auditText(
      { regions: ['eu-west-1'], audits: [audit], maxAgeDays: 90, policySource: 'p.json', ruleCount: 2 },
      100,
    );
    expect(text.length).toBeLessThan(4000);
    for (const line of text.split('\n')) expect(line.length, line.slice(0, 120)).toBeLessThanOrEqual(100);
    expect(text.replace(/\s+/g, ' ')).toMatch(/1048576 characters/);
  });

  it('in --json: every string bounded, the length said', () => {
    const json = auditJson([audit]);
    expect(json.length).toBeLessThan(4000);
    const [row] = JSON.parse(json) as { name: string; failed: { detail: string }[] }[];
    expect(row!.name).toMatch(/1048577 characters/);
    expect(row!.failed.map((f) => f.detail).join(' ')).toMatch(/1048576 characters/);
  });
});
