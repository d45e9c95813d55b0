import { describe, expect, it } from 'vitest';
import { composeExtractive } from '../../core/answer/compose.js';
import { fold } from '../../core/text.js';
import type { Chunk } from '../../core/types.js';
import { rank, seedPlan2024, seedSocTrang, toCao, vksnd } from './fixtures.js';

const kb = [...toCao(), ...vksnd(), ...seedPlan2024(), ...seedSocTrang()];
const ask = (q: string) => composeExtractive(q, rank(q, kb));
const body = (text: string) => text.split('\nNguồn:')[0];

type Doc = Pick<Chunk, 'docId' | 'title' | 'number' | 'type'>;
const bltths: Doc = { docId: 'luat/bltths.txt', title: 'Bộ luật Tố tụng hình sự', number: '101/2015/QH13', type: 'Bộ luật' };
/** One article of `doc` as one chunk: its heading line, then its lines. */
const articleOf = (doc: Doc, article: string, heading: string, lines: string[]): Chunk => ({
  ...doc, id: `${doc.docId}#${article}`, ord: Number(article), article, locator: `Điều ${article}`, heading, text: [heading, ...lines].join('\n'),
});

describe('composeExtractive', () => {
  it('answers a "bao nhiêu" question with the sentence that holds the number, intact', () => {
    const r = ask('Kế hoạch chuyển đổi số năm 2024 có bao nhiêu mục tiêu cụ thể?');
    expect(r.abstained).toBe(false);
    expect(body(r.text)).toContain('22 mục tiêu cụ thể');
    expect(r.citations[0].source).toBe('knowledge/tin-tuc/phien-hop-chuyen-doi-so-2024.txt');
  });

  it('cites the article that answers, with title, number and the khoản it quotes', () => {
    const r = ask('Thời hạn giải quyết tố cáo là bao lâu?');
    expect(body(r.text)).toMatch(/^Theo Điều 30, khoản 1 Luật Tố cáo:\n1\. Thời hạn giải quyết tố cáo là không quá 30 ngày kể từ ngày thụ lý tố cáo/);
    expect(r.citations).toEqual([
      { source: 'knowledge/luat/luat-to-cao-2018.txt', title: 'Luật Tố cáo', number: '25/2018/QH14', locator: 'Điều 30, khoản 1' },
    ]);
    expect(r.text).toContain('Nguồn:\n- Luật Tố cáo (25/2018/QH14), Điều 30, khoản 1');
  });

  it('answers the same without diacritics', () => {
    const r = ask('thoi han giai quyet to cao la bao lau');
    expect(r.abstained).toBe(false);
    expect(r.citations[0].locator).toBe('Điều 30, khoản 1');
  });

  it('keeps a khoản with its điểm for a "gồm những gì" question', () => {
    const r = ask('Quyết định thụ lý tố cáo gồm những nội dung gì?');
    const text = body(r.text);
    expect(text).toContain('Quyết định thụ lý tố cáo bao gồm các nội dung chính sau đây:');
    for (const item of ['a) Ngày, tháng, năm ra quyết định;', 'b) Căn cứ ra quyết định;', 'd) Thời hạn giải quyết tố cáo.']) {
      expect(text).toContain(item);
    }
    expect(r.citations[0].locator).toBe('Điều 29, khoản 2');
  });

  it('keeps percentages exact in a list-shaped seed sentence', () => {
    const r = ask('Các mục tiêu chuyển đổi số trong hoạt động nghiệp vụ gồm những gì?');
    expect(body(r.text)).toContain('70% các cơ sở thực hiện hỏi cung bị can');
    expect(body(r.text)).toContain('20% tổng số án hình sự phát sinh');
  });

  it('quotes a điểm under its khoản so it reads in context', () => {
    const hits = rank('Người tố cáo có những quyền gì?', kb);
    const r = composeExtractive('Người tố cáo có những quyền gì?', hits);
    expect(body(r.text)).toContain('Người tố cáo có các quyền sau đây:');
    expect(r.citations[0].locator).toBe('Điều 9, khoản 1');
  });

  it('bounds the answer body and never cuts inside a number', () => {
    for (const q of ['Người tố cáo có những quyền gì?', 'Các mục tiêu chuyển đổi số trong quản lý, chỉ đạo, điều hành bao gồm những gì?']) {
      const r = ask(q);
      expect(body(r.text).length).toBeLessThan(900);
      // Every percentage in the answer appears verbatim in a used chunk.
      for (const p of body(r.text).match(/\d+%/g) ?? []) {
        expect(r.used.some((h) => h.item.text.includes(p))).toBe(true);
      }
    }
  });

  it('every citation corresponds to a chunk whose text is quoted', () => {
    for (const q of ['Viện kiểm sát nhân dân cấp tỉnh có những đơn vị nào?', 'Người tố cáo có nghĩa vụ gì?', 'Tố cáo là gì?']) {
      const r = ask(q);
      expect(r.abstained).toBe(false);
      expect(r.citations.length).toBeGreaterThan(0);
      expect(r.citations.length).toBe(new Set(r.citations.map((c) => `${c.source}|${c.locator}`)).size);
      for (const c of r.citations) {
        // The chunk of the cited article; a khoản the citation names is one whose line is quoted.
        const [article, ...clause] = (c.locator ?? '').split(', khoản ');
        const chunk = r.used.find((h) => h.item.docId === c.source && (h.item.locator ?? '').includes(article));
        expect(chunk).toBeDefined();
        const quoted = chunk!.item.text.split('\n').filter((l) => l.trim() && r.text.includes(l.trim().slice(0, 40)));
        expect(quoted.length).toBeGreaterThan(0);
        for (const k of clause.join('').split(/, | và /).filter(Boolean)) {
          const [from, to = from] = k.split('–').map(Number);
          for (let n = from; n <= to; n++) expect(quoted.some((l) => l.trim().startsWith(`${n}. `))).toBe(true);
        }
      }
    }
  });

  it('abstains with the honest message and no citation when the hits do not answer', () => {
    const r = ask('Thời tiết Sóc Trăng hôm nay thế nào?');
    expect(r.abstained).toBe(true);
    expect(r.citations).toEqual([]);
    expect(r.text).toMatch(/^Tôi không tìm thấy thông tin này trong các văn bản hiện có/);
    expect(r.text).toMatch(/Viện kiểm sát/);
  });

  it('abstains on no hits', () => {
    expect(composeExtractive('Thời hạn giải quyết tố cáo?', []).abstained).toBe(true);
  });

  it('marks a superseded document in the citation when the lead knows its replacement', () => {
    const q = 'Thời hạn giải quyết tố cáo là bao lâu?';
    const r = composeExtractive(q, rank(q, kb), { superseded: (id) => (id.includes('to-cao') ? 'Luật Tố cáo 2030' : undefined) });
    expect(r.citations[0].superseded).toBe('Luật Tố cáo 2030');
    expect(r.text).toContain('đã được thay thế bởi Luật Tố cáo 2030');
  });
});

