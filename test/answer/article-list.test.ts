import { describe, expect, it } from 'vitest';
import { unitsOf } from '../../core/answer/units.js';
import { contentTerms, questionKinds } from '../../core/answer/terms.js';
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
  it('reads "Thế nào thì được gọi là X?" as a definition question, whose "gọi là" no passage needs to write', () => {
    expect(questionKinds('Thế nào thì được gọi là hợp đồng điện tử?').has('definition')).toBe(true);
    expect(questionKinds('Hợp đồng điện tử được coi là gì?').has('definition')).toBe(true);
    expect(contentTerms('Thế nào thì được gọi là hợp đồng điện tử?').map((t) => t.term)).not.toContain('goi');
    // "gọi" elsewhere is a word of its own ("gọi điện").
    expect(contentTerms('Có được gọi điện cho bị can không?').map((t) => t.term)).toContain('goi');
  });
});

describe('a title in capitals', () => {
  it('is never a piece to quote, while an acronym line still is', () => {
    const chunk: Chunk = {
      id: 'c4', docId: 'luat/gddt.txt', ord: 0, title: 'Luật Giao dịch điện tử', type: 'Luật', article: '34', locator: 'Chương IV, Điều 34', heading: 'Điều 34. Hợp đồng điện tử',
      text: ['Chương IV', 'GIAO KẾT VÀ THỰC HIỆN HỢP ĐỒNG ĐIỆN TỬ', 'Điều 34. Hợp đồng điện tử', '1. Hợp đồng điện tử không bị phủ nhận giá trị pháp lý.', 'VKSND'].join('\n'),
    };
    const texts = unitsOf(chunk).map((u) => u.text);
    expect(texts).not.toContain('GIAO KẾT VÀ THỰC HIỆN HỢP ĐỒNG ĐIỆN TỬ');
    expect(texts).toContain('1. Hợp đồng điện tử không bị phủ nhận giá trị pháp lý.');
    expect(texts).toContain('VKSND');
  });
});

