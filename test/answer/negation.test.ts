import { describe, expect, it } from 'vitest';
import { composeExtractive } from '../../core/answer/compose.js';
import { articleHit } from './fixtures.js';

const LAW = { docId: 'luat/luat-to-cao-2018.txt', title: 'Luật Tố cáo' };
// Two articles of the Luật Tố cáo: the first tells what a complaint must write, the second what
// happens to one that does not name its author. The first shares more of the question's words.
const reception = articleHit(LAW, 'Điều 23. Tiếp nhận tố cáo', [
  '1. Trường hợp tố cáo được thực hiện bằng đơn thì trong đơn tố cáo phải ghi rõ ngày, tháng, năm tố cáo; họ tên, địa chỉ của người tố cáo, cách thức liên hệ với người tố cáo; hành vi vi phạm pháp luật bị tố cáo; người bị tố cáo và các thông tin khác có liên quan.',
  'Người tố cáo phải ký tên hoặc điểm chỉ vào đơn tố cáo.',
], { score: 1.08 });
const anonymous = articleHit(LAW, 'Điều 25. Tiếp nhận, xử lý thông tin có nội dung tố cáo', [
  '1. Khi nhận được thông tin có nội dung tố cáo nhưng không rõ họ tên, địa chỉ của người tố cáo hoặc qua kiểm tra, xác minh không xác định được người tố cáo hoặc người tố cáo sử dụng họ tên của người khác để tố cáo thì cơ quan, tổ chức, cá nhân có thẩm quyền không xử lý theo quy định của Luật này.',
], { score: 1 });

describe('a negation the question asks about', () => {
  it('quotes the piece writing the same negation ("không rõ họ tên") over one writing the plain words ("ghi rõ … họ tên")', () => {
    const r = composeExtractive('Đơn tố cáo không rõ họ tên, địa chỉ người tố cáo thì có phải giải quyết không?', [reception, anonymous], { skipAbstention: true, maxUnits: 1 });
    expect(r.text).toContain('không rõ họ tên, địa chỉ của người tố cáo');
  });

  it('reads the closing "có … không?" as no negation', () => {
    const r = composeExtractive('Trong đơn tố cáo có phải ghi rõ họ tên, địa chỉ người tố cáo không?', [reception, anonymous], { skipAbstention: true, maxUnits: 1 });
    expect(r.text).toContain('phải ghi rõ ngày, tháng, năm tố cáo');
  });
});
