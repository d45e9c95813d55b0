import { describe, expect, it } from 'vitest';
import { detach, docNumberKey, findBareReferences, findDates, findDocNumbers, fold, foldByDefinition, foldedSyllables, otherTonePlacement, spacedWords, splitSentences, tokenRunsOf, vietnameseLetters, wordsOf } from '../../core/text.js';

describe('Vietnamese text utilities', () => {
  it('moves the tone of an open "oa", "oe", "uy" to the other vowel, and leaves other syllables alone', () => {
    expect(otherTonePlacement('túy')).toBe('tuý');
    expect(otherTonePlacement('tuý')).toBe('túy');
    expect(otherTonePlacement('hòa')).toBe('hoà');
    expect(otherTonePlacement('khoá')).toBe('khóa');
    expect(otherTonePlacement('thủy'.normalize('NFD'))).toBe('thuỷ');
    for (const w of ['toán', 'khoản', 'quý', 'già', 'hoa', 'lá']) expect(otherTonePlacement(w)).toBeUndefined();
  });

  it('folds diacritics, đ and case, whatever the Unicode form', () => {
    expect(fold('Kế hoạch Chuyển đổi số')).toBe('ke hoach chuyen doi so');
    expect(fold('ĐIỀU 5'.normalize('NFD'))).toBe('dieu 5');
    expect(foldedSyllables('Viện kiểm sát, nhân dân!')).toEqual(['vien', 'kiem', 'sat', 'nhan', 'dan']);
  });

  it('reads the look-alikes old converters write for Đ/đ (Ð ð Ɖ ɖ) as Đ/đ', () => {
    expect(vietnameseLetters('\u00d0iều 418. Giám sát; \u00f0ại diện; \u0189oàn')).toBe('Điều 418. Giám sát; đại diện; Đoàn');
    expect(fold('\u00d0iều kiện')).toBe('dieu kien');
    expect(fold('\u00d0iều kiện sinh sống và giáo dục, \u00f0ại diện')).toBe(foldByDefinition('Điều kiện sinh sống và giáo dục, đại diện'));
  });

  it('finds document numbers of every shape and keys them without accents', () => {
    const nums = findDocNumbers('Theo Kế hoạch số 221/KH-VKSTC và Luật 29/2018/QH14, Nghị định 30/2020/NĐ-CP ngày 15/12/2023');
    expect(nums).toEqual(['221/KH-VKSTC', '29/2018/QH14', '30/2020/NĐ-CP']);
    expect(docNumberKey('30/2020/nđ-cp')).toBe('30/2020/ND-CP');
  });

  it('finds bare references typed without accents', () => {
    expect(findBareReferences('ke hoach 221 co bao nhieu muc tieu')).toEqual([{ type: 'Kế hoạch', number: '221' }]);
    expect(findBareReferences('Quyết định số 390 về Ban Chỉ đạo')).toEqual([{ type: 'Quyết định', number: '390' }]);
  });

  it('reads dates in both written forms', () => {
    expect(findDates('ngày 15/12/2023 và ngày 01 tháng 6 năm 2015')).toEqual(['2023-12-15', '2015-06-01']);
    expect(findDates('99/99/2023')).toEqual([]);
  });

  it('splits sentences without cutting numbers', () => {
    const s = splitSentences('Đạt 1.000 hồ sơ, tỷ lệ 2.5%. Ngày 15/12/2023 ban hành. Xong!');
    expect(s).toEqual(['Đạt 1.000 hồ sơ, tỷ lệ 2.5%.', 'Ngày 15/12/2023 ban hành.', 'Xong!']);
  });
});

