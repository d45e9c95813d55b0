/**
 * Follow-ups further into a conversation, from the twenty-third session's unseen conversations: a
 * follow-up of a follow-up, a pointer at a document two turns back, "nó" and "họ", another owner
 * after "của", and words compared as written.
 */
import { describe, expect, it } from 'vitest';
import { isFollowUp, rewriteFollowUp } from '../../core/answer/rewrite.js';
import type { Turn } from '../../core/types.js';

/** Asks each question in turn, as the runtime does: each turn keeps the standalone question it was answered with. */
function chain(...questions: string[]): string[] {
  const history: Turn[] = [];
  return questions.map((q) => {
    const standalone = rewriteFollowUp(q, history);
    history.push({ question: q, standalone, answer: '...' });
    return standalone;
  });
}

describe('a follow-up of a follow-up', () => {
  it('is completed with the subject the previous one was completed with, once', () => {
    const [, second, third] = chain('Văn bản hành chính phải dùng phông chữ gì?', 'Lề trái để bao nhiêu?', 'Còn khổ giấy?');
    expect(second).toBe('Về Văn bản hành chính: Lề trái để bao nhiêu?');
    expect(third).toMatch(/^Về Văn bản hành chính: khổ giấy/);
    expect(third).not.toMatch(/Về Về|lề trái/i);
  });
});

describe('pointers', () => {
  it('"quyết định này" two turns on is the decision an earlier question named', () => {
    const [, , third] = chain('Quyết định 390/QĐ-VKSTC là về việc gì?', 'Ban Chỉ đạo có bao nhiêu ủy viên?', 'Ai đã công bố quyết định này?');
    expect(third).toBe('Ai đã công bố Quyết định 390/QĐ-VKSTC?');
  });

  it('"trường hợp đó" at the end of the previous topic is the cases it describes', () => {
    const [, second] = chain('Người tiếp công dân được từ chối tiếp trong những trường hợp nào?', 'Vậy người say rượu thì có thuộc trường hợp đó không?');
    expect(second).toContain('trường hợp người tiếp công dân được từ chối tiếp');
  });

  it('"trường hợp này" after an action of the follow-up\'s own is the case the previous question told; otherwise all of it', () => {
    const prev = 'Nếu bị can dưới 18 tuổi thì lúc hỏi cung có bắt buộc người bào chữa phải có mặt không?';
    expect(chain(prev, 'Có được cho bị hại dưới 18 tuổi đối chất với bị can trong trường hợp này không?')[1]).toBe(
      'Có được cho bị hại dưới 18 tuổi đối chất với bị can trong trường hợp bị can dưới 18 tuổi không?',
    );
    expect(chain(prev, 'Trường hợp đó có phải báo cho gia đình không?')[1]).toContain('hỏi cung');
    // Asked of what the previous question did in the case ("điều tra"), the case alone would lose it.
    const stopped = chain('Nếu bị can bỏ trốn thì Cơ quan điều tra có phải tạm đình chỉ điều tra không?', 'Thời hạn điều tra được tính thế nào trong trường hợp này?')[1];
    expect(stopped).toContain('tạm đình chỉ');
  });

  it('"văn bản đó" is a thing the previous question named only when that question opens with it', () => {
    const s = chain('Người tố cáo rút tố cáo thì phải làm bằng văn bản không?', 'Văn bản đó gửi cho ai?')[1];
    expect(s).toContain('rút tố cáo');
  });

  it('"quyết định đó" with no document before it still takes the previous question, whatever clause it sits in', () => {
    const s = chain('Chủ tịch UBND huyện giải quyết khiếu nại lần đầu trong bao lâu?', 'Nếu tôi không đồng ý với quyết định đó thì khiếu nại tiếp ở đâu?')[1];
    expect(s).toContain('giải quyết khiếu nại lần đầu');
    // Opening the follow-up, it points back too.
    expect(chain('Tạm hoãn xuất cảnh áp dụng với ai?', 'Quyết định đó do ai ký?')[1]).not.toBe('Quyết định đó do ai ký?');
  });

  it('"nó" after a question about a document is the document, and may ask something of its own', () => {
    expect(chain('Luật Giao dịch điện tử 2023 có hiệu lực từ ngày nào?', 'Nó thay thế luật nào?')[1]).toBe('Luật Giao dịch điện tử 2023 thay thế luật nào?');
    expect(chain('Nghị định 30/2020/NĐ-CP có hiệu lực khi nào?', 'Nó quy định về việc gì?')[1]).toBe('Nghị định 30/2020/NĐ-CP quy định về việc gì?');
  });

  it('"họ" opening a question leans on the previous turn', () => {
    const history: Turn[] = [{ question: 'Cơ quan phải trả lời yêu cầu cung cấp thông tin trong bao lâu?', answer: '...' }];
    expect(isFollowUp('Họ có được gia hạn thêm không?', history)).toBe(true);
    // "Họ tên", "Họ và tên" are a person's name asked, no pronoun.
    expect(isFollowUp('Họ tên của Viện trưởng VKSND tối cao là gì?', history)).toBe(false);
    expect(rewriteFollowUp('Họ có được gia hạn thêm không?', history)).toMatch(/^Về .*cung cấp thông tin.*: Họ có được gia hạn thêm không\?$/);
  });
});

