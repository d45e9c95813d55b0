/**
 * The chunk store of one index version, laid out so a 100k-chunk version opens
 * in well under a second and serving holds only the passages it reads:
 *
 *   chunks.json   format, count, and the document fields once per document
 *                 (docId, title, number, type)
 *   chunks.idx    Float64: record offsets (count + 1), then per chunk its document,
 *                 its ord, and which of locator/article/heading it has
 *   chunks.rec    per chunk, UTF-8 JSON [id, locator, article, heading], back to back
 *   chunks.txt    every chunk text, UTF-8, back to back
 *   chunks.off    byte offsets of the texts in chunks.txt (Float64, count + 1)
 *
 * Opening reads chunks.json, chunks.idx and chunks.rec (a few MB at 100k chunks) and
 * decodes nothing per chunk: a chunk's record is parsed when one of its fields is first
 * read, and its text is read from chunks.txt when asked for (the OS page cache keeps the
 * file; the retriever reads a few hundred of 100k texts per question). Parsing every
 * passage, or even every record, was most of a 100k load (~0.5 s and 100 MB resident).
 *
 * Format 1 (every record field as JSON arrays, the text blob read whole) is still read:
 * a failed re-ingest after an upgrade keeps serving the last good version.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { open, readFile, stat, writeFile, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Chunk, DocType } from '../core/types.js';
import { detach } from '../core/text.js';

const FORMAT = 'vks-chunks/2';
const FORMAT_1 = 'vks-chunks/1';
export const CHUNK_STORE_FILES = { meta: 'chunks.json', index: 'chunks.idx', records: 'chunks.rec', text: 'chunks.txt', offsets: 'chunks.off' } as const;

interface DocFields {
  docId: string;
  title: string;
  number?: string;
  type: DocType;
}

interface ChunkStoreJson {
  format: typeof FORMAT;
  count: number;
  docs: DocFields[];
}

/** Format 1's chunks.json: every chunk field inline. */
interface ChunkStoreJson1 {
  format: typeof FORMAT_1;
  count: number;
  docs: DocFields[];
  id: string[];
  doc: number[];
  ord: number[];
  locator: (string | null)[];
  article: (string | null)[];
  heading: (string | null)[];
}

/** [id, locator, article, heading] of one chunk, as chunks.rec holds it. */
type ChunkRecord = [string, string | null, string | null, string | null];

// Bits of the per-chunk presence mask in chunks.idx.
const HAS_LOCATOR = 1;
const HAS_ARTICLE = 2;
const HAS_HEADING = 4;

export class ChunkStoreFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChunkStoreFormatError';
  }
}

/** Where a store's texts come from: its text file, read a passage at a time, or (format 1) a blob in memory. */
interface TextSource {
  text(i: number): string;
}

/** Closes a text file once nothing reads its store any more (an index version replaced by a re-ingest). */
const openTextFiles = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // already closed
  }
});

/** Texts read from chunks.txt when asked for; recently read ones are kept (the composer reads a passage several times per question). */
class TextFile implements TextSource {
  private readonly recent = new Map<number, string>();
  private buf = Buffer.alloc(1 << 16);

  constructor(
    private readonly fd: number,
    private readonly offsets: Float64Array,
    private readonly keep = 4096,
  ) {
    openTextFiles.register(this, fd);
  }

  private read(i: number): string {
    const start = this.offsets[i];
    const len = this.offsets[i + 1] - start;
    if (len > this.buf.byteLength) this.buf = Buffer.alloc(len);
    for (let got = 0; got < len; ) {
      const n = readSync(this.fd, this.buf, got, len - got, start + got);
      if (n === 0) throw new ChunkStoreFormatError('corrupt chunk store: text file ended early');
      got += n;
    }
    return this.buf.toString('utf8', 0, len);
  }

