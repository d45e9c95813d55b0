import { describe, expect, it } from 'vitest';
import { composeExtractive } from '../../core/answer/compose.js';
import { referencesIn, referredUnits, referredWords } from '../../core/answer/references.js';
import { unitsOf } from '../../core/answer/units.js';
import type { Chunk, Scored } from '../../core/types.js';

const article = (n: string, heading: string, lines: string[], score = 1, docId = 'luat/blttths.txt'): Scored<Chunk> => ({
  item: { id: `d${n}`, docId, ord: Number(n), title: 'Bộ luật Tố tụng hình sự', type: 'Luật', article: n, locator: `Điều ${n}`, heading, text: [heading, ...lines].join('\n') },
  score,
});

const mandatory = article('206', 'Điều 206. Các trường hợp bắt buộc phải trưng cầu giám định', [
  'Bắt buộc phải trưng cầu giám định khi cần xác định:',
  '1. Tình trạng tâm thần của người bị buộc tội khi có sự nghi ngờ về năng lực trách nhiệm hình sự của họ; tình trạng tâm thần của người làm chứng hoặc bị hại khi có sự nghi ngờ về khả năng nhận thức, khả năng khai báo đúng đắn về những tình tiết của vụ án;',
  '2. Tuổi của bị can, bị cáo, bị hại nếu việc đó có ý nghĩa đối với việc giải quyết vụ án;',
  '3. Nguyên nhân chết người;',
  '4. Tính chất, mức độ thương tích, mức độ tổn hại sức khoẻ;',
]);
const terms = article('208', 'Điều 208. Thời hạn giám định', [
  '1. Thời hạn giám định đối với trường hợp bắt buộc phải trưng cầu giám định:',
  'a) Không quá 03 tháng đối với trường hợp quy định tại khoản 1 Điều 206 của Bộ luật này;',
  'b) Không quá 01 tháng đối với trường hợp quy định tại khoản 3 và khoản 6 Điều 206 của Bộ luật này;',
  'c) Không quá 09 ngày đối với trường hợp quy định tại các khoản 2, 4 và 5 Điều 206 của Bộ luật này.',
], 0.9);

describe('references to another khoản of the same document', () => {
  it('reads the khoản and article a piece refers to, and "Điều này" as its own article', () => {
    expect(referencesIn('c) Không quá 09 ngày đối với trường hợp quy định tại các khoản 2, 4 và 5 Điều 206 của Bộ luật này.', '208')).toEqual(new Map([['206', new Set([2, 4, 5])]]));
    expect(referencesIn('a) Những người quy định tại khoản 1 Điều này;', '11')).toEqual(new Map([['11', new Set([1])]]));
    // Another law's article is not this document's.
    expect(referencesIn('theo quy định tại khoản 1 Điều 27 của Bộ luật hình sự', '9').size).toBe(0);
  });

  it('gives a piece the words of the case it refers to, when that article was retrieved', () => {
    const b = unitsOf(terms.item).find((u) => u.text.startsWith('b)'))!;
    const words = referredWords(referredUnits(b, terms.item, [mandatory, terms]));
    expect(words.has('chet')).toBe(true);
    expect(words.has('tuoi')).toBe(false); // khoản 2 (tuổi) is not referred to by b)
    expect(referredWords(referredUnits(b, terms.item, [terms])).size).toBe(0);
  });

  it('answers a time limit asked of a case only the referred khoản names', () => {
    const r = composeExtractive('Giám định nguyên nhân chết người thì thời hạn tối đa là bao lâu?', [mandatory, terms]);
    expect(r.abstained).toBe(false);
    expect(r.text).toContain('Không quá 01 tháng đối với trường hợp quy định tại khoản 3');
    expect(r.text).not.toContain('Không quá 09 ngày');
    // Quoted with the case it names, so the reader sees which khoản 3 is meant.
    expect(r.text).toContain('3. Nguyên nhân chết người');
    expect(r.text).not.toContain('Không quá 03 tháng');
  });
});
