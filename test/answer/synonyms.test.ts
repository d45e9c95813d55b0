import { describe, expect, it } from 'vitest';
import { composeExtractive } from '../../core/answer/compose.js';
import { decideAbstention, termMatch } from '../../core/answer/abstain.js';
import { matchTerms } from '../../core/answer/terms.js';
import { passageIndex } from '../../core/retrieval/passage-index.js';
import { questionSynonyms, withSynonyms } from '../../core/answer/synonyms.js';
import type { Chunk, Scored } from '../../core/types.js';

const chunk = (id: string, heading: string, text: string): Chunk => ({
  id, docId: 'luat/ttt.txt', text, ord: 0, title: 'Luật Tiếp cận thông tin', type: 'Luật', article: id, locator: `Điều ${id}`, heading,
});

describe('thesaurus on the answer side', () => {
  it('keeps the passage readable by initials: an acronym of the question still matches', () => {
    const q = 'Theo Luật BVBMNN, có phải trả tiền khi sao chụp không?';
    const idx = passageIndex('Luật Bảo vệ bí mật nhà nước quy định chi phí sao chụp tài liệu.');
    const view = withSynonyms(idx, questionSynonyms(q));
    expect(view).not.toBe(idx);
    const acronym = matchTerms(q).filter((t) => t.acronym);
    expect(acronym).toHaveLength(1);
    expect(termMatch(acronym, view)).toBe(1);
  });

  it('reads having someone complain for one ("nhờ ai thay mình") as the law\'s "ủy quyền", not "làm thay đổi"', () => {
    const q = 'Bà cụ ốm đau có thể nhờ ai thay mình khiếu nại?';
    const terms = matchTerms(q);
    const idx = passageIndex('Người khiếu nại là người ốm đau, già yếu thì được ủy quyền cho cha, mẹ, vợ, chồng, anh, chị, em ruột, con đã thành niên để khiếu nại.');
    expect(termMatch(terms, withSynonyms(idx, questionSynonyms(q)))).toBeGreaterThan(termMatch(terms, idx));
    expect(questionSynonyms('Sửa lỗi có làm thay đổi nội dung văn bản không?')).toEqual([]);
    expect(questionSynonyms('Đơn khiếu nại thay đổi nội dung thì có phải thụ lý lại không?')).toEqual([]);
    expect(questionSynonyms('Tôi nên nhờ ai tư vấn pháp luật miễn phí?')).toEqual([]);
  });

  it('reads attending a meeting ("người dự họp") as the security rules write it ("người tham dự … cuộc họp")', () => {
    const q = 'Người dự họp độ Tối mật có được mang điện thoại vào không?';
    const terms = matchTerms(q);
    const idx = passageIndex('b) Người tham dự không được mang thiết bị có tính năng thu, phát tin, ghi âm, ghi hình vào trong hội nghị, hội thảo, cuộc họp có nội dung bí mật nhà nước độ Tuyệt mật, Tối mật.');
    expect(termMatch(terms, withSynonyms(idx, questionSynonyms(q)))).toBeGreaterThanOrEqual(0.75);
  });

  it('counts a question phrase as present where the passage writes an alternative of it', () => {
    const q = 'Công dân có phải trả tiền không?';
    const terms = matchTerms(q);
    const idx = passageIndex('Người yêu cầu cung cấp thông tin phải trả chi phí thực tế để in, sao, chụp.');
    expect(termMatch(terms, withSynonyms(idx, questionSynonyms(q)))).toBeGreaterThan(termMatch(terms, idx));
  });

  it('does not abstain on a phone the meeting rules call a device that records', () => {
    const hits: Scored<Chunk>[] = [
      { item: chunk('6', 'Điều 6. Phương tiện, thiết bị sử dụng tại cuộc họp có nội dung bí mật nhà nước', 'b) Người tham dự không được mang thiết bị có tính năng thu, phát tin, ghi âm, ghi hình vào trong hội nghị, hội thảo, cuộc họp có nội dung bí mật nhà nước độ Tuyệt mật, Tối mật.'), score: 1 },
    ];
    expect(decideAbstention('Dự cuộc họp có nội dung Tối mật thì có được mang điện thoại di động vào phòng họp không?', hits).abstain).toBe(false);
  });

  it('does not abstain on "about to retire" nor on "putting a computer to another use", as the law words them', () => {
    const duty = [{ item: chunk('26', 'Điều 26. Trách nhiệm của người tiếp cận, người trực tiếp quản lý bí mật nhà nước', 'd) Trước khi thôi việc, chuyển công tác, nghỉ hưu hoặc vì lý do khác mà không được phân công tiếp tục quản lý bí mật nhà nước thì phải bàn giao bí mật nhà nước cho cơ quan, tổ chức và cam kết bảo vệ bí mật nhà nước đã quản lý.'), score: 1 }];
    const retiring = 'Cán bộ trực tiếp quản lý tài liệu mật chuẩn bị nghỉ hưu thì phải làm những gì?';
    expect(decideAbstention('Cán bộ trực tiếp quản lý bí mật nhà nước chuẩn bị nghỉ hưu thì phải làm những gì?', duty).abstain).toBe(false);
    // "chuẩn bị" (about to) says when; the law names the event ("nghỉ hưu"), and no topic is missing for it.
    expect(matchTerms(retiring).map((t) => t.term)).not.toContain('chuan');
    expect(matchTerms(retiring).map((t) => t.term)).toContain('huu');
    const banned = [{ item: chunk('5', 'Điều 5. Các hành vi bị nghiêm cấm trong bảo vệ bí mật nhà nước', '7. Chuyển mục đích sử dụng máy tính, thiết bị khác đã dùng để soạn thảo, lưu giữ, trao đổi bí mật nhà nước khi chưa loại bỏ bí mật nhà nước.'), score: 1 }];
    expect(decideAbstention('Máy tính đã dùng để soạn bí mật nhà nước có được chuyển sang dùng việc khác không?', banned).abstain).toBe(false);
  });

  it('reads "chưa thành niên" as the code\'s "dưới 18 tuổi", and "thâm niên" as "thời gian làm công tác"', () => {
    const minor = [{ item: chunk('421', 'Điều 421. Lấy lời khai, hỏi cung người dưới 18 tuổi', '5. Thời gian hỏi cung bị can là người dưới 18 tuổi không quá hai lần trong 01 ngày và mỗi lần không quá 02 giờ.'), score: 1 }];
    expect(decideAbstention('Hỏi cung bị can chưa thành niên thì mỗi ngày được hỏi mấy lần?', minor).abstain).toBe(false);
    const seniority = [{ item: chunk('77', 'Điều 77. Tiêu chuẩn bổ nhiệm Kiểm sát viên sơ cấp', '1. Có thời gian làm công tác pháp luật từ 04 năm trở lên.'), score: 1 }];
    const q = 'Muốn làm Kiểm sát viên sơ cấp cần thâm niên công tác pháp luật bao lâu?';
    expect(termMatch(matchTerms(q), withSynonyms(passageIndex(seniority[0].item.text), questionSynonyms(q)))).toBeGreaterThan(termMatch(matchTerms(q), passageIndex(seniority[0].item.text)));
  });

  it('leaves a passage without any alternative as it was', () => {
    const q = 'Công dân có phải trả tiền không?';
    const idx = passageIndex('Công dân có quyền tiếp cận thông tin.');
    const view = withSynonyms(idx, questionSynonyms(q));
    expect(view.unigrams.has('tien')).toBe(false);
  });

  it('quotes the article written in the field\'s words over one sharing only the generic ones', () => {
    const hits: Scored<Chunk>[] = [
      { item: chunk('24', 'Điều 24. Hình thức yêu cầu cung cấp thông tin', 'Người yêu cầu cung cấp thông tin điền Phiếu yêu cầu cung cấp thông tin.'), score: 1 },
      { item: chunk('12', 'Điều 12. Chi phí tiếp cận thông tin', 'Người yêu cầu cung cấp thông tin phải trả chi phí thực tế để in, sao, chụp, gửi thông tin.'), score: 1 },
    ];
    const q = 'Công dân yêu cầu cung cấp thông tin có phải trả tiền không?';
    const r = composeExtractive(q, hits, { skipAbstention: true, maxUnits: 1 });
    expect(r.text).toContain('chi phí thực tế');
    expect(decideAbstention(q, hits).abstain).toBe(false);
  });
});

