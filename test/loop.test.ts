/**
 * The whole loop with the real CLI in child processes: `listen` → `send` the repo's samples → `infer` on
 * the capture → `send` the capture to a second `listen` → the same events arrive.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "./fixtures/temp.js";
import type { CaptureRecord } from "../scripts/model/capture.js";
import { readEventInputs } from "../scripts/load/event-inputs.js";
import { readNdjson, root, runCli, samples, startListen } from "./fixtures/live/harness.js";

const dir = tempDir("loop");
const sampleDirs = readdirSync(join(root, "schemas/samples"))
  .filter((name) => name !== "invalid")
  .sort()
  .map((name) => join(root, "schemas/samples", name));

/** Events as comparable text, order-free (batches may arrive in any order at concurrency > 1). */
const canonical = (events: unknown[]) => events.map((event) => JSON.stringify(event)).sort();


describe("capture → infer → replay", () => {
  it("works end to end", async () => {
    const first = join(dir, "first.ndjson");
    const second = join(dir, "second.ndjson");
    const expected = samples().map((sample) => sample.event);

    // 1. Capture the samples as Altcraft would post them.
    const listenA = await startListen(["--out", first, "--token", "loop-test-token-1"]);
    const sent = await runCli(["send", ...sampleDirs, "--to", listenA.url, "--batch-size", "7"]);
    expect(sent.code, sent.stderr).toBe(0);
    expect(sent.stdout).toContain(`Sent ${expected.length} events in ${Math.ceil(expected.length / 7)} batches`);
    listenA.child.kill("SIGTERM");
    expect(await listenA.exited).toBe(0);
    expect(listenA.stdout()).toContain(`Events: ${expected.length} `);
    expect(listenA.stdout()).toContain("Problems: 0");
    const records = readNdjson(first) as CaptureRecord[];
    expect(records).toHaveLength(Math.ceil(expected.length / 7));
    expect(records.every((record) => record.path === "/{token}" && record.method === "POST")).toBe(true);

    // 2. Infer: every type of the samples, no conflicts with the current schemas.
    const inferred = await runCli(["infer", first, "--json"]);
    expect(inferred.code, inferred.stdout + inferred.stderr).toBe(0);
    const report = JSON.parse(inferred.stdout) as {
      events: number;
      conflicts: number;
      types: { eventType: string; standing: string; conflicts: number }[];
    };
    expect(report.events).toBe(expected.length);
    expect(report.conflicts).toBe(0);
    expect(report.types.map((type) => type.eventType)).toEqual([...new Set(samples().map((sample) => sample.type))].sort());
    const provisional = report.types.filter((type) => type.standing === "provisional").map((type) => type.eventType);
    expect(provisional).toContain("deliv_push");
    const readable = await runCli(["infer", first, "--event-type", "deliv_push"]);
    expect(readable.stdout).toMatch(/evidence for confirming `deliv_push`: \d+ events? seen/);

    // 3. Replay the capture file itself to a second receiver: the same events arrive.
    const listenB = await startListen(["--out", second]);
    const replayed = await runCli(["send", first, "--to", listenB.url, "--batch-size", "100"]);
    expect(replayed.code, replayed.stderr).toBe(0);
    listenB.child.kill("SIGTERM");
    expect(await listenB.exited).toBe(0);
    const arrived = (await readEventInputs([second])).events.map((sourced) => sourced.event);
    const captured = (await readEventInputs([first])).events.map((sourced) => sourced.event);
    expect(arrived).toHaveLength(expected.length);
    expect(canonical(arrived)).toEqual(canonical(captured));
    expect(canonical(arrived)).toEqual(canonical(expected));
  });
});
