/** What a question negates, and the headings that negate the same (core/retrieval/negation.ts). */
import { describe, expect, it } from 'vitest';
import { negatedPredicates, negatesAny, syllables } from '../../core/retrieval/negation.js';

const negated = (text: string) => negatedPredicates(syllables(text));

describe('negatedPredicates', () => {
  it('reads past the modal to the verb negated, accented or not', () => {
    expect(negated('Căn cứ nào không được khởi tố vụ án?')).toEqual(['khoi']);
    expect(negated('trường hợp nào thì sẽ không thụ lý')).toEqual(['thu']);
    expect(negated('Thông tin nào công dân không được tiếp cận?')).toEqual(['tiep']);
    expect(negated('khieu nai khong duoc thu ly khi nao')).toEqual(['thu']);
  });

  it('ignores "không gian", "không phận", a right to refuse, and a closing "không"', () => {
    expect(negated('Bảo vệ không gian mạng là gì?')).toEqual([]);
    expect(negated('Tàu bay ngoài không phận Việt Nam')).toEqual([]);
    expect(negated('KSV có quyền không làm không?')).toEqual([]);
    expect(negated('Có được khởi tố không')).toEqual([]);
  });
});

describe('negatesAny', () => {
  it('holds for a heading negating the same verb only', () => {
    const q = negated('Những căn cứ nào khiến cơ quan không được khởi tố vụ án hình sự?');
    expect(negatesAny(syllables('Điều 157. Căn cứ không khởi tố vụ án hình sự'), q)).toBe(true);
    expect(negatesAny(syllables('Điều 143. Căn cứ khởi tố vụ án hình sự'), q)).toBe(false);
    expect(negatesAny(syllables('Điều 11. Các khiếu nại không được thụ lý giải quyết'), q)).toBe(false);
  });
});
