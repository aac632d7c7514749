/**
 * Report text for stdout, written in blocks as it is made: a large capture's report is never one string
 * in memory. (On Linux, writes to a pipe or file are synchronous, so nothing piles up behind a slow reader.)
 */
export class BlockOutput {
  private parts: string[] = [];
  private size = 0;

  constructor(private readonly write: (text: string) => void = (text) => process.stdout.write(text)) {}

  add(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= 65536) this.flush();
  }

  flush(): void {
    if (this.parts.length === 0) return;
    this.write(this.parts.join(""));
    this.parts = [];
    this.size = 0;
  }
}
