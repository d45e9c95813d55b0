/**
 * Questions asking two things at once ("… do ai bổ nhiệm và nhiệm kỳ mấy năm?"): each half is
 * asked on its own and adds to the whole question's answer what that answer does not quote.
 */
import { describe, expect, it } from 'vitest';
import { answerInParts, questionParts, secondPartQuestion, type PartAnswer } from '../../core/answer/parts.js';
import { quotedKey } from '../../core/answer/quoted.js';

describe('questionParts', () => {
  it.each([
    ['Viện trưởng VKSND cấp tỉnh do ai bổ nhiệm và nhiệm kỳ mấy năm?', 'Viện trưởng VKSND cấp tỉnh do ai bổ nhiệm?', 'Nhiệm kỳ mấy năm?'],
    ['Giải mật là gì, khi nào bí mật nhà nước được giải mật?', 'Giải mật là gì?', 'Khi nào bí mật nhà nước được giải mật?'],
    ['Người tố cáo muốn rút tố cáo thì có phải làm văn bản không, vụ việc có dừng không?', 'Người tố cáo muốn rút tố cáo thì có phải làm văn bản không?', 'Vụ việc có dừng không?'],
    ['Tài liệu Tối mật được bảo vệ bao lâu, và ai có thẩm quyền gia hạn?', 'Tài liệu Tối mật được bảo vệ bao lâu?', 'Ai có thẩm quyền gia hạn?'],
  ])('splits "%s"', (q, first, second) => {
    expect(questionParts(q)).toEqual([first, second]);
  });

  it.each([
    // One question about two things: no question before "và".
    'Phông chữ và cỡ chữ của phần nội dung văn bản là bao nhiêu?',
    // The question word stands far back and governs what follows the comma.
    'Cơ quan điều tra có bao nhiêu ngày để kiểm tra, xác minh tin báo trước khi quyết định có khởi tố hay không?',
    // A story before the question.
    'Có người say rượu đến trụ sở, nói năng không còn tỉnh táo. Cán bộ có thể không tiếp người này không?',
    // "sao" here is a copy, not "why".
    'Chi phí in, sao, chụp tài liệu là bao nhiêu?',
    // Two candidates for one question.
    'Cơ quan nào, người nào có thẩm quyền giải quyết khiếu nại?',
    'Thời hạn giải quyết khiếu nại lần đầu là bao lâu?',
  ])('leaves "%s" whole', (q) => {
    expect(questionParts(q)).toBeUndefined();
  });
});

describe('secondPartQuestion', () => {
  it("asks the second half of the first half's subject", () => {
    expect(secondPartQuestion(['Hình ảnh chữ ký số của lãnh đạo phải màu gì?', 'Định dạng file gì?'], '')).toBe('Về Hình ảnh chữ ký số của lãnh đạo: định dạng file gì?');
    expect(secondPartQuestion(['Khiếu nại quyết định của Kiểm sát viên thì ai giải quyết?', 'Trong bao lâu?'], '')).toBe('Về Khiếu nại quyết định của Kiểm sát viên: trong bao lâu?');
  });
});