describe('an appendix\'s attribution line', () => {
  it('is never the answer, even under a heading that holds every word of the question', () => {
    const decree = { docId: 'nd/30.txt', title: 'Nghị định về công tác văn thư', number: '30/2020/NĐ-CP', type: 'Nghị định' as const };
    const appendix: Chunk = { ...decree, id: 'p', ord: 9, docId: 'nd/30-pl.md', locator: 'Phụ lục I', heading: 'Phụ lục I, THỂ THỨC VĂN BẢN HÀNH CHÍNH', text: '## THỂ THỨC VĂN BẢN HÀNH CHÍNH\n(Kèm theo Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ)' };
    const article: Chunk = { ...decree, id: 'a', ord: 8, locator: 'Điều 8', article: '8', heading: 'Điều 8. Thể thức văn bản', text: 'Điều 8. Thể thức văn bản\n2. Thể thức văn bản hành chính bao gồm các thành phần chính\na) Quốc hiệu và Tiêu ngữ.\nb) Tên cơ quan, tổ chức ban hành văn bản.' };
    const text = body(composeExtractive('Nghị định 30/2020/NĐ-CP quy định thể thức văn bản hành chính gồm những gì?', [{ item: appendix, score: 1.3 }, { item: article, score: 1.2 }]).text);
    expect(text).toContain('Quốc hiệu và Tiêu ngữ');
    expect(text).not.toContain('Kèm theo');
  });
});