describe('another item of the same kind', () => {
  it('replaces the owner after "của" with a bare noun phrase', () => {
    expect(chain('Nhiệm kỳ của Viện trưởng VKSND tối cao là mấy năm?', 'Kiểm sát viên thì sao?')[1]).toBe('Nhiệm kỳ của Kiểm sát viên là mấy năm?');
    expect(chain('Nhiệm vụ của Kiểm tra viên là gì?', 'Còn Điều tra viên?')[1]).toBe('Nhiệm vụ của Điều tra viên là gì?');
  });

  it('compares words as written when both are: "viên" is no "Viện", and a name is not cut inside', () => {
    const s = chain('Nhiệm kỳ của Viện trưởng VKSND tối cao là mấy năm?', 'Kiểm sát viên thì sao?')[1];
    expect(s).not.toMatch(/Nhiệm Kiểm/);
    expect(chain('Gửi tài liệu độ Tuyệt mật thì phải đóng bì như thế nào?', 'Còn tài liệu độ Mật thì sao?')[1]).toBe('Gửi tài liệu độ Mật thì phải đóng bì như thế nào?');
    expect(chain('Viện trưởng VKSND cấp tỉnh do ai bổ nhiệm?', 'Còn Phó Viện trưởng?')[1]).toBe('Phó Viện trưởng VKSND cấp tỉnh do ai bổ nhiệm?');
  });

  it('swaps a whole office written the short way ("Viện trưởng VKS tỉnh" for "Phó Viện trưởng VKS huyện")', () => {
    const second = chain('Tố cáo hành vi vi phạm của Phó Viện trưởng VKS huyện khi thực hiện công vụ thì ai giải quyết?', 'Còn nếu người bị tố cáo là Viện trưởng VKS tỉnh?')[1];
    expect(second).toContain('của Viện trưởng VKS tỉnh khi thực hiện công vụ');
    expect(second).not.toContain('VKS huyện');
  });

  it('swaps a procedural body at another level ("Viện kiểm sát cấp trên trực tiếp" for "… cùng cấp"), also in a completed follow-up', () => {
    const same = 'Viện kiểm sát cùng cấp muốn kháng nghị bản án sơ thẩm thì có bao lâu?';
    expect(chain(same, 'Thế nếu là Viện kiểm sát cấp trên trực tiếp?')[1]).toBe('Viện kiểm sát cấp trên trực tiếp muốn kháng nghị bản án sơ thẩm thì có bao lâu?');
    const [, , third] = chain('Nếu bị cáo vắng mặt lúc tuyên án thì thời hạn kháng cáo tính từ khi nào?', 'Còn Viện kiểm sát cùng cấp muốn kháng nghị bản án đó thì có bao lâu?', 'Thế nếu là Viện kiểm sát cấp trên trực tiếp?');
    expect(third).toMatch(/: Viện kiểm sát cấp trên trực tiếp muốn kháng nghị bản án đó thì có bao lâu\?$/);
  });

  it('swaps a body only for one of its kind, and only when the follow-up says nothing else', () => {
    const appeal = 'Viện kiểm sát cấp trên trực tiếp có thể kháng nghị bản án sơ thẩm trong bao lâu?';
    expect(chain(appeal, 'Nếu bản án do Tòa án cấp huyện xét xử thì sao?')[1]).not.toMatch(/Tòa án cấp huyện có thể kháng nghị/);
    const report = 'Viện kiểm sát cấp huyện phải báo cáo việc tạm giữ cho ai?';
    expect(chain(report, 'Còn nếu Viện kiểm sát cấp tỉnh không đồng ý thì làm gì?')[1]).not.toMatch(/Viện kiểm sát cấp tỉnh phải báo cáo/);
  });

  it('asks the same question again of the other item, also after a completed follow-up', () => {
    const grade = 'Thời hạn tạm giam bị can để điều tra tội rất nghiêm trọng là bao lâu?';
    expect(chain(grade, 'Thế nếu là tội đặc biệt nghiêm trọng thì sao?')[1]).toBe('Thời hạn tạm giam bị can để điều tra tội đặc biệt nghiêm trọng là bao lâu?');
    const [, second, third] = chain(grade, 'Còn gia hạn thì được mấy lần?', 'Thế nếu là tội đặc biệt nghiêm trọng thì sao?');
    expect(second).toMatch(/^Về .*rất nghiêm trọng: gia hạn thì được mấy lần\?$/);
    // The extension is still what is asked: not "…: nếu là tội đặc biệt nghiêm trọng?".
    expect(third).toMatch(/^Về .*tội đặc biệt nghiêm trọng: gia hạn thì được mấy lần\?$/);
    // An item with words of its own is a question of its own.
    expect(chain(grade, 'Thế nếu bị can bỏ trốn thì sao?')[1]).not.toContain('là bao lâu');
  });
});

