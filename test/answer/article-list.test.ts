import { describe, expect, it } from 'vitest';
import { unitsOf } from '../../core/answer/units.js';
import { questionKinds } from '../../core/answer/terms.js';
import { composeExtractive } from '../../core/answer/compose.js';
import type { Chunk } from '../../core/types.js';

const article = (text: string, id = 'x'): Chunk => ({
  id, docId: 'luat/tc.txt', text, ord: 0, title: 'Luật Tổ chức', type: 'Luật', article: '40', locator: 'Chương III, Điều 40', heading: 'Điều 40. Hệ thống cơ quan',
});
const LIST = [
  'TỔ CHỨC CỦA CƠ QUAN',
  'Điều 40. Hệ thống cơ quan',
  '1. Cơ quan tối cao.',
  '2. Cơ quan cấp cao.',
  '3. Cơ quan cấp tỉnh.',
  '4. Cơ quan cấp huyện.',
].join('\n');

describe('an article of short khoản is one list', () => {
  it('is offered whole, under its heading', () => {
    const blocks = unitsOf(article(LIST)).filter((u) => u.shape === 'block');
    expect(blocks.map((b) => b.text)).toContain(LIST.split('\n').slice(1).join('\n'));
  });
  it('is not when a khoản is long prose', () => {
    const long = `${LIST}\n5. ${'Cơ quan khác được thành lập theo quy định của luật và nghị quyết. '.repeat(5)}`;
    expect(unitsOf(article(long, 'y')).some((u) => u.shape === 'block')).toBe(false);
  });
  it('answers a "gồm những cấp nào" question with every item', () => {
    const r = composeExtractive('Hệ thống cơ quan gồm những cấp nào?', [{ item: article(LIST, 'z'), score: 1 }], { skipAbstention: true });
    expect(r.text).toContain('cấp cao');
    expect(r.text).toContain('cấp huyện');
  });
});

describe('questionKinds', () => {
  it('reads a classification question as a list question', () => {
    expect(questionKinds('Chữ ký điện tử được phân loại như thế nào?').has('list')).toBe(true);
  });
});