describe('offices and their deputies', () => {
  it('answers about the Viện trưởng, not the Phó Viện trưởng whose title contains it', () => {
    const principal = body(ask('Nhiệm kỳ của Viện trưởng Viện kiểm sát nhân dân tối cao là bao lâu?').text);
    expect(principal).toContain('Nhiệm kỳ của Viện trưởng Viện kiểm sát nhân dân tối cao theo nhiệm kỳ của Quốc hội');
    expect(principal).not.toContain('Nhiệm kỳ của Phó Viện trưởng');
    const deputy = body(ask('Nhiệm kỳ của Phó Viện trưởng Viện kiểm sát nhân dân tối cao là bao lâu?').text);
    expect(deputy).toContain('Nhiệm kỳ của Phó Viện trưởng Viện kiểm sát nhân dân tối cao là 05 năm');
  });

  const law: Doc = { docId: 'luat/tc.txt', title: 'Luật Tổ chức Viện kiểm sát nhân dân', number: '63/2014/QH13', type: 'Luật' };
  const decree: Doc = { docId: 'nd/26.txt', title: 'Nghị định 26/2020/NĐ-CP', number: '26/2020/NĐ-CP', type: 'Nghị định' };
  // As the retriever ranks them: the article titled with the deputy's office comes first, for it
  // writes every word of the question, and its "05 năm" answers "mấy năm".
  it('reads a heading that names only the deputy as no heading for the office, and quotes no deputy\'s count for it', () => {
    const deputyArticle = articleOf(law, '64', 'Điều 64. Phó Viện trưởng Viện kiểm sát nhân dân tối cao', [
      '1. Phó Viện trưởng Viện kiểm sát nhân dân tối cao do Chủ tịch nước bổ nhiệm, miễn nhiệm, cách chức.',
      '3. Nhiệm kỳ của Phó Viện trưởng Viện kiểm sát nhân dân tối cao là 05 năm, kể từ ngày được bổ nhiệm.',
    ]);
    const chiefArticle = articleOf(law, '62', 'Điều 62. Viện trưởng Viện kiểm sát nhân dân tối cao', [
      '1. Viện trưởng Viện kiểm sát nhân dân tối cao do Quốc hội bầu, miễn nhiệm, bãi nhiệm.',
      '2. Nhiệm kỳ của Viện trưởng Viện kiểm sát nhân dân tối cao theo nhiệm kỳ của Quốc hội.',
    ]);
    const hits = [
      { item: deputyArticle, score: 1.14 },
      { item: chiefArticle, score: 1.08 },
    ];
    const r = composeExtractive('Nhiệm kỳ của Viện trưởng Viện kiểm sát nhân dân tối cao là bao lâu?', hits);
    expect(body(r.text)).toContain('Nhiệm kỳ của Viện trưởng Viện kiểm sát nhân dân tối cao theo nhiệm kỳ của Quốc hội');
    expect(body(r.text)).not.toContain('Phó Viện trưởng');
    // "Mấy năm" asks a number the office's own rule does not write: the deputy's "05 năm" is no answer.
    const counted = composeExtractive('Nhiệm kỳ của Viện trưởng Viện kiểm sát nhân dân tối cao là mấy năm?', hits);
    expect(counted.text).not.toContain('Phó Viện trưởng');
  });
  it('tells "có lợi" from "không có lợi": the case the question asks, not its opposite beside it', () => {
    const article = articleOf(bltths, '379', 'Điều 379. Thời hạn kháng nghị theo thủ tục giám đốc thẩm', [
      '1. Việc kháng nghị theo hướng không có lợi cho người bị kết án chỉ được tiến hành trong thời hạn 01 năm kể từ ngày bản án, quyết định có hiệu lực pháp luật.',
      '2. Việc kháng nghị theo hướng có lợi cho người bị kết án có thể được tiến hành bất cứ lúc nào, cả trong trường hợp người bị kết án đã chết mà cần minh oan cho họ.',
    ]);
    const favourable = body(composeExtractive('Kháng nghị giám đốc thẩm theo hướng có lợi cho người bị kết án trong thời hạn bao lâu?', [{ item: article, score: 1 }]).text);
    expect(favourable).toContain('bất cứ lúc nào');
    const unfavourable = body(composeExtractive('Kháng nghị giám đốc thẩm theo hướng không có lợi cho người bị kết án trong thời hạn bao lâu?', [{ item: article, score: 1 }]).text);
    expect(unfavourable).toContain('01 năm');
    expect(unfavourable).not.toContain('bất cứ lúc nào');
    // Asked yes or no: the case is still "có lợi"; the last "có … không" is what is asked of it.
    const yesNo = body(composeExtractive('Kháng nghị giám đốc thẩm theo hướng có lợi cho người bị kết án thì có bị giới hạn thời hạn không?', [{ item: article, score: 1 }]).text);
    expect(yesNo).toContain('bất cứ lúc nào');
  });

  it('tells "đình chỉ" (ending a case) from "tạm đình chỉ" (suspending it), in a heading, a lead-in and its items', () => {
    const suspend = articleOf(bltths, '247', 'Điều 247. Tạm đình chỉ vụ án', [
      '1. Viện kiểm sát quyết định tạm đình chỉ vụ án trong các trường hợp:',
      'a) Khi có kết luận giám định tư pháp xác định bị can bị bệnh tâm thần thì có thể tạm đình chỉ vụ án;',
      'b) Khi bị can bỏ trốn mà không biết rõ bị can đang ở đâu;',
      'c) Khi trưng cầu giám định mà chưa có kết quả nhưng đã hết thời hạn quyết định việc truy tố.',
    ]);
    const end = articleOf(bltths, '282', 'Điều 282. Đình chỉ vụ án', [
      '1. Thẩm phán chủ tọa phiên tòa ra quyết định đình chỉ vụ án khi thuộc một trong các trường hợp:',
      'a) Có một trong các căn cứ quy định tại Điều 157 của Bộ luật này;',
      'b) Viện kiểm sát rút toàn bộ quyết định truy tố trước khi mở phiên tòa.',
    ]);
    const hits = [{ item: suspend, score: 1.06 }, { item: end, score: 0.91 }];
    const ended = composeExtractive('Đình chỉ vụ án trong những trường hợp nào?', hits);
    expect(ended.citations[0].locator).toMatch(/^Điều 282/);
    expect(body(ended.text)).not.toContain('tạm đình chỉ');
    const suspended = composeExtractive('Tạm đình chỉ vụ án trong những trường hợp nào?', hits);
    expect(suspended.citations[0].locator).toMatch(/^Điều 247/);
  });
  it('reads "Không được khởi tố" as no answer to when one may, yet as the answer to a yes-or-no question', () => {
    const grounds = articleOf(bltths, '143', 'Điều 143. Căn cứ khởi tố vụ án hình sự', [
      'Chỉ được khởi tố vụ án khi đã xác định có dấu hiệu tội phạm. Việc xác định dấu hiệu tội phạm dựa trên những căn cứ:',
      '1. Tố giác của cá nhân;',
      '2. Tin báo của cơ quan, tổ chức, cá nhân;',
      '3. Kiến nghị khởi tố của cơ quan nhà nước.',
    ]);
    const bars = articleOf(bltths, '157', 'Điều 157. Căn cứ không khởi tố vụ án hình sự', [
      'Không được khởi tố vụ án hình sự khi có một trong các căn cứ sau:',
      '1. Không có sự việc phạm tội;',
      '2. Hành vi không cấu thành tội phạm;',
      '3. Tội phạm đã được đại xá.',
    ]);
    const hits = [{ item: grounds, score: 1.27 }, { item: bars, score: 1.24 }];
    const when = composeExtractive('Khi nào thì được khởi tố vụ án hình sự?', hits);
    expect(when.citations[0].locator).toMatch(/^Điều 143/);
    expect(body(when.text)).not.toContain('Không được khởi tố');
    const yesNo = composeExtractive('Hành vi không cấu thành tội phạm thì có được khởi tố vụ án hình sự không?', hits);
    expect(yesNo.citations[0].locator).toMatch(/^Điều 157/);
    const rule = articleOf(decree, '4', 'Điều 4. Soạn thảo, lưu giữ tài liệu bí mật nhà nước', [
      '7. Máy tính dùng để soạn thảo tài liệu bí mật nhà nước không được nối mạng Internet, mạng máy tính và mạng viễn thông.',
    ]);
    const other = articleOf(decree, '5', 'Điều 5. Chuyển, nhận văn bản điện tử', [
      '5. Việc soạn thảo, chuyển, nhận tài liệu bí mật nhà nước trên máy tính nối mạng nội bộ được thực hiện theo quy định pháp luật về cơ yếu.',
    ]);
    const allowed = composeExtractive('Có được soạn thảo tài liệu bí mật nhà nước trên máy tính nối mạng Internet không?', [{ item: rule, score: 1.1 }, { item: other, score: 1.05 }]);
    expect(body(allowed.text)).toContain('không được nối mạng Internet');
  });
});

