// What each design costs for these answers: launch path, images to maintain, rebuilds, portability.
// The per-month rates are rough planning figures, stated in the output as estimates.
import { DESIGN_DESCRIPTIONS } from './designs.ts';
import { DESIGNS } from './questions.ts';
import type { Design, GuidanceAnswers } from './questions.ts';

export interface TradeOff {
  design: Design;
  bakedIn: string;
  atBoot: string;
  launchSpeed: 'fastest' | 'medium' | 'slowest';
  imagesToMaintain: number;
  /** Estimated image builds per month, from the baseline and release cadences. */
  rebuildsPerMonth: number;
  portability: 'low' | 'medium' | 'high';
}

const BASELINE_CHANGES_PER_MONTH: Record<GuidanceAnswers['baselineStability'], number> = {
  static: 0.25,
  monthly: 1,
  weekly: 4,
};

const RELEASES_PER_MONTH: Record<GuidanceAnswers['appReleaseCadence'], number> = {
  rarely: 0.25,
  weekly: 4,
  daily: 20,
};

/** The fewest configurations each answer stands for (its choice's lower bound: 1-3, 4-10, more than 10). */
const FEWEST_CONFIGURATIONS: Record<GuidanceAnswers['distinctConfigurations'], number> = {
  few: 1,
  several: 4,
  many: 11,
};

const round = (n: number): number => Math.round(n * 10) / 10;

export function tradeOff(design: Design, answers: GuidanceAnswers, roleCount: number): TradeOff {
  const baseline = BASELINE_CHANGES_PER_MONTH[answers.baselineStability];
  const releases = RELEASES_PER_MONTH[answers.appReleaseCadence];
  const roles = Math.max(1, roleCount);
  // A fully baked image per distinct configuration (the answer, or the roles given if more); a hybrid
  // role image per role, its configuration applied at launch: hence fewer images than fully baked.
  const configurations = Math.max(roles, FEWEST_CONFIGURATIONS[answers.distinctConfigurations]);
  const { bakedIn, atBoot } = DESIGN_DESCRIPTIONS[design];
  switch (design) {
    case 'fully-baked':
      return {
        design,
        bakedIn,
        atBoot,
        launchSpeed: 'fastest',
        imagesToMaintain: 1 + configurations,
        rebuildsPerMonth: round(baseline * (1 + configurations) + releases * configurations),
        portability: 'low',
      };
    case 'hybrid':
      return {
        design,
        bakedIn,
        atBoot,
        launchSpeed: 'medium',
        imagesToMaintain: 1 + roles,
        rebuildsPerMonth: round(baseline * (1 + roles)),
        portability: 'medium',
      };
    case 'jeos':
      return {
        design,
        bakedIn,
        atBoot,
        launchSpeed: 'slowest',
        imagesToMaintain: 1,
        rebuildsPerMonth: round(baseline),
        portability: 'high',
      };
  }
}

export function tradeOffs(answers: GuidanceAnswers, roleCount: number): TradeOff[] {
  return DESIGNS.map((d) => tradeOff(d, answers, roleCount));
}
