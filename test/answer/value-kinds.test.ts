import { describe, expect, it } from 'vitest';
import { askedValue, writesValue } from '../../core/answer/value-kinds.js';
import { composeExtractive } from '../../core/answer/compose.js';
import { fold } from '../../core/text.js';
import { articleHit } from './fixtures.js';

const asked = (q: string) => askedValue(fold(q).toLowerCase(), q);

describe('askedValue', () => {
  it.each([
    ['Cho tôi xin số điện thoại của Tổ giúp việc Ban Chỉ đạo.', 'contact'],
    ['so dien thoai cua phong tiep dan la so nao', 'contact'],
    ['Địa chỉ email của Văn phòng là gì?', 'contact'],
    ['Mẫu dấu chỉ độ mật được ban hành theo Thông tư số mấy?', 'document-number'],
    ['Nghị quyết chuyên đề về chuyển đổi số có số hiệu là gì?', 'document-number'],
    ['Văn bản đó có số ký hiệu là gì?', 'document-number'],
    ['Phần mềm quản lý án do công ty nào xây dựng?', 'company'],
    ['Kế hoạch do đồng chí lãnh đạo nào ký ban hành?', 'person'],
    ['Họ tên của Tổ trưởng Tổ giúp việc là gì?', 'person'],
    ['Trụ sở Viện kiểm sát nhân dân tối cao nằm ở địa chỉ nào?', 'address'],
    ['dia chi cua vksnd tinh soc trang la gi', 'address'],
  ])('reads "%s" as asking for a %s', (q, kind) => {
    expect(asked(q)).toBe(kind);
  });

  it.each([
    'Có được mang điện thoại vào phòng họp không?',
    'Có được gửi văn bản qua email không?',
    'Kế hoạch 221/KH-VKSTC ban hành ngày nào?',
    'Đơn vị nào chủ trì thực hiện kế hoạch?',
    'Thông tư này có hiệu lực khi nào?',
    'Ai có thẩm quyền ký quyết định khởi tố?',
    'Đơn tố cáo phải ghi rõ họ tên, địa chỉ của người tố cáo không?',
    // The number and symbol is where the asked abbreviation is written, not what is asked.
    "Chữ viết tắt của loại văn bản 'Tờ trình' trong số ký hiệu là gì?",
    'chu viet tat ten co quan o ky hieu la gi',
  ])('reads "%s" as asking for none of them', (q) => {
    expect(asked(q)).toBeUndefined();
  });
});

describe('writesValue', () => {
  it('finds a street address or the city an office stands in, not an office\'s name', () => {
    expect(writesValue('address', 'Trụ sở đặt tại số 44 Lý Thường Kiệt, quận Hoàn Kiếm.', '')).toBe(true);
    expect(writesValue('address', 'Viện kiểm sát nhân dân tối cao đặt tại Thủ đô Hà Nội.', '')).toBe(true);
    expect(writesValue('address', 'Nhà nước ưu tiên đầu tư xây dựng trụ sở, trang thiết bị cho Viện kiểm sát nhân dân.', '')).toBe(false);
  });

  it('finds phone numbers as printed and e-mail addresses', () => {
    expect(writesValue('contact', 'Điện thoại: 024.3825.5058', '')).toBe(true);
    expect(writesValue('contact', 'Liên hệ vanphong@vks.gov.vn', '')).toBe(true);
    expect(writesValue('contact', 'Kế hoạch số 221/KH-VKSTC ngày 15/12/2023', '')).toBe(false);
  });

  it('finds a person by name, not by office', () => {
    expect(writesValue('person', 'Tổ trưởng Tổ giúp việc: đồng chí Nhiếp Văn Ngọc, Phó Cục trưởng Cục 2.', '')).toBe(true);
    expect(writesValue('person', 'Viện trưởng Viện kiểm sát nhân dân tối cao ký ban hành.', '')).toBe(false);
  });

  it('does not count the document number the question itself writes', () => {
    const q = 'Kế hoạch 221/KH-VKSTC được ban hành kèm theo văn bản số mấy?';
    expect(writesValue('document-number', 'Kế hoạch số 221/KH-VKSTC ngày 15/12/2023', q)).toBe(false);
    expect(writesValue('document-number', 'Thực hiện Chỉ thị số 01/CT-VKSTC', q)).toBe(true);
  });
});

