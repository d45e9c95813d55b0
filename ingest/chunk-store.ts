/**
 * The chunk store of one index version, laid out so a 100k-chunk version opens
 * in milliseconds instead of parsing every passage as JSON:
 *
 *   chunks.json   document fields once per document (docId, title, number, type),
 *                 chunk fields as parallel arrays (id, doc, ord, locator, article, heading)
 *   chunks.txt    every chunk text, UTF-8, back to back
 *   chunks.off    byte offsets of the texts in chunks.txt (Float64, count + 1)
 *
 * Opening reads the small JSON and the text blob as one buffer; a chunk's text
 * is decoded from the blob when it is read, so serving never holds 100k
 * passage strings it does not look at.
 */
import { open, readFile, writeFile, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Chunk, DocType } from '../core/types.js';
import { detach } from '../core/text.js';

const FORMAT = 'vks-chunks/1';
export const CHUNK_STORE_FILES = { meta: 'chunks.json', text: 'chunks.txt', offsets: 'chunks.off' } as const;

interface ChunkStoreJson {
  format: typeof FORMAT;
  count: number;
  docs: { docId: string; title: string; number?: string; type: DocType }[];
  id: string[];
  doc: number[];
  ord: number[];
  locator: (string | null)[];
  article: (string | null)[];
  heading: (string | null)[];
}

export class ChunkStoreFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChunkStoreFormatError';
  }
}

/** Texts decoded on read; recently read ones are kept (the composer reads a passage several times per question). */
class TextBlob {
  private readonly recent = new Map<number, string>();
  constructor(
    private readonly blob: Buffer,
    private readonly offsets: Float64Array,
    private readonly keep = 4096,
  ) {}

  text(i: number): string {
    if (this.keep === 0) return this.blob.toString('utf8', this.offsets[i], this.offsets[i + 1]);
    let t = this.recent.get(i);
    if (t === undefined) {
      t = this.blob.toString('utf8', this.offsets[i], this.offsets[i + 1]);
      if (this.recent.size >= this.keep) this.recent.clear();
      this.recent.set(i, t);
    }
    return t;
  }
}

/**
 * A chunk whose text lives in the store's blob. `text` is an own enumerable
 * accessor, so spreading, JSON and equality see it like a plain chunk's.
 */
class StoredChunk implements Chunk {
  declare readonly text: string;
  readonly #blob: TextBlob;
  readonly #i: number;
  // Declared only: absent fields stay absent, as on a chunk fresh from the chunker.
  declare locator?: string;
  declare article?: string;
  declare heading?: string;
  declare number?: string;

  constructor(
    blob: TextBlob,
    i: number,
    readonly id: string,
    readonly docId: string,
    readonly ord: number,
    readonly title: string,
    readonly type: DocType,
    number: string | undefined,
    locator: string | null,
    article: string | null,
    heading: string | null,
  ) {
    this.#blob = blob;
    this.#i = i;
    if (number !== undefined) this.number = number;
    if (locator !== null) this.locator = locator;
    if (article !== null) this.article = article;
    if (heading !== null) this.heading = heading;
    Object.defineProperty(this, 'text', StoredChunk.TEXT);
  }

  private static readonly TEXT: PropertyDescriptor = {
    get(this: StoredChunk) {
      return this.#blob.text(this.#i);
    },
    enumerable: true,
  };
}

/**
 * Writes a store chunk by chunk, as the chunks are made: texts go to disk in batches, so neither
 * the blob nor (for the ingest) the texts of every chunk are ever held in memory at once.
 */
export class ChunkStoreWriter {
  // Document fields are the same on every chunk of a document; keyed on all of them to be safe.
  private readonly docIndex = new Map<string, number>();
  private readonly json: ChunkStoreJson = { format: FORMAT, count: 0, docs: [], id: [], doc: [], ord: [], locator: [], article: [], heading: [] };
  private readonly offsets: number[] = [0];
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private pos = 0;

  private constructor(
    private readonly dir: string,
    private readonly fh: FileHandle,
  ) {}