describe('a noun of the previous question with "đó"', () => {
  it('stands for that noun\'s own phrase, not the whole previous question', () => {
    const [, second] = chain('Người có khó khăn trong nhận thức muốn yêu cầu cơ quan nhà nước cung cấp thông tin thì làm thế nào?', 'Nếu bị cơ quan đó từ chối thì họ làm gì được?');
    expect(second).toBe('Nếu bị cơ quan nhà nước cung cấp thông tin từ chối thì họ làm gì được?');
  });

  it('stands for the whole previous topic when that opens with the noun, not a later mention of it', () => {
    const [, second] = chain('Chữ ký số trên văn bản điện tử có giá trị như chữ ký tay trên giấy không?', 'Ai cấp chứng thư cho chữ ký đó?');
    expect(second).toContain('Chữ ký số trên văn bản điện tử');
  });
});

describe('the same item named again', () => {
  it('is no swap: the follow-up asks its own question of it, not the previous one again', () => {
    const prev = 'Người dân xin một tài liệu đã được cung cấp cho chính họ hai lần, giờ từ chối được không?';
    const second = chain(prev, 'Vậy từ chối phải làm bằng hình thức gì?')[1];
    expect(second).not.toBe(prev);
    expect(second).toContain('bằng hình thức gì');
  });
});

describe('a one-syllable noun of the previous question with "đó"', () => {
  it('points back at it as a two-syllable one does ("các ngạch đó" after "… có những ngạch nào?")', () => {
    const [, second] = chain('Kiểm tra viên có những ngạch nào?', 'Tiêu chuẩn bổ nhiệm các ngạch đó do ai quy định?');
    expect(second).toMatch(/các ngạch kiểm tra viên do ai quy định/i);
  });
});

describe('"giả sử" opening a follow-up', () => {
  it('supposes a case of what the conversation is about', () => {
    const second = chain('Bị cáo muốn kháng cáo thì hạn chót là bao lâu?', 'Giả sử bị cáo lỡ hạn vì nằm viện cấp cứu thì có được chấp nhận không?')[1];
    expect(second).toMatch(/^Về .*kháng cáo.*: bị cáo lỡ hạn vì nằm viện cấp cứu/);
  });
});

describe('a condition of its own', () => {
  it('is no item swapped into the previous question ("Còn nếu thấy bì … thì sao?")', () => {
    const [, , third] = chain(
      'Văn thư nhận phong bì có dấu "Chỉ người có tên mới được bóc bì" thì có được mở ra không?',
      'Nếu người đó đi vắng mà bì lại có dấu Hỏa tốc thì xử lý sao?',
      'Còn nếu thấy bì có dấu hiệu đã bị bóc trước thì sao?',
    );
    expect(third).toContain('nếu thấy bì có dấu hiệu đã bị bóc trước');
    expect(third).not.toContain('Hỏa tốc');
  });
});

