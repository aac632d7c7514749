/**
 * Turn what the user named into a side: a package zip, a `manifest.json`, or a git ref of this
 * repository. Anything else is one clear line and exit 2.
 */
import { existsSync, statSync } from "node:fs";
import { CannotRunError } from "../../errors.js";
import { readReleaseFile } from "./release-file.js";
import { looksLikeZip } from "../zip.js";
import { loadGitRef, resolveGitRef } from "./git-ref.js";
import { loadManifestFile } from "./manifest-file.js";
import { loadPackage } from "./package.js";
import type { Side } from "./side.js";

export interface LoadSideOptions {
  /** The git repository refs are resolved in (default: the current directory). */
  repo?: string;
  /** Where a git ref's temporary worktree is made (default: the system's temp folder). */
  tempDir?: string;
}

export async function loadSide(spec: string, options: LoadSideOptions = {}): Promise<Side> {
  if (existsSync(spec)) {
    if (statSync(spec).isDirectory()) {
      throw new CannotRunError("is a folder; give a package zip, a manifest.json or a git ref", { file: spec });
    }
    const bytes = readReleaseFile(spec);
    if (looksLikeZip(bytes)) return loadPackage(bytes, spec);
    const text = bytes.toString("utf8");
    if (!/^\s*[{[]/.test(text)) {
      throw new CannotRunError("not a package (zip) or a manifest (JSON)", { file: spec });
    }
    return loadManifestFile(text, spec);
  }
  const repo = options.repo ?? process.cwd();
  const commit = await resolveGitRef(repo, spec);
  if (!commit) {
    throw new CannotRunError(`"${spec}" is neither a file nor a git ref of the repository at ${repo}`);
  }
  return loadGitRef(repo, spec, commit, options.tempDir);
}
