import { describe, expect, it } from 'vitest';
import { askedSubject, documentReferences, isFollowUp, rewriteFollowUp, withoutPreamble } from '../../core/answer/rewrite.js';
import { fold } from '../../core/text.js';

const after = (previous: string, q: string) => rewriteFollowUp(q, [{ question: previous, answer: '...' }]);
const has = (s: string, part: string) => fold(s).includes(fold(part));

describe('rewriteFollowUp', () => {
  it('leaves the count the previous question asked out of its topic ("… là bao nhiêu ngày")', () => {
    const s = after('Thời hạn kháng cáo bản án hình sự sơ thẩm là bao nhiêu ngày?', 'Thế bị cáo vắng mặt lúc tuyên án thì thời hạn đó tính từ ngày nào?');
    expect(s).toContain('Thời hạn kháng cáo bản án hình sự sơ thẩm tính từ ngày nào');
    expect(s).not.toContain('bao nhiêu');
  });

  it('reads "Trong đó, …" as a question about what the previous one counted, whose topic keeps "cụ thể"', () => {
    const s = after('Kế hoạch 221/KH-VKSTC có bao nhiêu mục tiêu cụ thể?', 'Trong đó, chỉ tiêu về nơi hỏi cung bị can là bao nhiêu phần trăm?');
    expect(s).toContain('Kế hoạch 221/KH-VKSTC mục tiêu cụ thể');
    expect(s).toContain('chỉ tiêu về nơi hỏi cung bị can là bao nhiêu phần trăm');
    expect(s).not.toContain('Trong đó');
    expect(s).not.toMatch(/có bao nhiêu/);
    // Without the comma it is no opener: "trong độ tuổi" folds to the same letters.
    expect(after('Kế hoạch 221/KH-VKSTC có bao nhiêu mục tiêu cụ thể?', 'Trong độ tuổi nào thì người làm chứng được miễn nghĩa vụ khai báo?')).toBe(
      'Trong độ tuổi nào thì người làm chứng được miễn nghĩa vụ khai báo?',
    );
  });

  it('reads "người đó" as the office the previous question names when no answer named a person', () => {
    expect(after('Ai có thẩm quyền bổ nhiệm Viện trưởng Viện kiểm sát nhân dân cấp tỉnh?', 'Người đó giữ chức trong bao nhiêu năm?')).toBe(
      'Viện trưởng Viện kiểm sát nhân dân cấp tỉnh giữ chức trong bao nhiêu năm?',
    );
    // A name in the previous answer comes first.
    const named = rewriteFollowUp('Người đó giữ chức vụ gì?', [{ question: 'Ai phát biểu tại phiên họp?', answer: 'Đồng chí Nguyễn Huy Tiến, Phó Viện trưởng Viện kiểm sát nhân dân tối cao, phát biểu.' }]);
    expect(named).toContain('Nguyễn Huy Tiến');
  });

  it('reads a time with a demonstrative ("khoảng giờ đó", "thời gian đó") as the previous topic', () => {
    const s = after('Theo luật tố tụng hình sự thì "ban đêm" được tính từ mấy giờ đến mấy giờ?', 'Trong khoảng giờ đó điều tra viên có được hỏi cung bị can không?');
    expect(s).toContain('ban đêm');
    expect(s).toContain('hỏi cung bị can');
  });

  it('swaps a level for a level ("tài liệu độ Tuyệt mật" for "… độ Mật"), and reads "độ" as no "đó"', () => {
    expect(after('Tài liệu bí mật nhà nước độ Mật được bảo vệ trong bao nhiêu năm?', 'Thế còn tài liệu độ Tuyệt mật?')).toBe(
      'Tài liệu bí mật nhà nước độ Tuyệt mật được bảo vệ trong bao nhiêu năm?',
    );
    // "tài liệu đó" still points back.
    expect(has(after('Tài liệu bí mật nhà nước độ Mật được bảo vệ trong bao nhiêu năm?', 'Ai được giải mật tài liệu đó?'), 'độ Mật')).toBe(true);
  });

  it('reads "<the previous question\'s action> xong thì …" as a follow-up, and "quyết định xong" as no document', () => {
    const s = after('Trong giai đoạn truy tố, khi nào Viện kiểm sát ra quyết định phục hồi vụ án?', 'Ra quyết định xong thì phải giao cho bị can trong mấy ngày?');
    expect(s).toContain('phục hồi vụ án');
    expect(s).toContain('giao cho bị can trong mấy ngày');
    // An action of its own is a question of its own.
    expect(after('Trong giai đoạn truy tố, khi nào Viện kiểm sát ra quyết định phục hồi vụ án?', 'Lập biên bản khám xét xong thì phải giao cho ai?')).toBe('Lập biên bản khám xét xong thì phải giao cho ai?');
  });

  it('reads "Muốn <the previous question\'s action> thì …" as a follow-up, an action of its own as a question of its own', () => {
    const prev = 'Thời hạn tạm giam bị can để điều tra tội phạm nghiêm trọng có được gia hạn không?';
    const s = after(prev, 'Muốn gia hạn thì Cơ quan điều tra phải gửi đề nghị trước bao lâu?');
    expect(s).toContain('tạm giam');
    expect(after(prev, 'Muốn khám xét thì ai ra lệnh?')).toBe('Muốn khám xét thì ai ra lệnh?');
  });

  it('swaps a long item when the follow-up is nothing but it ("Còn … thì sao?")', () => {
    expect(after('Giám định nguyên nhân chết người thì tối đa bao lâu phải có kết luận?', 'Còn giám định tình trạng tâm thần của người bị buộc tội thì sao?')).toBe(
      'Giám định tình trạng tâm thần của người bị buộc tội thì tối đa bao lâu phải có kết luận?',
    );
  });

  it('reads a generic noun with a demonstrative as the part of the previous topic it names', () => {
    const s = after('Điều kiện để áp dụng thủ tục rút gọn là gì?', 'Thế theo thủ tục đó thì cơ quan điều tra có bao nhiêu ngày để điều tra?');
    expect(s).toContain('thủ tục rút gọn thì cơ quan điều tra');
    expect(s).not.toContain('Điều kiện');
    // A word of the previous question's own ("giải quyết đó") points at all of it.
    expect(after('Khiếu nại quyết định tố tụng của Kiểm sát viên thì ai giải quyết?', 'Nếu người khiếu nại không đồng ý với kết quả giải quyết đó thì sao?')).toContain('Kiểm sát viên');
  });

  it('"còn X thì sao?" keeps the previous subject and drops its old facet', () => {
    const prev = 'Kế hoạch chuyển đổi số năm 2024 có những mục tiêu gì trong quản lý, chỉ đạo, điều hành?';
    for (const q of ['còn mục tiêu về nghiệp vụ thì sao?', 'con muc tieu ve nghiep vu thi sao?']) {
      const s = after(prev, q);
      expect(has(s, 'Kế hoạch chuyển đổi số năm 2024')).toBe(true);
      expect(has(s, 'nghiệp vụ')).toBe(true);
      expect(has(s, 'điều hành')).toBe(false);
      expect(has(s, 'thì sao')).toBe(false);
    }
  });

  it('"thế còn X?" adds the previous topic', () => {
    const s = after('Thời hạn giải quyết tố cáo là bao lâu?', 'thế còn gia hạn?');
    expect(has(s, 'giải quyết tố cáo')).toBe(true);
    expect(has(s, 'gia hạn')).toBe(true);
  });

  it('replaces "điều đó" by the previous topic, with and without diacritics', () => {
    for (const q of ['Điều đó áp dụng cho ai?', 'dieu do ap dung cho ai?']) {
      const s = after('Luật Tố cáo quy định thời hạn giải quyết tố cáo là bao lâu?', q);
      expect(has(s, 'Luật Tố cáo')).toBe(true);
      expect(has(s, 'thời hạn giải quyết tố cáo')).toBe(true);
      expect(has(s, 'áp dụng cho ai')).toBe(true);
      expect(has(s, 'điều đó')).toBe(false);
    }
  });

  it('replaces a document pointer ("văn bản này") by the previous document', () => {
    const s = after('Kế hoạch 221/KH-VKSTC do ai ban hành?', 'Văn bản này có bao nhiêu mục tiêu?');
    expect(s).toBe('Kế hoạch 221/KH-VKSTC có bao nhiêu mục tiêu?');
  });

  it('"vậy còn <document>?" asks the previous question about the new document', () => {
    for (const q of ['Vậy còn Luật Tố cáo?', 'vay con luat to cao']) {
      const s = after('Thời hạn giải quyết khiếu nại theo Luật Khiếu nại là bao lâu?', q);
      expect(has(s, 'thời hạn giải quyết')).toBe(true);
      expect(has(s, 'luật tố cáo')).toBe(true);
      expect(has(s, 'khiếu nại theo luật khiếu nại')).toBe(false);
    }
  });

  it('"cái đó thì sao" repeats the previous standalone question', () => {
    const history = [{ question: 'thế còn gia hạn?', standalone: 'Về thời hạn giải quyết tố cáo: gia hạn?' }];
    expect(rewriteFollowUp('cái đó thì sao', history)).toBe('Về thời hạn giải quyết tố cáo: gia hạn?');
  });

  it('completes "Sau khi <the previous verb> thì …" with what the previous question did it to', () => {
    const prev = 'Ai có thẩm quyền điều chỉnh độ mật của bí mật nhà nước?';
    for (const q of ['Sau khi điều chỉnh thì phải thông báo cho các bên liên quan trong bao lâu?', 'sau khi dieu chinh thi phai thong bao trong bao lau']) {
      const s = after(prev, q);
      expect(has(s, 'điều chỉnh độ mật của bí mật nhà nước')).toBe(true);
      expect(has(s, 'thông báo')).toBe(true);
    }
    // A verb the previous question did not use makes a clause of its own.
    expect(isFollowUp('Sau khi ký số thì văn bản được phát hành trong bao lâu?', [{ question: prev }])).toBe(false);
  });

  it('passes a standalone question through unchanged', () => {
    const prev = 'Kế hoạch 221/KH-VKSTC do ai ban hành?';
    for (const q of [
      'Người tố cáo có những quyền gì?',
      'Thời hạn giải quyết tố cáo là bao lâu?',
      'Việc tiếp nhận tố cáo do cơ quan nào thực hiện?',
      'nguoi to cao co nghia vu gi',
      'Viện kiểm sát nhân dân có nhiệm vụ, quyền hạn gì trên môi trường mạng?',
    ]) {
      expect(isFollowUp(q, [{ question: prev }])).toBe(false);
      expect(after(prev, q)).toBe(q);
    }
  });

  it('swaps the contrasted item for the item of its kind wherever it stands in the previous question', () => {
    expect(after('Kiểm sát viên không được làm những việc gì?', 'vậy Điều tra viên thì sao?')).toBe('Điều tra viên không được làm những việc gì?');
    // Alike only in the last of two words: not swapped.
    expect(after('Thời hạn giải quyết tố cáo là bao lâu?', 'thế còn gia hạn?')).not.toMatch(/^Gia hạn giải quyết/u);
    expect(after('Người khiếu nại có quyền gì?', 'còn người bị khiếu nại thì sao?')).toBe('Người bị khiếu nại có quyền gì?');
    expect(after('Nhiệm kỳ của Viện trưởng VKSND tối cao là bao lâu?', 'còn Phó Viện trưởng thì sao?')).toBe('Nhiệm kỳ của Phó Viện trưởng VKSND tối cao là bao lâu?');
    expect(after('Thời hạn điều tra tội phạm ít nghiêm trọng là bao lâu?', 'còn tội phạm nghiêm trọng?')).toBe('Thời hạn điều tra tội phạm nghiêm trọng là bao lâu?');
    expect(after('nguoi khieu nai co quyen gi', 'con nguoi bi khieu nai thi sao')).toBe('Nguoi bi khieu nai co quyen gi');
  });

  it('asks for the other list of the same subject ("còn nghĩa vụ?" after its rights)', () => {
    expect(after('Người tố cáo có những quyền gì?', 'Còn nghĩa vụ?')).toBe('Người tố cáo có những nghĩa vụ gì?');
    expect(after('nguoi khieu nai co quyen gi', 'con nghia vu thi sao')).toBe('Nguoi khieu nai co nghia vu gi');
    // "quyền" inside "quyền hạn" is not the noun asked back.
    expect(after('Kiểm sát viên có những nhiệm vụ, quyền hạn gì?', 'còn trách nhiệm?')).toBe('Kiểm sát viên có những trách nhiệm, quyền hạn gì?');
    expect(after('Thời hạn giải quyết khiếu nại lần đầu là bao lâu?', 'Còn thời hiệu?')).toBe('Thời hiệu giải quyết khiếu nại lần đầu là bao lâu?');
  });

  it('replaces the measured thing when the follow-up names another measure and what it measures', () => {
    expect(after('Luật Khiếu nại quy định thời hiệu khiếu nại là bao lâu?', 'Còn thời hạn giải quyết lần đầu?')).toBe(
      'Luật Khiếu nại quy định thời hạn giải quyết lần đầu là bao lâu?',
    );
    // Typed without accents, it takes those of the words the previous question wrote ("thời").
    expect(fold(after('Thời hiệu khiếu nại là bao lâu?', 'con thoi han giai quyet lan dau'))).toBe('thoi han giai quyet lan dau la bao lau?');
    // "ở đâu" asks a question of its own: no measure swapped.
    expect(after('Thời hiệu khiếu nại là bao lâu?', 'Còn thời hạn nộp đơn ở đâu?')).not.toContain('bao lâu');
  });

  it('replaces the qualifier that closed the previous question when the follow-up names its noun with another', () => {
    expect(after('Kế hoạch chuyển đổi số năm 2024 có những mục tiêu nào trong quản lý, chỉ đạo, điều hành?', 'còn mục tiêu về nghiệp vụ thì sao?')).toBe(
      'Kế hoạch chuyển đổi số năm 2024 có những mục tiêu nào về nghiệp vụ?',
    );
    expect(after('Người tố cáo có những quyền gì trong tố tụng hình sự?', 'còn quyền trong khiếu nại?')).toBe('Người tố cáo có những quyền gì trong khiếu nại?');
    // A noun the previous question does not close with a qualifier is left to the other swaps.
    expect(after('Người tố cáo có những quyền gì?', 'còn quyền của người bị tố cáo?')).not.toBe('Người tố cáo có những quyền gì của người bị tố cáo?');
  });

  it('reads "luật này" after an answer that quoted a law the question did not name as that law', () => {
    const answered = (text: string) => [{ question: 'Người tố cáo có quyền gì?', standalone: 'Người tố cáo có quyền gì?', answer: text }];
    const quoted = 'Theo Điều 479 Bộ luật Tố tụng hình sự:\n1. Người tố cáo có quyền: …\n\nNguồn:\n- Bộ luật Tố tụng hình sự (101/2015/QH13), Điều 479, khoản 1';
    expect(rewriteFollowUp('Luật này có hiệu lực từ khi nào?', answered(quoted))).toBe('Bộ luật Tố tụng hình sự có hiệu lực từ khi nào?');
    // A pointer to another kind of document, or an answer quoting none, keeps the previous topic.
    expect(rewriteFollowUp('Nghị định này có hiệu lực từ khi nào?', answered(quoted))).not.toContain('Tố tụng');
    expect(rewriteFollowUp('Luật này có hiệu lực từ khi nào?', answered('Tôi không tìm thấy thông tin này.'))).not.toContain('Tố tụng');
  });

  it('completes a short question that opens with its verb with the previous subject', () => {
    expect(has(after('Thời hạn tạm giữ là bao lâu?', 'Được gia hạn mấy lần?'), 'tạm giữ')).toBe(true);
    expect(has(after('Thời hạn bảo vệ bí mật nhà nước độ Tối mật là bao lâu?', 'co duoc gia han khong'), 'Tối mật')).toBe(true);
    // A question with a subject of its own stands alone.
    expect(after('Thời hạn giải quyết tố cáo là bao lâu?', 'Có được mang tài liệu mật về nhà không?')).toBe('Có được mang tài liệu mật về nhà không?');
  });

  it('swaps the contrasted item that closes the previous question ("lần đầu" → "lần hai")', () => {
    expect(after('Thời hạn nộp hồ sơ lần đầu là bao lâu?', 'còn lần hai thì sao?')).toBe('Thời hạn nộp hồ sơ lần hai là bao lâu?');
    expect(after('Lệ phí cấp thẻ hạng nhất là bao nhiêu?', 'hạng hai thì bao nhiêu?')).toBe('Lệ phí cấp thẻ hạng hai là bao nhiêu?');
  });

  it('does nothing without history', () => {
    expect(rewriteFollowUp('còn mục tiêu về nghiệp vụ thì sao?', [])).toBe('còn mục tiêu về nghiệp vụ thì sao?');
  });
});

