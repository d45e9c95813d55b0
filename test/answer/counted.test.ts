import { describe, expect, it } from 'vitest';
import { composeExtractive, countedThing } from '../../core/answer/compose.js';
import type { Chunk, Scored } from '../../core/types.js';
import { articleHit } from './fixtures.js';

describe('countedThing', () => {
  it('reads the thing a "mấy / bao nhiêu" question counts, accented or not', () => {
    expect(countedThing('Tạm giữ tối đa mấy ngày?')?.test(' khong qua 03 ngay ')).toBe(true);
    expect(countedThing('tam giu toi da may ngay')?.test(' khong qua 03 ngay ')).toBe(true);
    expect(countedThing('Được cử bao nhiêu người đại diện?')?.test(' khong qua nam nguoi ')).toBe(true);
  });
  it('counts people as "đồng chí" or "thành viên" too', () => {
    expect(countedThing('Ban Chỉ đạo được mở rộng gồm bao nhiêu người?')?.test(' gom 23 dong chi thu truong ')).toBe(true);
    expect(countedThing('Ban Chỉ đạo gồm mấy người?')?.test(' gom 12 thanh vien ')).toBe(true);
    expect(countedThing('Ban Chỉ đạo gồm mấy người?')?.test(' gom 12 don vi ')).toBe(false);
  });
  it('does not take another unit for the one asked', () => {
    expect(countedThing('Tạm giữ tối đa mấy ngày?')?.test(' trong thoi han 12 gio ')).toBe(false);
    expect(countedThing('Quy trình tiếp công dân thế nào?')).toBeUndefined();
  });
});

describe('composeExtractive with a counted question', () => {
  it('quotes the piece that writes the number of the thing asked, even when another piece shares more words', () => {
    const text = [
      'Khi nhiều người cùng khiếu nại về một nội dung thì phải cử người đại diện để trình bày nội dung khiếu nại.',
      'Người đại diện phải là người khiếu nại.',
      'Trường hợp có từ năm đến mười người thì cử một hoặc hai người đại diện; trên mười người thì không quá năm người.',
    ].join('\n');
    const hit: Scored<Chunk> = {
      item: { id: 'a', docId: 'luat/tcd.txt', text, ord: 0, title: 'Luật Tiếp công dân', type: 'Luật', article: '29', locator: 'Điều 29', heading: 'Điều 29. Nhiều người cùng khiếu nại' },
      score: 1,
    };
    const r = composeExtractive('Nhiều người cùng khiếu nại thì được cử bao nhiêu người đại diện?', [hit], { skipAbstention: true });
    expect(r.text).toContain('không quá năm người');
  });
});

describe('countedThing and words that fold like numbers', () => {
  it('does not read "kể từ ngày" or "sau ngày" as a number of days', () => {
    const days = countedThing('Thời hạn giải quyết là bao nhiêu ngày?')!;
    expect(days.test(' khong qua 01 thang ke tu ngay ra quyet dinh ')).toBe(false);
    expect(days.test(' sau ngay nhan duoc don ')).toBe(false);
    expect(days.test(' trong thoi han 20 ngay ke tu ngay nhan ')).toBe(true);
  });
});

describe('a counted question the passages write no number for', () => {
  const chunk = (id: string, text: string): Scored<Chunk> => ({
    item: { id, docId: `luat/${id}.txt`, text, ord: 0, title: 'Luật Khiếu nại', type: 'Luật', article: '28', locator: 'Điều 28', heading: 'Điều 28. Thời hạn giải quyết khiếu nại lần đầu' },
    score: 1,
  });
  const question = 'Thời hạn giải quyết khiếu nại lần đầu là bao nhiêu ngày?';

  it('abstains rather than quote the words of the question without the number asked', () => {
    const r = composeExtractive(question, [chunk('a', 'Thời hạn giải quyết khiếu nại lần đầu được tính kể từ ngày thụ lý khiếu nại.')]);
    expect(r.abstained).toBe(true);
    expect(r.abstainReason).toBe('missing-count');
  });

  it('answers when a passage writes it', () => {
    const r = composeExtractive(question, [chunk('a', 'Thời hạn giải quyết khiếu nại lần đầu không quá 30 ngày, kể từ ngày thụ lý.')]);
    expect(r.abstained).toBe(false);
    expect(r.text).toContain('30 ngày');
  });

  it('counts ages too', () => {
    expect(countedThing('Người dưới bao nhiêu tuổi phải có người đại diện?')?.test(' nguoi duoi 18 tuoi ')).toBe(true);
  });
});

