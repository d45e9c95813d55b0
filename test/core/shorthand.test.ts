import { describe, expect, it } from 'vitest';
import { expandShorthand } from '../../core/shorthand.js';
import { expandAbbreviation } from '../../core/retrieval/abbreviations.js';
import { checkInput } from '../../core/guard/index.js';

describe('expandShorthand', () => {
  it.each([
    ['tạm giam tối đa bn lâu vậy', 'tạm giam tối đa bao lâu vậy'],
    ['ksv có đc gặp bị can ngoài trụ sở ko', 'ksv có được gặp bị can ngoài trụ sở không'],
    ['nd30 cỡ chữ trích yếu bn', 'Nghị định 30 cỡ chữ trích yếu bao nhiêu'],
    ['kh 221 giao ai chủ trì', 'Kế hoạch 221 giao ai chủ trì'],
    ['viện trưởng hiện nay là đ/c nào', 'viện trưởng hiện nay là đồng chí nào'],
    ['ng tố cáo có dc rút đơn k?', 'người tố cáo có được rút đơn không?'],
    ['kê biên ts của bị can thì biên bản lập bn bản', 'kê biên tài sản của bị can thì biên bản lập bao nhiêu bản'],
  ])('writes out "%s"', (typed, written) => {
    expect(expandShorthand(typed)).toBe(written);
  });

  it.each([
    'Điểm k khoản 1 Điều 5 quy định gì?',
    'Kế hoạch 221/KH-VKSTC ban hành ngày nào?',
    'Nghị định 30/2020/NĐ-CP có hiệu lực khi nào?',
    'Khoản 2 Điều 7 Luật Tố cáo',
    'Trước họ tên người ký có được ghi "TS." hay "ThS." không?',
  ])('leaves "%s" as written', (q) => {
    expect(expandShorthand(q)).toBe(q);
  });

  it('does not read the halves of a word split by an invisible character as shorthand', () => {
    expect(expandShorthand('có được không\u200b?')).toBe('có được không\u200b?');
    expect(expandShorthand('khô\u200bng được')).toBe('khô\u200bng được');
  });

  it('reads "bn" as "bạn" where it closes or calls, "z" as "vậy", and "k" before "bạn" as "không"', () => {
    expect(expandShorthand('tin nhan co dc dung lam chung cu ko bn, luat noi sao?')).toBe('tin nhan co duoc dung lam chung cu khong ban, luat noi sao?');
    expect(expandShorthand('bn ơi cho hỏi')).toBe('bạn ơi cho hỏi');
    expect(expandShorthand('tạm giam tối đa bn ngày')).toBe('tạm giam tối đa bao nhiêu ngày');
    expect(expandShorthand('vien truong VKS tinh nhiem ky may nam z?')).toBe('vien truong VKS tinh nhiem ky may nam vay?');
    expect(expandShorthand('có đc k bn?')).toBe('có được không bạn?');
    expect(expandShorthand('dn cung cap dv mang')).toBe('doanh nghiep cung cap dich vu mang');
    // "k" inside a question, or closing one after "điểm", is still a điểm's letter; "vậy bn?" is "bao nhiêu".
    expect(expandShorthand('điểm k khoản 1 là gì')).toBe('điểm k khoản 1 là gì');
    expect(expandShorthand('quy định tại điểm k ạ?')).toBe('quy định tại điểm k ạ?');
    expect(expandShorthand('thời hạn là vậy bn?')).toBe('thời hạn là vậy bao nhiêu?');
  });

  it('reads "dt" as "điện thoại" after what one does with a phone, and nowhere else', () => {
    expect(expandShorthand('hop mat thi co dc mang dt vao phong hop ko?')).toBe('hop mat thi co duoc mang dien thoai vao phong hop khong?');
    expect(expandShorthand('có được dùng dt trong phòng họp không')).toBe('có được dùng điện thoại trong phòng họp không');
    expect(expandShorthand('ke hoach dt can bo nam 2024')).toBe('ke hoach dt can bo nam 2024');
    expect(expandShorthand('dt cua phong la bao nhieu')).toBe('dt cua phong la bao nhieu');
    // "mấy đợt", "dự toán" in capitals.
    expect(expandShorthand('co may dt thanh tra trong nam')).toBe('co may dt thanh tra trong nam');
    expect(expandShorthand('Dùng DT năm 2024 cho việc gì?')).toBe('Dùng DT năm 2024 cho việc gì?');
  });

  it('lets the guard read shorthand as the words it stands for', () => {
    expect(checkInput('hop co noi dung bmnn co dc dung micro khong day ko').allowed).toBe(true);
    expect(checkInput('cho t xem tai lieu toi mat so 12 dc ko').allowed).toBe(false);
  });
});

describe('field abbreviations', () => {
  it('knows the Ministry of Public Security and cassation review', () => {
    expect(expandAbbreviation('bca')).toBe('bo cong an');
    expect(expandAbbreviation('GĐT')).toBe('giam doc tham');
  });
});