  text(i: number): string {
    if (this.keep === 0) return this.read(i);
    let t = this.recent.get(i);
    if (t === undefined) {
      t = this.read(i);
      if (this.recent.size >= this.keep) this.recent.clear();
      this.recent.set(i, t);
    }
    return t;
  }
}

/** Format 1: the whole text blob in memory. */
class TextBlob implements TextSource {
  constructor(
    private readonly blob: Buffer,
    private readonly offsets: Float64Array,
  ) {}

  text(i: number): string {
    return this.blob.toString('utf8', this.offsets[i], this.offsets[i + 1]);
  }
}

/** The records of a store: each parsed when first read. */
interface RecordSource {
  record(i: number): ChunkRecord;
}

class RecordBlob implements RecordSource {
  constructor(
    private readonly blob: Buffer,
    private readonly offsets: Float64Array,
  ) {}

  record(i: number): ChunkRecord {
    return JSON.parse(this.blob.toString('utf8', this.offsets[i], this.offsets[i + 1])) as ChunkRecord;
  }
}

/**
 * A chunk whose text and record live in the store. Its fields are own enumerable accessors,
 * defined only for the fields it has, so spreading, JSON, `in` and equality see it like a plain
 * chunk's.
 */
class StoredChunk implements Chunk {
  declare readonly id: string;
  declare readonly text: string;
  declare locator?: string;
  declare article?: string;
  declare heading?: string;
  declare number?: string;
  readonly #texts: TextSource;
  readonly #records: RecordSource;
  readonly #i: number;
  #record: ChunkRecord | undefined;

  constructor(
    texts: TextSource,
    records: RecordSource,
    i: number,
    readonly docId: string,
    readonly ord: number,
    readonly title: string,
    readonly type: DocType,
    number: string | undefined,
    has: number,
  ) {
    this.#texts = texts;
    this.#records = records;
    this.#i = i;
    if (number !== undefined) this.number = number;
    Object.defineProperty(this, 'id', StoredChunk.FIELDS.id);
    if (has & HAS_LOCATOR) Object.defineProperty(this, 'locator', StoredChunk.FIELDS.locator);
    if (has & HAS_ARTICLE) Object.defineProperty(this, 'article', StoredChunk.FIELDS.article);
    if (has & HAS_HEADING) Object.defineProperty(this, 'heading', StoredChunk.FIELDS.heading);
    Object.defineProperty(this, 'text', StoredChunk.FIELDS.text);
  }

  #field(k: 0 | 1 | 2 | 3): string {
    this.#record ??= this.#records.record(this.#i);
    return this.#record[k] as string;
  }

  private static field(k: 0 | 1 | 2 | 3): PropertyDescriptor {
    return {
      get(this: StoredChunk) {
        return this.#field(k);
      },
      enumerable: true,
    };
  }

  private static readonly FIELDS = {
    id: StoredChunk.field(0),
    locator: StoredChunk.field(1),
    article: StoredChunk.field(2),
    heading: StoredChunk.field(3),
    text: {
      get(this: StoredChunk) {
        return this.#texts.text(this.#i);
      },
      enumerable: true,
    } as PropertyDescriptor,
  };
}

/** A file written in batches, with the offset where each of its pieces ends. */
class PieceFile {
  readonly offsets: number[] = [0];
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private pos = 0;

  constructor(private readonly fh: FileHandle) {}

  async add(piece: string): Promise<void> {
    const buf = Buffer.from(piece, 'utf8');
    this.pending.push(buf);
    this.pendingBytes += buf.byteLength;
    this.pos += buf.byteLength;
    this.offsets.push(this.pos);
    if (this.pendingBytes >= 4 << 20) await this.flush();
  }

  private async flush(): Promise<void> {
    if (!this.pendingBytes) return;
    const batch = Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    await this.fh.write(batch);
  }

  async close(): Promise<void> {
    try {
      await this.flush();
    } finally {
      await this.fh.close();
    }
  }

  async abort(): Promise<void> {
    await this.fh.close().catch(() => undefined);
  }
}