describe('a counted question whose best piece writes no number of the thing', () => {
  it('answers with the close second that writes it, not with the best piece, which leaves it no room', () => {
    const tc = { docId: 'luat/tc.txt', title: 'Luật Tổ chức Viện kiểm sát nhân dân' };
    const lead = 'có những nhiệm vụ, quyền hạn sau đây, theo quy chế do Viện trưởng Viện kiểm sát nhân dân tối cao ban hành sau khi thống nhất với các cơ quan có liên quan:';
    const board = articleHit(tc, 'Điều 87. Hội đồng thi tuyển Kiểm sát viên', [
      `2. Hội đồng thi tuyển Kiểm sát viên sơ cấp, Kiểm sát viên trung cấp, Kiểm sát viên cao cấp ${lead}`,
      'c) Đề nghị bổ nhiệm người đã trúng tuyển làm Kiểm sát viên sơ cấp, Kiểm sát viên trung cấp, Kiểm sát viên cao cấp.',
      `1. Hội đồng thi tuyển Kiểm sát viên sơ cấp, Kiểm sát viên trung cấp, Kiểm sát viên cao cấp gồm có Chủ tịch và các thành viên ${lead}`,
    ]);
    const senior = articleHit(tc, 'Điều 79. Tiêu chuẩn bổ nhiệm Kiểm sát viên cao cấp', [
      `1. Người có đủ tiêu chuẩn và có đủ các điều kiện sau đây thì có thể được bổ nhiệm làm Kiểm sát viên cao cấp của Viện kiểm sát nhân dân; nếu là sĩ quan quân đội tại ngũ thì có thể được bổ nhiệm làm Kiểm sát viên cao cấp của Viện kiểm sát quân sự:`,
      'a) Đã là Kiểm sát viên trung cấp ít nhất 05 năm;',
    ], { score: 0.9 });
    const r = composeExtractive('Kiểm sát viên cao cấp phải có bao nhiêu năm làm Kiểm sát viên trung cấp?', [board, senior], { skipAbstention: false });
    expect(r.abstained).toBe(false);
    expect(r.text).toContain('ít nhất 05 năm');
    expect(r.citations[0].locator).toBe('Điều 79');
    expect(r.text).not.toContain('trúng tuyển');
  });
});

describe('counts written another way, or further behind', () => {
  it('reads "lần thứ hai" as a number of times', () => {
    const times = countedThing('Được gia hạn tạm giữ mấy lần?')!;
    expect(times.test(' co the gia han tam giu lan thu hai nhung khong qua 03 ngay ')).toBe(true);
    expect(times.test(' gia han tam giu nhung khong qua 03 ngay ')).toBe(false);
  });

  it('quotes a piece well behind the best when it alone writes the count, rather than abstain', () => {
    const complaints = articleHit({ docId: 'luat/kn.txt', title: 'Luật Khiếu nại' }, 'Điều 8. Hình thức khiếu nại', [
      '4. Trường hợp nhiều người cùng khiếu nại về một nội dung thì thực hiện như sau:',
      'a) Trường hợp nhiều người đến khiếu nại trực tiếp thì cơ quan tổ chức tiếp và hướng dẫn người khiếu nại cử người đại diện để trình bày nội dung khiếu nại;',
      'b) Trường hợp nhiều người khiếu nại bằng đơn thì trong đơn phải có chữ ký của những người khiếu nại và phải cử người đại diện để trình bày khi có yêu cầu;',
    ]);
    const reception = articleHit({ docId: 'luat/tcd.txt', title: 'Luật Tiếp công dân' }, 'Điều 29. Cử người đại diện', [
      'Việc cử người đại diện phải thể hiện bằng văn bản có chữ ký của tất cả những người khiếu nại, tố cáo, kiến nghị, phản ánh.',
      'Trường hợp có từ năm đến mười người thì cử một hoặc hai người đại diện; trường hợp có trên mười người thì có thể cử thêm người đại diện, nhưng không quá năm người.',
    ], { score: 0.95 });
    const r = composeExtractive('Có 8 người cùng đến khiếu nại một nội dung thì họ phải cử bao nhiêu người đại diện?', [complaints, reception], { skipAbstention: false });
    expect(r.abstained).toBe(false);
    expect(r.text).toContain('cử một hoặc hai người đại diện');
  });
});

describe('a question for an amount or a date', () => {
  const sheet = (lines: string[], score = 1) =>
    articleHit({ docId: 'vksnd/ct01.md', title: 'Chỉ thị số 01/CT-VKSTC' }, 'Thông tin văn bản', lines, { score });

  it('quotes the line with the date over the one repeating the document number', () => {
    const hit = sheet(['- Số, ký hiệu: Chỉ thị số 01/CT-VKSTC.', '- Ngày ban hành: 18/12/2023.', '- Người ban hành: Viện trưởng VKSND Tối cao.']);
    const r = composeExtractive('chi thi 01 ct vkstc ban hanh ngay nao', [hit], { skipAbstention: false });
    expect(r.abstained).toBe(false);
    expect(r.text).toContain('18/12/2023');
  });

  it('abstains when no piece writes an amount, however well it matches the words', () => {
    const allowance = articleHit({ docId: 'luat/tc.txt', title: 'Luật Tổ chức Viện kiểm sát nhân dân' }, 'Điều 96. Chế độ phụ cấp', [
      '2. Kiểm sát viên được hưởng chế độ phụ cấp trách nhiệm theo nghề theo quy định của pháp luật, tại Điều 42 Luật này.',
    ]);
    const r = composeExtractive('Phụ cấp trách nhiệm theo nghề của Kiểm sát viên là bao nhiêu phần trăm?', [allowance], { skipAbstention: false });
    expect(r.abstained).toBe(true);
    expect(r.abstainReason).toBe('missing-number');
  });

  it('takes a list as the answer to how many things there are', () => {
    const forms = articleHit({ docId: 'luat/kn.txt', title: 'Luật Khiếu nại' }, 'Điều 8. Hình thức khiếu nại', [
      '1. Việc khiếu nại được thực hiện bằng các hình thức sau đây:',
      'a) Khiếu nại bằng đơn;',
      'b) Khiếu nại trực tiếp.',
    ]);
    const r = composeExtractive('Khiếu nại có bao nhiêu hình thức?', [forms], { skipAbstention: false });
    expect(r.abstained).toBe(false);
    expect(r.text).toContain('Khiếu nại trực tiếp');
  });
});

