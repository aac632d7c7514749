/** SHA-256 in hex: the package's checksums, the build record's keys, the setup plan's key. Node built-ins only (the cache probe stays light). */
import { createHash } from "node:crypto";

export function sha256(data: Buffer | string): string {
  return createHash("sha256").update(data).digest("hex");
}
