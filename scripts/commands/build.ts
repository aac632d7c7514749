import { Command } from "commander";
import { runAction } from "./run-action.js";

export function buildCommand(): Command {
  return new Command("build")
    .description(
      "Build the Albato app from schemas/ and connector/: check everything, then write dist/manifest.json, the setup guides " +
        "(dist/SETUP.en.md, dist/SETUP.ru.md), the preview, the AsyncAPI document and the reproducible package " +
        "dist/altcraft-albato-<version>.zip (its SHA-256 is printed). New field codes are added to connector/field-codes.lock.json.",
    )
    .option("--check", "write nothing; exit 1 when a committed generated file (the types, the field-code lock) is stale or a check fails")
    .option("--json", "print a JSON summary on stdout (version, files, sha256, counts, warnings, sample coverage)")
    .option("--root <dir>", "project folder holding schemas/ and connector/", ".")
    .option("--out <dir>", "output folder (default: <root>/dist)")
    .option("--baseline <old>", "the last published release (package zip, manifest.json or git ref): fail when the version is too small for the changes since")
    .option("--no-cache", "ignore the build record: build everything again even when no input changed")
    .addHelpText(
      "after",
      [
        "",
        "Exit codes: 0 built (or nothing to do), 1 a check failed (a sample no longer validates, --check found stale files),",
        "2 the definition is broken (malformed YAML or JSON, dangling $ref, duplicate codes, missing labels, bad lock, logo).",
        "A failed build writes nothing: the previous dist/ stays as it was.",
        "",
        "Example:",
        "  $ altcraft-albato build",
        "  $ altcraft-albato build --check    # in CI: fail when scripts/generated/events.ts or the lock is stale",
        "  $ altcraft-albato build --baseline dist/releases/altcraft-albato-1.0.0.zip",
      ].join("\n"),
    )
    .action(
      runAction(async (options: { check?: boolean; json?: boolean; root?: string; out?: string; cache?: boolean; baseline?: string }) => {
        const { runBuildCommand } = await import("../pipeline/command.js");
        return runBuildCommand(options);
      }),
    );
}
