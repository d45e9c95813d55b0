/**
 * A question's content syllables (core/answer/terms.ts): "sao" asks how or why, except where it
 * names a kind of copy.
 */
import { describe, expect, it } from 'vitest';
import { contentTerms, toldStory } from '../../core/answer/terms.js';

const weightOf = (question: string, term: string) => contentTerms(question).filter((t) => t.term === term).map((t) => t.weight);

describe('"sao" in a question', () => {
  it('is content where it names a kind of copy', () => {
    expect(weightOf('Bản sao y văn bản khác bản sao lục thế nào?', 'sao')).toEqual([1, 1]);
    expect(weightOf('Có được sao chụp tài liệu mật không?', 'sao')).toEqual([1]);
    expect(weightOf('Bản sao có giá trị pháp lý không?', 'sao')).toEqual([1]);
    expect(weightOf('ban sao luc la gi', 'sao')).toEqual([1]);
  });

  it('asks how or why elsewhere, and a copy of something asks for that thing', () => {
    for (const q of ['Tại sao phải ký số văn bản?', 'Thủ tục tố cáo ra sao?', 'Làm sao để ký số?', 'Vì sao bị từ chối tiếp?']) {
      expect(weightOf(q, 'sao'), q).toEqual([]);
    }
    expect(weightOf('Người dân xin bản sao biên bản cuộc họp thì có phải cung cấp không?', 'sao')).toEqual([]);
    expect(weightOf('Người dân xin bản sao biên bản cuộc họp thì có phải cung cấp không?', 'bien')).toEqual([1]);
  });
});

describe("words of the asker's situation, not of the question", () => {
  const terms = (q: string) => contentTerms(q).map((t) => t.term);
  it('drops when it happens to the asker, how sure they are, their side and "vừa" (just)', () => {
    const q = 'Tuần sau bên mình vừa nhận đơn, có chắc chắn phải lần lượt giải quyết không?';
    for (const dropped of ['tuan', 'ben', 'vua', 'chac', 'luot']) expect(terms(q), dropped).not.toContain(dropped);
    expect(terms(q)).toContain('don');
  });
  it('keeps "vừa" typed without accents, which may be another word', () => {
    expect(terms('vua nhan don thi lam gi')).toContain('vua');
  });
});

describe('what the question leaves out, and "đợi"', () => {
  const terms = (q: string) => contentTerms(q).map((t) => `${t.term}:${t.weight}`);
  it('weighs a closing ", chưa tính …" / ", không kể …" as an alternative, its verb as nothing', () => {
    const t = terms('Tạm giam để điều tra tội rất nghiêm trọng tối đa bao lâu, chưa tính gia hạn?');
    expect(t).toContain('gia:0.5');
    expect(t).toContain('han:0.5');
    expect(t.some((x) => x.startsWith('tinh:') || x.startsWith('chua:'))).toBe(false);
    expect(terms('Thời hạn tạm giam không tính ngày nghỉ lễ đúng không?')).toContain('tinh:1');
    // The asker's guess put up to be confirmed is what is asked; "không kê khai" is no leaving out.
    expect(terms('Thời hiệu khiếu nại là 90 ngày, không tính thời gian ốm đau đúng không?')).toContain('om:1');
    expect(terms('Can bo co tai san, khong ke khai thi bi xu ly the nao?')).toContain('ke:1');
  });

  it('drops "đợi" (wait until) as written, whose folded form is "đối"', () => {
    expect(terms('Luật sư được tham gia từ khi bắt hay phải đợi khởi tố bị can?').some((x) => x.startsWith('doi:'))).toBe(false);
  });
});

