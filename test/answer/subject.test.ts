import { describe, expect, it } from 'vitest';
import { composeExtractive, subjectPhrases } from '../../core/answer/compose.js';
import type { Chunk, Scored } from '../../core/types.js';
import { articleHit } from './fixtures.js';

describe('subjectPhrases', () => {
  it('takes the question subject up to its predicate, longest first', () => {
    const p = subjectPhrases('Viện kiểm sát nhân dân có chức năng gì?').map((x) => x.phrase);
    expect(p[0]).toBe(' vien kiem sat nhan dan la ');
    expect(p.every((x) => !x.includes('chuc nang'))).toBe(true);
  });
  it('has nothing to offer for a two-word subject', () => {
    expect(subjectPhrases('Tố cáo là gì?')).toEqual([]);
  });
});

describe('composeExtractive and the question subject', () => {
  it('quotes the piece saying what the asked subject is over one about a neighbouring subject', () => {
    const text = [
      '1. Hình ảnh chữ ký số của cơ quan là hình ảnh dấu của cơ quan, màu đỏ, trùm lên 1/3 hình ảnh chữ ký số của người có thẩm quyền về bên trái.',
      '2. Hình ảnh chữ ký số của người có thẩm quyền là hình ảnh chữ ký trên văn bản giấy, màu xanh, nền trong suốt.',
    ].join('\n');
    const hit: Scored<Chunk> = {
      item: { id: 'k', docId: 'huong-dan/ky-so.md', text, ord: 0, title: 'Hướng dẫn ký số', type: 'Hướng dẫn', heading: 'Ký số' },
      score: 1,
    };
    const r = composeExtractive('hinh anh chu ky so cua nguoi co tham quyen mau gi', [hit], { skipAbstention: true, maxUnits: 1 });
    expect(r.text).toContain('màu xanh');
  });
});

describe('composeExtractive and a piece about another subject', () => {
  it('does not answer what a Kiểm sát viên must meet with what another office must meet', () => {
    const chunk = (id: string, docId: string, title: string, heading: string, text: string, ord = 0): Chunk => ({ id, docId, text, ord, title, type: 'Luật', heading });
    const hits: Scored<Chunk>[] = [
      {
        // Shares the question's predicate word for word, about someone else.
        item: chunk('b', 'nd/26.txt', 'Nghị định bảo vệ bí mật nhà nước', 'Điều 7. Người làm công tác bảo vệ bí mật nhà nước', '4. Người thực hiện nhiệm vụ bảo vệ bí mật nhà nước phải đáp ứng tiêu chuẩn sau đây:\na) Có phẩm chất đạo đức tốt;\nb) Có trách nhiệm giữ gìn bí mật.'),
        score: 1.1,
      },
      {
        item: chunk('k', 'luat/vksnd.txt', 'Luật Tổ chức Viện kiểm sát nhân dân', 'Điều 80. Tiêu chuẩn bổ nhiệm Kiểm sát viên cao cấp', '1. Người có đủ tiêu chuẩn quy định tại Điều 75 và đã là Kiểm sát viên trung cấp từ đủ 05 năm trở lên thì có thể được bổ nhiệm làm Kiểm sát viên cao cấp.'),
        score: 1,
      },
    ];
    const r = composeExtractive('Kiểm sát viên phải đáp ứng những tiêu chuẩn gì?', hits, { skipAbstention: true, maxUnits: 1 });
    expect(r.text).toContain('Kiểm sát viên cao cấp');
    expect(r.text).not.toContain('bảo vệ bí mật nhà nước phải đáp ứng');
  });
});

describe('composeExtractive and a definition question', () => {
  it('quotes the piece that opens by defining the subject over the article the subject names', () => {
    const gddt = { docId: 'luat/gddt.txt', title: 'Luật Giao dịch điện tử' };
    const named = articleHit(gddt, 'Điều 34. Hợp đồng điện tử', [
      '1. Hợp đồng điện tử được giao kết từ sự tương tác giữa các hệ thống thông tin tự động không bị phủ nhận giá trị pháp lý.',
      '2. Bộ trưởng ban hành quy định về hợp đồng điện tử trong lĩnh vực quản lý.',
    ]);
    const terms = articleHit(gddt, 'Điều 3. Giải thích từ ngữ', [
      '15. Chữ ký số là chữ ký điện tử sử dụng thuật toán khóa không đối xứng.',
      '16. Hợp đồng điện tử là hợp đồng được thiết lập dưới dạng thông điệp dữ liệu.',
    ], { score: 0.95 });
    for (const q of ['Hợp đồng điện tử là gì?', 'hop dong dien tu la gi']) {
      const r = composeExtractive(q, [named, terms], { skipAbstention: true });
      expect(r.text, q).toContain('16. Hợp đồng điện tử là hợp đồng được thiết lập');
    }
  });
});

