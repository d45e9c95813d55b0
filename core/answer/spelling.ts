/**
 * Words typed a letter wrong, corrected before a question is analysed: "luật an ninh mạg" names the
 * Luật An ninh mạng, and "mạg" matches nothing. Only lower-case words: capitals, digits and
 * abbreviations ("BCA", "Xmind", "221/KH") are names, not typos.
 */
import { nfc } from '../text.js';
import { correctedSyllable } from './known-syllables.js';

const WORD = /(?<![\p{L}\p{N}/-])\p{Ll}+(?![\p{L}\p{N}/-])/gu;

export function correctSpelling(text: string): string {
  return nfc(text).replace(WORD, (w) => correctedSyllable(w) ?? w);
}
