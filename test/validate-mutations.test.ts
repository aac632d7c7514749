/**
 * Property-style: random mutations of valid samples (a required key dropped, a value of the wrong type)
 * always give at least one problem, at the place the mutation was made — through the library and
 * through `validate` on an NDJSON log of all of them (so line numbers are checked at scale too).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadSchemas, type LoadedSchemas } from "../scripts/load/schemas.js";
import type * as Library from "../scripts/index.js";
import { cli, importDist, root, validSamples } from "./fixtures/validate/build.js";
import { mutations } from "./fixtures/validate/mutations.js";

let lib: typeof Library;
let schemas: LoadedSchemas;

beforeAll(async () => {
  lib = await importDist<typeof Library>("index.js");
  schemas = await loadSchemas(root);
}, 300_000);

describe("random mutations of valid samples", () => {
  it("always give a problem at the mutated place (library, 600 mutations)", () => {
    for (const mutation of mutations(schemas, 600, 1234)) {
      const problems = lib.validateEvent(mutation.event, { eventType: mutation.sample.type });
      const label = `${mutation.sample.type}/${mutation.sample.name} ${mutation.kind} ${mutation.pointer}`;
      expect(problems.length, label).toBeGreaterThan(0);
      const at = problems.filter((p) => p.pointer === mutation.pointer);
      expect(at.map((p) => p.keyword), label).toContain(mutation.keyword);
    }
  });

  it("are each reported on their own line of an NDJSON log, and only there", () => {
    const dir = mkdtempSync(join(tmpdir(), "validate-mutations-"));
    try {
      const made = mutations(schemas, 300, 99);
      const valid = validSamples();
      // Every mutated line is followed by a valid event, which must stay free of problems.
      const lines = made.flatMap((m, i) => [JSON.stringify(m.event), JSON.stringify(valid[i % valid.length]!.event)]);
      const file = join(dir, "mutated.ndjson");
      writeFileSync(file, `${lines.join("\n")}\n`);
      const result = spawnSync(process.execPath, [cli, "validate", "--json", file], { encoding: "utf8", maxBuffer: 1 << 26 });
      expect(result.status).toBe(1);
      const report = JSON.parse(result.stdout) as { events: number; invalid: number; problems: Array<{ line: number; pointer: string; keyword: string }> };
      expect(report.events).toBe(600);
      // A dropped event_type or a retyped one is reported as such, not by the type's schema.
      expect(report.invalid).toBe(300);
      expect(report.problems.every((p) => p.line % 2 === 1)).toBe(true);
      made.forEach((mutation, i) => {
        const onLine = report.problems.filter((p) => p.line === 2 * i + 1);
        expect(onLine.length, `line ${2 * i + 1}`).toBeGreaterThan(0);
        if (mutation.pointer === "/event_type" || (mutation.kind === "drop" && !("event_type" in mutation.event))) return;
        expect(onLine.some((p) => p.pointer === mutation.pointer), `line ${2 * i + 1} ${mutation.pointer}`).toBe(true);
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
