/** The shapes every stage of the pipeline agrees on. Keep them small. */

export type DocType =
  | 'Hiến pháp'
  | 'Bộ luật'
  | 'Luật'
  | 'Nghị quyết'
  | 'Nghị định'
  | 'Thông tư'
  | 'Quyết định'
  | 'Chỉ thị'
  | 'Kế hoạch'
  | 'Công văn'
  | 'Hướng dẫn'
  | 'Báo cáo'
  | 'Tin tức'
  | 'Khác';

/** What we know of one source document, detected or declared in front matter / sidecar. */
export interface DocMeta {
  /** Stable id: the source path relative to the knowledge folder, with forward slashes. */
  docId: string;
  /** Same as docId for files; kept separate so a document could come from elsewhere. */
  source: string;
  title: string;
  type: DocType;
  /** e.g. "221/KH-VKSTC", "29/2018/QH14". */
  number?: string;
  issuer?: string;
  /** Date of issue, ISO yyyy-mm-dd. */
  date?: string;
  /** Ngày hiệu lực, ISO yyyy-mm-dd. */
  effective?: string;
  /** Numbers or titles of the documents this one replaces. */
  replaces?: string[];
  /** Where the text came from (a URL or a note on provenance). */
  origin?: string;
  /** A classification declared in metadata; any value quarantines the document. */
  classification?: string;
}

/** A loader's output: raw normalised text plus whatever metadata the file declared. */
export interface LoadedDocument {
  text: string;
  /** Metadata declared by the file itself (front matter, sidecar). Overrides detection. */
  declared: Partial<DocMeta>;
  format: 'pdf' | 'docx' | 'txt' | 'md' | 'html';
  /** Pages for PDFs, for the report. */
  pages?: number;
}

/** One retrievable passage. */
export interface Chunk {
  /** Content hash of (docId, locator, text): stable across re-ingests of an unchanged file. */
  id: string;
  docId: string;
  text: string;
  /** "Chương II > Điều 10, khoản 2" style heading path, human-readable. */
  locator?: string;
  /** Article number when the chunk sits inside an Điều. */
  article?: string;
  /** The article (or section) heading line, e.g. "Điều 10. Nhiệm vụ, quyền hạn ...", indexed with the text. */
  heading?: string;
  /** Position of the chunk in its document, for ordering and neighbours. */
  ord: number;
  title: string;
  number?: string;
  type: DocType;
}

export interface Citation {
  source: string;
  title: string;
  number?: string;
  locator?: string;
  /** Set when the cited document has been replaced: the number/title of its replacement. */
  superseded?: string;
}

export interface Answer {
  text: string;
  refused: boolean;
  abstained: boolean;
  citations: Citation[];
  ms: number;
}

export interface Turn {
  question: string;
  /** The standalone question the turn was answered with (after rewriting). */
  standalone?: string;
  answer?: string;
  /** The documents the answer cited (`Citation.source`): the next turn leans towards them (conversation-prior.ts). */
  cited?: readonly string[];
}

export interface Scored<T> {
  item: T;
  score: number;
  /**
   * Share (0..1, IDF-weighted) of the query's content terms found in the item:
   * the retriever's signal that lets the composer abstain when nothing really matches.
   */
  coverage?: number;
}
