import { describe, expect, it } from 'vitest';
import { composeExtractive } from '../../core/answer/compose.js';
import { decideAbstention, delegatedTo, missingTopic, termMatch, unknownPlace, unknownTitle, unknownYear } from '../../core/answer/abstain.js';
import { contentTerms, indexTerms, matchTerms, questionTerms, settingLength } from '../../core/answer/terms.js';
import { passageIndex } from '../../core/retrieval/passage-index.js';
import type { Chunk, Scored } from '../../core/types.js';
import { rank, seedPlan2024, seedSocTrang, toCao, vksnd } from './fixtures.js';

const kb = [...toCao(), ...vksnd(), ...seedPlan2024(), ...seedSocTrang()];
const decide = (q: string) => decideAbstention(q, rank(q, kb));

describe('decideAbstention', () => {
  it.each([
    'Thời tiết Sóc Trăng hôm nay?',
    'Học phí đại học năm nay là bao nhiêu?',
    'Kết quả trận bóng đá Việt Nam gặp Thái Lan tối qua?',
    'Cách nấu phở bò ngon?',
    'Giá cổ phiếu VNM hôm nay bao nhiêu?',
    'Mức phạt khi vượt đèn đỏ là bao nhiêu?',
    'hoc phi dai hoc la bao nhieu',
  ])('abstains on an off-topic question: %s', (q) => {
    expect(decide(q).abstain).toBe(true);
  });

  it.each([
    'Thời hạn giải quyết tố cáo là bao lâu?',
    'Người tố cáo có những quyền gì?',
    'Viện kiểm sát nhân dân cấp tỉnh có những đơn vị nào?',
    'Kế hoạch chuyển đổi số năm 2024 có bao nhiêu mục tiêu cụ thể?',
    'VKSND Sóc Trăng đã làm gì để chuyển đổi số?',
    'nguoi to cao co nhung quyen gi',
    'Kế hoạch 221 về chuyển đổi số ban hành ngày nào?',
  ])('answers an in-scope question: %s', (q) => {
    expect(decide(q)).toMatchObject({ abstain: false });
  });

  it('abstains when the question names a document number the hits do not carry', () => {
    const d = decide('Nghị định 100/2019/NĐ-CP quy định thời hạn giải quyết tố cáo thế nào?');
    expect(d).toMatchObject({ abstain: true, reason: 'unknown-document' });
    expect(d.unknownDocuments).toEqual(['100/2019/NĐ-CP']);
  });

  it('abstains on low retriever coverage, and the threshold is an option', () => {
    const hits = rank('Thời hạn giải quyết tố cáo?', kb).map((h) => ({ ...h, coverage: 0.2 }));
    const strict = { trustTermMatch: 1.01 };
    expect(decideAbstention('Thời hạn giải quyết tố cáo?', hits, strict)).toMatchObject({ abstain: true, reason: 'low-coverage' });
    expect(decideAbstention('Thời hạn giải quyết tố cáo?', hits, { ...strict, minCoverage: 0.1 }).abstain).toBe(false);
  });

  it('does not abstain on low retriever coverage when every word of the question is in one passage', () => {
    // The retriever's coverage does not read acronyms; the term match does.
    const hits = rank('Thời hạn giải quyết tố cáo?', kb).map((h) => ({ ...h, coverage: 0.2 }));
    expect(decideAbstention('Thời hạn giải quyết tố cáo?', hits).abstain).toBe(false);
  });

  it('reads acronyms by the initials of the words a passage spells out', () => {
    const idx = passageIndex('Luật Bảo vệ bí mật nhà nước quy định thời hạn bảo vệ.');
    expect(termMatch(matchTerms('Luật BVBMNN quy định thời hạn?'), idx)).toBe(1);
    expect(termMatch(matchTerms('Luật BVTE quy định thời hạn?'), idx)).toBeLessThan(1);
  });

  it('matches a document number written in parts, with or without its abbreviations expanded', () => {
    const idx = passageIndex('- Số, ký hiệu: Chỉ thị số 01/CT-VKSTC. - Ngày ban hành: 18/12/2023.');
    expect(termMatch(matchTerms('chi thi 01 ct vkstc ban hanh ngay nao'), idx)).toBeGreaterThan(0.9);
    expect(termMatch(matchTerms('CT 02/CT-VKSTC'), idx)).toBeLessThan(1);
  });

  it('does not read a word across a more frequent one ("người yêu" in "người yêu cầu ... theo yêu cầu")', () => {
    const idx = passageIndex('Người yêu cầu cung cấp thông tin nộp phiếu yêu cầu; cơ quan xử lý yêu cầu.');
    expect(termMatch(matchTerms('có người yêu chưa'), idx)).toBe(0);
    expect(termMatch(matchTerms('người yêu cầu cung cấp thông tin'), idx)).toBe(1);
  });

  it('finds a missing topic compound only when one of its syllables is in no retrieved passage', () => {
    const best = passageIndex('Khi đăng ký bào chữa, người bào chữa phải xuất trình các giấy tờ.');
    const terms = matchTerms('Đăng ký kết hôn cần những giấy tờ gì?');
    expect(missingTopic(terms, best, passageIndex('đăng ký bào chữa; ký kết hợp đồng; giấy tờ'))).toBe('ket hon');
    expect(missingTopic(terms, best, passageIndex('đăng ký kết hôn; giấy tờ'))).toBeUndefined();
  });

  it("takes a missing compound that weighs little in a long question for a detail in the asker's words, not its topic", () => {
    const rule = passageIndex('Mỗi lần hỏi cung người bị buộc tội là người dưới 18 tuổi không quá 02 giờ, một ngày không được hỏi cung quá 02 lần.');
    const long = matchTerms('Hỏi cung bị can dưới 18 tuổi thì mỗi ngày được hỏi mấy lần và mỗi lần kéo dài bao lâu?');
    expect(missingTopic(long, rule, rule)).toBeUndefined();
    // The same words as most of a short question are what it asks about.
    expect(missingTopic(matchTerms('Hỏi cung kéo dài thì sao?'), rule, rule)).toBe('keo dai');
  });

  it("weighs a missing compound against the question's other words, each once and without the procuracy's own name", () => {
    const rule = passageIndex('Người bị tạm giữ được thông báo, giải thích quyền và nghĩa vụ.');
    const q = matchTerms('Kiểm sát viên Viện kiểm sát nhân dân tối cao có được kết hôn với người bị tạm giữ không?');
    expect(missingTopic(q, rule, rule)).toBe('ket hon');
  });

  it("takes the procuracy's own name for where the asker works, not a missing topic; another body's name stays a topic", () => {
    const guide = passageIndex('Người có thẩm quyền ký văn bản thực hiện ký số trên Hệ thống quản lý văn bản và điều hành.');
    expect(missingTopic(matchTerms('Ai được ký số văn bản của Viện kiểm sát?'), guide, guide)).toBeUndefined();
    expect(missingTopic(matchTerms('Ai được ký số văn bản trong ngành Kiểm sát nhân dân?'), guide, guide)).toBeUndefined();
    expect(missingTopic(matchTerms('Ai được ký số văn bản của Tòa án nhân dân?'), guide, guide)).toBe('toa an nhan dan');
  });

  it('takes "thủ tục", "quy trình" for asking a procedure, not a missing topic; a named procedure stays one', () => {
    const rule = passageIndex('Tiêu hủy tài liệu, vật chứa bí mật nhà nước khi không cần thiết phải lưu giữ; người có thẩm quyền quyết định tiêu hủy.');
    expect(missingTopic(matchTerms('Thủ tục tiêu hủy tài liệu bí mật nhà nước thế nào?'), rule, rule)).toBeUndefined();
    expect(missingTopic(matchTerms('Thủ tục rút gọn tiêu hủy tài liệu bí mật nhà nước thế nào?'), rule, rule)).toBe('thu tuc rut gon');
  });

  it('finds a year wherever the passage writes it: a year forms no word with its neighbours', () => {
    const terms = matchTerms('Luật giao dịch điện tử 2023 bắt đầu có hiệu lực từ ngày nào?');
    const idx = passageIndex('Luật Giao dịch điện tử số 20/2023/QH15. Luật này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2024.');
    const year = terms.findIndex((t) => t.term === '2023');
    expect(year).toBeGreaterThanOrEqual(0);
    const without = terms.filter((_, i) => i !== year);
    // The year adds its weight to the match: it is found, though "2023 bắt" is no word of the passage.
    expect(termMatch(terms, idx)).toBeGreaterThan(termMatch(without, idx) * 0.999);
  });

  it('matches two-syllable words, not stray syllables ("thời tiết" is not "thời hạn ... chi tiết")', () => {
    const terms = contentTerms('thời tiết');
    expect(termMatch(terms, indexTerms('Thời hạn giải quyết; Chính phủ quy định chi tiết Điều này.'))).toBe(0);
    expect(termMatch(terms, indexTerms('Dự báo thời tiết ngày mai.'))).toBe(1);
  });
});