describe('a year the passages do not hold', () => {
  it('abstains on the 2025 plan when only the 2024 one is known', () => {
    const plan = articleHit({ docId: 'vksnd/kh221.md', title: 'Kế hoạch chuyển đổi số năm 2024 ngành Kiểm sát nhân dân' }, '22 mục tiêu cụ thể', [
      'Kế hoạch chuyển đổi số năm 2024 ngành Kiểm sát nhân dân có 22 mục tiêu cụ thể.',
    ]);
    expect(composeExtractive('Kế hoạch chuyển đổi số năm 2025 của ngành Kiểm sát có bao nhiêu mục tiêu cụ thể?', [plan]).abstainReason).toBe('unknown-year');
    expect(composeExtractive('Kế hoạch chuyển đổi số năm 2024 của ngành Kiểm sát có bao nhiêu mục tiêu cụ thể?', [plan]).text).toContain('22 mục tiêu');
  });
});

describe('a question for how long', () => {
  it('quotes the close second that writes a duration over the piece repeating more of its words', () => {
    const law = { docId: 'luat/anm.txt', title: 'Luật An ninh mạng' };
    const content = articleHit(law, 'Điều 16. Phòng ngừa, xử lý thông tin trên không gian mạng', [
      '9. Tổ chức, cá nhân đăng tải thông tin vi phạm trên không gian mạng phải gỡ bỏ thông tin khi có yêu cầu của lực lượng chuyên trách bảo vệ an ninh mạng.',
    ]);
    const providers = articleHit(law, 'Điều 26. Bảo đảm an ninh thông tin trên không gian mạng', [
      '2. Doanh nghiệp cung cấp dịch vụ trên mạng có trách nhiệm sau đây:',
      'b) Ngăn chặn việc chia sẻ thông tin, xóa bỏ thông tin vi phạm chậm nhất là 24 giờ kể từ thời điểm có yêu cầu của lực lượng chuyên trách.',
    ], { score: 0.97 });
    const r = composeExtractive('Khi có yêu cầu của lực lượng chuyên trách bảo vệ an ninh mạng, thông tin vi phạm trên không gian mạng phải gỡ bỏ trong bao lâu?', [content, providers], { skipAbstention: true, maxUnits: 1 });
    expect(r.text).toContain('24 giờ');
    // "trong thời hạn nào" asks the same length of time.
    const which = composeExtractive('Khi có yêu cầu của lực lượng chuyên trách bảo vệ an ninh mạng, thông tin vi phạm trên không gian mạng phải gỡ bỏ trong thời hạn nào?', [content, providers], { skipAbstention: true, maxUnits: 1 });
    expect(which.text).toContain('24 giờ');
  });
});

describe('"tính từ ngày nào"', () => {
  const law = { docId: 'luat/blttths.txt', title: 'Bộ luật Tố tụng hình sự' };

  it('is answered by the event a period runs from, not only by a calendar date', () => {
    const hit = articleHit(law, 'Điều 333. Thời hạn kháng cáo', [
      '1. Thời hạn kháng cáo đối với bản án sơ thẩm là 15 ngày kể từ ngày tuyên án. Đối với bị cáo, đương sự vắng mặt tại phiên tòa thì thời hạn kháng cáo tính từ ngày họ nhận được bản án hoặc ngày bản án được niêm yết.',
    ]);
    const r = composeExtractive('Bị cáo vắng mặt tại phiên tòa thì thời hạn kháng cáo tính từ ngày nào?', [hit]);
    expect(r.abstained).toBe(false);
    expect(r.text).toContain('ngày họ nhận được bản án');
  });

  it('so is the rule that fixes a day: "tính theo ngày nào", "lấy ngày nào"', () => {
    const post = articleHit(law, 'Điều 333. Thời hạn kháng cáo', [
      '3. Trường hợp đơn kháng cáo gửi qua dịch vụ bưu chính thì ngày kháng cáo là ngày theo dấu bưu chính nơi gửi.',
    ]);
    const byPost = composeExtractive('Gửi đơn kháng cáo qua bưu điện thì ngày kháng cáo tính theo ngày nào?', [post]);
    expect(byPost.abstained).toBe(false);
    expect(byPost.text).toContain('dấu bưu chính nơi gửi');
    const age = articleHit(law, 'Điều 417. Xác định tuổi của người bị buộc tội, người bị hại là người dưới 18 tuổi', [
      '2. Trường hợp xác định được tháng nhưng không xác định được ngày thì lấy ngày cuối cùng của tháng đó làm ngày sinh.',
    ]);
    const born = composeExtractive('Chỉ xác định được bị hại sinh tháng 3/2010, không rõ ngày. Vậy lấy ngày nào làm ngày sinh?', [age]);
    expect(born.abstained).toBe(false);
    expect(born.text).toContain('ngày cuối cùng của tháng');
  });
});

