/**
 * Versioned index folders with an atomic "current" pointer.
 *
 *   <indexDir>/versions/<version>/   one complete, immutable index
 *   <indexDir>/CURRENT               the version that serves (replaced by rename)
 *   <indexDir>/cache/                embeddings cached by content hash
 *
 * A new version is written in full beside the old one and only then made
 * current with a rename, so a crash or error mid-ingest leaves the last good
 * index serving.
 */
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Manifest } from './manifest.js';

const CURRENT = 'CURRENT';

export function versionsDir(indexDir: string): string {
  return path.join(indexDir, 'versions');
}

export function versionDir(indexDir: string, version: string): string {
  return path.join(versionsDir(indexDir), version);
}

export function cacheDir(indexDir: string): string {
  return path.join(indexDir, 'cache');
}

/** A sortable, unique version name: UTC time plus a little randomness. */
export function newVersionName(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..+$/, '').replace('T', '-');
  return `${stamp}-${randomBytes(3).toString('hex')}`;
}

export async function readCurrentVersion(indexDir: string): Promise<string | null> {
  try {
    const v = (await readFile(path.join(indexDir, CURRENT), 'utf8')).trim();
    return v || null;
  } catch {
    return null;
  }
}

/**
 * Write a file so that readers see either the old or the new content, never half. `data` may
 * come in pieces, written in order (a large blob need not be built whole).
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array | Iterable<Uint8Array>): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, file);
}

/**
 * The bytes of `rows` in order, for a file written in pieces: rows that follow each other in
 * one buffer (a matrix) are one view of it, so a large matrix is written without a copy.
 */
export function* contiguousBytes(rows: Iterable<Float32Array>): Iterable<Uint8Array> {
  let run: Uint8Array | null = null;
  for (const r of rows) {
    if (run && r.buffer === run.buffer && r.byteOffset === run.byteOffset + run.byteLength) {
      run = new Uint8Array(run.buffer, run.byteOffset, run.byteLength + r.byteLength);
      continue;
    }
    if (run) yield run;
    run = new Uint8Array(r.buffer, r.byteOffset, r.byteLength);
  }
  if (run) yield run;
}

export async function setCurrentVersion(indexDir: string, version: string): Promise<void> {
  await writeFileAtomic(path.join(indexDir, CURRENT), `${version}\n`);
}

export async function readManifest(indexDir: string, version: string): Promise<Manifest | null> {
  try {
    return JSON.parse(await readFile(path.join(versionDir(indexDir, version), 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    return null;
  }
}

export async function readCurrentManifest(indexDir: string): Promise<Manifest | null> {
  const v = await readCurrentVersion(indexDir);
  return v ? readManifest(indexDir, v) : null;
}

/** Keep the current version and the newest `keep` others; drop half-written leftovers. */
export async function pruneVersions(indexDir: string, keep = 2): Promise<string[]> {
  const current = await readCurrentVersion(indexDir);
  let names: string[];
  try {
    names = (await readdir(versionsDir(indexDir))).sort();
  } catch {
    return [];
  }
  const others = names.filter((n) => n !== current);
  const complete: string[] = [];
  const removed: string[] = [];
  for (const n of others) {
    if (await readManifest(indexDir, n)) complete.push(n);
    else removed.push(n);
  }
  removed.push(...complete.slice(0, Math.max(0, complete.length - keep)));
  for (const n of removed) await rm(versionDir(indexDir, n), { recursive: true, force: true });
  return removed;
}