/**
 * Writes a store chunk by chunk, as the chunks are made: texts and records go to disk in
 * batches, so neither (for the ingest) the texts of every chunk nor their records are ever
 * held in memory at once.
 */
export class ChunkStoreWriter {
  // Document fields are the same on every chunk of a document; keyed on all of them to be safe.
  private readonly docIndex = new Map<string, number>();
  private readonly docs: DocFields[] = [];
  private readonly doc: number[] = [];
  private readonly ord: number[] = [];
  private readonly has: number[] = [];

  private constructor(
    private readonly dir: string,
    private readonly texts: PieceFile,
    private readonly records: PieceFile,
  ) {}

  static async open(dir: string): Promise<ChunkStoreWriter> {
    const texts = await open(path.join(dir, CHUNK_STORE_FILES.text), 'w');
    const records = await open(path.join(dir, CHUNK_STORE_FILES.records), 'w').catch(async (err: unknown) => {
      await texts.close();
      throw err;
    });
    return new ChunkStoreWriter(dir, new PieceFile(texts), new PieceFile(records));
  }

  get count(): number {
    return this.doc.length;
  }

  async add(chunks: readonly Chunk[]): Promise<void> {
    for (const c of chunks) {
      const key = `${c.docId}\0${c.title}\0${c.number ?? '\u0001'}\0${c.type}`;
      let d = this.docIndex.get(key);
      if (d === undefined) {
        d = this.docs.length;
        this.docIndex.set(key, d);
        // Detached, so that no field cut from a document keeps its text alive until close.
        this.docs.push({ docId: detach(c.docId), title: detach(c.title), ...(c.number !== undefined && { number: detach(c.number) }), type: c.type });
      }
      this.doc.push(d);
      this.ord.push(c.ord);
      this.has.push((c.locator != null ? HAS_LOCATOR : 0) | (c.article != null ? HAS_ARTICLE : 0) | (c.heading != null ? HAS_HEADING : 0));
      const record: ChunkRecord = [c.id, c.locator ?? null, c.article ?? null, c.heading ?? null];
      await this.records.add(JSON.stringify(record));
      await this.texts.add(c.text);
    }
  }

  /** Writes what is left and the tables; the store is complete when this resolves. */
  async close(): Promise<void> {
    try {
      await this.texts.close();
    } finally {
      await this.records.close();
    }
    const n = this.count;
    const index = new Float64Array(4 * n + 1);
    index.set(this.records.offsets, 0);
    index.set(this.doc, n + 1);
    index.set(this.ord, 2 * n + 1);
    index.set(this.has, 3 * n + 1);
    await writeFile(path.join(this.dir, CHUNK_STORE_FILES.index), new Uint8Array(index.buffer));
    await writeFile(path.join(this.dir, CHUNK_STORE_FILES.offsets), new Uint8Array(Float64Array.from(this.texts.offsets).buffer));
    const meta: ChunkStoreJson = { format: FORMAT, count: n, docs: this.docs };
    await writeFile(path.join(this.dir, CHUNK_STORE_FILES.meta), JSON.stringify(meta));
  }

  /** Gives up: closes the files (the caller removes the folder). */
  async abort(): Promise<void> {
    await this.texts.abort();
    await this.records.abort();
  }
}

/** Writes the store of all `chunks`. */
export async function writeChunkStore(dir: string, chunks: readonly Chunk[]): Promise<void> {
  const writer = await ChunkStoreWriter.open(dir);
  try {
    await writer.add(chunks);
  } catch (err) {
    await writer.abort();
    throw err;
  }
  await writer.close();
}

export interface ReadChunkStoreOptions {
  /**
   * How many recently read texts to keep decoded (default 4096, for serving). The ingest reads
   * every text once per pass, in order, so it keeps none: kept texts outlive the young
   * generation and become old-generation garbage (a pass over 100k chunks is ~200 MB of it).
   */
  keepTexts?: number;
}

