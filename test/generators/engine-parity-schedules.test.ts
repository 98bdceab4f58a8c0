// Issue 19, two engines with one meaning: when the baseline is rebuilt. The GitHub workflow (Packer)
// and the Image Builder baseline pipeline follow one rule: a static baseline still gets its security
// updates, monthly; the two cron syntaxes are read back to the same minute, hour and days.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { minimalAnswers } from '../support/answers.ts';
import { parseTemplate } from '../support/cfn-spec.ts';
import { answersFrom, generate } from '../support/generate.ts';

type Stability = 'static' | 'monthly' | 'weekly';

async function both(stability: Stability) {
  const a = minimalAnswers();
  a.builder = 'both';
  a.strategy = 'hybrid';
  a.roles = [{ name: 'web' }];
  a.guidance.baselineStability = stability;
  a.options = { githubActions: { roleArn: 'arn:aws:iam::111122223333:role/ami-build' } };
  const files = await generate(answersFrom(a));
  const file = (path: string) => files.find((f) => f.path === path)?.contents ?? '';
  const workflow = parse(file('.github/workflows/ami-build.yml'));
  const template = parseTemplate(file('imagebuilder/image-builder.yaml')) as Record<string, any>;
  return {
    file,
    workflowCron: workflow.on.schedule[0].cron as string,
    basePipeline: template.Resources.BasePipeline.Properties,
  };
}

/** GitHub's five fields (minute hour day-of-month month day-of-week), day names as numbers. */
function fromGithub(cron: string) {
  const [minute, hour, dom, month, dow] = cron.split(' ');
  return { minute, hour, dom, month, dow };
}

/** EventBridge's six (minute hour day-of-month month day-of-week year): ? is "any", MON is 1. */
function fromAws(expression: string) {
  const [minute, hour, dom, month, dow] = expression.replace(/^cron\((.*)\)$/, '$1').split(' ');
  const days: Record<string, string> = { SUN: '0', MON: '1', TUE: '2', WED: '3', THU: '4', FRI: '5', SAT: '6' };
  const any = (v: string) => (v === '?' ? '*' : v);
  return { minute, hour, dom: any(dom!), month, dow: days[any(dow!).toUpperCase()] ?? any(dow!) };
}

describe('one rebuild schedule for the baseline, both engines', () => {
  it.each<Stability>(['static', 'monthly', 'weekly'])(
    '%s baseline: the workflow and the base pipeline fire at the same times',
    async (stability) => {
      const { workflowCron, basePipeline } = await both(stability);
      expect(basePipeline.Schedule?.ScheduleExpression, 'the base pipeline has a schedule').toBeDefined();
      expect(fromAws(basePipeline.Schedule.ScheduleExpression)).toEqual(fromGithub(workflowCron));
    },
  );

  it('a static baseline is rebuilt monthly by both: security updates still arrive', async () => {
    const { workflowCron, basePipeline, file } = await both('static');
    expect(fromGithub(workflowCron)).toMatchObject({ dom: '1', dow: '*' });
    expect(basePipeline.Status).toBe('ENABLED');
    expect(file('README.md')).toMatch(
      /baseline pipeline runs on its schedule \(on the first of each month at 04\\?:00 UTC/,
    );
    expect(file('README.md')).not.toMatch(/on demand \(the baseline is static\)/);
  });
});
