/**
 * Vietnamese syllables seen in a large body of public legal text, with how often (syllables.txt,
 * built by scripts/build-syllables.ts). A question word outside it is most likely mistyped: a tone
 * typo ("xữ lý", "văn bẳn"), whose folded form is what the user meant, or a letter wrong ("mạg").
 */
import { readFileSync } from 'node:fs';
import { distance } from 'fastest-levenshtein';
import { fold, TONE_MARK } from '../text.js';

const COUNTS: ReadonlyMap<string, number> = new Map(
  readFileSync(new URL('./syllables.txt', import.meta.url), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [w, n] = line.split('\t');
      return [w, Number(n)] as const;
    }),
);
/** Folded forms: a word typed without accents is known when some accented syllable folds to it. */
const FOLDED: ReadonlySet<string> = new Set([...COUNTS.keys()].map((w) => fold(w)));

/** Is `syllable` (lower-case NFC) a syllable Vietnamese legal text writes? */
export function isKnownSyllable(syllable: string): boolean {
  return COUNTS.has(syllable);
}

/** Tone marks (not the marks of ă â ê ô ơ ư): a syllable's shape does not depend on its tone. */
const TONES = new RegExp(TONE_MARK.source, 'gu');
/** Onset, vowels, final consonant: how every Vietnamese syllable is built. */
const SHAPE = /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?[aăâeêioôơuưy]{1,3}(?:ch|nh|ng|[cmnpt])?$/u;

/**
 * Could `word` (lower case) be a Vietnamese syllable? "nặc" (of "nặc danh", which no law writes)
 * is one; "mạg", "khôg" and abbreviations ("bcđ", "cđs") are not.
 */
export function syllableShaped(word: string): boolean {
  return SHAPE.test(word.normalize('NFD').replace(TONES, '').normalize('NFC'));
}

/**
 * The known syllable one edit away from an accented word no legal text writes in any accents
 * and no Vietnamese syllable could be ("mạg" → "mạng"), the most frequent when several are;
 * undefined for a known word, a word without accents, a well-formed word the corpus happens not
 * to hold ("nặc" must not become "nặng"), an abbreviation ("bcđ" is no "bca"), or no close one.
 */
export function correctedSyllable(word: string): string | undefined {
  const w = word.toLowerCase();
  // Without accents a word may be English ("email") or a name: only a Vietnamese-looking one is corrected.
  if (w.length < 2 || COUNTS.has(w) || fold(w) === w || FOLDED.has(fold(w)) || syllableShaped(w)) return undefined;
  let best: string | undefined;
  let bestCount = 0;
  for (const [known, count] of COUNTS) {
    if (count > bestCount && Math.abs(known.length - w.length) <= 1 && distance(known, w) === 1 && syllableShaped(known)) {
      best = known;
      bestCount = count;
    }
  }
  return best;
}