describe('a pointer after a yes-or-no question', () => {
  it('"nó" is the subject before the modal, not the question', () => {
    expect(chain('Thông điệp dữ liệu có được dùng làm chứng cứ không?', 'Giá trị chứng cứ của nó được xác định dựa vào đâu?')[1]).toBe('Giá trị chứng cứ của Thông điệp dữ liệu được xác định dựa vào đâu?');
  });

  it('"việc đó" is what is done, without the "có" it was asked with, and keeps its "được" or "bị"', () => {
    const second = chain('Điều tra viên có được hỏi cung bị can vào ban đêm không?', 'Thế nếu việc đó không thể trì hoãn được thì sao?')[1];
    expect(second).toContain('Điều tra viên được hỏi cung bị can vào ban đêm');
    expect(second).not.toContain('có được');
    // Without its "bị", the one denounced would be the one who prosecutes.
    expect(chain('Người tố cáo sai sự thật có bị xử lý hình sự không?', 'Việc đó do ai quyết định?')[1]).toBe('Người tố cáo sai sự thật bị xử lý hình sự do ai quyết định?');
  });

  it('"nó" is no condition: after "Nếu … thì có bị … không?" the subject is not "Nếu … thì"', () => {
    expect(chain('Nếu bị can bỏ trốn thì có bị truy nã không?', 'Nó do ai quyết định?')[1]).not.toMatch(/^Nếu bị can bỏ trốn thì do ai/);
  });
});

describe('a noun of the previous question, told with its case', () => {
  it('keeps the case told before the noun ("Bị can là người dưới 18 tuổi thì thời hạn tạm giam")', () => {
    expect(chain('Bị can là người dưới 18 tuổi thì thời hạn tạm giam là bao lâu?', 'Thời hạn đó có được gia hạn không?')[1]).toContain('người dưới 18 tuổi');
  });

  it('reads "thi" of "thi hành án" as no "thì" when the question is written with accents', () => {
    const second = chain('Người phải thi hành án muốn khiếu nại cơ quan thi hành án dân sự thì làm thế nào?', 'Nếu cơ quan đó không trả lời thì sao?')[1];
    expect(second).toContain('cơ quan thi hành án dân sự');
  });

  it('takes the noun from the previous question, also after its colon, before looking further back', () => {
    const [, , third] = chain('Thời hạn tạm giữ là bao lâu?', 'Về thủ tục rút gọn: thời hạn điều tra là bao lâu?', 'Thời hạn đó có được gia hạn không?');
    expect(third).not.toContain('tạm giữ');
  });
});

describe('what a pointer stands for, further on', () => {
  it('"nó" after a question framed before its noun is the noun, not the frame', () => {
    expect(chain('Khi nào thì được áp dụng thủ tục rút gọn trong vụ án hình sự?', 'Ai ra quyết định áp dụng nó?')[1]).toBe('Ai ra quyết định áp dụng thủ tục rút gọn trong vụ án hình sự?');
  });

  it('a pointer after a completed follow-up stands for its subject, never for "Về …:"', () => {
    const [, , third] = chain('Số của văn bản hành chính ghi bằng chữ số gì?', 'Nếu số đó nhỏ hơn 10 thì sao?', 'Còn giữa nó và ký hiệu thì dùng dấu gì?');
    expect(third).not.toContain('Về ');
    expect(third).toContain('Số của văn bản hành chính');
  });

  it('"thủ tục này" when the previous question wrote no "thủ tục" is the one a question before it named', () => {
    const [, , third] = chain('Khi nào được áp dụng thủ tục rút gọn?', 'Ai ra quyết định áp dụng và trong bao lâu?', 'Thời hạn tạm giam theo thủ tục này tối đa bao lâu?');
    expect(third).toBe('Thời hạn tạm giam theo thủ tục rút gọn tối đa bao lâu?');
  });

  it('"việc gia hạn đó" keeps its noun when the subject does not write it', () => {
    const [, , third] = chain('Thời hạn tạm giữ theo BLTTHS là bao lâu?', 'Thế nếu chưa đủ thì được gia hạn mấy lần?', 'Ai phê chuẩn việc gia hạn đó?');
    expect(third).toBe('Ai phê chuẩn việc gia hạn tạm giữ theo BLTTHS?');
  });

  it('an item named whole again is the same item ("chữ ký số" holds "ký số"): the owner after "của" is swapped', () => {
    expect(chain('Hình ảnh chữ ký số của người có thẩm quyền phải trình bày thế nào?', 'Còn chữ ký số của cơ quan thì sao?')[1]).toBe('Hình ảnh chữ ký số của cơ quan phải trình bày thế nào?');
  });
});

