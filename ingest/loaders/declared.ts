/**
 * Metadata a file declares about itself (YAML front matter or a sidecar .meta.yaml),
 * mapped onto DocMeta. Authors write keys in English or Vietnamese, with or without
 * diacritics ("so_hieu", "số hiệu", "number"); all of them land on the same field.
 */
import { load } from 'js-yaml';
import type { DocMeta, DocType } from '../../core/types.js';
import { findDates, fold, nfc } from '../../core/text.js';

export const DOC_TYPES: DocType[] = [
  'Hiến pháp',
  'Bộ luật',
  'Luật',
  'Nghị quyết',
  'Nghị định',
  'Thông tư',
  'Quyết định',
  'Chỉ thị',
  'Kế hoạch',
  'Công văn',
  'Hướng dẫn',
  'Báo cáo',
  'Tin tức',
  'Khác',
];

type Field = keyof Omit<DocMeta, 'docId' | 'source'>;

/** Folded key with separators removed → DocMeta field. */
const KEYS: Record<string, Field> = {
  title: 'title',
  tieude: 'title',
  ten: 'title',
  tenvanban: 'title',
  trichyeu: 'title',
  type: 'type',
  doctype: 'type',
  loai: 'type',
  loaivanban: 'type',
  number: 'number',
  so: 'number',
  sohieu: 'number',
  kyhieu: 'number',
  sokyhieu: 'number',
  issuer: 'issuer',
  coquanbanhanh: 'issuer',
  coquan: 'issuer',
  noibanhanh: 'issuer',
  date: 'date',
  issued: 'date',
  ngay: 'date',
  ngaybanhanh: 'date',
  effective: 'effective',
  hieuluc: 'effective',
  ngayhieuluc: 'effective',
  replaces: 'replaces',
  thaythe: 'replaces',
  origin: 'origin',
  source: 'origin',
  url: 'origin',
  nguon: 'origin',
  classification: 'classification',
  domat: 'classification',
  mat: 'classification',
};

function keyOf(raw: string): Field | undefined {
  return KEYS[fold(raw).replace(/[^a-z0-9]/g, '')];
}

/** A declared type written loosely ("nghi dinh", "NGHỊ ĐỊNH") → the DocType, if it is one. */
export function toDocType(value: string): DocType | undefined {
  const f = fold(value).trim();
  return DOC_TYPES.find((t) => fold(t) === f);
}

function toIsoDate(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return undefined;
  const iso = value.match(/^\s*(\d{4})-(\d{2})-(\d{2})/);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  return findDates(value)[0];
}

function toText(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return toIsoDate(value);
  const s = nfc(String(value)).trim();
  return s || undefined;
}

/** Map a parsed YAML object onto DocMeta fields; unknown keys are ignored. */
export function normaliseDeclared(raw: unknown): Partial<DocMeta> {
  const out: Partial<DocMeta> = {};
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return out;
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
    const field = keyOf(k);
    if (!field) continue;
    switch (field) {
      case 'type': {
        const t = typeof v === 'string' ? toDocType(v) : undefined;
        if (t) out.type = t;
        break;
      }
      case 'date':
      case 'effective': {
        const d = toIsoDate(v);
        if (d) out[field] = d;
        break;
      }
      case 'replaces': {
        const list = (Array.isArray(v) ? v : [v]).map(toText).filter((s): s is string => !!s);
        if (list.length) out.replaces = list;
        break;
      }
      default: {
        const s = toText(v);
        if (s) out[field] = s;
      }
    }
  }
  return out;
}

/** Parse YAML text into declared metadata. Malformed YAML declares nothing rather than failing the file. */
export function parseDeclaredYaml(yamlText: string): Partial<DocMeta> {
  try {
    return normaliseDeclared(load(yamlText));
  } catch {
    return {};
  }
}

const FRONT_MATTER = /^\ufeff?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/** Split a leading YAML front matter block (`---` … `---`) off a text. */
export function splitFrontMatter(text: string): { body: string; declared: Partial<DocMeta> } {
  const m = text.match(FRONT_MATTER);
  if (!m) return { body: text, declared: {} };
  let parsed: unknown;
  try {
    parsed = load(m[1]);
  } catch {
    // A "---" rule at the top of a text that is not YAML: leave the text untouched.
    return { body: text, declared: {} };
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return { body: text, declared: {} };
  return { body: text.slice(m[0].length), declared: normaliseDeclared(parsed) };
}
