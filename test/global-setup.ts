/**
 * Before any test file runs: compile the toolchain (with its precompiled validators), bundle
 * the bin, and regenerate the validators once, so every test (many start the compiled CLI in child
 * processes) sees a dist/ that matches the sources, also for a developer who edited a file and ran vitest
 * directly. Test files run in parallel; compiling here, once, keeps any of them from rewriting dist/
 * under another. The committed types are left as they are: test/types.test.ts compares them with a fresh
 * generation, so stale ones fail the tests.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");

export default function setup(): void {
  try {
    execFileSync(join(root, "node_modules", ".bin", "tsc"), ["-p", "."], { cwd: root, stdio: "pipe" });
  } catch (error) {
    // tsc still emits when a file has a type error; `npm run typecheck` reports those, the tests go on.
    const output = String((error as { stdout?: Buffer }).stdout ?? "");
    if (!/error TS/.test(output)) throw error;
    process.stderr.write(`tsc reported type errors (dist/ was emitted anyway):\n${output}`);
  }
  execFileSync(process.execPath, [join(root, "dist", "scripts", "toolchain", "precompile-validators.js")], { cwd: root, stdio: "pipe" });
  execFileSync(join(root, "node_modules", ".bin", "rolldown"), ["-c", "rolldown.config.ts"], { cwd: root, stdio: "pipe" });
  execFileSync(process.execPath, [join(root, "dist", "scripts", "cli.js"), "generate", "--no-types"], { cwd: root, stdio: "pipe" });
}
