import { describe, expect, it } from 'vitest';
import { asksHowTo, findSteps } from '../../core/answer/steps.js';
import { matchTerms } from '../../core/answer/terms.js';
import type { Chunk, Scored } from '../../core/types.js';

const chunk = (over: Partial<Chunk>): Scored<Chunk> => ({
  item: { id: over.id ?? 'x', docId: 'guide.md', text: '', ord: 0, title: 'Hướng dẫn', type: 'Hướng dẫn', ...over } as Chunk,
  score: 1,
});

const intro = chunk({ id: 'a', ord: 0, heading: 'Hướng dẫn nộp hồ sơ', text: 'Hướng dẫn này tóm tắt cách nộp hồ sơ.' });
const steps1 = chunk({
  id: 'b',
  ord: 1,
  heading: 'Các bước nộp hồ sơ',
  text: '1. **Chuẩn bị.** Kiểm tra giấy tờ tùy thân.\n2. **Điền tờ khai.** Ghi đủ họ tên, địa chỉ vào tờ khai mẫu.',
});
const steps2 = chunk({ id: 'c', ord: 2, heading: 'Các bước nộp hồ sơ', text: '3. **Nộp và nhận phiếu hẹn.** Bộ phận một cửa trả phiếu hẹn.' });
const law = chunk({ id: 'd', ord: 0, docId: 'law.txt', article: '5', heading: 'Điều 5. Hồ sơ', text: '1. Hồ sơ gồm tờ khai.\n2. Bản sao giấy tờ.' });

