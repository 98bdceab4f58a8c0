// README.md and decision.md: the design explained for the people who keep the generated folder.
import { DESIGN_LABELS } from '../questionnaire/questions.ts';
import type { Design } from '../questionnaire/questions.ts';
import type { BuildContext } from './build-context.ts';
import type { GeneratedFile } from './generated-file.ts';
import type { Renderer } from './render.ts';

const SUMMARY: Record<Design, string> = {
  'fully-baked':
    'Every role gets a complete image: operating system, agents, middleware, the application and its configuration. ' +
    'Instances start serving as soon as they boot; at launch they only read a few settings from user data.',
  hybrid:
    'A shared baseline image carries the operating system, security baseline and management agents, and each role image adds its middleware. ' +
    'At first boot the bootstrap pulls the latest application build and its configuration.',
  jeos:
    'One minimal image carries the operating system and the configuration-management agent. ' +
    'At first boot the agent installs and configures everything the role needs.',
};

const favourText = (designs: Design[]): string =>
  designs.length === 0 ? 'neutral' : designs.map((d) => DESIGN_LABELS[d]).join(' and ');

function docsView(ctx: BuildContext) {
  const { decision } = ctx;
  const top = Math.max(...decision.ranking.map((r) => r.score), 1);
  return {
    ...ctx,
    designLabel: DESIGN_LABELS[ctx.design],
    recommendedLabel: DESIGN_LABELS[decision.recommended],
    summary: SUMMARY[ctx.design],
    ranking: decision.ranking.map((r) => ({
      label: DESIGN_LABELS[r.design],
      score: r.score,
      bar: '#'.repeat(Math.max(0, Math.round((r.score / top) * 20))),
    })),
    reasons: decision.reasons.map((r) => ({ ...r, favourText: favourText(r.favours) })),
    whatIf: decision.whatIf.map((w) => ({ ...w, strategyLabel: DESIGN_LABELS[w.strategy] })),
    alternatives: decision.tradeOffs
      .filter((t) => t.design !== ctx.design)
      .map((t) => ({
        label: DESIGN_LABELS[t.design],
        score: decision.ranking.find((r) => r.design === t.design)?.score ?? 0,
        summary: SUMMARY[t.design],
      })),
    tradeOffs: decision.tradeOffs.map((t) => ({ ...t, label: DESIGN_LABELS[t.design], chosen: t.design === ctx.design })),
  };
}

export function generateDocs(ctx: BuildContext, templates: Renderer): GeneratedFile[] {
  const view = docsView(ctx);
  return [
    { path: 'README.md', contents: templates.render('docs/README.md.hbs', view), mode: 0o644 },
    { path: 'decision.md', contents: templates.render('docs/decision.md.hbs', view), mode: 0o644 },
  ];
}
