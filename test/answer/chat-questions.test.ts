/**
 * Questions typed as chat messages: the particles and the people addressed around them, the case told
 * in a clause before ", cho em hỏi …", and what a chatty question asks for (a name, a number of staff).
 */
import { describe, expect, it } from 'vitest';
import { contentTerms, questionTerms, settingLength } from '../../core/answer/terms.js';
import { unknownTitle } from '../../core/answer/abstain.js';
import { composeExtractive } from '../../core/answer/compose.js';
import type { Chunk, Scored } from '../../core/types.js';

const terms = (q: string) => contentTerms(q).map((t) => t.term);

describe('a chat message’s particles and the people it addresses', () => {
  it('are no words of what is asked, at its end or opening it', () => {
    expect(terms('Ngạch Kiểm tra viên có mấy bậc vậy mọi người?')).toEqual(['ngach', 'kiem', 'tra', 'vien', 'bac']);
    expect(terms('Hỏi cung bị can có phải ghi âm không nhỉ?')).not.toContain('nhi');
    expect(terms('Hỏi cung bị can có phải ghi âm không nhỉ?')).not.toContain('khong');
    expect(terms('Tạm giam tối đa mấy ngày thôi ạ?')).not.toContain('thoi');
    expect(terms('Thời hạn giải quyết là bao lâu vậy chị?')).toEqual(['thoi', 'han', 'giai', 'quyet']);
    expect(terms('thoi han giai quyet la bao lau vay moi nguoi')).toEqual(['thoi', 'han', 'giai', 'quyet']);
    expect(terms('Mọi người ơi, thời hạn khiếu nại là bao lâu?')).toEqual(['thoi', 'han', 'khieu', 'nai']);
  });

  it('are read as words where they are what is asked about', () => {
    // "mọi người" inside the question, "thôi" of "thôi việc": content.
    expect(terms('Mọi người đều có quyền tố cáo không?')).toEqual(expect.arrayContaining(['moi', 'nguoi']));
    expect(terms('Công chức xin thôi việc thì làm gì?')).toContain('thoi');
    // Typed without accents, "nha" is "nhà" and "a" a điểm's letter as often as particles.
    expect(terms('cong an co duoc kham xet nha')).toContain('nha');
    expect(terms('quy dinh tai diem a')).toContain('a');
    // "không" that negates stays; only the yes-or-no one before the particles goes.
    expect(terms('Người không có năng lực hành vi có được khiếu nại không ạ?').filter((t) => t === 'khong')).toHaveLength(1);
  });
});

describe('the case told in a clause before what is asked', () => {
  it('weighs less after ", cho em hỏi" or ", vậy", as a story told in a sentence of its own does', () => {
    const q = 'Em làm ở UBND xã, cho em hỏi chủ tịch xã tiếp công dân mấy ngày một tuần?';
    expect(settingLength(q)).toBeGreaterThan(0);
    const t = questionTerms(q);
    expect(t.find((x) => x.term === 'lam')!.weight).toBeLessThan(1);
    expect(t.find((x) => x.term === 'chu')!.weight).toBe(1);
    expect(settingLength('Người tố cáo bị đe dọa, vậy cơ quan nào có trách nhiệm bảo vệ người tố cáo?')).toBeGreaterThan(0);
  });

  it('is no story when what follows says too little of its own, or when no such clause opens it', () => {
    expect(settingLength('Người dân muốn rút đơn khiếu nại, vậy có được không?')).toBe(0);
    expect(settingLength('Thời hạn tạm giữ, tạm giam là bao lâu?')).toBe(0);
  });
});

describe('"Luật" doing something', () => {
  const titles = ['Luật Tổ chức Viện kiểm sát nhân dân', 'Luật Khiếu nại'];
  it('is the law asked about, not a title the knowledge base lacks', () => {
    for (const q of ['Luật giới hạn số lượng Kiểm sát viên tối đa là bao nhiêu người?', 'Luật yêu cầu những gì khi bổ nhiệm Kiểm sát viên?', 'Luật cấm những hành vi nào trong khiếu nại?']) {
      expect(unknownTitle(q, titles), q).toBeUndefined();
    }
    expect(unknownTitle('Luật Giao thông đường bộ giới hạn tốc độ thế nào?', titles)?.written).toBe('Luật Giao thông đường bộ');
    // Names that hold one of those syllables further on are still names.
    expect(unknownTitle('Luật Bình đẳng giới quy định gì?', titles)?.written).toBe('Luật Bình đẳng giới');
    expect(unknownTitle('Luật Biên giới quốc gia quy định gì?', titles)?.written).toBe('Luật Biên giới quốc gia');
  });
});

/** A passage of a section (the docs' own locator is its heading) as the retriever's one hit. */
const passage = (docId: string, title: string, type: string, heading: string, text: string): Scored<Chunk> => ({
  item: { id: docId, docId, text, ord: 0, title, type: type as Chunk['type'], locator: heading, heading },
  score: 1,
});
const hit = (text: string) => passage('vksnd/st.md', 'Tin bài VKSND tỉnh Sóc Trăng', 'Tin bài', 'Triển khai tại VKSND tỉnh Sóc Trăng', text);

