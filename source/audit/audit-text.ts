// The audit as a terminal table (one row per image, one column per check, within `width` columns),
// the failure details and a summary line; or as JSON for scripts.
import { printable } from '../text/printable.ts';
import { shortened } from '../text/shortened.ts';
import { wrap } from '../text/wrap.ts';
import { CHECKS } from './checks.ts';
import type { CheckId, CheckResult, ImageAudit } from './checks.ts';
import { jsonOutput } from '../text/json-output.ts';

interface TableStyle {
  labels: Record<CheckId, string>;
  cells: Record<CheckResult['status'], string>;
  legend?: string;
}

const FULL: TableStyle = {
  labels: {
    tags: 'TAGS',
    values: 'VALUES',
    age: 'AGE',
    public: 'PUBLIC',
    encrypted: 'ENCRYPT',
    imdsv2: 'IMDSV2',
    deprecated: 'DEPREC',
  },
  cells: { pass: 'ok', fail: 'FAIL', skip: '-' },
};
// For 80 columns: one character per check, so the image names still fit beside the ids.
const COMPACT: TableStyle = {
  labels: { tags: 'T', values: 'V', age: 'A', public: 'P', encrypted: 'E', imdsv2: 'I', deprecated: 'D' },
  cells: { pass: '.', fail: 'X', skip: '-' },
  legend: 'Checks: T tags, V values, A age, P public, E encrypted, I imdsv2, D deprecated.',
};
/** EC2 allows image names of 128 characters; anything longer is shortened (an endpoint may say anything). */
const MAX_NAME = 128;
/** The full headings are used when they leave at least this much room for names. */
const WANTED_NAME = 24;
const MIN_NAME = 8;

export interface AuditReport {
  regions: string[];
  audits: ImageAudit[];
  policySource?: string;
  ruleCount?: number;
  maxAgeDays: number;
}

export function auditText(untrusted: AuditReport, width = 80): string {
  // Escaped before the layout, so widths are measured on what the terminal shows.
  const report = shown(untrusted);
  const out: string[] = [...wrap(policyLine(report), '', '  ', width), ''];
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
      const title = `  ${audit.image.imageId}  ${audit.image.name || '(no name)'}`;
      // The full name lives here; if it does not fit beside the id it gets a line of its own.
      out.push(
        ...(title.length <= width
          ? [title]
          : [`  ${middleCut(audit.image.imageId, width - 2)}`, `    ${middleCut(audit.image.name, width - 4)}`]),
      );
      for (const r of audit.results.filter((x) => x.status === 'fail'))
        out.push(...wrap(`${r.check}: ${r.detail ?? ''}`, '    ', '      ', width));
    }
    out.push('');
  }
  out.push(...summaryLines(report).flatMap((line) => wrap(line, '', '  ', width)));
  return `${out.join('\n')}\n`;
}

/** The report with every text from EC2 (and the policy path) escaped: one value, one visible line. */
function shown(report: AuditReport): AuditReport {
  return {
    ...report,
    regions: report.regions.map(printable),
    ...(report.policySource ? { policySource: printable(report.policySource) } : {}),
    audits: report.audits.map((audit) => ({
      ...audit,
      image: {
        ...audit.image,
        imageId: printable(shortened(audit.image.imageId, MAX_NAME)),
        name: printable(shortened(audit.image.name, MAX_NAME)),
        region: printable(shortened(audit.image.region, MAX_NAME)),
      },
      results: audit.results.map((r) => (r.detail === undefined ? r : { ...r, detail: printable(r.detail) })),
    })),
  };
}

function table(audits: ImageAudit[], width: number): string[] {
  const idWidth = Math.max(5, ...audits.map((a) => a.image.imageId.length));
  const longestName = Math.max(4, ...audits.map((a) => a.image.name.length));
  const layout = (style: TableStyle) => {
    const cols = CHECKS.map((c) =>
      Math.max(style.labels[c].length, ...Object.values(style.cells).map((v) => v.length)),
    );
    // The name goes last and takes what is left.
    return { style, cols, nameWidth: width - idWidth - cols.reduce((sum, w) => sum + 1 + w, 0) - 1 };
  };
  const full = layout(FULL);
  const { style, cols, nameWidth } = full.nameWidth >= Math.min(longestName, WANTED_NAME) ? full : layout(COMPACT);
  const showName = nameWidth >= MIN_NAME; // else dropped: the failure details name each image
  const row = (id: string, cells: string[], name: string) =>
    [id.padEnd(idWidth), ...cells.map((c, i) => c.padEnd(cols[i]!)), ...(showName ? [middleCut(name, nameWidth)] : [])]
      .join(' ')
      .trimEnd();
  return [
    ...(style.legend ? wrap(style.legend, '', '  ', width) : []),
    row(
      'IMAGE',
      CHECKS.map((c) => style.labels[c]),
      'NAME',
    ),
    ...audits.map((a) =>
      row(
        a.image.imageId,
        a.results.map((r) => style.cells[r.status]),
        a.image.name,
      ),
    ),
  ];
}

export function policyLine(report: Pick<AuditReport, 'maxAgeDays' | 'policySource' | 'ruleCount'>): string {
  const age = `images older than ${report.maxAgeDays} days fail`;
  if (!report.policySource) return `No tag policy given (--policy FILE or --answers FILE): tag checks skipped; ${age}.`;
  return `Tag policy: ${report.policySource}, ${count(report.ruleCount ?? 0, 'tag')}; ${age}.`;
}

/** The summary line, then how many images fail each check (a line of its own, to fit 80 columns). */
function summaryLines(report: AuditReport): string[] {
  const where = report.regions.join(', ');
  const total = report.audits.length;
  if (!total) return [`No images owned by this account in ${where}.`];
  const failing = report.audits.filter((a) => !a.compliant);
  if (!failing.length) return [`${count(total, 'image')} in ${where}: all compliant.`];
  const perCheck = CHECKS.map(
    (c) => [c, failing.filter((a) => a.results.some((r) => r.check === c && r.status === 'fail')).length] as const,
  )
    .filter(([, n]) => n > 0)
    .map(([c, n]) => `${c} ${n}`);
  return [
    `${count(total, 'image')} in ${where}: ${total - failing.length} compliant, ${failing.length} failing.`,
    `Failed: ${perCheck.join(', ')}.`,
  ];
}

/** One object per image: what a script needs to act on it (EC2's texts shortened as in the text report). */
export function auditJson(audits: ImageAudit[]): string {
  return jsonOutput(audits.map(auditRow));
}

/** The JSON of one image's audit, here and in the organization audit's JSON Lines. */
export function auditRow({ image, compliant, results }: ImageAudit) {
  return {
    imageId: shortened(image.imageId, MAX_NAME),
    name: shortened(image.name, MAX_NAME),
    region: shortened(image.region, MAX_NAME),
    creationDate: image.creationDate ?? null,
    compliant,
    failed: results.filter((r) => r.status === 'fail').map(({ check, detail }) => ({ check, detail })),
  };
}

/** Cuts the middle out: image names share a project prefix and differ in their dated or versioned tail. */
function middleCut(text: string, w: number): string {
  if (text.length <= w) return text;
  const head = Math.floor((w - 2) / 2);
  return `${text.slice(0, head)}..${text.slice(text.length - (w - 2 - head))}`;
}
const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
