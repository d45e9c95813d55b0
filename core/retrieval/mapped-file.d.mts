/** Types of mapped-file.mjs (plain JavaScript, shared with the lexical search worker). */
export function canMapFiles(): boolean;
export function mapFile(file: string): Uint8Array | null;
export function mappedFileOf(buffer: ArrayBufferLike): string | undefined;
