// Cases written from the AWS AMI-design guidance (shared/reference/aws-ami-design-guidance.txt):
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
    const a = answers({ recoveryTime: 'minutes', automationExperience: 'new', existingTooling: 'golden-images' });
    const rec = recommend(a);
    expect(rec.recommended).toBe('fully-baked');
    for (const key of ['recoveryTime', 'automationExperience', 'existingTooling'] as const) {
      expect(favoured(a, key), key).toEqual(['fully-baked']);
    }
  });

  it('JeOS suits teams experienced with AWS and configuration tools that want the latest builds at launch and simple deployment to AWS and on-premises alike: jeos', () => {
    expect(recommendedDesign(JEOS_TEAM)).toBe('jeos');
    for (const key of ['onPremises', 'latestAtLaunch', 'existingTooling', 'automationExperience'] as const) {
      expect(favoured(JEOS_TEAM, key), key).toEqual(['jeos']);
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
      const a = answers({ distinctConfigurations: 'many', automationExperience: 'experienced', existingTooling: tooling });
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
          expect(tradeOff('hybrid', answers({ baselineStability, appReleaseCadence: 'rarely' }), n).rebuildsPerMonth, at).toBe(hybrid);
        }
      }
    }
  });
});
