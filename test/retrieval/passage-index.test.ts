/**
 * A passage index answers membership the same way whatever its length, and whether its text was
 * folded unit by unit or, holding another script or a character outside the basic plane, word by
 * word (passage-index.ts).
 */
import { describe, expect, it } from 'vitest';
import { fold, nfc, wordsOf } from '../../core/text.js';
import { expandFolded } from '../../core/retrieval/abbreviations.js';
import { passageIndex, phraseSyllables, wordLookup } from '../../core/retrieval/passage-index.js';

const piece =
  'Viện kiểm sát nhân dân tối cao (VKSNDTC) ban hành Chỉ thị số 01/CT-VKSTC; người yêu cầu cung cấp thông tin nộp phiếu yêu cầu, ' +
  'cơ quan xử lý yêu cầu trong thời hạn 15 ngày.';
/** The same words many times over: far past any short-piece limit, so the long path answers. */
const long = Array.from({ length: 40 }, () => piece).join('\n');

const unigrams = ['vien', 'kiem', 'vksndtc', 'chi', 'thi', 'ct', '01', 'vkstc', '15', 'ngay', 'yeu', 'cau', 'han'];
const absent = ['', ' ', 'vie', 'ie', 'kiem sat', 'yeu cau', 'toa', 'an', 'viện', 'VIEN', 'n', 'ngay ', ' ngay'];
const bigrams = ['kiem sat', 'nhan dan', 'yeu cau', 'thoi han', '15 ngay', 'chi thi', 'ct vkstc', 'vien kiem'];
/** "người yêu" only ever starts "yêu cầu" here: no bigram (see passageIndex). */
const swallowed = ['nguoi yeu', 'sat nhan dan', 'kiem', 'han 15 ngay', 'cau co'];

describe('passage index', () => {
  it('a short piece and a long passage find the same syllables, bigrams and trigrams', () => {
    const short = passageIndex(piece);
    const whole = passageIndex(long);
    for (const k of [...unigrams, ...absent, ...bigrams, ...swallowed]) {
      expect(short.unigrams.has(k), `unigram ${JSON.stringify(k)}`).toBe(whole.unigrams.has(k));
      expect(short.bigrams.has(k), `bigram ${JSON.stringify(k)}`).toBe(whole.bigrams.has(k));
      expect(short.trigrams.has(k), `trigram ${JSON.stringify(k)}`).toBe(whole.trigrams.has(k));
    }
    // Asked twice, the long passage answers from its cache: still the same.
    for (const k of [...bigrams, ...swallowed]) expect(whole.bigrams.has(k)).toBe(short.bigrams.has(k));
  });

  it('holds whole syllables only, and the written form of an abbreviation beside its expansion', () => {
    const idx = passageIndex(piece);
    for (const k of unigrams) expect(idx.unigrams.has(k), k).toBe(true);
    for (const k of absent) expect(idx.unigrams.has(k), JSON.stringify(k)).toBe(false);
    for (const k of bigrams) expect(idx.bigrams.has(k), k).toBe(true);
    expect(idx.bigrams.has('nguoi yeu')).toBe(false);
    expect(idx.trigrams.has('sat nhan dan')).toBe(true);
    expect(idx.trigrams.has('han 15 ngay')).toBe(true);
  });

  it('a short piece reads its syllables and initials as a long passage does', () => {
    const short = phraseSyllables(piece);
    expect(short.length).toBeGreaterThan(20);
    expect(phraseSyllables(long).slice(0, short.length)).toEqual(short);
    expect(passageIndex(long).initials.slice(0, short.length)).toEqual(passageIndex(piece).initials);
    expect(phraseSyllables('')).toEqual([]);
  });

  it('cuts syllables exactly where a letter or digit run ends, outside Vietnamese too', () => {
    for (const text of ['Điều 5½ khoản², 中文 x_y ǅa Ⅻ ٣٤', 'toán 𝐀𝐁 học 😀z', 'a\u0301 b\u00a0c\u200bd', 'lẻ \ud800 surrogate']) {
      const expected = (text.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? []).map((t) => fold(t));
      expect(phraseSyllables(text), JSON.stringify(text)).toEqual(expected);
    }
  });

  it('folds a piece unit by unit into what folding it word by word gives, abbreviations expanded', () => {
    const texts = [
      piece,
      'Theo VKSND tỉnh, KSV và Vks huyện; CT số 01, ct và Ct; Ðiều 5 (Ð, ð); BLTTHS-2015 QĐ/KH',
      'cafe\u0301 ĐIỀU Kiện ǅa ½ Ⅻ ٣٤ x_y',
      'vksnd',
      '',
    ];
    texts.push(Array.from({ length: 30 }, () => texts[1]).join(' '));
    // Folded word by word: another script's letters, a character outside the basic plane.
    texts.push(`ΣΟΣ ${texts[1]}`, `toán 𝐀𝐁 ${texts[1]} 😀`);
    for (const text of texts) {
      const expected = wordsOf(nfc(text)).flatMap((w) => expandFolded(w, fold(w))?.split(' ') ?? [fold(w)]);
      expect(phraseSyllables(text), JSON.stringify(text.slice(0, 40))).toEqual(expected);
    }
    // The written form of an expanded abbreviation stays a word, with its neighbours as written.
    const idx = passageIndex('Theo VKSND tỉnh Sóc Trăng, CT số 01');
    for (const k of ['vksnd', 'vien', 'toi']) expect(idx.unigrams.has(k), k).toBe(k !== 'toi');
    for (const k of ['theo vksnd', 'vksnd tinh', 'theo vien', 'dan tinh', 'ct so', 'chi thi']) expect(idx.bigrams.has(k), k).toBe(true);
    expect(idx.bigrams.has('theo tinh')).toBe(false);
  });

  it('an empty text holds nothing', () => {
    const idx = passageIndex('');
    for (const k of ['', ' ', 'a']) expect(idx.unigrams.has(k)).toBe(false);
    expect(idx.bigrams.has('a b')).toBe(false);
  });

  it('a word list answers exactly what a Set of its words does', () => {
    const words = ['viện', 'kiểm', 'sát', '221/kh-vkstc', 'ngày', '15/12/2023', 'a', 'ngày'];
    const set = new Set(words);
    const lookup = wordLookup(words);
    for (const k of [...words, '', ' ', 'kiểm sát', 'kiểm ', 'iểm', 'vi', '221', 'kh-vkstc', '15/12', 'viên', 'A', 'b']) {
      expect(lookup.has(k), JSON.stringify(k)).toBe(set.has(k));
    }
    expect(wordLookup([]).has('')).toBe(false);
    expect(wordLookup(['', 'x']).has('')).toBe(true);
  });
});