describe('"sắp", "chuyện" and "cho tiện" in chat', () => {
  const terms = (q: string) => contentTerms(q).map((t) => t.term);
  it('drops "sắp" (about to) but not "sắp xếp", and "chuyện" (a matter) as written', () => {
    expect(terms('Tài liệu mật sắp hết hạn bảo vệ thì gia hạn thế nào?')).not.toContain('sap');
    expect(terms('Việc sắp xếp hồ sơ lưu trữ thế nào?')).toEqual(expect.arrayContaining(['sap', 'xep']));
    expect(terms('Có 8 người cùng khiếu nại một chuyện thì cử mấy người đại diện?')).not.toContain('chuyen');
    expect(terms('Chuyển công tác thì bàn giao tài liệu thế nào?')).toContain('chuyen');
    expect(terms('Người bị tạm giam có được nói chuyện với người thân không?')).toContain('chuyen');
  });

  it('drops "cho tiện" (for convenience), keeping "phương tiện"', () => {
    expect(terms('Họp mật dùng micro không dây cho tiện được không?')).not.toContain('tien');
    expect(terms('Phương tiện dùng trong cuộc họp mật phải thế nào?')).toContain('tien');
  });
});

describe('hearsay and a confirming tag', () => {
  const terms = (q: string) => contentTerms(q).map((t) => t.term);
  it('drops "nghe nói" and a closing "đúng không (anh)", not "nội dung không" or "sử dụng không"', () => {
    const t = terms('Nghe nói phải có yêu cầu của bị hại mới khởi tố được đúng không anh?');
    expect(t).not.toContain('nghe');
    expect(t).not.toContain('dung');
    expect(terms('phai co yeu cau cua bi hai moi khoi to dung khong')).not.toContain('dung');
    expect(terms('Ký số thì có giữ bí mật nội dung không?')).toContain('dung');
    expect(terms('may tinh co duoc su dung khong')).toContain('dung');
  });

  it('reads a case told before ", nghe nói …" as a story', () => {
    expect(toldStory('Bên em có vụ cố ý gây thương tích nhẹ, nghe nói phải có yêu cầu của bị hại mới khởi tố được đúng không anh?')).toBe(true);
    expect(toldStory('Theo luật, nghe nói phải có yêu cầu của bị hại mới khởi tố?')).toBe(false);
  });

  it('reads a clause opening with when it happened ("Sáng nay …, em yêu cầu …") as a story, whatever follows its comma', () => {
    expect(toldStory('Sáng nay có 12 hộ dân cùng kéo đến phản ánh chuyện đất đai, em yêu cầu họ cử đại diện thì được cử tối đa mấy người?')).toBe(true);
    expect(toldStory('toi qua co nguoi say ruou den tru so, can bo tiep dan co duoc tu choi khong?')).toBe(true);
    // A time in the question itself is no story told before it.
    expect(toldStory('Hôm nay Viện có tiếp công dân không?')).toBe(false);
    expect(toldStory('Đơn nhận hôm qua, thời hạn thụ lý tính từ ngày nào?')).toBe(false);
    expect(toldStory('Sáng nay, có 12 hộ dân cùng kéo đến phản ánh, em yêu cầu họ cử đại diện thì được cử mấy người?')).toBe(true);
    expect(toldStory('dem qua co nguoi say ruou den tru so, can bo tiep dan co duoc tu choi khong?')).toBe(true);
    expect(toldStory('Hôm qua là hạn cuối kháng cáo phải không, nếu nộp hôm nay thì có được nhận không?')).toBe(false);
    // Folded, "tội này" and "đem qua" are "tối nay", "đêm qua": written with their accents, no time.
    expect(toldStory('Tối nay, có người say rượu đến trụ sở, em có được từ chối không?')).toBe(true);
    expect(toldStory('Tội này, nếu bị hại rút yêu cầu khởi tố, thì có phải đình chỉ vụ án không?')).toBe(false);
    expect(toldStory('Đem qua cho Viện kiểm sát, họ nhận rồi thì bao lâu phải trả lời?')).toBe(false);
  });
});

