/**
 * The classified-material guard: input (before retrieval), passages (after
 * retrieval) and output (before sending). Pure functions; all patterns are
 * compiled at module load.
 */
import { fold } from '../text.js';
import { canonical, unmask } from './normalize.js';
import { decodedPayloads, reversed, rot13 } from './decode.js';
import { decide, type GuardCategory } from './rules.js';

export type { GuardCategory } from './rules.js';
export type GuardVerdict = { allowed: true } | { allowed: false; category: GuardCategory };
export { passageIsClassified, checkOutput } from './marking.js';
export { canonical } from './normalize.js';

/** Messages longer than this are cut before analysis; nobody asks a legal question in 4,000 characters. */
const MAX_CHARS = 4000;

/** Decide, before retrieval, whether a message may be answered at all. */
export function checkInput(message: string): GuardVerdict {
  const raw = message.length > MAX_CHARS ? message.slice(0, MAX_CHARS) : message;
  const variants = [
    ...decodedPayloads(unmask(raw)).map(canonical),
    canonical(rot13(fold(unmask(raw)))),
    canonical(reversed(raw)),
  ];
  return decide(canonical(raw), variants, /\?\s*$/.test(raw));
}
