// What prepare.ts loads on first use, behind one dynamic import: the generators, the template
// renderer and the template loader. One import boundary gives the bundle one group of chunks for
// them, where three boundaries split them into more, smaller files (each a read, parse and link).
export { generateFolder } from '../../generators/folder.ts';
export { TemplateError } from '../../generators/render.ts';
export { loadTemplateSources } from '../template-modules/load.ts';
