// Properties of the recommendation model, checked two ways: exhaustively over every combination of
// answers (the product of all questions' choices), and on random samples with fast-check. Positions
// along the spectrum: fully-baked = 0, hybrid = 1, jeos = 2.
import { describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import { DESIGNS, QUESTIONS, QUESTION_KEYS, choiceLabel, defaultGuidance } from '../../questionnaire/questions.ts';
import type { Choice, Design, GuidanceAnswers, QuestionKey } from '../../questionnaire/questions.ts';
import { TIE_BREAK, WEIGHTS, weightVariants } from '../../questionnaire/weights.ts';
import {
  decide,
  rank,
  recommend,
  recommendedDesign,
  requirements,
  scores,
  whatIf,
} from '../../questionnaire/recommend.ts';

type Value = string | boolean;

const SPECTRUM: Record<Design, number> = { 'fully-baked': 0, hybrid: 1, jeos: 2 };
const index = (answers: GuidanceAnswers): number => SPECTRUM[recommendedDesign(answers)];

function choicesOf(key: QuestionKey): Value[] {
  const choices: readonly Choice<Value>[] = QUESTIONS[key].choices;
  return choices.map((c) => c.value);
}

function withAnswer(answers: GuidanceAnswers, key: QuestionKey, value: Value): GuidanceAnswers {
  return { ...answers, [key]: value } as GuidanceAnswers;
}

/** One line naming every answer, so a failure says which combination broke the property. */
function show(answers: GuidanceAnswers, varied?: QuestionKey): string {
  return QUESTION_KEYS.map((k) => `${k}=${k === varied ? '*' : String(answers[k])}`).join(' ');
}

// ---------------------------------------------------------------------------------------------
// The ordered questions, each listed from the value the model should lean most towards fully-baked
// to the value it should lean most towards jeos. Moving right along a list never moves the
// recommendation left along the spectrum. existingTooling is a set of tools, not a scale: no order.
// ---------------------------------------------------------------------------------------------
interface Ordered {
  key: QuestionKey;
  towardsJeos: Value[];
  statement: string;
}

const ORDERED: Ordered[] = [
  {
    key: 'recoveryTime',
    towardsJeos: ['minutes', 'tens-of-minutes', 'hours'],
    statement: 'a. faster recovery never moves the recommendation towards jeos',
  },
  {
    key: 'manualSteps',
    towardsJeos: [true, false],
    statement: 'b. manualSteps=true never moves the recommendation away from fully-baked',
  },
  {
    key: 'onPremises',
    towardsJeos: [false, true],
    statement: 'c. onPremises=true never moves the recommendation away from jeos',
  },
  {
    key: 'baselineStability',
    towardsJeos: ['static', 'monthly', 'weekly'],
    statement: 'd. a faster-moving baseline (static -> monthly -> weekly) never moves towards fully-baked',
  },
  {
    key: 'appReleaseCadence',
    towardsJeos: ['rarely', 'weekly', 'daily'],
    statement: 'd. more frequent releases (rarely -> weekly -> daily) never move towards fully-baked',
  },
  {
    key: 'automationExperience',
    towardsJeos: ['new', 'some', 'experienced'],
    statement: 'd. more automation experience (new -> some -> experienced) never moves towards fully-baked',
  },
  {
    key: 'awsExperience',
    towardsJeos: ['new', 'some', 'experienced'],
    statement: 'd. more AWS experience (new -> some -> experienced) never moves towards fully-baked',
  },
  {
    key: 'automatedPipeline',
    towardsJeos: [true, false],
    statement: 'b. an automated image pipeline never moves the recommendation away from fully-baked',
  },
  {
    key: 'distinctConfigurations',
    towardsJeos: ['few', 'several', 'many'],
    statement: 'd. more distinct configurations (few -> several -> many) never move towards fully-baked',
  },
  {
    key: 'latestAtLaunch',
    towardsJeos: [false, true],
    statement: 'd. wanting the latest builds at launch never moves towards fully-baked',
  },
];

/** Every pair (earlier, later) of values of an ordered question, adjacent or not. */
function orderedPairs(o: Ordered): [Value, Value][] {
  const pairs: [Value, Value][] = [];
  for (let i = 0; i < o.towardsJeos.length; i++) {
    for (let j = i + 1; j < o.towardsJeos.length; j++) pairs.push([o.towardsJeos[i]!, o.towardsJeos[j]!]);
  }
  return pairs;
}

// ---------------------------------------------------------------------------------------------
// The exhaustive table: every combination, with its spectrum index, addressed by mixed radix.
// ---------------------------------------------------------------------------------------------
const RADICES = QUESTION_KEYS.map((k) => choicesOf(k).length);
const TOTAL = RADICES.reduce((a, b) => a * b, 1);

function combinationAt(n: number): GuidanceAnswers {
  const out: Record<string, Value> = {};
  let rest = n;
  for (let q = QUESTION_KEYS.length - 1; q >= 0; q--) {
    const key = QUESTION_KEYS[q]!;
    const radix = RADICES[q]!;
    out[key] = choicesOf(key)[rest % radix]!;
    rest = Math.floor(rest / radix);
  }
  return out as GuidanceAnswers;
}

function positionOf(answers: GuidanceAnswers): number {
  let n = 0;
  QUESTION_KEYS.forEach((key, q) => {
    n = n * RADICES[q]! + choicesOf(key).indexOf(answers[key]);
  });
  return n;
}

const ALL: GuidanceAnswers[] = Array.from({ length: TOTAL }, (_, n) => combinationAt(n));
const INDEX = Uint8Array.from(ALL, index);

const indexOf = (answers: GuidanceAnswers): number => INDEX[positionOf(answers)]!;

/** Runs `check` over every combination; returns the first few failures as readable lines. */
function violations(
  check: (answers: GuidanceAnswers) => string | undefined,
  options: { varied?: QuestionKey; limit?: number } = {},
): string[] {
  const { varied, limit = 5 } = options;
  const found: string[] = [];
  for (const answers of ALL) {
    const problem = check(answers);
    if (problem !== undefined) {
      found.push(`${problem} :: ${show(answers, varied)}`);
      if (found.length >= limit) break;
    }
  }
  return found;
}

function monotoneProblem(o: Ordered, answers: GuidanceAnswers, lookup: (a: GuidanceAnswers) => number) {
  for (const [earlier, later] of orderedPairs(o)) {
    const before = lookup(withAnswer(answers, o.key, earlier));
    const after = lookup(withAnswer(answers, o.key, later));
    if (before > after) {
      return `${o.key}: ${String(earlier)} -> ${DESIGNS[before]}, but ${String(later)} -> ${DESIGNS[after]}`;
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// fast-check: one constantFrom per question.
// ---------------------------------------------------------------------------------------------
const pick = <K extends QuestionKey>(key: K) => fc.constantFrom(...(choicesOf(key) as GuidanceAnswers[K][]));

const answersArb = fc.record(
  Object.fromEntries(QUESTION_KEYS.map((key) => [key, pick(key)])),
) as unknown as fc.Arbitrary<GuidanceAnswers>;

const RUNS = { numRuns: 500 };

/** Sum of the table's weights for the given answers, computed here rather than by the model. */
function expectedScore(answers: GuidanceAnswers, design: Design): number {
  let total = 0;
  for (const key of QUESTION_KEYS) {
    const entry = WEIGHTS[key][String(answers[key])]!;
    // One table entry has a second weight for teams with an automated pipeline.
    total += (answers.automatedPipeline && entry.withPipeline ? entry.withPipeline : entry).weights[design];
  }
  return total;
}

/** The answers that rule `design` out, computed here from the table rather than by the model. */
function ruledOut(answers: GuidanceAnswers, design: Design): QuestionKey[] {
  return QUESTION_KEYS.filter((key) => {
    const entry = WEIGHTS[key][String(answers[key])]!;
    const own = answers.automatedPipeline && entry.withPipeline ? entry.withPipeline : entry;
    return own.rulesOut?.designs.includes(design) ?? false;
  });
}

// ---------------------------------------------------------------------------------------------

describe('the answer space', () => {
  it('has 81,648 combinations, each enumerated once', () => {
    expect(TOTAL).toBe(81_648);
    expect(new Set(ALL.map((a) => show(a))).size).toBe(TOTAL);
    // The mixed-radix addressing round-trips, so lookups in the exhaustive table are sound.
    expect(ALL.every((a, n) => positionOf(a) === n)).toBe(true);
  });

  it('orders every value of each ordered question exactly once', () => {
    for (const o of ORDERED) expect([...o.towardsJeos].sort(), o.key).toEqual([...choicesOf(o.key)].sort());
  });
});

describe('monotonicity along the spectrum (exhaustive)', () => {
  for (const o of ORDERED) {
    it(o.statement, () => {
      // Each context (the other eight answers) once: the question itself is varied by monotoneProblem.
      const first = o.towardsJeos[0];
      const problems = violations((a) => (a[o.key] === first ? monotoneProblem(o, a, indexOf) : undefined), {
        varied: o.key,
      });
      expect(problems).toEqual([]);
    });
  }
});

describe('monotonicity along the spectrum (fast-check)', () => {
  for (const o of ORDERED) {
    it(o.statement, () => {
      fc.assert(
        fc.property(answersArb, (answers) => {
          const problem = monotoneProblem(o, answers, index);
          if (problem) throw new Error(`${problem} :: ${show(answers, o.key)}`);
        }),
        RUNS,
      );
    });
  }
});

describe('e. answers that rule out jeos', () => {
  const neverJeos: [QuestionKey, Value, string][] = [
    ['recoveryTime', 'minutes', 'recoveryTime=minutes never yields jeos'],
    ['manualSteps', true, 'manualSteps=true never yields jeos'],
  ];
  for (const [key, value, statement] of neverJeos) {
    it(`${statement} (exhaustive)`, () => {
      expect(
        violations((a) => (a[key] === value && DESIGNS[indexOf(a)] === 'jeos' ? 'recommended jeos' : undefined)),
      ).toEqual([]);
    });
    it(`${statement} (fast-check)`, () => {
      fc.assert(
        fc.property(answersArb, (answers) => {
          const forced = withAnswer(answers, key, value);
          expect(recommendedDesign(forced), show(forced)).not.toBe('jeos');
        }),
        RUNS,
      );
    });
  }
});

describe('e2. configuration-management tools (the guidance pairs them with hybrid and builds JeOS on them)', () => {
  const TOOLS: Value[] = ['ansible', 'chef', 'puppet', 'salt'];
  const OTHERS = choicesOf('existingTooling').filter((v) => !TOOLS.includes(v));

  it('answering with such a tool in place of any other tooling never moves the recommendation to fully-baked (exhaustive)', () => {
    const problems = violations(
      (a) => {
        if (!OTHERS.includes(a.existingTooling)) return undefined;
        if (DESIGNS[indexOf(a)] === 'fully-baked') return undefined;
        for (const tool of TOOLS) {
          if (DESIGNS[indexOf(withAnswer(a, 'existingTooling', tool))] === 'fully-baked') {
            return `existingTooling: ${a.existingTooling} -> ${DESIGNS[indexOf(a)]}, but ${String(tool)} -> fully-baked`;
          }
        }
        return undefined;
      },
      { varied: 'existingTooling' },
    );
    expect(problems).toEqual([]);
  });

  it('such a tool weighs hybrid and jeos alike', () => {
    for (const tool of TOOLS) {
      const { weights } = WEIGHTS.existingTooling[String(tool)]!;
      expect(weights.hybrid, String(tool)).toBe(weights.jeos);
    }
  });
});

describe('f. whatIf', () => {
  it('is exactly the set of single-answer changes that change the recommendation, each naming the new design', () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        const current = recommendedDesign(answers);
        const expected: string[] = [];
        for (const key of QUESTION_KEYS) {
          for (const value of choicesOf(key)) {
            if (value === answers[key]) continue;
            const next = recommendedDesign(withAnswer(answers, key, value));
            if (next !== current) expected.push(`${key}=${String(value)} -> ${next}`);
          }
        }
        const flips = whatIf(answers);
        const actual = flips.map((f) => `${f.key}=${String(f.to)} -> ${f.strategy}`);
        expect(actual.sort(), show(answers)).toEqual(expected.sort());
        for (const f of flips) {
          expect(f.from, show(answers)).toBe(answers[f.key]);
          expect(f.toLabel, show(answers)).toBe(choiceLabel(f.key, f.to));
          expect(f.question).toBe(QUESTIONS[f.key].prompt);
          expect(f.strategy, show(answers)).toBe(recommendedDesign(withAnswer(answers, f.key, f.to)));
          expect(f.strategy, show(answers)).not.toBe(current);
        }
        expect(recommend(answers).whatIf).toEqual(flips);
      }),
      RUNS,
    );
  });
});

