// The recommendation model, as data: every answer adds a weight to each design and carries the
// one-line reason a workshop reads aloud. Ordered questions keep their weights monotone along the
// spectrum (fully-baked -> hybrid -> jeos), which test/questionnaire/model-properties.test.ts proves.
import { DESIGNS } from './questions.ts';
import type { Design, GuidanceAnswers, QuestionKey } from './questions.ts';

export type Weights = Record<Design, number>;

export interface AnswerWeight {
  weights: Weights;
  /** Why, in one sentence that says no more than the guidance does. */
  reason: string;
  /**
   * The answer is a requirement these designs cannot meet: they are never recommended, whatever
   * they score. `because` says why, for "Requirements" wherever the decision is shown.
   */
  rulesOut?: { designs: readonly Design[]; because: string };
  /** The guidance is silent here and the weight is the model's own judgement; the reason says so. */
  judgement?: true;
}

/** An answer's weight; `withPipeline` replaces it when the team runs an automated image pipeline. */
interface WeightEntry extends AnswerWeight {
  withPipeline?: AnswerWeight;
}

type WeightTable = { [K in QuestionKey]: Record<string, WeightEntry> };

const w = (fb: number, hybrid: number, jeos: number): Weights => ({ 'fully-baked': fb, hybrid, jeos });

