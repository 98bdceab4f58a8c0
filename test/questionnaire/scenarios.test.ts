// Scenarios written from the AWS AMI-design guidance, each with the statement of the guidance that
// decides it (paraphrased). Four are borderline: the winner leads by at most two points, or a
// requirement decides against a design with more points. Answers a scenario does not mention keep
// the questionnaire's defaults.
import { describe, expect, it } from 'vitest';
import { defaultGuidance } from '../../questionnaire/questions.ts';
import type { Design, GuidanceAnswers, QuestionKey } from '../../questionnaire/questions.ts';
import { recommend } from '../../questionnaire/recommend.ts';

interface Scenario {
  name: string;
  guidance: string;
  answers: Partial<GuidanceAnswers>;
  design: Design;
  /** A borderline case: how it is decided. */
  borderline?: 'narrow' | 'requirement' | 'tie';
  /** Answers that must be credited in the reasons for this design (they favour it). */
  decidedBy?: QuestionKey[];
}

const SCENARIOS: Scenario[] = [
  {
    name: 'a payments team new to AWS, used to VM templates, that must replace a server within minutes',
    guidance:
      'Fully baked images launch fastest, suit replacing failed instances quickly, and resemble the image-based deployments teams new to AWS know.',
    answers: {
      recoveryTime: 'minutes',
      awsExperience: 'new',
      automationExperience: 'new',
      existingTooling: 'golden-images',
    },
    design: 'fully-baked',
    decidedBy: ['recoveryTime', 'awsExperience', 'existingTooling'],
  },
  {
    name: 'a legacy ERP whose installer only runs interactively, on a team experienced with Ansible',
    guidance:
      'Fully baked images can capture manual steps that cannot be automated; JeOS is hard to use with legacy software of limited automation.',
    answers: {
      manualSteps: true,
      awsExperience: 'experienced',
      automationExperience: 'experienced',
      existingTooling: 'ansible',
      onPremises: true,
      recoveryTime: 'hours',
    },
    design: 'hybrid',
    borderline: 'requirement',
    decidedBy: ['manualSteps'],
  },
  {
    name: 'a platform team experienced with AWS and Puppet, running the same builds on-premises, wanting the newest builds at every launch',
    guidance:
      'JeOS customers typically know AWS and configuration automation, want the latest builds at launch, or need deployment simple across AWS and on-premises.',
    answers: {
      awsExperience: 'experienced',
      automationExperience: 'experienced',
      existingTooling: 'puppet',
      onPremises: true,
      latestAtLaunch: true,
      recoveryTime: 'hours',
    },
    design: 'jeos',
    decidedBy: ['onPremises', 'awsExperience', 'automationExperience'],
  },
  {
    name: 'a moderately experienced team with Chef, a static baseline and daily application releases',
    guidance:
      'Hybrid merges frequently changing application code with infrequently changing agents and baselines; its customers have moderate experience and use a configuration tool.',
    answers: { baselineStability: 'static', appReleaseCadence: 'daily', existingTooling: 'chef', latestAtLaunch: true },
    design: 'hybrid',
    decidedBy: ['appReleaseCadence', 'existingTooling', 'automationExperience'],
  },
  {
    name: 'three small services whose baseline and code rarely change',
    guidance: 'Fully baked images suit smaller deployments.',
    answers: {
      distinctConfigurations: 'few',
      baselineStability: 'static',
      appReleaseCadence: 'rarely',
      awsExperience: 'new',
    },
    design: 'fully-baked',
    decidedBy: ['distinctConfigurations', 'baselineStability', 'appReleaseCadence'],
  },
  {
    name: 'forty server roles kept by hand, experienced team',
    guidance: 'At scale, unique images for every group of instances are expensive and cumbersome to maintain.',
    answers: {
      distinctConfigurations: 'many',
      awsExperience: 'experienced',
      automationExperience: 'experienced',
      existingTooling: 'salt',
      baselineStability: 'weekly',
    },
    design: 'jeos',
    decidedBy: ['distinctConfigurations', 'baselineStability'],
  },
  {
    name: 'many configurations, fast recovery and a static baseline, with an automated image pipeline',
    guidance:
      'Fully baked images suit smaller deployments, or larger ones combined with an automated AMI build and management system.',
    answers: {
      distinctConfigurations: 'many',
      recoveryTime: 'minutes',
      baselineStability: 'static',
      automatedPipeline: true,
    },
    design: 'fully-baked',
    borderline: 'narrow',
    decidedBy: ['distinctConfigurations', 'recoveryTime', 'baselineStability'],
  },
  {
    name: 'the same team without a pipeline',
    guidance:
      'Without an automated build system, many unique images are expensive to maintain; hybrid needs fewer images than fully baked.',
    answers: {
      distinctConfigurations: 'many',
      recoveryTime: 'minutes',
      baselineStability: 'static',
      automatedPipeline: false,
    },
    design: 'hybrid',
  },
  {
    name: 'everything favours fully baked, but the latest builds must be pulled at every launch',
    guidance:
      'Pulling the latest software builds and updates at launch is what hybrid and JeOS customers want; a fully baked image fixes its software at build time.',
    answers: {
      latestAtLaunch: true,
      recoveryTime: 'minutes',
      baselineStability: 'static',
      appReleaseCadence: 'rarely',
      awsExperience: 'new',
      automationExperience: 'new',
      existingTooling: 'golden-images',
    },
    design: 'hybrid',
    borderline: 'requirement',
    decidedBy: ['latestAtLaunch'],
  },
  {
    name: 'a Puppet-expert team new to AWS',
    guidance:
      'Hybrid customers typically have a moderate amount of experience with AWS and configuration automation; JeOS customers have experience with both.',
    answers: { awsExperience: 'new', automationExperience: 'experienced', existingTooling: 'puppet' },
    design: 'hybrid',
  },
  {
    name: 'a team experienced with AWS but new to configuration automation, no tool yet',
    guidance: 'JeOS needs tight coupling with a configuration-management system, and hybrid is best combined with one.',
    answers: { awsExperience: 'experienced', automationExperience: 'new', existingTooling: 'none' },
    design: 'fully-baked',
    borderline: 'narrow',
    decidedBy: ['automationExperience', 'existingTooling'],
  },
  {
    name: 'a JeOS-minded team whose failed instances must be replaced within minutes',
    guidance:
      'Installing everything at first boot can significantly increase launch times, so JeOS suits quick replacement poorly.',
    answers: {
      awsExperience: 'experienced',
      automationExperience: 'experienced',
      existingTooling: 'ansible',
      onPremises: true,
      latestAtLaunch: true,
      recoveryTime: 'minutes',
    },
    design: 'hybrid',
    borderline: 'requirement',
    decidedBy: ['recoveryTime'],
  },
  {
    name: 'defaults: tens of minutes, monthly baseline, weekly releases, some experience',
    guidance:
      'Hybrid combines the speed of preinstalled infrastructure with pulling frequently changing software at launch.',
    answers: {},
    design: 'hybrid',
    decidedBy: ['appReleaseCadence'],
  },
  {
    name: 'shell scripts in place of no tool change nothing',
    guidance:
      'The guidance ties configuration-management systems to hybrid and JeOS; scripts are not one, and scripts can bake an image too.',
    answers: {
      recoveryTime: 'minutes',
      awsExperience: 'new',
      automationExperience: 'new',
      existingTooling: 'shell-scripts',
    },
    design: 'fully-baked',
  },
];