describe('how-to answers', () => {
  it('recognises how-to questions, not "what/how much" ones', () => {
    expect(asksHowTo('Làm thế nào để nộp hồ sơ?')).toBe(true);
    expect(asksHowTo('cac buoc nop ho so')).toBe(true);
    expect(asksHowTo('Tôi cần làm những bước gì?')).toBe(true);
    expect(asksHowTo('Lệ phí nộp hồ sơ là bao nhiêu?')).toBe(false);
    // "phải làm gì" in a situation asks for the duty a rule sets, not a guide's whole procedure.
    expect(asksHowTo('Em phát hiện thông tin đã cung cấp bị sai thì phải làm gì?')).toBe(false);
    // A guide named as the source asks no procedure; a procedure asked of it still does.
    expect(asksHowTo('Theo hướng dẫn ký số, hình ảnh chữ ký số phải có màu gì?')).toBe(false);
    expect(asksHowTo('Theo hướng dẫn, làm thế nào để ký số văn bản?')).toBe(true);
    expect(asksHowTo('Hướng dẫn ký số văn bản điện tử gồm mấy bước?')).toBe(true);
    // A limit asked "thế nào" is its value; what to do about it is still a procedure.
    expect(asksHowTo('Khiếu nại quyết định kỷ luật thì thời hiệu lần hai thế nào?')).toBe(false);
    expect(asksHowTo('Nhiệm kỳ của Kiểm tra viên ra sao?')).toBe(false);
    // So is a legal property: what a thing is worth in law, not how to do it.
    expect(asksHowTo('Chữ ký số có giá trị pháp lý như thế nào so với chữ ký tay?')).toBe(false);
    expect(asksHowTo('Văn bản điện tử muốn có hiệu lực thì ký số ra sao?')).toBe(true);
    expect(asksHowTo('Văn bản điện tử muốn có giá trị pháp lý thì ký số ra sao?')).toBe(true);
    expect(asksHowTo('Hết thời hạn giải quyết mà chưa xong thì thủ tục gia hạn thế nào?')).toBe(true);
    expect(asksHowTo('Thời hạn tạm giam gia hạn ra sao?')).toBe(true);
    expect(asksHowTo('Thời hạn giải quyết khiếu nại lần đầu thế nào?')).toBe(false);
  });

  it('leaves a question to another guide\'s list that names the task, over steps that only share its words', () => {
    const cases = chunk({
      id: 'k',
      docId: 'ky-so.md',
      heading: 'Các trường hợp liên quan',
      text: '- **In văn bản đã ký số ra giấy để phát hành:** Văn thư in văn bản ra giấy, đóng dấu để tạo bản chính văn bản giấy.\n- **Sao y văn bản giấy sang điện tử:** số hóa và ký số.',
    });
    const drafting = chunk({
      id: 's',
      docId: 'bao-mat.md',
      heading: 'Khi soạn thảo',
      text: '1. **Đề xuất độ mật.** Người soạn thảo văn bản đề xuất độ mật và số lượng bản phát hành.\n2. **Không dùng máy tính nối mạng.** Không soạn văn bản trên máy nối mạng.',
    });
    const q = 'Văn bản đã ký số mà cần in ra giấy để phát hành thì làm sao?';
    expect(findSteps(matchTerms(q), [cases, { ...drafting, score: 0.9 }], () => 1, 900)).toBeUndefined();
    // Its own guide's opening section does not veto a guide's steps.
    expect(findSteps(matchTerms('Làm thế nào để nộp hồ sơ?'), [intro, steps1, steps2], () => 1, 900)).toBeDefined();
  });

  it('leaves a question to the article that holds its rarest word, when the procedure does not', () => {
    const withdraw = chunk({ id: 'w', ord: 0, docId: 'law.txt', article: '33', heading: 'Điều 33. Rút hồ sơ', text: '1. Người nộp có quyền rút hồ sơ trước khi có kết quả; việc rút phải bằng văn bản.' });
    const q = 'Người nộp muốn rút hồ sơ thì làm thế nào?';
    const weight = (t: string) => (t === 'rut' ? 3 : 1);
    expect(findSteps(matchTerms(q), [withdraw, steps1, steps2], weight, 900)).toBeUndefined();
    // Nor when the passage holding it is another section of a guide, among the best three.
    const copy = chunk({ id: 'y', ord: 5, heading: 'Các trường hợp liên quan', text: 'Rút hồ sơ đã nộp: người nộp làm đơn rút hồ sơ gửi bộ phận một cửa.' });
    expect(findSteps(matchTerms(q), [steps1, copy, steps2], weight, 900)).toBeUndefined();
    // "Hướng dẫn tôi …" asks for a procedure: no topic word of its own.
    expect(findSteps(matchTerms('Hướng dẫn tôi nộp hồ sơ'), [steps1, steps2], () => 1, 900)?.chunks.map((c) => c.item.id)).toEqual(['b', 'c']);
    // The article first but without that word: the procedure answers.
    expect(findSteps(matchTerms('Nộp hồ sơ thì làm thế nào?'), [law, steps1, steps2], () => 1, 900)?.chunks.map((c) => c.item.id)).toEqual(['b', 'c']);
  });

  it("leaves a procedure to the law's article whose heading names it, when the guide's steps are for another task", () => {
    const decree = chunk({
      id: 'n',
      docId: 'nd30.txt',
      type: 'Nghị định',
      article: '20',
      heading: 'Điều 20. Trình tự quản lý văn bản đến',
      text: '1. Tiếp nhận văn bản đến.\n2. Đăng ký văn bản đến.\n3. Trình, chuyển giao văn bản đến.',
    });
    const reception = chunk({
      id: 'r',
      docId: 'tiep-dan.md',
      heading: 'Các bước tiếp công dân',
      text: '1. **Đón tiếp.** Yêu cầu người đến nêu rõ họ tên.\n2. **Xử lý.** Phân loại, xử lý đơn của người đến theo quy định.',
    });
    expect(findSteps(matchTerms('Quy trình xử lý văn bản đến'), [decree, reception], () => 1, 900)).toBeUndefined();
    // The guide's own task still gets its steps, whatever article ranks first.
    expect(findSteps(matchTerms('Quy trình tiếp công dân'), [decree, reception], () => 1, 900)?.chunks.map((c) => c.item.id)).toEqual(['r']);
  });

  it("leaves the task to the law's article the retriever ranks first when its heading names the task and the guide's does not", () => {
    const reception = chunk({
      id: 't',
      docId: 'nd30.txt',
      type: 'Nghị định',
      article: '21',
      heading: 'Điều 21. Tiếp nhận văn bản đến',
      text: '1. Đối với văn bản giấy\na) Văn thư cơ quan kiểm tra số lượng, tình trạng bì, nơi gửi.\nb) Văn bản giấy đến phải được bóc bì, đóng dấu "ĐẾN".',
    });
    const signing = chunk({ id: 's', docId: 'ky-so.md', heading: 'Các bước ký số một văn bản điện tử', text: '1. **Soạn thảo.** Văn thư nhận bản thảo văn bản.\n2. **Ký số.** Người có thẩm quyền ký số văn bản giấy đã số hóa.' });
    const weight = (t: string) => ({ giay: 2.5, gui: 2.1, tiep: 1.3 })[t] ?? 1;
    expect(findSteps(matchTerms('Văn thư nhận văn bản giấy gửi đến thì các bước tiếp nhận thế nào?'), [reception, signing], weight, 900)).toBeUndefined();
    // An appendix section of a decree (no article) heading the hits leaves the guide's steps to answer.
    const appendix = chunk({ id: 'p', docId: 'nd30-pl.md', type: 'Nghị định', heading: 'Phụ lục I. Tiếp nhận văn bản giấy gửi đến', text: 'Văn thư tiếp nhận văn bản giấy gửi đến theo mẫu.' });
    expect(findSteps(matchTerms('Văn thư nhận văn bản giấy gửi đến thì các bước tiếp nhận thế nào?'), [appendix, signing], weight, 900)?.chunks.map((c) => c.item.id)).toEqual(['s']);
    // Asked of the guide's own task, the steps answer, whatever article ranks first.
    expect(findSteps(matchTerms('Các bước ký số văn bản thế nào?'), [reception, signing], weight, 900)?.chunks.map((c) => c.item.id)).toEqual(['s']);
  });

  it('leaves the question to the first article when it names every word of that article\'s title', () => {
    const withdraw = chunk({ id: 'w', docId: 'kn.txt', type: 'Luật', article: '10', heading: 'Điều 10. Rút khiếu nại', text: 'Người khiếu nại có thể rút khiếu nại tại bất cứ thời điểm nào; việc rút khiếu nại phải được thực hiện bằng đơn có chữ ký hoặc điểm chỉ của người khiếu nại.' });
    const handling = chunk({ id: 'h', docId: 'kn-guide.md', heading: 'A. Khiếu nại theo Luật Khiếu nại', text: '1. **Kiểm tra thời hiệu.** Thời hiệu khiếu nại là 90 ngày.\n2. **Kiểm tra hình thức đơn.** Đơn phải ghi rõ nội dung khiếu nại.\n3. **Thụ lý.** Người giải quyết thụ lý đơn khiếu nại.' });
    const q = 'Người dân muốn rút đơn khiếu nại thì chỉ cần nói miệng hay phải làm thủ tục gì?';
    expect(findSteps(matchTerms(q), [withdraw, { ...handling, score: 0.9 }], () => 1, 900)).toBeUndefined();
    // Without the title's words, the guide's steps still answer a how-to question on complaints.
    expect(findSteps(matchTerms('Giải quyết đơn khiếu nại theo thủ tục gì?'), [withdraw, { ...handling, score: 0.9 }], () => 1, 900)?.chunks.map((c) => c.item.id)).toEqual(['h']);
  });

  it("gives a law's procedure article as the steps when its heading names all the question asks and its khoản are steps", () => {
    const law = (text: string): Scored<Chunk> =>
      chunk({ id: 'l', docId: 'to-cao.txt', type: 'Luật', article: '28', heading: 'Điều 28. Trình tự giải quyết tố cáo', text: `Điều 28. Trình tự giải quyết tố cáo\n${text}` });
    const reception = chunk({ id: 'r', docId: 'tiep-dan.md', heading: 'Các bước tiếp công dân', text: '1. **Đón tiếp.** Tiếp nhận đơn tố cáo.\n2. **Giải quyết.** Chuyển đơn đến cơ quan giải quyết.' });
    const steps = law('1. Thụ lý tố cáo.\n2. Xác minh nội dung tố cáo.\n3. Kết luận nội dung tố cáo.');
    const found = findSteps(matchTerms('Quy trình giải quyết tố cáo gồm những bước nào?'), [reception, steps], () => 1, 900);
    expect(found?.chunks.map((c) => c.item.id)).toEqual(['l']);
    expect(found?.steps).toEqual(['1. Thụ lý tố cáo.', '2. Xác minh nội dung tố cáo.', '3. Kết luận nội dung tố cáo.']);
    // Items under a khoản would be lost in a one-line-per-step summary: the khoản are quoted instead.
    const items = law('1. Thụ lý tố cáo theo các căn cứ sau đây:\na) Tố cáo có đủ điều kiện;\nb) Thuộc thẩm quyền.\n2. Xác minh nội dung tố cáo.');
    expect(findSteps(matchTerms('Quy trình giải quyết tố cáo gồm những bước nào?'), [reception, items], () => 1, 900)).toBeUndefined();
  });

  it('reads "chậm nhất đến lúc nào" as asking a time, no words of the topic', () => {
    expect(matchTerms('Muốn rút tố cáo thì chậm nhất đến lúc nào?').map((t) => t.term)).not.toContain('cham');
    expect(matchTerms('Phải cung cấp thông tin chậm nhất mấy ngày?').map((t) => t.term)).toContain('cham');
    // "phải làm gì / làm những gì" asks what to do, as "làm thế nào" asks how.
    expect(matchTerms('Nhận được đơn thì em cần làm những gì?').map((t) => t.term)).not.toContain('lam');
    expect(matchTerms('Giờ làm việc của bộ phận tiếp dân').map((t) => t.term)).toContain('lam');
    // "rồi mới phát hiện" (only then): no topic; typed without accents it may be "mồi", "mỗi".
    expect(matchTerms('Văn bản đã phát hành rồi mới phát hiện sai thể thức').map((t) => t.term)).not.toContain('moi');
    // "ngay tại" (right at) is no "ngày" (day).
    expect(matchTerms('Hỏi cung bị can ngay tại trại tạm giam có phải ghi âm không?').map((t) => t.term)).not.toContain('ngay');
    expect(matchTerms('Trong thời hạn 03 ngày').map((t) => t.term)).toContain('ngay');
    // "Tiếp công dân xong thì …" (once done): the rarest word of the question, and no topic.
    expect(matchTerms('Tiếp công dân xong thì trong bao lâu phải trả lời?').map((t) => t.term)).not.toContain('xong');
    // "giờ em phải làm gì" (now), not an hour.
    expect(matchTerms('Tài liệu mật bị mất, giờ em phải làm gì ạ?').map((t) => t.term)).not.toContain('gio');
    expect(matchTerms('Người dân đã nộp đơn khiếu nại, giờ muốn rút lại thì có được không?').map((t) => t.term)).not.toContain('gio');
    expect(matchTerms('Đã xin 2 lần rồi giờ lại xin tiếp').map((t) => t.term)).not.toContain('gio');
    expect(matchTerms('Tạm giữ trong 24 giờ').map((t) => t.term)).toContain('gio');
    expect(matchTerms('Tạm giữ quá 24 giờ phải thả người không?').map((t) => t.term)).toContain('gio');
    expect(matchTerms('Sau 24 giờ mới được gia hạn à?').map((t) => t.term)).toContain('gio');
    // "chuyển đi" (moved away): a direction; "văn bản đi" (outgoing documents): a term.
    expect(matchTerms('Đơn đã được thụ lý hay đã chuyển đi?').map((t) => t.term)).not.toContain('di');
    expect(matchTerms('Văn bản đi phải đăng ký thế nào?').map((t) => t.term)).toContain('di');
    expect(matchTerms('Đi dự cuộc họp có nội dung mật thì được mang điện thoại không?').map((t) => t.term)).not.toContain('di');
    // "dù" (even if) is no "dữ" of "dữ liệu".
    expect(matchTerms('Thông điệp dữ liệu dù được nhận ở đâu thì coi là nhận ở đâu?').filter((t) => t.term === 'du')).toHaveLength(1);
  });

  it('reads "được <làm> thế nào" as asking how a thing is, unless it must be done or a procedure is named', () => {
    expect(asksHowTo('Hình ảnh chữ ký số của cơ quan được trình bày thế nào?')).toBe(false);
    expect(asksHowTo('Thời hạn được tính như thế nào?')).toBe(false);
    expect(asksHowTo('Tài liệu mật phải được bảo quản như thế nào?')).toBe(true);
    expect(asksHowTo('Thủ tục ký số được thực hiện thế nào?')).toBe(true);
    expect(asksHowTo('Ký số văn bản thế nào?')).toBe(true);
  });

  it('quotes the numbered steps of the matching section, across its chunks, in order — not the intro or a law khoản', () => {
    const q = 'Các bước nộp hồ sơ như thế nào?';
    const found = findSteps(matchTerms(q), [intro, law, steps2, steps1], () => 1, 900);
    expect(found?.chunks.map((c) => c.item.id)).toEqual(['b', 'c']);
    expect(found?.steps.map((s) => s.slice(0, 2))).toEqual(['1.', '2.', '3.']);
    expect(found?.steps[1]).toContain('Ghi đủ họ tên');
  });

  it('finds nothing when no hit is a numbered procedure', () => {
    expect(findSteps(matchTerms('Làm thế nào để nộp hồ sơ?'), [intro, law], () => 1, 900)).toBeUndefined();
  });

  it('takes no steps from the numbered items of a decree\'s appendix: they are provisions', () => {
    const appendix = chunk({
      id: 'p',
      docId: 'nghi-dinh/phu-luc.md',
      type: 'Nghị định',
      heading: 'Phụ lục VI, III. YÊU CẦU CHỨC NĂNG CỦA HỆ THỐNG',
      text: '1. Đối với việc tạo lập và xử lý hồ sơ\n2. Đối với việc nộp hồ sơ lên Hệ thống',
    });
    expect(findSteps(matchTerms('Hồ sơ được xử lý như thế nào?'), [appendix, intro], () => 1, 900)).toBeUndefined();
    expect(findSteps(matchTerms('Hồ sơ được xử lý như thế nào?'), [{ ...appendix, item: { ...appendix.item, type: 'Hướng dẫn' } }], () => 1, 900)).toBeDefined();
  });

  it('takes no steps from a passage the retriever ranks far below the best one', () => {
    const q = 'Việc nộp hồ sơ thực hiện thế nào?';
    const strong = { ...chunk({ id: 'n', docId: 'notice.md', heading: 'Thông báo nộp hồ sơ', text: 'Hồ sơ nộp tập trung tại Văn phòng trước ngày 14/02/2026.' }), score: 1.2 };
    const weak = { ...steps1, score: 0.15 };
    expect(findSteps(matchTerms(q), [strong, weak], () => 1, 1200)).toBeUndefined();
    expect(findSteps(matchTerms(q), [strong, { ...steps1, score: 1 }], () => 1, 1200)?.chunks.map((h) => h.item.id)).toEqual(['b']);
  });
});

