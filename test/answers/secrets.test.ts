// The secret detector against gitleaks' rules (test/fixtures/upstream/secret-rules.json) and
// against the values a real answers file holds.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RULES, findSecret, findSecretInText } from '../../source/answers/secrets.ts';
import { UPSTREAM_DIR } from '../support/tools.ts';

const SECRETS = [
  'AKIAQYLPMN5HHHFPZAM2',
  'key ASIAY34FZKBOKMUTVV7A here',
  '-----BEGIN OPENSSH PRIVATE KEY-----',
  '-----BEGIN EC PRIVATE KEY-----\nMHcCAQEE\n-----END EC PRIVATE KEY-----',
  'password=hunter2hunter2',
  'db_password: "s3cr3t-Value"',
  'api_key=0123456789abcdef',
  `ghp_${'a1B2'.repeat(9)}`,
  'xoxb-123456789012-123456789012-abcdefABCDEF',
  'k7Qz9Vb2Lm4Xc8Rt1Yp6Wn3Hs5Jd0Fg/Ae+Ui2Oq', // a bare AWS secret access key
  'key: k7Qz9Vb2Lm4Xc8Rt1Yp6Wn3Hs5Jd0Fg/Ae+Ui2Oq',
];
const ORDINARY = [
  'web-shop',
  'nginx',
  'openjdk-21-jre-headless',
  'Billing & "EU" $(touch /tmp/x) ${var.y} {{z}}',
  'arn:aws:organizations::111122223333:ou/o-exampleorgid/ou-ab12-cdef3456',
  '/web-shop/prod/db/password',
  'alias/images',
  'AKIAIOSFODNN7EXAMPLE',
  'pci-dss',
  'eu-west-1',
  'tokenizer',
  'passwordless-login',
  // 40-character names: long, varied, but not random base64.
  'PlatformEngineeringTeamEuropeWestGermany',
  'MyCompanyWebShop2024ProductionEuWest1abc',
  'Billing2024EuropeCentralPlatformTeamXY12',
  'arn/aws/iam/111122223333/role/amibuild12',
  'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  '0123456789012345678901234567890123456789',
];

describe('findSecretInText', () => {
  it.each(SECRETS)('flags %j', (text) => expect(findSecretInText(text)).toBeDefined());
  it.each(ORDINARY)('leaves %j alone', (text) => expect(findSecretInText(text)).toBeUndefined());
});

describe("each rule's quick test before its pattern", () => {
  // Texts made of the pieces the patterns are made of, in any order, among other characters.
  const pieces = [
    ...[
      'A3T',
      'AKIA',
      'ASIA',
      'ABIA',
      'ACCA',
      'AKIAQYLPMN5HHHFPZAM2',
      'EXAMPLE',
      'k7Qz9Vb2Lm4Xc8Rt1Yp6Wn3Hs5Jd0Fg/Ae+Ui2Oq',
    ],
    ...['-----BEGIN', 'BEGIN', ' RSA', 'PRIVATE KEY', 'private key', '-----BEGIN PRIVATE KEY-----', '-----'],
    ...[
      `ghs_${'a1B2'.repeat(9)}`,
      `github_pat_${'A'.repeat(82)}`,
      'ghp_',
      'github_pat_',
      'a1B2'.repeat(9),
      'xox',
      'xoxb-',
      'xoxp-',
      '1234567890',
    ],
    ...['eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N', 'eyJhbGciOiJIUzI1NiJ9', '.ey'],
    ...['passwd', 'PassWord', 'pwd', 'SECRET', 'token', 'api_key', 'Api-Key', 'accesskey', 'CREDENTIALS'],
    ...[':=', '=>', '=', ':', '"', "'", ' ', '\n', 'hunter2', 'x', '/', '+', '.', '_', '-'],
  ];
  const text = fc.oneof(
    fc.array(fc.constantFrom(...pieces), { maxLength: 5 }).map((parts) => parts.join('')),
    fc.string({ unit: 'grapheme-ascii', maxLength: 60 }),
  );
  it.each(RULES.map((rule) => [rule.kind, rule] as const))(
    '%s: never false for a text its pattern matches',
    (_, rule) => {
      let matched = 0;
      fc.assert(
        fc.property(text, (sample) => {
          if (!rule.pattern.test(sample)) return true;
          matched++;
          return rule.mayMatch(sample, sample.toLowerCase());
        }),
        { numRuns: 20_000, seed: 23 },
      );
      expect(matched, 'the samples never matched the pattern: the property tested nothing').toBeGreaterThan(20);
    },
  );
});

describe('findSecret', () => {
  it('reports the path of the first secret, in values and under secret-named keys', () => {
    expect(findSecret({ project: { owner: 'AKIAQYLPMN5HHHFPZAM2' } })?.path).toEqual(['project', 'owner']);
    expect(findSecret({ roles: [{ software: ['ok', 'password=hunter2hunter2'] }] })?.path).toEqual([
      'roles',
      0,
      'software',
      1,
    ]);
    expect(findSecret({ project: { dbPassword: 'x' } })?.kind).toMatch(/dbPassword/);
    for (const key of ['passwd', 'SECRET', 'apiKey', 'private_key', 'githubToken', 'aws_secret_access_key'])
      expect(findSecret({ project: { [key]: 'x' } })?.kind, key).toContain(`"${key}"`);
    expect(findSecret({ project: { name: 'ok' }, tags: { Team: { value: 'a' } } })).toBeUndefined();
  });
});

describe("agrees with gitleaks' rules", () => {
  const rules = JSON.parse(readFileSync(join(UPSTREAM_DIR, 'secret-rules.json'), 'utf8')).rules;
  const rule = (id: string) => {
    const r = rules.find((x: { id: string }) => x.id === id);
    const flags = r.regex.startsWith('(?i)') ? 'i' : '';
    return new RegExp(r.regex.replace(/^\(\?i\)/, '').replace(/\(\?-i:([^)]*)\)/g, '(?:$1)'), flags);
  };
  it('every gitleaks AWS access key match is flagged', () => {
    const aws = rule('aws-access-token');
    let matched = 0;
    for (const text of [...SECRETS, ...ORDINARY]) {
      const m = aws.exec(text);
      if (m && !/EXAMPLE$/.test(m[1]!)) matched += (expect(findSecretInText(text), text).toBeDefined(), 1);
    }
    expect(matched, 'the gitleaks rule matched none of the samples').toBeGreaterThan(0);
  });
  it('every gitleaks private key match is flagged', () => {
    const pk = rule('private-key');
    const block = `-----BEGIN RSA PRIVATE KEY-----\n${'A'.repeat(64)}\n-----END RSA PRIVATE KEY-----`;
    expect(pk.test(block)).toBe(true);
    expect(findSecretInText(block)).toBe('a private key');
  });
});

describe('a bare AWS secret access key', () => {
  it('is found in nearly every random 40-character base64 key', () => {
    // Deterministic random keys: base64 of SHA-256 digests (30 bytes give exactly 40 characters).
    const keys = Array.from({ length: 2000 }, (_, i) =>
      createHash('sha256').update(String(i)).digest().subarray(0, 30).toString('base64'),
    );
    const found = keys.filter((key) => findSecretInText(key) !== undefined).length;
    expect(found / keys.length).toBeGreaterThan(0.97);
  });
});
