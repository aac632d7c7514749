import { appendPointer } from "../runtime/pointer.js";

type Frame = { array: true; index: number } | { array: false; key: string | undefined; awaitingKey: boolean };

/**
 * The JSON pointer of the value starting at `offset` of a JSON text (`/0/account_id`), found by one pass
 * over the text up to there: brackets, commas and keys, strings skipped whole. For a valid text only.
 */
export function pointerAt(text: string, offset: number): string {
  const frames: Frame[] = [];
  let index = 0;
  while (index < offset && index < text.length) {
    const char = text[index]!;
    if (char === '"') {
      let end = index + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === "\\" ? 2 : 1;
      const top = frames.at(-1);
      if (top !== undefined && !top.array && top.awaitingKey) {
        top.key = JSON.parse(text.slice(index, end + 1)) as string;
        top.awaitingKey = false;
      }
      index = end + 1;
      continue;
    }
    if (char === "{") frames.push({ array: false, key: undefined, awaitingKey: true });
    else if (char === "[") frames.push({ array: true, index: 0 });
    else if (char === "}" || char === "]") frames.pop();
    else if (char === ",") {
      const top = frames.at(-1);
      if (top?.array) top.index++;
      else if (top !== undefined) top.awaitingKey = true;
    }
    index++;
  }
  return appendPointer("", ...frames.map((frame) => (frame.array ? frame.index : (frame.key ?? ""))));
}
