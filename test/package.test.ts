/**
 * The npm package is real: `npm pack`, install the tarball into an empty project, run its bin, validate
 * with the shipped validators, and compile a consumer under `moduleResolution: nodenext` + `strict`.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultTuning } from "../scripts/validate/plan.js";
import { root } from "./fixtures/validate/build.js";

let dir: string;
let consumer: string;
let tarball: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "package-test-"));
  execFileSync("npm", ["pack", "--silent", "--pack-destination", dir], { cwd: root, stdio: "ignore" });
  tarball = join(dir, readdirSync(dir).find((name) => name.endsWith(".tgz"))!);
  consumer = join(dir, "consumer");
  execFileSync("mkdir", [consumer]);
  writeFileSync(join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  // Dependencies come from npm's cache when `npm ci` filled it, else from the registry.
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--silent", tarball], { cwd: consumer, stdio: "ignore" });
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const listed = (): string[] => execFileSync("tar", ["tzf", tarball], { encoding: "utf8" }).split("\n");

describe("the packed package", () => {
  it("ships the compiled CLI, the validators, the schemas and nothing from the test run", () => {
    const files = listed();
    expect(files).toContain("package/dist/bin/altcraft-albato.cjs");
    expect(files).toContain("package/dist/scripts/cli.js");
    expect(files).toContain("package/dist/scripts/index.d.ts");
    expect(files).toContain("package/dist/scripts/generated/events.d.ts");
    expect(files).toContain("package/dist/generated/validators.cjs");
    expect(files).toContain("package/schemas/events/click.schema.json");
    expect(files.filter((file) => /\.test-stamp|validate-test-stamp|\.ts$/.test(file) && !file.endsWith(".d.ts"))).toEqual([]);
  });

  it("runs its altcraft-albato bin", () => {
    const bin = join(consumer, "node_modules", ".bin", "altcraft-albato");
    const help = spawnSync(bin, ["--help"], { encoding: "utf8" });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("validate");
    const sample = join(consumer, "node_modules", "altcraft-albato", "schemas", "samples", "click", "full.json");
    const validate = spawnSync(bin, ["validate", sample], { encoding: "utf8" });
    expect(validate.stdout).toBe("1 event in 1 file: all valid\n");
    expect(validate.status).toBe(0);
  });

  it.skipIf(availableParallelism() < 2)("checks a large log on worker threads started from the installed package", () => {
    expect(listed()).toContain("package/dist/bin/validate-worker.cjs");
    const bin = join(consumer, "node_modules", ".bin", "altcraft-albato");
    const sample = join(consumer, "node_modules", "altcraft-albato", "schemas", "samples", "click", "full.json");
    const line = JSON.stringify(JSON.parse(readFileSync(sample, "utf8")));
    // Larger than the size from which validate's workers join in.
    const count = Math.ceil((defaultTuning().parallelBytes + (1 << 20)) / (line.length + 1));
    const log = join(dir, "large.ndjson");
    writeFileSync(log, `${line}\n`.repeat(count - 1) + `${line.replace(/"account_id":\d+/, '"account_id":"23"')}\n`);
    const validate = spawnSync(bin, ["validate", log], { encoding: "utf8", maxBuffer: 1 << 24 });
    expect(validate.stderr).toBe("");
    expect(validate.stdout.split("\n")[0]).toMatch(new RegExp(`^.*large\\.ndjson:${count} `));
    expect(validate.stdout).toContain(`${count} events in 1 file: ${count - 1} valid, 1 invalid, 1 problem\n`);
    expect(validate.status).toBe(1);
  });

  it("compiles a consumer importing the types and validateEvent (nodenext, strict), which then runs", () => {
    writeFileSync(
      join(consumer, "consumer.ts"),
      `import type { AltcraftEvent, AltcraftHookBatch, ClickEvent } from "altcraft-albato";
import { validateEvent, validateBatch } from "altcraft-albato";

export function links(batch: AltcraftHookBatch): string[] {
  return batch.flatMap((event: AltcraftEvent) =>
    event.event_type === "click" && event.event_data.link_url !== undefined ? [event.event_data.link_url] : [],
  );
}
const click: ClickEvent = {
  event_type: "click",
  event_date: "2024-05-14T09:00:01.120443512Z",
  account_id: 23,
  is_test: false,
  event_data: { link_url: "https://shop.example.com/" },
};
const broken = { ...click, account_id: "23" };
const messages = [...validateEvent(click), ...validateBatch([click, broken])].map((problem) =>
  problem.kind === "schema" ? \`\${problem.pointer}: \${problem.message}\` : problem.kind,
);
process.stdout.write(JSON.stringify({ links: links([click]), messages }));
`,
    );
    // process.stdout needs Node's types, which a consumer would install; declare the little we use.
    writeFileSync(join(consumer, "node.d.ts"), "declare const process: { stdout: { write(text: string): void } };\n");
    writeFileSync(
      join(consumer, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: { strict: true, module: "nodenext", moduleResolution: "nodenext", target: "ES2022", outDir: "out", types: [] },
        files: ["consumer.ts", "node.d.ts"],
      }),
    );
    const tsc = spawnSync(join(root, "node_modules", ".bin", "tsc"), ["-p", "tsconfig.json"], { cwd: consumer, encoding: "utf8" });
    expect(tsc.stdout + tsc.stderr).toBe("");
    expect(tsc.status).toBe(0);
    const run = spawnSync(process.execPath, [join(consumer, "out", "consumer.js")], { encoding: "utf8" });
    expect(JSON.parse(run.stdout)).toEqual({
      links: ["https://shop.example.com/"],
      messages: ['/account_id: must be an integer, found string "23"'],
    });
  });
});
