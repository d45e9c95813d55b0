import { describe, expect, it } from 'vitest';
import { cleanOcrPages, cleanOcrText, fixStructureWords, joinWrappedLines, normaliseLetters, removePageFurniture, stripJunk } from '../../ingest/ocr/cleanup.js';

describe('OCR clean-up', () => {
  it('maps the Icelandic eth to Đ and drops marks Vietnamese never uses', () => {
    expect(normaliseLetters('Ðiều 5. QÐ thaÿ điểm ä')).toBe('Điều 5. QĐ thay điểm a');
    expect(normaliseLetters('Đie\u0302\u0300u')).toBe('Điều'); // decomposed input comes out NFC
  });

  it('restores "Điều", "điểm" and "khoản" before numbers and point letters only', () => {
    expect(fixStructureWords('tại khoản 1 Điêu 3 Nghị định')).toBe('tại khoản 1 Điều 3 Nghị định');
    expect(fixStructureWords('Điếu 12. Hiệu lực')).toBe('Điều 12. Hiệu lực');
    expect(fixStructureWords('quy định tại điêm b khoán 2')).toBe('quy định tại điểm b khoản 2');
    // "điêu" as an ordinary word stays.
    expect(fixStructureWords('nghệ thuật điêu khắc')).toBe('nghệ thuật điêu khắc');
  });

  it('removes stamp and speck debris around list markers', () => {
    expect(stripJunk('` -_ 1. Nghị định này quy định')).toBe('1. Nghị định này quy định');
    expect(stripJunk('cao nhất là Trung tướng; Ặ')).toBe('cao nhất là Trung tướng;');
    expect(stripJunk('Điều 5. Nguồn kinh phí |')).toBe('Điều 5. Nguồn kinh phí');
    expect(stripJunk('©) Sĩ quan có cấp bậc')).toBe('c) Sĩ quan có cấp bậc');
    expect(stripJunk('Số: 199 /2026/NĐ-CP')).toBe('Số: 199/2026/NĐ-CP');
    expect(stripJunk('chính trị - xã hội')).toBe('chính trị - xã hội');
  });

  it('joins lines wrapped mid-sentence but keeps headings, clauses and points apart', () => {
    const text = [
      'Điều 1. Phạm vi điều chỉnh',
      '1. Nghị định này quy định về chính sách hỗ trợ phục vụ đối với các chức',
      'danh, chức vụ lãnh đạo thuộc diện Bộ Chính trị quản lý.',
      'a) Các chức danh thuộc diện Ban Bí thư quản lý theo Quy định số 368-QĐ/TW;',
      'Điều 2. Nguồn kinh phí',
      'Khoản hỗ trợ được thanh toán hằng tháng.',
    ].join('\n');
    expect(joinWrappedLines(text).split('\n')).toEqual([
      'Điều 1. Phạm vi điều chỉnh',
      '1. Nghị định này quy định về chính sách hỗ trợ phục vụ đối với các chức danh, chức vụ lãnh đạo thuộc diện Bộ Chính trị quản lý.',
      'a) Các chức danh thuộc diện Ban Bí thư quản lý theo Quy định số 368-QĐ/TW;',
      'Điều 2. Nguồn kinh phí',
      'Khoản hỗ trợ được thanh toán hằng tháng.',
    ]);
  });

  it('drops page numbers and running headers, not body lines', () => {
    const pages = [
      'VIỆN KIỂM SÁT NHÂN DÂN TỐI CAO\nĐiều 1. Phạm vi\nNội dung một.\n1',
      'VIỆN KIỂM SÁT NHÂN DÂN TỐI CAO\n- 2 -\nNội dung hai.',
      'cụ 3\nVIỆN KIỂM SÁT NHÂN DÂN TỐI CAO\nĐiều 3. Hiệu lực\nNội dung ba.',
    ];
    expect(removePageFurniture(pages)).toEqual(['Điều 1. Phạm vi\nNội dung một.', 'Nội dung hai.', 'Điều 3. Hiệu lực\nNội dung ba.']);
  });

  it('keeps Điều headings at line starts so chunking by Điều/Khoản works', () => {
    const [page] = cleanOcrPages(['Chính phủ ban hành Nghị định.\n: Ðiêu 3. Mức hỗ trợ phục vụ _\n1. Mức 2.700.000 đồng/tháng']);
    expect(page.split('\n')).toContain('Điều 3. Mức hỗ trợ phục vụ');
    expect(cleanOcrText('Điều 4. Nguyên tắc\n1. Khi được điều động, _\nluân chuyển thì áp dụng.')).toBe('Điều 4. Nguyên tắc\n1. Khi được điều động, luân chuyển thì áp dụng.');
  });
});
