import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** CI checks out `shared/` beside the clone. */
export const shared = path.resolve(repoRoot, '../shared');
export const fixtures = path.join(repoRoot, 'test/fixtures/ingest');
export const laws = path.join(shared, 'corpus/laws');
export const pdfs = path.join(shared, 'corpus/pdf');

/** Whitespace-insensitive form for "is this chunk a piece of the source" checks. */
export const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
