import { describe, expect, it } from 'vitest';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fingerprintOf, readerVersion } from '../../ingest/reader-version.js';
import { tempDir } from './helpers.js';

describe('readerVersion', () => {
  it('is stable within a process', () => {
    expect(readerVersion()).toMatch(/^[0-9a-f]{16}$/);
    expect(readerVersion()).toBe(readerVersion());
  });

  it('changes with the content, the name or a new file of the code it covers, not with other files', async () => {
    const root = await tempDir();
    const dir = path.join(root, 'ingest');
    await mkdir(path.join(dir, 'loaders'), { recursive: true });
    await writeFile(path.join(dir, 'chunk.ts'), 'export const A = 1;\n');
    await writeFile(path.join(dir, 'loaders', 'pdf.ts'), 'export const B = 2;\n');
    const of = () => fingerprintOf([dir], root);
    const first = of();
    expect(of()).toBe(first);

    await writeFile(path.join(dir, 'notes.md'), 'not code');
    expect(of()).toBe(first);

    await writeFile(path.join(dir, 'loaders', 'pdf.ts'), 'export const B = 3;\n');
    const second = of();
    expect(second).not.toBe(first);

    await writeFile(path.join(dir, 'loaders', 'docx.ts'), 'export const C = 4;\n');
    expect(of()).not.toBe(second);
  });
});