describe('answerInParts', () => {
  const answer = (lead: string, lines: string[], source = 'luat/tc.txt', locator = 'Điều 66'): PartAnswer => ({
    text: `${lead}\n${lines.join('\n')}\n\nNguồn:\n- Luật, ${locator}`,
    abstained: false,
    citations: [{ source, title: 'Luật Tổ chức Viện kiểm sát nhân dân', locator }],
  });
  const abstained: PartAnswer = { text: 'Tôi không tìm thấy …', abstained: true, citations: [] };
  const term = '3. Nhiệm kỳ của Viện trưởng Viện kiểm sát nhân dân cấp tỉnh là 05 năm.';
  const appointed = '1. Viện trưởng Viện kiểm sát nhân dân cấp tỉnh do Viện trưởng Viện kiểm sát nhân dân tối cao bổ nhiệm.';
  const parts = ['Viện trưởng VKSND cấp tỉnh do ai bổ nhiệm?', 'Nhiệm kỳ mấy năm?'] as const;
  const whole = answer('Theo Điều 66, khoản 3 Luật:', [term], 'luat/tc.txt', 'Điều 66, khoản 3');

  it("adds the half the whole question's answer leaves out, once, and cites both", async () => {
    const asked: string[] = [];
    const ask = async (q: string, quoted: ReadonlySet<string>) => {
      asked.push(q);
      // The first half quotes khoản 1 with khoản 3; asked again without khoản 3, khoản 1 alone.
      if (q === parts[0]) return quoted.has(quotedKey(term)) ? answer('Theo Điều 66, khoản 1 Luật:', [appointed], 'luat/tc.txt', 'Điều 66, khoản 1') : answer('Theo Điều 66, khoản 1 và 3 Luật:', [appointed, term]);
      return answer('Theo Điều 66, khoản 3 Luật:', [term], 'luat/tc.txt', 'Điều 66, khoản 3');
    };
    const r = await answerInParts(whole, parts, ask, () => true);
    expect(r.text.split(term).length - 1).toBe(1);
    expect(r.text).toContain(appointed);
    expect(r.text).toMatch(/Nguồn:\n- .*Điều 66, khoản 3; Điều 66, khoản 1/u);
    expect(asked[asked.length - 1]).toBe('Về Viện trưởng VKSND cấp tỉnh: nhiệm kỳ mấy năm?');
  });

  it('joins a half quoted under the same lead line to that quote, without repeating the lead-in', async () => {
    const leadIn = 'Việc gia hạn tạm giam được quy định như sau:';
    const lead = 'Theo Điều 173, khoản 2 Bộ luật Tố tụng hình sự:';
    const severe = answer(lead, [leadIn, 'd) Tội đặc biệt nghiêm trọng: gia hạn hai lần, mỗi lần không quá 04 tháng.'], 'luat/bltths.txt', 'Điều 173, khoản 2');
    const minor = answer(lead, [leadIn, 'a) Tội ít nghiêm trọng: gia hạn một lần không quá 01 tháng.'], 'luat/bltths.txt', 'Điều 173, khoản 2');
    const r = await answerInParts(severe, ['Được gia hạn mấy lần?', 'Mỗi lần bao lâu?'], async (q) => (/mỗi lần/iu.test(q) ? minor : severe), () => true);
    expect(r.text.split(lead).length - 1).toBe(1);
    expect(r.text.split(leadIn).length - 1).toBe(1);
    expect(r.text).toContain('a) Tội ít nghiêm trọng');
  });

  it("keeps the whole question's answer when the halves add nothing, and its abstention", async () => {
    const same = async () => whole;
    expect(await answerInParts(whole, parts, same, () => true)).toBe(whole);
    expect(await answerInParts(abstained, parts, async () => answer('Theo Điều 66 Luật:', [appointed]), () => true)).toBe(abstained);
    expect(await answerInParts(whole, parts, async () => abstained, () => true)).toBe(whole);
  });

  it('leaves out a half the guard stops, keeping the whole question\'s answer, which passed it', async () => {
    const firstOnly = async (q: string) => (q === parts[0] ? answer('Theo Điều 66, khoản 1 Luật:', [appointed], 'luat/tc.txt', 'Điều 66, khoản 1') : null);
    const r = await answerInParts(whole, parts, firstOnly, () => true);
    expect(r.text).toContain(appointed);
    expect(await answerInParts(whole, parts, firstOnly, (q) => q !== parts[0])).toBe(whole);
  });

  it('adds a line to the quote of its own source when the answer so far quotes several', async () => {
    const two: PartAnswer = {
      text: 'Theo Điều 1 Luật A:\n1. Dòng của luật A.\n\nTheo Điều 2 Luật B:\n2. Dòng của luật B.\n\nNguồn:\n- A\n- B',
      abstained: false,
      citations: [{ source: 'a', title: 'Luật A', locator: 'Điều 1' }, { source: 'b', title: 'Luật B', locator: 'Điều 2' }],
    };
    const more: PartAnswer = { text: 'Theo Điều 1 Luật A:\n3. Dòng mới của luật A.\n\nNguồn:\n- A', abstained: false, citations: [{ source: 'a', title: 'Luật A', locator: 'Điều 1, khoản 3' }] };
    const r = await answerInParts(two, ['Luật A quy định gì?', 'Luật B quy định gì?'], async (q) => (q.includes('A') ? more : null), () => true);
    expect(r.text).toMatch(/Theo Điều 1 Luật A:\n1\. Dòng của luật A\.\n3\. Dòng mới của luật A\.\n\nTheo Điều 2 Luật B:/u);
  });
});

describe('composeExtractive with lines already quoted', () => {
  it('quotes the best piece not yet quoted', async () => {
    const { composeExtractive } = await import('../../core/answer/compose.js');
    const { articleHit } = await import('./fixtures.js');
    const appointed = '1. Viện trưởng Viện kiểm sát nhân dân cấp tỉnh do Viện trưởng Viện kiểm sát nhân dân tối cao bổ nhiệm, miễn nhiệm, cách chức.';
    const term = '3. Nhiệm kỳ của Viện trưởng Viện kiểm sát nhân dân cấp tỉnh là 05 năm, kể từ ngày được bổ nhiệm.';
    const hit = articleHit({ docId: 'luat/tc.txt', title: 'Luật Tổ chức Viện kiểm sát nhân dân' }, 'Điều 66. Viện trưởng Viện kiểm sát nhân dân cấp tỉnh', [appointed, '2. Phó Viện trưởng giúp Viện trưởng thực hiện nhiệm vụ.', term]);
    const q = 'Viện trưởng Viện kiểm sát nhân dân cấp tỉnh được bổ nhiệm thế nào, nhiệm kỳ bao lâu?';
    const plain = composeExtractive(q, [hit], { maxUnits: 1 });
    const without = composeExtractive(q, [hit], { maxUnits: 1, quoted: new Set([quotedKey(plain.text.split('\n')[1])]) });
    expect(plain.text.split('\n')[1]).not.toBe(without.text.split('\n')[1]);
    expect(without.abstained).toBe(false);
  });
});

describe('a line the whole question\'s answer had to cut', () => {
  it('is replaced by the whole line a half quotes', async () => {
    const cut = 'd) Thời hạn gửi báo cáo hằng năm: Thời hạn cơ quan, …';
    const full = 'd) Thời hạn gửi báo cáo hằng năm: Thời hạn cơ quan, tổ chức gửi báo cáo chậm nhất vào ngày 20 tháng 12.';
    const lead = 'Theo Điều 8, khoản 1 Nghị định:';
    const cite = [{ source: 'nd26', title: 'Nghị định', locator: 'Điều 8, khoản 1' }];
    const whole: PartAnswer = { text: `${lead}\na) Báo cáo sơ kết một năm một lần;\n${cut}\n\nNguồn:\n- ND`, abstained: false, citations: cite };
    const half: PartAnswer = { text: `${lead}\n${full}\n\nNguồn:\n- ND`, abstained: false, citations: cite };
    const r = await answerInParts(whole, ['Báo cáo hằng năm cần những nội dung gì?', 'Hạn chót khi nào?'], async (q) => (q.includes('Hạn') || q.includes('hạn') ? half : whole), () => true);
    expect(r.text).toContain('chậm nhất vào ngày 20 tháng 12');
    expect(r.text).not.toContain(cut);
  });
});
