// diagnoseAnswers in-process: every problem in an answers file is one InputError naming the file, the
// line and column, the problem and the fix (test/e2e/bad-input.test.ts runs a few through the CLI).
import { describe, expect, it } from 'vitest';
import { diagnoseAnswers } from '../../source/answers/diagnostics.ts';
import { InputError } from '../../source/errors.ts';
import { MINIMAL_YAML, aliasBomb } from '../support/answers.ts';

/** The message diagnoseAnswers throws for `text`, read as `answers.yaml`. */
function problem(text: string): string {
  try {
    diagnoseAnswers(text, 'answers.yaml');
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error('diagnoseAnswers accepted the text');
}

describe('diagnoseAnswers', () => {
  it('returns the answers of a valid file, with the defaults filled in', () => {
    const answers = diagnoseAnswers(MINIMAL_YAML, 'answers.yaml');
    expect(answers.project.name).toBe('demo');
    expect(answers.guidance.recoveryTime).toBe('tens-of-minutes');
    expect(answers.builder).toBe('packer');
  });

  it('a YAML syntax error: file, line and column', () => {
    expect(problem('version: 1\nproject: [\n')).toMatch(
      /^answers\.yaml:\d+:\d+: YAML syntax error: .*\nFix the YAML at that line and run again\.$/,
    );
  });

  it('an unknown key: where it is, and the key meant', () => {
    const message = problem(MINIMAL_YAML.replace('recoveryTime', 'recoverTime'));
    expect(message).toMatch(/^answers\.yaml:5:3: /);
    expect(message).toContain('unknown key "recoverTime" in guidance');
    expect(message).toContain('Did you mean "recoveryTime"?');
  });

  it('a wrong type, a missing answer and a bad version each name the key and the fix', () => {
    expect(problem(MINIMAL_YAML.replace('manualSteps: false', 'manualSteps: "yes"'))).toMatch(
      /guidance\.manualSteps must be true or false, not "yes"/,
    );
    expect(problem(MINIMAL_YAML.replace(/^ {2}latestAtLaunch: .*\n/m, ''))).toMatch(
      /missing required answer guidance\.latestAtLaunch \(true or false\)/,
    );
    expect(problem(MINIMAL_YAML.replace('version: 1', 'version: 2'))).toMatch(/unsupported version 2[\s\S]*version: 1/);
    expect(problem(MINIMAL_YAML.replace('version: 1\n', ''))).toBe(
      'answers.yaml: missing version. Add "version: 1" as the first line.',
    );
  });

  it('no answers, a list instead of a mapping, too many aliases', () => {
    expect(problem('# nothing\n')).toBe('answers.yaml holds no answers. Start from an example in examples/.');
    expect(problem('- a\n- b\n')).toMatch(/^answers\.yaml:1:1: the answers file must be a YAML mapping/);
    expect(problem(aliasBomb())).toMatch(/too many or unresolved YAML aliases[\s\S]*Write the values out/);
    expect(problem('roles: &r\n  - name: web\n    again: *r\n')).toBe(
      'answers.yaml:2:3: roles: a YAML alias refers to itself (the node its anchor names holds it). Write the values out instead of using anchors and aliases.',
    );
  });

  it('a secret: where it is and where secrets belong, without echoing it', () => {
    const key = 'AKIAQYLPMN5HHHFPZAM2';
    const message = problem(MINIMAL_YAML.replace('  name: demo\n', `  name: demo\n  owner: ${key}\n`));
    expect(message).toMatch(
      /^answers\.yaml:4:10: project\.owner looks like an AWS access key id; nothing was written\.\n/,
    );
    expect(message).toContain('SSM Parameter Store');
    expect(message).not.toContain(key);
  });

  it('a __proto__ key is named, not dropped', () => {
    expect(problem(`${MINIMAL_YAML}tags:\n  __proto__:\n    value: x\n`)).toMatch(
      /tags\.__proto__: a key named __proto__ is not allowed/,
    );
  });
});