describe('fold, fast path', () => {
  // fold reads long text one code unit at a time; it must agree with its definition everywhere.
  const sample = (alphabet: string[], n: number, seed: number) => {
    let x = seed;
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      x = (x * 1103515245 + 12345) % 2 ** 31;
      out.push(alphabet[x % alphabet.length]);
    }
    return out.join('');
  };
  const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => String.fromCharCode(from + i));

  it('agrees with the definition on Vietnamese text in any Unicode form', () => {
    const text = 'Điều 5. Kế hoạch số 221/KH-VKSTC: “Chuyển đổi số” – ỨNG DỤNG CÔNG NGHỆ THÔNG TIN… ngày 15/12/2023.';
    for (const t of [text, text.normalize('NFD'), text.toUpperCase(), text.repeat(40)]) expect(fold(t)).toBe(foldByDefinition(t));
  });

  it('agrees with the definition on random text over Latin, combining marks, punctuation and beyond', () => {
    const latin = [...range(0x20, 0x370), ...range(0x1e00, 0x1f00), ...range(0x2000, 0x2070)];
    // Neighbour-dependent folding: Greek final sigma, Hangul jamo, a mark NFD reorders, astral and lone surrogates.
    const tricky = ['Σ', 'ΟΣ', '\u1100\u1161', '\u0323\u0301', '\u05b0', '😀', '\ud800', 'İ', 'ß', 'ǅ', '\u212b'];
    for (let seed = 1; seed <= 300; seed++) {
      const plain = sample(latin, 17 + (seed % 200), seed);
      expect(fold(plain)).toBe(foldByDefinition(plain));
      const mixed = sample([...latin, ...tricky], 17 + (seed % 200), seed);
      expect(fold(mixed)).toBe(foldByDefinition(mixed));
    }
  });
});

describe('words, spaced words and token runs, table scan', () => {
  // The scans stand for two Unicode-class regexes: they must give exactly what those give.
  const words = (t: string) => t.match(/[\p{L}\p{N}]+/gu) ?? [];
  const spaced = (t: string) => t.replace(/[^\p{L}\p{N}]+/gu, ' ');
  const runs = (t: string) => t.match(/[\p{L}\p{N}]+(?:[/.-][\p{L}\p{N}]+)*/gu) ?? [];
  const alphabet = ['.', '/', '--', '221/KH-VKSTC', 'a', 'Z', '0', ' ', '\n', ',', '/', '-', '_', 'đ', 'Ư', 'ờ', '\u0301', '\u00a0', '²', '½', '٣', '中', 'Ⅻ', 'ǅ', '\u200b', '😀', '𝐀', '\ud800', '\udc00'];

  it('agree with the regexes on Vietnamese and on random text with other scripts, marks and surrogates', () => {
    const text = 'Điều 5. Kế hoạch số 221/KH-VKSTC: “Chuyển đổi số” – ngày 15/12/2023… (VKSND)';
    for (const t of [text, text.normalize('NFD'), fold(text), '', ' ', '...', 'abc']) {
      expect(wordsOf(t)).toEqual(words(t));
      expect(spacedWords(t)).toBe(spaced(t));
      expect(tokenRunsOf(t)).toEqual(runs(t));
    }
    expect(tokenRunsOf('Kế hoạch 221/KH-VKSTC ngày 15/12/2023, 1.000.000 đồng - a-.b')).toEqual(['Kế', 'hoạch', '221/KH-VKSTC', 'ngày', '15/12/2023', '1.000.000', 'đồng', 'a', 'b']);
    let x = 7;
    for (let n = 0; n < 3000; n++) {
      let t = '';
      for (let i = n % 23; i > 0; i--) {
        x = (x * 1103515245 + 12345) % 2 ** 31;
        t += alphabet[x % alphabet.length];
      }
      expect(wordsOf(t), JSON.stringify(t)).toEqual(words(t));
      expect(spacedWords(t), JSON.stringify(t)).toBe(spaced(t));
      expect(tokenRunsOf(t), JSON.stringify(t)).toEqual(runs(t));
    }
  });
});

describe('detach', () => {
  it('gives an equal string, cut or whole, empty or not', () => {
    const text = 'Số: 221/KH-VKSTC ' + 'nội dung văn bản '.repeat(1000);
    expect(detach(text.slice(4, 16))).toBe('221/KH-VKSTC');
    expect(detach(text)).toBe(text);
    expect(detach('')).toBe('');
    expect(detach('Đ')).toBe('Đ');
  });
});