describe('follow-ups that swap one element of the previous question', () => {
  it('asks a question of its own of the subject before "thì", not of the other time limit asked after it', () => {
    expect(after('Án áp dụng thủ tục rút gọn thì thời hạn điều tra là bao lâu?', 'Còn VKS có mấy ngày để quyết định truy tố?')).toBe('Về Án áp dụng thủ tục rút gọn: VKS có mấy ngày để quyết định truy tố?');
    // A condition opening the question is no subject.
    expect(after('Nếu bị can bỏ trốn thì thời hạn điều tra tính thế nào?', 'Còn tạm giam thì bao lâu?')).not.toMatch(/^Về Nếu bị can bỏ trốn:/u);
    // Only after a time limit asked, and not for extending it.
    expect(after('Vụ án ít nghiêm trọng thì tạm giam tối đa bao lâu?', 'Còn gia hạn được mấy lần?')).toMatch(/tạm giam/u);
    expect(after('Cán bộ làm lộ bí mật nhà nước thì bị kỷ luật thế nào?', 'Còn ai có thẩm quyền quyết định?')).toMatch(/kỷ luật/u);
  });
  it('swaps the level itself, not "tài liệu mật", "Mật khẩu", "độ mật" as a notion, nor "mất"; typed without accents too', () => {
    expect(after('Sao chụp tài liệu mật độ Tối mật cần ai cho phép?', 'Thế còn Tuyệt mật?')).toBe('Sao chụp tài liệu mật độ Tuyệt mật cần ai cho phép?');
    expect(after('Mật khẩu máy tính soạn thảo tài liệu độ Tối mật phải đặt thế nào?', 'Còn Tuyệt mật thì sao?')).toMatch(/^Mật khẩu .*độ Tuyệt mật/u);
    expect(after('Ai có thẩm quyền xác định độ mật đối với tài liệu Tối mật?', 'Thế còn Tuyệt mật?')).toBe('Ai có thẩm quyền xác định độ mật đối với tài liệu Tuyệt mật?');
    expect(after('Làm lộ tài liệu Tối mật thì bị xử lý thế nào?', 'Còn mất thì sao?')).not.toMatch(/tài liệu mất/u);
    expect(after('tai lieu do toi mat duoc bao ve bao lau', 'the con tuyet mat')).toMatch(/^Tai lieu do tuyet mat duoc bao ve bao lau/iu);
    // Typed without accents, "toi mat" is also "tôi mất": only a level after "do" (độ) is one.
    expect(after('toi mat tai lieu do mat thi bi xu ly the nao?', 'con tuyet mat?')).toMatch(/^Toi mat tai lieu do tuyet mat/iu);
  });
  it('swaps one level of secrecy for another, however it is written, not the "mật" of "bí mật"', () => {
    expect(after('Tài liệu độ Mật được bảo vệ mấy năm?', 'Thế còn Tuyệt mật?')).toBe('Tài liệu độ Tuyệt mật được bảo vệ mấy năm?');
    expect(after('Ai có thẩm quyền cho phép sao chụp tài liệu Tuyệt mật?', 'Thế còn Mật?')).toBe('Ai có thẩm quyền cho phép sao chụp tài liệu Mật?');
    expect(after('Thời hạn bảo vệ bí mật nhà nước độ Tối mật là bao lâu?', 'Còn độ Mật thì sao?')).toBe('Thời hạn bảo vệ bí mật nhà nước độ Mật là bao lâu?');
  });
  it('keeps "bảo vệ" whole: its "vệ" is no facet "về", and "trong bao lâu" asks a time', () => {
    const s = after('Khi có yêu cầu của lực lượng chuyên trách bảo vệ an ninh mạng, doanh nghiệp phải làm gì với thông tin vi phạm?', 'Trong thời hạn bao lâu?');
    expect(has(s, 'bảo vệ an ninh mạng, doanh nghiệp')).toBe(true);
    expect(has(s, 'thông tin vi phạm')).toBe(true);
  });
  it('swaps the end of an item the follow-up starts like', () => {
    const s = after('Hình ảnh chữ ký số của người có thẩm quyền trên văn bản điện tử được trình bày thế nào?', 'Còn hình ảnh chữ ký số của cơ quan thì sao?');
    expect(s).toBe('Hình ảnh chữ ký số của cơ quan trên văn bản điện tử được trình bày thế nào?');
  });
  it('swaps the item and keeps the condition the follow-up adds to it; "kỷ luật" names no law', () => {
    const s = after('Viên chức bị kỷ luật muốn khiếu nại lần đầu thì thời hiệu là bao lâu?', 'Còn khiếu nại lần hai mà là kỷ luật cách chức thì sao?');
    expect(s).toBe('Viên chức bị kỷ luật muốn khiếu nại lần hai thì thời hiệu là bao lâu, mà là kỷ luật cách chức?');
    expect(documentReferences('bị kỷ luật buộc thôi việc')).toEqual([]);
    expect(documentReferences('theo Luật Khiếu nại')[0].text).toBe('Luật Khiếu nại');
  });
  it('reads "<a noun of the previous question> đó" as pointing back at it', () => {
    const s = after('Thời hạn kháng nghị bản án sơ thẩm là bao lâu?', 'Nếu bị cáo vắng mặt thì thời hạn đó tính từ lúc nào?');
    expect(has(s, 'thời hạn kháng nghị bản án sơ thẩm tính từ lúc nào')).toBe(true);
  });
  it('completes a short question opened by its question word, without the measure the previous one asked', () => {
    const s = after('Thời hạn tạm giữ là bao lâu?', 'Ai có quyền gia hạn?');
    expect(has(s, 'tạm giữ')).toBe(true);
    expect(has(s, 'thời hạn')).toBe(false);
    // Asked of another thing with "thì sao?", the measure is still what is asked.
    expect(has(after('Thời hạn giải quyết khiếu nại lần đầu là bao lâu?', 'Còn lần hai thì sao?'), 'thời hạn')).toBe(true);
  });
  it('ends a swapped item at a function word as written: "trọng" of "nghiêm trọng" is no "trong"', () => {
    const s = after('Về thời hạn điều tra đối với tội phạm nghiêm trọng: được gia hạn mấy lần?', 'Thế còn đối với tội phạm đặc biệt nghiêm trọng?');
    expect(s).toBe('Về thời hạn điều tra đối với tội phạm đặc biệt nghiêm trọng: được gia hạn mấy lần?');
  });
  it('takes away or adds the words a follow-up skips or puts before the previous ones', () => {
    expect(after('Kháng nghị theo hướng không có lợi cho bị cáo thì thời hạn là bao lâu?', 'Thế theo hướng có lợi thì sao?')).toBe('Kháng nghị theo hướng có lợi cho bị cáo thì thời hạn là bao lâu?');
    expect(after('Kháng nghị theo hướng có lợi cho bị cáo thì thời hạn là bao lâu?', 'Còn theo hướng không có lợi thì sao?')).toBe('Kháng nghị theo hướng không có lợi cho bị cáo thì thời hạn là bao lâu?');
  });
  it('replaces in the context the item of the kind the follow-up names, and nothing that only folds alike', () => {
    const s = after('Ai có quyền kháng nghị giám đốc thẩm bản án của Tòa án cấp tỉnh?', 'Còn kháng nghị theo thủ tục tái thẩm thì ai có quyền?');
    expect(has(s, 'giám đốc thẩm')).toBe(false);
    expect(has(s, 'tái thẩm bản án của Tòa án cấp tỉnh')).toBe(true);
    // "chủ quản" is no "quan" of "quan trọng"; "một tháng" is no item.
    const t = after('Khi kiểm tra đột xuất hệ thống thông tin quan trọng về an ninh thì ai quyết định?', 'Vậy lực lượng chuyên trách phải báo trước cho chủ quản hệ thống ít nhất bao lâu nếu có sự cố?');
    expect(has(t, 'hệ thống thông tin quan trọng về an ninh')).toBe(true);
    const u = after('Người đứng đầu phải trực tiếp tiếp công dân mấy ngày một tháng?', 'Còn mức bồi dưỡng cho người tiếp dân là bao nhiêu tiền một buổi?');
    // A whole question of its own: no "một" swapped for "một", nothing of the previous one spliced in.
    expect(u).toBe('Mức bồi dưỡng cho người tiếp dân là bao nhiêu tiền một buổi?');
  });
  it('swaps word for word an item too long to find its end', () => {
    expect(after('Thời điểm gửi một thông điệp dữ liệu điện tử qua mạng được xác định thế nào?', 'Còn thời điểm nhận thì sao?')).toBe('Thời điểm nhận một thông điệp dữ liệu điện tử qua mạng được xác định thế nào?');
  });
  it('drops what the previous question asked "… gì?" of when the follow-up asks about another thing', () => {
    const s = after('Văn bản hành chính được trình bày trên khổ giấy gì?', 'Còn định lề trang thì thế nào?');
    expect(has(s, 'khổ giấy')).toBe(false);
    expect(has(s, 'văn bản hành chính')).toBe(true);
    expect(has(s, 'định lề trang')).toBe(true);
    expect(has(after('Văn bản hành chính được trình bày trên khổ giấy gì?', 'Còn khổ giấy của phụ lục thì sao?'), 'văn bản hành chính được trình bày trên khổ giấy')).toBe(true);
  });
  it('takes the accents of the words a follow-up typed without them repeats', () => {
    const s = after('Viện kiểm sát có bao nhiêu ngày để quyết định việc truy tố đối với tội phạm ít nghiêm trọng?', 'Con toi pham dac biet nghiem trong thi sao?');
    expect(s).toContain('tội phạm');
    expect(s).toContain('nghiêm trọng');
    expect(has(s, 'đặc biệt nghiêm trọng')).toBe(true);
    expect(has(s, 'ít nghiêm trọng')).toBe(false);
  });
});