describe('a numbered khoản under an unnumbered lead-in', () => {
  const chunk = (article: string, [heading, ...lines]: string[]) => articleOf(bltths, article, heading, lines);
  it('is quoted under its lead-in, which says what it is a case of', () => {
    const bars = chunk('157', ['Điều 157. Căn cứ không khởi tố vụ án hình sự', 'Không được khởi tố vụ án hình sự khi có một trong các căn cứ sau:', '1. Không có sự việc phạm tội;', '2. Hành vi không cấu thành tội phạm;']);
    const r = composeExtractive('Hành vi không cấu thành tội phạm thì có được khởi tố không?', [{ item: bars, score: 1 }], { skipAbstention: true });
    expect(body(r.text)).toContain('Không được khởi tố vụ án hình sự khi có một trong các căn cứ sau:\n2. Hành vi không cấu thành tội phạm;');
    expect(r.citations[0].locator).toBe('Điều 157, khoản 2');
  });
  it('is quoted alone under a law\'s definitions lead-in, which adds nothing to a definition', () => {
    const terms = chunk('2', ['Điều 2. Giải thích từ ngữ', 'Trong Luật này, các từ ngữ dưới đây được hiểu như sau:', '1. Không gian mạng là mạng lưới kết nối của cơ sở hạ tầng công nghệ thông tin.', '2. Không gian mạng quốc gia là không gian mạng do Chính phủ xác lập, quản lý và kiểm soát.']);
    const r = composeExtractive('Không gian mạng quốc gia là gì?', [{ item: terms, score: 1 }], { skipAbstention: true });
    expect(body(r.text)).toContain('2. Không gian mạng quốc gia là không gian mạng do Chính phủ xác lập');
    expect(body(r.text)).not.toContain('được hiểu như sau');
  });
});

describe('the kind of answer asked for', () => {
  const law = { docId: 'luat/gd.txt', title: 'Luật Giao dịch điện tử', number: '20/2023/QH15', type: 'Luật' as const };
  // A law's preamble is headed by its title and ranks first for a question naming the law.
  const preamble: Chunk = {
    ...law,
    id: 'p',
    ord: 0,
    locator: 'Phần mở đầu',
    heading: 'Luật Giao dịch điện tử',
    text: 'QUỐC HỘI\nLuật số: 20/2023/QH15\nHà Nội, ngày 22 tháng 6 năm 2023\nLUẬT\nGIAO DỊCH ĐIỆN TỬ\nQuốc hội ban hành Luật Giao dịch điện tử.',
  };
  const article: Chunk = {
    ...law,
    id: 'a',
    ord: 1,
    locator: 'Chương VIII, Điều 52',
    article: '52',
    heading: 'Điều 52. Hiệu lực thi hành',
    text: 'Điều 52. Hiệu lực thi hành\n1. Luật này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2024.\n2. Luật Giao dịch điện tử số 51/2005/QH11 hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành.',
  };
  const hits = [
    { item: preamble, score: 1.3 },
    { item: article, score: 1.2 },
  ];

  it('answers "có hiệu lực từ khi nào" with the date it takes effect, not the date the law was signed', () => {
    const text = body(composeExtractive('Luật Giao dịch điện tử năm 2023 có hiệu lực từ khi nào?', hits).text);
    expect(text).toContain('01 tháng 7 năm 2024');
    expect(text).not.toContain('22 tháng 6 năm 2023');
  });

  it('answers "ban hành ngày nào" of a numbered document with the date written after its number', () => {
    const plan = { docId: 'vksnd/kh221.md', title: 'Kế hoạch chuyển đổi số năm 2024', number: '221/KH-VKSTC', type: 'Kế hoạch' as const };
    const rollout: Chunk = {
      ...plan, id: 'st', ord: 3, heading: 'Triển khai tại Sóc Trăng',
      text: 'Theo Báo Sóc Trăng, 30/08/2024, VKSND tỉnh quán triệt thực hiện Kế hoạch số 221/KH-VKSTC và ban hành kế hoạch về chuyển đổi số năm.',
    };
    const info: Chunk = { ...plan, id: 'info', ord: 1, heading: 'Thông tin văn bản', text: '- Số, ký hiệu: Kế hoạch số 221/KH-VKSTC, ngày 15/12/2023 (Viện kiểm sát nhân dân tối cao).' };
    for (const q of ['Kế hoạch 221 ban hành ngày nào?', 'ke hoach 221/KH-VKSTC ban hanh ngay nao']) {
      const text = body(composeExtractive(q, [{ item: rollout, score: 1 }, { item: info, score: 0.97 }], { maxUnits: 1 }).text);
      expect(text, q).toContain('15/12/2023');
    }
  });
});

describe('lead lines', () => {
  it('reads an article as part of the law name, a section of a guide in brackets, never the title twice', async () => {
    const { leadLine } = await import('../../prompts/answer.js');
    expect(leadLine({ title: 'Luật Khiếu nại', locator: 'Điều 33' })).toBe('Theo Điều 33 Luật Khiếu nại:');
    expect(leadLine({ title: 'Hướng dẫn X', locator: 'Các bước' })).toBe('Theo Hướng dẫn X (mục “Các bước”):');
    expect(leadLine({ title: 'Hướng dẫn X', locator: 'Hướng dẫn X' })).toBe('Theo Hướng dẫn X:');
    expect(leadLine({ title: 'Phụ lục Nghị định 30', locator: 'Phụ lục I, Phần I, I. QUY ĐỊNH CHUNG' })).toBe(
      'Theo Phụ lục Nghị định 30 (Phụ lục I, Phần I, mục “I. QUY ĐỊNH CHUNG”):',
    );
    expect(leadLine({ title: 'Luật X', locator: 'Điều 8, khoản 3–6' })).toBe('Theo Điều 8, khoản 3–6 Luật X:');
    // A list of khoản goes on after its first part; it is no section heading.
    expect(leadLine({ title: 'Bộ luật Y', locator: 'Điều 123, khoản 1, 2 và 4' })).toBe('Theo Điều 123, khoản 1, 2 và 4 Bộ luật Y:');
  });
});

