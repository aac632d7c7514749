/**
 * Read a zip held in memory (yauzl parses it): every entry in archive order with its bytes. Used for
 * packages given to `diff`, `preview`, `asyncapi` and `--baseline`, and for the build's re-check of the
 * package it wrote. Bounded whatever the archive says: a package is a few MB, so an entry that inflates
 * past `MAX_ENTRY_BYTES`, a total past `MAX_TOTAL_BYTES` or more than `MAX_ENTRIES` entries is refused
 * with a line saying so, and no entry is ever inflated beyond the size its header declares.
 */
import { inflateRawSync } from "node:zlib";
import yauzl from "yauzl";
import { CannotRunError } from "../errors.js";

export interface ZipFileEntry {
  name: string;
  data: Buffer;
  mode: number;
  isDirectory: boolean;
}

export const MAX_ENTRY_BYTES = 64 * 1024 * 1024;
export const MAX_TOTAL_BYTES = 256 * 1024 * 1024;
export const MAX_ENTRIES = 10_000;

const STORED = 0;
const DEFLATED = 8;
const MIB = 1024 * 1024;

/** A zip starts with a local file header, or is an empty archive (end of central directory only). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}

/**
 * An entry's content: its stored bytes, located through yauzl's reading of the local file header (which
 * bounds-checks them against the archive), inflated into one chunk of the size its header declares and
 * never more.
 */
async function entryData(zip: yauzl.ZipFile, entry: yauzl.Entry, bytes: Buffer): Promise<Buffer> {
  if (entry.compressionMethod !== STORED && entry.compressionMethod !== DEFLATED) {
    throw new Error(`unsupported compression method ${entry.compressionMethod}`);
  }
  if (entry.isEncrypted()) throw new Error("encrypted");
  const { fileDataStart } = await zip.readLocalFileHeaderPromise(entry, { minimal: true });
  const stored = bytes.subarray(fileDataStart, fileDataStart + entry.compressedSize);
  const limit = entry.uncompressedSize + 1;
  let data: Buffer;
  try {
    data = entry.compressionMethod === DEFLATED ? inflateRawSync(stored, { chunkSize: Math.max(64, Math.min(limit, 16 * MIB)), maxOutputLength: limit }) : Buffer.from(stored);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ERR_BUFFER_TOO_LARGE") throw error;
    throw new Error(`inflates to more than the ${entry.uncompressedSize} bytes its header declares`);
  }
  if (data.length !== entry.uncompressedSize) throw new Error(`${data.length} bytes, but its header says ${entry.uncompressedSize}`);
  return data;
}

/** Every entry of the zip in `bytes`; `file` names it in errors (`file!entry: …`). */
export async function readZip(bytes: Buffer, file: string): Promise<ZipFileEntry[]> {
  const entries: ZipFileEntry[] = [];
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, strictFileNames: true });
  } catch (error) {
    throw new CannotRunError(`not a readable zip: ${(error as Error).message}`, { file });
  }
  try {
    if (zip.entryCount > MAX_ENTRIES) throw new CannotRunError(`refused: ${zip.entryCount} entries (at most ${MAX_ENTRIES}; a package has a few hundred)`, { file });
    // Every entry's declared size is checked against the caps before any is inflated, so a refused archive
    // costs nothing but its own bytes.
    const listed: yauzl.Entry[] = [];
    let total = 0;
    for await (const entry of zip.eachEntry()) {
      if (entry.uncompressedSize > MAX_ENTRY_BYTES) {
        throw new CannotRunError(`refused: it inflates to ${Math.ceil(entry.uncompressedSize / MIB)} MiB (at most ${MAX_ENTRY_BYTES / MIB} MiB an entry; a package is a few MB)`, { file: `${file}!${entry.fileName}` });
      }
      total += entry.uncompressedSize;
      if (total > MAX_TOTAL_BYTES) throw new CannotRunError(`refused: its entries inflate to more than ${MAX_TOTAL_BYTES / MIB} MiB (a package is a few MB)`, { file });
      listed.push(entry);
    }
    for (const entry of listed) {
      const name = entry.fileName;
      const isDirectory = name.endsWith("/");
      let data: Buffer = Buffer.alloc(0);
      if (!isDirectory) {
        try {
          data = await entryData(zip, entry, bytes);
        } catch (error) {
          throw new CannotRunError(`not a readable zip entry: ${(error as Error).message}`, { file: `${file}!${name}` });
        }
      }
      entries.push({ name, data, mode: (entry.externalFileAttributes >>> 16) & 0xffff, isDirectory });
    }
  } catch (error) {
    if (error instanceof CannotRunError) throw error;
    throw new CannotRunError(`not a readable zip: ${(error as Error).message}`, { file });
  } finally {
    zip.close();
  }
  return entries;
}

/** The file entries of a zip by name (folders left out). */
export async function readZipFiles(bytes: Buffer, file: string): Promise<Map<string, Buffer>> {
  return new Map((await readZip(bytes, file)).filter((entry) => !entry.isDirectory).map((entry) => [entry.name, entry.data]));
}