describe('laws named by title', () => {
  const titles = ['Bộ luật Tố tụng hình sự', 'Luật An ninh mạng', 'Luật Bảo vệ bí mật nhà nước', 'Luật Khiếu nại', 'Luật Tổ chức Viện kiểm sát nhân dân', 'Nghị định về công tác văn thư'];
  it.each([
    ['Tội trộm cắp tài sản theo Bộ luật Hình sự bị phạt bao nhiêu năm tù?', 'Bộ luật Hình sự'],
    ['Theo Luật Tố tụng hành chính, thời hiệu khởi kiện là bao lâu?', 'Luật Tố tụng hành chính'],
    ['Luật Cán bộ, công chức quy định gì về kỷ luật?', 'Luật Cán bộ'],
    ['luat vien chuc quy dinh gi', 'luat vien chuc'],
    ['Luật Hôn nhân và gia đình quy định gì?', 'Luật Hôn nhân'],
    ['Theo BLTTDS 2015, thời hạn chuẩn bị xét xử vụ án ly hôn là bao lâu?', 'BLTTDS'],
    ['BLHS quy định tội trộm cắp thế nào?', 'BLHS'],
  ])('finds the law "%s" names outside the knowledge base, as it wrote it', (q, law) => {
    expect(unknownTitle(q, titles)?.written).toBe(law);
  });
  it.each([
    'Luật Tổ chức VKSND có hiệu lực khi nào?',
    'Luật BVBMNN quy định gì về độ mật?',
    'Bộ luật TTHS quy định thời hạn tạm giữ thế nào?',
    'luat to tung hinh su quy dinh gi ve tam giu',
    'Luật An ninh mạng định nghĩa tội phạm mạng như thế nào?',
    'Luật sư có quyền gì khi bào chữa?',
    'Công chức bị kỷ luật thì khiếu nại lần hai trong bao nhiêu ngày?',
    'Nếu luật chuyên ngành chưa quy định thì sao?',
    'Theo BLTTHS, thời hạn tạm giữ là bao lâu?',
    // "luật" as "the law" in general, followed by what it does: no title.
    'Khi luật chưa quy định thời điểm công khai thì phải công khai chậm nhất bao lâu?',
    'Trường hợp luật cũng không nói rõ thì áp dụng thế nào?',
  ])('knows "%s"', (q) => {
    expect(unknownTitle(q, titles)).toBeUndefined();
  });
  it('tells back only a name that is a whole title', () => {
    expect(unknownTitle('Bộ luật Hình sự quy định gì?', titles)?.named).toBe(true);
    expect(unknownTitle('Luật Hôn nhân và gia đình quy định gì?', titles)?.named).toBe(false);
    expect(unknownTitle('Có được áp dụng luật quốc tế không?', titles)?.named).toBe(false);
  });
  it('abstains on a law not held when told the titles held', () => {
    const q = 'Theo Luật Tố tụng hành chính, thời hiệu khởi kiện là bao lâu?';
    expect(decideAbstention(q, rank(q, kb), { knownTitles: titles }).reason).toBe('unknown-title');
  });
});

