// What audit --org reads before any AWS call: --accounts FILE, the --resume file, the options only the
// organization audit takes. Pure, or a temp file.
import { existsSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAccountList } from '../../source/audit/account-list.ts';
import { orgAuditText } from '../../source/audit/org-report.ts';
import { openResumeState, parseResumeState } from '../../source/audit/resume-state.ts';
import { parseArgs } from '../../source/cli-options.ts';
import { auditCommand } from '../../source/commands/audit.ts';
import { InputError } from '../../source/errors.ts';
import { tempDir } from '../support/answers.ts';
import { captureIO } from '../support/command-io.ts';

describe('--accounts FILE', () => {
  it('reads 12-digit ids, one a line, skipping blanks, comments and repeats', () => {
    expect(parseAccountList('111122223333\n\n# prod\n444455556666  # web\r\n111122223333\n', 'a.txt')).toEqual([
      '111122223333',
      '444455556666',
    ]);
  });
  it('refuses anything else, naming the line, escaped', () => {
    expect(() => parseAccountList('111122223333\n12345\n', 'a.txt')).toThrow(
      'a.txt, line 2: "12345" is not an AWS account id (12 digits).',
    );
    expect(() => parseAccountList('\x1b[31m\n', 'a.txt')).toThrow(/"\\x1b\[31m" is not/);
    expect(() => parseAccountList('# none\n', 'a.txt')).toThrow(InputError);
  });
});

describe('--resume FILE', () => {
  const line = (id: string) =>
    JSON.stringify({
      account: { accountId: id, regions: [{ region: 'eu-west-1', images: 3, failing: 1, failed: { age: 1 } }] },
    });
  it('reads finished accounts, and ignores a last record cut short', () => {
    const text = `${line('111122223333')}\n${line('444455556666')}\n{"account":{"accountId":"7777`;
    expect(parseResumeState(text, 's').map((a) => a.accountId)).toEqual(['111122223333', '444455556666']);
  });
  it('refuses a file that is not one', () => {
    expect(() => parseResumeState('hello\n', 's')).toThrow(/s, line 1 is not an account/);
    expect(() => parseResumeState(`${line('1')}\n`, 's')).toThrow(InputError);
  });
  it('appends to the file, starting a new line after a cut record', () => {
    const dir = tempDir();
    try {
      const path = join(dir.dir, 'state');
      writeFileSync(path, `${line('111122223333')}\n{"account":`);
      const state = openResumeState(path, 'state');
      expect(state.finished).toHaveLength(1);
      state.add({ accountId: '444455556666', regions: [], failures: [] });
      state.close();
      expect(openResumeState(path, 'state').finished.map((a) => a.accountId)).toEqual(['111122223333', '444455556666']);
    } finally {
      dir.cleanup();
    }
  });
});

describe('options of the organization audit', () => {
  it('refuses --role-name, --external-id and --resume without --org or --accounts', async () => {
    for (const extra of [
      ['--role-name', 'x'],
      ['--external-id', 'abc'],
      ['--resume', 's'],
    ]) {
      await expect(auditCommand(parseArgs(['audit', ...extra]), captureIO().io)).rejects.toThrow(
        /is for audit --org or --accounts FILE/,
      );
    }
  });
  it('--view: only with --org, never with --accounts', async () => {
    const view = 'arn:aws:resource-explorer-2:us-east-1:111122223333:view/images/1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
    await expect(auditCommand(parseArgs(['audit', '--view', view]), captureIO().io)).rejects.toThrow(
      /--view is for audit --org/,
    );
    await expect(
      auditCommand(parseArgs(['audit', '--accounts', 'ids.txt', '--view', view]), captureIO().io),
    ).rejects.toThrow(/--view finds the accounts itself/);
  });
  it('refuses a role name IAM would not take, before any AWS call', async () => {
    await expect(auditCommand(parseArgs(['audit', '--org', '--role-name', 'a b']), captureIO().io)).rejects.toThrow(
      /--role-name needs an IAM role name/,
    );
  });
});

describe('the text report', () => {
  it('escapes and shortens what AWS sent (account names, regions, messages)', () => {
    const text = orgAuditText(
      {
        accounts: [
          {
            accountId: '111122223333',
            name: `\x1b]0;pwned\x07${'n'.repeat(200)}`,
            regions: [{ region: 'eu-west-1', images: 2, failing: 1, failed: { tags: 1 } }],
            failures: [],
          },
        ],
        resumed: 0,
        failures: [
          {
            accountId: '444455556666',
            action: 'sts:AssumeRole',
            kind: 'access-denied',
            code: 'AccessDenied',
            message: 'denied',
          },
        ],
      },
      { maxAgeDays: 365 },
    );
    expect(text).not.toMatch(/\x1b|\x07/);
    expect(text).toContain('\\x1b]0;pwned\\x07');
    expect(Math.max(...text.split('\n').map((l) => l.length))).toBeLessThanOrEqual(80);
    expect(text).toContain('444455556666 sts:AssumeRole, access-denied: AccessDenied: denied');
  });
});

describe('--resume FILE is never followed through a link', () => {
  it('a dangling link is refused, and what it points at is not created', () => {
    const work = tempDir('ami-wizard-resume-link-');
    try {
      const target = join(work.dir, 'elsewhere.jsonl');
      const link = join(work.dir, 'resume.jsonl');
      symlinkSync(target, link);
      expect(() => openResumeState(link, 'resume.jsonl')).toThrow(InputError);
      expect(existsSync(target)).toBe(false);
    } finally {
      work.cleanup();
    }
  });
});