describe('questions for the rights and duties a law lists', () => {
  it('are list questions, accented or not', () => {
    for (const q of ['Người bị tạm giữ có quyền gì?', 'Kiểm sát viên có nhiệm vụ, quyền hạn gì?', 'nguoi to cao co nghia vu gi', 'Người làm chứng có quyền và nghĩa vụ nào?'])
      expect(questionKinds(q).has('list'), q).toBe(true);
    expect(questionKinds('Ai có quyền khởi tố vụ án hình sự?').has('list')).toBe(false);
  });
  it('are answered with the lead-in and every item', () => {
    const text = [
      'Điều 59. Người bị tạm giữ',
      '1. Người bị tạm giữ là người bị giữ trong trường hợp khẩn cấp và đã có quyết định tạm giữ.',
      '2. Người bị tạm giữ có quyền:',
      'a) Được biết lý do mình bị tạm giữ;',
      'b) Được thông báo, giải thích về quyền và nghĩa vụ;',
      'c) Tự bào chữa, nhờ người bào chữa;',
      'd) Khiếu nại quyết định, hành vi tố tụng về việc tạm giữ.',
      '3. Người bị tạm giữ có nghĩa vụ chấp hành các quy định của Bộ luật này.',
    ].join('\n');
    const hit = { item: { ...article(text, 'rights'), heading: 'Điều 59. Người bị tạm giữ' }, score: 1 };
    const r = composeExtractive('Người bị tạm giữ có quyền gì?', [hit], { skipAbstention: true });
    expect(r.text).toMatch(/có quyền:\na\) Được biết lý do[\s\S]*d\) Khiếu nại/);
  });
  it('quote a long list from its lead-in, item after item, not one item under it', () => {
    const items = 'abcdeghik'.split('').map((l, i) => `${l}) Quyền thứ ${i + 1} của bị can trong tố tụng, ${'được thực hiện theo quy định của Bộ luật này và pháp luật có liên quan; '.repeat(2)}`);
    const text = ['Điều 60. Bị can', '1. Bị can là người hoặc pháp nhân bị khởi tố về hình sự.', '2. Bị can có quyền:', ...items, '3. Bị can có nghĩa vụ có mặt theo giấy triệu tập.'].join('\n');
    expect(text.length).toBeGreaterThan(1500);
    const hit = { item: { ...article(text, 'long-rights'), article: '60', locator: 'Điều 60', heading: 'Điều 60. Bị can' }, score: 1 };
    const r = composeExtractive('Bị can có những quyền gì?', [hit], { skipAbstention: true });
    const body = r.text.split('\nNguồn:')[0];
    expect(body).toContain('2. Bị can có quyền:');
    expect(body.match(/^[a-zđ]\) Quyền thứ/gmu)?.length ?? 0).toBeGreaterThanOrEqual(5);
    expect(r.citations[0].locator).toBe('Điều 60, khoản 2');
  });

  // Two chunks of one article, as BLTTHS Điều 62 is cut: the duties chunk shares more of the
  // question's words ("bị hại có", "có những quyền và nghĩa vụ", "thẩm quyền") and ranks first.
  const victim = (id: string, locator: string, lines: string[]): Chunk => ({
    ...article(['Điều 62. Bị hại', ...lines].join('\n'), id),
    article: '62',
    locator,
    heading: 'Điều 62. Bị hại',
  });
  const duties = victim('duties', 'Điều 62, khoản 4–5', [
    '4. Bị hại có nghĩa vụ:',
    'a) Có mặt theo giấy triệu tập của người có thẩm quyền tiến hành tố tụng;',
    'b) Chấp hành quyết định, yêu cầu của cơ quan, người có thẩm quyền tiến hành tố tụng.',
    '5. Người kế thừa quyền và nghĩa vụ của bị hại có những quyền và nghĩa vụ theo quy định tại Điều này.',
  ]);
  const rights = victim('rights', 'Điều 62, khoản 2–3', [
    '2. Bị hại hoặc người đại diện của họ có quyền:',
    'a) Được thông báo, giải thích quyền và nghĩa vụ quy định tại Điều này;',
    'b) Đưa ra chứng cứ, tài liệu, đồ vật, yêu cầu;',
    'c) Kháng cáo bản án, quyết định của Tòa án.',
    '3. Bị hại trình bày lời buộc tội tại phiên tòa trong trường hợp luật định.',
  ]);
  const hits = [
    { item: duties, score: 1.2 },
    { item: rights, score: 0.65 },
  ];
  it('quote the list the question asks for from a lower hit, when the first hit lists something else', () => {
    for (const q of ['Bị hại có những quyền gì?', 'bi hai co quyen gi']) {
      const r = composeExtractive(q, hits, { skipAbstention: true });
      const body = r.text.split('\nNguồn:')[0];
      expect(body, q).toContain('có quyền:');
      expect(body).toContain('c) Kháng cáo');
      expect(body).not.toContain('có nghĩa vụ:');
      expect(r.citations[0].locator).toBe('Điều 62, khoản 2');
    }
  });
  it('keep the first hit when its list is the one asked for', () => {
    const r = composeExtractive('Bị hại có những nghĩa vụ gì?', hits, { skipAbstention: true });
    expect(r.text).toContain('4. Bị hại có nghĩa vụ:');
    expect(r.text).not.toContain('có quyền:');
  });
  it('quote the whole list when the best piece is one item of it, and the question goes on after "gì"', () => {
    const text = [
      'Điều 8. Quyền và nghĩa vụ của công dân trong việc tiếp cận thông tin',
      '1. Công dân có quyền:',
      'a) Được cung cấp thông tin đầy đủ, chính xác, kịp thời;',
      'b) Khiếu nại, khởi kiện, tố cáo hành vi vi phạm pháp luật về tiếp cận thông tin.',
      '2. Công dân có nghĩa vụ:',
      'a) Tuân thủ quy định của pháp luật về tiếp cận thông tin;',
      'b) Không làm sai lệch nội dung thông tin đã được cung cấp;',
      'c) Không xâm phạm quyền và lợi ích hợp pháp của cơ quan, tổ chức hoặc của người khác khi thực hiện quyền tiếp cận thông tin.',
    ].join('\n');
    const heading = 'Điều 8. Quyền và nghĩa vụ của công dân trong việc tiếp cận thông tin';
    const hit = { item: { ...article(text, 'citizen'), article: '8', locator: 'Điều 8', heading }, score: 1 };
    // As in a corpus of laws: "quyền" and "công dân" are everywhere, "tiếp cận thông tin" is not.
    const termWeight = (t: string) => (['quyen', 'cong', 'dan'].includes(t) ? 0.2 : 1);
    const r = composeExtractive('Công dân có những quyền gì khi tiếp cận thông tin?', [hit], { skipAbstention: true, termWeight });
    expect(r.text).toMatch(/1\. Công dân có quyền:\na\) Được cung cấp[\s\S]*b\) Khiếu nại/);
    expect(r.text).not.toContain('có nghĩa vụ:');
  });
  it('do not take a list whose lead-in names someone else', () => {
    const other = victim('other', 'Điều 62, khoản 2', ['2. Người làm chứng có quyền:', 'a) Yêu cầu bảo vệ;', 'b) Được thanh toán chi phí.']);
    const r = composeExtractive('Bị hại có những quyền gì?', [hits[0], { item: other, score: 0.65 }], { skipAbstention: true });
    expect(r.text).not.toContain('Người làm chứng có quyền');
  });
});