describe('a kind of document none held is', () => {
  const decree = (text: string): Scored<Chunk> => ({ item: { id: 'd', docId: 'nd/26.txt', text, ord: 0, title: 'Nghị định 26/2020/NĐ-CP', type: 'Nghị định' }, score: 1 });
  const hits = [decree('Điều 2. Mẫu dấu chỉ độ mật\n3. Bộ Công an quy định mẫu dấu chỉ độ mật, mẫu văn bản xác định độ mật.')];
  const held = ['Nghị định 26/2020/NĐ-CP', 'Luật Bảo vệ bí mật nhà nước'];
  it('abstains when the question takes a Thông tư as its source and no passage mentions one', () => {
    expect(decideAbstention('Thông tư của Bộ Công an quy định dấu chỉ độ mật có kích thước bao nhiêu?', hits, { knownTitles: held }).reason).toBe('unknown-title');
    expect(decideAbstention('Mẫu dấu chỉ độ mật ban hành kèm theo thông tư số mấy?', hits, { knownTitles: held }).reason).toBe('unknown-title');
  });
  it('reads a Thông tư asked about (its layout, its number) as no source', () => {
    for (const q of ['Số ký hiệu văn bản của thông tư ghi thế nào?', 'Thông tư có phải ghi số ký hiệu văn bản không?', 'Theo thông tư hoặc nghị định nào thì văn bản phải ghi số ký hiệu?']) {
      expect(decideAbstention(q, hits, { knownTitles: held }).reason, q).not.toBe('unknown-title');
    }
  });

  it('answers when a Thông tư is held, or a passage names it', () => {
    expect(decideAbstention('Thông tư của Bộ Công an quy định mẫu dấu chỉ độ mật thế nào?', hits, { knownTitles: [...held, 'Thông tư 24/2020/TT-BCA'] }).reason).not.toBe('unknown-title');
    const naming = [decree('Điều 2. Mẫu dấu chỉ độ mật\n3. Mẫu dấu chỉ độ mật theo Thông tư 24/2020/TT-BCA của Bộ Công an.')];
    expect(decideAbstention('Thông tư của Bộ Công an quy định mẫu dấu chỉ độ mật thế nào?', naming, { knownTitles: held }).reason).not.toBe('unknown-title');
  });
});

