/** Files mapped into memory: the lexical index's postings are read where the page cache holds them. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { canMapFiles, mapFile, mappedFileOf } from '../../core/retrieval/mapped-file.mjs';

const dir = mkdtempSync(path.join(tmpdir(), 'vks-map-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('mapFile', () => {
  it('is available here: the optional package @riaskov/mmap-io built', () => {
    // Without it every load reads the postings whole (correct, but slower and larger): say so, never skip.
    expect(canMapFiles(), 'the optional npm package @riaskov/mmap-io did not build (node-gyp); index loads fall back to reading lexical.bin whole').toBe(true);
  });

  it('gives the file bytes, names the file it maps, and never writes to the file', () => {
    const file = path.join(dir, 'bytes.bin');
    const content = Buffer.from(Array.from({ length: 10_000 }, (_, i) => (i * 37) % 251));
    writeFileSync(file, content);
    const bytes = mapFile(file)!;
    expect(Buffer.from(bytes).equals(content)).toBe(true);
    expect(bytes.byteOffset % 8).toBe(0);
    expect(mappedFileOf(bytes.buffer)).toBe(file);
    bytes[0] = bytes[0] ^ 0xff;
    expect(readFileSync(file)[0]).toBe(content[0]);
  });

  it('maps no empty file and nothing the system cannot map, and names no buffer it did not map', () => {
    const file = path.join(dir, 'empty.bin');
    writeFileSync(file, '');
    expect(mapFile(file)).toBeNull();
    // What the system will not map (here a folder) is read the ordinary way by the caller.
    expect(mapFile(dir)).toBeNull();
    expect(mappedFileOf(new ArrayBuffer(8))).toBeUndefined();
  });

  it('throws on a missing file', () => {
    expect(() => mapFile(path.join(dir, 'missing.bin'))).toThrow(/ENOENT/);
  });
});