describe('composeExtractive with a value asked', () => {
  const news = { docId: 'vksnd/bcd.md', title: 'Ban Chỉ đạo chuyển đổi số ngành Kiểm sát nhân dân' };
  const members = articleHit(news, 'Tổ giúp việc Ban Chỉ đạo', [
    'Tổ giúp việc Ban Chỉ đạo công bố số điện thoại và địa chỉ thư điện tử tiếp nhận góp ý trên Cổng thông tin điện tử của Ngành.',
  ]);
  const contacts = articleHit(news, 'Liên hệ', ['Số điện thoại của Tổ giúp việc Ban Chỉ đạo: 024 3825 5058.']);

  it('abstains when no piece writes the phone number asked for, however many words it shares', () => {
    const r = composeExtractive('Cho tôi xin số điện thoại của Tổ giúp việc Ban Chỉ đạo.', [members]);
    expect(r.abstained).toBe(true);
    expect(r.abstainReason).toBe('missing-value');
  });

  it('answers when a piece writes it', () => {
    const r = composeExtractive('Cho tôi xin số điện thoại của Tổ giúp việc Ban Chỉ đạo.', [contacts, members]);
    expect(r.abstained).toBe(false);
    expect(r.text).toContain('024 3825 5058');
  });

  it('abstains on a document number no piece writes', () => {
    const law = { docId: 'nd/26.txt', title: 'Nghị định 26/2020/NĐ-CP' };
    const hit = articleHit(law, 'Điều 2. Mẫu dấu chỉ độ mật', ['3. Bộ Công an ban hành thông tư quy định mẫu dấu chỉ độ mật, mẫu văn bản xác định độ mật của bí mật nhà nước.']);
    expect(composeExtractive('Mẫu dấu chỉ độ mật được Bộ Công an ban hành theo Thông tư số mấy?', [hit]).abstainReason).toBe('missing-value');
  });
});

describe('a colour asked', () => {
  it('is read as written: "màu gì" asks a colour, "mẫu nào" (a form) does not, and unaccented text says nothing', () => {
    expect(askedValue(fold('Dấu mức độ khẩn đóng bằng mực màu gì?').toLowerCase(), 'Dấu mức độ khẩn đóng bằng mực màu gì?')).toBe('colour');
    expect(askedValue(fold('Báo cáo dùng mẫu nào?').toLowerCase(), 'Báo cáo dùng mẫu nào?')).toBeUndefined();
    expect(askedValue('dau muc do khan dong bang muc mau gi', 'dau muc do khan dong bang muc mau gi')).toBeUndefined();
  });

  it('is answered by a piece writing one, which is quoted first', () => {
    expect(writesValue('colour', 'Mực để đóng dấu chỉ mức độ khẩn dùng màu đỏ tươi.', '')).toBe(true);
    expect(writesValue('colour', 'Con dấu các mức độ khẩn được khắc sẵn hình chữ nhật.', '')).toBe(false);
    const hit = articleHit({ docId: 'nd30-phu-luc.md', title: 'Phụ lục Nghị định 30' }, 'III. CÁC THÀNH PHẦN THỂ THỨC KHÁC', [
      'Con dấu các mức độ khẩn được khắc sẵn hình chữ nhật, trên đó các từ HỎA TỐC, THƯỢNG KHẨN và KHẨN trình bày bằng chữ in hoa.',
      'Mực để đóng dấu chỉ mức độ khẩn dùng màu đỏ tươi.',
    ]);
    const r = composeExtractive('Dấu chỉ mức độ khẩn đóng bằng mực màu gì?', [hit]);
    expect(r.text).toContain('màu đỏ tươi');
    const none = articleHit({ docId: 'nd30-phu-luc.md', title: 'Phụ lục Nghị định 30' }, 'III. CÁC THÀNH PHẦN THỂ THỨC KHÁC', ['Dấu chỉ mức độ khẩn đóng bằng mực có màu theo quy định tại ô số 10b.']);
    expect(composeExtractive('Dấu chỉ mức độ khẩn đóng bằng mực màu gì?', [none])).toMatchObject({ abstained: true, abstainReason: 'missing-value' });
  });
});
