// The recommendation as plain text for terminals and scripts, at most 80 columns wide.
import { DESIGN_LABELS } from '../../questionnaire/labels.ts';
import type { Decision } from '../../questionnaire/recommend.ts';
import { wrap } from '../text-wrap.ts';

export function recommendationText(decision: Decision): string {
  const out: string[] = [];
  const chosen = DESIGN_LABELS[decision.strategy];
  out.push(`Design: ${chosen}${decision.overridden ? ` (set in the answers; the model advises ${DESIGN_LABELS[decision.recommended]})` : ' (recommended)'}`);
  out.push('');
  const top = Math.max(1, ...decision.ranking.map((r) => r.score));
  for (const r of decision.ranking) {
    const bar = '#'.repeat(Math.max(0, Math.round((r.score / top) * 30)));
    out.push(`  ${DESIGN_LABELS[r.design].padEnd(22)} ${String(r.score).padStart(3)}  ${bar}`);
  }
  out.push('', 'Why:');
  for (const reason of decision.reasons) {
    const towards = reason.favours.length ? reason.favours.map((d) => DESIGN_LABELS[d]).join(', ') : 'neutral';
    out.push(...wrap(`${reason.answerLabel} -> ${towards}: ${reason.sentence}`, '  - '));
  }
  out.push('', 'What would change it:');
  if (decision.whatIf.length === 0) out.push('  No single answer change would change the recommendation.');
  for (const w of decision.whatIf) {
    out.push(...wrap(`${w.key}: ${w.toLabel} -> ${DESIGN_LABELS[w.strategy]}`, '  - '));
  }
  out.push('', 'Trade-offs (builds per month are estimates):');
  out.push(`  ${'Design'.padEnd(22)} ${'Launch'.padEnd(8)} ${'Images'.padStart(6)} ${'Builds/month'.padStart(12)}  Portability`);
  for (const t of decision.tradeOffs) {
    const mark = t.design === decision.strategy ? '*' : ' ';
    out.push(
      `${mark} ${DESIGN_LABELS[t.design].padEnd(22)} ${t.launchSpeed.padEnd(8)} ${String(t.imagesToMaintain).padStart(6)} ` +
        `${String(t.rebuildsPerMonth).padStart(12)}  ${t.portability}`,
    );
  }
  out.push('', 'Launch path:');
  for (const t of decision.tradeOffs) {
    out.push(...wrap(`${DESIGN_LABELS[t.design]}: the image has ${t.bakedIn}; at first boot, ${t.atBoot}.`, '  - '));
  }
  return `${out.join('\n')}\n`;
}
