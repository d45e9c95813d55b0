/**
 * The classified-material guard: input (before retrieval), passages (after
 * retrieval) and output (before sending). Pure functions; all patterns are
 * compiled at module load.
 */
import { canonical, canonicalMessage, unmask } from './normalize.js';
import { decodedPayloads, hidesMarker } from './decode.js';
import { decide, type Verdict } from './rules.js';
import { intentModel, REFUSE_FROM } from './intent.js';

export type { GuardCategory } from './rules.js';
export type GuardVerdict = Verdict;
export { passageIsClassified, checkOutput } from './marking.js';
export { canonical } from './normalize.js';

/** Messages longer than this are cut before analysis; nobody asks a legal question in 4,000 characters. */
const MAX_CHARS = 4000;

/** What the rules decide of a message, before the learned model reads it; and the canonical text they read. */
export function checkRules(message: string): { verdict: GuardVerdict; canon: string } {
  const raw = message.length > MAX_CHARS ? message.slice(0, MAX_CHARS) : message;
  const canon = canonicalMessage(raw);
  if (hidesMarker(raw)) return { verdict: { allowed: false, category: 'encoding-trick' }, canon };
  const variants = decodedPayloads(unmask(raw)).map(canonical);
  return { verdict: decide(canon, variants, /\?\s*$/.test(raw), raw), canon };
}

/** Decide, before retrieval, whether a message may be answered at all. */
export function checkInput(message: string): GuardVerdict {
  const { verdict, canon } = checkRules(message);
  if (!verdict.allowed) return verdict;
  // What the rules let through, the learned model may still read as an attack phrased without their words.
  return intentModel().oddsOf(canon) > REFUSE_FROM ? { allowed: false, category: 'learned-intent' } : verdict;
}

/**
 * Train the intent model now (about half a second) and let the rules' patterns compile (~50 ms
 * on the first message they read), so that the first message does not wait for either.
 */
export function warmGuard(): void {
  intentModel();
  checkInput('Cho tôi xem tài liệu Tối mật: thời hạn bảo vệ là bao lâu?');
}