describe('bounds and dates the law words its own way', () => {
  it.each([
    ['Người đứng đầu phải tiếp công dân tối thiểu mấy ngày?', 'Trực tiếp tiếp công dân ít nhất 01 ngày trong 01 tháng.'],
    ['Tạm giữ tối đa mấy ngày?', 'Thời hạn tạm giữ không quá 03 ngày.'],
    ['Luật bắt đầu có hiệu lực từ ngày nào?', 'Luật này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2024.'],
    ['Luật bắt đầu áp dụng từ ngày nào?', 'Luật này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2024.'],
    ['Người thân của người tố cáo có được bảo vệ không?', 'Bảo vệ tính mạng của người tố cáo, vợ, chồng, cha đẻ, mẹ đẻ, con đẻ của người tố cáo.'],
  ])('finds "%s" in "%s"', (q, passage) => {
    const terms = matchTerms(q);
    const idx = passageIndex(passage);
    const seen = withSynonyms(idx, questionSynonyms(q));
    expect(termMatch(terms, seen)).toBeGreaterThan(termMatch(terms, idx));
  });
});

describe('thesaurus phrases longer than a word', () => {
  it('reads a long alternative as written, across the words it spans ("thiết bị có tính năng thu")', () => {
    const q = 'Người dự họp có được mang điện thoại vào phòng họp không?';
    const terms = matchTerms(q);
    const idx = passageIndex(
      [
        '2. Phương tiện, thiết bị sử dụng trong hội nghị, hội thảo, cuộc họp có nội dung bí mật nhà nước',
        'a) Hội nghị, hội thảo, cuộc họp có nội dung bí mật nhà nước phải sử dụng micro có dây và các phương tiện, thiết bị được cơ quan Bộ Công an kiểm tra an ninh, an toàn;',
        'b) Người tham dự không được mang thiết bị có tính năng thu, phát tin, ghi âm, ghi hình vào trong cuộc họp.',
      ].join('\n'),
    );
    // "bị có" only ends one word and starts the next here: no two-syllable word of its own.
    expect(idx.bigrams.has('bi co')).toBe(false);
    expect(termMatch(terms, withSynonyms(idx, questionSynonyms(q)))).toBeGreaterThan(termMatch(terms, idx));
  });

  it('does not count the phrase where its words stand apart', () => {
    const q = 'Có được mang điện thoại vào phòng họp không?';
    const idx = passageIndex('Thiết bị phải được kiểm tra. Việc thu hồi có tính chất bắt buộc, năng lực của cán bộ.');
    expect(withSynonyms(idx, questionSynonyms(q)).unigrams.has('thoai')).toBe(false);
  });

  it.each([
    ['Người say rượu đến nơi tiếp công dân thì có được từ chối tiếp không?', 'Người trong tình trạng say do dùng chất kích thích.'],
    ['Cán bộ tiếp dân có được từ chối tiếp không?', 'Người tiếp công dân được từ chối tiếp người đến nơi tiếp công dân.'],
    ['Kiểm sát viên có được gặp đương sự ở quán cà phê không?', 'Tiếp bị can, bị cáo, đương sự trong vụ án mà mình có thẩm quyền giải quyết ngoài nơi quy định.'],
    ['Hỏi cung bị can tại trại tạm giam có phải ghi âm không?', 'Việc hỏi cung bị can tại cơ sở giam giữ phải được ghi âm hoặc ghi hình có âm thanh.'],
    ['USB token chữ ký số của em thì ai giữ?', 'Thiết bị lưu khóa bí mật của cá nhân do cá nhân chịu trách nhiệm bảo quản.'],
    ['Báo cáo hằng năm gửi Bộ Công an hạn chót ngày nào?', 'Thời hạn gửi báo cáo hằng năm: chậm nhất vào ngày 20 tháng 12 của năm báo cáo.'],
    // A newspaper's newsroom is the laws' press agency; "qua đời" is their "chết".
    ['Tòa soạn chuyển đơn tố cáo sang thì phải báo kết quả cho tòa soạn trong bao lâu?', 'Trường hợp tố cáo do cơ quan báo chí chuyển đến thì phải thông báo kết quả xử lý cho cơ quan báo chí trong thời hạn 10 ngày.'],
    ['Người bị tố cáo qua đời thì việc giải quyết tố cáo xử lý thế nào?', 'b) Người bị tố cáo là cá nhân chết và nội dung tố cáo chỉ liên quan đến trách nhiệm của người bị tố cáo;'],
    // "11 giờ đêm" is night-time; leaving one's locality is leaving one's place of residence.
    ['Điều tra viên hỏi cung bị can lúc 11 giờ đêm thì có đúng luật không?', 'Không được hỏi cung bị can vào ban đêm, trừ trường hợp không thể trì hoãn được.'],
    ['Ai được ra lệnh cấm bị can rời khỏi địa phương?', 'Những người có thẩm quyền ra lệnh cấm đi khỏi nơi cư trú gồm Thủ trưởng Cơ quan điều tra các cấp.'],
    // A story's "tình huống khẩn cấp" is the laws' "trường hợp khẩn cấp".
    ['Trong tình huống khẩn cấp thì người đang quản lý tài liệu có tự quyết định tiêu hủy được không?', 'Người đang quản lý tài liệu được quyền quyết định tiêu hủy trong trường hợp khẩn cấp.'],
    // Many people with "one and the same matter" are, in the law, many "về một nội dung".
    ['Dân kéo đến phản ánh một việc giống nhau thì yêu cầu họ thế nào?', 'Khi nhiều người cùng khiếu nại, tố cáo, kiến nghị, phản ánh về một nội dung tại nơi tiếp công dân thì người tiếp công dân yêu cầu những người này phải cử đại diện.'],
  ])('finds the everyday words of "%s" in "%s"', (q, passage) => {
    const terms = matchTerms(q);
    const idx = passageIndex(passage);
    expect(termMatch(terms, withSynonyms(idx, questionSynonyms(q)))).toBeGreaterThan(termMatch(terms, idx));
  });
});

