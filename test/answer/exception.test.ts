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

describe('a time limit before its extension', () => {
  const limit = [
    '1. Trong thời hạn 20 ngày đối với tội phạm ít nghiêm trọng và tội phạm nghiêm trọng, 30 ngày đối với tội phạm rất nghiêm trọng và tội phạm đặc biệt nghiêm trọng kể từ ngày nhận hồ sơ vụ án, Viện kiểm sát phải ra một trong các quyết định:',
    'a) Truy tố bị can trước Tòa án;',
    'b) Trả hồ sơ để yêu cầu điều tra bổ sung.',
    'Trường hợp cần thiết, Viện trưởng Viện kiểm sát có thể gia hạn thời hạn quyết định việc truy tố nhưng không quá 10 ngày đối với tội phạm ít nghiêm trọng, không quá 15 ngày đối với tội phạm rất nghiêm trọng, không quá 30 ngày đối với tội phạm đặc biệt nghiêm trọng.',
  ].join('\n');
  const article: Scored<Chunk> = {
    item: { id: 'tt', docId: 'luat/tths.txt', text: limit, ord: 0, title: 'Bộ luật Tố tụng hình sự', type: 'Bộ luật', article: '240', locator: 'Điều 240', heading: 'Điều 240. Thời hạn quyết định việc truy tố' },
    score: 1,
  };
  it('quotes the limit itself when the question does not ask about extending it', () => {
    const r = composeExtractive('Viện kiểm sát phải quyết định việc truy tố trong bao lâu đối với tội phạm rất nghiêm trọng?', [article], { skipAbstention: true, maxUnits: 1 });
    expect(r.text).toContain('30 ngày đối với tội phạm rất nghiêm trọng');
  });
  it('reads "bao nhiêu ngày" as asking the limit too', () => {
    const r = composeExtractive('Viện kiểm sát có bao nhiêu ngày để quyết định việc truy tố đối với tội phạm rất nghiêm trọng?', [article], { skipAbstention: true, maxUnits: 1 });
    expect(r.text).toContain('30 ngày đối với tội phạm rất nghiêm trọng');
  });
  it('quotes the extension when asked', () => {
    const r = composeExtractive('Thời hạn quyết định việc truy tố được gia hạn bao lâu đối với tội phạm rất nghiêm trọng?', [article], { skipAbstention: true, maxUnits: 1 });
    expect(r.text).toContain('không quá 15 ngày đối với tội phạm rất nghiêm trọng');
  });
});

describe('a time limit that "có thể kéo dài nhưng không quá" lengthens', () => {
  const unit = (id: string, text: string): Scored<Chunk> => ({
    item: { id, docId: 'luat/tths.txt', text, ord: Number(id), title: 'Bộ luật Tố tụng hình sự', type: 'Bộ luật', article: id, locator: `Điều ${id}`, heading: `Điều ${id}. Giao bản cáo trạng` },
    score: 1,
  });
  const longer = unit('1', 'Thời hạn giao bản cáo trạng cho bị can có thể kéo dài nhưng không quá 10 ngày đối với vụ án phức tạp.');
  const rule = unit('2', 'Trong thời hạn 03 ngày kể từ ngày ra bản cáo trạng, Viện kiểm sát phải giao bản cáo trạng cho bị can.');

  it('gives way to the limit itself when the question does not ask for more time', () => {
    const r = composeExtractive('Ra cáo trạng xong thì trong mấy ngày phải giao bản cáo trạng cho bị can?', [longer, rule], { skipAbstention: true, maxUnits: 1 });
    expect(r.text).toContain('03 ngày');
  });

  it('is no extension in a sentence that states the limit first (Điều 481 khoản 3)', () => {
    const both = unit('3', 'Thời hạn giao bản cáo trạng cho bị can không quá 03 ngày kể từ ngày ra bản cáo trạng; đối với vụ án phức tạp thì thời hạn có thể kéo dài nhưng không quá 10 ngày.');
    const other = unit('4', 'Trong thời hạn 05 ngày kể từ ngày nhận hồ sơ, Tòa án phải giao bản sao cáo trạng cho bị cáo.');
    const r = composeExtractive('Thời hạn giao bản cáo trạng cho bị can là bao nhiêu ngày?', [both, other], { skipAbstention: true, maxUnits: 1 });
    expect(r.citations[0]?.locator).toBe('Điều 3');
  });
});
