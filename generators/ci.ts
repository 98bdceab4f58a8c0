// The optional GitHub Actions workflow: validate on pull requests, build on schedule and on change.
import type { BuildContext } from './build-context.ts';
import type { GeneratedFile } from './generated-file.ts';
import { MAX_SESSION_SECONDS } from './iam-access.ts';
import { pinnedUses } from './pinned-actions.ts';
import type { Renderer } from './render.ts';
import { workflowCron } from './schedules.ts';

/** Whether the folder has the workflow: asked for, and Packer builds (Image Builder pipelines run in AWS on their own schedule). */
export const writesWorkflow = (ctx: BuildContext): boolean => Boolean(ctx.options.githubActions) && ctx.engines.packer;

export function generateCi(ctx: BuildContext, templates: Renderer): GeneratedFile[] {
  const ci = ctx.options.githubActions;
  if (!ci || !writesWorkflow(ctx)) return [];
  const base = ci.directory === '.' ? '' : `${ci.directory}/`;
  const view = {
    ...ctx,
    cron: workflowCron(ctx.guidance.baselineStability),
    pathGlob: `${base}**`,
    packerDir: `${base}packer`,
    actions: pinnedUses(),
    sessionSeconds: MAX_SESSION_SECONDS,
  };
  return [
    { path: '.github/workflows/ami-build.yml', contents: templates.render('ci/ami-build.yml.hbs', view), mode: 0o644 },
  ];
}
