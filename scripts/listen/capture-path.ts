import { join } from "node:path";

/** `captures/<YYYY-MM-DD>.ndjson` for the local date: one file per day, appended by every run. */
export function defaultCapturePath(now: Date = new Date(), dir = "captures"): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return join(dir, `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.ndjson`);
}
