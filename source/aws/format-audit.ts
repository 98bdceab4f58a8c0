// The audit as a terminal table (one row per image, one column per check, within `width` columns),
// the failure details and a summary line; or as JSON for scripts.
import { wrap } from '../commands/recommend-text.ts';
import { CHECKS } from './audit-checks.ts';
import type { CheckId, CheckResult, ImageAudit } from './audit-checks.ts';

const LABELS: Record<CheckId, string> = {
  tags: 'TAGS',
  values: 'VALUES',
  age: 'AGE',
  public: 'PUBLIC',
  encrypted: 'ENCRYPT',
  imdsv2: 'IMDSV2',
  deprecated: 'DEPREC',
};
const CELL: Record<CheckResult['status'], string> = { pass: 'ok', fail: 'FAIL', skip: '-' };
const MIN_NAME = 8;

export interface AuditReport {
  regions: string[];
  audits: ImageAudit[];
  policySource?: string;
  ruleCount?: number;
  maxAgeDays: number;
}

export function auditText(report: AuditReport, width = 80): string {
  const out: string[] = [policyLine(report), ''];
  for (const region of report.regions) {
    const audits = report.audits.filter((a) => a.image.region === region);
    const failing = audits.filter((a) => !a.compliant).length;
    out.push(`${region}: ${count(audits.length, 'image')}${audits.length ? `, ${failing} failing` : ''}`);
    if (audits.length) out.push(...table(audits, width));
    out.push('');
  }
  const failing = report.audits.filter((a) => !a.compliant);
  if (failing.length) {
    out.push('Failed checks:');
    for (const audit of failing) {
      out.push(`  ${audit.image.imageId}  ${audit.image.name || '(no name)'}`);
      for (const r of audit.results.filter((x) => x.status === 'fail')) out.push(...wrap(`${r.check}: ${r.detail ?? ''}`, '    ', '      ', width));
    }
    out.push('');
  }
  out.push(summaryLine(report));
  return `${out.join('\n')}\n`;
}

function table(audits: ImageAudit[], width: number): string[] {
  const idWidth = Math.max(5, ...audits.map((a) => a.image.imageId.length));
  const cols = CHECKS.map((c) => Math.max(LABELS[c].length, 4));
  const fixed = idWidth + cols.reduce((sum, w) => sum + 1 + w, 0);
  // The name goes last and takes what is left; on a narrow terminal it is dropped (the details show it).
  const nameWidth = width - fixed - 1;
  const showName = nameWidth >= MIN_NAME;
  const row = (id: string, cells: string[], name: string) =>
    [id.padEnd(idWidth), ...cells.map((c, i) => c.padEnd(cols[i]!)), ...(showName ? [fit(name, nameWidth)] : [])].join(' ').trimEnd();
  return [
    row('IMAGE', CHECKS.map((c) => LABELS[c]), 'NAME'),
    ...audits.map((a) => row(a.image.imageId, a.results.map((r) => CELL[r.status]), a.image.name)),
  ];
}

function policyLine(report: AuditReport): string {
  const age = `images older than ${report.maxAgeDays} days fail`;
  if (!report.policySource) return `No tag policy given (--policy FILE or --answers FILE): tag checks skipped; ${age}.`;
  return `Tag policy: ${report.policySource}, ${count(report.ruleCount ?? 0, 'tag')}; ${age}.`;
}

export function summaryLine(report: AuditReport): string {
  const where = report.regions.join(', ');
  const total = report.audits.length;
  if (!total) return `No images owned by this account in ${where}.`;
  const failing = report.audits.filter((a) => !a.compliant);
  if (!failing.length) return `${count(total, 'image')} in ${where}: all compliant.`;
  const perCheck = CHECKS.map((c) => [c, failing.filter((a) => a.results.some((r) => r.check === c && r.status === 'fail')).length] as const)
    .filter(([, n]) => n > 0)
    .map(([c, n]) => `${c} ${n}`);
  return `${count(total, 'image')} in ${where}: ${total - failing.length} compliant, ${failing.length} failing (${perCheck.join(', ')}).`;
}

/** One object per image: what a script needs to act on it. */
export function auditJson(audits: ImageAudit[]): string {
  const rows = audits.map(({ image, compliant, results }) => ({
    imageId: image.imageId,
    name: image.name,
    region: image.region,
    creationDate: image.creationDate ?? null,
    compliant,
    failed: results.filter((r) => r.status === 'fail').map(({ check, detail }) => ({ check, detail })),
  }));
  return `${JSON.stringify(rows, null, 2)}\n`;
}

const fit = (text: string, w: number) => (text.length <= w ? text : `${text.slice(0, w - 3)}...`);
const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
