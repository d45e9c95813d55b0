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

describe('a time limit that "có thể kéo dài nhưng không quá" is an extension', () => {
  const sent: Scored<Chunk> = {
    item: { id: 'g', docId: 'luat/tths.txt', text: '2. Trong thời hạn 10 ngày kể từ ngày tuyên án hoặc kể từ ngày ra quyết định, Tòa án cấp phúc thẩm phải gửi bản án hoặc quyết định phúc thẩm cho Viện kiểm sát cùng cấp; cơ quan thi hành án hình sự có thẩm quyền; Cơ quan điều tra, Viện kiểm sát, Tòa án nơi đã xét xử sơ thẩm; Trại tạm giam, Trại giam nơi đang giam giữ bị cáo; người đã kháng cáo, người có quyền lợi, nghĩa vụ liên quan đến việc kháng cáo, kháng nghị hoặc người đại diện của họ; cơ quan thi hành án dân sự có thẩm quyền trong trường hợp bản án phúc thẩm có tuyên hình phạt tiền, tịch thu tài sản và quyết định dân sự; thông báo bằng văn bản cho chính quyền xã, phường, thị trấn nơi cư trú hoặc cơ quan, tổ chức nơi làm việc, học tập của bị cáo. Trường hợp Tòa án nhân dân cấp cao xét xử phúc thẩm thì thời hạn này có thể kéo dài nhưng không quá 25 ngày.', ord: 0, title: 'Bộ luật Tố tụng hình sự', type: 'Bộ luật', article: '262', locator: 'Điều 262, khoản 2', heading: 'Điều 262. Giao, gửi bản án' },
    score: 1,
  };
  const appeal: Scored<Chunk> = {
    item: { id: 'k', docId: 'luat/tths.txt', text: ['1. Thời hạn kháng nghị của Viện kiểm sát cùng cấp đối với bản án của Tòa án cấp sơ thẩm là 15 ngày, của Viện kiểm sát cấp trên trực tiếp là 30 ngày kể từ ngày Tòa án tuyên án.', '2. Thời hạn kháng nghị của Viện kiểm sát cùng cấp đối với quyết định của Tòa án cấp sơ thẩm là 07 ngày, của Viện kiểm sát cấp trên trực tiếp là 15 ngày kể từ ngày Tòa án ra quyết định.'].join('\n'), ord: 1, title: 'Bộ luật Tố tụng hình sự', type: 'Bộ luật', article: '337', locator: 'Điều 337', heading: 'Điều 337. Thời hạn kháng nghị' },
    score: 1,
  };
  it('quotes the time limit asked, not a limit of another step that may be extended', () => {
    const r = composeExtractive('VKS cùng cấp muốn kháng nghị phúc thẩm bản án sơ thẩm hình sự thì thời hạn là bao nhiêu ngày kể từ ngày tuyên án?', [sent, appeal], { skipAbstention: true, maxUnits: 1 });
    expect(r.citations.map((c) => c.locator)).toEqual(['Điều 337, khoản 1']);
  });
});