describe('composeExtractive over reused chunks', () => {
  // Per-chunk derived data is cached by chunk object: a question must not leave traces that change the next one.
  const fresh = () => [...toCao(), ...vksnd(), ...seedPlan2024(), ...seedSocTrang()];
  const questions = [
    'Luật Tố cáo quy định thời hạn giải quyết tố cáo là bao lâu?',
    'Quyết định thụ lý tố cáo gồm những nội dung gì?',
    'Viện kiểm sát nhân dân có nhiệm vụ gì?',
    'Kế hoạch chuyển đổi số năm 2024 có bao nhiêu mục tiêu cụ thể?',
  ];

  it('answers each question over shared chunks exactly as over fresh copies, in any order', () => {
    const shared = fresh();
    const once = questions.map((q) => composeExtractive(q, rank(q, shared)).text);
    const again = [...questions].reverse().map((q) => composeExtractive(q, rank(q, shared)).text).reverse();
    const cold = questions.map((q) => {
      const kb2 = fresh();
      return composeExtractive(q, rank(q, kb2)).text;
    });
    expect(again).toEqual(once);
    expect(once).toEqual(cold);
  });
});

describe('narrowLocator', () => {
  it('names the khoản quoted from an article, as a run, a pair or a list', async () => {
    const { narrowLocator } = await import('../../core/answer/format.js');
    const held = ['6', '7', '8', '9', '10', '11', '12'];
    expect(narrowLocator('Điều 2, khoản 6–12', ['8'], held)).toBe('Điều 2, khoản 8');
    expect(narrowLocator('Điều 2, khoản 6–12', ['9', '8', '8'], held)).toBe('Điều 2, khoản 8–9');
    expect(narrowLocator('Điều 2, khoản 6–12', ['6', '9'], held)).toBe('Điều 2, khoản 6 và 9');
    expect(narrowLocator('Điều 2, khoản 6–12', ['12', '6', '9'], held)).toBe('Điều 2, khoản 6, 9 và 12');
    expect(narrowLocator('Điều 60', ['2'], ['1', '2', '3', '4'])).toBe('Điều 60, khoản 2');
  });

  it('keeps the chunk locator when a piece lies outside any khoản, every khoản is quoted, or it is not an article', async () => {
    const { narrowLocator } = await import('../../core/answer/format.js');
    expect(narrowLocator('Điều 9', [undefined, '1'], ['1', '2'])).toBe('Điều 9');
    expect(narrowLocator('Điều 6', ['2', '1'], ['1', '2'])).toBe('Điều 6');
    expect(narrowLocator('Phụ lục I, Phần I', ['1'], ['1', '2'])).toBe('Phụ lục I, Phần I');
    expect(narrowLocator('Điều 5, điểm a', ['1'], ['1', '2'])).toBe('Điều 5, điểm a');
  });
});

describe('tables and long lists', () => {
  const doc = { docId: 'nghi-dinh/pl.md', title: 'Phụ lục Nghị định 30/2020/NĐ-CP', number: '30/2020/NĐ-CP', type: 'Nghị định' as const };
  it('quotes a table row under its header, never the header alone', () => {
    const table: Chunk = {
      ...doc, id: 't', ord: 0, locator: 'Phụ lục III', heading: 'TÊN LOẠI VĂN BẢN',
      text: ['| STT | Tên loại văn bản hành chính | Chữ viết tắt |', '| --- | --- | --- |', '|  | Chỉ thị | CT |', '|  | Báo cáo | BC |', '|  | Tờ trình | TTr |', '|  | Giấy mời | GM |'].join('\n'),
    };
    const r = composeExtractive('Chữ viết tắt của Tờ trình là gì?', [{ item: table, score: 1 }], { skipAbstention: true });
    expect(body(r.text)).toContain('| STT | Tên loại văn bản hành chính | Chữ viết tắt |\n| --- | --- | --- |\n|  | Tờ trình | TTr |');
    expect(body(r.text)).not.toContain('Giấy mời');
  });

  it('shows the items of a list too long to quote whole, each shortened, not its lead-in alone', () => {
    const long = (n: number) => `${n}. Trường hợp thứ ${n} trong đó quyết định hành chính, hành vi hành chính trong nội bộ cơ quan nhà nước để chỉ đạo, tổ chức thực hiện nhiệm vụ công vụ được ban hành theo trình tự thủ tục riêng biệt khác`;
    const article: Chunk = {
      ...doc, id: 'k', ord: 1, article: '11', locator: 'Điều 11', heading: 'Điều 11. Các khiếu nại không được thụ lý giải quyết',
      text: ['Điều 11. Các khiếu nại không được thụ lý giải quyết', 'Khiếu nại thuộc một trong các trường hợp sau đây không được thụ lý giải quyết:', ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(long)].join('\n'),
    };
    const r = composeExtractive('Những khiếu nại nào không được thụ lý giải quyết?', [{ item: article, score: 1 }], { skipAbstention: true });
    const text = body(r.text);
    expect(text).toContain('1. Trường hợp thứ 1');
    expect(text).toContain('5. Trường hợp thứ 5');
    expect(text.length).toBeLessThan(900);
  });
});

describe('when a document takes effect', () => {
  const law: Doc = { docId: 'luat/kn.txt', title: 'Luật Khiếu nại', number: '02/2011/QH13', type: 'Luật' };
  const decisions = articleOf(law, '44', 'Điều 44. Quyết định giải quyết khiếu nại có hiệu lực pháp luật', ['1. Quyết định giải quyết khiếu nại lần đầu có hiệu lực pháp luật sau 30 ngày, kể từ ngày ban hành.', '2. Quyết định giải quyết khiếu nại lần hai có hiệu lực pháp luật sau 30 ngày, kể từ ngày ban hành.']);
  const closing = articleOf(law, '69', 'Điều 69. Hiệu lực thi hành', ['1. Luật này có hiệu lực thi hành kể từ ngày 01 tháng 7 năm 2012.']);

  it('quotes the document\'s own entry into force, however far behind the retriever put it', () => {
    const r = composeExtractive('Luật Khiếu nại có hiệu lực từ ngày nào?', [{ item: decisions, score: 1.4 }, { item: closing, score: 1.1 }]);
    expect(body(r.text)).toContain('01 tháng 7 năm 2012');
    expect(body(r.text)).not.toContain('sau 30 ngày');
    expect(r.citations[0].locator).toMatch(/^Điều 69/);
  });

  it('reads "bắt đầu áp dụng / được thi hành từ ngày nào" as asking the same', () => {
    for (const q of ['Luật Khiếu nại bắt đầu áp dụng từ ngày nào?', 'Luật Khiếu nại được thi hành từ ngày nào?']) {
      const r = composeExtractive(q, [{ item: decisions, score: 1.4 }, { item: closing, score: 1.1 }]);
      expect(body(r.text), q).toContain('01 tháng 7 năm 2012');
    }
  });

  it('leaves a question on when a decision under it takes effect to the decision articles', () => {
    const r = composeExtractive('Quyết định giải quyết khiếu nại lần hai có hiệu lực khi nào?', [{ item: decisions, score: 1.4 }, { item: closing, score: 1.1 }]);
    expect(body(r.text)).toContain('sau 30 ngày');
    expect(body(r.text)).not.toContain('01 tháng 7 năm 2012');
  });
});