describe('whose list a lead-in opens', () => {
  const piece = (id: string, article: string, heading: string, lines: string[], docTitle = 'Bộ luật Tố tụng hình sự'): Chunk => ({
    id, docId: `luat/${id}.txt`, ord: 0, title: docTitle, type: 'Bộ luật', article, locator: `Điều ${article}`, heading,
    text: [heading, ...lines].join('\n'),
  });
  const chief = piece('chief', '41', 'Điều 41. Nhiệm vụ, quyền hạn của Viện trưởng Viện kiểm sát', [
    '1. Viện trưởng Viện kiểm sát có những nhiệm vụ, quyền hạn:',
    'a) Trực tiếp tổ chức và chỉ đạo hoạt động thực hành quyền công tố;',
    'b) Quyết định phân công hoặc thay đổi Phó Viện trưởng Viện kiểm sát;',
    'c) Quyết định rút, đình chỉ hoặc hủy bỏ quyết định trái pháp luật của Viện kiểm sát cấp dưới.',
  ]);
  const office = piece('office', '161', 'Điều 161. Nhiệm vụ, quyền hạn của Viện kiểm sát khi kiểm sát việc khởi tố', [
    '2. Khi kiểm sát việc khởi tố vụ án hình sự, Viện kiểm sát có những nhiệm vụ, quyền hạn:',
    'a) Kiểm sát việc tuân theo pháp luật trong việc khởi tố;',
    'b) Yêu cầu Cơ quan điều tra khởi tố hoặc thay đổi quyết định khởi tố vụ án hình sự.',
  ]);
  const checker = piece('checker', '90', 'Điều 90. Kiểm tra viên', [
    '4. Kiểm tra viên có những nhiệm vụ, quyền hạn sau đây:',
    'a) Nghiên cứu hồ sơ vụ, việc và báo cáo kết quả với Kiểm sát viên;',
    'b) Lập hồ sơ kiểm sát vụ, việc.',
  ], 'Luật Tổ chức Viện kiểm sát nhân dân');
  const investigator = piece('investigator', '37', 'Điều 37. Nhiệm vụ, quyền hạn của Điều tra viên', [
    '1. Điều tra viên được phân công tiến hành hoạt động khởi tố, điều tra vụ án hình sự có những nhiệm vụ, quyền hạn sau đây:',
    'a) Trực tiếp kiểm tra, xác minh và lập hồ sơ giải quyết nguồn tin về tội phạm;',
    'b) Lập hồ sơ vụ án hình sự.',
  ]);

  it('is not the subject\'s when the subject only says whose head it is ("Viện trưởng Viện kiểm sát")', () => {
    for (const q of ['Viện kiểm sát có những nhiệm vụ gì?', 'vien kiem sat co nhung nhiem vu gi', 'VKS có những nhiệm vụ gì?']) {
      const r = composeExtractive(q, [{ item: chief, score: 1.2 }, { item: office, score: 1.1 }], { skipAbstention: true });
      expect(r.text, q).toContain('Viện kiểm sát có những nhiệm vụ, quyền hạn:');
      expect(r.text, q).not.toContain('Viện trưởng Viện kiểm sát có những');
    }
  });
  it('still asks for the Viện trưởng\'s list when the question does', () => {
    const r = composeExtractive('Viện trưởng Viện kiểm sát có những nhiệm vụ gì?', [{ item: office, score: 1.2 }, { item: chief, score: 1.1 }], { skipAbstention: true });
    expect(r.text).toContain('1. Viện trưởng Viện kiểm sát có những nhiệm vụ, quyền hạn:');
  });
  it('is found for the subject among lower hits when the first lists another\'s, its nouns written together', () => {
    const r = composeExtractive('Điều tra viên có những nhiệm vụ gì?', [{ item: checker, score: 1.1 }, { item: investigator, score: 1.05 }], { skipAbstention: true });
    expect(r.text).toContain('1. Điều tra viên được phân công');
    expect(r.text).not.toContain('Kiểm tra viên có những');
  });
  it('is no answer when no passage names the subject at all: the bot abstains', () => {
    const r = composeExtractive('Thanh tra viên có những quyền gì?', [{ item: checker, score: 1.1 }, { item: chief, score: 0.9 }]);
    expect(r.abstained).toBe(true);
    expect(r.abstainReason).toBe('missing-subject');
    expect(r.text).not.toContain('Kiểm tra viên');
  });
  it('answers a subject the passages write with an abbreviation expanded, or with function words before it', () => {
    const r = composeExtractive('Kiểm tra viên có những quyền gì?', [{ item: checker, score: 1.1 }, { item: chief, score: 0.9 }]);
    expect(r.abstained).toBe(false);
    expect(r.text).toContain('4. Kiểm tra viên có những nhiệm vụ, quyền hạn sau đây:');
    const vks = composeExtractive('VKS có những nhiệm vụ gì?', [{ item: office, score: 1.1 }]);
    expect(vks.abstainReason).not.toBe('missing-subject');
  });
  it('does not ask a document, cited by number, to be written word for word', () => {
    const plan: Chunk = {
      id: 'plan', docId: 'vksnd/kh221.md', ord: 0, title: 'Kế hoạch chuyển đổi số năm 2024', type: 'Kế hoạch', number: '221/KH-VKSTC', locator: 'mục “Mục tiêu”', heading: 'Mục tiêu',
      text: 'Kế hoạch số 221/KH-VKSTC có 22 mục tiêu và các nhiệm vụ chuyển đổi số của ngành Kiểm sát nhân dân năm 2024.',
    };
    for (const q of ['Kế hoạch 221 có mục tiêu gì?', 'Kế hoạch 221 có những nhiệm vụ gì?']) {
      expect(composeExtractive(q, [{ item: plan, score: 1 }]).abstainReason, q).not.toBe('missing-subject');
    }
  });
});