describe('who "họ" are, and a subject cut before its modal', () => {
  it('"Họ …" is asked of the previous question\'s subject, not of its count', () => {
    const [, second] = chain('VKSND hai cấp Sóc Trăng đã số hóa được bao nhiêu hồ sơ vụ án hình sự?', 'Họ tập huấn phần mềm gì để làm sơ đồ tư duy?');
    expect(second).toMatch(/^Về VKSND hai cấp Sóc Trăng[^:]*: Họ tập huấn phần mềm gì để làm sơ đồ tư duy\?$/);
    expect(second).not.toContain('bao nhiêu');
  });

  it('"họ" after a preposition is the people the previous question was about, named up to their verb', () => {
    const [, second] = chain('Người làm chứng được pháp luật bảo vệ như thế nào?', 'Ai có trách nhiệm áp dụng biện pháp bảo vệ đối với họ?');
    expect(second).toBe('Ai có trách nhiệm áp dụng biện pháp bảo vệ đối với người làm chứng?');
    const [, third] = chain('Bị can có những quyền gì?', 'Ai phải giải thích quyền cho họ?');
    expect(third).toBe('Ai phải giải thích quyền cho bị can?');
    // A verb right after the first word belongs to the name: "người bị tạm giữ", "người có quyền lợi …".
    expect(chain('Người bị tạm giữ có những quyền gì?', 'Ai phải giải thích quyền cho họ?')[1]).toBe('Ai phải giải thích quyền cho người bị tạm giữ?');
    // "họ hàng" (relatives) is no pronoun; nor is "họ" of people the same sentence names, or after a subject that is no people.
    expect(chain('Người bị tạm giam được thăm gặp mấy lần?', 'Có được gửi thư cho họ hàng không?')[1]).not.toContain('cho người');
    expect(chain('Văn bản hành chính phải dùng phông chữ gì?', 'Người làm chứng bị đe dọa thì cơ quan nào áp dụng biện pháp bảo vệ cho họ?')[1]).toBe(
      'Người làm chứng bị đe dọa thì cơ quan nào áp dụng biện pháp bảo vệ cho họ?',
    );
    expect(chain('Thời hạn tạm giam là bao lâu?', 'Ai có trách nhiệm thông báo cho họ?')[1]).not.toContain('thời hạn');
  });

  it('a short condition before a verb-first clause leans on the previous turn: "Nếu chưa kịp thì được gia hạn …"', () => {
    const history = [{ question: 'Thông tin phức tạp thì cơ quan phải cung cấp trong bao lâu?' }];
    expect(isFollowUp('Nếu chưa kịp thì được gia hạn thêm bao lâu?', history)).toBe(true);
    expect(isFollowUp('Khi quá hạn thì ai chịu trách nhiệm?', history)).toBe(true);
    // A condition that tells a case of its own is a question of its own.
    expect(isFollowUp('Nếu người tố cáo cố ý tố cáo sai sự thật thì bị xử lý thế nào?', history)).toBe(false);
    expect(isFollowUp('Trường hợp khẩn cấp thì ai có quyền bắt người?', history)).toBe(false);
    expect(isFollowUp('Nếu bị oan thì được bồi thường không?', history)).toBe(false);
    expect(rewriteFollowUp('Nếu chưa kịp thì được gia hạn thêm bao lâu?', history)).toMatch(/^Về .*[Tt]hông tin phức tạp.*: Nếu chưa kịp thì được gia hạn thêm bao lâu\?$/);
  });

  it('"mỗi lần như vậy" leans on the previous turn; "như vậy thì" opening a question is "then"', () => {
    const history = [{ question: 'Thời hạn bảo vệ bí mật nhà nước được gia hạn khi nào?' }];
    expect(isFollowUp('Mỗi lần như vậy được kéo dài tối đa bao lâu?', history)).toBe(true);
    expect(rewriteFollowUp('Mỗi lần như vậy được kéo dài tối đa bao lâu?', history)).toMatch(/^Về .*bí mật nhà nước.*: Mỗi lần như vậy được kéo dài tối đa bao lâu\?$/);
    expect(isFollowUp('Người làm chứng được bảo vệ như vậy thì cơ quan điều tra phải làm gì trước tiên?', history)).toBe(false);
  });

  it('"Nếu họ …", "Còn khi họ …": they, as the condition\'s subject, are the previous question\'s', () => {
    const history = [{ question: 'Nhiều người cùng khiếu nại một nội dung thì cử mấy người đại diện?' }];
    expect(isFollowUp('Nếu họ kích động, gây rối thì xử lý sao?', history)).toBe(true);
    expect(rewriteFollowUp('Nếu họ kích động, gây rối thì xử lý sao?', history)).toMatch(/^Về Nhiều người cùng khiếu nại một nội dung[^:]*: Nếu họ kích động, gây rối thì xử lý sao\?$/);
  });

  it('leaves the "thì" before the modal out of the subject', () => {
    expect(chain('Ký văn bản giấy thì phải dùng bút mực màu gì?', 'Còn với văn bản điện tử thì người có thẩm quyền ký thế nào?')[1]).toMatch(/^Về Ký văn bản giấy: /);
  });
});

