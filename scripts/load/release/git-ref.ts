/**
 * A side from a git ref of this repository: check the ref out in a temporary worktree, build it there
 * with its own toolchain (`tsc`, then its `build --out`), and read what it built. The worktree is always
 * removed, whether the build worked or not.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { CannotRunError } from "../../errors.js";
import { loadManifestFile } from "./manifest-file.js";
import { loadPackage } from "./package.js";
import type { Side } from "./side.js";

const run = promisify(execFile);

interface RunFailure {
  stderr?: string;
  stdout?: string;
  message: string;
}

/** The last non-empty line a failed child printed, which is where our CLI puts its one-line error. */
function lastLine(error: RunFailure): string {
  const lines = `${error.stderr ?? ""}\n${error.stdout ?? ""}`.split("\n").map((line) => line.trim()).filter(Boolean);
  return lines.at(-1) ?? error.message.split("\n")[0]!;
}

/** The commit a ref names in `repo`, or undefined when it names none. */
export async function resolveGitRef(repo: string, ref: string): Promise<string | undefined> {
  if (ref.startsWith("-")) return undefined;
  try {
    const { stdout } = await run("git", ["-C", repo, "rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
    return stdout.trim() || undefined;
  } catch {
    return undefined;
  }
}

async function readBuilt(out: string, label: string): Promise<Side> {
  const zips = (await readdir(out)).filter((name) => name.endsWith(".zip")).sort();
  if (zips.length > 0) return loadPackage(await readFile(join(out, zips[0]!)), join(out, zips[0]!), label);
  const manifest = join(out, "manifest.json");
  if (!existsSync(manifest)) throw new CannotRunError(`git ref "${label}": its build wrote no manifest.json`);
  return loadManifestFile(await readFile(manifest, "utf8"), manifest, label);
}

export async function loadGitRef(repo: string, ref: string, commit: string, tempDir = tmpdir()): Promise<Side> {
  const temp = await mkdtemp(join(tempDir, "altcraft-albato-diff-"));
  const tree = join(temp, "tree");
  const out = join(temp, "out");
  const label = `${ref} (${commit.slice(0, 10)})`;
  try {
    await run("git", ["-C", repo, "worktree", "add", "--quiet", "--detach", tree, commit]);
    if (existsSync(join(repo, "node_modules"))) await symlink(join(repo, "node_modules"), join(tree, "node_modules"), "dir");
    const step = async (what: string, command: string, args: string[]): Promise<void> => {
      try {
        await run(command, args, { cwd: tree, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: "1" } });
      } catch (error) {
        throw new CannotRunError(`git ref "${ref}": ${what} failed: ${lastLine(error as RunFailure)}`);
      }
    };
    await step("compiling its toolchain (tsc)", "npx", ["--no", "--", "tsc", "-p", "."]);
    await mkdir(out);
    await step("its build", process.execPath, ["dist/scripts/cli.js", "build", "--out", out]);
    return await readBuilt(out, label);
  } finally {
    await run("git", ["-C", repo, "worktree", "remove", "--force", tree]).catch(() => undefined);
    await rm(temp, { recursive: true, force: true });
    await run("git", ["-C", repo, "worktree", "prune"]).catch(() => undefined);
  }
}
