// The first-boot bootstrap: reads runtime information through IMDSv2 and, for hybrid and jeos,
// runs the configuration-management step. Also as #cloud-config user data for cloud-init users.
import type { BuildContext } from './build-context.ts';
import type { GeneratedFile } from './generated-file.ts';
import type { Renderer } from './render.ts';
import { FAMILY_SCRIPTS } from './platforms.ts';
import { BUILD_INSTANCE_MARKER } from './build-instance.ts';

export function generateBootstrap(ctx: BuildContext, templates: Renderer): GeneratedFile[] {
  const phase = ctx.design === 'hybrid' ? 'app' : 'all';
  const view = {
    ...ctx,
    phase,
    // Images are captured with an empty apt index; a first boot that installs packages refreshes it first:
    // phase all installs every package, phase app those placed at launch. (latestAtLaunch refreshes it
    // anyway, to update the packages.)
    refreshIndexAtBoot:
      ctx.bootstrapRunsConfig &&
      (phase === 'all' || ctx.roles.some((r) => r.launchSoftware.length > 0)) &&
      ctx.platform.facts.packageManager === 'apt' &&
      !ctx.guidance.latestAtLaunch,
    latestAtLaunch: ctx.guidance.latestAtLaunch,
    releaseLocked: ctx.platform.facts.releaseLocked,
    buildInstanceMarker: BUILD_INSTANCE_MARKER,
    onPremises: ctx.guidance.onPremises,
    phaseDescription:
      ctx.design === 'hybrid'
        ? 'Hybrid: the image carries the baseline and middleware; install the packages placed at launch and deploy the latest application now.'
        : 'JeOS: the image carries only the OS and the agent; build the whole role now.',
    applyPartial: `bootstrap/partials/${FAMILY_SCRIPTS[ctx.platform.facts.family].partialPrefix}apply-${ctx.configTool}`,
  };
  if (ctx.platform.facts.family === 'windows') {
    // EC2Launch v2 rather than cloud-init, a scheduled task rather than systemd.
    return [
      {
        path: 'bootstrap/ami-bootstrap.ps1',
        contents: templates.render('bootstrap/ami-bootstrap.ps1.hbs', view),
        mode: 0o644,
      },
    ];
  }
  const script = templates.render('bootstrap/ami-bootstrap.sh.hbs', view);
  // Base64 keeps any byte of the script intact in YAML; 76-character lines keep it readable.
  const scriptBase64Lines =
    Buffer.from(script, 'utf8')
      .toString('base64')
      .match(/.{1,76}/g) ?? [];
  const files = [
    { path: 'bootstrap/ami-bootstrap.sh', contents: script, mode: 0o755 },
    {
      path: 'bootstrap/ami-bootstrap.service',
      contents: templates.render('bootstrap/ami-bootstrap.service.hbs', view),
      mode: 0o644,
    },
    {
      path: 'bootstrap/cloud-config.yaml',
      contents: templates.render('bootstrap/cloud-config.yaml.hbs', { ...view, scriptBase64Lines }),
      mode: 0o644,
    },
  ];
  if (ctx.guidance.onPremises) {
    // The same bootstrap for the data centre's servers: settings from a file, no instance metadata.
    files.push(
      {
        path: 'bootstrap/install-on-premises.sh',
        contents: templates.render('bootstrap/install-on-premises.sh.hbs', view),
        mode: 0o755,
      },
      {
        path: 'bootstrap/ami-bootstrap-local.service',
        contents: templates.render('bootstrap/ami-bootstrap-local.service.hbs', view),
        mode: 0o644,
      },
      {
        path: 'bootstrap/settings.env.example',
        contents: templates.render('bootstrap/settings.env.example.hbs', view),
        mode: 0o644,
      },
    );
  }
  return files;
}