describe('one of two lists an article heading names', () => {
  it('quotes the list asked for, not the whole article its heading names with another', () => {
    const art = articleOf(bltths, '479', 'Điều 479. Quyền và nghĩa vụ của người tố cáo', [
      '1. Người tố cáo có quyền:', 'a) Gửi đơn hoặc trực tiếp tố cáo với cơ quan, người có thẩm quyền;', 'b) Yêu cầu giữ bí mật họ tên, địa chỉ, bút tích của mình;',
      '2. Người tố cáo có nghĩa vụ:', 'a) Trình bày trung thực về nội dung tố cáo;', 'b) Nêu rõ họ tên, địa chỉ của mình;',
    ]);
    const r = composeExtractive('Người tố cáo có những nghĩa vụ gì?', [{ item: art, score: 1 }], { skipAbstention: true });
    expect(body(r.text)).toContain('Trình bày trung thực');
    expect(body(r.text)).not.toContain('Gửi đơn');
  });
});

describe('a definition asked with the law to look in', () => {
  const law: Doc = { docId: 'luat/anm.txt', title: 'Luật An ninh mạng', number: '24/2018/QH14', type: 'Luật' };
  const duties = articleOf(law, '17', 'Điều 17. Phòng, chống gián điệp mạng', [
    '2. Chủ quản hệ thống thông tin có trách nhiệm sau đây:',
    'c) Phối hợp, thực hiện yêu cầu của lực lượng chuyên trách an ninh mạng về phòng, chống gián điệp mạng trên không gian mạng.',
  ]);
  const terms = articleOf(law, '2', 'Điều 2. Giải thích từ ngữ', [
    '10. Gián điệp mạng là hành vi cố ý vượt qua cảnh báo, mã truy cập, mật mã, tường lửa để chiếm đoạt trái phép thông tin.',
  ]);
  it.each(['Gián điệp mạng là gì theo Luật An ninh mạng?', 'Theo Luật An ninh mạng, gián điệp mạng là gì?'])('quotes the definition for "%s"', (q) => {
    const r = composeExtractive(q, [{ item: duties, score: 1.2 }, { item: terms, score: 1.05 }], { skipAbstention: true });
    expect(body(r.text)).toContain('10. Gián điệp mạng là hành vi');
  });
});

describe('who holds an office now', () => {
  const law: Doc = { docId: 'luat/tc.txt', title: 'Luật Tổ chức Viện kiểm sát nhân dân', number: '63/2014/QH13', type: 'Luật' };
  const elected = articleOf(law, '62', 'Điều 62. Viện trưởng Viện kiểm sát nhân dân tối cao', [
    '1. Viện trưởng Viện kiểm sát nhân dân tối cao do Quốc hội bầu, miễn nhiệm, bãi nhiệm theo đề nghị của Chủ tịch nước.',
  ]);
  it('abstains rather than quote who elects the office', () => {
    const r = composeExtractive('Viện trưởng Viện kiểm sát nhân dân tối cao hiện nay là ai?', [{ item: elected, score: 1 }]);
    expect(r.abstainReason).toBe('missing-name');
  });
  it('reads "hiện nay là đồng chí nào" as asking who holds it', () => {
    const r = composeExtractive('Viện trưởng Viện kiểm sát nhân dân tối cao hiện nay là đồng chí nào?', [{ item: elected, score: 1 }]);
    expect(r.abstainReason).toBe('missing-name');
  });
  it('still says who elects it when that is asked', () => {
    expect(composeExtractive('Ai bầu Viện trưởng Viện kiểm sát nhân dân tối cao?', [{ item: elected, score: 1 }]).text).toContain('do Quốc hội bầu');
  });
  it('answers with the person a passage names', () => {
    const news: Chunk = { docId: 'vksnd/tin.md', title: 'Phiên họp Ban Chỉ đạo', type: 'Tin tức', id: 'n', ord: 0, locator: 'Phiên họp', heading: 'Phiên họp', text: 'Đồng chí Hoàng Minh Tiến, Cục trưởng Cục 2, Phó Trưởng Ban Chỉ đạo chuyển đổi số ngành Kiểm sát nhân dân trình bày báo cáo.' };
    expect(composeExtractive('Ai đang giữ chức Phó Trưởng Ban Chỉ đạo chuyển đổi số ngành Kiểm sát nhân dân?', [{ item: news, score: 1 }]).text).toContain('Hoàng Minh Tiến');
  });
  const report = (text: string): Chunk => ({ docId: 'vksnd/tin2.md', title: 'Tin tỉnh Y', type: 'Tin tức', id: 'y', ord: 0, locator: 'Tin', heading: 'Chuyển đổi số tại VKSND tỉnh Y', text });
  it('needs the name written with the office asked, not with its deputy or another office', () => {
    const q = 'Viện trưởng VKSND tỉnh Y hiện nay là ai?';
    const deputy = report('Theo đồng chí Lê Văn An, Phó Viện trưởng phụ trách VKSND tỉnh Y, đơn vị đã quán triệt Chỉ thị.');
    expect(composeExtractive(q, [{ item: deputy, score: 1 }]).abstainReason).toBe('missing-name');
    const other = report('Tại hội nghị, đồng chí Trần Thị Bình, Chánh Văn phòng, Tổ trưởng Tổ giúp việc công bố quyết định của Viện trưởng VKSND tỉnh Y về chuyển đổi số.');
    expect(composeExtractive(q, [{ item: other, score: 1 }]).abstainReason).toBe('missing-name');
  });
  it('answers with a name the office is written beside, before or after it', () => {
    const q = 'Viện trưởng VKSND tỉnh Y hiện nay là ai?';
    const before = report('Phát biểu tại hội nghị, Viện trưởng VKSND tỉnh Y Nguyễn Văn Cường yêu cầu đẩy mạnh chuyển đổi số.');
    expect(composeExtractive(q, [{ item: before, score: 1 }]).text).toContain('Nguyễn Văn Cường');
    const after = report('Hội nghị do đồng chí Phạm Minh Đức, Viện trưởng VKSND tỉnh Y chủ trì về chuyển đổi số.');
    expect(composeExtractive(q, [{ item: after, score: 1 }]).text).toContain('Phạm Minh Đức');
  });
});

