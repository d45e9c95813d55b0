/** Warming the page cache: an index version's files are read through once, in the background. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { warmPageCache } from '../../core/retrieval/page-cache.js';

const dir = mkdtempSync(path.join(tmpdir(), 'vks-warm-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('warmPageCache', () => {
  it('reads every byte of every file, over more than one slice', async () => {
    const big = path.join(dir, 'big.bin');
    const small = path.join(dir, 'small.txt');
    writeFileSync(big, Buffer.alloc((1 << 20) * 2 + 12_345, 7));
    writeFileSync(small, 'chunks');
    expect(await warmPageCache([big, small])).toBe((1 << 20) * 2 + 12_345 + 6);
  });

  it('is only a hint: a missing file, an empty one or a folder is skipped, never an error', async () => {
    const empty = path.join(dir, 'empty.bin');
    writeFileSync(empty, '');
    const small = path.join(dir, 'after.txt');
    writeFileSync(small, 'abc');
    await expect(warmPageCache([path.join(dir, 'missing.bin'), empty, dir, small])).resolves.toBe(3);
  });
});
