import { describe, expect, it } from 'vitest';
import { findMarkingInText } from '../../ingest/ocr/marking.js';
import { markingInHeaderWords } from '../../ingest/ocr/stamp.js';
import type { OcrWord } from '../../ingest/ocr/tsv.js';

describe('classification words', () => {
  it('reads markings however the letters come out', () => {
    expect(findMarkingInText('TỐI MẬT')).toBe('TỐI MẬT');
    expect(findMarkingInText('T O I M A T')).toBe('TỐI MẬT');
    expect(findMarkingInText('T.Ố.I M.Ậ.T')).toBe('TỐI MẬT');
    expect(findMarkingInText('|TUYET MAT|')).toBe('TUYỆT MẬT');
    expect(findMarkingInText('tuyệt mật')).toBe('TUYỆT MẬT');
    expect(findMarkingInText('MẬT')).toBe('MẬT');
    expect(findMarkingInText('mat')).toBe('MẬT');
  });

  it('does not take ordinary "mật" for a marking', () => {
    expect(findMarkingInText('V/v bảo mật thông tin')).toBeNull();
    expect(findMarkingInText('bí mật nhà nước')).toBeNull();
    expect(findMarkingInText('thay đổi mật khẩu hệ thống')).toBeNull();
    expect(findMarkingInText('Cổng thông tin điện tử Chính phủ ĐẾN')).toBeNull();
  });

  it('looks only at the header zone of the page', () => {
    const word = (text: string, top: number, line: number, conf = 95): OcrWord => ({ page: 1, block: line, par: 1, line: 1, left: 100, top, width: 80, height: 30, conf, text });
    expect(markingInHeaderWords([word('TỐI', 200, 1), word('MẬT', 200, 1)], 2000).marking).toBe('TỐI MẬT');
    expect(markingInHeaderWords([word('TỐI', 1500, 1), word('MẬT', 1500, 1)], 2000).marking).toBeNull();
    // Misread vowels still fold to the marking: fail closed.
    expect(markingInHeaderWords([word('TÔI', 200, 1, 30), word('MẶT', 200, 1, 30)], 2000).marking).toBe('TỐI MẬT');
    const unsure = markingInHeaderWords([word('T0I', 200, 1, 30), word('M4T', 200, 1, 30)], 2000);
    expect(unsure).toEqual({ marking: null, undecidable: true });
    expect(markingInHeaderWords([word('Số:', 200, 1), word('17/QC-VKSTC', 200, 1)], 2000)).toEqual({ marking: null, undecidable: false });
  });
});
