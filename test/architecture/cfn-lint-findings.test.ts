// The validator suites run cfn-lint once over every case's templates (test/validators/folder-checks.ts)
// and each case's test fails on its own findings: attributeCfnLint (test/support/cfn-lint.ts) reads the
// one run into findings per file, and says when the run as a whole cannot be trusted.
import { describe, expect, it } from 'vitest';
import { attributeCfnLint } from '../support/cfn-lint.ts';

const ROLE_A = '/tmp/v/jeos-shell-rhel-9/iam/instance-role.yaml';
const RULES_A = '/tmp/v/jeos-shell-rhel-9/tagging/config-rules.yaml';
const ROLE_B = '/tmp/v/hybrid-chef-rhel-9/iam/instance-role.yaml';
const FILES = [ROLE_A, RULES_A, ROLE_B];
const E1029 = `${ROLE_B}:5:7:5:18:E1029:Found an embedded parameter "\${AWS::AccountId}" outside of an "Fn::Sub" at Resources/Topic/Properties/DisplayName`;

const lint = (code: number, stdout: string, stderr = '') => attributeCfnLint(FILES, { code, stdout, stderr });

describe('one cfn-lint run over many files, read per file', () => {
  it('a clean run: every file linted, none with a finding', () => {
    const report = lint(0, '');
    expect(report.broken).toBeUndefined();
    expect([...report.findings]).toEqual(FILES.map((f) => [f, []]));
  });

  it("a finding in one case's file is that file's, and no other's", () => {
    const report = lint(2, `${E1029}\n`);
    expect(report.broken).toBeUndefined();
    expect(report.findings.get(ROLE_B)).toEqual([E1029]);
    expect(report.findings.get(ROLE_A)).toEqual([]);
    expect(report.findings.get(RULES_A)).toEqual([]);
  });

  it('Windows paths, colons in paths and messages, a path that begins another, CRLF line ends', () => {
    const drive = 'C:\\work\\case:1\\iam\\access.yaml';
    const longer = 'C:\\work\\case:1\\iam\\access.yaml.d\\access.yaml';
    const warning = `${drive}:12:9:12:30:W3005:Obsolete DependsOn on resource (Role): see https://example.com/a:b`;
    const note = `${longer}:3:1:3:2:I3011:Note: 'arn:aws:iam::aws:policy/ReadOnlyAccess' at Resources/Role:Properties`;
    const report = attributeCfnLint([drive, longer], { code: 12, stdout: `${warning}\r\n${note}\r\n`, stderr: '' });
    expect(report.broken).toBeUndefined();
    expect(report.findings.get(drive)).toEqual([warning]);
    expect(report.findings.get(longer)).toEqual([note]);
  });

  it('fails every file on a crash or bad usage, whatever was printed', () => {
    for (const code of [1, -1, 16, 3, 130]) {
      const report = lint(code, code === 3 ? `${E1029}\n` : '', code === 1 ? 'usage: cfn-lint ...\n' : '');
      expect(report.broken, String(code)).toMatch(/which is not a lint result/);
    }
  });

  it('fails every file on a line that names none of them, on either stream', () => {
    // What cfn-lint prints for a path it cannot glob; it then lints nothing else.
    const glob = 'None:1:1:1:1:E0003:missing.yaml could not be processed by glob.glob';
    expect(lint(2, `${glob}\n`).broken).toContain(glob);
    expect(lint(2, `${E1029}\n/tmp/v/other/iam/access.yaml:1:1:1:2:E0000:x\n`).broken).toMatch(/other\/iam/);
    expect(lint(2, `${E1029}\n${ROLE_A}: truncated\n`).broken).toContain(`${ROLE_A}: truncated`);
    expect(lint(0, '', 'Traceback (most recent call last):\n').broken).toMatch(/standard error:\nTraceback/);
  });

  it('fails every file when the exit status and the findings printed disagree', () => {
    expect(lint(2, '').broken).toMatch(/status 2, but the findings it printed make 0/);
    expect(lint(0, `${E1029}\n`).broken).toMatch(/status 0, but the findings it printed make 2/);
    expect(lint(6, `${E1029}\n`).broken).toMatch(/status 6, but the findings it printed make 2/);
    // Broken or not, the findings are still there to show.
    expect(lint(0, `${E1029}\n`).findings.get(ROLE_B)).toEqual([E1029]);
  });
});