describe('a duty asked with "bắt buộc", and an everyday means of doing something', () => {
  const weights = (q: string) => new Map(contentTerms(q).map((t) => [t.term, t.weight]));
  it('drops "có bắt buộc" and "bắt buộc phải" (the law writes "phải"), not the measure "bắt buộc chữa bệnh"', () => {
    expect(weights('Cán bộ tiếp công dân có bắt buộc phải đeo thẻ không?').has('buoc')).toBe(false);
    expect(weights('Hỏi cung có bắt buộc ghi âm không?').has('buoc')).toBe(false);
    expect(weights('Thời hạn áp dụng biện pháp bắt buộc chữa bệnh là bao lâu?').get('buoc')).toBe(1);
    expect(weights('Khi nào thì có bắt buộc chữa bệnh đối với người phạm tội?').get('buoc')).toBe(1);
  });

  it('weighs "nói miệng", "gọi điện", "qua điện thoại" as an alternative, "điện thoại" alone in full', () => {
    const w = weights('Người khiếu nại gọi điện báo muốn rút khiếu nại, nói qua điện thoại vậy có được không?');
    expect(w.get('goi')).toBe(0.5);
    expect(w.get('thoai')).toBe(0.5);
    expect(w.get('rut')).toBe(1);
    expect(weights('Có được mang điện thoại vào cuộc họp mật không?').get('thoai')).toBe(1);
    expect(weights('Rút tố cáo nói miệng có được không?').get('mieng')).toBe(0.5);
    // Folded, "nhắn tin" is also "(tiếp) nhận tin (báo)".
    expect(weights('Ai có thẩm quyền tiếp nhận tin báo tội phạm?').get('nhan')).toBe(1);
  });
});

describe('chat words of time and posture, and a yes-or-no closing a first clause', () => {
  const terms = (q: string) => contentTerms(q).map((t) => t.term);
  it('drops "ngồi" (tiếp dân) and the part of the asker\'s day, not "tối nay" (folded "tội này")', () => {
    expect(terms('Cán bộ ngồi tiếp công dân có phải đeo thẻ không?')).not.toContain('ngoi');
    expect(terms('Văn bản sếp ký chiều nay thì chậm nhất lúc nào phải phát hành?')).not.toContain('chieu');
    expect(terms('toi nay bi phat bao nhieu nam')).toContain('toi');
  });

  it('drops a "không" closing a "có … không," clause, and keeps one that negates', () => {
    const t = terms('Viện trưởng có bắt buộc phải trực tiếp tiếp công dân không, mỗi tháng mấy ngày?');
    expect(t).not.toContain('khong');
    expect(t).toContain('thang');
    expect(terms('Văn bản không có chữ ký, có giá trị không?')).toContain('khong');
  });
});

describe('an answer offered to check after a question word', () => {
  const weights = (q: string) => new Map(contentTerms(q).map((t) => [t.term, t.weight]));
  it('weighs ", ký bút bi đen có được không?" after "mực màu gì" as an alternative', () => {
    const w = weights('Ký văn bản giấy thì dùng mực màu gì, ký bút bi đen có được không?');
    expect(w.get('mau')).toBe(1);
    expect(w.get('den')).toBe(0.5);
  });

  it('not without a question word before it, as written ("máy" is no "mấy", "sao y" no "sao")', () => {
    expect(weights('Tài liệu mật gửi qua bưu điện, gửi qua email có được không?').get('email')).toBe(1);
    expect(weights('Máy photocopy của cơ quan, sao chụp tài liệu mật có được không?').get('chup')).toBe(1);
    expect(weights('Tôi muốn sao y bản chính, ký bằng bút bi xanh có được không?').get('xanh')).toBe(1);
  });

  it('keeps "đem qua" (folded like "đêm qua")', () => {
    expect(weights('Tài liệu mật có được đem qua cơ quan khác không?').has('dem')).toBe(true);
  });
});

describe('"người bị …", the other party', () => {
  it('keeps the "bị" of "người bị tố cáo", which "người tố cáo" is not', () => {
    expect(contentTerms('Người bị tố cáo có quyền gì?').map((t) => t.term)).toEqual(expect.arrayContaining(['nguoi', 'bi', 'to', 'cao']));
    expect(contentTerms('Người tố cáo có quyền gì?').map((t) => t.term)).not.toContain('bi');
  });
});
