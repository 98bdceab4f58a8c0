// README.md and decision.md: the design explained for the people who keep the generated folder.
import {
  JUDGEMENT_NOTE,
  SCALE_TEXT,
  outscoredTexts,
  pointsText,
  requirementText,
  scoreBar,
  tieText,
  unmetText,
} from '../questionnaire/decision.ts';
import { DESIGN_DESCRIPTIONS } from '../questionnaire/designs.ts';
import { DESIGN_LABELS, QUESTION_LABELS } from '../questionnaire/labels.ts';
import { PLACEMENT_LABELS, PLACEMENT_LIMITS, placementRuleText } from '../questionnaire/placement.ts';
import type { BuildContext } from './build-context.ts';
import type { GeneratedFile } from './generated-file.ts';
import type { Renderer } from './render.ts';
import { buildSecrets, pinnedVersions } from './packer.ts';
import { imageKeys, packerBuildActions } from './build-permissions.ts';
import { githubRoleName, githubSubject } from './iam-access.ts';
import { imageStackName } from './image-stack-permissions.ts';
import { keyPolicySids, keyPolicyStatements } from './kms-key-grants.ts';
import { baselineScheduleText } from './schedules.ts';
import { writesWorkflow } from './ci.ts';
import { BUILD_INSTANCE_LINEAGE, LINEAGE_IN_IMAGE_BUILDER } from './image-builder-tags.ts';

/** What README.md and decision.md say about iam/ (iam.ts writes it from the same modules). */
function accessView(ctx: BuildContext) {
  const ci = ctx.options.githubActions;
  const keyPolicy = keyPolicyStatements(ctx).length > 0;
  return {
    buildActions: packerBuildActions(ctx),
    accessFile: ctx.engines.packer || Boolean(ci?.repository),
    github: ci?.repository
      ? {
          repository: ci.repository,
          environment: ci.environment,
          subject: githubSubject(ci.repository, ci.environment),
          roleName: githubRoleName(ci.roleArn).name,
        }
      : null,
    githubWithoutRepository: Boolean(ci) && !ci?.repository,
    imageStack: imageStackName(ctx),
    keyPolicy: keyPolicy ? { keys: imageKeys(ctx), sids: keyPolicySids(ctx) } : null,
    launchRegions: [ctx.platform.buildRegion, ...ctx.copyRegions],
  };
}

/** decision.md's "What goes where" table: each row's cells as text (the template escapes them). */
function placementView(ctx: BuildContext) {
  const none = '—';
  return {
    placementRule: placementRuleText(ctx.design),
    placementLimits: PLACEMENT_LIMITS,
    placementRows: ctx.placement.map((row) => ({
      name: row.name,
      roles: row.everyRole ? 'all' : row.roles.join(', '),
      installMinutes: row.installMinutes === undefined ? none : String(row.installMinutes),
      changes: row.changes ?? none,
      where: PLACEMENT_LABELS[row.placement],
      reason: row.reason,
    })),
    placementSummary: placementSummary(ctx),
  };
}

/** README's one sentence on what each image carries. */
function placementSummary(ctx: BuildContext): string {
  const count = (n: number) => `${n} package${n === 1 ? '' : 's'}`;
  const base = ctx.baseSoftware.length;
  const image = new Set(ctx.roles.flatMap((r) => r.imageSoftware)).size;
  const launch = new Set(ctx.roles.flatMap((r) => r.launchSoftware)).size;
  const carried = [
    'the management agents',
    ...(ctx.bootstrapRunsConfig ? [ctx.configTool] : []),
    ...(base ? [`${count(base)} every role lists`] : []),
  ];
  const parts = [
    `the baseline carries ${carried.length > 1 ? `${carried.slice(0, -1).join(', ')} and ${carried.at(-1)}` : carried[0]}`,
    ...(ctx.imageRoles.length ? [`each role image adds its role's own (${count(image)} in all)`] : []),
    ...(launch ? [`${count(launch)} ${launch === 1 ? 'is' : 'are'} installed at first boot`] : []),
  ];
  return `What goes where: ${parts.join('; ')}.`;
}

function docsView(ctx: BuildContext) {
  const { decision } = ctx;
  return {
    ...ctx,
    ...placementView(ctx),
    access: accessView(ctx),
    workflow: writesWorkflow(ctx),
    designLabel: DESIGN_LABELS[ctx.design],
    recommendedLabel: DESIGN_LABELS[decision.recommended],
    // What the chosen design cannot meet, when the answers rule it out: an override is said to break it.
    unmet: unmetText(ctx.design, decision.ranking, decision.requirements),
    summary: DESIGN_DESCRIPTIONS[ctx.design].summary,
    builderAnswer: ctx.engines.both ? 'both' : ctx.engines.packer ? 'packer' : 'image-builder',
    baseSchedule: baselineScheduleText(ctx.guidance.baselineStability),
    pinnedVersions: pinnedVersions(ctx),
    imageBuilderLineage: Object.entries(LINEAGE_IN_IMAGE_BUILDER).map(([key, holds]) => ({ key, holds })),
    imageBuilderInstanceLineage: BUILD_INSTANCE_LINEAGE,
    buildSecrets: buildSecrets(ctx),
    ranking: decision.ranking.map((r) => ({
      label: DESIGN_LABELS[r.design],
      score: r.score,
      // Markdown trims a cell's leading spaces: the bar is padded with dots to keep one zero mark.
      bar: scoreBar(r.score, 24, '█', '·'),
      ruledOut: r.ruledOutBy.length > 0,
    })),
    tie: tieText(decision.ranking),
    scale: SCALE_TEXT,
    requirements: decision.requirements.map((q) => ({ label: QUESTION_LABELS[q.key], text: requirementText(q) })),
    outscored: outscoredTexts(decision.ranking, decision.requirements),
    reasons: decision.reasons.map((r) => ({
      ...r,
      label: QUESTION_LABELS[r.key],
      points: pointsText(r.weights),
      note: r.judgement ? JUDGEMENT_NOTE : '',
    })),
    whatIf: decision.whatIf.map((w) => ({ ...w, strategyLabel: DESIGN_LABELS[w.strategy] })),
    alternatives: decision.tradeOffs
      .filter((t) => t.design !== ctx.design)
      .map((t) => ({
        label: DESIGN_LABELS[t.design],
        score: decision.ranking.find((r) => r.design === t.design)?.score ?? 0,
        summary: DESIGN_DESCRIPTIONS[t.design].summary,
      })),
    tradeOffs: decision.tradeOffs.map((t) => ({
      ...t,
      label: DESIGN_LABELS[t.design],
      chosen: t.design === ctx.design,
    })),
  };
}

export function generateDocs(ctx: BuildContext, templates: Renderer): GeneratedFile[] {
  const view = docsView(ctx);
  return [
    { path: 'README.md', contents: templates.render('docs/README.md.hbs', view), mode: 0o644 },
    { path: 'decision.md', contents: templates.render('docs/decision.md.hbs', view), mode: 0o644 },
  ];
}
