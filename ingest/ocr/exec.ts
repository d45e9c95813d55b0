/**
 * Runs the native OCR tools (tesseract, pdftoppm, pdfinfo, pdfimages) without a
 * shell, so file names are never interpreted, and with OMP_THREAD_LIMIT=1:
 * tesseract's OpenMP would otherwise spawn a thread per core in every process
 * and a pool of them would oversubscribe a 2-core machine.
 */
import { execFile } from 'node:child_process';
import { OcrError } from './errors.js';

export interface RunOptions {
  input?: Buffer;
  signal?: AbortSignal;
}

const MAX_BUFFER = 512 * 1024 * 1024;

export function run(cmd: string, args: string[], opts: RunOptions = {}): Promise<Buffer> {
  if (opts.signal?.aborted) return Promise.reject(new OcrError('aborted', 'OCR aborted'));
  return new Promise((resolve, reject) => {
    const child = execFile(
      cmd,
      args,
      {
        encoding: 'buffer',
        maxBuffer: MAX_BUFFER,
        signal: opts.signal,
        env: { ...process.env, OMP_THREAD_LIMIT: '1' },
      },
      (err, stdout, stderr) => {
        if (!err) return resolve(stdout);
        const e = err as NodeJS.ErrnoException & { code?: unknown };
        if (e.name === 'AbortError' || opts.signal?.aborted) {
          return reject(new OcrError('aborted', 'OCR aborted', { cause: err }));
        }
        if (e.code === 'ENOENT') {
          return reject(new OcrError('missing-tool', `${cmd} is not installed (Debian: tesseract-ocr, tesseract-ocr-vie, poppler-utils)`, { cause: err }));
        }
        const detail = Buffer.isBuffer(stderr) ? stderr.toString('utf8').trim().slice(0, 500) : '';
        reject(new OcrError('engine-failed', `${cmd} failed: ${detail || e.message}`, { cause: err }));
      },
    );
    if (opts.input) {
      child.stdin?.on('error', () => undefined); // a tool that exits early closes the pipe; the exit status reports it.
      child.stdin?.end(opts.input);
    }
  });
}