describe('what a term covers ("X gồm những ai?")', () => {
  const code: Doc = { docId: 'luat/tths.txt', title: 'Bộ luật Tố tụng hình sự', number: '101/2015/QH13', type: 'Bộ luật' };
  const minors = articleOf(code, '416', 'Điều 416. Những vấn đề cần xác định khi tiến hành tố tụng đối với người bị buộc tội là người dưới 18 tuổi', [
    '1. Tuổi, mức độ phát triển về thể chất và tinh thần của người bị buộc tội.',
    '2. Điều kiện sinh sống và giáo dục.',
  ]);
  const terms = articleOf(code, '4', 'Điều 4. Giải thích từ ngữ', [
    '1. Trong Bộ luật này, các từ ngữ dưới đây được hiểu như sau:',
    'c) Người tham gia tố tụng là cá nhân, cơ quan, tổ chức tham gia hoạt động tố tụng.',
    'đ) Người bị buộc tội gồm người bị bắt, người bị tạm giữ, bị can, bị cáo.',
  ]);
  it.each(['Người bị buộc tội gồm những ai?', '"Người bị buộc tội" trong tố tụng hình sự gồm những ai?', 'Theo BLTTHS, người bị buộc tội bao gồm những ai?'])(
    'quotes the piece that lists the term\'s members for "%s"',
    (q) => {
      const r = composeExtractive(q, [{ item: minors, score: 1.2 }, { item: terms, score: 1.1 }], { skipAbstention: true });
      expect(body(r.text)).toContain('Người bị buộc tội gồm người bị bắt');
    },
  );
});

describe('the date of the document asked', () => {
  const summary: Doc = { docId: 'vksnd/ct01.md', title: 'Chỉ thị số 01/CT-VKSTC về công tác kiểm sát năm 2024', number: '01/CT-VKSTC', type: 'Chỉ thị' };
  const info = articleOf(summary, '', 'Thông tin văn bản', [
    '- Số, ký hiệu: Chỉ thị số 01/CT-VKSTC.',
    '- Người ban hành: Viện trưởng VKSND tối cao.',
    '- Nguồn: bài "Chuyển đổi số tạo sự đột phá", Báo Sóc Trăng, 30/08/2024.',
    '- Ngày ban hành: 18/12/2023.',
  ]);
  const related = articleOf(summary, '', 'Văn bản liên quan', ['- Kế hoạch số 221/KH-VKSTC ngày 15/12/2023 về chuyển đổi số, được quán triệt cùng Chỉ thị số 01/CT-VKSTC.']);
  it('quotes its date of issue, not a source line\'s date nor another document\'s', () => {
    const r = composeExtractive('Chỉ thị 01/CT-VKSTC ngày nào?', [{ item: related, score: 1.1 }, { item: info, score: 1 }], { skipAbstention: true });
    expect(body(r.text)).toContain('18/12/2023');
    expect(body(r.text)).not.toContain('30/08/2024');
    expect(body(r.text)).not.toContain('15/12/2023');
  });
});

describe('an article on changing the thing asked', () => {
  const law: Doc = { docId: 'luat/bvbmnn.txt', title: 'Luật Bảo vệ bí mật nhà nước', number: '29/2018/QH14', type: 'Luật' };
  const extend = articleOf(law, '20', 'Điều 20. Gia hạn thời hạn bảo vệ bí mật nhà nước', [
    '4. Chậm nhất 15 ngày kể từ ngày gia hạn, cơ quan, tổ chức đã gia hạn phải thông báo bằng văn bản đến cơ quan, tổ chức, cá nhân có liên quan.',
  ]);
  const declassify = articleOf(law, '22', 'Điều 22. Giải mật', [
    '6. Chậm nhất 15 ngày kể từ ngày có quyết định giải mật, cơ quan, tổ chức quyết định giải mật phải thông báo bằng văn bản đến cơ quan, tổ chức, cá nhân có liên quan.',
  ]);
  it('prefers the article on the thing itself when the question names no change', () => {
    const r = composeExtractive('Sau khi có quyết định giải mật thì phải thông báo cho cơ quan, cá nhân liên quan trong bao lâu?', [{ item: extend, score: 1.2 }, { item: declassify, score: 0.95 }], { skipAbstention: true, maxUnits: 1 });
    expect(r.citations[0].locator).toContain('Điều 22');
  });
  it('keeps the article on the change when the question names it', () => {
    const r = composeExtractive('Sau khi gia hạn thời hạn bảo vệ thì phải thông báo trong bao lâu?', [{ item: extend, score: 1.08 }, { item: declassify, score: 0.95 }], { skipAbstention: true, maxUnits: 1 });
    expect(r.citations[0].locator).toContain('Điều 20');
  });
});

