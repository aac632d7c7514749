/** Parse a byte size as users write it: `1048576`, `512KiB`, `10MiB`, `1.5 MB`. Undefined when not a size. */
export function parseByteSize(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmg]i?b?|b)?\s*$/i.exec(text);
  if (!match) return undefined;
  const value = Number(match[1]);
  const unit = (match[2] ?? "b").toLowerCase();
  const scale: Record<string, number> = {
    b: 1,
    k: 1024, kb: 1000, ki: 1024, kib: 1024,
    m: 1024 ** 2, mb: 1000 ** 2, mi: 1024 ** 2, mib: 1024 ** 2,
    g: 1024 ** 3, gb: 1000 ** 3, gi: 1024 ** 3, gib: 1024 ** 3,
  };
  const factor = scale[unit];
  if (factor === undefined) return undefined;
  const bytes = Math.floor(value * factor);
  return Number.isSafeInteger(bytes) && bytes > 0 ? bytes : undefined;
}

/** `10485760` → `10 MiB`, for messages. */
export function formatByteSize(bytes: number): string {
  if (bytes >= 1024 ** 2 && bytes % 1024 ** 2 === 0) return `${bytes / 1024 ** 2} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}
