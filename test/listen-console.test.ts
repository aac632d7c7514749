/** `runListen`'s console: one line per request, written in batches, none lost when the run stops. */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "./fixtures/temp.js";
import { runListen } from "../scripts/listen/run.js";
import { readNdjson } from "./fixtures/live/harness.js";

const dir = tempDir("listen-console");

/** Start `runListen` in this process; `stop` triggers what SIGTERM would and resolves with the exit code. */
async function startInProcess(name: string) {
  const writes: string[] = [];
  let stopHandler: (() => void) | undefined;
  const out = join(dir, `${name}.ndjson`);
  const done = runListen(
    { host: "127.0.0.1", port: "0", out, maxBody: "1MiB", okBody: "OK", grace: "1" },
    {
      out: (text) => writes.push(text),
      err: () => {},
      colour: false,
      onStop: (handler) => (stopHandler = handler),
      // Every event gets one problem, so the lines carry a count that identifies them.
      validator: (event) => [{ kind: "schema", pointer: "/n", message: `n=${(event as { n: number }).n}` }],
    },
  );
  while (!writes.some((text) => text.startsWith("Listening on "))) await new Promise((resolve) => setTimeout(resolve, 5));
  const url = /Listening on (\S+)/.exec(writes.join("\n"))![1]!;
  const stop = () => {
    stopHandler!();
    return done;
  };
  /** Everything written so far, split into lines. */
  const lines = () => writes.join("\n").split("\n");
  return { url, out, stop, lines };
}

const post = (url: string, n: number) =>
  fetch(url, { method: "POST", body: JSON.stringify([{ event_type: "click", n }]) }).then((response) => response.status);

describe("listen's console lines", () => {
  it("has one line per request, in the order answered, all out before the summary when stopped right after the last answer", async () => {
    const listen = await startInProcess("order");
    for (let n = 0; n < 5; n++) expect(await post(listen.url, n)).toBe(200);
    // Stop within the batching delay of the last line: it must still come out, before the summary.
    expect(await listen.stop()).toBe(0);
    const lines = listen.lines();
    const requestLines = lines.filter((line) => / 200 POST \/ /.test(line));
    expect(requestLines.map((line) => /first: click \/n: (n=\d+)/.exec(line)?.[1])).toEqual(["n=0", "n=1", "n=2", "n=3", "n=4"]);
    const summaryAt = lines.findIndex((line) => line.startsWith("Requests: "));
    expect(summaryAt).toBeGreaterThan(lines.indexOf(requestLines.at(-1)!));
    expect(lines[summaryAt]).toBe("Requests: 5 (200×5)");
    expect(readNdjson(listen.out)).toHaveLength(5);
  });

  it("keeps every line of a burst of concurrent requests, each exactly once", async () => {
    const listen = await startInProcess("burst");
    const statuses = await Promise.all(Array.from({ length: 200 }, (_, n) => post(listen.url, n)));
    expect(statuses.every((status) => status === 200)).toBe(true);
    expect(await listen.stop()).toBe(0);
    const seen = listen
      .lines()
      .map((line) => /first: click \/n: n=(\d+)/.exec(line)?.[1])
      .filter((n) => n !== undefined)
      .map(Number)
      .sort((a, b) => a - b);
    expect(seen).toEqual([...Array(200).keys()]);
    expect(readNdjson(listen.out)).toHaveLength(200);
  });
});
