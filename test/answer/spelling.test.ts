import { describe, expect, it } from 'vitest';
import { correctSpelling } from '../../core/answer/spelling.js';
import { correctedSyllable, isKnownSyllable, syllableShaped } from '../../core/answer/known-syllables.js';
import { namedLaws, unknownTitle } from '../../core/answer/abstain.js';

describe('known syllables', () => {
  it('knows the words of legal text and not tone typos', () => {
    for (const w of ['xử', 'giải', 'thuế', 'mạng', 'khiếu', 'nại']) expect(isKnownSyllable(w)).toBe(true);
    for (const w of ['xữ', 'giãi', 'bẳn', 'mạg']) expect(isKnownSyllable(w)).toBe(false);
  });
});

describe('correctSpelling', () => {
  it('corrects an accented word one letter wrong to the likeliest word of legal text', () => {
    expect(correctedSyllable('mạg')).toBe('mạng');
    expect(correctSpelling('luật an ninh mạg quy định gì')).toBe('luật an ninh mạng quy định gì');
  });

  it('corrects only what no Vietnamese syllable could be, to a word that is one', () => {
    for (const w of ['nặc', 'mạng', 'nghiêng', 'quyết', 'giữ', 'khuya', 'ngoằn']) expect(syllableShaped(w)).toBe(true);
    for (const w of ['mạg', 'khôg', 'bcđ', 'cđs', 'nc', 'vkstc']) expect(syllableShaped(w)).toBe(false);
    expect(correctedSyllable('khôg')).toBe('không');
    // "nặc danh" is written by no law, but it is a word: not "nặng"; abbreviations are not "bca", "cđ".
    for (const q of ['đơn tố cáo nặc danh thì xử lý sao', 'phiên họp bcđ cđs']) expect(correctSpelling(q)).toBe(q);
  });

  it('leaves known words, tone typos (folding reads them), unaccented words and names alone', () => {
    for (const q of ['phải xữ lý trong mấy ngày', 'gửi qua email hoặc zalo', 'khieu nia lan hai', 'phần mềm Xmind', 'Kế hoạch 221/KH-VKSTC']) {
      expect(correctSpelling(q)).toBe(q);
    }
  });
});

describe('a law named with a letter wrong', () => {
  it('is the law it misspells, not an unknown one', () => {
    const titles = ['Luật An ninh mạng', 'Luật Tố cáo'];
    expect(unknownTitle('Luật An ninh mạg quy định thế nào về xóa tin?', titles)).toBeUndefined();
    expect(unknownTitle('Luật An toàn thông tin mạng quy định gì?', titles)?.written).toBe('Luật An toàn thông tin mạng');
  });
});

describe('a law named without accents', () => {
  it('reads "can bo", "co quan" as the words of a title, not as "cần", "có"', () => {
    expect(namedLaws('luat can bo cong chuc quy dinh tap su bao lau')).toEqual(['luat can bo cong chuc']);
    expect(namedLaws('luat to chuc co quan dieu tra hinh su quy dinh gi')).toEqual(['luat to chuc co quan dieu tra hinh su']);
    expect(namedLaws('luat to cao co hieu luc khi nao')).toEqual(['luat to cao']);
    expect(unknownTitle('luat can bo cong chuc quy dinh tap su bao lau', ['Luật Tố cáo', 'Luật Tổ chức Viện kiểm sát nhân dân'])).toBeDefined();
  });
});