describe('choosing among procedures', () => {
  it('goes by what the procedure is for, not by the words that ask for one', () => {
    const reception = chunk({
      id: 'r', docId: 'tiep-cong-dan.md', heading: 'Các bước tiếp công dân',
      text: '1. **Chuẩn bị.** Người tiếp công dân đeo thẻ công chức.\n2. **Lắng nghe, ghi sổ.** Ghi nội dung khiếu nại, tố cáo, kiến nghị vào sổ.\n3. **Phân loại, chuyển đơn.** Đơn khiếu nại không thuộc thẩm quyền thì hướng dẫn người khiếu nại.',
    });
    const complaints = chunk({
      id: 'k', docId: 'khieu-nai.md', heading: 'A. Khiếu nại theo Luật Khiếu nại',
      text: '1. **Kiểm tra thời hiệu.** Thời hiệu khiếu nại là 90 ngày.\n2. **Thụ lý trong 10 ngày.** Người giải quyết khiếu nại lần đầu phải thụ lý đơn.\n3. **Giải quyết lần đầu.** Không quá 30 ngày kể từ ngày thụ lý.',
    });
    for (const q of ['Quy trình giải quyết đơn khiếu nại gồm những bước nào?', 'thu tuc giai quyet don khieu nai']) {
      const found = findSteps(matchTerms(q), [reception, complaints], () => 1, 1300);
      expect(found?.chunks.map((h) => h.item.id), q).toEqual(['k']);
    }
  });
});

