import { Command } from "commander";
import { runAction } from "./run-action.js";

export function diffCommand(): Command {
  return new Command("diff")
    .description(
      "compare two versions of the app as Albato users see them: breaking and safe changes, what each means " +
        "for existing automations, and the semver bump to choose. Exit 1 when anything is breaking.",
    )
    .argument("<old>", "the published version: a package zip, a manifest.json, or a git ref of this repository")
    .argument("<new>", "the candidate: a package zip, a manifest.json, or a git ref")
    .option("--json", "print { breaking, safe, recommendedBump, … } as one JSON document")
    .addHelpText(
      "after",
      "\nA git ref is checked out in a temporary worktree and built there with its own toolchain." +
        "\n\nExamples:\n  $ altcraft-albato diff v1.2.0 dist/altcraft-albato-1.3.0.zip" +
        "\n  $ altcraft-albato diff old/manifest.json dist/manifest.json --json",
    )
    .action(
      runAction(async (oldSide: string, newSide: string, options: { json?: boolean }) => {
        const { runDiff } = await import("../diff/run.js");
        return runDiff(oldSide, newSide, { json: options.json === true });
      }),
    );
}