describe('an article\'s paragraphs read as one rule', () => {
  const khieuNai: Doc = { docId: 'luat/khieu-nai.txt', title: 'Luật Khiếu nại', number: '02/2011/QH13', type: 'Luật' };
  const rut = articleOf(khieuNai, '10', 'Điều 10. Rút khiếu nại', [
    'Người khiếu nại có thể rút khiếu nại tại bất cứ thời điểm nào trong quá trình khiếu nại và giải quyết khiếu nại; việc rút khiếu nại phải được thực hiện bằng đơn có chữ ký hoặc điểm chỉ của người khiếu nại.',
    'Người có thẩm quyền giải quyết khiếu nại khi nhận được đơn xin rút khiếu nại thì đình chỉ việc giải quyết và thông báo bằng văn bản cho người khiếu nại.',
  ]);
  const thoiHan = articleOf(khieuNai, '19', 'Điều 19. Thời hạn bảo vệ', [
    '1. Thời hạn bảo vệ là khoảng thời gian được tính đến hết thời hạn sau đây:',
    'a) 30 năm đối với hồ sơ độ Tuyệt mật;',
    'b) 20 năm đối với hồ sơ độ Tối mật;',
    'c) 10 năm đối với hồ sơ độ Mật.',
  ]);
  const guide: Chunk = {
    docId: 'huong-dan/ky-so.md', id: 'huong-dan/ky-so.md#1', ord: 1, title: 'Hướng dẫn ký số', type: 'Hướng dẫn', heading: 'Chữ ký số là gì',
    text: [
      '- Chữ ký số có giá trị pháp lý tương đương chữ ký của cá nhân đó trong văn bản giấy (khoản 2 Điều 23 Luật Giao dịch điện tử).',
      '- Chữ ký số chuyên dùng công vụ là chữ ký số có giá trị pháp lý được bảo đảm bởi chứng thư chữ ký số chuyên dùng công vụ (Điều 22).',
    ].join('\n'),
  };

  it('quotes the paragraph it did not pick when it scores nearly as well, though it adds no word', () => {
    const q = 'Người khiếu nại có được rút khiếu nại không?';
    const text = body(composeExtractive(q, rank(q, [rut, thoiHan])).text);
    expect(text).toContain('phải được thực hiện bằng đơn');
    expect(text).toContain('đình chỉ việc giải quyết');
  });

  it('adds a list\'s sibling items, but not a guide\'s other bullets, each a fact of its own', () => {
    const q = 'Hồ sơ độ Mật được bảo vệ trong bao nhiêu năm?';
    const items = body(composeExtractive(q, rank(q, [thoiHan, rut])).text);
    expect(items).toContain('c) 10 năm đối với hồ sơ độ Mật.');
    expect(items).toContain('b) 20 năm đối với hồ sơ độ Tối mật;');
    const g = 'Chữ ký số có giá trị pháp lý thế nào?';
    const text = body(composeExtractive(g, rank(g, [guide])).text);
    expect(text.split('\n').filter((l) => l.startsWith('- Chữ ký số'))).toHaveLength(1);
  });
});

describe('one long sentence cut for the question', () => {
  // Rarity as the runtime gives it (an IDF over the knowledge base): "trợ lý ảo" is rare, "ngành" is not.
  const df = new Map<string, number>();
  for (const c of kb) for (const w of new Set(c.text.split(/[^\p{L}\p{N}]+/u).map((x) => fold(x).toLowerCase()))) df.set(w, (df.get(w) ?? 0) + 1);
  const termWeight = (t: string) => Math.log((kb.length + 1) / (1 + (df.get(t) ?? 0)));
  const askRare = (q: string) => composeExtractive(q, rank(q, kb), { termWeight });

  it('quotes, after its opening clause and an ellipsis, the clauses holding the rare words the opening lacks', () => {
    const r = askRare('Kế hoạch chuyển đổi số có nói đến trợ lý ảo không?');
    expect(r.abstained).toBe(false);
    expect(body(r.text)).toMatch(/Trong đó, … .*ứng dụng trợ lý ảo trong hoạt động hành chính/u);
  });

  it('keeps the opening when it already holds the question (văn bản mật on the network)', () => {
    const r = askRare('Mục tiêu 100% văn bản trao đổi trên môi trường mạng có chữ ký số chuyên dùng trừ loại văn bản nào?');
    expect(body(r.text)).toContain('(trừ văn bản mật theo quy định của pháp luật và của Ngành)');
    expect(body(r.text)).not.toMatch(/Trong đó, …/u);
  });
});

describe('a how-long question whose best piece names a time but no length of it', () => {
  const tcd: Doc = { docId: 'luat/tcd.txt', title: 'Luật Tiếp công dân', number: '42/2013/QH13', type: 'Luật' };
  const kb2 = [
    articleOf(tcd, '18', 'Điều 18. Trách nhiệm của người đứng đầu cơ quan trong việc tiếp công dân', [
      '4. Khi tiếp công dân, người đứng đầu cơ quan phải có ý kiến trả lời về việc giải quyết vụ việc cho công dân. Trường hợp chưa trả lời ngay được thì chỉ đạo cơ quan kịp thời xem xét, giải quyết và thông báo thời gian trả lời cho công dân.',
    ]),
    articleOf(tcd, '28', 'Điều 28. Thông báo kết quả xử lý khiếu nại, tố cáo, kiến nghị, phản ánh', [
      '1. Trong thời hạn 10 ngày làm việc, kể từ ngày tiếp nhận nội dung khiếu nại, tố cáo, kiến nghị, phản ánh, người tiếp công dân có trách nhiệm trả lời trực tiếp hoặc thông báo bằng văn bản.',
    ]),
  ];
  it('quotes the one behind it that writes a number of days', () => {
    const q = 'Tiếp công dân xong thì trong bao lâu phải trả lời cho công dân?';
    const hits = rank(q, kb2);
    expect(hits[0].item.article).toBe('18');
    const r = composeExtractive(q, hits);
    expect(r.citations[0].locator).toMatch(/^Điều 28/);
    expect(body(r.text)).toContain('10 ngày làm việc');
  });
});