describe('"bao lâu" asked of pieces that write no time', () => {
  const law = { docId: 'luat/blttths.txt', title: 'Bộ luật Tố tụng hình sự' };
  const barred = articleHit(law, 'Điều 72. Người bào chữa', [
    '4. Những người sau đây không được bào chữa:',
    'c) Người đang bị áp dụng biện pháp xử lý hành chính đưa vào cơ sở cai nghiện bắt buộc, cơ sở giáo dục bắt buộc.',
  ]);
  it('abstains rather than quote a piece on the subject that gives no length of anything', () => {
    const r = composeExtractive('Biện pháp xử lý hành chính đưa vào cơ sở cai nghiện bắt buộc áp dụng bao lâu?', [barred]);
    expect(r.abstained).toBe(true);
    expect(r.abstainReason).toBe('missing-number');
  });

  it('quotes a piece further behind that writes the span, when the best writes no time at all', () => {
    const secrets = { docId: 'luat/bvbmnn.txt', title: 'Luật Bảo vệ bí mật nhà nước' };
    const stamp = articleHit(secrets, 'Điều 10. Dấu chỉ độ mật', [
      'Tài liệu độ Mật được bảo vệ bằng con dấu chỉ độ Mật đóng trên tài liệu, theo mẫu do Bộ Công an quy định.',
    ]);
    const term = articleHit(secrets, 'Điều 19. Thời hạn bảo vệ bí mật nhà nước', [
      '1. Thời hạn bảo vệ bí mật nhà nước được tính từ ngày xác định độ mật đến hết thời hạn sau đây:',
      'c) 10 năm đối với bí mật nhà nước độ Mật.',
    ], { score: 0.9 });
    const r = composeExtractive('Tài liệu độ Mật được bảo vệ bao lâu?', [stamp, term]);
    expect(r.abstained).toBe(false);
    expect(r.text).toContain('10 năm đối với bí mật nhà nước độ Mật');
  });

  it('keeps an answer that gives the time in words ("ngay", "kể từ")', () => {
    const hit = articleHit(law, 'Điều 110. Giữ người trong trường hợp khẩn cấp', [
      '4. Người bị giữ phải được trả tự do ngay khi Viện kiểm sát không phê chuẩn lệnh bắt.',
    ]);
    expect(composeExtractive('Người bị giữ được trả tự do trong bao lâu khi Viện kiểm sát không phê chuẩn lệnh bắt?', [hit]).abstained).toBe(false);
  });
});

describe('a time limit and its extension', () => {
  it('answers "bao lâu" with the limit, not with the extension the same khoản allows', () => {
    const law = { docId: 'luat/blttths.txt', title: 'Bộ luật Tố tụng hình sự' };
    const hit = articleHit(law, 'Điều 277. Thời hạn chuẩn bị xét xử', [
      '1. Trong thời hạn 30 ngày đối với tội phạm ít nghiêm trọng, 45 ngày đối với tội phạm nghiêm trọng, 02 tháng đối với tội phạm rất nghiêm trọng, 03 tháng đối với tội phạm đặc biệt nghiêm trọng kể từ ngày thụ lý vụ án, Thẩm phán chủ tọa phiên tòa phải ra một trong các quyết định:',
      'a) Đưa vụ án ra xét xử;',
      'b) Trả hồ sơ để yêu cầu điều tra bổ sung;',
      'c) Tạm đình chỉ vụ án hoặc đình chỉ vụ án.',
      'Đối với vụ án phức tạp, Chánh án Tòa án có thể quyết định gia hạn thời hạn chuẩn bị xét xử nhưng không quá 15 ngày đối với tội phạm ít nghiêm trọng và tội phạm nghiêm trọng, không quá 30 ngày đối với tội phạm rất nghiêm trọng và tội phạm đặc biệt nghiêm trọng.',
    ]);
    const r = composeExtractive('Tòa án có bao lâu để chuẩn bị xét xử sơ thẩm một vụ án tội đặc biệt nghiêm trọng?', [hit], { skipAbstention: true, maxUnits: 1 });
    expect(r.text).toContain('03 tháng đối với tội phạm đặc biệt nghiêm trọng');
    const extended = composeExtractive('Chuẩn bị xét xử được gia hạn tối đa bao lâu?', [hit], { skipAbstention: true, maxUnits: 1 });
    expect(extended.text).toContain('có thể quyết định gia hạn');
  });
});

