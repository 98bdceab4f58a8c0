// Cases written from AWS's guidance on AMI design (fully baked, hybrid or JeOS; see README, How the recommendation works):
// each test is named by the statement of the guidance it paraphrases. Answers not mentioned by a
// statement keep the questionnaire's defaults.
import { describe, expect, it } from 'vitest';
import { DESIGNS, QUESTIONS, defaultGuidance } from '../../questionnaire/questions.ts';
import type { Design, GuidanceAnswers } from '../../questionnaire/questions.ts';
import { recommend, recommendedDesign } from '../../questionnaire/recommend.ts';
import { tradeOff, tradeOffs } from '../../questionnaire/trade-offs.ts';
import type { TradeOff } from '../../questionnaire/trade-offs.ts';

const answers = (overrides: Partial<GuidanceAnswers>): GuidanceAnswers => ({ ...defaultGuidance(), ...overrides });

/** The designs the reason for `key` favours under these answers. */
function favoured(a: GuidanceAnswers, key: keyof GuidanceAnswers): Design[] {
  return recommend(a).reasons.find((r) => r.key === key)!.favours;
}

// A team that fits the guidance's portrait of JeOS customers.
const JEOS_TEAM = answers({
  awsExperience: 'experienced',
  automationExperience: 'experienced',
  existingTooling: 'ansible',
  onPremises: true,
  latestAtLaunch: true,
});

const BASELINES = QUESTIONS.baselineStability.choices.map((c) => c.value);
const CADENCES = QUESTIONS.appReleaseCadence.choices.map((c) => c.value);
const ROLE_COUNTS = [0, 1, 2, 3, 5, 10, 25];

describe('recommendations the guidance states', () => {
  it('fully baked images launch fastest and resemble data-centre image deployments: a team that must replace failed instances within minutes, new to AWS and used to golden images, gets fully-baked', () => {
    const a = answers({ recoveryTime: 'minutes', awsExperience: 'new', existingTooling: 'golden-images' });
    const rec = recommend(a);
    expect(rec.recommended).toBe('fully-baked');
    for (const key of ['recoveryTime', 'awsExperience', 'existingTooling'] as const) {
      expect(favoured(a, key), key).toEqual(['fully-baked']);
    }
  });

  it('JeOS suits teams experienced with AWS and configuration tools that want the latest builds at launch and simple deployment to AWS and on-premises alike: jeos', () => {
    expect(recommendedDesign(JEOS_TEAM)).toBe('jeos');
    // Only JeOS is credited with simple deployment to AWS and on-premises alike, and its teams are the
    // experienced ones (hybrid's are moderately experienced): these two answers favour jeos alone.
    for (const key of ['onPremises', 'awsExperience', 'automationExperience'] as const) {
      expect(favoured(JEOS_TEAM, key), key).toEqual(['jeos']);
    }
    // Pulling the latest builds at launch and a configuration tool belong to hybrid as much as to JeOS.
    for (const key of ['latestAtLaunch', 'existingTooling'] as const) {
      expect(favoured(JEOS_TEAM, key), key).toEqual(['hybrid', 'jeos']);
    }
  });

  it('hybrid suits moderately experienced teams merging frequently changing application code with a slowly changing baseline, pulling the latest build at launch while keeping launches reasonably fast: hybrid', () => {
    const a = answers({
      automationExperience: 'some',
      appReleaseCadence: 'daily',
      baselineStability: 'static',
      latestAtLaunch: true,
      recoveryTime: 'tens-of-minutes',
    });
    const rec = recommend(a);
    expect(rec.recommended).toBe('hybrid');
    // Hybrid wins outright, not on the tie-break.
    expect(rec.ranking[0]!.score).toBeGreaterThan(rec.ranking[1]!.score);
  });

  it('fully baked images capture manual steps that cannot be automated, and JeOS fits legacy software with little automation poorly: manual steps never lead to jeos', () => {
    const a = { ...JEOS_TEAM, manualSteps: true };
    expect(recommendedDesign(a)).not.toBe('jeos');
    expect(favoured(a, 'manualSteps')).toEqual(['fully-baked']);
  });

  it('building everything at first boot makes JeOS less suitable for quickly replacing a failed instance: a JeOS-minded team that must recover within minutes is not given jeos', () => {
    expect(recommendedDesign({ ...JEOS_TEAM, recoveryTime: 'minutes' })).not.toBe('jeos');
    expect(recommendedDesign({ ...JEOS_TEAM, recoveryTime: 'hours' })).toBe('jeos');
  });

  it('unique images for every group of instances become expensive at scale: many distinct configurations with experienced automation are not fully-baked, whatever the existing tooling', () => {
    for (const { value: tooling } of QUESTIONS.existingTooling.choices) {
      const a = answers({
        distinctConfigurations: 'many',
        automationExperience: 'experienced',
        existingTooling: tooling,
      });
      expect(recommendedDesign(a), `existingTooling=${tooling}`).not.toBe('fully-baked');
    }
  });

  it('fully baked images suit smaller deployments: a few roles whose baseline and application rarely change get fully-baked', () => {
    const a = answers({ distinctConfigurations: 'few', baselineStability: 'static', appReleaseCadence: 'rarely' });
    expect(recommendedDesign(a)).toBe('fully-baked');
  });

  it('the defaults (tens of minutes, monthly baseline, weekly releases, some experience) recommend hybrid, with a reason for every answer', () => {
    const rec = recommend(defaultGuidance());
    expect(rec.recommended).toBe('hybrid');
    expect(rec.reasons).toHaveLength(Object.keys(QUESTIONS).length);
    for (const r of rec.reasons) expect(r.sentence.trim(), r.key).not.toBe('');
    expect(rec.reasons.some((r) => r.favours.includes('hybrid'))).toBe(true);
  });
});

