// decision.md and README.md: valid Markdown that names every answer, the override when there is
// one, and a Mermaid pipeline diagram of the chosen design. Mermaid's own parser needs a browser
// (DOMPurify), so the diagram is checked structurally: node ids, labels and edges.
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { QUESTIONS, QUESTION_KEYS, choiceLabel, completeGuidance } from '../../questionnaire/questions.ts';
import { compareAnswers } from '../../questionnaire/compare.ts';
import { recommendedDesign } from '../../questionnaire/recommend.ts';
import { minimalAnswers } from '../support/answers.ts';
import { answersFrom, generate } from '../support/generate.ts';

const md = new MarkdownIt();
/** What a reader sees: the rendered Markdown without tags or entities. */
const plain = (markdown: string) =>
  md
    .render(markdown)
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

async function decisionFor(patch: (a: Record<string, any>) => void) {
  const a = minimalAnswers();
  patch(a);
  const files = await generate(answersFrom(a));
  return {
    text: files.find((f) => f.path === 'decision.md')!.contents,
    readme: files.find((f) => f.path === 'README.md')!.contents,
    answers: a,
  };
}

function mermaidBlocks(markdown: string): string[] {
  return md
    .parse(markdown, {})
    .filter((t) => t.type === 'fence' && t.info.trim() === 'mermaid')
    .map((t) => t.content);
}

function checkFlowchart(source: string) {
  const lines = source
    .trim()
    .split('\n')
    .map((l) => l.trim());
  expect(lines[0]).toBe('flowchart LR');
  const edges = lines.slice(1);
  for (const edge of edges) {
    // id[label] or id["label"] --> id[...]; ids are letters, digits and underscores.
    expect(edge).toMatch(/^[A-Za-z_][\w]*(\[("[^"]*"|[^\]"]*)\])? --> [A-Za-z_][\w]*(\[("[^"]*"|[^\]"]*)\])?$/);
  }
  return edges;
}

describe('decision.md', () => {
  for (const design of ['fully-baked', 'hybrid', 'jeos'] as const) {
    it(`${design}: names every answer, parses as Markdown, and draws the pipeline`, async () => {
      const { text } = await decisionFor((a) => {
        a.strategy = design;
        a.roles = [
          { name: 'web', software: [] },
          { name: 'api', software: [] },
        ];
      });
      const html = md.render(text);
      expect(html).toContain('<table>');
      const seen = plain(text);
      // The minimal file leaves out the questions added since version 1: they read as completeGuidance says.
      const guidance = completeGuidance(minimalAnswers().guidance);
      for (const key of QUESTION_KEYS) {
        expect(seen).toContain(QUESTIONS[key].prompt);
        expect(seen).toContain(choiceLabel(key, guidance[key]));
      }
      const [diagram, ...more] = mermaidBlocks(text);
      expect(more).toHaveLength(0);
      const edges = checkFlowchart(diagram!);
      if (design === 'jeos') expect(edges.some((e) => e.startsWith('base --> inst'))).toBe(true);
      else expect(edges.filter((e) => e.startsWith('base --> role_'))).toHaveLength(2);
      for (const heading of [
        'Context',
        'Decision',
        'Reasons',
        'What goes where',
        'Alternatives considered',
        'What would change it',
        'Consequences',
        'Next steps',
      ]) {
        expect(text).toMatch(new RegExp(`^## ${heading}$`, 'm'));
      }
    });
  }

  it('says when the answers override the model, and what the model advised', async () => {
    const { text, readme } = await decisionFor((a) => (a.strategy = 'jeos'));
    expect(plain(text)).toContain(
      'Decision: JeOS (just enough OS) (chosen in the answers file; the model advised Hybrid)',
    );
    expect(plain(text)).toContain('overriding the model');
    expect(plain(readme)).toContain("over the model's advice (Hybrid)");
  });

  it('an override that cannot meet a requirement says so, in decision.md and the README', async () => {
    const { text, readme } = await decisionFor((a) => {
      a.strategy = 'fully-baked';
      a.guidance.latestAtLaunch = true;
    });
    const seen = plain(text).replace(/\s+/g, ' ');
    expect(seen).toContain(
      'Decision: Fully baked (chosen in the answers file, though it cannot meet the latest at launch answer; the model advised Hybrid)',
    );
    expect(seen).toContain('It cannot meet the latest at launch answer, which rules it out in the model.');
    expect(plain(readme).replace(/\s+/g, ' ')).toContain(
      "over the model's advice (Hybrid), though it cannot meet the latest at launch answer",
    );
    // Without a broken requirement, nothing is said of one.
    const { text: plainOverride } = await decisionFor((a) => (a.strategy = 'jeos'));
    expect(plainOverride).not.toContain('cannot meet the');
  });

  it('a tie says why the recommended design wins, and the scale and the requirement are explained', async () => {
    const { text } = await decisionFor((a) => (a.guidance.recoveryTime = 'minutes'));
    const seen = plain(text).replace(/\s+/g, ' ');
    expect(seen).toContain(
      'Hybrid and Fully baked both score 9; Hybrid is recommended because a tie goes to Hybrid, the middle of the spectrum',
    );
    expect(seen).toContain("(the model's judgement: the guidance gives no order)");
    expect(seen).toContain("a design's score is their sum, between");
    expect(seen).toMatch(/Recovery time: "Within a few minutes" rules out JeOS \(just enough OS\)\./);
    expect(text).toMatch(/^\| JeOS .*\(ruled out\) \| 1 \|/m);
    // Each reason names its question and the points it gives.
    expect(seen).toContain('Recovery time: Within a few minutes (+3 Fully baked, +1 Hybrid)');
    expect(seen).toContain('AWS experience: Some experience (+2 Hybrid, +1 Fully baked)');
  });

  it('a negative score draws left of the zero mark, on one zero mark for every row', async () => {
    const { text } = await decisionFor((a) => {
      a.guidance.recoveryTime = 'minutes';
      a.guidance.automationExperience = 'new';
    });
    const rows = text.split('\n').filter((l) => /^\| (Hybrid|Fully baked|JeOS[^|]*) \| -?\d+ \|/.test(l));
    expect(rows).toHaveLength(3);
    expect(rows[2]).toMatch(/\| -4 \| ·*█+│ \|$/);
    expect(rows[0]).toMatch(/\| 11 \| ·*│█+ \|$/);
    const zero = (row: string) => row.slice(row.lastIndexOf('| ', row.length - 3)).indexOf('│');
    expect(new Set(rows.map(zero)).size).toBe(1);
  });

  it('without an override, says it follows the recommendation', async () => {
    const { text } = await decisionFor(() => {});
    expect(text).not.toContain('overriding');
  });
});