describe('ages and sums of money', () => {
  it('reads an age asked after its counter, and a sum of money', () => {
    expect(countedThing('Kiểm sát viên nữ nghỉ hưu ở tuổi bao nhiêu?')?.test(' du 55 tuoi ')).toBe(true);
    expect(countedThing('Tuổi nghỉ hưu của Kiểm sát viên nữ là bao nhiêu?')?.test(' du 55 tuoi ')).toBe(true);
    const money = countedThing('Tham ô tài sản từ bao nhiêu tiền thì bị truy cứu?')!;
    expect(money.test(' tu 2 000 000 dong tro len ')).toBe(true);
    expect(money.test(' hai trieu dong ')).toBe(true);
    expect(money.test(' trong thoi han 10 ngay ')).toBe(false);
    // "giấy triệu tập" (a summons) and "tỷ lệ" (a ratio) are no sums.
    expect(money.test(' co mat theo giay trieu tap cua co quan ')).toBe(false);
    expect(money.test(' ty le phan tram ')).toBe(false);
    expect(money.test(' phat tien 500 trieu ')).toBe(true);
    // A fine asked as "phạt tiền / mức phạt … bao nhiêu" is a sum too.
    const fine = countedThing('vi pham luat an ninh mang bi phat tien toi da bao nhieu')!;
    expect(fine.test(' phat tien tu 10 trieu dong ')).toBe(true);
    expect(fine.test(' khong qua 03 ngay ')).toBe(false);
  });
  it('still reads "ngày bao nhiêu" as no count of days', () => {
    expect(countedThing('Kế hoạch ban hành ngày bao nhiêu?')).toBeUndefined();
  });
});

describe('a count of something else', () => {
  const tc = { docId: 'luat/tc.txt', title: 'Luật Tổ chức Viện kiểm sát nhân dân' };
  it('abstains when the only age a piece writes belongs to another subject', () => {
    const retire = articleHit(tc, 'Điều 88. Miễn nhiệm Kiểm sát viên', ['1. Kiểm sát viên đương nhiên được miễn nhiệm khi nghỉ hưu, thôi việc, chuyển ngành.']);
    const minors = articleHit(tc, 'Điều 42. Nhiệm vụ của Viện trưởng Viện kiểm sát', ['h) Quyết định giao người dưới 18 tuổi cho cơ quan có trách nhiệm giám sát;']);
    const r = composeExtractive('Kiểm sát viên nữ nghỉ hưu ở tuổi bao nhiêu?', [retire, minors]);
    expect(r.abstainReason).toBe('missing-count');
  });
  it('answers when the piece writing the age is about the question', () => {
    const age = articleHit(tc, 'Điều 75. Tiêu chuẩn Kiểm sát viên', ['1. Kiểm sát viên nghỉ hưu khi đủ 60 tuổi đối với nam và đủ 55 tuổi đối với nữ.']);
    expect(composeExtractive('Kiểm sát viên nữ nghỉ hưu ở tuổi bao nhiêu?', [age]).text).toContain('55 tuổi');
  });
});

describe('numbering is no count', () => {
  it('does not read the khoản number of "1. Người đứng đầu …" as "1 người"', () => {
    const tcd = { docId: 'luat/tcd.txt', title: 'Luật Tiếp công dân' };
    const head = articleHit(tcd, 'Điều 30. Nhiều người cùng khiếu nại', ['1. Người đứng đầu cơ quan nơi có nhiều người khiếu nại có trách nhiệm cử người đại diện tiếp đại diện của những người khiếu nại.']);
    const rule = articleHit(tcd, 'Điều 29. Nhiều người cùng khiếu nại', ['Trường hợp có từ năm đến mười người thì cử một hoặc hai người đại diện.'], { score: 0.95 });
    const r = composeExtractive('Nhiều người cùng khiếu nại thì cử mấy người đại diện?', [head, rule], { skipAbstention: true });
    expect(r.text).toContain('cử một hoặc hai người đại diện');
    expect(composeExtractive('Nhiều người cùng khiếu nại thì cử mấy người đại diện?', [head]).abstainReason).toBe('missing-count');
  });
});

describe('sums in larger units, and "ngày bao nhiêu"', () => {
  it('reads "bao nhiêu tỷ đồng" as a sum of money', () => {
    const money = countedThing('Tổng kinh phí năm 2024 là bao nhiêu tỷ đồng?')!;
    expect(money.test(' 120 ty dong ')).toBe(true);
    expect(money.test(' 22 muc tieu ')).toBe(false);
  });
  it('abstains on a document date no passage writes', () => {
    const hit: Scored<Chunk> = {
      item: { id: 'q', docId: 'vksnd/qd390.md', text: '- Số, ký hiệu: Quyết định số 390/QĐ-VKSTC.\n- Người ban hành: Viện trưởng VKSND tối cao.', ord: 0, title: 'Quyết định số 390/QĐ-VKSTC về kiện toàn Ban Chỉ đạo', type: 'Quyết định', number: '390/QĐ-VKSTC', heading: 'Thông tin văn bản', locator: 'Thông tin văn bản' },
      score: 1,
    };
    expect(composeExtractive('Quyết định 390/QĐ-VKSTC được ký ban hành ngày bao nhiêu?', [hit]).abstainReason).toBe('missing-number');
  });
});

