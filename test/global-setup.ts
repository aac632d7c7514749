/**
 * Before any test file runs, the toolchain build of `npm run build`, once (test files run in parallel and
 * many start the CLI in child processes, so none of them may rewrite dist/ under another): bundle the CLI,
 * generate the validators, compile the library. The committed types are left as they are:
 * test/types.test.ts compares them with a fresh generation, so stale ones fail the tests.
 *
 * On a fresh machine the browser tests need Debian's Chromium: when it is missing, `.ci/install-chromium`
 * installs it with apt-get first (as root, or through sudo), so README's `npm test` passes there too.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { CHROMIUM_PATH } from "./fixtures/browser/chromium.js";

const root = join(import.meta.dirname, "..");

function ensureChromium(): void {
  if (existsSync(CHROMIUM_PATH)) return;
  process.stderr.write(`No Chromium at ${CHROMIUM_PATH}: installing Debian's chromium for the browser tests (.ci/install-chromium, apt-get)…\n`);
  execFileSync("bash", [join(root, ".ci", "install-chromium")], { cwd: root, stdio: ["ignore", "inherit", "inherit"] });
}

export default function setup(): void {
  ensureChromium();
  execFileSync(join(root, "node_modules", ".bin", "rolldown"), ["-c", "rolldown.config.ts"], { cwd: root, stdio: "pipe" });
  execFileSync(process.execPath, [join(root, "dist", "bin", "generate.cjs"), "--no-types"], { cwd: root, stdio: "pipe" });
  try {
    execFileSync(join(root, "node_modules", ".bin", "tsc"), ["-p", "."], { cwd: root, stdio: "pipe" });
  } catch (error) {
    // tsc still emits when a file has a type error; `npm run typecheck` reports those, the tests go on.
    const output = String((error as { stdout?: Buffer }).stdout ?? "");
    if (!/error TS/.test(output)) throw error;
    process.stderr.write(`tsc reported type errors (dist/ was emitted anyway):\n${output}`);
  }
}