describe('the penalty of a named crime', () => {
  const procedure: Scored<Chunk> = { item: { id: 'p', docId: 'luat/bltths.txt', text: 'Điều 76. Chỉ định người bào chữa\n1. Bị can, bị cáo về tội mà khung hình phạt cao nhất là 20 năm tù …', ord: 0, title: 'Bộ luật Tố tụng hình sự', type: 'Bộ luật' }, score: 1 };
  const held = ['Bộ luật Tố tụng hình sự', 'Luật Tố cáo'];
  it('is the Penal Code\'s, which is named when not held', () => {
    for (const q of ['Tội nhận hối lộ có khung hình phạt cao nhất là gì?', 'Em trai tôi bị bắt về tội trộm cắp tài sản, có thể bị tuyên mấy năm tù?', 'toi lam lo bi mat nha nuoc bi phat tu bao nhieu nam']) {
      const d = decideAbstention(q, [procedure], { knownTitles: held });
      expect(d.reason, q).toBe('unknown-title');
      expect(d.unknownDocuments).toEqual(['Bộ luật Hình sự']);
    }
    // Held, it answers.
    expect(decideAbstention('Tội nhận hối lộ có khung hình phạt cao nhất là gì?', [procedure], { knownTitles: [...held, 'Bộ luật Hình sự'] }).reason).not.toBe('unknown-title');
  });
  it('is not read into "Tôi" (I), which folds like "tội"', () => {
    expect(decideAbstention('Tôi để lộ tài liệu mật thì bị xử lý thế nào?', [procedure], { knownTitles: held }).reason).not.toBe('unknown-title');
  });

  it('is no procedure asked of a class of crimes', () => {
    for (const q of ['Bị can bị truy tố về tội có khung hình phạt cao nhất là 20 năm tù thì có bắt buộc chỉ định người bào chữa không?', 'Tội phạm rất nghiêm trọng có khung hình phạt cao nhất là bao nhiêu năm tù?', 'Người bị tạm giữ về tội trộm cắp được gia hạn tạm giữ mấy lần?']) {
      expect(decideAbstention(q, [procedure], { knownTitles: held }).reason, q).not.toBe('unknown-title');
    }
  });
});

describe('saying which document is missing', () => {
  it('names the document number or law the knowledge base does not hold', () => {
    const q1 = 'Nghị định 100/2019/NĐ-CP quy định mức phạt vượt đèn đỏ là bao nhiêu?';
    const r1 = composeExtractive(q1, rank(q1, kb));
    expect(r1.abstained).toBe(true);
    expect(r1.text).toContain('«100/2019/NĐ-CP» chưa có');
    const q2 = 'Theo Bộ luật Hình sự, tội trộm cắp tài sản bị phạt bao nhiêu năm tù?';
    const r2 = composeExtractive(q2, rank(q2, kb), { abstain: { knownTitles: ['Luật Tố cáo', 'Luật Tổ chức Viện kiểm sát nhân dân'] } });
    expect(r2.abstainReason).toBe('unknown-title');
    expect(r2.text).toContain('«Bộ luật Hình sự» chưa có');
  });
});

describe('places the passages do not write', () => {
  const news = (text: string): Scored<Chunk> => ({ item: { id: 'n', docId: 'vksnd/tin.md', text, ord: 0, title: 'Tin VKSND tỉnh Sóc Trăng', type: 'Tin tức' }, score: 1 });
  const hits = [news('VKSND tỉnh Sóc Trăng đã số hóa được 86 hồ sơ vụ án hình sự trong năm 2024.')];
  it('finds a place a fact is asked of that no passage writes', () => {
    expect(unknownPlace('Năm 2024 VKSND tỉnh An Giang đã số hóa được bao nhiêu hồ sơ?', hits)).toBe('An Giang');
    expect(unknownPlace('Viện trưởng VKSND huyện Mỹ Tú hiện nay là ai?', hits)).toBe('Mỹ Tú');
    expect(decideAbstention('Năm 2024 VKSND tỉnh An Giang đã số hóa được bao nhiêu hồ sơ?', hits).reason).toBe('unknown-place');
  });
  it('knows a place the passages write, and a procedure asked with a place', () => {
    expect(unknownPlace('VKSND tỉnh Sóc Trăng đã số hóa được bao nhiêu hồ sơ vụ án hình sự?', hits)).toBeUndefined();
    expect(unknownPlace('Thủ tục tiếp công dân tại VKSND tỉnh An Giang như thế nào?', hits)).toBeUndefined();
  });
  it('knows a province typed without capitals or accents by its name', () => {
    expect(unknownPlace('vksnd tp ha noi da so hoa duoc bao nhieu ho so', hits)).toBe('ha noi');
    expect(unknownPlace('vks thành phố hồ chí minh số hóa được bao nhiêu hồ sơ?', hits)).toBe('ho chi minh');
    expect(unknownPlace('vksnd tinh soc trang da so hoa duoc bao nhieu ho so', hits)).toBeUndefined();
    // A name only counts after a unit or an institution: "05 năm định kỳ" is no Nam Định.
    expect(unknownPlace('sau bao nhieu nam dinh ky phai kiem tra', hits)).toBeUndefined();
  });
});

