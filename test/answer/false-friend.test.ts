import { describe, expect, it } from 'vitest';
import { decideAbstention, falseFriend } from '../../core/answer/abstain.js';
import type { Chunk, Scored } from '../../core/types.js';

const chunk = (text: string, ord = 0): Scored<Chunk> => ({
  item: { id: `c${ord}`, docId: 'luat/x.txt', text, ord, title: 'Luật X', type: 'Luật' },
  score: 1,
});
const rent = chunk('Điều 5. Thuê nhà\n1. Cá nhân có thu nhập ổn định được thuê nhà công vụ theo hợp đồng thuê.');
const tax = chunk('Điều 7. Thuế\n1. Cá nhân có thu nhập chịu thuế nộp thuế theo biểu thuế lũy tiến.', 1);
// A rare word in this corpus (high IDF) whatever its accents, except one never seen (0).
const idf = (known: Record<string, number>) => (s: string) => known[s] ?? 0;

describe('falseFriend', () => {
  it('reads a tone written on the other vowel ("ma túy" for the law\'s "ma tuý") as the same word', () => {
    const c = chunk('Điều 5. Người nghiện ma tuý\n1. Người nghiện ma tuý được cai nghiện tại gia đình.');
    expect(falseFriend('Người nghiện ma túy được cai nghiện ở đâu?', [c], idf({ túy: 7 }), 5)).toBeUndefined();
  });
  it('reads only the question sentence after a story told in everyday words ("lá đơn", "cả … lẫn …")', () => {
    const c = chunk('Điều 25. Tố cáo không rõ họ tên\n1. Tố cáo không rõ họ tên người tố cáo là tố cáo nặc danh, thì không thụ lý giải quyết.');
    const rare = idf({ lá: 6, lẫn: 6 });
    expect(falseFriend('Hôm qua tôi nhận được một lá đơn, cả tên lẫn địa chỉ đều không ghi. Tố cáo không rõ họ tên có được thụ lý giải quyết không?', [c], rare, 5)).toBeUndefined();
    // Asked in the question sentence itself, a look-alike still counts: "hộ" is not "họ".
    expect(falseFriend('Tố cáo hộ người khác mà không rõ họ tên có được thụ lý không?', [c], idf({ hộ: 6 }), 5)).toBe('hộ');
  });
  it('reads the classifier of a letter or a form ("lá thư", "lá đơn") as no word of the topic, even in the question sentence', () => {
    const c = chunk('Điều 25. Tố cáo không rõ họ tên\n1. Tố cáo không rõ họ tên người tố cáo là tố cáo nặc danh, thì không thụ lý giải quyết.');
    expect(falseFriend('Cơ quan nhận được một lá thư tố cáo không ký tên thì có thụ lý không?', [c], idf({ lá: 6, thư: 2 }), 5)).toBeUndefined();
  });

  it('reads "giữ vai trò gì" as asking what someone does, no topic word a look-alike ("trở") could stand for', () => {
    const c = chunk('Điều 3. Ban Chỉ đạo\n1. Viện trưởng là trưởng ban; khi có trở ngại thì Phó Viện trưởng điều hành.');
    expect(falseFriend('Viện trưởng giữ vai trò gì trong Ban Chỉ đạo?', [c], idf({ trò: 6 }), 5)).toBeUndefined();
    // The same syllable in a word of the topic still counts.
    expect(falseFriend('Trò chơi điện tử có bị cấm không?', [c], idf({ trò: 6 }), 5)).toBe('trò');
  });

  it('finds a rare accented question word the hits hold only as a look-alike', () => {
    expect(falseFriend('Thuế thu nhập cá nhân được tính thế nào?', [rent], idf({ thuế: 6.8 }), 5)).toBe('thuế');
  });
  it('is silent when a hit holds the word with its accents', () => {
    expect(falseFriend('Thuế thu nhập cá nhân được tính thế nào?', [rent, tax], idf({ thuế: 6.8 }), 5)).toBeUndefined();
  });
  it('reads a tone typo no legal text writes ("xữ lý", "văn bẳn") as the word its letters spell', () => {
    const c = chunk('Điều 24. Xử lý ban đầu thông tin tố cáo\n1. Trong thời hạn 07 ngày làm việc, người giải quyết tố cáo phải vào sổ, xử lý ban đầu bằng văn bản.');
    expect(falseFriend('Nhận đơn tố cáo thì phải xữ lý ban đầu trong mấy ngày?', [c], idf({}), 5)).toBeUndefined();
    expect(falseFriend('Xử lý ban đầu có phải làm văn bẳn không?', [c], idf({}), 5)).toBeUndefined();
    // A real word the index never writes is still a look-alike: "thuế" is not "thuê".
    expect(falseFriend('Thuế thu nhập cá nhân được tính thế nào?', [rent], idf({}), 5)).toBe('thuế');
  });
  it('lets a common look-alike pass: "tối đa" is not "đã"', () => {
    const c = chunk('Thời hạn tạm giữ không quá 03 ngày, đã được gia hạn thì tối thiểu ...');
    expect(falseFriend('Tạm giữ tối đa mấy ngày?', [c], idf({ đa: 4.2 }), 5)).toBeUndefined();
  });
  it('is no look-alike when the folded match comes from an abbreviation in a document number', () => {
    const c = { ...chunk('Điều 1. Giờ tiếp nhận hồ sơ\nBộ phận một cửa tiếp nhận hồ sơ từ 7 giờ 30.'), item: { ...chunk('').item, number: '12/QĐ-VKS', text: 'Điều 1. Giờ tiếp nhận hồ sơ\nBộ phận một cửa tiếp nhận hồ sơ từ 7 giờ 30.' } };
    expect(falseFriend('Quyết định 12/QĐ-VKS quy định giờ tiếp nhận hồ sơ thế nào?', [c], idf({}), 5)).toBeUndefined();
  });
  it('never reads a function word as the topic: "đâu" is not "đầu", "đằng trước" not "đang", "giữa chừng" not "chung"', () => {
    const c = chunk('Điều 30. Lực lượng chuyên trách\n1. Lực lượng chuyên trách được bố trí tại Bộ Công an; người đứng đầu chịu trách nhiệm chung hằng năm. Số nhỏ hơn 10 ghi thêm số 0 phía trước, đang áp dụng.');
    const rare = idf({ đâu: 5.6, đằng: 0, chừng: 0, nằm: 6.4 });
    expect(falseFriend('Lực lượng chuyên trách được bố trí tại đâu?', [c], rare, 5)).toBeUndefined();
    expect(falseFriend('Số nhỏ hơn 10 có phải ghi thêm số 0 đằng trước không?', [c], rare, 5)).toBeUndefined();
    expect(falseFriend('Người đứng đầu có được rút giữa chừng không?', [c], rare, 5)).toBeUndefined();
    expect(falseFriend('Lực lượng chuyên trách nằm ở đâu?', [c], rare, 5)).toBeUndefined();
  });
  it('reads no proper name as a look-alike: "tỉnh Bình Dương" is not "dương tính"', () => {
    const c = chunk('Điều 9. Xét nghiệm\n1. Người đi đường có kết quả xét nghiệm phải được thông báo cho gia đình.');
    expect(falseFriend('Người ở Bình Dương có kết quả xét nghiệm thì thông báo thế nào?', [c], idf({ dương: 6, bình: 6 }), 5)).toBeUndefined();
  });
  it('reads an everyday phrase the thesaurus knows as a paraphrase when the hits write its field term', () => {
    const law = chunk('Điều 11. Giá trị làm chứng cứ\n1. Thông điệp dữ liệu được dùng làm chứng cứ; nhận thông điệp qua hệ thống.');
    const rare = idf({ nhắn: 0 });
    expect(falseFriend('Tin nhắn có được dùng làm chứng cứ không?', [law], rare, 5)).toBeUndefined();
    const other = chunk('Điều 2. Nhận hồ sơ\n1. Cơ quan nhận hồ sơ và trả kết quả.');
    expect(falseFriend('Tin nhắn có được dùng làm chứng cứ không?', [other], rare, 5)).toBe('nhắn');
  });
  it('says nothing about words typed without accents', () => {
    expect(falseFriend('thue thu nhap ca nhan tinh the nao', [rent], idf({}), 5)).toBeUndefined();
  });
  it('makes decideAbstention abstain only when given the accented rarity', () => {
    const q = 'Thuế thu nhập cá nhân được tính thế nào?';
    const hits = [{ ...rent, coverage: 0.9 }];
    expect(decideAbstention(q, hits, { accentedIdf: idf({ thuế: 6.8 }) })).toMatchObject({ abstain: true, reason: 'false-friend' });
    expect(decideAbstention(q, hits).reason).not.toBe('false-friend');
  });
});

describe('"dừng lại" where the law writes "đình chỉ"', () => {
  it('is a paraphrase, not a look-alike of "dùng"', () => {
    const c = chunk('Điều 33. Rút tố cáo\n3. Trường hợp người tố cáo rút toàn bộ nội dung tố cáo thì người giải quyết tố cáo ra quyết định đình chỉ việc giải quyết tố cáo; người tố cáo dùng đơn rút tố cáo.');
    expect(falseFriend('Người tố cáo đã rút đơn thì vụ việc có được dừng lại không?', [c], idf({ dừng: 7 }), 5)).toBeUndefined();
    expect(falseFriend('Máy dừng hoạt động thì tố cáo thế nào?', [c], idf({ dừng: 7 }), 5)).toBe('dừng');
  });
});