describe('a whole question of its own after a cue', () => {
  it('stands alone instead of taking the previous subject ("Còn hỏi cung tại trại tạm giam thì có bắt buộc ghi âm, ghi hình không?")', () => {
    const [, , third, fourth] = chain(
      'Điều tra viên có được hỏi cung bị can vào ban đêm không?',
      'Thế nếu việc đó không thể trì hoãn được thì sao?',
      'Còn hỏi cung tại trại tạm giam thì có bắt buộc ghi âm, ghi hình không?',
      'Nếu hỏi ở địa điểm khác ngoài trại thì sao?',
    );
    expect(third).toBe('Hỏi cung tại trại tạm giam thì có bắt buộc ghi âm, ghi hình không?');
    // The next follow-up leans on it, not on the night-time questioning.
    expect(fourth).toContain('trại tạm giam');
    expect(fourth).not.toContain('ban đêm');
  });

  it('keeps the body of rules the previous question was asked under', () => {
    const s = chain('Tố cáo hành vi của Kiểm sát viên trong tố tụng hình sự thì gửi ai?', 'Còn thời hạn giải quyết tố cáo tối đa là bao nhiêu ngày?')[1];
    expect(s).toContain('tố tụng hình sự');
  });

  it('still leans on the previous turn when it points back or names too little', () => {
    const prev = 'Doanh nghiệp nước ngoài cung cấp dịch vụ Internet tại Việt Nam có phải lưu dữ liệu người dùng trong nước không?';
    expect(chain(prev, 'Vậy họ có phải mở văn phòng ở Việt Nam không?')[1]).not.toBe('Họ có phải mở văn phòng ở Việt Nam không?');
    expect(chain('Thời hạn tạm giam bị can để điều tra tội nghiêm trọng là bao lâu?', 'Thế gia hạn được mấy lần, mỗi lần bao lâu?')[1]).toContain('tạm giam');
  });
});

describe('a time limit that lapses', () => {
  it('"Nếu hết hạn mà …" is asked of the time limit the previous question asked', () => {
    const [, second, third] = chain(
      'Bên CQĐT vừa ra quyết định tạm giữ một người bị bắt quả tang. Thời hạn tạm giữ ban đầu là bao lâu?',
      'Nếu hết hạn mà chưa đủ căn cứ thì họ được gia hạn mấy lần?',
      'Việc gia hạn đó ai phê chuẩn, và phải trả lời trong bao lâu?',
    );
    expect(second).toBe('Về tạm giữ ban đầu: Nếu hết hạn mà chưa đủ căn cứ thì họ được gia hạn mấy lần?');
    expect(third).toContain('gia hạn tạm giữ');
    expect(third).not.toMatch(/Nếu hết hạn/);
  });

  it('typed without accents too, but not a time limit the question names itself', () => {
    const history: Turn[] = [{ question: 'Thời hạn tạm giữ là bao lâu?', standalone: 'Thời hạn tạm giữ là bao lâu?', answer: '...' }];
    expect(isFollowUp('het han ma chua xong thi co duoc gia han khong', history)).toBe(true);
    expect(isFollowUp('Hết thời hạn tạm giam mà chưa điều tra xong thì Viện kiểm sát phải làm gì?', history)).toBe(false);
    // Whose limit it is, said before it, or a document named: a question of its own.
    expect(isFollowUp('Kháng cáo quá hạn thì Tòa án có xem xét không?', history)).toBe(false);
    expect(isFollowUp('Giấy chứng minh nhân dân hết hạn thì có được làm đơn tố cáo không?', history)).toBe(false);
    expect(isFollowUp('Theo Luật Khiếu nại, nếu quá hạn thì đơn có được thụ lý không?', history)).toBe(false);
  });
});
