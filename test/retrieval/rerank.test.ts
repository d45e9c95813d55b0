import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Chunk, DocType } from '../../core/types.js';
import { DEFAULT_QUERY_WEIGHTS } from '../../core/retrieval/analyze.js';
import { BM25Index } from '../../core/retrieval/bm25.js';
import { HybridRetriever, type HybridOptions, definitionSubject } from '../../core/retrieval/hybrid.js';
import { definedIn, definitionTable, definitionTableFromJson, definitionTableToJson } from '../../core/retrieval/definitions.js';

const laws = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'corpus', 'laws');

/** One chunk per "Điều N." of a shipped law text, heading line kept apart as the ingest does. */
function articles(file: string, docId: string, title: string, type: DocType = 'Luật'): Chunk[] {
  const text = readFileSync(resolve(laws, file), 'utf8');
  return text
    .split(/\n(?=Điều \d+\.)/u)
    .slice(1)
    .map((p, ord) => {
      const [heading] = p.split('\n');
      return { id: `${docId}#${ord}`, docId, text: p.trim(), heading, article: heading.match(/\d+/)![0], ord, title, type };
    });
}

function lexical(chunks: Chunk[], options: Partial<HybridOptions> = {}) {
  const bm25 = BM25Index.build(chunks.map((c) => ({ id: c.id, text: c.text, heading: c.heading, title: c.title })));
  return new HybridRetriever({ chunks, bm25, options });
}

describe('definitionSubject', () => {
  it('finds the term a definition question asks about', () => {
    expect(definitionSubject('Theo Luật An ninh mạng, an ninh mạng được hiểu là gì?')).toBe('an ninh mang');
    expect(definitionSubject('khiếu nại là gì')).toBe('khieu nai');
    expect(definitionSubject('Thế nào là tố cáo?')).toBe('to cao');
    expect(definitionSubject('bi mat nha nuoc co nghia la gi?')).toBe('bi mat nha nuoc');
    expect(definitionSubject('Tấn công mạng được định nghĩa như thế nào?')).toBe('tan cong mang');
    expect(definitionSubject('Khiếu nại được hiểu ra sao?')).toBe('khieu nai');
    // The law defines an act by the acts it is ("Tiếp cận thông tin là việc đọc, xem, nghe …").
    expect(definitionSubject("Theo luat tiep can thong tin thi 'tiep can thong tin' gom nhung viec gi?")).toBe('tiep can thong tin');
    expect(definitionSubject('Tấn công mạng bao gồm những hành vi nào?')).toBe('tan cong mang');
  });
  it('reads past the document the question says to look in, wherever it names it', () => {
    expect(definitionSubject('Hành vi hành chính theo Luật Khiếu nại nghĩa là gì?')).toBe('hanh vi hanh chinh');
    expect(definitionSubject('hanh vi hanh chinh theo luat khieu nai nghia la gi')).toBe('hanh vi hanh chinh');
    expect(definitionSubject('Theo Luật An ninh mạng thì tấn công mạng là gì?')).toBe('tan cong mang');
    expect(definitionSubject('Theo Luật An ninh mạng thì thế nào được coi là tấn công mạng?')).toBe('tan cong mang');
  });
  it('reads "được quy định thế nào" as asking the rules, not a definition', () => {
    expect(definitionSubject('Tấn công mạng được quy định như thế nào?')).toBeNull();
  });

  it('ignores questions that only end the same way after a long clause, or ask something else', () => {
    expect(definitionSubject('Thời hạn giải quyết khiếu nại lần đầu là bao lâu?')).toBeNull();
    expect(definitionSubject('Kiểm sát viên không được làm những việc gì?')).toBeNull();
    expect(definitionSubject('Muốn được bổ nhiệm Kiểm sát viên thì phải có trình độ học vấn tối thiểu là gì?')).toBeNull();
  });
});

