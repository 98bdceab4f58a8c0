// EC2 Image Builder output checked like everything else: every CloudFormation template against AWS's
// resource specification, every component document against the AWSTOE structure, every script it
// embeds with bash -n and shellcheck (or the PowerShell grammar), the files it creates equal to the
// generated ones, and what the guidance asks of the pipeline: IMDSv2 on the build instances, role
// recipes on the baseline, the lifecycle honouring deprecateAfterDays. With `both`, the scripts are
// the very ones of packer/scripts.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPONENT_DATA_LIMIT } from '../../generators/image-builder.ts';
import type { GeneratedFile } from '../../generators/generated-file.ts';
import { checkComponentDocument, formatDocumentProblems } from '../support/awstoe.ts';
import { checkTemplate, formatTemplateProblems, parseTemplate } from '../support/cfn-spec.ts';
import { formatProblems, loadPowerShell } from '../support/powershell.ts';
import { hasTool, run } from '../support/tools.ts';
import type { Case } from './cases.ts';

export function imageBuilderChecks(root: string, generated: Map<string, GeneratedFile[]>, cases: Case[]) {
  const hasShellcheck = hasTool('shellcheck');
  const file = (name: string, path: string) => generated.get(name)?.find((f) => f.path === path);
  const components = (name: string) => {
    const template = parseTemplate(file(name, 'imagebuilder/image-builder.yaml')!.contents);
    return Object.entries(template.Resources as Record<string, any>)
      .filter(([, r]) => r.Type === 'AWS::ImageBuilder::Component')
      .map(([id, r]) => ({ id, data: r.Properties.Data as string, ...checkComponentDocument(r.Properties.Data) }));
  };

  return function forCase(name: string): void {
    const input = cases.find((c) => c.name === name)!.input as Record<string, any>;
    const builder = input.builder ?? 'packer';

    it('CloudFormation: every template fits AWS resource specification (types, properties, required, nested types, references)', () => {
      for (const path of [
        'tagging/config-rules.yaml',
        ...(builder === 'packer' ? [] : ['imagebuilder/image-builder.yaml']),
      ]) {
        const problems = checkTemplate(parseTemplate(file(name, path)!.contents));
        expect(problems, `${path}\n${formatTemplateProblems(problems)}`).toEqual([]);
      }
      expect(Boolean(file(name, 'imagebuilder/image-builder.yaml'))).toBe(builder !== 'packer');
      expect((generated.get(name) ?? []).some((f) => f.path.startsWith('packer/'))).toBe(builder !== 'image-builder');
    });

    if (builder === 'packer') return;

    it('Image Builder: every component is a well-formed AWSTOE document that Image Builder keeps inline', () => {
      const all = components(name);
      expect(all.length).toBeGreaterThan(0);
      for (const c of all) {
        expect(c.problems, `${c.id}\n${formatDocumentProblems(c.problems)}`).toEqual([]);
        expect(c.data.length, c.id).toBeLessThanOrEqual(COMPONENT_DATA_LIMIT);
      }
    });

    it('Image Builder: every embedded script passes bash -n and shellcheck, or parses as PowerShell', async () => {
      const parse = await loadPowerShell();
      const scripts: string[] = [];
      for (const c of components(name)) {
        for (const step of c.steps.filter((s) => s.action === 'ExecuteBash' || s.action === 'ExecutePowerShell')) {
          const commands = step.inputs.commands as string[];
          const script = commands.at(-1)!;
          if (step.action === 'ExecutePowerShell') {
            const problems = parse(commands.join('\n'));
            expect(problems, `${c.id}/${step.name}\n${formatProblems(problems)}`).toEqual([]);
            continue;
          }
          // The variables Packer passes as environment_vars, exported before the script.
          for (const line of commands.slice(0, -1)) expect(line).toMatch(/^export [A-Z_]+='[^']*'$/);
          const path = join(root, name, `component-${c.id}-${step.name}.sh`);
          writeFileSync(path, script);
          expect(run('bash', ['-n', path]).code, path).toBe(0);
          scripts.push(path);
        }
      }
      if (hasShellcheck && scripts.length) {
        const result = run('shellcheck', ['--shell=bash', '--severity=style', ...scripts]);
        expect(result.code, result.output).toBe(0);
      }
    });

    it('Image Builder: the files it creates are the generated bootstrap and config files', () => {
      for (const c of components(name)) {
        for (const step of c.steps.filter((s) => s.action === 'CreateFile')) {
          for (const created of step.inputs as { path: string; content: string }[]) {
            const rel = created.path
              .replace(/^\/tmp\/ami-wizard-bootstrap\/|^C:\/ProgramData\/ami-wizard\/bootstrap\//, 'bootstrap/')
              .replace(/^\/tmp\/ami-wizard-config\/|^C:\/ProgramData\/ami-wizard\/config\//, 'config/');
            expect(file(name, rel)?.contents, `${c.id}: ${created.path}`).toBe(created.content);
          }
        }
      }
    });

    if (builder === 'both') {
      it('both: the components run exactly the scripts of packer/scripts', () => {
        const ext = input.platform?.os === 'windows-server-2022' ? 'ps1' : 'sh';
        const packerScripts = new Set(
          (generated.get(name) ?? [])
            .filter((f) => f.path.startsWith('packer/scripts/') && f.path.endsWith(`.${ext}`))
            .map((f) => f.contents),
        );
        let embedded = 0;
        for (const c of components(name)) {
          for (const step of c.steps.filter((s) => /^Execute/.test(s.action))) {
            expect(packerScripts.has((step.inputs.commands as string[]).at(-1)!), `${c.id}/${step.name}`).toBe(true);
            embedded++;
          }
        }
        expect(embedded).toBeGreaterThan(3);
      });
    }

    it('Image Builder: IMDSv2 on build instances, role recipes on the baseline, the lifecycle deprecating at deprecateAfterDays', () => {
      const template = parseTemplate(file(name, 'imagebuilder/image-builder.yaml')!.contents);
      const resources = Object.values(template.Resources as Record<string, any>);
      const infra = resources.filter((r) => r.Type === 'AWS::ImageBuilder::InfrastructureConfiguration');
      const recipes = resources.filter((r) => r.Type === 'AWS::ImageBuilder::ImageRecipe');
      // One per image, so that each image's build instances carry its own tags.
      expect(infra.length).toBe(recipes.length);
      for (const i of infra)
        expect(i.Properties.InstanceMetadataOptions).toEqual({ HttpTokens: 'required', HttpPutResponseHopLimit: 1 });
      const base = recipes.find((r) => r.Properties.Name.endsWith('-base'))!;
      for (const recipe of recipes.filter((r) => r !== base)) {
        expect(recipe.Properties.ParentImage.value).toMatch(new RegExp(`:image/${base.Properties.Name}/x\\.x\\.x$`));
      }
      expect(recipes.length).toBe(input.strategy === 'jeos' ? 1 : 1 + (input.roles?.length ?? 1));
      // A policy per image: its AMIs deprecated at deprecateAfterDays, then deleted with their snapshots.
      const policies = resources.filter((r) => r.Type === 'AWS::ImageBuilder::LifecyclePolicy');
      expect(policies.length).toBe(recipes.length);
      for (const policy of policies) {
        expect(policy.Properties.PolicyDetails[0]).toEqual({
          Action: { Type: 'DEPRECATE', IncludeResources: { Amis: true } },
          Filter: { Type: 'AGE', Value: input.options?.deprecateAfterDays ?? 365, Unit: 'DAYS' },
        });
        expect(policy.Properties.PolicyDetails[1].Action).toEqual({
          Type: 'DELETE',
          IncludeResources: { Amis: true, Snapshots: true },
        });
      }
    });
  };
}

/** The check that the spec checker and the document checker can fail. */
export function imageBuilderCanFail(): void {
  describe('the Image Builder validators can fail', () => {
    it('the resource specification finds an unknown property, a missing required one, a wrong type and a dangling !Ref', () => {
      const template = parseTemplate(
        'Resources:\n  C:\n    Type: AWS::ImageBuilder::Component\n    Properties:\n      Nme: x\n      Version: 1\n      Platform: !Ref Missing\n',
      );
      const messages = checkTemplate(template).map((p) => p.message);
      expect(messages).toEqual(
        expect.arrayContaining([
          'AWS::ImageBuilder::Component has no property Nme',
          'expected a string, got 1',
          'AWS::ImageBuilder::Component requires Name',
          '!Ref Missing: no such parameter or resource',
        ]),
      );
    });
    it('the AWSTOE checker finds a bad phase, a duplicate step, an unknown action and bad inputs', () => {
      const doc =
        'name: x\nschemaVersion: 1.0\nphases:\n  - name: deploy\n    steps:\n      - name: A\n        action: ExecuteBash\n        inputs: {command: [x]}\n      - name: A\n        action: RunMagic\n';
      const messages = checkComponentDocument(doc).problems.map((p) => p.message);
      expect(messages).toEqual(
        expect.arrayContaining([
          'must be one of build, validate, test',
          'unknown input command',
          'step A appears twice',
          'unknown action RunMagic',
        ]),
      );
    });
  });
}
