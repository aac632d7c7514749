/**
 * Git-ref sides: a throwaway repository whose own toolchain (`tsc`, then `cli.js build --out`) writes an
 * unpacked package. Checks the worktree is built, read, and always removed.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diffSides } from "../scripts/derive/changes/classify.js";
import { loadSide } from "../scripts/load/release/load.js";
import { CannotRunError } from "../scripts/errors.js";
import { BASE, caseFiles, listCases } from "./fixtures/diff/fixture.js";

const root = join(import.meta.dirname, "..");
const repo = mkdtempSync(join(tmpdir(), "diff-git-repo-"));
// The worktrees are made here, so the test sees exactly its own leftovers (and never another test's).
const temp = mkdtempSync(join(tmpdir(), "diff-git-temp-"));

const FAKE_CLI = `
import { cpSync, existsSync } from "node:fs";
const args: string[] = process.argv.slice(2);
if (args[0] !== "build" || !args.includes("--out")) {
  process.stderr.write("altcraft-albato: usage\\n");
  process.exit(2);
}
if (existsSync("broken")) {
  process.stderr.write("altcraft-albato: connector/app.yaml:3:1: boom\\n");
  process.exit(2);
}
cpSync("package", args[args.indexOf("--out") + 1]!, { recursive: true });
`;

function git(...args: string[]): string {
  return execFileSync("git", ["-c", "user.name=Test", "-c", "user.email=test@example.org", "-C", repo, ...args], {
    encoding: "utf8",
  });
}

function worktrees(): number {
  return git("worktree", "list", "--porcelain").split("\n").filter((line) => line.startsWith("worktree ")).length;
}

function leftovers(): string[] {
  return readdirSync(temp);
}

beforeAll(() => {
  git("init", "--quiet", "--initial-branch=main");
  writeFileSync(join(repo, ".gitignore"), "node_modules\ndist\n");
  symlinkSync(join(root, "node_modules"), join(repo, "node_modules"), "dir");
  writeFileSync(join(repo, "package.json"), JSON.stringify({ private: true, type: "module" }));
  writeFileSync(
    join(repo, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: { target: "ES2022", module: "nodenext", outDir: "dist", rootDir: ".", strict: true, types: ["node"], skipLibCheck: true },
      include: ["scripts/**/*.ts"],
    }),
  );
  mkdirSync(join(repo, "scripts"));
  writeFileSync(join(repo, "scripts/cli.ts"), FAKE_CLI);
  cpSync(BASE, join(repo, "package"), { recursive: true });
  git("add", ".");
  git("commit", "--quiet", "-m", "v1");
  git("tag", "v1");
  const removed = caseFiles(listCases().find((c) => c.name === "field-removed")!);
  writeFileSync(join(repo, "package/manifest.json"), removed.get("manifest.json")!);
  git("commit", "--quiet", "-am", "v2");
  git("tag", "v2");
  writeFileSync(join(repo, "broken"), "");
  git("add", "broken");
  git("commit", "--quiet", "-m", "broken");
  git("tag", "broken");
});

afterAll(() => {
  rmSync(repo, { recursive: true, force: true });
  rmSync(temp, { recursive: true, force: true });
});

describe("diff sides from git refs", () => {
  it("builds each ref in a temporary worktree and compares what they built", async () => {
    const old = await loadSide("v1", { repo, tempDir: temp });
    const next = await loadSide("v2", { repo, tempDir: temp });
    expect(old.label).toMatch(/^v1 \([0-9a-f]{10}\)$/);
    expect(old.samples.get("click")?.map((s) => s.name)).toEqual(["full", "minimal"]);
    const report = diffSides(old, next);
    expect(report.breaking.map((c) => [c.class, c.field])).toEqual([["field-removed", "data.event_data.link_url"]]);
    expect(report.notes).toEqual([]);
    expect(worktrees()).toBe(1);
    expect(leftovers()).toEqual([]);
  });

  it("reports a failed build of a ref in one line and still removes the worktree", async () => {
    const error = await loadSide("broken", { repo, tempDir: temp }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CannotRunError);
    expect((error as Error).message).toBe('git ref "broken": its build failed: altcraft-albato: connector/app.yaml:3:1: boom');
    expect(worktrees()).toBe(1);
    expect(leftovers()).toEqual([]);
  });

  it("refuses an unknown ref and a ref that looks like an option", async () => {
    for (const ref of ["v9", "--output=x"]) {
      const error = await loadSide(ref, { repo, tempDir: temp }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CannotRunError);
      expect((error as Error).message).toBe(`"${ref}" is neither a file nor a git ref of the repository at ${repo}`);
    }
  });
});
