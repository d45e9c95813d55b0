import { describe, expect, it } from 'vitest';
import { ONE_WAY_GROUPS, THESAURUS_GROUPS, findSynonyms } from '../../core/retrieval/thesaurus.js';
import { DEFAULT_QUERY_WEIGHTS, analyzeQuery } from '../../core/retrieval/analyze.js';
import { BM25Index } from '../../core/retrieval/bm25.js';
import { HybridRetriever } from '../../core/retrieval/hybrid.js';
import type { Chunk } from '../../core/types.js';

const words = (s: string) => s.split(' ');

describe('field thesaurus', () => {
  it('finds an everyday phrase and offers the words legal texts use for it', () => {
    const [m] = findSynonyms(words('ho co phai tra tien khong'));
    expect(m.phrase).toEqual(['tra', 'tien']);
    expect(m.start).toBe(3);
    expect(m.alternatives).toContainEqual(['chi', 'phi']);
    expect(m.alternatives).not.toContainEqual(['tra', 'tien']);
  });

  it('offers the law\'s words for a bare prohibition and for bounds', () => {
    expect(findSynonyms(words('phap luat cam nhung hanh vi nao'))[0].alternatives).toContainEqual(['nghiem', 'cam']);
    expect(findSynonyms(words('toi thieu may ngay'))[0].alternatives).toContainEqual(['it', 'nhat']);
    expect(findSynonyms(words('toi da bao lau'))[0].alternatives).toContainEqual(['khong', 'qua']);
  });

  it('reads a guide\'s "quy trình" as the laws\' "trình tự"', () => {
    expect(findSynonyms(words('quy trinh giai quyet to cao'))[0].alternatives).toContainEqual(['trinh', 'tu']);
  });

  it('reads "rút đơn" as the withdrawal each law names, without making those two one', () => {
    const alts = findSynonyms(words('muon rut don thi lam the nao')).flatMap((m) => m.alternatives.map((a) => a.join(' ')));
    expect(alts).toEqual(expect.arrayContaining(['rut khieu nai', 'rut to cao']));
    // A withdrawn complaint is no withdrawn denunciation.
    const fromLaw = findSynonyms(words('rut khieu nai bang hinh thuc gi')).flatMap((m) => m.alternatives.map((a) => a.join(' ')));
    expect(fromLaw).toContain('rut don');
    expect(fromLaw).not.toContain('rut to cao');
  });

  it('reads an anonymous denunciation and an urgent dispatch in the words of the law', () => {
    const alts = (q: string) => findSynonyms(words(q)).flatMap((m) => m.alternatives.map((a) => a.join(' ')));
    expect(alts('don to cao nac danh xu ly sao')).toContain('khong ro ho ten');
    // Every everyday way of saying it reaches the law's words, not only through "nặc danh".
    expect(alts('don to cao khong ghi ten thi sao')).toEqual(expect.arrayContaining(['khong ro ho ten', 'nac danh']));
    expect(alts('thu to cao khong ky ten')).toContain('khong ro ho ten');
    expect(alts('van ban can gui gap thi ai quyet dinh')).toEqual(expect.arrayContaining(['do khan', 'hoa toc']));
    // "khẩn cấp" (emergency) is no dispatch.
    expect(alts('giu nguoi trong truong hop khan cap')).not.toContain('do khan');
  });

  it('reads a file kept by computer, a post taken down and a citizen not received in the words of the laws', () => {
    const alts = (q: string) => findSynonyms(words(q)).flatMap((m) => m.alternatives.map((a) => a.join(' ')));
    expect(alts('luu ho so duoi dang file dien tu thay ban giay')).toEqual(expect.arrayContaining(['thong diep du lieu', 'van ban giay']));
    expect(alts('yeu cau go bai dang vi pham')).toEqual(expect.arrayContaining(['xoa bo', 'thong tin']));
    expect(alts('can bo co the khong tiep nguoi say')).toContain('tu choi tiep');
    expect(alts('noi hoi cung bi can co ghi am khong')).toContain('co so thuc hien hoi cung');
    expect(alts('cap nao duoc ky lenh giu nguoi')).toContain('ra lenh');
    expect(alts('co bao lau de gui don khieu nai')).toContain('thoi hieu khieu nai');
    // "dữ liệu điện tử" is the procedure code's own evidence, no file.
    expect(alts('thu thap du lieu dien tu')).toEqual([]);
  });

  it('reads a laptop, being on the Internet and "tiếp dân" in the words of the rules', () => {
    const alts = (q: string) => findSynonyms(words(q)).flatMap((m) => m.alternatives.map((a) => a.join(' ')));
    expect(alts('soan tren laptop co duoc khong')).toContain('may tinh');
    expect(alts('may dang noi internet')).toContain('noi mang');
    expect(alts('thu truong phai tiep dan may ngay')).toContain('tiep cong dan');
  });

  it('reads "bắt đầu áp dụng" as "có hiệu lực", and not the other way round', () => {
    const alts = (q: string) => findSynonyms(words(q)).flatMap((m) => m.alternatives.map((a) => a.join(' ')));
    expect(alts('luat bat dau ap dung tu ngay nao')).toContain('co hieu luc');
    expect(alts('luat co hieu luc tu ngay nao')).not.toContain('bat dau ap dung');
  });

  it('reads a text that replaces another as the other one\'s "hết hiệu lực", and not the other way round', () => {
    const alts = (q: string) => findSynonyms(words(q)).flatMap((m) => m.alternatives.map((a) => a.join(' ')));
    expect(alts('luat to cao thay the luat nao')).toContain('het hieu luc');
    expect(alts('nghi dinh nay thay cho nghi dinh so may')).toContain('het hieu luc');
    expect(alts('van ban nao het hieu luc')).not.toContain('thay the luat');
    // Replacing a measure is no text's expiry.
    expect(alts('thay the bien phap tam giam')).not.toContain('het hieu luc');
    expect(alts('van ban dien tu co duoc dung thay cho van ban giay khong')).not.toContain('het hieu luc');
  });

  it('reads chat\'s "nội dung mật", "văn bản mật" as the law\'s "bí mật"', () => {
    const alts = (q: string) => findSynonyms(words(q)).flatMap((m) => m.alternatives.map((a) => a.join(' ')));
    expect(alts('hop co noi dung mat thi dung micro gi')).toContain('noi dung bi mat');
    expect(alts('soan van ban mat tren may tinh')).toContain('van ban bi mat');
  });

  it('reads "chưa kịp" (not in time) as the law\'s "cần thêm thời gian"', () => {
    const alts = (q: string) => findSynonyms(words(q)).flatMap((m) => m.alternatives.map((a) => a.join(' ')));
    expect(alts('neu chua kip thi duoc gia han them bao lau')).toContain('can them thoi gian');
    // "không kịp thời" (not promptly) is no lack of time.
    expect(alts('khong kip thoi bao cao')).not.toContain('can them thoi gian');
  });

  it('reads a pause as the law\'s "tạm đình chỉ" and a meeting\'s delegates as its "người tham dự"', () => {
    const alts = (q: string) => findSynonyms(words(q)).flatMap((m) => m.alternatives.map((a) => a.join(' ')));
    expect(alts('co duoc tam dung giai quyet to cao khong')).toContain('tam dinh chi');
    expect(alts('dai bieu co duoc mang dien thoai vao phong hop')).toContain('nguoi tham du');
  });

  it('reads chat\'s abuse and "chuyển gấp" in the words of the laws; not "đổi từ" or "chuyển riêng" as private affairs', () => {
    const alts = (q: string) => findSynonyms(words(q)).flatMap((m) => m.alternatives.map((a) => a.join(' ')));
    expect(alts('co nguoi den chui boi can bo tiep dan')).toContain('xuc pham');
    expect(alts('van ban can chuyen gap')).toContain('do khan');
    expect(alts('thong tin ve doi song rieng tu')).toContain('bi mat ca nhan');
    expect(alts('viec thay doi tu tam giam sang bao linh')).not.toContain('doi song rieng tu');
    expect(alts('ho so co duoc chuyen rieng cho vien kiem sat')).not.toContain('doi song rieng tu');
  });

  it('keeps every phrase in one group, so that no paraphrase reaches the law only by a second hop', () => {
    const groups = new Map<string, number>();
    for (const g of THESAURUS_GROUPS) for (const p of g) groups.set(p, (groups.get(p) ?? 0) + 1);
    // Two on purpose: a withdrawn complaint is no withdrawn denunciation, a text message no file.
    expect([...groups].filter(([, n]) => n > 1).map(([p]) => p).sort()).toEqual(['rut don', 'thong diep du lieu']);
    // A one-way entry's phrase is in no group: read both ways there, it would not be one-way.
    for (const [from] of ONE_WAY_GROUPS) for (const p of from) expect(groups.has(p), p).toBe(false);
  });

  it('reads an age under eighteen as the laws\' "người dưới 18 tuổi", "chưa thành niên"', () => {
    const minor = (q: string) => findSynonyms(words(q)).filter((m) => m.alternatives.some((a) => a.join(' ') === 'duoi 18 tuoi'));
    expect(minor('lay loi khai tre 15 tuoi').map((m) => m.phrase.join(' '))).toEqual(['tre 15 tuoi']);
    expect(minor('bi can 17 tuoi co duoc').map((m) => m.phrase.join(' '))).toEqual(['17 tuoi']);
    expect(minor('nguoi 20 tuoi')).toEqual([]);
    // A bound the question quotes from the law is no one's age.
    expect(minor('tu du 14 tuoi den duoi 16 tuoi')).toEqual([]);
  });

  it('matches whole phrases only: a syllable of one is not the phrase', () => {
    expect(findSynonyms(words('tien do thuc hien ke hoach'))).toEqual([]);
    expect(findSynonyms(words('tra loi cau hoi'))).toEqual([]);
  });

  it('adds the alternatives to a query at a reduced weight, outside the coverage it expects', () => {
    const q = analyzeQuery('Có phải trả tiền không?');
    const weight = (t: string) => q.terms.find((x) => x.term === t)?.weight ?? 0;
    expect(weight('chi_phi')).toBeCloseTo(DEFAULT_QUERY_WEIGHTS.bigram * DEFAULT_QUERY_WEIGHTS.synonym);
    expect(weight('tra_tien')).toBeCloseTo(DEFAULT_QUERY_WEIGHTS.bigram);
    expect(q.content).not.toContain('chi');
    const off = analyzeQuery('Có phải trả tiền không?', {}, { ...DEFAULT_QUERY_WEIGHTS, synonym: 0 });
    expect(off.terms.map((t) => t.term)).not.toContain('chi_phi');
  });
});