describe('a number of a thing no counter names', () => {
  it('quotes the piece writing a number of the very thing asked ("857 hồ sơ vụ án dân sự")', () => {
    const news: Scored<Chunk> = {
      item: { id: 'n', docId: 'vksnd/tin.md', text: 'Việc số hóa hồ sơ vụ án hình sự, dân sự, hành chính ít nhất 50%/số lượng vụ án thụ lý kiểm sát.\nHiện hai cấp kiểm sát đã số hóa được 86 hồ sơ vụ án hình sự; 857 hồ sơ vụ án dân sự.', ord: 0, title: 'Tin VKSND tỉnh Y', type: 'Tin tức', heading: 'Chuyển đổi số', locator: 'Chuyển đổi số' },
      score: 1,
    };
    const r = composeExtractive('Đến nay đã số hóa được bao nhiêu hồ sơ vụ án dân sự?', [news], { skipAbstention: true, maxUnits: 1 });
    expect(r.text).toContain('857 hồ sơ vụ án dân sự');
  });
});

describe('a count of a sibling of the thing asked', () => {
  const news = { docId: 'vksnd/tin.md', title: 'Chuyển đổi số tại VKSND tỉnh Y' };
  const hit = articleHit(news, 'Kết quả số hóa', ['Hiện hai cấp kiểm sát tỉnh Y đã số hóa được 86 hồ sơ vụ án hình sự; 857 hồ sơ vụ án dân sự.']);
  it('abstains rather than give the criminal and civil counts for the administrative one', () => {
    expect(composeExtractive('Hai cấp kiểm sát tỉnh Y đã số hóa được bao nhiêu hồ sơ vụ án hành chính?', [hit]).abstainReason).toBe('missing-count');
  });
  it('answers the count of a thing the piece names, or of the thing as a whole', () => {
    expect(composeExtractive('Hai cấp kiểm sát tỉnh Y đã số hóa được bao nhiêu hồ sơ vụ án dân sự?', [hit]).text).toContain('857 hồ sơ vụ án dân sự');
    expect(composeExtractive('Hai cấp kiểm sát tỉnh Y đã số hóa được bao nhiêu hồ sơ vụ án?', [hit]).abstained).toBe(false);
  });
});

describe('a count of people answered by a length of time', () => {
  const law = { docId: 'luat/tcvks.txt', title: 'Luật Tổ chức Viện kiểm sát nhân dân' };
  it('abstains: "Nhiệm kỳ … là 05 năm" counts no Phó Viện trưởng, nor does a reference to "khoản 1 Điều này"', () => {
    const term = articleHit(law, 'Điều 64. Nhiệm kỳ', [
      '3. Nhiệm kỳ của Phó Viện trưởng Viện kiểm sát nhân dân tối cao là 05 năm, kể từ ngày được bổ nhiệm theo khoản 1 Điều này.',
    ]);
    expect(composeExtractive('Viện kiểm sát nhân dân tối cao có bao nhiêu Phó Viện trưởng?', [term]).abstainReason).toBe('missing-count');
  });
  it('answers when a piece counts them, in words of its own', () => {
    const board = articleHit(law, 'Điều 42. Ủy ban kiểm sát', [
      '1. Ủy ban kiểm sát Viện kiểm sát nhân dân tối cao gồm Viện trưởng, các Phó Viện trưởng và từ 03 đến 05 Kiểm sát viên.',
    ]);
    expect(composeExtractive('Ủy ban kiểm sát Viện kiểm sát nhân dân tối cao có bao nhiêu Kiểm sát viên?', [board]).abstained).toBe(false);
  });
});

describe('a share of a whole as the count asked', () => {
  it('answers "bao nhiêu thành viên" with "quá nửa tổng số thành viên"', () => {
    const law = { docId: 'luat/tcvks.txt', title: 'Luật Tổ chức Viện kiểm sát nhân dân' };
    const hit = articleHit(law, 'Điều 47. Ủy ban kiểm sát Viện kiểm sát nhân dân cấp tỉnh', [
      '4. Ủy ban kiểm sát ban hành nghị quyết khi thực hiện thẩm quyền tại khoản 3 Điều này. Nghị quyết của Ủy ban kiểm sát phải được quá nửa tổng số thành viên biểu quyết tán thành.',
    ]);
    const r = composeExtractive('Nghị quyết của Ủy ban kiểm sát cấp tỉnh phải được bao nhiêu thành viên biểu quyết tán thành?', [hit]);
    expect(r.abstained).toBe(false);
    expect(r.text).toContain('quá nửa tổng số thành viên');
  });
});

describe('a year written only by a passage about something else', () => {
  it('is no year the passages hold', () => {
    const law = { docId: 'luat/tcvks.txt', title: 'Luật Tổ chức Viện kiểm sát nhân dân' };
    const exam = articleHit(law, 'Điều 87. Hội đồng thi tuyển Kiểm sát viên', [
      '1. Hội đồng thi tuyển Kiểm sát viên sơ cấp, Kiểm sát viên trung cấp gồm có Chủ tịch là Viện trưởng Viện kiểm sát nhân dân tối cao.',
    ]);
    const news = articleHit({ docId: 'vksnd/tin.md', title: 'Chuyển đổi số tại VKSND tỉnh Y' }, 'Kết quả', [
      'Xác định năm 2024 là năm bứt phá, tiến tới hoàn thành các mục tiêu công nghệ thông tin đến năm 2025.',
    ], { score: 0.5 });
    expect(composeExtractive('Kỳ thi tuyển Kiểm sát viên sơ cấp năm 2025 tổ chức vào thời gian nào?', [exam, news]).abstainReason).toBe('unknown-year');
  });
});