  static async open(dir: string): Promise<ChunkStoreWriter> {
    return new ChunkStoreWriter(dir, await open(path.join(dir, CHUNK_STORE_FILES.text), 'w'));
  }

  get count(): number {
    return this.json.count;
  }

  async add(chunks: readonly Chunk[]): Promise<void> {
    const json = this.json;
    for (const c of chunks) {
      const key = `${c.docId}\0${c.title}\0${c.number ?? '\u0001'}\0${c.type}`;
      let d = this.docIndex.get(key);
      if (d === undefined) {
        d = json.docs.length;
        this.docIndex.set(key, d);
        json.docs.push({ docId: detach(c.docId), title: detach(c.title), ...(c.number !== undefined && { number: detach(c.number) }), type: c.type });
      }
      // Kept until close: detached, so that no field cut from a document keeps its text alive.
      json.count++;
      json.id.push(detach(c.id));
      json.doc.push(d);
      json.ord.push(c.ord);
      json.locator.push(c.locator == null ? null : detach(c.locator));
      json.article.push(c.article == null ? null : detach(c.article));
      json.heading.push(c.heading == null ? null : detach(c.heading));
      const buf = Buffer.from(c.text, 'utf8');
      this.pending.push(buf);
      this.pendingBytes += buf.byteLength;
      this.pos += buf.byteLength;
      this.offsets.push(this.pos);
      if (this.pendingBytes >= 4 << 20) await this.flush();
    }
  }

  private async flush(): Promise<void> {
    if (!this.pendingBytes) return;
    const batch = Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    await this.fh.write(batch);
  }

  /** Writes what is left and the tables; the store is complete when this resolves. */
  async close(): Promise<void> {
    try {
      await this.flush();
    } finally {
      await this.fh.close();
    }
    await writeFile(path.join(this.dir, CHUNK_STORE_FILES.offsets), new Uint8Array(Float64Array.from(this.offsets).buffer));
    await writeFile(path.join(this.dir, CHUNK_STORE_FILES.meta), JSON.stringify(this.json));
  }

  /** Gives up: closes the text file (the caller removes the folder). */
  async abort(): Promise<void> {
    await this.fh.close().catch(() => undefined);
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

/** Opens the store written by `writeChunkStore`. */
export async function readChunkStore(dir: string, opts: ReadChunkStoreOptions = {}): Promise<Chunk[]> {
  const [metaJson, blob, offBuf] = await Promise.all([
    // Read as bytes and decoded in one go: readFile's own 'utf8' decodes in small pieces, 3x slower on a 15 MB file.
    readFile(path.join(dir, CHUNK_STORE_FILES.meta)).then((b) => b.toString('utf8')),
    readFile(path.join(dir, CHUNK_STORE_FILES.text)),
    readFile(path.join(dir, CHUNK_STORE_FILES.offsets)),
  ]);
  const meta = JSON.parse(metaJson) as ChunkStoreJson;
  if (!meta || meta.format !== FORMAT) throw new ChunkStoreFormatError(`unknown chunk store format: ${meta?.format}`);
  const n = meta.count;
  if (offBuf.byteLength !== (n + 1) * 8 || [meta.id, meta.doc, meta.ord, meta.locator, meta.article, meta.heading].some((a) => a.length !== n)) {
    throw new ChunkStoreFormatError('corrupt chunk store: sizes disagree');
  }
  // A fresh, aligned copy: Buffers from readFile may share an unaligned pool.
  const offsets = new Float64Array(n + 1);
  new Uint8Array(offsets.buffer).set(offBuf);
  if (offsets[n] !== blob.byteLength) throw new ChunkStoreFormatError('corrupt chunk store: text blob size disagrees');
  const texts = new TextBlob(blob, offsets, opts.keepTexts);
  const chunks: Chunk[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const d = meta.docs[meta.doc[i]];
    chunks[i] = new StoredChunk(texts, i, meta.id[i], d.docId, meta.ord[i], d.title, d.type, d.number, meta.locator[i], meta.article[i], meta.heading[i]);
  }
  return chunks;
}