describe('a how-to question about one case of a procedure', () => {
  const long = 'Văn thư kiểm tra thể thức, hình thức, kỹ thuật trình bày và ghi số, ngày, tháng, năm của văn bản trước khi phát hành theo quy định.';
  const signing = chunk({
    id: 'k',
    heading: 'Các bước ký số một văn bản',
    text: [
      `1. **Soạn thảo.** Người được giao soạn thảo đưa bản thảo lên Hệ thống. ${long}`,
      `2. **Duyệt.** Người có thẩm quyền duyệt bản thảo. ${long}`,
      `3. **Ký số.** Người có thẩm quyền ký số văn bản. ${long}`,
      `4. **Văn bản kèm theo.** ${long} Phụ lục không cùng tệp tin: văn thư ký số của cơ quan trên từng tệp tin kèm theo, ở góc trên bên phải trang đầu.`,
      `5. **Phát hành.** Văn thư phát hành văn bản qua Hệ thống. ${long}`,
    ].join('\n'),
  });

  it('reads the step the question singles out whole, where it says so, and the others in a line', () => {
    const found = findSteps(matchTerms('Phụ lục không cùng tệp tin thì ký số thế nào?'), [signing], () => 1, 700)!;
    expect(found.steps).toHaveLength(5);
    expect(found.steps[3]).toMatch(/^4\. Văn bản kèm theo\. Phụ lục không cùng tệp tin: văn thư ký số của cơ quan trên từng tệp tin kèm theo/);
    // The procedure asked as a whole: every step alike.
    const whole = findSteps(matchTerms('Các bước ký số một văn bản thế nào?'), [signing], () => 1, 700)!;
    expect(whole.steps.every((s) => !s.includes('từng tệp tin'))).toBe(true);
  });
});

