// One EC2 Image Builder recipe turned into the bash script that does what Image Builder's AWSTOE
// would do on the build instance: the build phase of every component in the recipe's order, then the
// validate phase of every component (the test phase runs on an instance launched from the image: the
// simulation's boots play that part). AWSTOE keeps the documents it runs in the recipe's working
// directory (default /tmp): each ExecuteBash step's commands are written there first, as one bash
// script, and run from there, so a step that deletes the working directory breaks the steps after it,
// as on a real build instance. CreateFile writes its files with their permissions. A failing step ends
// the build, as onFailure: Abort does.
import { shWord } from '../../generators/escape.ts';
import { Intrinsic } from '../../generators/cfn-yaml.ts';
import { checkComponentDocument } from '../support/awstoe.ts';
import type { Step } from '../support/awstoe.ts';
import { parseTemplate } from '../support/cfn-spec.ts';

/** The recipe whose Name ends in -IMAGE (base, or a role), from the generated template. */
export function imageBuilderScript(templateText: string, image: string): string {
  const resources = parseTemplate(templateText).Resources as Record<
    string,
    { Type: string; Properties: Record<string, any> }
  >;
  const recipe = Object.values(resources).find(
    (r) => r.Type === 'AWS::ImageBuilder::ImageRecipe' && String(r.Properties.Name).endsWith(`-${image}`),
  );
  if (!recipe) throw new Error(`no recipe for ${image}`);
  const steps: Step[] = [];
  for (const { ComponentArn } of recipe.Properties.Components as { ComponentArn: unknown }[]) {
    if (!(ComponentArn instanceof Intrinsic) || ComponentArn.tag !== '!Ref')
      throw new Error('a component that is not one of this stack is not simulated');
    const component = resources[ComponentArn.value as string]!;
    const { problems, steps: componentSteps } = checkComponentDocument(component.Properties.Data);
    if (problems.length)
      throw new Error(
        `component ${ComponentArn.value as string} is not well formed: ${problems.map((p) => p.message).join('; ')}`,
      );
    steps.push(...componentSteps);
  }
  const workdir = `${String(recipe.Properties.WorkingDirectory ?? '/tmp')}/TOE_2026-12-06_simulated`;
  const lines = [
    '#!/usr/bin/env bash',
    `# Image Builder recipe ${String(recipe.Properties.Name)}: build, then validate.`,
    'fail() { echo "build failed: $1" >&2; exit 1; }',
    `mkdir -p ${shWord(workdir)}`,
  ];
  const documents: string[] = [];
  let n = 0;
  for (const phase of ['build', 'validate']) {
    for (const step of steps.filter((s) => s.phase === phase)) {
      lines.push(`# ${phase}: ${step.name} (${step.action})`);
      if (step.action === 'CreateFile') {
        for (const file of step.inputs as { path: string; content: string; permissions?: string }[]) {
          lines.push(
            `mkdir -p "$(dirname ${shWord(file.path)})"`,
            `printf '%s' ${shWord(Buffer.from(file.content).toString('base64'))} | base64 -d > ${shWord(file.path)} || fail ${shWord(step.name)}`,
            ...(file.permissions ? [`chmod ${file.permissions} ${shWord(file.path)}`] : []),
          );
        }
      } else if (step.action === 'ExecuteBash') {
        const script = `${workdir}/step-${++n}.sh`;
        documents.push(`printf '%s\\n' ${shWord((step.inputs.commands as string[]).join('\n'))} > ${shWord(script)}`);
        lines.push(
          `[ -f ${shWord(script)} ] || fail ${shWord(`${phase}/${step.name}: AWSTOE's working directory lost its documents (a step before it deleted ${workdir})`)}`,
          `bash ${shWord(script)} || fail ${shWord(`${phase}/${step.name}`)}`,
        );
      } else {
        throw new Error(`AWSTOE action ${step.action} is not simulated (Linux builds only)`);
      }
    }
  }
  lines.push(`echo ${shWord(`recipe ${String(recipe.Properties.Name)} finished`)}`);
  // AWSTOE has every document before the first step runs.
  lines.splice(4, 0, ...documents);
  return `${lines.join('\n')}\n`;
}