describe('documents numbered but not held', () => {
  const note: Scored<Chunk> = {
    item: { id: 'g', docId: 'huong-dan/bmnn.md', text: 'Lưu ý: có nguồn cho biết Luật số 117/2025/QH15 thay thế Luật 29/2018/QH14; thời hạn bảo vệ độ Tối mật là 20 năm.', ord: 0, title: 'Hướng dẫn bảo vệ bí mật nhà nước', type: 'Hướng dẫn' },
    score: 1,
    coverage: 0.9,
  };
  const q = 'Luật số 117/2025/QH15 quy định thời hạn bảo vệ độ Tối mật là bao nhiêu năm?';
  it('abstains on a full number no indexed document carries, though a passage mentions it', () => {
    const d = decideAbstention(q, [note], { knownNumbers: new Set(['29/2018/QH14']) });
    expect(d.reason).toBe('unknown-document');
    expect(d.unknownDocuments).toEqual(['117/2025/QH15']);
  });
  it('answers when the number is one of the documents held, or when no list is given', () => {
    expect(decideAbstention(q, [note], { knownNumbers: new Set(['117/2025/QH15', '29/2018/QH14']) }).reason).not.toBe('unknown-document');
    expect(decideAbstention(q, [note]).reason).not.toBe('unknown-document');
  });
});

describe('a question the passages hand over to a law not held', () => {
  const titles = ['Bộ luật Tố tụng hình sự', 'Luật Khiếu nại'];
  const piece = '1. Tái thẩm theo hướng không có lợi cho người bị kết án chỉ được thực hiện trong thời hiệu truy cứu trách nhiệm hình sự quy định tại Điều 27 của Bộ luật hình sự và thời hạn kháng nghị không được quá 01 năm.';

  it('names the law the passage refers the asked matter to', () => {
    expect(delegatedTo('Thời hiệu truy cứu trách nhiệm hình sự đối với tội rất nghiêm trọng là bao nhiêu năm?', piece, titles)).toBe('bo luat hinh su');
    expect(delegatedTo('Thời hiệu khởi kiện vụ án hành chính là bao lâu?', 'thì có quyền khởi kiện vụ án hành chính tại Tòa án theo quy định của Luật tố tụng hành chính.', titles)).toBe('luat to tung hanh chinh');
  });

  it('is silent when the reference is about something else, or to a law held', () => {
    // The piece answers the time limit for a kháng nghị itself; the reference is about the thời hiệu.
    expect(delegatedTo('Thời hạn kháng nghị tái thẩm theo hướng không có lợi là bao lâu?', piece, titles)).toBeUndefined();
    expect(delegatedTo('Thời hạn khiếu nại lần hai là bao lâu?', 'thời hạn khiếu nại lần hai theo quy định của Luật Khiếu nại', titles)).toBeUndefined();
  });

  it('is silent when the passage names the kind asked and cites the law only for its details', () => {
    const duty = 'b) Phiên dịch, dịch thuật trung thực. Nếu phiên dịch, dịch thuật gian dối thì người phiên dịch phải chịu trách nhiệm hình sự theo quy định của Bộ luật hình sự;';
    expect(delegatedTo('Người phiên dịch dịch gian dối thì phải chịu trách nhiệm gì?', duty, titles)).toBeUndefined();
    // Asked how, not which kind: the details are the other law's.
    expect(delegatedTo('Người phiên dịch dịch gian dối thì phải chịu trách nhiệm hình sự như thế nào?', duty, titles)).toBe('bo luat hinh su');
  });

  it('abstains saying which law is missing', () => {
    const hit = { item: { id: 'a', docId: 'luat/bltths.txt', text: piece, ord: 0, title: 'Bộ luật Tố tụng hình sự', type: 'Bộ luật' as const, article: '401', locator: 'Điều 401', heading: 'Điều 401. Thời hạn kháng nghị theo thủ tục tái thẩm' }, score: 1 };
    const r = composeExtractive('Thời hiệu truy cứu trách nhiệm hình sự đối với tội rất nghiêm trọng là bao nhiêu năm?', [hit], { abstain: { knownTitles: titles } });
    expect(r.abstained).toBe(true);
    expect(r.text).toContain('Bộ luật hình sự');
  });
});