describe('a number of people written out', () => {
  it('answers "bao nhiêu đại diện" with "không quá năm người": "năm" before "người" is five', () => {
    const tcd = { docId: 'luat/tcd.txt', title: 'Luật Tiếp công dân' };
    const hit = articleHit(tcd, 'Điều 30. Tiếp nhiều người cùng khiếu nại về một nội dung', [
      'Trường hợp có trên mười người thì có thể cử thêm người đại diện, nhưng không quá năm người.',
    ]);
    const r = composeExtractive('Trên mười người thì được cử tối đa bao nhiêu đại diện?', [hit], { skipAbstention: false });
    expect(r.abstained).toBe(false);
    expect(r.text).toContain('không quá năm người');
    // A span of years is still no count of people.
    const term = articleHit(tcd, 'Điều 12. Nhiệm kỳ', ['Nhiệm kỳ của đại diện là năm năm.']);
    expect(composeExtractive('Được cử tối đa bao nhiêu đại diện?', [term], { skipAbstention: false }).abstained).toBe(true);
  });
});

describe('a question asking how long', () => {
  it('is asked of the article headed by the time limit more than of its neighbour with the same words', () => {
    const code = { docId: 'luat/bltths.txt', title: 'Bộ luật Tố tụng hình sự' };
    const restart = articleHit(code, 'Điều 149. Phục hồi giải quyết tố giác, tin báo về tội phạm', [
      '2. Trong thời hạn 03 ngày kể từ ngày ra quyết định phục hồi giải quyết tố giác, tin báo về tội phạm, Cơ quan điều tra phải giải quyết theo quy định.',
    ]);
    const limit = articleHit(code, 'Điều 147. Thời hạn, thủ tục giải quyết tố giác, tin báo về tội phạm', [
      '1. Trong thời hạn 20 ngày kể từ ngày nhận được tố giác, tin báo về tội phạm, Cơ quan điều tra phải kiểm tra, xác minh và ra quyết định.',
    ], { score: 0.98 });
    const r = composeExtractive('tố giác, tin báo về tội phạm thì cơ quan điều tra phải giải quyết trong bao nhiêu ngày', [restart, limit]);
    expect(r.citations[0].locator).toBe('Điều 147');
    expect(r.text).toContain('20 ngày');
  });
});

describe('numbers that count nothing', () => {
  it('reads no ordinal ("lần hai") as the amount a question asks, and knows a fine asked far from "bao nhiêu"', () => {
    const kn = { docId: 'luat/kn.txt', title: 'Luật Khiếu nại' };
    const hit = articleHit(kn, 'Điều 18. Thẩm quyền của Chủ tịch Ủy ban nhân dân cấp huyện', [
      '2. Giải quyết khiếu nại lần hai đối với quyết định hành chính của Chủ tịch Ủy ban nhân dân cấp xã.',
    ]);
    const r = composeExtractive('Chủ tịch Ủy ban nhân dân cấp xã được phạt tiền vi phạm hành chính tối đa bao nhiêu?', [hit], { skipAbstention: false });
    expect(r.abstained).toBe(true);
    expect(countedThing('Phạt tiền vi phạm hành chính tối đa là bao nhiêu?')?.test(' phat tien den 5.000.000 dong ')).toBe(true);
  });
});

describe('a count of kinds: "mấy loại / cấp / mức"', () => {
  it('is answered by the number of the noun the classifier stands before, the classifier unwritten', () => {
    const kinds = countedThing('Bí mật nhà nước có mấy loại độ mật?')!;
    expect(kinds.test(' duoc phan loai thanh 03 do mat bao gom ')).toBe(true);
    expect(kinds.test(' gom 03 loai ')).toBe(true);
    expect(kinds.test(' trong thoi han 03 ngay ')).toBe(false);
    // The noun whole: one folded syllable ("do") is many words.
    expect(kinds.test(' quy dinh tai khoan 3 do chinh phu ban hanh ')).toBe(false);
    // A counter that classifies nothing stays itself.
    expect(countedThing('Tạm giữ tối đa mấy ngày?')!.test(' 03 tam giu ')).toBe(false);
  });

  const hit = (lines: string[]) => articleHit({ docId: 'luat/tc.txt', title: 'Luật Tổ chức Viện kiểm sát nhân dân' }, 'Điều 40. Hệ thống Viện kiểm sát nhân dân', lines);
  const levels = ['1. Viện kiểm sát nhân dân tối cao.', '2. Viện kiểm sát nhân dân cấp cao.', '3. Viện kiểm sát nhân dân cấp tỉnh.', '4. Viện kiểm sát nhân dân cấp huyện.'];

  it('takes a list naming the levels as the answer to how many levels there are', () => {
    const r = composeExtractive('Hệ thống Viện kiểm sát nhân dân gồm mấy cấp?', [hit(levels)]);
    expect(r.abstained).toBe(false);
    expect(r.text).toContain('cấp cao');
  });

  it('still abstains on a count of levels the pieces neither write nor list', () => {
    const r = composeExtractive('Hệ thống Viện kiểm sát nhân dân gồm mấy cấp?', [hit(['Viện kiểm sát nhân dân cấp cao có Ủy ban kiểm sát và các viện nghiệp vụ.'])]);
    expect(r.abstained).toBe(true);
  });
});