describe('thesaurus in the hybrid retriever', () => {
  const chunks: Chunk[] = [
    { id: 'a', docId: 'l', ord: 0, title: 'Luật Tiếp cận thông tin', type: 'Luật', article: '12', heading: 'Điều 12. Chi phí tiếp cận thông tin', text: 'Người yêu cầu cung cấp thông tin phải trả chi phí thực tế để in, sao, chụp, gửi thông tin.' },
    { id: 'b', docId: 'l', ord: 1, title: 'Luật Tiếp cận thông tin', type: 'Luật', article: '24', heading: 'Điều 24. Hình thức yêu cầu', text: 'Người yêu cầu điền Phiếu yêu cầu cung cấp thông tin.' },
    { id: 'c', docId: 'l', ord: 2, title: 'Luật Tiếp cận thông tin', type: 'Luật', article: '30', heading: 'Điều 30. Thời hạn', text: 'Thông tin được cung cấp trong thời hạn 15 ngày.' },
  ];
  const bm25 = BM25Index.build(chunks.map((c) => ({ id: c.id, text: c.text, heading: c.heading, title: c.title })));
  const r = new HybridRetriever({ chunks, bm25 });

  it('ranks the article written in the field\'s words first and counts the paraphrase as covered', async () => {
    const q = 'Có phải trả tiền khi xin thông tin không?';
    const [best] = await r.retrieve(q, 3);
    expect(best.item.id).toBe('a');
    const off = new HybridRetriever({ chunks, bm25, options: { queryWeights: { ...DEFAULT_QUERY_WEIGHTS, synonym: 0 } } });
    const [bare] = (await off.retrieve(q, 3)).filter((h) => h.item.id === 'a');
    expect(best.coverage!).toBeGreaterThan(bare.coverage!);
  });
});