describe('what hybrid shares with JeOS, as the guidance states', () => {
  const TOOLS = ['ansible', 'chef', 'puppet', 'salt'] as const;
  const scoresOf = (a: GuidanceAnswers): Record<Design, number> =>
    Object.fromEntries(recommend(a).ranking.map((r) => [r.design, r.score])) as Record<Design, number>;

  it('hybrid customers, like JeOS ones, want the latest builds and updates pulled at launch: that answer favours hybrid and jeos alike', () => {
    for (const a of [defaultGuidance(), JEOS_TEAM]) {
      expect(favoured({ ...a, latestAtLaunch: true }, 'latestAtLaunch')).toEqual(['hybrid', 'jeos']);
    }
  });

  it('wanting the latest builds at launch moves hybrid up relative to fully-baked', () => {
    for (const base of [defaultGuidance(), JEOS_TEAM]) {
      const before = scoresOf({ ...base, latestAtLaunch: false });
      const after = scoresOf({ ...base, latestAtLaunch: true });
      expect(after.hybrid - after['fully-baked']).toBeGreaterThan(before.hybrid - before['fully-baked']);
    }
  });

  it('hybrid users are told to combine their images with a configuration management tool, and JeOS is built on one: an existing Ansible, Chef, Puppet or Salt setup favours hybrid and jeos alike', () => {
    for (const tool of TOOLS) {
      expect(favoured(answers({ existingTooling: tool }), 'existingTooling'), tool).toEqual(['hybrid', 'jeos']);
    }
  });

  it('a configuration management tool does not penalise hybrid relative to fully-baked, and weighs hybrid and jeos alike', () => {
    const none = scoresOf(answers({ existingTooling: 'none' }));
    for (const tool of TOOLS) {
      const s = scoresOf(answers({ existingTooling: tool }));
      expect(s.hybrid - s['fully-baked'], tool).toBeGreaterThan(none.hybrid - none['fully-baked']);
      const { weights } = recommend(answers({ existingTooling: tool })).reasons.find(
        (r) => r.key === 'existingTooling',
      )!;
      expect(weights.hybrid, tool).toBe(weights.jeos);
    }
  });

  it('the hybrid customer of the guidance (moderately experienced, AWS only, wanting the latest builds at launch, with a configuration tool) gets hybrid, whatever the other answers', () => {
    const wrong: string[] = [];
    for (const tool of TOOLS) {
      for (const { value: recoveryTime } of QUESTIONS.recoveryTime.choices) {
        for (const baselineStability of BASELINES) {
          for (const appReleaseCadence of CADENCES) {
            for (const manualSteps of [true, false]) {
              for (const { value: distinctConfigurations } of QUESTIONS.distinctConfigurations.choices) {
                for (const automatedPipeline of [true, false]) {
                  const a: GuidanceAnswers = {
                    recoveryTime,
                    baselineStability,
                    appReleaseCadence,
                    manualSteps,
                    distinctConfigurations,
                    automatedPipeline,
                    existingTooling: tool,
                    awsExperience: 'some',
                    automationExperience: 'some',
                    onPremises: false,
                    latestAtLaunch: true,
                  };
                  const got = recommendedDesign(a);
                  if (got !== 'hybrid') wrong.push(`${JSON.stringify(a)} -> ${got}`);
                }
              }
            }
          }
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('what manual steps mean, as the guidance states', () => {
  it('only manual steps that cannot be automated tie the choice to an image; setup without them runs at image build or at boot alike, so that answer weighs every design alike', () => {
    for (const a of [defaultGuidance(), JEOS_TEAM]) {
      const reason = recommend({ ...a, manualSteps: false }).reasons.find((r) => r.key === 'manualSteps')!;
      expect(reason.favours).toEqual([]);
      expect(reason.sentence).toMatch(/alike/);
    }
  });
});

describe('trade-offs the guidance states', () => {
  it('fully baked images launch quickest, JeOS images slowest and hybrid ones in between', () => {
    for (const n of ROLE_COUNTS) {
      const t = tradeOffs(defaultGuidance(), n);
      expect(t.map((x) => x.design)).toEqual([...DESIGNS]);
      expect(t.map((x) => x.launchSpeed)).toEqual(['fastest', 'medium', 'slowest']);
    }
  });

  it('JeOS leans on one minimal image, so it has exactly one image to maintain and the highest portability', () => {
    const rank = { low: 0, medium: 1, high: 2 } as const;
    for (const baselineStability of BASELINES) {
      for (const appReleaseCadence of CADENCES) {
        for (const n of ROLE_COUNTS) {
          const a = answers({ baselineStability, appReleaseCadence });
          const [fb, hybrid, jeos] = DESIGNS.map((d) => tradeOff(d, a, n)) as [TradeOff, TradeOff, TradeOff];
          const at = `${baselineStability}/${appReleaseCadence}/${n} roles`;
          expect(jeos.imagesToMaintain, at).toBe(1);
          // The guidance: hybrid still leaves more AMIs to maintain than JeOS.
          expect(hybrid.imagesToMaintain, at).toBeGreaterThan(jeos.imagesToMaintain);
          expect(fb.imagesToMaintain, at).toBeGreaterThan(jeos.imagesToMaintain);
          expect(jeos.portability, at).toBe('high');
          expect(rank[jeos.portability], at).toBeGreaterThan(rank[hybrid.portability]);
          expect(rank[hybrid.portability], at).toBeGreaterThan(rank[fb.portability]);
        }
      }
    }
  });

  it('hybrid requires fewer images to maintain than fully baked once the configurations outnumber the roles given, and never more', () => {
    for (const { value: distinctConfigurations } of QUESTIONS.distinctConfigurations.choices) {
      for (const n of ROLE_COUNTS) {
        const a = answers({ distinctConfigurations });
        const at = `${distinctConfigurations}/${n} roles`;
        const [fb, hybrid] = [tradeOff('fully-baked', a, n), tradeOff('hybrid', a, n)];
        expect(fb.imagesToMaintain, at).toBeGreaterThanOrEqual(hybrid.imagesToMaintain);
      }
    }
    // Three roles given, "several (4-10)" configurations: at least four complete images, three role images.
    const several = answers({ distinctConfigurations: 'several' });
    expect(tradeOff('fully-baked', several, 3).imagesToMaintain).toBe(5);
    expect(tradeOff('hybrid', several, 3).imagesToMaintain).toBe(4);
  });

  it('each change to software baked into an AMI needs a new AMI, so with weekly or daily releases hybrid rebuilds less often than fully-baked', () => {
    for (const baselineStability of BASELINES) {
      for (const appReleaseCadence of ['weekly', 'daily'] as const) {
        for (const n of ROLE_COUNTS) {
          const a = answers({ baselineStability, appReleaseCadence });
          const at = `${baselineStability}/${appReleaseCadence}/${n} roles`;
          const fb = tradeOff('fully-baked', a, n).rebuildsPerMonth;
          const hybrid = tradeOff('hybrid', a, n).rebuildsPerMonth;
          const jeos = tradeOff('jeos', a, n).rebuildsPerMonth;
          expect(hybrid, at).toBeLessThan(fb);
          expect(jeos, at).toBeLessThanOrEqual(hybrid);
          // Releases are pulled at launch by hybrid and JeOS: their rebuilds follow the baseline only.
          expect(
            tradeOff('hybrid', answers({ baselineStability, appReleaseCadence: 'rarely' }), n).rebuildsPerMonth,
            at,
          ).toBe(hybrid);
        }
      }
    }
  });
});