describe('withoutPreamble', () => {
  it('drops a first clause introducing the asker when a question of its own follows', () => {
    expect(withoutPreamble('Tôi là cán bộ mới, hôm nay nhận được đơn tố cáo thì phải làm gì?')).toBe('Hôm nay nhận được đơn tố cáo thì phải làm gì?');
    expect(withoutPreamble('Em là cán bộ mới, cho em hỏi quy trình tiếp công dân')).toBe('Cho em hỏi quy trình tiếp công dân');
  });
  it('keeps a question that is the introduction itself, or has nothing else', () => {
    expect(withoutPreamble('Tôi là Kiểm sát viên, có được tư vấn không?')).toBe('Tôi là Kiểm sát viên, có được tư vấn không?');
    expect(withoutPreamble('Tố cáo nặc danh có được giải quyết không?')).toBe('Tố cáo nặc danh có được giải quyết không?');
  });
});

describe('a follow-up asking something else of the same subject', () => {
  it('asks its own question of the previous subject, not the previous question again', () => {
    expect(after('Khiếu nại quyết định của Kiểm sát viên thì ai giải quyết?', 'Trong bao lâu?')).toBe('Về Khiếu nại quyết định của Kiểm sát viên: trong bao lâu?');
    expect(after('Chỉ thị 01/CT-VKSTC ban hành ngày nào?', 'Về việc gì?')).toBe('Về Chỉ thị 01/CT-VKSTC ban hành: về việc gì?');
  });

  it('still repeats the previous question for "thì sao?"', () => {
    expect(after('Thời hạn giải quyết khiếu nại lần đầu là bao lâu?', 'Thì sao?')).toBe('Thời hạn giải quyết khiếu nại lần đầu là bao lâu?');
  });
});

