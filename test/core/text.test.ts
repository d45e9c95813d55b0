import { describe, expect, it } from 'vitest';
import { docNumberKey, findBareReferences, findDates, findDocNumbers, fold, foldedSyllables, splitSentences } from '../../core/text.js';

describe('Vietnamese text utilities', () => {
  it('folds diacritics, đ and case, whatever the Unicode form', () => {
    expect(fold('Kế hoạch Chuyển đổi số')).toBe('ke hoach chuyen doi so');
    expect(fold('ĐIỀU 5'.normalize('NFD'))).toBe('dieu 5');
    expect(foldedSyllables('Viện kiểm sát, nhân dân!')).toEqual(['vien', 'kiem', 'sat', 'nhan', 'dan']);
  });

  it('finds document numbers of every shape and keys them without accents', () => {
    const nums = findDocNumbers('Theo Kế hoạch số 221/KH-VKSTC và Luật 29/2018/QH14, Nghị định 30/2020/NĐ-CP ngày 15/12/2023');
    expect(nums).toEqual(['221/KH-VKSTC', '29/2018/QH14', '30/2020/NĐ-CP']);
    expect(docNumberKey('30/2020/nđ-cp')).toBe('30/2020/ND-CP');
  });

  it('finds bare references typed without accents', () => {
    expect(findBareReferences('ke hoach 221 co bao nhieu muc tieu')).toEqual([{ type: 'Kế hoạch', number: '221' }]);
    expect(findBareReferences('Quyết định số 390 về Ban Chỉ đạo')).toEqual([{ type: 'Quyết định', number: '390' }]);
  });

  it('reads dates in both written forms', () => {
    expect(findDates('ngày 15/12/2023 và ngày 01 tháng 6 năm 2015')).toEqual(['2023-12-15', '2015-06-01']);
    expect(findDates('99/99/2023')).toEqual([]);
  });

  it('splits sentences without cutting numbers', () => {
    const s = splitSentences('Đạt 1.000 hồ sơ, tỷ lệ 2.5%. Ngày 15/12/2023 ban hành. Xong!');
    expect(s).toEqual(['Đạt 1.000 hồ sơ, tỷ lệ 2.5%.', 'Ngày 15/12/2023 ban hành.', 'Xong!']);
  });
});
