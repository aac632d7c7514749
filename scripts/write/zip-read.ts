/**
 * Read a zip back (yauzl): every entry in archive order with its bytes, to re-check what was written.
 * yauzl parses the archive and hands over each entry's stored bytes; they are inflated here in one
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

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** An entry's content: its stored bytes, inflated when deflated, of the size its header declares. */
async function entryData(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Buffer> {
  if (entry.compressionMethod !== STORED && entry.compressionMethod !== DEFLATED) {
    throw new Error(`${entry.fileName}: unsupported compression method ${entry.compressionMethod}`);
  }
  const stored = await readAll(await zip.openReadStreamPromise(entry, { decompress: false }));
  const data = entry.compressionMethod === DEFLATED ? inflateRawSync(stored) : stored;
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
      const data = isDirectory ? Buffer.alloc(0) : await entryData(zip, entry);
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
