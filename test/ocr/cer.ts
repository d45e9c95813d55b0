/**
 * Character error rate against the hand-corrected transcription of the real scan.
 *
 * "Body" = the legal content a reader would be asked about: from the first
 * "Căn cứ" (the preamble) up to, not including, "Nơi nhận". The national
 * header, the signature block, seals and the two-column recipients list are left
 * out: the scan interleaves the recipients with the signature column, so there
 * is no single right reading order to compare against.
 */
import { distance } from 'fastest-levenshtein';

function collapse(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Body text of a Markdown transcription, markup stripped. */
export function referenceBody(markdown: string): string {
  // The transcription starts with a metadata table and a table of contents; the document itself follows "## VĂN BẢN".
  const section = markdown.normalize('NFC').split(/^##\s+VĂN BẢN\s*$/mu)[1] ?? markdown;
  const plain = section
    .replace(/\{#[^}]*\}/g, '')
    .replace(/^#{1,6}\s*/gm, '')
    .replace(/^>\s?/gm, '')
    .replace(/\*\*|\*/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
  return body(plain);
}

/** Body text of OCR output. */
export function body(text: string): string {
  const t = text.normalize('NFC');
  const start = t.search(/C[ăa]n c[ứu]/u);
  const endRel = t.slice(Math.max(start, 0)).search(/N[ơo]i nh[ậa]n/u);
  const from = Math.max(start, 0);
  return collapse(endRel >= 0 ? t.slice(from, from + endRel) : t.slice(from));
}

/** Levenshtein distance over NFC, whitespace-collapsed text, divided by the reference length. */
export function cer(hypothesis: string, reference: string): number {
  const h = collapse(hypothesis);
  const r = collapse(reference);
  return distance(h, r) / Math.max(r.length, 1);
}
