// The words of a decision in-process: one Design line, the sections of `recommend`, and the next
// steps after a write (the CLI and the wizard print these; their end-to-end tests run a few).
import { describe, expect, it } from 'vitest';
import { decisionFor } from '../../questionnaire/decision.ts';
import { DESIGN_LABELS } from '../../questionnaire/labels.ts';
import { defaultGuidance } from '../../questionnaire/questions.ts';
import {
  designLine,
  nextStepsLines,
  reasonTexts,
  recommendationText,
  whatIfTexts,
} from '../../source/text/decision-text.ts';

const defaults = decisionFor({ guidance: defaultGuidance() });

describe('designLine', () => {
  it('says recommended when the design follows the model, and what the model advises when overridden', () => {
    expect(designLine(defaults)).toBe(`Design: ${DESIGN_LABELS[defaults.recommended]} (recommended)`);
    const other = (['fully-baked', 'hybrid', 'jeos'] as const).find((d) => d !== defaults.recommended)!;
    const overridden = decisionFor({ guidance: defaultGuidance(), strategy: other });
    expect(overridden.overridden).toBe(true);
    expect(designLine(overridden)).toBe(
      `Design: ${DESIGN_LABELS[other]} (overridden; the model advises ${DESIGN_LABELS[defaults.recommended]})`,
    );
  });

  it('says when the chosen design cannot meet a requirement (issue 20: a "must" is never a wish)', () => {
    const guidance = { ...defaultGuidance(), latestAtLaunch: true };
    const broken = decisionFor({ guidance, strategy: 'fully-baked' });
    expect(designLine(broken)).toBe(
      'Design: Fully baked (overridden, though it cannot meet the latest at launch answer; the model advises Hybrid)',
    );
    // A design that meets every requirement is an override and nothing more.
    expect(designLine(decisionFor({ guidance, strategy: 'jeos' }))).toBe(
      'Design: JeOS (just enough OS) (overridden; the model advises Hybrid)',
    );
  });
});

describe('recommendationText', () => {
  const text = recommendationText(defaults, 'image-builder');
  const lines = text.trimEnd().split('\n');

  it('the Design line, the engine, then the sections in order', () => {
    expect(lines[0]).toBe(designLine(defaults));
    expect(lines[1]).toBe('Built with: EC2 Image Builder (imagebuilder/)');
    const sections = ['Why (points per design):', 'What would change it:', 'Trade-offs:', 'Launch path:'].map((title) =>
      lines.indexOf(title),
    );
    expect(sections.every((at) => at > 1)).toBe(true);
    expect([...sections].sort((a, b) => a - b)).toEqual(sections);
    expect(recommendationText(defaults).split('\n')[1]).toBe('');
  });

  it('every reason and what-if is there, within 80 columns', () => {
    const flat = text.replace(/\n\s+/g, ' ');
    for (const reason of [...reasonTexts(defaults), ...whatIfTexts(defaults)]) expect(flat).toContain(reason);
    expect(reasonTexts(defaults).length).toBeGreaterThan(0);
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(80);
  });

  it('an override the answers rule out (the longest Design line) still fits 80 columns, wrapped', () => {
    const guidance = { ...defaultGuidance(), recoveryTime: 'minutes' as const, manualSteps: true };
    const broken = decisionFor({ guidance, strategy: 'jeos' });
    expect(designLine(broken).length).toBeGreaterThan(80);
    const brokenLines = recommendationText(broken).trimEnd().split('\n');
    for (const line of brokenLines) expect(line.length, line).toBeLessThanOrEqual(80);
    expect(brokenLines.slice(0, 2).join(' ')).toBe(designLine(broken));
  });
});

describe('nextStepsLines', () => {
  it('packer init, validate and make build in the folder, and the replay command, quoted for the shell', () => {
    expect(nextStepsLines('ami-build')).toEqual([
      'Next steps: build the images',
      "  cd 'ami-build/packer'",
      '  packer init .',
      '  packer validate .',
      '  make build',
      '',
      "Replay these answers: ami-wizard --answers 'ami-build/ami-wizard.yaml' --out 'ami-build'",
    ]);
    expect(nextStepsLines("it's here")[1]).toBe(`  cd 'it'\\''s here/packer'`);
  });
});
