// Two recommendations and the answers that separate them, as text of at most 80 columns, in the
// words on screen (questionnaire/labels.ts): question labels and design names, never internal keys.
import type { Comparison } from '../../questionnaire/compare.ts';
import { DESIGN_LABELS, QUESTION_LABELS, SHORT_DESIGN_LABELS } from '../../questionnaire/labels.ts';
import { DESIGNS } from '../../questionnaire/questions.ts';
import { wrap } from './wrap.ts';

const signed = (n: number): string => (n > 0 ? `+${n}` : String(n));

export function comparisonText(c: Comparison, nameA: string, nameB: string): string {
  const out: string[] = [];
  const label = (r: Comparison['a']) => DESIGN_LABELS[r.recommended];
  out.push(...wrap(`A (${nameA}): ${label(c.a)}`, ''));
  out.push(...wrap(`B (${nameB}): ${label(c.b)}`, ''));
  out.push('');
  if (c.differences.length === 0) {
    out.push('The two answer sets agree on every guidance question.');
    return `${out.join('\n')}\n`;
  }
  out.push(c.a.recommended === c.b.recommended ? 'Same design, despite these differences:' : 'They differ because:');
  for (const d of c.differences) {
    // What the difference does to B, by its points and whether B's design hangs on it; never a
    // direction ("towards JeOS") that the ranking may not follow.
    const effect = d.withoutIt
      ? `decides B's design: with A's answer, B would get ${DESIGN_LABELS[d.withoutIt]}`
      : `B's design would be the same with A's answer`;
    out.push(...wrap(`${QUESTION_LABELS[d.key]}: A "${d.aLabel}", B "${d.bLabel}": ${effect}`, '  - '));
    out.push(
      `      ${DESIGNS.map((design) => `${SHORT_DESIGN_LABELS[design]} ${signed(d.shift[design])}`).join(', ')}`,
    );
  }
  out.push('');
  for (const [name, r] of [
    ['A', c.a],
    ['B', c.b],
  ] as const) {
    out.push(`${name} scores: ${r.ranking.map((x) => `${DESIGN_LABELS[x.design]} ${x.score}`).join(', ')}`);
  }
  return `${out.join('\n')}\n`;
}