describe('g. ranking', () => {
  // The exhaustive run checks the ranking alone (recommend() also computes every what-if, 25 more
  // recommendations per combination); the fast-check samples check recommend() whole.
  function rankingProblem(answers: GuidanceAnswers, whole = false): string | undefined {
    const rec = whole
      ? recommend(answers)
      : { ranking: rank(scores(answers), requirements(answers)), recommended: recommendedDesign(answers) };
    const { ranking } = rec;
    const designs = ranking.map((r) => r.design);
    if (designs.length !== DESIGNS.length || new Set(designs).size !== DESIGNS.length) {
      return `ranking does not list each design once: ${designs.join(',')}`;
    }
    for (const r of ranking) {
      const want = expectedScore(answers, r.design);
      if (r.score !== want) return `${r.design} scored ${r.score}, weights sum to ${want}`;
    }
    for (const r of ranking) {
      const want = ruledOut(answers, r.design);
      if (r.ruledOutBy.join() !== want.join())
        return `${r.design} ruled out by ${r.ruledOutBy.join()}, expected ${want.join()}`;
    }
    for (let i = 1; i < ranking.length; i++) {
      const [a, b] = [ranking[i - 1]!, ranking[i]!];
      const [aOut, bOut] = [a.ruledOutBy.length > 0, b.ruledOutBy.length > 0];
      if (aOut && !bOut)
        return `a ruled-out design ranks above one that meets every requirement: ${JSON.stringify(ranking)}`;
      if (aOut !== bOut) continue;
      if (a.score < b.score) return `not sorted by score: ${JSON.stringify(ranking)}`;
      if (a.score === b.score && TIE_BREAK.indexOf(a.design) > TIE_BREAK.indexOf(b.design)) {
        return `tie not broken by TIE_BREAK: ${JSON.stringify(ranking)}`;
      }
    }
    if (rec.recommended !== ranking[0]!.design) return `recommended ${rec.recommended} is not ranked first`;
    if (recommendedDesign(answers) !== rec.recommended) return 'recommendedDesign disagrees with recommend';
    return undefined;
  }

  it('lists each design once, those meeting every requirement first, then by descending score, headed by the recommendation, scores = summed weights (exhaustive)', () => {
    expect(violations(rankingProblem)).toEqual([]);
  });

  it('the same, on fast-check samples', () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        const problem = rankingProblem(answers, true);
        if (problem) throw new Error(`${problem} :: ${show(answers)}`);
      }),
      RUNS,
    );
  });
});

