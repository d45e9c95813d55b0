/**
 * A file's bytes mapped into memory (mmap), read-only in effect, or null where mapping is not
 * available (the optional native module did not build). Plain JavaScript: the lexical search
 * worker maps the same file itself, so the two threads read one copy, the page cache's.
 *
 * Why: reading a 160 MB postings file means faulting in 160 MB of fresh memory, the largest part
 * of an index load at 100k chunks on a virtual machine (about 0.8 s when the host has reclaimed
 * the guest's free pages). A mapping of a file already in the page cache costs about a
 * millisecond, and its pages are faulted in as the searches touch them.
 */
import { closeSync, fstatSync, openSync } from 'node:fs';
import { createRequire } from 'node:module';

let mmap;
/** Mapped buffers by the file they map: a worker given the file maps it for itself. */
const mappedFiles = new WeakMap();

function mmapModule() {
  if (mmap === undefined) {
    try {
      mmap = createRequire(import.meta.url)('@riaskov/mmap-io');
    } catch {
      mmap = null;
    }
  }
  return mmap;
}

/** Whether files can be mapped here. */
export function canMapFiles() {
  return mmapModule() !== null;
}

/**
 * The bytes of `file`, mapped, or null when mapping is not available, fails, or the file is empty.
 * The mapping is private: a stray write changes a copy of one page, never the file, and never
 * crashes the process. It lives as long as the returned array; index versions are written once
 * and replaced by new folders, never changed in place, so the bytes do not change under it.
 */
export function mapFile(file) {
  const m = mmapModule();
  if (!m) return null;
  const fd = openSync(file, 'r');
  try {
    const { size } = fstatSync(fd);
    if (size === 0) return null;
    let buf;
    try {
      buf = m.map(size, m.PROT_READ | m.PROT_WRITE, m.MAP_PRIVATE, fd, 0);
    } catch {
      // A file system that cannot map (some network and FUSE mounts): the caller reads the file.
      return null;
    }
    mappedFiles.set(buf.buffer, file);
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  } finally {
    // The mapping holds the file; the descriptor is not needed once it is made.
    closeSync(fd);
  }
}

/** The file whose mapping `buffer` is, if it is one (made by mapFile). */
export function mappedFileOf(buffer) {
  return mappedFiles.get(buffer);
}
