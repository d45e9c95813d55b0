/**
 * Document versions: a newer document with the same number or title as an
 * older one, or one that declares `replaces:`, supersedes it once in force.
 * Superseded documents stay searchable (people ask about old rules too) but
 * answers prefer the version in force and say when they cite an old one.
 */
import { docNumberKey, fold } from '../core/text.js';
import type { DocMeta } from '../core/types.js';
import type { Manifest } from './manifest.js';

function keys(m: DocMeta): string[] {
  const out = [`title:${fold(m.title).replace(/\s+/g, ' ').trim()}`];
  if (m.number) out.push(`number:${docNumberKey(m.number)}`);
  return out;
}

function refKey(ref: string): string[] {
  const f = fold(ref).replace(/\s+/g, ' ').trim();
  return [`title:${f}`, `number:${docNumberKey(ref)}`];
}

/** Effective date, else issue date; undefined sorts as oldest. */
function inForceFrom(m: DocMeta): string {
  return m.effective ?? m.date ?? '';
}

export function citeName(m: DocMeta): string {
  return m.number ? `${m.title} (${m.number})` : m.title;
}

/**
 * Marks superseded documents in the manifest (supersededBy = the replacement's
 * name) and returns the pairs for the report. `today` decides whether a
 * replacement with a future effective date is in force yet.
 */
export function applySupersessions(manifest: Manifest, metas: DocMeta[], today = new Date().toISOString().slice(0, 10)): { older: string; newer: string }[] {
  const byDoc = new Map<string, string>();
  for (const [rel, f] of Object.entries(manifest.files)) if (f.meta) byDoc.set(f.meta.docId, rel);
  const inForce = (m: DocMeta) => inForceFrom(m) === '' || inForceFrom(m) <= today;
  const superseded = new Map<string, DocMeta>();

  // Explicit declarations first.
  const index = new Map<string, DocMeta[]>();
  for (const m of metas) for (const k of keys(m)) index.set(k, [...(index.get(k) ?? []), m]);
  for (const newer of metas) {
    if (!newer.replaces?.length || !inForce(newer)) continue;
    for (const ref of newer.replaces) {
      for (const k of refKey(ref)) for (const older of index.get(k) ?? []) if (older !== newer) superseded.set(older.docId, newer);
    }
  }
  // Same number or same title: the one in force most recently wins.
  for (const group of index.values()) {
    if (group.length < 2) continue;
    const candidates = group.filter(inForce).sort((a, b) => inForceFrom(b).localeCompare(inForceFrom(a)));
    const newest = candidates[0];
    if (!newest) continue;
    for (const m of group) {
      if (m === newest || superseded.has(m.docId)) continue;
      if (inForceFrom(m) < inForceFrom(newest)) superseded.set(m.docId, newest);
    }
  }
  const pairs: { older: string; newer: string }[] = [];
  for (const [docId, newer] of superseded) {
    const rel = byDoc.get(docId);
    if (!rel) continue;
    manifest.files[rel].supersededBy = citeName(newer);
    const older = manifest.files[rel].meta!;
    pairs.push({ older: citeName(older), newer: citeName(newer) });
  }
  return pairs;
}
