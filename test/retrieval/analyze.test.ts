import { describe, expect, it } from 'vitest';
import { analyzeQuery, analyzeText } from '../../core/retrieval/analyze.js';
import { expandAbbreviation } from '../../core/retrieval/abbreviations.js';

describe('Vietnamese analysis', () => {
  it('folds diacritics so unaccented and accented text share terms', () => {
    const doc = new Set(analyzeText('Kế hoạch 221 có bao nhiêu mục tiêu?'));
    const q = analyzeQuery('ke hoach 221 co bao nhieu muc tieu');
    for (const t of q.terms) expect(doc.has(t.term)).toBe(true);
    expect(q.unaccented).toBe(true);
  });

  it('adds syllable bigrams inside a phrase but never across punctuation', () => {
    const terms = analyzeText('Chuyển đổi số, kiểm sát viên');
    expect(terms).toContain('chuyen_doi');
    expect(terms).toContain('doi_so');
    expect(terms).toContain('kiem_sat');
    expect(terms).not.toContain('so_kiem');
    expect(analyzeText('kiểm sát', { bigrams: false })).toEqual(['kiem', 'sat']);
  });

  it('keeps document numbers and dates as single terms', () => {
    const terms = analyzeText('Thực hiện Kế hoạch 221/KH-VKSTC ngày 15/12/2023 và Nghị định 30/2020/NĐ-CP');
    expect(terms).toContain('#221/KH-VKSTC');
    expect(terms).toContain('#30/2020/ND-CP');
    expect(terms).toContain('@2023-12-15');
    const q = analyzeQuery('kế hoạch 221/kh-vkstc ban hành ngày 15/12/2023');
    expect(q.docNumbers).toEqual(['221/KH-VKSTC']);
    expect(q.dates).toEqual(['2023-12-15']);
    expect(q.terms.map((t) => t.term)).toContain('#221/KH-VKSTC');
  });

  it('finds bare references for the document boost', () => {
    expect(analyzeQuery('nghi dinh 30 quy dinh gi ve van thu').references).toEqual([{ type: 'Nghị định', number: '30' }]);
  });

  it('expands field abbreviations in queries and documents', () => {
    const q = analyzeQuery('ksv co nhiem vu gi');
    expect(q.content).toEqual(expect.arrayContaining(['kiem', 'sat', 'vien']));
    expect(analyzeText('Trình VKSND tối cao')).toContain('kiem_sat');
    // Ambiguous short forms expand in documents only when written as an abbreviation (capitals).
    expect(expandAbbreviation('CT')).toBe('chi thi');
    expect(expandAbbreviation('ct')).toBeUndefined();
    expect(expandAbbreviation('blhs')).toBe('bo luat hinh su');
  });

  it('down-weights stop syllables rather than dropping them', () => {
    const q = analyzeQuery('quyền của kiểm sát viên');
    const w = new Map(q.terms.map((t) => [t.term, t.weight]));
    expect(w.get('cua')).toBeGreaterThan(0);
    expect(w.get('cua')!).toBeLessThan(w.get('quyen')!);
    expect(q.content).not.toContain('cua');
  });
});