describe('decision.md: what goes where', () => {
  /** The rows of the "What goes where" table, each cell as a reader sees it. */
  function placementTable(markdown: string): string[][] {
    const section = markdown.slice(
      markdown.indexOf('## What goes where'),
      markdown.indexOf('## Alternatives considered'),
    );
    const tokens = md.parse(section, {});
    const rows: string[][] = [];
    let row: string[] = [];
    for (const [i, t] of tokens.entries()) {
      if (t.type === 'tr_open') row = [];
      if (t.type === 'inline' && ['th_open', 'td_open'].includes(tokens[i - 1]!.type))
        row.push(t.content.replace(/\\(.)/g, '$1'));
      if (t.type === 'tr_close') rows.push(row);
    }
    return rows;
  }

  it('hybrid: a row per package with its roles, minutes, changes, where and why, after the agents and before the application', async () => {
    const { text, readme } = await decisionFor((a) => {
      a.strategy = 'hybrid';
      a.roles = [
        {
          name: 'web',
          software: [
            'nginx',
            { name: 'java-17-amazon-corretto', installMinutes: 20 },
            { name: 'jq', installMinutes: 1, changes: 'daily' },
          ],
        },
        { name: 'api', software: ['nginx'] },
      ];
    });
    expect(text.indexOf('## Reasons')).toBeLessThan(text.indexOf('## What goes where'));
    expect(text.indexOf('## What goes where')).toBeLessThan(text.indexOf('## Alternatives considered'));
    expect(placementTable(text)).toEqual([
      ['Package', 'Roles', 'Install (min)', 'Changes', 'Where', 'Why'],
      [
        'amazon-ssm-agent',
        'all',
        '—',
        '—',
        'baseline image',
        expect.stringMatching(/^A server management agent every instance runs/),
      ],
      ['amazon-cloudwatch-agent', 'all', '—', '—', 'baseline image', expect.any(String)],
      [
        'ansible',
        'all',
        '—',
        '—',
        'baseline image',
        'The ansible tooling the bootstrap runs at first boot: baked into the baseline with the other agents.',
      ],
      [
        'nginx',
        'all',
        '2',
        'monthly',
        'baseline image',
        expect.stringMatching(/^Every role lists it, so it is reusable across all instances/),
      ],
      [
        'java-17-amazon-corretto',
        'web',
        '20',
        'monthly',
        'role image',
        expect.stringMatching(/^It takes 20 minutes to download, install and configure/),
      ],
      [
        'jq',
        'web',
        '1',
        'daily',
        'first boot',
        'It changes daily and installs in 1 minute: pulled at first boot, a new version needs no image build.',
      ],
      [
        'the application',
        'all',
        '—',
        '—',
        'first boot',
        expect.stringMatching(/the bootstrap pulls the latest build at first boot/),
      ],
    ]);
    const seen = plain(text).replace(/\s+/g, ' ');
    expect(seen).toContain(
      'a package that changes weekly or daily and installs within 5 minutes is installed at first boot',
    );
    expect(plain(readme).replace(/\s+/g, ' ')).toContain(
      "What goes where: the baseline carries the management agents, ansible and 1 package every role lists; each role image adds its role's own (1 package in all); 1 package is installed at first boot.",
    );
  });

  it('escapes what it prints: a package name that is also Markdown stays text', async () => {
    const { text } = await decisionFor((a) => {
      a.strategy = 'jeos';
      a.roles = [{ name: 'web', software: ['g++', 'lib_x_'] }];
    });
    const rows = placementTable(text);
    expect(rows.map((r) => r[0])).toContain('g++');
    expect(text).toMatch(/^\| lib\\_x\\_ \| web \|/m);
    expect(rows.find((r) => r[0] === 'g++')![4]).toBe('first boot');
  });
});

