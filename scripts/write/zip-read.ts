/**
 * Read a zip back (yauzl): every entry in archive order with its bytes, to re-check what was written.
 * yauzl parses the archive and finds each entry's stored bytes; they are inflated here in one
 * synchronous call (an inflate stream per entry cost more than everything else in the re-check).
 */
import { readFile } from "node:fs/promises";
import { inflateRawSync } from "node:zlib";
import yauzl from "yauzl";

export interface ReadEntry {
  name: string;
  data: Buffer;
  mode: number;
  isDirectory: boolean;
}

const STORED = 0;
const DEFLATED = 8;
/** zlib's smallest output chunk, and the largest we allocate at once. */
const MIN_CHUNK = 64;
const MAX_CHUNK = 16 * 1024 * 1024;

/**
 * An entry's content: its stored bytes, located through yauzl's reading of the local file header (which
 * also bounds-checks them against the archive), inflated when deflated, of the size its header declares.
 * Sliced from the buffer rather than streamed: a read stream per entry cost three times the inflating.
 */
async function entryData(zip: yauzl.ZipFile, entry: yauzl.Entry, bytes: Buffer): Promise<Buffer> {
  if (entry.compressionMethod !== STORED && entry.compressionMethod !== DEFLATED) {
    throw new Error(`${entry.fileName}: unsupported compression method ${entry.compressionMethod}`);
  }
  if (entry.isEncrypted()) throw new Error(`${entry.fileName}: encrypted`);
  const { fileDataStart } = await zip.readLocalFileHeaderPromise(entry, { minimal: true });
  const stored = bytes.subarray(fileDataStart, fileDataStart + entry.compressedSize);
  // One output chunk of the declared size (zlib's default 16 KB chunks cost a copy to join them), and
  // never more output than declared, so a crafted archive cannot make us inflate without bound.
  const declared = entry.uncompressedSize + 1;
  const inflate = { chunkSize: Math.min(Math.max(MIN_CHUNK, declared), MAX_CHUNK), maxOutputLength: declared };
  let data: Buffer;
  try {
    data = entry.compressionMethod === DEFLATED ? inflateRawSync(stored, inflate) : Buffer.from(stored);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ERR_BUFFER_TOO_LARGE") throw error;
    throw new Error(`${entry.fileName}: more than the ${entry.uncompressedSize} bytes its header declares`);
  }
  if (data.length !== entry.uncompressedSize) {
    throw new Error(`${entry.fileName}: ${data.length} bytes, but the header says ${entry.uncompressedSize}`);
  }
  return data;
}

/** The entries of a zip held in memory. */
export async function readZipBuffer(bytes: Buffer): Promise<ReadEntry[]> {
  const zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, strictFileNames: true });
  const entries: ReadEntry[] = [];
  try {
    for await (const entry of zip.eachEntry()) {
      const isDirectory = entry.fileName.endsWith("/");
      const data = isDirectory ? Buffer.alloc(0) : await entryData(zip, entry, bytes);
      entries.push({ name: entry.fileName, data, mode: (entry.externalFileAttributes >>> 16) & 0xffff, isDirectory });
    }
  } finally {
    zip.close();
  }
  return entries;
}

/** The entries of a zip file, read from disk in one go. */
export async function readZipFile(path: string): Promise<ReadEntry[]> {
  return readZipBuffer(await readFile(path));
}