describe('a quoted term listed in a table cell', () => {
  const chunk = (id: string, text: string): Chunk => ({ id, docId: id, text, heading: id, ord: 0, title: 'Phụ lục', type: 'Nghị định' });
  const chunks = [
    chunk('prose', 'Ký hiệu của văn bản gồm chữ viết tắt tên loại văn bản theo quy định. Chữ viết tắt tên loại văn bản do quy định riêng.'),
    chunk('table', '| Tên loại văn bản | Chữ viết tắt |\n| --- | --- |\n| Nghị quyết | NQ |\n| Quy định | QyĐ |\n| Thông báo | TB |'),
    chunk('other', 'Viết tắt tên cơ quan theo quy định tại Phụ lục. Chữ viết tắt phải chính xác.'),
  ];
  const q = "Chữ viết tắt của loại văn bản 'Quy định' là gì?";

  it('lifts the table that lists the quoted name in a cell of its own', async () => {
    const scoreOf = async (boost: number) => (await lexical(chunks, { quotedCellBoost: boost }).retrieve(q, 3)).find((h) => h.item.id === 'table')!.score;
    expect((await scoreOf(0.3)) - (await scoreOf(0))).toBeCloseTo(0.3, 5);
    expect((await lexical(chunks).retrieve(q, 1))[0].item.id).toBe('table');
  });

  it('only when the question quotes it: the same words unquoted, or a cell holding more, get nothing', async () => {
    const plain = lexical(chunks);
    const unquoted = await plain.retrieve('Chữ viết tắt của loại văn bản Quy định là gì?', 3);
    const off = await lexical(chunks, { quotedCellBoost: 0 }).retrieve('Chữ viết tắt của loại văn bản Quy định là gì?', 3);
    expect(unquoted.map((h) => h.score)).toEqual(off.map((h) => h.score));
    const partial = await plain.retrieve("chữ viết tắt của 'Quy' là gì?", 3);
    const partialOff = await lexical(chunks, { quotedCellBoost: 0 }).retrieve("chữ viết tắt của 'Quy' là gì?", 3);
    expect(partial.map((h) => h.score)).toEqual(partialOff.map((h) => h.score));
  });
});

describe('a rare term the question quotes', () => {
  const chunk = (id: string, text: string): Chunk => ({ id, docId: id, text, heading: id, ord: 0, title: 'Nghị định', type: 'Nghị định' });
  // Enough other chunks for "tết" to be as rare as in the knowledge base.
  const filler = Array.from({ length: 150 }, (_, i) => chunk(`f${i}`, `Văn bản hành chính số ${i} được trình bày theo thể thức quy định tại Nghị định.`));
  const chunks = [
    ...filler,
    chunk('guide', 'Viết hoa trong văn bản hành chính theo Phụ lục II; khi nào viết hoa, khi nào viết thường trong văn bản hành chính thì xem Phụ lục.'),
    chunk('rule', 'Tên các ngày tết: viết hoa chữ cái đầu của âm tiết thứ nhất. Ví dụ: tết Nguyên đán.'),
  ];
  const q = "Trong văn bản hành chính, chữ 'Tết' khi nào thì viết hoa?";

  it('lifts the chunk that writes it, not one repeating the question\'s other words', async () => {
    const scoreOf = async (id: string, boost: number) => (await lexical(chunks, { quotedTermBoost: boost }).retrieve(q, 5)).find((h) => h.item.id === id)!.score;
    expect((await scoreOf('rule', 0.3)) - (await scoreOf('rule', 0))).toBeCloseTo(0.3, 5);
    expect((await scoreOf('guide', 0.3)) - (await scoreOf('guide', 0))).toBeCloseTo(0, 5);
  });

  it('not a common quoted word, nor the same word unquoted', async () => {
    const common = "Trong văn bản hành chính, chữ 'văn bản' khi nào thì viết hoa?";
    expect((await lexical(chunks).retrieve(common, 3)).map((h) => h.score)).toEqual((await lexical(chunks, { quotedTermBoost: 0 }).retrieve(common, 3)).map((h) => h.score));
    const plain = 'Trong văn bản hành chính, chữ Tết khi nào thì viết hoa?';
    expect((await lexical(chunks).retrieve(plain, 3)).map((h) => h.score)).toEqual((await lexical(chunks, { quotedTermBoost: 0 }).retrieve(plain, 3)).map((h) => h.score));
  });
});