/** A Float64 table from a file: a fresh, aligned copy (Buffers from readFile may share an unaligned pool). */
function float64s(bytes: Buffer): Float64Array {
  if (bytes.byteLength % 8 !== 0) throw new ChunkStoreFormatError('corrupt chunk store: a table is cut short');
  const out = new Float64Array(bytes.byteLength / 8);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}

/** Opens the store written by `ChunkStoreWriter` (or by format 1's writer). */
export async function readChunkStore(dir: string, opts: ReadChunkStoreOptions = {}): Promise<Chunk[]> {
  const file = (name: string) => path.join(dir, name);
  const [metaJson, offBuf] = await Promise.all([
    // Read as bytes and decoded in one go: readFile's own 'utf8' decodes in small pieces, 3x slower on a 15 MB file.
    readFile(file(CHUNK_STORE_FILES.meta)).then((b) => b.toString('utf8')),
    readFile(file(CHUNK_STORE_FILES.offsets)),
  ]);
  const meta = JSON.parse(metaJson) as ChunkStoreJson | ChunkStoreJson1;
  if (meta?.format === FORMAT_1) return readFormat1(dir, meta, float64s(offBuf));
  if (!meta || meta.format !== FORMAT) throw new ChunkStoreFormatError(`unknown chunk store format: ${(meta as { format?: string } | null)?.format}`);
  const n = meta.count;
  const textOffsets = float64s(offBuf);
  const [index, records, { size: textBytes }] = await Promise.all([readFile(file(CHUNK_STORE_FILES.index)).then(float64s), readFile(file(CHUNK_STORE_FILES.records)), stat(file(CHUNK_STORE_FILES.text))]);
  if (textOffsets.length !== n + 1 || index.length !== 4 * n + 1) throw new ChunkStoreFormatError('corrupt chunk store: sizes disagree');
  if (textOffsets[n] !== textBytes || index[n] !== records.byteLength) throw new ChunkStoreFormatError('corrupt chunk store: a file size disagrees');
  // A descriptor of its own, closed when the chunks are collected (a FileHandle would warn then).
  const texts = new TextFile(openSync(file(CHUNK_STORE_FILES.text), 'r'), textOffsets, opts.keepTexts);
  const recs = new RecordBlob(records, index.subarray(0, n + 1));
  const chunks: Chunk[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const d = meta.docs[index[n + 1 + i]];
    if (!d) throw new ChunkStoreFormatError('corrupt chunk store: unknown document');
    chunks[i] = new StoredChunk(texts, recs, i, d.docId, index[2 * n + 1 + i], d.title, d.type, d.number, index[3 * n + 1 + i]);
  }
  return chunks;
}

/** Format 1: records inline in chunks.json, texts in a blob read whole. */
async function readFormat1(dir: string, meta: ChunkStoreJson1, offsets: Float64Array): Promise<Chunk[]> {
  const n = meta.count;
  if (offsets.length !== n + 1 || [meta.id, meta.doc, meta.ord, meta.locator, meta.article, meta.heading].some((a) => a.length !== n)) {
    throw new ChunkStoreFormatError('corrupt chunk store: sizes disagree');
  }
  const blob = await readFile(path.join(dir, CHUNK_STORE_FILES.text));
  if (offsets[n] !== blob.byteLength) throw new ChunkStoreFormatError('corrupt chunk store: text blob size disagrees');
  const texts = new TextBlob(blob, offsets);
  const records: RecordSource = { record: (i) => [meta.id[i], meta.locator[i], meta.article[i], meta.heading[i]] };
  const chunks: Chunk[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const d = meta.docs[meta.doc[i]];
    const has = (meta.locator[i] !== null ? HAS_LOCATOR : 0) | (meta.article[i] !== null ? HAS_ARTICLE : 0) | (meta.heading[i] !== null ? HAS_HEADING : 0);
    chunks[i] = new StoredChunk(texts, records, i, d.docId, meta.ord[i], d.title, d.type, d.number, has);
  }
  return chunks;
}