describe('citizens\' words for the procedure code\'s (the twenty-sixth session)', () => {
  const alts = (q: string) => findSynonyms(words(q)).flatMap((m) => m.alternatives.map((a) => a.join(' ')));
  it('reads everyday words in the law\'s', () => {
    expect(alts('bi can dang nuoi con nho thi co bi tam giam khong')).toContain('nuoi con duoi 36 thang tuoi');
    expect(alts('nguoi den khieu nai khong ranh tieng viet')).toContain('khong thong thao tieng viet');
    expect(alts('khang an thi gui don cho ai')).toContain('khang cao');
    expect(alts('hoi cung co phai quay hinh khong')).toContain('ghi hinh');
    expect(alts('gui tai lieu qua buu dien')).toContain('dich vu buu chinh');
    // The laws' own name for secret documents: "tài liệu, vật chứa bí mật nhà nước".
    expect(alts('sao chup tai lieu mat xong thi ghi vao so nao')).toContain('tai lieu vat chua bi mat');
    expect(alts('ru re nguoi khac keo den dong nguoi thi co bi cam khong')).toContain('loi keo');
  });

  it('leaves alone words that fold like one of them ("giữa chừng có" is no "chứng cớ", "vụ không" no "vu khống")', () => {
    expect(alts('da nop don khieu nai roi thi giua chung co rut lai duoc khong')).not.toContain('bang chung');
    for (const q of ['vu khong co nguoi bao chua thi sao', 'pho to truong phai lam gi', 'kiem tra thu tuc nhu the nao', 'nhung nhieu nguoi cung khieu nai']) expect(alts(q), q).toEqual([]);
  });
});

