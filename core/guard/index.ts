/**
 * The classified-material guard: input (before retrieval), passages (after
 * retrieval) and output (before sending). Pure functions; all patterns are
 * compiled at module load.
 */
import { canonical, unmask } from './normalize.js';
import { decodedPayloads, hidesMarker } from './decode.js';
import { decide, type Verdict } from './rules.js';
import { expandShorthand } from '../shorthand.js';

export type { GuardCategory } from './rules.js';
export type GuardVerdict = Verdict;
export { passageIsClassified, checkOutput } from './marking.js';
export { canonical } from './normalize.js';

/** Messages longer than this are cut before analysis; nobody asks a legal question in 4,000 characters. */
const MAX_CHARS = 4000;

/** Decide, before retrieval, whether a message may be answered at all. */
export function checkInput(message: string): GuardVerdict {
  const raw = message.length > MAX_CHARS ? message.slice(0, MAX_CHARS) : message;
  if (hidesMarker(raw)) return { allowed: false, category: 'encoding-trick' };
  const variants = decodedPayloads(unmask(raw)).map(canonical);
  // Chat shorthand ("đc", "ko") read as the words it stands for, as the answer side reads it.
  return decide(canonical(expandShorthand(raw)), variants, /\?\s*$/.test(raw));
}
