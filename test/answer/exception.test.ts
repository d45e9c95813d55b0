import { describe, expect, it } from 'vitest';
import { composeExtractive } from '../../core/answer/compose.js';
import type { Chunk, Scored } from '../../core/types.js';

const text = [
  '1. Trong thời hạn 07 ngày làm việc kể từ ngày nhận được đơn tố cáo, cơ quan phải xử lý: vào sổ và kiểm tra.',
  '2. Trường hợp tố cáo không thuộc thẩm quyền giải quyết của mình thì trong thời hạn 05 ngày làm việc kể từ ngày nhận được đơn tố cáo phải chuyển đơn tố cáo đến cơ quan có thẩm quyền.',
].join('\n');
const hit: Scored<Chunk> = {
  item: { id: 't', docId: 'luat/tc.txt', text, ord: 0, title: 'Luật Tố cáo', type: 'Luật', article: '24', locator: 'Điều 24', heading: 'Điều 24. Tiếp nhận tố cáo' },
  score: 1,
};

describe('rule before exception', () => {
  it('quotes the rule first when the question names no case', () => {
    const r = composeExtractive('Khi nhận được đơn tố cáo thì phải xử lý thế nào?', [hit], { skipAbstention: true, maxUnits: 1 });
    expect(r.text).toContain('07 ngày');
  });
  it('quotes the exception when the question names the case', () => {
    const r = composeExtractive('Trường hợp tố cáo không thuộc thẩm quyền giải quyết thì phải chuyển đơn tố cáo trong bao lâu?', [hit], { skipAbstention: true, maxUnits: 1 });
    expect(r.text).toContain('05 ngày');
  });
});