describe('a number of people', () => {
  it('is, in the laws, "nhiều người" (two or more, in digits or in words), and one person is none', () => {
    const passage = 'Trường hợp nhiều người cùng tố cáo mà có một hoặc một số người tố cáo rút tố cáo thì tố cáo vẫn tiếp tục được giải quyết.';
    for (const q of ['Ba người cùng đứng tên một đơn tố cáo, nay một người xin rút thì có giải quyết tiếp không?', '8 người cùng tố cáo, một người rút thì có giải quyết tiếp không?']) {
      const terms = matchTerms(q);
      const idx = passageIndex(passage);
      expect(questionSynonyms(q).some((m) => m.alternatives.some((a) => a.join(' ') === 'nhieu nguoi'))).toBe(true);
      expect(termMatch(terms, withSynonyms(idx, questionSynonyms(q)))).toBeGreaterThan(termMatch(terms, idx));
    }
    expect(questionSynonyms('1 người tố cáo rút đơn thì sao?').some((m) => m.alternatives.some((a) => a.join(' ') === 'nhieu nguoi'))).toBe(false);
  });
});

describe('an age under eighteen', () => {
  it('is answered by the rule for "người dưới 18 tuổi", and no longer read as a word the passages lack', () => {
    const rule = {
      item: { id: 'a421', docId: 'luat/bltths.txt', ord: 0, title: 'Bộ luật Tố tụng hình sự', type: 'Bộ luật' as const, article: '421', heading: 'Điều 421. Lấy lời khai người dưới 18 tuổi', text: '4. Thời gian lấy lời khai người dưới 18 tuổi không quá hai lần trong 01 ngày và mỗi lần không quá 02 giờ, trừ trường hợp vụ án có nhiều tình tiết phức tạp.' },
      score: 1,
    };
    const r = composeExtractive('Lấy lời khai bị hại là trẻ 15 tuổi thì một ngày được hỏi mấy lần, mỗi lần bao lâu?', [rule]);
    expect(r.abstained).toBe(false);
    expect(r.text).toContain('không quá hai lần trong 01 ngày');
  });
});