describe('rerank features on shipped laws', () => {
  const anm = articles('luat-an-ninh-mang-2018.txt', 'anm', 'Luật An ninh mạng');
  const kn = articles('luat-khieu-nai-2011.txt', 'kn', 'Luật Khiếu nại');
  const tc = articles('luat-to-cao-2018.txt', 'tc', 'Luật Tố cáo');
  const tths = articles('bo-luat-to-tung-hinh-su-2015.txt', 'tths', 'Bộ luật Tố tụng hình sự', 'Bộ luật');
  const all = [...anm, ...kn, ...tc, ...tths];
  const r = lexical(all);

  it('a definition question gets the article that defines the term', async () => {
    for (const [q, doc] of [
      ['an ninh mạng được hiểu là gì?', 'anm'],
      ['tố cáo là gì', 'tc'],
    ] as const) {
      const top = (await r.retrieve(q, 1))[0].item;
      expect(`${top.docId}:${top.article}`).toBe(`${doc}:2`);
    }
  });

  it('the ingest\'s table of definitions retrieves what reading the chunks per question does', async () => {
    const table = definitionTableFromJson(definitionTableToJson(definitionTable(all)))!;
    expect(table.get('an ninh mang')?.map((i) => `${all[i].docId}:${all[i].article}`)).toEqual(['anm:2']);
    const bm25 = BM25Index.build(all.map((c) => ({ id: c.id, text: c.text, heading: c.heading, title: c.title })));
    const withTable = new HybridRetriever({ chunks: all, bm25, definitions: table });
    for (const q of ['an ninh mạng được hiểu là gì?', 'tố cáo là gì', 'khiếu nại là gì?', 'Thế nào là người bị tố cáo?', 'tin tặc là gì']) {
      const [a, b] = [await r.retrieve(q, 5), await withTable.retrieve(q, 5)];
      expect(b.map((h) => [h.item.id, h.score])).toEqual(a.map((h) => [h.item.id, h.score]));
    }
  });

  it('a definition asked "in" a field favours the article defining the term, when nothing defines the whole phrase', async () => {
    const table = definitionTableFromJson(definitionTableToJson(definitionTable(all)))!;
    const bm25 = BM25Index.build(all.map((c) => ({ id: c.id, text: c.text, heading: c.heading, title: c.title })));
    const make = (definitionBoost: number) =>
      new HybridRetriever({ chunks: all, bm25, definitions: table, options: { definitionBoost } });
    const q = 'Tấn công mạng trong hoạt động quân sự là gì?';
    const scoreOf = async (hr: HybridRetriever) => (await hr.retrieve(q, 20)).find((h) => `${h.item.docId}:${h.item.article}` === 'anm:2')?.score ?? NaN;
    expect((await scoreOf(make(0.5))) - (await scoreOf(make(0)))).toBeCloseTo(0.5, 5);
  });

  it('the definition boost is what lifts it: without it the definitions article loses', async () => {
    const plain = lexical(all, { definitionBoost: 0 });
    const top = (await plain.retrieve('an ninh mạng được hiểu là gì?', 1))[0].item;
    expect(`${top.docId}:${top.article}`).not.toBe('anm:2');
  });

  it('a question writing a law\'s full title favours that law over others with the same words', async () => {
    const generic = 'thời hạn giải quyết';
    for (const [law, doc] of [
      ['Luật Khiếu nại', 'kn'],
      ['Luật Tố cáo', 'tc'],
      ['BLTTHS', 'tths'],
    ] as const) {
      const hits = await r.retrieve(`Theo ${law}, ${generic} là bao lâu?`, 3);
      expect(hits.map((h) => h.item.docId)).toEqual([doc, doc, doc]);
    }
  });

  it('a long title without its type word names the document too; a short one does not', async () => {
    const q = 'người có quyền khiếu nại trong tố tụng hình sự';
    const named = await r.retrieve(q, 1);
    const unnamed = await lexical(all, { bareTitleWords: 99 }).retrieve(q, 1);
    expect(named[0].item.docId).toBe('tths');
    // The bare title adds exactly the named-title boost; "khiếu nại" alone names no law.
    expect(named[0].score - (unnamed.find((h) => h.item.id === named[0].item.id)?.score ?? NaN)).toBeCloseTo(0.2, 5);
  });

  it('a how-long question reaches the article that sets the time limit, through the implied "thời hạn"', async () => {
    const tr = lexical(tths);
    const off = lexical(tths, { queryWeights: { ...DEFAULT_QUERY_WEIGHTS, implied: 0 } });
    for (const [q, article] of [
      ['kháng cáo bản án sơ thẩm trong bao nhiêu ngày', '333'],
      ['truy tố phải quyết định trong mấy ngày', '240'],
    ] as const) {
      expect((await tr.retrieve(q, 3)).map((h) => h.item.article)).toContain(article);
      expect((await off.retrieve(q, 3)).map((h) => h.item.article)).not.toContain(article);
    }
  });

  it('a question negating what it asks ("không được khởi tố", "sẽ không thụ lý") gets the article whose heading negates it, not its positive twin', async () => {
    const off = lexical(all, { negatedHeadingBoost: 0 });
    for (const [q, article, twin] of [
      ['Những căn cứ nào khiến cơ quan có thẩm quyền không được khởi tố vụ án hình sự?', 'tths:157', 'tths:143'],
      ['Đơn khiếu nại rơi vào những trường hợp nào thì cơ quan sẽ không thụ lý?', 'kn:11', 'kn:36'],
    ] as const) {
      const top = (await r.retrieve(q, 1))[0].item;
      expect(`${top.docId}:${top.article}`, q).toBe(article);
      const before = (await off.retrieve(q, 1))[0].item;
      expect(`${before.docId}:${before.article}`, q).toBe(twin);
    }
  });

  it('a "Luật … định nghĩa X là gì?" question gets the article defining X', async () => {
    expect(definitionSubject('Luật An ninh mạng định nghĩa gián điệp mạng là gì?')).toBe('gian diep mang');
    const top = (await r.retrieve('Luật An ninh mạng định nghĩa gián điệp mạng là gì?', 1))[0].item;
    expect(`${top.docId}:${top.article}`).toBe('anm:2');
  });

  it('how long one has to complain implies the "thời hiệu" article', async () => {
    const off = lexical(all, { queryWeights: { ...DEFAULT_QUERY_WEIGHTS, implied: 0 } });
    const q = 'Cán bộ bị kỷ luật muốn khiếu nại thì trong bao lâu?';
    expect((await r.retrieve(q, 4)).map((h) => h.item.article)).toContain('48');
    expect((await off.retrieve(q, 5)).map((h) => h.item.article)).not.toContain('48');
  });

  it('an article whose heading is the question\'s own words outranks one that only shares most of them', async () => {
    const top = (await r.retrieve('thời hạn giải quyết tố giác, tin báo về tội phạm là bao nhiêu ngày?', 1))[0].item;
    expect(`${top.docId}:${top.article}`).toBe('tths:147');
  });

  it('skipping headings that cannot lift a chunk into the top k changes no result', async () => {
    // With k as large as the pool nothing is skipped: the top k must be the same chunks, same scores.
    const top = async (q: string, k: number) => (await r.retrieve(q, k)).slice(0, k).map((h) => [h.item.id, h.score]);
    const questions = [
      'Thời hạn giải quyết khiếu nại lần đầu là bao lâu?',
      'Quyền và nghĩa vụ của người tố cáo',
      'Thời hiệu khiếu nại',
      'Bảo vệ người tố cáo',
      'bắt người trong trường hợp khẩn cấp',
      'Rút khiếu nại',
      'Phòng, chống tấn công mạng',
    ];
    for (const q of questions) for (const k of [1, 3]) expect(await top(q, k)).toEqual((await top(q, 10_000)).slice(0, k));
  });
});

