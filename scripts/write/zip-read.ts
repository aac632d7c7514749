/** Read a zip back (yauzl): every entry in archive order with its bytes, to re-check what was written. */
import yauzl from "yauzl";

export interface ReadEntry {
  name: string;
  data: Buffer;
  mode: number;
  isDirectory: boolean;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function readZipFile(path: string): Promise<ReadEntry[]> {
  const zip = await yauzl.openPromise(path, { lazyEntries: true, strictFileNames: true });
  const entries: ReadEntry[] = [];
  try {
    for await (const entry of zip.eachEntry()) {
      const isDirectory = entry.fileName.endsWith("/");
      const data = isDirectory ? Buffer.alloc(0) : await readAll(await zip.openReadStreamPromise(entry));
      entries.push({ name: entry.fileName, data, mode: (entry.externalFileAttributes >>> 16) & 0xffff, isDirectory });
    }
  } finally {
    zip.close();
  }
  return entries;
}