describe('a step too long for its share of the answer', () => {
  it('keeps the start of its text after its number, never the number alone', () => {
    const long = 'Viện trưởng Viện kiểm sát nhân dân cấp huyện giải quyết tố cáo đối với công chức do mình quản lý trực tiếp theo quy định tại Điều 15 Luật Tố cáo và báo cáo kết quả giải quyết về Viện kiểm sát nhân dân cấp tỉnh';
    const many = chunk({
      id: 'm',
      heading: 'Các bước nộp hồ sơ',
      text: ['1. **Chuẩn bị.** Kiểm tra giấy tờ tùy thân.', '2. **Điền tờ khai.** Ghi đủ họ tên.', `3. ${long}.`].join('\n'),
    });
    const found = findSteps(matchTerms('Các bước nộp hồ sơ?'), [many], () => 1, 300)!;
    const third = found.steps.find((s) => s.startsWith('3.'))!;
    expect(third).toMatch(/^3\. Viện trưởng Viện kiểm sát .* …$/u);
  });
});

describe('"thế nào là …" asks what a term means', () => {
  it('is no how-to question', () => {
    expect(asksHowTo('Theo luật khiếu nại thì thế nào là quyết định hành chính?')).toBe(false);
    expect(asksHowTo('Thế nào được coi là tấn công mạng?')).toBe(false);
    expect(asksHowTo('Khiếu nại quyết định hành chính thế nào?')).toBe(true);
  });
  it('nor is how a thing is written ("viết tắt / viết hoa / trình bày thế nào"), unless a procedure is asked for', () => {
    expect(asksHowTo('Tờ trình viết tắt thế nào trong số, ký hiệu văn bản?')).toBe(false);
    expect(asksHowTo('Tên các ngày lễ viết hoa như thế nào?')).toBe(false);
    expect(asksHowTo('Quốc hiệu trình bày ra sao?')).toBe(false);
    expect(asksHowTo('Hướng dẫn tôi trình bày một công văn đúng thể thức')).toBe(true);
    expect(asksHowTo('Làm thế nào để trình bày văn bản đúng thể thức?')).toBe(true);
  });
});