describe('a story told before the question', () => {
  const refusal = {
    item: {
      id: 'tcd9', docId: 'luat/tcd.txt', ord: 0, title: 'Luật Tiếp công dân', type: 'Luật' as const, article: '9', locator: 'Điều 9', heading: 'Điều 9. Các trường hợp từ chối tiếp công dân',
      text: 'Người tiếp công dân được từ chối tiếp người đến nơi tiếp công dân trong các trường hợp sau đây:\na) Người trong tình trạng say do dùng chất kích thích, người mắc bệnh tâm thần.',
    },
    score: 1,
  };
  const story = 'Có ông lão tới nói lộn xộn. Người tiếp công dân có được từ chối tiếp người say không?';

  it('weighs the story less than the question sentence, and answers from it', () => {
    expect(settingLength(story)).toBe(7);
    const terms = questionTerms(story);
    expect(terms.filter((t) => t.weight < 1).map((t) => t.term)).toContain('lao');
    expect(terms.find((t) => t.term === 'choi')?.weight).toBe(1);
    expect(decideAbstention(story, [refusal]).abstain).toBe(false);
    // Told in the same sentence as the question, the circumstances weigh fully.
    expect(decideAbstention(story.replace('. ', ', '), [refusal]).abstain).toBe(true);
  });

  it('drops the figures of a story (a birth year, a sum): no rule writes the case\'s own numbers', () => {
    const terms = questionTerms('Bị hại sinh năm 2008, không rõ ngày tháng sinh. Vậy ngày sinh của bị hại được xác định thế nào?');
    expect(terms.map((t) => t.term)).not.toContain('2008');
    expect(terms.find((t) => t.term === 'hai')?.weight).toBe(0.4);
    // A previous topic's number still names what is asked about.
    expect(questionTerms('Về Kế hoạch 221: có bao nhiêu mục tiêu?').map((t) => t.term)).toContain('221');
  });

  it('weighs a short condition opening a completed follow-up as its setting, and a long one as asked', () => {
    const weight = (q: string, term: string) => questionTerms(q).find((t) => t.term === term)?.weight;
    expect(weight('Về tạm giữ: nếu chưa đủ thì được gia hạn mấy lần?', 'du')).toBeLessThan(1);
    expect(weight('Về tạm giữ: nếu chưa đủ thì được gia hạn mấy lần?', 'gia')).toBe(1);
    // A case of its own ("người bị tạm giữ bỏ trốn") is what the follow-up asks about.
    expect(weight('Về tạm giữ: nếu người bị tạm giữ bỏ trốn thì xử lý thế nào?', 'tron')).toBe(1);
    // Without a previous topic, a condition is the question's own case.
    expect(weight('Nếu chưa đủ thì được gia hạn mấy lần?', 'du')).toBe(1);
  });

  it('takes no year of the story, nor a birth year, for the date of a document the passages lack', () => {
    const rule = {
      item: { id: 'b', docId: 'luat/bltths.txt', text: 'Trường hợp xác định được năm sinh nhưng không xác định được ngày, tháng sinh thì lấy ngày cuối cùng của tháng 12 năm đó làm ngày sinh.', ord: 0, title: 'Bộ luật Tố tụng hình sự', type: 'Bộ luật' as const },
      score: 1,
    };
    expect(unknownYear('Bị hại sinh năm 2008, không rõ ngày tháng sinh. Vậy ngày sinh được lấy thế nào?', [rule])).toBeUndefined();
    expect(unknownYear('Người sinh năm 2008 mà không rõ ngày tháng sinh thì ngày sinh được lấy thế nào?', [rule])).toBeUndefined();
    // Asked of in the question itself, a year the passages lack is still unknown.
    expect(unknownYear('Kế hoạch năm 2008 về ngày sinh là gì?', [rule])).toBe('2008');
  });

  it('weighs examples in parentheses like a story: they illustrate the case asked about', () => {
    const terms = questionTerms('Công văn đã phát hành mới phát hiện sai thể thức (ghi nhầm ngày, sai ký hiệu) thì xử lý thế nào?');
    expect(terms.find((t) => t.term === 'nham')?.weight).toBe(0.4);
    expect(terms.find((t) => t.term === 'thuc')?.weight).toBe(1);
    // "sai" is asked in the sentence itself, and weighs fully there.
    expect(terms.filter((t) => t.term === 'sai').map((t) => t.weight)).toEqual([1, 0.4]);
  });

  it('reads "chúng" (they) as a function word, though its folded form is "chứng"', () => {
    expect(questionTerms('Giá trị của chúng được đánh giá dựa vào đâu?').map((t) => t.term)).not.toContain('chung');
    expect(questionTerms('Giá trị chứng cứ được đánh giá dựa vào đâu?').map((t) => t.term)).toContain('chung');
  });

  it('weighs the previous topic a follow-up was completed with like a story', () => {
    const terms = questionTerms('Về thời hạn tạm giam bị can: ai có quyền gia hạn?');
    expect(terms.find((t) => t.term === 'giam')?.weight).toBe(0.4);
    expect(terms.find((t) => t.term === 'gia')?.weight).toBe(1);
  });

  it('tells no story in one sentence, in a statement asked true or false, or in a statement of two clauses', () => {
    expect(settingLength('Người tiếp công dân có được từ chối tiếp người say không?')).toBe(0);
    expect(settingLength('Không ai bị bắt nếu không có quyết định của Tòa án. Đúng hay sai?')).toBe(0);
    expect(settingLength('Chánh Thanh tra Bộ trình kế hoạch thanh tra; Chánh Thanh tra tỉnh trình Chủ tịch Ủy ban nhân dân.')).toBe(0);
    // A follow-up completed with its previous topic is one question, not a story.
    expect(settingLength('Về thời hạn giải quyết tố cáo: Người tố cáo có được rút đơn tố cáo không?')).toBe(0);
  });
});

