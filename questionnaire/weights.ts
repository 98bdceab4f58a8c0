// The recommendation model, as data: every answer adds a weight to each design and carries the
// one-line reason a workshop reads aloud. Ordered questions keep their weights monotone along the
// spectrum (fully-baked -> hybrid -> jeos), which test/questionnaire/model-properties.test.ts proves.
import { DESIGNS } from './questions.ts';
import type { Design, GuidanceAnswers, QuestionKey } from './questions.ts';

export type Weights = Record<Design, number>;

export interface AnswerWeight {
  weights: Weights;
  reason: string;
}

type WeightTable = { [K in QuestionKey]: Record<string, AnswerWeight> };

const w = (fb: number, hybrid: number, jeos: number): Weights => ({ 'fully-baked': fb, hybrid, jeos });

export const WEIGHTS: WeightTable = {
  recoveryTime: {
    minutes: {
      weights: w(4, 2, -7),
      reason: 'Serving within minutes needs the software already on the image; building at boot is too slow.',
    },
    'tens-of-minutes': {
      weights: w(1, 2, 0),
      reason: 'Tens of minutes leaves room to pull the application at boot on top of a prepared base.',
    },
    hours: {
      weights: w(0, 1, 2),
      reason: 'With hours to spare, a minimal image can install everything at launch.',
    },
  },
  baselineStability: {
    static: {
      weights: w(2, 1, 0),
      reason: 'A baseline that rarely changes is cheap to bake: images seldom need rebuilding for it.',
    },
    monthly: {
      weights: w(1, 2, 1),
      reason: 'A monthly baseline change suits a baked base image rebuilt on a schedule.',
    },
    weekly: {
      weights: w(0, 1, 2),
      reason: 'A baseline that moves weekly would force frequent rebuilds of every baked image.',
    },
  },
  appReleaseCadence: {
    rarely: {
      weights: w(2, 1, 0),
      reason: 'Rare releases can be baked into role images without many rebuilds.',
    },
    weekly: {
      weights: w(0, 2, 1),
      reason: 'Weekly releases are better pulled at launch on top of a baked base than baked each time.',
    },
    daily: {
      weights: w(-1, 2, 2),
      reason: 'Daily releases should never wait for an image build: deploy the application at launch.',
    },
  },
  manualSteps: {
    true: {
      weights: w(3, 2, -7),
      reason: 'Manual steps can be captured once in an image but cannot run unattended at boot.',
    },
    false: {
      weights: w(0, 0, 0),
      reason: 'Fully scripted setup can run at image build or at boot alike, so it favours no design.',
    },
  },
  onPremises: {
    true: {
      weights: w(-2, 1, 5),
      reason: 'The configuration run used on-premises can build a minimal image too; each baked layer serves AWS only.',
    },
    false: {
      weights: w(1, 1, 0),
      reason: 'AWS only: nothing to share with servers elsewhere, so baking costs no portability.',
    },
  },
  existingTooling: {
    none: {
      weights: w(1, 1, 0),
      reason: 'Without a configuration tool, building whole instances at boot means adopting one first.',
    },
    'golden-images': {
      weights: w(3, 1, -1),
      reason: 'Golden images in the data centre map directly onto fully baked AMIs.',
    },
    'shell-scripts': {
      weights: w(0, 2, 0),
      reason: 'Existing scripts can bake a base and finish the role at launch.',
    },
    ansible: {
      weights: w(0, 2, 2),
      reason: 'Ansible (ansible-pull) can finish a baked base or build a whole minimal image at launch: hybrid or JeOS.',
    },
    chef: {
      weights: w(0, 2, 2),
      reason: 'Chef can converge a baked base or a whole minimal image at launch: hybrid or JeOS alike.',
    },
    puppet: {
      weights: w(0, 2, 2),
      reason: 'Puppet can finish a baked base or configure a whole minimal image at launch: hybrid or JeOS alike.',
    },
    salt: {
      weights: w(0, 2, 2),
      reason: 'Salt can apply its states to a baked base or a whole minimal image at launch: hybrid or JeOS alike.',
    },
  },
  automationExperience: {
    new: {
      weights: w(3, 0, -3),
      reason: 'A team new to AWS and automation is safest with complete, image-based deployments.',
    },
    some: {
      weights: w(1, 2, 0),
      reason: 'Some automation experience fits a baked base finished by a small step at launch.',
    },
    experienced: {
      weights: w(0, 1, 3),
      reason: 'An experienced team, as JeOS teams are, can rely on automation to build whole instances at launch.',
    },
  },
  distinctConfigurations: {
    few: {
      weights: w(2, 1, 0),
      reason: 'With few roles, one complete image per role stays manageable.',
    },
    several: {
      weights: w(0, 2, 1),
      reason: 'Several roles share a common base better than they carry one full image each.',
    },
    many: {
      weights: w(-2, 1, 2),
      reason: 'Many roles would mean many images to rebuild and track; generic images scale better.',
    },
  },
  latestAtLaunch: {
    true: {
      weights: w(-2, 2, 2),
      reason: 'Hybrid and JeOS images both pull the latest builds at launch; fully baked ones fix them at build time.',
    },
    false: {
      weights: w(1, 0, -1),
      reason: 'Versions fixed at build time are fine, so the image can carry them.',
    },
  },
};

export function weightFor<K extends QuestionKey>(key: K, value: GuidanceAnswers[K]): AnswerWeight {
  const entry = WEIGHTS[key][String(value)];
  if (!entry) throw new Error(`no weight for ${key}=${String(value)}`);
  return entry;
}

// Fixed order used when two designs score the same: the middle of the spectrum first, then the simplest.
export const TIE_BREAK: readonly Design[] = ['hybrid', 'fully-baked', 'jeos'];

/** The designs with the highest weight, in DESIGNS order; none when all designs tie. */
export function leaders(weights: Weights): Design[] {
  const top = Math.max(...DESIGNS.map((d) => weights[d]));
  const first = DESIGNS.filter((d) => weights[d] === top);
  return first.length === DESIGNS.length ? [] : first;
}
