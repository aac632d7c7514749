/** Read every file entry of a zip held in memory (packages are small), keyed by entry name. */
import yauzl from "yauzl";
import { CannotRunError } from "../errors.js";

/** A zip starts with a local file header, or is an empty archive (end of central directory only). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}

async function readStream(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

export async function readZipEntries(bytes: Buffer, file: string): Promise<Map<string, Buffer>> {
  const entries = new Map<string, Buffer>();
  let zip: yauzl.ZipFile | undefined;
  try {
    zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true });
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName.endsWith("/")) continue;
      entries.set(entry.fileName, await readStream(await zip.openReadStreamPromise(entry)));
    }
  } catch (error) {
    throw new CannotRunError(`not a readable zip: ${(error as Error).message}`, { file });
  } finally {
    zip?.close();
  }
  return entries;
}
