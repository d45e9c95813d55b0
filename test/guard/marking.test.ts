import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkOutput, passageIsClassified } from '../../core/guard/index.js';

// The shipped copies of the public laws (identical to ../shared/corpus/laws).
const KNOWLEDGE = path.resolve(import.meta.dirname, '../../knowledge');
const paragraphs = (file: string) =>
  readFileSync(path.join(KNOWLEDGE, file), 'utf8')
    .split(/\n\s*\n|\n(?=Điều \d+)/)
    .map((p) => p.trim())
    .filter(Boolean);

describe('passageIsClassified', () => {
  it('flags stamp lines', () => {
    expect(passageIsClassified('MẬT\nSố: 12/KH-VKSTC\nKế hoạch ...')).toBe(true);
    expect(passageIsClassified('VIỆN KIỂM SÁT NHÂN DÂN TỐI CAO\n   TỐI MẬT   \nBáo cáo ...')).toBe(true);
    expect(passageIsClassified('** TUYỆT MẬT **\nnội dung')).toBe(true);
    expect(passageIsClassified('MẬT - KHẨN\nCông văn về việc ...')).toBe(true);
    expect(passageIsClassified('TOP SECRET\nMemo')).toBe(true);
    expect(passageIsClassified('TOI MAT\nbao cao')).toBe(true);
  });

  it('flags a stamp glued to the header by the chunker', () => {
    expect(passageIsClassified('TỐI MẬT Số: 15/BC-VKSTC Hà Nội, ngày 3/4/2024')).toBe(true);
  });

  it('flags level fields and bracketed notes', () => {
    expect(passageIsClassified('Độ mật: Tối mật. Nơi nhận: ...')).toBe(true);
    expect(passageIsClassified('Mức độ mật - MẬT')).toBe(true);
    expect(passageIsClassified('Báo cáo kết quả xác minh (Tài liệu mật)')).toBe(true);
    expect(passageIsClassified('Danh sách [TỐI MẬT] kèm theo')).toBe(true);
    expect(passageIsClassified('Kế hoạch số 15/KH-VKSTC được xác định độ Tối mật')).toBe(true);
  });

  it('flags marked text disguised with invisible characters and look-alikes', () => {
    expect(passageIsClassified('Т\u200bỐI МẬТ\nSố: 1/BC')).toBe(true);
  });

  it('leaves public text about secrets alone', () => {
    expect(passageIsClassified('Bí mật nhà nước được phân loại thành 03 độ mật: Tuyệt mật, Tối mật, Mật.')).toBe(false);
    expect(passageIsClassified('Con dấu các độ mật (TUYỆT MẬT, TỐI MẬT hoặc MẬT) được khắc sẵn.')).toBe(false);
    expect(passageIsClassified('Tài liệu, vật chứa bí mật nhà nước độ “Tối mật” và “Mật” được bảo vệ bằng một lớp bì.')).toBe(false);
    expect(passageIsClassified('| 14 | Mức độ khẩn, độ mật | Priority | Number | 1 |')).toBe(false);
    expect(passageIsClassified('Bị can có mặt (mặt trước) tại phiên tòa; tiền mặt (mất) được hoàn trả.')).toBe(false);
  });

  it('flags no paragraph of the public laws on secrets, archives and e-transactions', () => {
    const files = [
      'luat/luat-bao-ve-bi-mat-nha-nuoc-2018.txt',
      'nghi-dinh/nghi-dinh-26-2020-nd-cp-bao-ve-bi-mat-nha-nuoc.txt',
      'nghi-dinh/nghi-dinh-30-2020-nd-cp-cong-tac-van-thu.txt',
      'nghi-dinh/nghi-dinh-30-2020-nd-cp-phu-luc.md',
      'luat/luat-to-cao-2018.txt',
      'luat/luat-giao-dich-dien-tu-2023.txt',
    ];
    for (const f of files) {
      const flagged = paragraphs(f).filter(passageIsClassified);
      expect(flagged, f).toEqual([]);
    }
  });
});

describe('checkOutput', () => {
  it('blocks an answer that reveals marked material', () => {
    expect(checkOutput('Theo Báo cáo số 7/BC-VKSTC (độ mật: tối mật), có 3 vụ án ...')).toBe(false);
    expect(checkOutput('TUYỆT MẬT\nKế hoạch ...')).toBe(false);
    expect(checkOutput('Văn bản số 12/VKSTC-V2 thuộc độ Mật quy định ...')).toBe(false);
  });

  it('passes an answer quoting public law about secrets', () => {
    expect(
      checkOutput(
        'Theo Điều 19 Luật Bảo vệ bí mật nhà nước (29/2018/QH14), thời hạn bảo vệ là 30 năm đối với bí mật nhà nước độ Tuyệt mật, 20 năm đối với độ Tối mật và 10 năm đối với độ Mật.',
      ),
    ).toBe(true);
    expect(checkOutput('Dấu chỉ độ mật được đóng vào ô số 10a theo Nghị định 30/2020/NĐ-CP.')).toBe(true);
  });
});
