// The organization audit's output. --json: JSON Lines, one record per image as it is checked, one per
// failure, and a summary last; nothing waits for the end of the run. Text: the counts by account and
// region, the accounts with the most failing images first, what could not be audited, and a summary.
// Every text from AWS (account names, regions, messages) is shortened and escaped, as in audit-text.ts.
import { printable, UNSAFE_TEXT } from '../text/printable.ts';
import { shortened } from '../text/shortened.ts';
import { wrap } from '../text/wrap.ts';
import { auditRow, policyLine } from './audit-text.ts';
import type { CheckId, ImageAudit } from './checks.ts';
import { CHECKS } from './checks.ts';
import type { AccountFailure, AccountResult, RegionCounts } from './org-audit.ts';

/** One JSON value on one line; the characters the CLI's output filter would rewrite are \u escapes. */
export function jsonLine(value: unknown): string {
  return `${JSON.stringify(value).replace(UNSAFE_TEXT, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}

export const imageLine = (accountId: string, audit: ImageAudit): string =>
  jsonLine({ type: 'image', accountId, ...auditRow(audit) });

export const failureLine = (failure: AccountFailure): string => jsonLine({ type: 'error', ...failure });

/** What the whole run found: the finished and resumed accounts' counts, and every failure. */
export interface OrgTally {
  accounts: AccountResult[];
  /** Account ids taken from the resume file. */
  resumed: number;
  failures: AccountFailure[];
}

export interface OrgTotals {
  accounts: number;
  resumed: number;
  images: number;
  failing: number;
  failed: Partial<Record<CheckId, number>>;
  /** Accounts that could not be audited at all, and regions that could not be. */
  failedAccounts: number;
  failedRegions: number;
}

export function totals(tally: OrgTally): OrgTotals {
  const failed: Partial<Record<CheckId, number>> = {};
  let images = 0;
  let failing = 0;
  for (const r of tally.accounts.flatMap((a) => a.regions)) {
    images += r.images;
    failing += r.failing;
    for (const [check, n] of Object.entries(r.failed) as [CheckId, number][]) failed[check] = (failed[check] ?? 0) + n;
  }
  const wholeAccount = (f: AccountFailure) => f.region === undefined;
  return {
    accounts: tally.accounts.length,
    resumed: tally.resumed,
    images,
    failing,
    failed,
    failedAccounts: new Set(tally.failures.filter(wholeAccount).map((f) => f.accountId)).size,
    failedRegions: tally.failures.filter((f) => !wholeAccount(f)).length,
  };
}

export const summaryLine = (t: OrgTotals, exitCode: number): string => jsonLine({ type: 'summary', ...t, exitCode });

export interface OrgPolicy {
  policySource?: string;
  ruleCount?: number;
  maxAgeDays: number;
}

export function orgAuditText(tally: OrgTally, policy: OrgPolicy, width = 80): string {
  const show = (text: string, max = 64) => printable(shortened(text, max));
  const out: string[] = [
    ...wrap(
      policyLine({ ...policy, ...(policy.policySource ? { policySource: show(policy.policySource, 200) } : {}) }),
      '',
      '  ',
      width,
    ),
    '',
  ];
  const t = totals(tally);
  const byFailing = (a: { failing: number; images: number }, b: { failing: number; images: number }) =>
    b.failing - a.failing || b.images - a.images;
  const accounts = tally.accounts
    .map((a) => ({ ...a, images: sum(a.regions, 'images'), failing: sum(a.regions, 'failing') }))
    .sort((a, b) => byFailing(a, b) || a.accountId.localeCompare(b.accountId));
  if (accounts.length) {
    out.push('Accounts, most failing images first:');
    const imagesWidth = Math.max(6, ...accounts.map((a) => String(a.images).length));
    const failingWidth = Math.max(7, ...accounts.map((a) => String(a.failing).length));
    out.push(`  ACCOUNT       ${'IMAGES'.padStart(imagesWidth)}  ${'FAILING'.padStart(failingWidth)}  NAME`);
    for (const a of accounts) {
      const head = `  ${show(a.accountId, 12).padEnd(12)}  ${String(a.images).padStart(imagesWidth)}  ${String(a.failing).padStart(failingWidth)}  `;
      out.push(`${head}${cutToColumns(show(a.name ?? '-'), width - head.length)}`.trimEnd());
      for (const r of [...a.regions].filter((x) => x.failing > 0).sort(byFailing))
        out.push(...wrap(`${show(r.region, 32)}: ${regionText(r)}`, '    ', '      ', width));
    }
    out.push('');
  }
  if (tally.failures.length) {
    out.push('Could not audit:');
    for (const f of tally.failures) {
      const where = `${show(f.accountId, 12)}${f.region ? ` ${show(f.region, 32)}` : ''}`;
      out.push(...wrap(`${where} ${f.action}, ${f.kind}: ${show(f.code, 64)}: ${f.message}`, '  ', '      ', width));
    }
    out.push('');
  }
  const resumed = t.resumed ? ` (${t.resumed} from the resume file)` : '';
  const lines: string[] = [];
  if (!t.images) lines.push(`No images owned by the ${count(t.accounts, 'account')} audited${resumed}.`);
  else if (!t.failing)
    lines.push(`${count(t.images, 'image')} in ${count(t.accounts, 'account')}${resumed}: all compliant.`);
  else {
    lines.push(
      `${count(t.images, 'image')} in ${count(t.accounts, 'account')}${resumed}: ${t.images - t.failing} compliant, ${t.failing} failing.`,
    );
    lines.push(`Failed: ${checkCounts(t.failed)}.`);
  }
  if (t.failedAccounts || t.failedRegions) {
    const parts = [
      ...(t.failedAccounts ? [count(t.failedAccounts, 'account')] : []),
      ...(t.failedRegions ? [count(t.failedRegions, 'region')] : []),
    ];
    lines.push(`Not audited: ${parts.join(' and ')} (see above); the audit is incomplete.`);
  }
  out.push(...lines.flatMap((line) => wrap(line, '', '  ', width)));
  return `${out.join('\n')}\n`;
}

function regionText(r: RegionCounts): string {
  return `${count(r.images, 'image')}, ${r.failing} failing (${checkCounts(r.failed)})`;
}

const checkCounts = (failed: Partial<Record<CheckId, number>>) =>
  CHECKS.filter((c) => failed[c])
    .map((c) => `${c} ${failed[c]}`)
    .join(', ');

const sum = (regions: RegionCounts[], field: 'images' | 'failing') => regions.reduce((n, r) => n + r[field], 0);
const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
const cutToColumns = (text: string, w: number) =>
  text.length <= Math.max(w, 8) ? text : `${text.slice(0, Math.max(w, 8) - 2)}..`;