describe('h. decide', () => {
  const roles = fc.integer({ min: 0, max: 40 });

  it("'auto' follows the recommendation and never reports an override", () => {
    fc.assert(
      fc.property(answersArb, roles, (answers, n) => {
        const d = decide(answers, 'auto', n);
        expect(d.overridden, show(answers)).toBe(false);
        expect(d.strategy, show(answers)).toBe(d.recommended);
        expect(d.recommended, show(answers)).toBe(recommendedDesign(answers));
      }),
      RUNS,
    );
  });

  it('an explicit design other than the recommendation is followed and reported as overridden', () => {
    fc.assert(
      fc.property(answersArb, fc.constantFrom(...DESIGNS), roles, (answers, chosen, n) => {
        const d = decide(answers, chosen, n);
        const recommended = recommendedDesign(answers);
        expect(d.strategy, show(answers)).toBe(chosen);
        expect(d.recommended, show(answers)).toBe(recommended);
        expect(d.overridden, `${chosen} vs ${recommended} :: ${show(answers)}`).toBe(chosen !== recommended);
      }),
      RUNS,
    );
  });
});

describe('i. the weight table', () => {
  it('has a weight and a non-empty reason for every answer of every question, and nothing else', () => {
    for (const key of QUESTION_KEYS) {
      const values = choicesOf(key).map(String);
      expect(Object.keys(WEIGHTS[key]).sort(), key).toEqual([...values].sort());
      for (const value of values) {
        const entry = WEIGHTS[key][value];
        expect(entry, `${key}=${value}`).toBeDefined();
        for (const d of DESIGNS) expect(Number.isFinite(entry!.weights[d]), `${key}=${value} ${d}`).toBe(true);
        expect(entry!.reason.trim().length, `${key}=${value}`).toBeGreaterThan(0);
      }
    }
  });

  it('each reason favours exactly the designs the answer weighs most (none when it weighs all alike)', () => {
    for (const key of QUESTION_KEYS) {
      for (const value of choicesOf(key)) {
        const answers = withAnswer(defaultGuidance(), key, value);
        const reason = recommend(answers).reasons.find((r) => r.key === key);
        const label = `${key}=${String(value)}`;
        expect(reason, label).toBeDefined();
        const entry = WEIGHTS[key][String(value)]!;
        const { weights, reason: sentence } = entry;
        const top = Math.max(...DESIGNS.map((d) => weights[d]));
        const best = DESIGNS.filter((d) => weights[d] === top);
        expect(reason!.favours, label).toEqual(best.length === DESIGNS.length ? [] : best);
        expect(reason!.sentence, label).toBe(sentence);
        expect(reason!.sentence.trim(), label).not.toBe('');
        expect(reason!.weights, label).toEqual(weights);
        expect(reason!.answer, label).toBe(value);
        expect(reason!.answerLabel, label).toBe(choiceLabel(key, value));
      }
    }
  });

  it('recommend gives one reason per question, in question order', () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        expect(recommend(answers).reasons.map((r) => r.key)).toEqual(QUESTION_KEYS);
      }),
      { numRuns: 100 },
    );
  });

  // Why the monotonicity above holds: for an additive score with a fixed tie-break order, moving an
  // ordered answer one step towards jeos keeps the recommendation from moving left whenever the
  // change in weights grows along the spectrum (d(fully-baked) <= d(hybrid) <= d(jeos)).
  it('each step of an ordered question shifts weight along the spectrum, never against it', () => {
    const problems: string[] = [];
    // With and without a pipeline, since one answer's weight depends on it; and the pipeline answer
    // itself moves the configurations answer's weight too, so its change is summed over both.
    const total = (answers: GuidanceAnswers, d: Design) => expectedScore(answers, d);
    for (const pipeline of [false, true]) {
      for (const configurations of choicesOf('distinctConfigurations')) {
        const context = {
          ...defaultGuidance(),
          automatedPipeline: pipeline,
          distinctConfigurations: configurations,
        } as GuidanceAnswers;
        for (const o of ORDERED) {
          for (const [earlier, later] of orderedPairs(o)) {
            const delta = DESIGNS.map(
              (d) => total(withAnswer(context, o.key, later), d) - total(withAnswer(context, o.key, earlier), d),
            );
            if (!(delta[0]! <= delta[1]! && delta[1]! <= delta[2]!)) {
              problems.push(
                `${o.key} ${String(earlier)} -> ${String(later)} (pipeline ${pipeline}, ${configurations}): change ${delta.join(', ')}`,
              );
            }
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('j. a requirement is never outweighed', () => {
  // The answers the guidance states as things a design cannot do: JeOS cannot promise minutes nor run
  // a manual step unattended at boot; a fully baked image cannot pull the latest builds at launch.
  const MUSTS: [QuestionKey, Value, Design][] = [
    ['recoveryTime', 'minutes', 'jeos'],
    ['manualSteps', true, 'jeos'],
    ['latestAtLaunch', true, 'fully-baked'],
  ];

  it('the table marks exactly these answers as requirements', () => {
    const marked = QUESTION_KEYS.flatMap((key) =>
      choicesOf(key).flatMap((value) =>
        (WEIGHTS[key][String(value)]!.rulesOut?.designs ?? []).map((d) => `${key}=${String(value)} rules out ${d}`),
      ),
    );
    expect(marked.sort()).toEqual(MUSTS.map(([k, v, d]) => `${k}=${String(v)} rules out ${d}`).sort());
    for (const key of QUESTION_KEYS)
      for (const variant of weightVariants(key)) expect(variant.rulesOut?.because ?? 'none', key).not.toBe('');
  });

  for (const [key, value, design] of MUSTS) {
    it(`${key}=${String(value)} never yields ${design}, whatever it scores (exhaustive)`, () => {
      expect(
        violations((a) => (a[key] === value && DESIGNS[indexOf(a)] === design ? `recommended ${design}` : undefined)),
      ).toEqual([]);
    });
  }

  it('is decisive where points alone would pick the design it rules out (the must is tested, not vacuous)', () => {
    // For each requirement, some answers exist where the ruled-out design has the top score: only the
    // requirement keeps it from being recommended.
    for (const [key, value, design] of MUSTS) {
      const outscoring = ALL.find((a) => {
        if (a[key] !== value) return false;
        const top = Math.max(...DESIGNS.map((d) => expectedScore(a, d)));
        return expectedScore(a, design) === top && DESIGNS.filter((d) => expectedScore(a, d) === top).length === 1;
      });
      expect(outscoring, `${key}=${String(value)}`).toBeDefined();
      const rec = recommend(outscoring!);
      expect(rec.recommended).not.toBe(design);
      expect(rec.ranking.find((r) => r.design === design)!.ruledOutBy).toContain(key);
      expect(rec.requirements.map((r) => r.key)).toContain(key);
    }
  });

  it('some design always meets every requirement (hybrid can: bake the manual steps, pull the latest at launch)', () => {
    expect(
      violations((a) => (ruledOut(a, DESIGNS[indexOf(a)]!).length > 0 ? 'recommended a ruled-out design' : undefined)),
    ).toEqual([]);
    expect(violations((a) => (ruledOut(a, 'hybrid').length > 0 ? 'hybrid ruled out' : undefined))).toEqual([]);
  });
});

describe('j2. JeOS needs a team that knows configuration automation', () => {
  // Review of issue 20: a team new to automation with no configuration tool was given JeOS in 28
  // combinations; the guidance ties JeOS to a configuration-management system and experienced teams.
  it('a team new to configuration automation, with no tool or only scripts, never gets JeOS (exhaustive)', () => {
    expect(
      violations((a) =>
        a.automationExperience === 'new' &&
        (a.existingTooling === 'none' || a.existingTooling === 'shell-scripts') &&
        DESIGNS[indexOf(a)] === 'jeos'
          ? 'recommended jeos'
          : undefined,
      ),
    ).toEqual([]);
  });
});

describe('k. every question can change the recommendation', () => {
  it('for each question, some answers exist where changing only that answer changes the design (exhaustive)', () => {
    for (const key of QUESTION_KEYS) {
      const values = choicesOf(key);
      const matters = ALL.some(
        (a) => a[key] === values[0] && values.some((v) => indexOf(withAnswer(a, key, v)) !== indexOf(a)),
      );
      expect(matters, key).toBe(true);
    }
  });

  it('each answer that gives points can change the design somewhere (no answer is decoration)', () => {
    const problems: string[] = [];
    for (const key of QUESTION_KEYS) {
      for (const value of choicesOf(key)) {
        const entry = WEIGHTS[key][String(value)]!;
        const gives = [entry, ...(entry.withPipeline ? [entry.withPipeline] : [])].some(
          (e) => DESIGNS.some((d) => e.weights[d] !== 0) || e.rulesOut,
        );
        if (!gives) continue;
        const changes = ALL.some((a) => a[key] !== value && indexOf(withAnswer(a, key, value)) !== indexOf(a));
        if (!changes) problems.push(`${key}=${String(value)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('an answer that gives no points and rules nothing out is neutral: it never decides (the absence of a constraint is not evidence)', () => {
    for (const key of QUESTION_KEYS) {
      for (const value of choicesOf(key)) {
        const entry = WEIGHTS[key][String(value)]!;
        const neutral =
          DESIGNS.every((d) => entry.weights[d] === entry.weights.hybrid) && !entry.rulesOut && !entry.withPipeline;
        if (!neutral) continue;
        const reason = recommend(withAnswer(defaultGuidance(), key, value)).reasons.find((r) => r.key === key)!;
        expect(reason.favours, `${key}=${String(value)}`).toEqual([]);
      }
    }
  });
});