describe('a story told before the asker\'s own question', () => {
  const q = 'Hôm qua có người say rượu đến phòng tiếp dân đòi gặp lãnh đạo, em có được từ chối tiếp không ạ?';
  it('ends where the asker asks of themselves (", em có được …"), and "từ chối" is one word of it', () => {
    expect(settingLength(q)).toBeGreaterThan(0);
    const terms = questionTerms(q);
    expect(terms.find((t) => t.term === 'ruou')?.weight).toBe(0.4);
    expect(terms.find((t) => t.term === 'tu')?.weight).toBe(1);
    expect(settingLength('Hồ sơ được gửi đến, cơ quan có phải trả lời không?')).toBe(0);
    // A frame, a question of its own or a bare "Vâng," before it is no story.
    expect(settingLength('Đối với bị can dưới 18 tuổi có người đại diện, tôi có phải mời luật sư không?')).toBe(0);
    expect(settingLength('Thời hạn tạm giữ là bao lâu, tôi có phải thông báo cho gia đình không?')).toBe(0);
  });
  it('is not taken for low coverage when the question sentence matches the passage', () => {
    const rule: Scored<Chunk> = {
      item: { id: 'r', docId: 'luat/tcd.txt', text: 'Điều 9. Những trường hợp được từ chối tiếp công dân\nNgười tiếp công dân được từ chối tiếp người đến nơi tiếp công dân trong các trường hợp: người say do dùng chất kích thích.', ord: 0, title: 'Luật Tiếp công dân', type: 'Luật' },
      score: 1,
      coverage: 0.26,
    };
    expect(decideAbstention(q, [rule]).reason).not.toBe('low-coverage');
    expect(decideAbstention('Người say rượu đến phòng tiếp dân đòi gặp lãnh đạo thì sao?', [rule]).reason).toBe('low-coverage');
    // Told, however little the question sentence says on its own ("mình có phải cung cấp không").
    const access: Scored<Chunk> = {
      item: { id: 'a', docId: 'luat/ttt.txt', text: 'Điều 7. Thông tin công dân được tiếp cận có điều kiện\nThông tin về cuộc họp nội bộ của cơ quan nhà nước được cung cấp khi người đứng đầu đồng ý.', ord: 0, title: 'Luật Tiếp cận thông tin', type: 'Luật' },
      score: 1,
      coverage: 0.28,
    };
    expect(decideAbstention('Hôm qua có người dân đến xin biên bản cuộc họp nội bộ, mình có phải cung cấp không?', [access]).reason).not.toBe('low-coverage');
  });

  it('is not taken for low coverage when most of the question is in one passage, typed without accents or in the asker\'s words', () => {
    const withdraw: Scored<Chunk> = {
      item: { id: 'w', docId: 'luat/tc.txt', text: 'Điều 33. Rút tố cáo\n1. Người tố cáo có quyền rút toàn bộ nội dung tố cáo. Việc rút tố cáo phải được thực hiện bằng văn bản.', ord: 0, title: 'Luật Tố cáo', type: 'Luật' },
      score: 1,
      coverage: 0.27,
    };
    const q = 'nguoi to cao muon rut to cao thi noi mieng duoc khong hay phai lam gi?';
    expect(decideAbstention(q, [withdraw]).termMatch).toBeLessThan(0.9);
    expect(decideAbstention(q, [withdraw]).abstain).toBe(false);
  });
});

