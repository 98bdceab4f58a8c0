// What must never reach a reader: the answers file's question keys and design ids, as `key:` or `id ±N`.
import { QUESTION_KEYS } from '../../questionnaire/questions.ts';

export const DESIGN_KEYS_PATTERN = new RegExp(`\\b(${QUESTION_KEYS.join('|')}):|\\b(fully-baked|hybrid|jeos) [+-]?\\d`);
