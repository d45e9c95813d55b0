import { describe, expect, it } from 'vitest';
import { DEFAULT_QUERY_WEIGHTS, accentedSyllables, analyzeQuery, analyzeText } from '../../core/retrieval/analyze.js';
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

  it('searches a question\'s words with no n-gram running into its question words', () => {
    for (const [question, asking, kept] of [
      ['Văn bản đến được xử lý như thế nào?', ['nhu', 'the', 'nao'], 'xu_ly'],
      ['van ban den duoc xu ly nhu the nao', ['nhu', 'the', 'nao'], 'ban_den'],
      ['Thời hạn giải quyết tố cáo là bao lâu?', ['bao', 'lau'], 'giai_quyet'],
    ] as const) {
      const keys = analyzeQuery(question).terms.map((t) => t.term);
      // A passage writing "… cần phải xử lý như thế nào" is not what the question asks for.
      const spanning = keys.filter((k) => k.includes('_') && k.split('_').some((w) => (asking as readonly string[]).includes(w)));
      expect(spanning, question).toEqual([]);
      expect(keys, question).toContain(kept);
    }
  });

  it('also pairs the words a plural marker stands between: "có những quyền" searches "có quyền"', () => {
    const keys = (q: string) => analyzeQuery(q).terms.map((t) => t.term);
    expect(keys('Bị can có những quyền gì?')).toEqual(expect.arrayContaining(['co_nhung', 'nhung_quyen', 'co_quyen']));
    expect(keys('quy trình gồm các bước nào')).toContain('gom_buoc');
    // Not across a question word: "có những gì" pairs nothing new.
    expect(keys('Hồ sơ có những gì?')).not.toContain('co_gi');
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

  it('reads a stop syllable written with other diacritics as the content word it is ("con dấu" is no "còn đâu", "tố tụng" no "từng")', () => {
    const weights = (text: string) => new Map(analyzeQuery(text).terms.map((t) => [t.term, t.weight]));
    const accented = weights('Ai được giữ con dấu của cơ quan?');
    for (const t of ['dau', 'co']) expect(accented.get(t), t).toBe(1);
    for (const t of ['ai', 'duoc', 'cua']) expect(accented.get(t)!, t).toBeLessThan(1);
    expect(weights('thời hiệu khiếu nại trong tố tụng hình sự').get('tung')).toBe(1);
    for (const q of ['từng đợt', 'Nhưng nếu bị can không có tiền thì sao?', 'Hãy cho biết mới được không']) {
      for (const t of ['tung', 'nhung', 'hay', 'moi']) if (weights(q).has(t)) expect(weights(q).get(t)!, `${q}: ${t}`).toBeLessThan(1);
    }
    // Typed without accents, "con dau" may be either: still a stop syllable; so is a word typed bare
    // in a question that writes others with their accents.
    expect(weights('ai duoc giu con dau cua co quan').get('dau')!).toBeLessThan(1);
    const mixed = weights('thoi han tam giam cua bi can theo Điều 173 la bao lau');
    for (const t of ['cua', 'bi', 'la']) expect(mixed.get(t)!, t).toBeLessThan(1);
  });
});

describe('implied terms', () => {
  it('a how-long question asks for a time limit without naming it', () => {
    for (const q of ['Tạm giữ tối đa mấy ngày?', 'thoi hieu la bao lau', 'giải quyết trong bao nhiêu ngày làm việc']) {
      const a = analyzeQuery(q);
      expect(a.implied).toEqual(['thoi', 'han']);
      expect(a.terms.find((t) => t.term === 'thoi_han')?.weight).toBeGreaterThan(0);
      // Implied words are not the user's words: coverage (and so abstention) ignores them.
      expect(a.content).not.toContain('han');
    }
  });

  it('a by-what-means question asks for the form ("hình thức") of the act', () => {
    expect(analyzeQuery('Gửi đơn bằng cách nào?').implied).toEqual(['hinh', 'thuc']);
    expect(analyzeQuery('nop ho so theo phuong thuc nao').implied).toEqual(['hinh', 'thuc']);
  });

  it('other questions imply nothing, and a zero weight turns the feature off', () => {
    expect(analyzeQuery('Kiểm sát viên không được làm những việc gì?').implied).toEqual([]);
    expect(analyzeQuery('bao nhiêu người đại diện').implied).toEqual([]);
    const off = analyzeQuery('mấy ngày', {}, { ...DEFAULT_QUERY_WEIGHTS, implied: 0 });
    expect(off.implied).toEqual([]);
    expect(off.terms.some((t) => t.term === 'thoi_han')).toBe(false);
  });
});

describe('document analysis, one pass', () => {
  const text = 'Điều 2. KSV Viện kiểm sát nhân dân (VKSND) thực hành quyền công tố theo Kế hoạch 221/KH-VKSTC ngày 15/12/2023; thuế, thuê, KIỂM SÁT.';

  it('gathers the accented syllables accentedSyllables finds, in the same order, with the same terms', () => {
    const syllables = new Set<string>();
    const terms = analyzeText(text, {}, syllables);
    expect(terms).toEqual(analyzeText(text));
    expect([...syllables]).toEqual([...accentedSyllables(text)]);
  });

  it('gives the same terms on every call (its memos change nothing)', () => {
    const first = analyzeText(text, { accented: true, trigrams: true });
    for (let i = 0; i < 3; i++) expect(analyzeText(text, { accented: true, trigrams: true })).toEqual(first);
    expect(first).toContain('kiem_sat');
    expect(first).toContain('~kiểm');
    expect(first).toContain('#221/KH-VKSTC');
    expect(first).toContain('@2023-12-15');
  });
});