describe('what a chatty question asks for', () => {
  it('asks a name with "tên là gì" of an office: a passage naming no holder does not answer', () => {
    const q = 'Viện trưởng VKSND tỉnh Sóc Trăng năm 2024 tên là gì?';
    const none = composeExtractive(q, [hit('Viện trưởng VKSND tỉnh Sóc Trăng quyết định kiện toàn Ban Chỉ đạo chuyển đổi số năm 2024.')]);
    expect(none).toMatchObject({ abstained: true, abstainReason: 'missing-name' });
    // An office named on the way is not what the name is asked of: "… do Viện trưởng ký có tên đầy đủ là gì?" asks the plan's.
    const plan = composeExtractive('Kế hoạch do Viện trưởng VKSND tỉnh Sóc Trăng ký có tên đầy đủ là gì?', [hit('Viện trưởng VKSND tỉnh Sóc Trăng ký Kế hoạch chuyển đổi số năm 2024 của VKSND tỉnh Sóc Trăng.')]);
    expect(plan.abstainReason).not.toBe('missing-name');
    const named = composeExtractive(q, [hit('Đồng chí Trần Văn Bình, Viện trưởng VKSND tỉnh Sóc Trăng, chủ trì hội nghị chuyển đổi số năm 2024.')]);
    expect(named.abstained).toBe(false);
    expect(named.text).toContain('Trần Văn Bình');
  });

  it('counts staff as staff: "12 video clip" is no number of cán bộ, "45 đồng chí" is, a year is not', () => {
    const q = 'VKSND tỉnh Sóc Trăng có bao nhiêu cán bộ, công chức?';
    expect(composeExtractive(q, [hit('Cán bộ, công chức VKSND tỉnh Sóc Trăng thực hiện 12 video clip phục vụ báo cáo tổng kết.')])).toMatchObject({ abstained: true, abstainReason: 'missing-count' });
    expect(composeExtractive(q, [hit('Năm 2024, cán bộ, công chức VKSND tỉnh Sóc Trăng thực hiện video clip phục vụ báo cáo tổng kết.')])).toMatchObject({ abstained: true, abstainReason: 'missing-count' });
    const counted = composeExtractive(q, [hit('Năm 2024, VKSND tỉnh Sóc Trăng tổ chức tập huấn cho 45 đồng chí cán bộ, công chức về chuyển đổi số.')]);
    expect(counted.abstained).toBe(false);
    expect(counted.text).toContain('45 đồng chí');
  });
});

describe('a day asked', () => {
  const news = (text: string) => passage('vksnd/phien-hop.md', 'Phiên họp Ban Chỉ đạo chuyển đổi số', 'Tin bài', 'Phiên họp Ban Chỉ đạo chuyển đổi số', text);
  it('is not answered by a year alone; a year asked is', () => {
    const yearOnly = news('Phiên họp Ban Chỉ đạo chuyển đổi số bàn về 22 mục tiêu của Kế hoạch chuyển đổi số năm 2024.');
    expect(composeExtractive('Phiên họp Ban Chỉ đạo chuyển đổi số diễn ra ngày nào?', [yearOnly])).toMatchObject({ abstained: true, abstainReason: 'missing-number' });
    expect(composeExtractive('Phiên họp Ban Chỉ đạo chuyển đổi số bàn về kế hoạch năm nào?', [yearOnly]).abstained).toBe(false);
    const dated = news('Phiên họp Ban Chỉ đạo chuyển đổi số diễn ra ngày 12/3/2024 tại Hà Nội.');
    expect(composeExtractive('Phiên họp Ban Chỉ đạo chuyển đổi số diễn ra ngày nào?', [dated]).text).toContain('12/3/2024');
  });
});

describe('a share or a number of people', () => {
  const rule = (text: string) => passage('vksnd/quy-che.md', 'Quy chế bảo vệ bí mật nhà nước ngành Kiểm sát', 'Quy chế', 'Quy chế bảo vệ bí mật nhà nước ngành Kiểm sát', text);
  it('counts people ("quá nửa tổng số thành viên"), not annexes or documents', () => {
    const share = rule('Quy chế bảo vệ bí mật nhà nước ngành Kiểm sát được thông qua khi quá nửa tổng số thành viên tán thành.');
    expect(composeExtractive('Quy chế bảo vệ bí mật nhà nước ngành Kiểm sát có bao nhiêu phụ lục kèm theo?', [share])).toMatchObject({ abstained: true, abstainReason: 'missing-count' });
    expect(composeExtractive('Quy chế bảo vệ bí mật nhà nước ngành Kiểm sát được thông qua khi bao nhiêu thành viên tán thành?', [share]).abstained).toBe(false);
  });
});

describe('the whole sector asked, one province answering', () => {
  const section = (text: string, heading: string) => passage('vksnd/ke-hoach.md', 'Kế hoạch chuyển đổi số năm 2024', 'Kế hoạch', heading, text);
  it('abstains when every piece is a province\'s, and answers the province asked of', () => {
    const st = section('Năm 2023 VKSND tỉnh Sóc Trăng đã số hóa được 86 hồ sơ vụ án hình sự.', 'Triển khai tại VKSND tỉnh Sóc Trăng');
    expect(composeExtractive('Năm 2023 toàn ngành Kiểm sát đã số hóa được bao nhiêu hồ sơ vụ án hình sự?', [st])).toMatchObject({ abstained: true, abstainReason: 'unknown-place' });
    expect(composeExtractive('Năm 2023 VKSND tỉnh Sóc Trăng đã số hóa được bao nhiêu hồ sơ vụ án hình sự?', [st]).text).toContain('86 hồ sơ');
    const sector = section('Năm 2023 toàn Ngành đã số hóa được 12.000 hồ sơ vụ án hình sự.', 'Kết quả năm 2023');
    expect(composeExtractive('Năm 2023 toàn ngành Kiểm sát đã số hóa được bao nhiêu hồ sơ vụ án hình sự?', [sector]).abstained).toBe(false);
  });
});