describe('the asker\'s own unit and convenience', () => {
  it('are no words of what is asked: "đơn vị mình", "cho tiện"', () => {
    const terms = (q: string) => contentTerms(q).map((t) => t.term);
    expect(terms('Viện trưởng đơn vị mình phải tiếp dân mấy ngày?')).not.toContain('don');
    expect(terms('Họp mật thì dùng micro không dây cho nhanh được không?')).not.toContain('nhanh');
    // "cho tiền" (giving money) folds as "cho tiện" does: it stays.
    expect(terms('Cán bộ được người dân cho tiền thì có phạm tội không?')).toContain('tien');
    // An office's own unit named as the subject stays: "đơn vị" without "mình".
    expect(terms('Đơn vị chủ trì thực hiện kế hoạch là ai?')).toContain('don');
  });
});

describe('the ways a question lists', () => {
  it('keeps "cách" of "có những cách nào" (the ways listed), not of "bằng (những) cách nào" (how)', () => {
    const terms = (q: string) => contentTerms(q).map((t) => t.term);
    expect(terms('Cung cấp thông tin qua mạng điện tử có những cách nào?')).toContain('cach');
    expect(terms('Cung cấp thông tin qua mạng điện tử có các cách nào?')).toContain('cach');
    expect(terms('Người làm chứng được bảo vệ bằng những cách nào?')).not.toContain('cach');
    expect(terms('Gửi đơn bằng cách nào?')).not.toContain('cach');
  });
});

describe('a quoted word', () => {
  it('is what the question asks about, however common: "Quy định" quoted is no function phrase', () => {
    const terms = (q: string) => contentTerms(q).map((t) => t.term);
    expect(terms("Chữ viết tắt của loại văn bản 'Quy định' là gì?")).toEqual(expect.arrayContaining(['quy', 'dinh']));
    expect(terms('Chữ viết tắt của loại văn bản “Quy định” là gì?')).toEqual(expect.arrayContaining(['quy', 'dinh']));
    expect(terms('Chữ viết tắt của loại văn bản Quy định là gì?')).not.toContain('quy');
    // An apostrophe inside a word opens no quote.
    expect(terms("What's the abbreviation of 'Quy định'?")).toEqual(expect.arrayContaining(['quy', 'dinh']));
  });
});

describe('the other option a yes-or-no question offers', () => {
  const weightOf = (q: string, term: string) => contentTerms(q).find((t) => t.term === term)?.weight;

  it('weighs the words after "không, hay" and "chứ không" less, and "chứ" not at all', () => {
    const q = 'Kiểm sát viên về hưu thì có phải làm thủ tục miễn nhiệm không hay đương nhiên chấm dứt?';
    expect(weightOf(q, 'mien')).toBe(1);
    expect(weightOf(q, 'cham')).toBe(0.5);
    const r = 'Những trường hợp nào buộc phải trưng cầu giám định chứ không được tùy ý?';
    expect(weightOf(r, 'giam')).toBe(1);
    expect(weightOf(r, 'tuy')).toBe(0.5);
    expect(weightOf(r, 'chu')).toBeUndefined();
  });

  it('answers from the option the law writes, though it lacks the other option\'s words', () => {
    const hit = {
      item: { id: 'k88', docId: 'luat/vks.txt', ord: 0, title: 'Luật Tổ chức Viện kiểm sát nhân dân', type: 'Luật' as const, article: '88', locator: 'Điều 88', heading: 'Điều 88. Miễn nhiệm Kiểm sát viên', text: '1. Kiểm sát viên đương nhiên được miễn nhiệm chức danh Kiểm sát viên khi nghỉ hưu, thôi việc, chuyển ngành.' },
      score: 1,
    };
    expect(decideAbstention('Kiểm sát viên về hưu thì chức danh Kiểm sát viên có phải làm thủ tục miễn nhiệm không hay đương nhiên chấm dứt?', [hit]).abstain).toBe(false);
  });

  it('keeps a choice between two things whole ("tạm giữ hay tạm giam")', () => {
    expect(weightOf('Tạm giữ hay tạm giam thì do ai quyết định?', 'giam')).toBe(1);
  });
});