describe('"X là gì?" and the piece that defines X', () => {
  const gdđt = { docId: 'luat/gddt.txt', title: 'Luật Giao dịch điện tử' };
  it('quotes the definition a close second hit opens with, not an article titled with X that defines something longer', () => {
    const receiving = articleHit(gdđt, 'Điều 16. Nhận thông điệp dữ liệu', [
      '1. Người nhận thông điệp dữ liệu là cơ quan, tổ chức, cá nhân được chỉ định nhận thông điệp dữ liệu từ người khởi tạo thông điệp dữ liệu.',
      '2. Việc nhận thông điệp dữ liệu được quy định như sau:',
      'a) Người nhận được xem là đã nhận được thông điệp dữ liệu nếu thông điệp dữ liệu được nhập vào hệ thống thông tin do người đó chỉ định;',
      'b) Người nhận có quyền coi mỗi thông điệp dữ liệu nhận được là một thông điệp dữ liệu độc lập.',
    ]);
    const terms = articleHit(gdđt, 'Điều 3. Giải thích từ ngữ', [
      '3. Phương tiện điện tử là phương tiện hoạt động dựa trên công nghệ điện, điện tử, kỹ thuật số, từ tính.',
      '4. Thông điệp dữ liệu là thông tin được tạo ra, được gửi, được nhận, được lưu trữ bằng phương tiện điện tử.',
    ], { score: 0.93 });
    for (const q of ['Thông điệp dữ liệu là gì?', 'thong diep du lieu la gi']) {
      const r = composeExtractive(q, [receiving, terms], { skipAbstention: true });
      expect(r.text, q).toMatch(/^Theo Điều 3, khoản 4 Luật Giao dịch điện tử:\n4\. Thông điệp dữ liệu là thông tin/);
    }
  });
  it('finds a two-word X defined too, not a longer term that starts with it', () => {
    // Điều 2 Luật Tố cáo as written: khoản 2 and 3 define longer terms that open with "Tố cáo".
    const law = articleHit({ docId: 'luat/tc.txt', title: 'Luật Tố cáo' }, 'Điều 2. Giải thích từ ngữ', [
      'Trong Luật này, các từ ngữ dưới đây được hiểu như sau:',
      '1. Tố cáo là việc cá nhân theo thủ tục quy định của Luật này báo cho cơ quan, tổ chức, cá nhân có thẩm quyền biết về hành vi vi phạm pháp luật của bất kỳ cơ quan, tổ chức, cá nhân nào gây thiệt hại hoặc đe dọa gây thiệt hại đến lợi ích của Nhà nước, quyền và lợi ích hợp pháp của cơ quan, tổ chức, cá nhân, bao gồm:',
      'a) Tố cáo hành vi vi phạm pháp luật trong việc thực hiện nhiệm vụ, công vụ;',
      'b) Tố cáo hành vi vi phạm pháp luật về quản lý nhà nước trong các lĩnh vực.',
      '2. Tố cáo hành vi vi phạm pháp luật trong việc thực hiện nhiệm vụ, công vụ là tố cáo về hành vi vi phạm pháp luật trong việc thực hiện nhiệm vụ, công vụ của các đối tượng sau đây:',
      'a) Cán bộ, công chức, viên chức; người khác được giao thực hiện nhiệm vụ, công vụ;',
      'c) Cơ quan, tổ chức.',
      '3. Tố cáo hành vi vi phạm pháp luật về quản lý nhà nước trong các lĩnh vực là tố cáo về hành vi vi phạm pháp luật về quản lý nhà nước trong các lĩnh vực của bất kỳ cơ quan, tổ chức, cá nhân nào về việc chấp hành quy định của pháp luật, trừ hành vi vi phạm pháp luật trong việc thực hiện nhiệm vụ, công vụ.',
      '4. Người tố cáo là cá nhân thực hiện việc tố cáo.',
    ]);
    for (const q of ['Tố cáo là gì?', 'to cao la gi']) {
      const r = composeExtractive(q, [law], { skipAbstention: true });
      expect(r.text, q).toMatch(/^Theo Điều 2, khoản 1 Luật Tố cáo:\n1\. Tố cáo là việc cá nhân/);
    }
  });

});
