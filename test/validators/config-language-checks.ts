// The languages the configuration tools and Windows read, each through a real parser, and the
// answer values proven inert where a tool evaluates them: PowerShell (tree-sitter's grammar, scripts
// and Packer's inline commands), Ruby (ruby -c, and Ripper for strings that run code), Puppet (puppet
// parser validate), and Jinja as Ansible and Salt apply it. Called by folder-checks.ts for each suite file.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GeneratedFile } from '../../generators/generated-file.ts';
import { formatChanges, hasJinja, renderJinja } from '../support/jinja.ts';
import { packerInlinePowerShell } from '../support/packer-inline.ts';
import { formatProblems, loadPowerShell, userDataScript } from '../support/powershell.ts';
import { puppetDump, puppetValidate } from '../support/puppet.ts';
import type { PuppetTree } from '../support/puppet.ts';
import { rubyEvaluatedStrings, rubySyntax } from '../support/ruby.ts';
import { hasTool, run } from '../support/tools.ts';

export function configLanguageChecks(root: string, generated: Map<string, GeneratedFile[]>) {
  const hasPacker = hasTool('packer', ['version']);
  const hasRuby = hasTool('ruby');
  const hasPuppet = hasTool('puppet');
  const jinja = hasJinja();
  const paths = (name: string, wanted: (path: string) => boolean) =>
    (generated.get(name) ?? []).filter((f) => wanted(f.path)).map((f) => join(root, name, f.path));
  const scratch = (file: string, text: string) => {
    const path = join(root, 'can-fail', file);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
    return path;
  };
  // Puppet takes about two seconds to start: one run a suite file validates every case's manifests
  // and two of its own (one broken, for the can-fail test) together, once all are generated; it
  // names each file that fails. One more dumps the trees of those that parse, to find interpolation.
  const manifests = () => [...generated.keys()].flatMap((name) => paths(name, (p) => p.endsWith('.pp')));
  let puppetRun: { result: ReturnType<typeof puppetValidate>; bad: string; good: string } | undefined;
  const puppetOnce = () => {
    if (puppetRun) return puppetRun;
    const bad = scratch('bad.pp', "class role_web {\n  package { 'nginx:\n    ensure => installed,\n  }\n}\n");
    const good = scratch('good.pp', "class role_ok {\n  notify { 'ok': }\n}\n");
    return (puppetRun = { result: puppetValidate([good, bad, ...manifests()]), bad, good });
  };
  let puppetTrees: PuppetTree[] | undefined;
  const puppetTreesOnce = () => {
    if (puppetTrees) return puppetTrees;
    const { problems } = puppetOnce().result;
    const interpolating = scratch(
      'interpolating.pp',
      'class role_i {\n  notify { "role ${facts[\'ami_role\']}": }\n}\n',
    );
    const literal = scratch('literal.pp', "class role_l {\n  notify { 'role ${facts} $x': }\n}\n");
    const parsed = manifests().filter((file) => !problems.some((p) => p.file === file));
    return (puppetTrees = puppetDump([interpolating, literal, ...parsed]));
  };

  function canFail(): void {
    describe('the config-language validators can fail', () => {
      it('tree-sitter-powershell reports an unclosed brace, an unterminated string and an undoubled typographic quote', async () => {
        const parse = await loadPowerShell();
        expect(parse('function Install-Role {\n  choco install -y nginx\n')).toEqual([
          expect.objectContaining({ line: 2, kind: 'missing }' }),
        ]);
        expect(parse("$Packages = @('nginx')\nWrite-Output \"unterminated\n")).toEqual([
          expect.objectContaining({ line: 2, kind: 'error' }),
        ]);
        // PowerShell ends '...' at ’ as at ': the escaper doubles it, so an undoubled one must be caught.
        expect(parse("$Packages = @('it''s ‘‘fine’’')\n")).toEqual([]);
        expect(parse("$Packages = @('it''s ‘broken’')\n").length).toBeGreaterThan(0);
        expect(() => userDataScript('Write-Output 1\n')).toThrow(/<powershell>/);
      });

      it('a broken inline command in a Packer template is decoded and reported', async () => {
        const hcl =
          'build {\n  provisioner "powershell" {\n    inline = [\n      "Write-Output \\"unterminated",\n    ]\n  }\n}\n';
        const { blocks, scripts } = packerInlinePowerShell(hcl);
        expect(blocks).toBe(1);
        expect(scripts).toEqual([{ line: 3, script: 'Write-Output "unterminated' }]);
        expect((await loadPowerShell())(scripts[0]!.script).length).toBeGreaterThan(0);
        expect(() =>
          packerInlinePowerShell('build {\n  provisioner "powershell" {\n    inline = [local.commands]\n  }\n}\n'),
        ).toThrow(/not decoded/);
      });

      it.skipIf(!hasPacker)('the inline decoder reads HCL strings as packer console does', () => {
        // Every HCL escape, the literal $${ and %%{, and characters that would end a careless scan.
        const list = [
          '[',
          '    "& \\"$env:ProgramFiles/x.exe\\" reset --block # not an HCL comment",',
          "    \"Write-Output 'it''s' \\\\ \\t \\u00e9 \\U0001F600 $${notinterp} %%{x} $$ 50% $a ] } ,\",",
          '  ]',
        ].join('\n');
        const dir = join(root, 'can-fail', 'console');
        mkdirSync(dir, { recursive: true });
        writeFileSync(
          join(dir, 'x.pkr.hcl'),
          `locals {\n  inline = ${list}\n}\nsource "null" "x" {\n  communicator = "none"\n}\nbuild {\n  sources = ["source.null.x"]\n}\n`,
        );
        const packer = run('packer', ['console', '.'], { cwd: dir, input: 'jsonencode(local.inline)\n' });
        expect(packer.code, packer.output).toBe(0);
        const ours = packerInlinePowerShell(`build {\n  provisioner "powershell" {\n    inline = ${list}\n  }\n}\n`);
        expect(ours.scripts.map((s) => s.script)).toEqual([(JSON.parse(packer.stdout.trim()) as string[]).join('\n')]);
      });

      it.skipIf(!hasRuby)('ruby -c rejects an unterminated string', () => {
        const bad = scratch('recipe.rb', "package 'nginx' do\n  action :install\n");
        expect(rubySyntax([bad])).toEqual([
          { file: bad, message: expect.stringMatching(/syntax error|unexpected end/) },
        ]);
      });

      it.skipIf(!hasRuby)(
        'Ripper finds interpolation and shell commands, and not a literal #{ in single quotes',
        () => {
          const recipe = scratch('evaluating.rb', 'package [\'#{literal}\', "a#{`id`}"]\nlog %x(id)\n');
          expect(rubyEvaluatedStrings([recipe]).map((e) => [e.line, e.token])).toEqual([
            [1, '#{'],
            [1, '`'],
            [2, '%x('],
          ]);
        },
      );

      it.skipIf(!hasPuppet)('puppet parser validate rejects an unclosed quote, naming the file and line', () => {
        const { result, bad, good } = puppetOnce();
        expect(result.code).not.toBe(0);
        expect(result.problems.filter((p) => p.file === bad || p.file === good)).toEqual([
          { file: bad, message: expect.stringMatching(/line: 2/) },
        ]);
      });

      it.skipIf(!hasPuppet)('puppet parser dump finds an interpolated string, and not a ${} in single quotes', () => {
        const [interpolating, literal] = puppetTreesOnce();
        expect(interpolating!.interpolations).toHaveLength(1);
        expect(literal!.interpolations).toEqual([]);
      });

      it.skipIf(!jinja)('Jinja as Ansible applies it: a lookup in a task runs (marker) and the string changes', () => {
        const tasks = scratch(
          'tasks.yml',
          '- name: Install\n  ansible.builtin.package:\n    name:\n      - "{{ lookup(\'pipe\', \'touch MARKER\') }}"\n      - "{{z}}"\n      - "nginx"\n    state: present\n  when: ami_phase == \'all\'\n',
        );
        const report = renderJinja([tasks], 'ansible');
        expect(report.markerCreated).toBe(true);
        expect(report.calls).toEqual(["lookup('pipe', 'touch MARKER')"]);
        expect(report.changes.map((c) => c.at)).toEqual([
          '$[0].ansible.builtin.package.name[0]',
          '$[0].ansible.builtin.package.name[1]',
        ]);
        expect(report.changes[1]!.error).toMatch(/'z' is undefined/);
        // Ansible never templates a string tagged !unsafe; neither does the check.
        const unsafe = scratch(
          'unsafe.yml',
          "- ansible.builtin.debug:\n    msg: !unsafe \"{{ lookup('pipe', 'id') }}\"\n",
        );
        expect(renderJinja([unsafe], 'ansible')).toMatchObject({ changes: [], calls: [], markerCreated: false });
      });

      it.skipIf(!jinja)(
        'Jinja as Salt applies it: a salt function in a state runs (marker) and the text changes',
        () => {
          const state = scratch(
            'bad/init.sls',
            "web-software:\n  pkg.installed:\n    - pkgs:\n        - \"{{ salt['cmd.run']('touch MARKER') }}\"\n",
          );
          const comment = scratch(
            'comment/init.sls',
            '# Role {# a Jinja comment #}web\nweb-application:\n  test.nop: []\n',
          );
          const report = renderJinja([state, comment], 'salt');
          expect(report.markerCreated).toBe(true);
          expect(report.calls).toEqual(["salt['cmd.run']('touch MARKER',)"]);
          expect(report.changes.map((c) => [c.file, c.at])).toEqual([
            [state, 'line 4'],
            [comment, 'line 1'],
          ]);
        },
      );
    });
  }

  function forCase(name: string): void {
    const windows = name.includes('windows');

    it('PowerShell: every .ps1 and the inline commands of the Packer templates parse (tree-sitter-powershell)', async () => {
      const parse = await loadPowerShell();
      const scripts = paths(name, (p) => p.endsWith('.ps1'));
      expect(scripts.length > 0).toBe(windows);
      const failures: string[] = [];
      const templates = paths(name, (p) => p.endsWith('.pkr.hcl')).map((file) => ({
        file,
        text: readFileSync(file, 'utf8'),
      }));
      // The user data of the build instance is named by the templates; EC2Launch strips its markers.
      const userData = new Set(
        templates.flatMap(({ file, text }) =>
          [...text.matchAll(/user_data_file\s*=\s*"([^"]+)"/g)].map((m) => join(file, '..', m[1]!)),
        ),
      );
      for (const file of scripts) {
        const text = readFileSync(file, 'utf8');
        const problems = parse(userData.has(file) ? userDataScript(text) : text);
        if (problems.length) failures.push(`${file}\n${formatProblems(problems)}`);
      }
      let inline = 0;
      for (const { file, text } of templates) {
        const { blocks, scripts: commands } = packerInlinePowerShell(text);
        expect(blocks, `${file}: powershell provisioners found by the lexer`).toBe(
          (text.match(/provisioner "powershell"/g) ?? []).length,
        );
        for (const { line, script } of commands) {
          inline++;
          const problems = parse(script);
          if (problems.length)
            failures.push(
              `${file} inline at line ${line} (lines below count from the first command)\n${formatProblems(problems)}`,
            );
        }
      }
      expect(failures.join('\n\n')).toBe('');
      if (windows) expect(inline, 'Windows templates generalize with inline PowerShell').toBeGreaterThan(0);
    });

    it.skipIf(!hasRuby)('ruby -c on every Chef .rb file; no string in them runs code (Ripper)', () => {
      const files = paths(name, (p) => p.endsWith('.rb'));
      if (files.length === 0) return void expect(name).not.toMatch(/-chef-/);
      expect(rubySyntax(files)).toEqual([]);
      // The cookbooks mean no interpolation at all, so an answer value can never become Ruby code.
      expect(rubyEvaluatedStrings(files)).toEqual([]);
    });

    it.skipIf(!hasPuppet)(
      'puppet parser validate on every manifest; no string in them is interpolated (puppet parser dump)',
      () => {
        const files = paths(name, (p) => p.endsWith('.pp'));
        if (files.length === 0) return void expect(name).not.toMatch(/-puppet-/);
        const { result } = puppetOnce();
        // An error puppet does not attribute to a file ('?') fails every case rather than none.
        expect(result.problems.filter((p) => files.includes(p.file) || p.file === '?')).toEqual([]);
        // The manifests mean no interpolation at all, so an answer value is never evaluated.
        const trees = puppetTreesOnce().filter((t) => files.includes(t.file));
        expect(trees).toHaveLength(files.length);
        expect(trees.filter((t) => t.interpolations.length).map((t) => [t.file, t.interpolations])).toEqual([]);
      },
    );

    it.skipIf(!jinja)('Jinja as Ansible applies it: the answers render to themselves and no lookup runs', () => {
      const files = paths(
        name,
        (p) => p === 'config/ansible/site.yml' || /^config\/ansible\/roles\/[^/]+\/tasks\/main\.yml$/.test(p),
      );
      if (files.length === 0) return void expect(name).not.toMatch(/-ansible-/);
      const report = renderJinja(files, 'ansible');
      // site.yml chooses the role with conditions: no template at all (AWSTOE, which puts these files on
      // Image Builder's build instances, would substitute one). The renderer does render: a probe does.
      const probe = renderJinja([scratch(`${name}-probe.yml`, 'role: "{{ ami_role }}"\n')], 'ansible');
      expect(probe.changes.map((c) => c.rendered)).toEqual(['web']);
      expect(formatChanges(report.changes, root)).toBe('');
      expect(report.calls).toEqual([]);
      expect(report.markerCreated).toBe(false);
      expect(report.yamlErrors).toEqual([]);
    });

    it.skipIf(!jinja)(
      'Jinja as Salt applies it: every state renders to its own text, still YAML, and no salt function runs',
      () => {
        // Every state file: software.sls and launch.sls hold the package names.
        const files = paths(name, (p) => /^config\/salt\/[^/]+\/[^/]+\.sls$/.test(p));
        if (files.length === 0) return void expect(name).not.toMatch(/-salt-/);
        const report = renderJinja(files, 'salt');
        expect(report.files).toBe(files.length);
        expect(formatChanges(report.changes, root)).toBe('');
        expect(report.calls).toEqual([]);
        expect(report.markerCreated).toBe(false);
        expect(report.yamlErrors).toEqual([]);
      },
    );
  }

  return { canFail, forCase };
}