describe('kinds counted "theo" a criterion, and listed item by item', () => {
  it('reads no preposition as the noun counted', () => {
    const kinds = countedThing('Chữ ký điện tử chia làm mấy loại theo phạm vi sử dụng?')!;
    expect(kinds.test(' 03 theo ')).toBe(false);
    expect(kinds.test(' gom 03 loai ')).toBe(true);
  });
  it('takes items under one lead-in as the answer to how many kinds there are', () => {
    const sig = articleHit({ docId: 'luat/gddt.txt', title: 'Luật Giao dịch điện tử' }, 'Điều 22. Chữ ký điện tử', [
      '1. Chữ ký điện tử được phân loại theo phạm vi sử dụng bao gồm:',
      'a) Chữ ký điện tử chuyên dùng là chữ ký điện tử do cơ quan, tổ chức tạo lập, sử dụng riêng cho hoạt động của cơ quan, tổ chức đó;',
      'b) Chữ ký số công cộng là chữ ký số được sử dụng trong hoạt động công cộng;',
      'c) Chữ ký số chuyên dùng công vụ là chữ ký số được sử dụng trong hoạt động công vụ.',
    ]);
    const r = composeExtractive('Chữ ký điện tử chia làm mấy loại theo phạm vi sử dụng?', [sig]);
    expect(r.abstained).toBe(false);
    expect(r.text).toContain('Chữ ký số công cộng');
  });
});

describe('a count of staff or of cases, not a share of something else', () => {
  const plan = (text: string): Scored<Chunk> => ({
    item: { id: 'p', docId: 'vksnd/soc-trang.md', text, ord: 0, title: 'Chuyển đổi số tại VKSND tỉnh Sóc Trăng', type: 'Khác', heading: 'Triển khai tại VKSND tỉnh Sóc Trăng' },
    score: 1,
  });
  const ask = (q: string, text: string) => composeExtractive(q, [plan(text)]);

  it('reads "đã số hóa" as no "đa số" and "50% số lượng vụ án" as no share of staff', () => {
    const r = ask('VKSND tỉnh Sóc Trăng hiện có tổng cộng bao nhiêu Kiểm sát viên?', 'VKSND tỉnh Sóc Trăng đã số hóa hồ sơ vụ án; Kiểm sát viên số hóa ít nhất 50%/số lượng vụ án thụ lý kiểm sát.');
    expect(r.abstained).toBe(true);
  });

  it('reads "100% văn bản" as no count of cases', () => {
    const r = ask('Năm 2023 VKSND tỉnh Sóc Trăng đã thụ lý bao nhiêu vụ án hình sự?', 'Năm 2023, VKSND tỉnh Sóc Trăng xử lý 100% văn bản và 100% các yêu cầu tương trợ tư pháp về hình sự trên môi trường mạng.');
    expect(r.abstained).toBe(true);
  });

  it('counts a share of the very thing asked ("100% văn bản" for "bao nhiêu văn bản")', () => {
    const r = ask('Theo kế hoạch, bao nhiêu văn bản hành chính được xử lý trên môi trường mạng?', 'Mục tiêu: 100% văn bản hành chính được xử lý trên môi trường mạng.');
    expect(r.abstained).toBe(false);
  });

  it('still counts a share of staff and a number of documents', () => {
    expect(ask('VKSND tỉnh Sóc Trăng có bao nhiêu cán bộ được tập huấn?', 'VKSND tỉnh Sóc Trăng tập huấn cho 80% cán bộ, công chức.').abstained).toBe(false);
    expect(ask('Năm 2023 VKSND tỉnh Sóc Trăng đã thụ lý bao nhiêu văn bản?', 'Năm 2023, VKSND tỉnh Sóc Trăng thụ lý 120 văn bản trên môi trường mạng.').abstained).toBe(false);
  });
});

describe('a fee asked', () => {
  it('not when "bao nhiêu" counts something else after a fee ("… bao nhiêu ngày")', () => {
    expect(countedThing('Nộp lệ phí cấp chứng thư số xong thì bao nhiêu ngày được cấp?')?.test(' trong 05 ngay ')).toBe(true);
  });

  it('asks a sum of money: "Lệ phí … là bao nhiêu?" is answered by an amount, not by any number', () => {
    const money = countedThing('Lệ phí cấp chứng thư chữ ký số chuyên dùng công vụ cho một cá nhân là bao nhiêu?');
    expect(money?.test(' le phi la 500 000 dong ')).toBe(true);
    expect(money?.test(' trong thoi han 05 ngay lam viec ')).toBe(false);
  });
});
