/** What a question negates, and the headings that negate the same (core/retrieval/negation.ts). */
import { describe, expect, it } from 'vitest';
import { askedNegations, headingNegates } from '../../core/retrieval/negation.js';

describe('askedNegations', () => {
  it('reads a prohibition, or a "không" in a question asking which cases, past the modal to its verb', () => {
    expect(askedNegations('Những căn cứ nào khiến cơ quan không được khởi tố vụ án?')).toEqual(['khoi']);
    expect(askedNegations('Đơn khiếu nại rơi vào những trường hợp nào thì sẽ không thụ lý?')).toEqual(['thu']);
    expect(askedNegations('Thông tin nào công dân không được tiếp cận?')).toEqual(['tiep']);
    expect(askedNegations('Kiểm sát viên không được làm những việc gì?')).toEqual(['lam']);
    expect(askedNegations('khieu nai khong duoc thu ly khi nao')).toEqual(['thu']);
  });

  it('ignores a failure told, "không gian", "vu khống", a right to refuse, and a closing "không"', () => {
    expect(askedNegations('Tài liệu mật không xử lý kịp trong ngày thì lưu giữ thế nào?')).toEqual([]);
    expect(askedNegations('Kiểm sát viên không làm thủ tục bàn giao hồ sơ thì sao?')).toEqual([]);
    expect(askedNegations('Những hành vi nào bảo vệ không gian mạng?')).toEqual([]);
    expect(askedNegations('Những hành vi vu khống nào bị cấm?')).toEqual([]);
    expect(askedNegations('KSV có quyền không được làm những việc gì không?')).toEqual([]);
    expect(askedNegations('Có được khởi tố không? Những ai làm chứng?')).toEqual([]);
  });
});

describe('headingNegates', () => {
  it('holds for a heading negating the same verb only', () => {
    const q = askedNegations('Những căn cứ nào khiến cơ quan không được khởi tố vụ án hình sự?');
    expect(headingNegates('Điều 157. Căn cứ không khởi tố vụ án hình sự', q)).toBe(true);
    expect(headingNegates('Điều 143. Căn cứ khởi tố vụ án hình sự', q)).toBe(false);
    expect(headingNegates('Điều 11. Các khiếu nại không được thụ lý giải quyết', q)).toBe(false);
    expect(headingNegates('Điều 14. Không ai bị kết án hai lần vì một tội phạm', askedNegations('Những ai không được khởi tố?'))).toBe(false);
  });
});
