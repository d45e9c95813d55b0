import { describe, expect, it } from 'vitest';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { EmbeddingCache } from '../../ingest/embed-cache.js';

const D = 4;
const fake = (t: string) => Float32Array.from({ length: D }, (_, i) => t.length + i / 10);

describe('embedding cache', () => {
  it('gives the vectors as rows of one shared matrix, in text order, and reuses them after a save', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'vks-cache-'));
    const texts = ['một', 'hai ba', 'một', 'bốn năm sáu'];
    const embedded: string[] = [];
    const embed = async (batch: string[]) => {
      embedded.push(...batch);
      return batch.map(fake);
    };
    const cache = await EmbeddingCache.open(dir, 'm', D);
    const rows = await cache.getOrEmbed(texts, embed);
    expect(embedded).toEqual(['một', 'hai ba', 'bốn năm sáu']); // the duplicate is embedded once
    rows.forEach((r, i) => {
      expect([...r]).toEqual([...fake(texts[i])]);
      expect(r.buffer).toBe(rows[0].buffer);
      expect(r.byteOffset).toBe(i * D * 4);
    });
    expect(rows[0].buffer).toBeInstanceOf(SharedArrayBuffer);
    await cache.save();

    const again = await EmbeddingCache.open(dir, 'm', D);
    embedded.length = 0;
    const back = await again.getOrEmbed([texts[3], 'mới'], embed);
    expect(embedded).toEqual(['mới']);
    expect(again.hits).toBe(1);
    expect([...back[0]]).toEqual([...fake(texts[3])]);
  });
});
