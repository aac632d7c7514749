/**
 * A progress line on stderr for long runs: events so far, events/s, problems. Only when stderr is a
 * terminal, updated once per read chunk and redrawn at most five times a second, erased at the end;
 * `--json` stdout never sees it.
 */
const REDRAW_MS = 200;

export class Progress {
  private readonly started = performance.now();
  private lastDraw = this.started;
  private drawn = false;

  constructor(private readonly stream: NodeJS.WriteStream) {}

  static forStderr(): Progress | undefined {
    return process.stderr.isTTY ? new Progress(process.stderr) : undefined;
  }

  update(events: number, problems: number): void {
    const now = performance.now();
    if (now - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = now;
    const rate = Math.round(events / ((now - this.started) / 1000));
    const text = `validating: ${events.toLocaleString("en-US")} events, ${rate.toLocaleString("en-US")} events/s, ${problems.toLocaleString("en-US")} problems`;
    this.stream.write(`\r${text}\x1b[K`);
    this.drawn = true;
  }

  clear(): void {
    if (this.drawn) this.stream.write("\r\x1b[K");
    this.drawn = false;
  }
}
