// Handlebars with HTML escaping off: every value reaches a template through a helper that names
// the language it lands in (test/generators/template-guard.test.ts checks that no template prints
// a bare value). Templates arrive precompiled from the caller, so this file does no I/O and needs
// only the small Handlebars runtime, never its compiler.
import Handlebars from 'handlebars/runtime';
import {
  hclString,
  jsonString,
  markdownText,
  packerTemplateString,
  powershellString,
  shWord,
  yamlString,
} from './escape.ts';

/** The options every template is precompiled with: no HTML escaping, missing fields are errors. */
export const PRECOMPILE_OPTIONS = { noEscape: true, strict: true } as const;

/** A template precompiled with `Handlebars.precompile(source, PRECOMPILE_OPTIONS)`. */
export type TemplateSpec = TemplateSpecification;

/** Template name (path under templates/, e.g. `packer/base.pkr.hcl.hbs`) -> precompiled template. */
export type TemplateSources = ReadonlyMap<string, TemplateSpec>;

export interface Renderer {
  render(name: string, context: unknown): string;
}

export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateError';
  }
}

// Identifiers the generators compute themselves (slugs, regions, numbers): printed as is, but only
// after checking they cannot carry syntax into any target language.
const SAFE_ID = /^[A-Za-z0-9_.:/@+=-]*$/;

// Single-quoted Ruby and Puppet strings share one rule: only \ and ' are special.
const backslashSingleQuoted = (s: string): string => `'${s.replace(/[\\']/g, (c) => `\\${c}`)}'`;

const asText = (value: unknown): string => (value === null || value === undefined ? '' : String(value));

export const ESCAPE_HELPERS: Record<string, (value: unknown) => string> = {
  hcl: (v) => hclString(asText(v)),
  packer: (v) => packerTemplateString(asText(v)),
  sh: (v) => shWord(asText(v)),
  json: (v) => (typeof v === 'string' ? jsonString(v) : JSON.stringify(v ?? null)),
  yaml: (v) => yamlString(asText(v)),
  md: (v) => markdownText(asText(v)),
  ps: (v) => powershellString(asText(v)),
  // One line of prose for a comment (#, //): control characters and line breaks become spaces.
  line: (v) => asText(v).replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' '),
  rb: (v) => backslashSingleQuoted(asText(v)),
  pp: (v) => backslashSingleQuoted(asText(v)),
  id: (v) => {
    const text = asText(v);
    if (!SAFE_ID.test(text))
      throw new TemplateError(`{{id}} got a value that is not a plain identifier: ${JSON.stringify(text)}`);
    return text;
  },
};

/** The helpers that print a list, each item escaped (template-guard.test.ts counts them as escaping). */
export const LIST_HELPERS = ['hclList', 'hclEnvList'] as const;

function registerHelpers(hb: typeof Handlebars): void {
  for (const [name, escapeValue] of Object.entries(ESCAPE_HELPERS))
    hb.registerHelper(name, (value: unknown) => escapeValue(value));
  // Lists in HCL: ["a", "b"]; each item escaped as an HCL string.
  hb.registerHelper(
    'hclList',
    (items: unknown) => `[${(Array.isArray(items) ? items : []).map((i) => hclString(asText(i))).join(', ')}]`,
  );
  // environment_vars in HCL: "NAME=value" escaped, or "NAME=${var.x}" for a value a Packer variable
  // holds, which Packer evaluates (an escaped $${var.x} would pass the expression's text).
  hb.registerHelper(
    'hclEnvList',
    (items: unknown) =>
      `[${(Array.isArray(items) ? (items as { name: string; value: string; variable?: string }[]) : [])
        .map((e) =>
          e.variable === undefined
            ? hclString(`${e.name}=${e.value}`)
            : `"${ESCAPE_HELPERS.id!(e.name)}=\${var.${ESCAPE_HELPERS.id!(e.variable)}}"`,
        )
        .join(', ')}]`,
  );
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hb.registerHelper('ne', (a: unknown, b: unknown) => a !== b);
  hb.registerHelper('or', (...args: unknown[]) => args.slice(0, -1).some(Boolean));
  hb.registerHelper('and', (...args: unknown[]) => args.slice(0, -1).every(Boolean));
  hb.registerHelper('not', (a: unknown) => !a);
}

/**
 * Bounds on one rendering, so a --templates overlay cannot run for ever (nested each over every list)
 * or write megabytes: far above what any built-in template does (a few thousand steps, tens of kB).
 */
export const MAX_LOOP_STEPS = 200_000;
export const MAX_RENDERED_BYTES = 1024 * 1024;

/** Counts every step of every each (and every partial) in one rendering; past the bound, stops it. */
function countSteps(hb: typeof Handlebars): { reset(): void } {
  let steps = 0;
  const step = () => {
    if (++steps > MAX_LOOP_STEPS)
      throw new TemplateError(`it takes more than ${MAX_LOOP_STEPS} loop steps; a template loops far less`);
  };
  const builtInEach = hb.helpers.each!;
  hb.registerHelper('each', function (this: unknown, context: unknown, options: Handlebars.HelperOptions) {
    const fn = (value: unknown, more?: Handlebars.RuntimeOptions) => (step(), options.fn(value, more));
    return builtInEach.call(this, context, { ...options, fn: Object.assign(fn, options.fn) });
  });
  return { reset: () => void (steps = 0) };
}

/**
 * Templates never print to the terminal: {{log}} and Handlebars' own warnings (a denied prototype
 * property, with the template's text in it) go nowhere. The logger is one object for every
 * Handlebars environment of the process; no part of ami-wizard wants it on a terminal.
 */
function silence(hb: typeof Handlebars): void {
  hb.registerHelper('log', () => '');
  hb.logger.log = () => undefined;
  (hb as unknown as { log: () => void }).log = () => undefined;
}

export function createRenderer(sources: TemplateSources): Renderer {
  const hb = Handlebars.create();
  registerHelpers(hb);
  silence(hb);
  const budget = countSteps(hb);
  for (const [name, spec] of sources) {
    if (name.includes('/partials/')) hb.registerPartial(name.replace(/\.hbs$/, ''), hb.template(spec));
  }
  const compiled = new Map<string, HandlebarsTemplateDelegate>();
  return {
    render(name, context) {
      let template = compiled.get(name);
      if (!template) {
        const spec = sources.get(name);
        if (spec === undefined) throw new TemplateError(`template not found: templates/${name}`);
        template = hb.template(spec);
        compiled.set(name, template);
      }
      let text: string;
      try {
        budget.reset();
        text = template(context);
      } catch (error) {
        throw new TemplateError(`templates/${name}: ${(error as Error).message}`);
      }
      if (text.length > MAX_RENDERED_BYTES / 4 && Buffer.byteLength(text) > MAX_RENDERED_BYTES) {
        throw new TemplateError(
          `templates/${name}: it renders more than ${MAX_RENDERED_BYTES} bytes; a generated file is far smaller`,
        );
      }
      return text;
    },
  };
}
