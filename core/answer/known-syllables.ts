/**
 * Accented Vietnamese syllables seen in a large body of public legal text (syllables.txt, built by
 * scripts/build-syllables.ts). A question word outside it is most likely a tone typo ("xữ lý",
 * "văn bẳn", "độ phân giãi"): its folded form is what the user meant.
 */
import { readFileSync } from 'node:fs';

const KNOWN: ReadonlySet<string> = new Set(
  readFileSync(new URL('./syllables.txt', import.meta.url), 'utf8').split('\n').filter(Boolean),
);

/** Is `syllable` (lower-case NFC) a syllable Vietnamese legal text writes? */
export function isKnownSyllable(syllable: string): boolean {
  return KNOWN.has(syllable);
}