describe('compare', () => {
  it("lists exactly the differing answers, their points, and which one decides the second team's design", () => {
    const a = { ...minimalAnswers().guidance, awsExperience: 'some', automatedPipeline: false };
    const b = { ...a, onPremises: true, automationExperience: 'experienced' };
    const c = compareAnswers(a as any, b as any);
    expect(c.differences.map((d) => d.key)).toEqual(['onPremises', 'automationExperience']);
    for (const d of c.differences) {
      const reverted = recommendedDesign({ ...(b as any), [d.key]: (a as any)[d.key] });
      expect(d.withoutIt, d.key).toBe(reverted === c.b.recommended ? undefined : reverted);
    }
    const total = c.differences.reduce((sum, d) => sum + d.shift.jeos - d.shift.hybrid, 0);
    const scoreOf = (r: typeof c.a, design: string) => r.ranking.find((x) => x.design === design)!.score;
    expect(scoreOf(c.b, 'jeos') - scoreOf(c.b, 'hybrid')).toBe(scoreOf(c.a, 'jeos') - scoreOf(c.a, 'hybrid') + total);
  });
});

describe('README.md: the first boot a team configures', () => {
  it.each(['hybrid', 'jeos'] as const)(
    '%s: explains every setting, the SSM layout, the exit codes and the log',
    async (design) => {
      const { readme } = await decisionFor((a) => {
        a.strategy = design;
        a.project.name = 'Web Shop';
        a.options = { githubActions: { roleArn: 'arn:aws:iam::111122223333:role/ami-build', directory: 'infra/ami' } };
      });
      const text = plain(readme);
      for (const setting of ['ConfigSource', 'ConfigRef', 'ConfigPath', 'Role', 'Stage', 'SecretParameters']) {
        expect(text).toMatch(new RegExp(`${setting}\\s+AMI_WIZARD_[A-Z_]+`));
      }
      expect(text).toMatch(/ConfigPath\s+AMI_WIZARD_CONFIG_PATH\s+infra\/ami/); // the folder's place in the repository
      expect(text).toMatch(/\/web-shop\/<stage>\/<name>/);
      expect(text).toMatch(/Stage=test reads\s+\/web-shop\/test\//);
      for (const code of ['10', '20', '30', '40']) expect(text).toMatch(new RegExp(`\\b${code} [a-z]`));
      expect(text).toMatch(/\/var\/log\/ami-bootstrap\.log/);
      expect(text).toMatch(/journalctl -u ami-bootstrap/);
    },
  );

  it('fully baked: no configuration settings, still the role, stage and secrets', async () => {
    const { readme } = await decisionFor((a) => (a.strategy = 'fully-baked'));
    const text = plain(readme);
    expect(text).not.toMatch(/ConfigSource/);
    expect(text).toMatch(/Role\s+AMI_WIZARD_ROLE\s+the role a role image was built for; none on the base image/);
    expect(text).toMatch(/SecretParameters/);
  });
});
