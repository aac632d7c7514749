/**
 * Every step of `npm run build` reports a user's mistake as the CLI does: run as README says, in a
 * temporary copy of the package, a broken JSON file anywhere under schemas/ (a schema, a shared part, a
 * manifest schema, a sample) and an unknown schema keyword each end the build with one line naming the
 * file and the place, exit 2, no stack trace.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { errorLines, REPO } from "./fixtures/run-bin.js";
import { tempDir } from "./fixtures/temp.js";

const PACKAGE_FILES = ["package.json", "package-lock.json", "tsconfig.json", "tsconfig.test.json", "rolldown.config.ts", "scripts", "schemas", "connector", "bench"];

/**
 * A copy of the package's sources, its node_modules a folder of links to the repo's packages (not one
 * link to the folder: the build record the copy writes in node_modules/.cache must stay in the copy).
 */
function packageCopy(): string {
  const root = tempDir("build-steps");
  for (const name of PACKAGE_FILES) cpSync(join(REPO, name), join(root, name), { recursive: true });
  mkdirSync(join(root, "node_modules"));
  for (const name of readdirSync(join(REPO, "node_modules"))) {
    if (name !== ".cache") symlinkSync(join(REPO, "node_modules", name), join(root, "node_modules", name));
  }
  return root;
}

const npm = process.platform === "win32" ? "npm.cmd" : "npm";

interface Breakage {
  name: string;
  file: string;
  change: (text: string) => string;
  /** The one error line, after "altcraft-albato: ". */
  line: RegExp;
}

const breakages: Breakage[] = [
  { name: "an event schema with a stray brace (the generate step)", file: "schemas/events/click.schema.json", change: (text) => `${text}{\n`, line: /^schemas\/events\/click\.schema\.json:\d+:1: not valid JSON: Unexpected non-whitespace character after JSON$/ },
  { name: "a shared schema cut short (the generate step)", file: "schemas/common/envelope.schema.json", change: (text) => text.slice(0, 200), line: /^schemas\/common\/envelope\.schema\.json:\d+:\d+: not valid JSON: / },
  { name: "a manifest schema with a trailing comma (the generate step)", file: "schemas/manifest/app.schema.json", change: (text) => text.replace('"type": "object",', '"type": "object",,'), line: /^schemas\/manifest\/app\.schema\.json:\d+:\d+: not valid JSON: / },
  { name: "a sample that is not JSON (the app build step, after tsc)", file: "schemas/samples/click/full.json", change: (text) => text.replace('"event_type"', "event_type"), line: /^schemas\/samples\/click\/full\.json:2:3: not valid JSON: / },
  { name: "an unknown schema keyword (the generate step)", file: "schemas/events/click.schema.json", change: (text) => text.replace('"type": "object"', '"type": "object", "requird": []'), line: /^schemas\/events\/click\.schema\.json \/requird: unknown keyword "requird" \(did you mean "required"\?\)/ },
];

describe("npm run build with a user's mistake", () => {
  for (const breakage of breakages) {
    it(`${breakage.name}: one line with its place, exit 2, no stack`, () => {
      const root = packageCopy();
      const path = join(root, breakage.file);
      writeFileSync(path, breakage.change(readFileSync(path, "utf8")));
      const result = spawnSync(npm, ["run", "build"], { cwd: root, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" }, timeout: 120_000 });
      expect(result.status, result.stderr).toBe(2);
      const lines = errorLines(result.stderr);
      expect(lines, result.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(breakage.line);
      expect(lines[0]).not.toMatch(/at position \d+/);
      expect(result.stderr + result.stdout).not.toMatch(/^\s+at |internal error/m);
    }, 120_000);
  }

  it("the copy builds when nothing is broken (so the failures above are the mistakes')", () => {
    const root = packageCopy();
    execFileSync(npm, ["run", "build"], { cwd: root, stdio: "pipe", env: { ...process.env, NO_COLOR: "1" }, timeout: 120_000 });
  }, 120_000);
});