// Every weight change is listed in CHANGELOG.md with the sentence of the guidance behind it.
export const WEIGHTS: WeightTable = {
  recoveryTime: {
    minutes: {
      weights: w(3, 1, 0),
      reason:
        'Fully baked images launch fastest, the guidance says, so they suit replacing a failed instance or adding capacity quickly.',
      rulesOut: {
        designs: ['jeos'],
        because:
          'JeOS installs everything at first boot, which can significantly increase launch times; the guidance calls it less suitable ' +
          'for quick replacement, and the model takes that as ruling out a promise of minutes (its judgement).',
      },
    },
    'tens-of-minutes': {
      weights: w(1, 1, 0),
      reason:
        'Tens of minutes leaves time to finish a baked base at boot, while installing everything at boot (JeOS) can take longer.',
      judgement: true,
    },
    hours: {
      weights: w(0, 0, 0),
      reason: 'With hours to spare, launch time rules no design out, so this answer favours none.',
    },
  },
  baselineStability: {
    static: {
      weights: w(2, 1, 0),
      reason: 'A baseline that stays static for a long period is cheap to bake: images seldom need rebuilding for it.',
    },
    monthly: {
      weights: w(1, 1, 1),
      reason: 'A monthly baseline change is one rebuild a month for a baked image: it favours no design.',
      judgement: true,
    },
    weekly: {
      weights: w(0, 1, 2),
      reason:
        'Each change to software baked into an image needs a new image; a baseline that moves weekly means the fewer images, the better.',
    },
  },
  appReleaseCadence: {
    rarely: {
      weights: w(2, 1, 0),
      reason: 'Rare releases can be baked into role images without many rebuilds.',
    },
    weekly: {
      weights: w(0, 2, 1),
      reason:
        'Hybrid merges frequently changing application code, pulled at launch, with a baked base that changes seldom.',
    },
    daily: {
      weights: w(0, 2, 2),
      reason:
        'Each release baked in needs a new image: daily releases mean a fully baked image a day, where hybrid and JeOS pull the release at launch.',
    },
  },
  manualSteps: {
    true: {
      weights: w(2, 1, 0),
      reason: 'Fully baked images can capture manual installation and configuration steps that cannot be automated.',
      rulesOut: {
        designs: ['jeos'],
        because: 'JeOS builds every instance unattended at first boot: a manual step cannot run there.',
      },
    },
    false: {
      weights: w(0, 0, 0),
      reason: 'Fully scripted setup can run at image build or at boot alike, so it favours no design.',
    },
  },
  onPremises: {
    true: {
      weights: w(-1, 1, 3),
      reason:
        'JeOS offers the highest portability and the least complexity for deploying to AWS and on-premises alike; hybrid bakes less than fully baked.',
    },
    false: {
      weights: w(0, 0, 0),
      reason: 'AWS only: portability is not a constraint, so this answer favours no design.',
    },
  },
  existingTooling: {
    none: {
      weights: w(1, 0, -1),
      reason:
        'JeOS needs tight coupling with a configuration-management system, and hybrid is best combined with one; a fully baked image needs none at launch.',
    },
    'golden-images': {
      weights: w(3, 1, -1),
      reason: 'Golden images in the data centre map directly onto fully baked AMIs.',
    },
    'shell-scripts': {
      weights: w(1, 0, -1),
      reason:
        'Scripts can bake an image or run at boot alike, but they are not a configuration-management system, which JeOS needs and hybrid is best combined with: counted as no tool.',
      judgement: true,
    },
    ansible: {
      weights: w(0, 2, 2),
      reason:
        'Ansible (ansible-pull) can finish a baked base or build a whole minimal image at launch: hybrid or JeOS.',
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
  awsExperience: {
    new: {
      weights: w(2, 1, -1),
      reason:
        'Fully baked images suit teams new to AWS and used to image-based deployments; JeOS teams typically know AWS well.',
    },
    some: {
      weights: w(1, 2, 0),
      reason: 'Hybrid teams typically have a moderate amount of experience with AWS.',
    },
    experienced: {
      weights: w(0, 1, 2),
      reason: 'Teams that choose JeOS typically have experience with AWS.',
    },
  },
  automationExperience: {
    new: {
      weights: w(2, 0, -4),
      reason:
        'JeOS is tightly coupled to a configuration-management system and its teams typically have experience with configuration ' +
        'automation; a complete image needs the least of it at launch.',
    },
    some: {
      weights: w(1, 2, 0),
      reason: 'Hybrid teams typically have a moderate amount of experience with configuration automation.',
    },
    experienced: {
      weights: w(0, 1, 2),
      reason: 'Teams that choose JeOS typically have experience with configuration automation tools.',
    },
  },
  distinctConfigurations: {
    few: {
      weights: w(2, 1, 0),
      reason:
        'With few configurations, one complete image each stays manageable: fully baked suits smaller deployments.',
    },
    several: {
      weights: w(0, 1, 1),
      reason:
        'A unique image for each of several configurations gets costly to maintain by hand; hybrid and JeOS both need fewer images than fully baked.',
      withPipeline: {
        weights: w(2, 1, 1),
        reason:
          'Several configurations: the automated pipeline keeps their complete images maintained, so fully baked stays workable at this scale.',
      },
    },
    many: {
      weights: w(-2, 1, 2),
      reason:
        'At scale, unique images for every configuration are expensive and cumbersome to maintain by hand; JeOS needs the fewest images.',
      withPipeline: {
        weights: w(2, 1, 2),
        reason:
          'Many configurations: fully baked images at scale suit an automated build and management system, which the team runs; JeOS still needs the fewest images.',
      },
    },
  },
  automatedPipeline: {
    true: {
      weights: w(1, 1, 0),
      reason:
        'The guidance recommends an automated image build and management system with hybrid images, and with fully baked ones at scale.',
    },
    false: {
      weights: w(0, 0, 0),
      reason:
        'Without an automated pipeline, the number of images to rebuild by hand weighs against baking (see the configurations answer).',
    },
  },
  latestAtLaunch: {
    true: {
      weights: w(0, 2, 2),
      reason: 'Hybrid and JeOS images both pull the latest software builds and updates at launch.',
      rulesOut: {
        designs: ['fully-baked'],
        because:
          'A fully baked image fixes its software when it is built, so it cannot pull the latest builds at launch.',
      },
    },
    false: {
      weights: w(0, 0, 0),
      reason: 'Versions fixed at build time are fine: this rules no design out and favours none.',
    },
  },
};

/** The weight of an answer given the whole set (one answer's weight can depend on another's: distinctConfigurations on automatedPipeline). */
export function weightFor(key: QuestionKey, answers: GuidanceAnswers): AnswerWeight {
  const entry = WEIGHTS[key][String(answers[key])];
  if (!entry) throw new Error(`no weight for ${key}=${String(answers[key])}`);
  const { withPipeline, ...own } = entry;
  return answers.automatedPipeline && withPipeline ? withPipeline : own;
}

/** Every weight an answer can have, whatever the other answers (for the scale's bounds and the tests). */
export function weightVariants(key: QuestionKey): AnswerWeight[] {
  return Object.values(WEIGHTS[key]).flatMap(({ withPipeline, ...own }) =>
    withPipeline ? [own, withPipeline] : [own],
  );
}

// Fixed order used when two designs score the same: the middle of the spectrum first, then the simplest.
export const TIE_BREAK: readonly Design[] = ['hybrid', 'fully-baked', 'jeos'];

/** The designs with the highest weight, in DESIGNS order; none when all designs tie. */
export function leaders(weights: Weights): Design[] {
  const top = Math.max(...DESIGNS.map((d) => weights[d]));
  const first = DESIGNS.filter((d) => weights[d] === top);
  return first.length === DESIGNS.length ? [] : first;
}