describe("citizens' words for the laws' (the twenty-seventh session)", () => {
  const alts = (q: string) => findSynonyms(words(q)).flatMap((m) => m.alternatives.map((a) => a.join(' ')));
  it('reads everyday words in the law\'s', () => {
    expect(alts('bi mat nha nuoc chia lam may do mat')).toContain('phan loai thanh');
    expect(alts('khieu nai quyet dinh ky luat thi han chot la bao lau')).toContain('thoi hieu');
    expect(alts('khong du can cu thi ai phai tha nguoi')).toContain('tra tu do');
    for (const q of ['duoc tha ho khieu nai', 'duoc tha tu truoc thoi han', 'ong phan thanh nam']) expect(alts(q), q).not.toContain('tra tu do');
    expect(alts('ong phan thanh nam')).not.toContain('phan loai thanh');
    expect(alts('muon bao lanh cho con trai dang bi tam giam')).toContain('bao linh');
    expect(alts('co duoc khai bang tieng me de khong')).toContain('tieng noi va chu viet cua dan toc minh');
    expect(alts('sep em la tien si thi ky co ghi ts khong')).toContain('hoc vi');
  });

  it('reads them one way: the law\'s own word asks nothing of the everyday one', () => {
    expect(alts('thoi hieu khieu nai la bao lau')).not.toContain('han chot');
    expect(alts('nguoi bi tam giu duoc tra tu do khi nao')).not.toContain('tha nguoi');
  });
});