describe('a điểm that only names a case', () => {
  const text = [
    'Điều 30. Nộp lưu hồ sơ, tài liệu vào Lưu trữ cơ quan',
    '3. Thủ tục nộp lưu',
    'a) Đối với hồ sơ giấy',
    'Khi nộp lưu tài liệu phải lập 02 bản “Mục lục hồ sơ, tài liệu nộp lưu” và 02 bản “Biên bản giao nhận hồ sơ, tài liệu”.',
    'b) Đối với hồ sơ điện tử',
    'Cá nhân được giao nhiệm vụ giải quyết công việc thực hiện nộp lưu hồ sơ điện tử vào Lưu trữ cơ quan trên Hệ thống.',
  ].join('\n');
  it('heads the prose under it, which is read and quoted with it', () => {
    const units = unitsOf(article(text, 'nl'));
    const paper = units.find((u) => u.text.startsWith('Khi nộp lưu'));
    expect(paper?.parent).toBe('3. Thủ tục nộp lưu\na) Đối với hồ sơ giấy');
    expect(units.find((u) => u.text.startsWith('Cá nhân được giao'))?.parent).toContain('b) Đối với hồ sơ điện tử');
  });
  it('is not offered alone, nor as its khoản\'s list: the title says nothing without its prose', () => {
    const units = unitsOf(article(text, 'nl'));
    expect(units.some((u) => u.text === 'a) Đối với hồ sơ giấy' || u.text === '3. Thủ tục nộp lưu\na) Đối với hồ sơ giấy')).toBe(false);
    const r = composeExtractive('Thủ tục nộp lưu đối với hồ sơ giấy gồm những gì?', [{ item: article(text, 'nl'), score: 1 }], { skipAbstention: true });
    expect(r.text).toContain('Mục lục hồ sơ');
  });
  it('leaves a điểm that is a sentence of its own as it was', () => {
    const units = unitsOf(article(['1. Sử dụng con dấu', 'a) Dấu đóng phải rõ ràng, ngay ngắn, đúng chiều.', 'Ghi chú thêm về con dấu.'].join('\n'), 'cd'));
    expect(units.find((u) => u.text.startsWith('Ghi chú'))?.parent).toBeUndefined();
  });
});