describe('askedSubject', () => {
  it('reads the subject before what the question asks', () => {
    expect(askedSubject('Viện trưởng VKSND cấp tỉnh do ai bổ nhiệm?')).toBe('Viện trưởng VKSND cấp tỉnh');
    expect(askedSubject('Con dấu mức độ khẩn có những mức nào?')).toBe('Con dấu mức độ khẩn');
    expect(askedSubject('Hình ảnh chữ ký số của lãnh đạo phải màu gì?')).toBe('Hình ảnh chữ ký số của lãnh đạo');
    expect(askedSubject('Giải mật là gì?')).toBe('Giải mật');
    expect(askedSubject('Người tố cáo muốn rút tố cáo thì có phải làm văn bản không?')).toBe('Người tố cáo muốn rút tố cáo');
  });
});

describe('a chat opener in the previous question', () => {
  it('is no part of the subject a follow-up is completed with', () => {
    const history = [{ question: 'Cho em hỏi thời hạn giải quyết khiếu nại lần đầu theo Luật Khiếu nại là bao lâu ạ?' }];
    expect(rewriteFollowUp('Còn ở vùng sâu, vùng xa đi lại khó khăn thì sao?', history)).toBe(
      'Về thời hạn giải quyết khiếu nại lần đầu theo Luật Khiếu nại: ở vùng sâu, vùng xa đi lại khó khăn?',
    );
    const called = [{ question: 'Anh ơi, cho em hỏi công dân xin thông tin phức tạp thì phải trả lời trong bao lâu?' }];
    expect(rewriteFollowUp('Còn nếu họ gửi yêu cầu qua bưu điện thì sao ạ?', called)).not.toMatch(/Anh ơi|cho em hỏi/iu);
  });
});

describe('a case told before the previous question', () => {
  it('is no part of the subject a follow-up is completed with, nor is its confirming tag', () => {
    const history = [{ question: 'Bên em có vụ cố ý gây thương tích nhẹ, nghe nói phải có yêu cầu của bị hại mới khởi tố được đúng không anh?' }];
    expect(rewriteFollowUp('Nếu bị hại rút yêu cầu thì sao?', history)).toBe('Về phải có yêu cầu của bị hại mới khởi tố: Nếu bị hại rút yêu cầu?');
  });
});
