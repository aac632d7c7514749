/**
 * The command line as a whole, through both entry points: the compiled toolchain (what the other tests
 * drive) and the bundled bin (what users run). Every command has --help with an example, usage mistakes
 * exit 2 with a one-line message and no stack, and validation finds its precompiled validators.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../scripts/commands/index.js";

const root = join(import.meta.dirname, "..");
const ENTRY_POINTS = {
  compiled: join(root, "dist", "scripts", "cli.js"),
  bundled: join(root, "dist", "bin", "altcraft-albato.cjs"),
};

const listed = COMMANDS.map((entry) => entry.name);

for (const [kind, cli] of Object.entries(ENTRY_POINTS)) {
  const run = (...args: string[]) => {
    const result = spawnSync(process.execPath, [cli, ...args], { encoding: "utf8" });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  describe(`altcraft-albato (${kind})`, () => {
    it("lists every public command in --help, and no hidden one", () => {
      const { code, stdout } = run("--help");
      expect(code).toBe(0);
      for (const name of listed) expect(stdout).toMatch(new RegExp(`^  ${name} `, "m"));
      expect(stdout).not.toMatch(/^  generate /m);
    });

    it("prints the package version", () => {
      const { code, stdout } = run("--version");
      expect(code).toBe(0);
      expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    });

    it("exits 2 for an unknown command, naming it", () => {
      const { code, stderr } = run("deploy");
      expect(code).toBe(2);
      expect(stderr).toContain("unknown command 'deploy'");
    });

    it("validates a sample, finding its precompiled validators from wherever it runs", () => {
      const sample = join(root, "schemas", "samples", "click", "full.json");
      expect(run("validate", sample)).toMatchObject({ code: 0, stdout: "1 event in 1 file: all valid\n" });
    });

    for (const name of listed) {
      describe(name, () => {
        it("ends quietly, exit 0, when its reader closes the pipe early (--help | head -1)", () => {
          for (let round = 0; round < 3; round++) {
            const result = spawnSync("bash", ["-c", `set -o pipefail; "${process.execPath}" "${cli}" ${name} --help | head -c 1 >/dev/null`], { encoding: "utf8" });
            expect(result.status, result.stderr).toBe(0);
            expect(result.stderr).toBe("");
          }
        });

        it("has --help with a description and an example", () => {
          const { code, stdout } = run(name, "--help");
          expect(code).toBe(0);
          expect(stdout).toContain(`Usage: altcraft-albato ${name}`);
          expect(stdout).toMatch(/Examples?:\n\s+\$ altcraft-albato /);
        });

        it("exits 2 on an unknown option, with one error line and no stack", () => {
          const { code, stdout, stderr } = run(name, "--no-such-option");
          expect(code).toBe(2);
          expect(stdout).toBe("");
          expect(stderr).toContain("unknown option '--no-such-option'");
          expect(stderr).not.toMatch(/^\s+at /m);
        });
      });
    }
  });
}
