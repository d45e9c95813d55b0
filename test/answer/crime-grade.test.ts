import { describe, expect, it } from 'vitest';
import { composeExtractive } from '../../core/answer/compose.js';
import { crimeGrades, otherGradeOnly } from '../../core/answer/crime-grade.js';
import { fold } from '../../core/text.js';
import { articleHit } from './fixtures.js';

const spaced = (s: string) => ` ${fold(s).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
const grades = (s: string) => [...crimeGrades(spaced(s))].sort();

describe('crimeGrades', () => {
  it('reads each grade, the bare one apart from the qualified ones', () => {
    expect(grades('Đối với tội phạm nghiêm trọng có thể được gia hạn')).toEqual(['nghiem-trong']);
    expect(grades('Đối với tội phạm đặc biệt nghiêm trọng có thể được gia hạn')).toEqual(['dac-biet']);
    expect(grades('bị can tội rất nghiêm trọng')).toEqual(['rat']);
    expect(grades('vụ trộm thuộc loại ít nghiêm trọng')).toEqual(['it']);
    expect(grades('toi pham rat nghiem trong thi tam giam')).toEqual(['rat']);
  });

  it('reads a list of grades running on from one "tội phạm"', () => {
    expect(grades('đối với tội phạm nghiêm trọng, rất nghiêm trọng, đặc biệt nghiêm trọng hoặc tội phạm ít nghiêm trọng nhưng phức tạp')).toEqual(['dac-biet', 'it', 'nghiem-trong', 'rat']);
  });

  it('reads "trở lên" as the grades from it up, and "hay" between two grades', () => {
    expect(grades('tội phạm nghiêm trọng trở lên')).toEqual(['dac-biet', 'nghiem-trong', 'rat']);
    expect(grades('đối với tội rất nghiêm trọng hay đặc biệt nghiêm trọng')).toEqual(['dac-biet', 'rat']);
    expect(grades('tình hình tội phạm gia tăng nghiêm trọng')).toEqual([]);
  });

  it('grades nothing where "nghiêm trọng" is no grade of crime', () => {
    expect(grades('Vi phạm nghiêm trọng quy định về bảo vệ bí mật nhà nước')).toEqual([]);
    expect(grades('gây hậu quả rất nghiêm trọng')).toEqual([]);
  });

  it('tells a piece of another grade only when both name one', () => {
    expect(otherGradeOnly(new Set(['rat']), new Set(['dac-biet']))).toBe(true);
    expect(otherGradeOnly(new Set(['rat']), new Set(['rat', 'dac-biet']))).toBe(false);
    expect(otherGradeOnly(new Set(['rat']), new Set())).toBe(false);
    expect(otherGradeOnly(new Set(), new Set(['it']))).toBe(false);
  });
});

const CODE = { docId: 'luat/bo-luat-to-tung-hinh-su-2015.txt', title: 'Bộ luật Tố tụng hình sự' };
const detention = articleHit(CODE, 'Điều 173. Thời hạn tạm giam để điều tra', [
  '1. Thời hạn tạm giam bị can để điều tra không quá 02 tháng đối với tội phạm ít nghiêm trọng, không quá 03 tháng đối với tội phạm nghiêm trọng, không quá 04 tháng đối với tội phạm rất nghiêm trọng và tội phạm đặc biệt nghiêm trọng.',
  '2. Trường hợp vụ án có nhiều tình tiết phức tạp, xét cần phải có thời gian dài hơn cho việc điều tra và không có căn cứ để thay đổi hoặc hủy bỏ biện pháp tạm giam thì chậm nhất là 10 ngày trước khi hết thời hạn tạm giam, Cơ quan điều tra phải có văn bản đề nghị Viện kiểm sát gia hạn tạm giam.',
  'Việc gia hạn tạm giam được quy định như sau:',
  'a) Đối với tội phạm ít nghiêm trọng có thể được gia hạn tạm giam một lần không quá 01 tháng;',
  'b) Đối với tội phạm nghiêm trọng có thể được gia hạn tạm giam một lần không quá 02 tháng;',
  'c) Đối với tội phạm rất nghiêm trọng có thể được gia hạn tạm giam một lần không quá 03 tháng;',
  'd) Đối với tội phạm đặc biệt nghiêm trọng có thể được gia hạn tạm giam hai lần, mỗi lần không quá 04 tháng.',
]);
const trial = articleHit(CODE, 'Điều 277. Thời hạn chuẩn bị xét xử', [
  '1. Trong thời hạn 30 ngày đối với tội phạm ít nghiêm trọng, 45 ngày đối với tội phạm nghiêm trọng, 02 tháng đối với tội phạm rất nghiêm trọng, 03 tháng đối với tội phạm đặc biệt nghiêm trọng kể từ ngày thụ lý vụ án, Thẩm phán chủ tọa phiên tòa phải ra một trong các quyết định:',
  'a) Đưa vụ án ra xét xử;',
  'b) Trả hồ sơ để yêu cầu điều tra bổ sung;',
  'c) Tạm đình chỉ vụ án hoặc đình chỉ vụ án.',
  'Đối với vụ án phức tạp, Chánh án Tòa án có thể quyết định gia hạn thời hạn chuẩn bị xét xử nhưng không quá 15 ngày đối với tội phạm ít nghiêm trọng và tội phạm nghiêm trọng, không quá 30 ngày đối với tội phạm rất nghiêm trọng và tội phạm đặc biệt nghiêm trọng.',
]);

const quoted = (q: string, hit = detention) => composeExtractive(q, [hit], { skipAbstention: true }).text;

describe('a question naming a grade of crime', () => {
  it('quotes the điểm of that grade, not the one sharing more words ("mỗi lần") of another', () => {
    const t = quoted('Tạm giam tội rất nghiêm trọng thì gia hạn được mấy lần, mỗi lần bao lâu?');
    expect(t).toContain('c) Đối với tội phạm rất nghiêm trọng');
    expect(t).not.toContain('d) Đối với tội phạm đặc biệt');
  });

  it('does not read the bare grade into the qualified ones', () => {
    const t = quoted('Bị can phạm tội nghiêm trọng thì được gia hạn tạm giam mấy lần, mỗi lần bao lâu?');
    expect(t).toContain('b) Đối với tội phạm nghiêm trọng');
    expect(t).not.toMatch(/[acd]\) Đối với/u);
  });

  it('quotes no other grade\'s điểm alongside its own', () => {
    const t = quoted('Tạm giam tội ít nghiêm trọng gia hạn tối đa bao lâu?');
    expect(t).toContain('a) Đối với tội phạm ít nghiêm trọng');
    expect(t).not.toMatch(/[bcd]\) Đối với/u);
  });

  it('keeps a khoản whose lead-in, not its điểm, lists the grades', () => {
    const t = quoted('Tòa án có bao lâu để chuẩn bị xét xử sơ thẩm một vụ án tội đặc biệt nghiêm trọng?', trial);
    expect(t).toContain('03 tháng đối với tội phạm đặc biệt nghiêm trọng kể từ ngày thụ lý');
  });
});