describe('heading precision', () => {
  const chunk = (id: string, heading: string, text: string): Chunk => ({ id, docId: id, heading, text, ord: 0, title: '', type: 'Luật' });
  // The body of "a" matches better; the heading of "b" is exactly the question, that of "a" adds a rare word.
  const chunks = [
    chunk('a', 'Phục hồi việc giải quyết đơn kiến nghị', 'Việc giải quyết đơn kiến nghị được phục hồi; giải quyết đơn kiến nghị tiếp tục khi lý do tạm đình chỉ không còn.'),
    chunk(
      'b',
      'Giải quyết đơn kiến nghị',
      'Việc giải quyết đơn kiến nghị được thực hiện trong thời hạn luật định kể từ ngày nhận đơn hợp lệ của người gửi; ' +
        'cơ quan có thẩm quyền thông báo bằng văn bản cho người gửi, nêu rõ lý do, căn cứ pháp lý, quyền khiếu nại tiếp theo và thời hạn thực hiện.',
    ),
    chunk('c', 'Tiếp nhận hồ sơ', 'Cơ quan tiếp nhận hồ sơ và vào sổ.'),
  ];

  it('prefers the heading with no words the question lacks, and only through the heading features', async () => {
    const q = 'giải quyết đơn kiến nghị';
    expect((await lexical(chunks).retrieve(q, 1))[0].item.id).toBe('b');
    const off = lexical(chunks, { headingPrecisionWeight: 0, headingWeight: 0 });
    expect((await off.retrieve(q, 1))[0].item.id).toBe('a');
  });
});

describe('definition lines', () => {
  const chunk = (text: string): Chunk => ({ id: 'x', docId: 'x', text, title: 'T', type: 'Luật', ord: 0 });
  it('are found in capitals and through markup, and a chunk without "là" defines nothing', () => {
    expect([...definedIn(chunk('1. AN NINH MẠNG LÀ sự bảo đảm hoạt động.'))]).toEqual(['an ninh mang']);
    expect([...definedIn(chunk('- **Tin tặc** l*à* người tấn công hệ thống.'))]).toEqual(['tin tac']);
    expect([...definedIn(chunk('Tội phạm được quy định trong Bộ luật này.'))]).toEqual([]);
  });
});
