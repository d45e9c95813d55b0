/** Plain text and Markdown: decode, split off YAML front matter, normalise. */
import type { LoadedDocument } from '../../core/types.js';
import { nfc, tidyWhitespace } from '../../core/text.js';
import { decodeText } from './decode.js';
import { splitFrontMatter } from './declared.js';

export function loadTextBytes(bytes: Buffer, file: string, format: 'txt' | 'md'): LoadedDocument {
  const { text } = decodeText(bytes, file);
  const { body, declared } = splitFrontMatter(nfc(text).replace(/\r\n?/g, '\n'));
  return { text: tidyWhitespace(format === 'txt' ? dropStrayEmphasis(body) : body), declared, format };
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Drops the single asterisks that plain texts copied from web pages keep from their italics:
 * "8. *Tấn công mạng *là …", even "1. *Khiếu nạ*i là …", where the asterisk splits a syllable
 * and "nại" could no longer be found. Only an asterisk touching a letter or digit goes: a
 * bullet ("* mục"), a footnote mark ("(*)") and bold ("**") stay.
 */
export function dropStrayEmphasis(text: string): string {
  if (!text.includes('*')) return text;
  return text.replace(/(?<!\*)\*(?!\*)/g, (star, at: number) => (WORD_CHAR.test(text[at - 1] ?? '') || WORD_CHAR.test(text[at + 1] ?? '') ? '' : star));
}
