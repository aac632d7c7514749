/**
 * The npm package is real: `npm pack`, install the tarball into an empty project, run its bin, validate
 * with the shipped validators, and compile a consumer under `moduleResolution: nodenext` + `strict`.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

describe("the packed package", () => {
  it("ships the compiled CLI, the validators, the schemas and nothing from the test run", () => {
    const files = execFileSync("tar", ["tzf", tarball], { encoding: "utf8" }).split("\n");
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