const run = (s: Scenario) => recommend({ ...defaultGuidance(), ...s.answers });

describe('scenarios from the guidance', () => {
  it('has at least twelve scenarios, four of them borderline', () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(12);
    expect(SCENARIOS.filter((s) => s.borderline).length).toBeGreaterThanOrEqual(4);
  });

  for (const s of SCENARIOS) {
    it(`${s.name}: ${s.design} (${s.guidance})`, () => {
      const rec = run(s);
      expect(rec.recommended).toBe(s.design);
      for (const key of s.decidedBy ?? []) {
        const reason = rec.reasons.find((r) => r.key === key)!;
        const requirement = rec.requirements.find((r) => r.key === key);
        // The answer favours the design, or it is a requirement that rules out the design that would win on points.
        expect(reason.favours.includes(s.design) || requirement !== undefined, key).toBe(true);
      }
      const [first, second] = rec.ranking;
      if (s.borderline === 'narrow') expect(first!.score - second!.score).toBeLessThanOrEqual(2);
      if (s.borderline === 'requirement') {
        const outscoring = rec.ranking.filter((r) => r.ruledOutBy.length > 0 && r.score > first!.score);
        expect(outscoring.length, 'a ruled-out design has more points').toBeGreaterThan(0);
      }
    });
  }

  it("the issue's case: switching tooling from none to shell scripts never changes the design", async () => {
    const { QUESTIONS, QUESTION_KEYS } = await import('../../questionnaire/questions.ts');
    // Over a spread of contexts: every recovery time, experience and configuration count.
    for (const recoveryTime of QUESTIONS.recoveryTime.choices.map((c) => c.value)) {
      for (const awsExperience of QUESTIONS.awsExperience.choices.map((c) => c.value)) {
        for (const distinctConfigurations of QUESTIONS.distinctConfigurations.choices.map((c) => c.value)) {
          const base = { ...defaultGuidance(), recoveryTime, awsExperience, distinctConfigurations };
          expect(recommend({ ...base, existingTooling: 'none' }).recommended, QUESTION_KEYS.join()).toBe(
            recommend({ ...base, existingTooling: 'shell-scripts' }).recommended,
          );
        }
      }
    }
  });
});
