import { Command } from "commander";
import { printJson, runAction } from "./run-action.js";

/**
 * Internal: regenerate the types and validators from schemas/ (what `build` does as one of its stages).
 * Hidden from `--help`; tests and the build use it before `build` exists.
 */
export function generateCommand(): Command {
  return new Command("generate")
    .description("regenerate scripts/generated/events.ts and dist/generated/validators/ from schemas/ (internal)")
    .option("--root <dir>", "project root", ".")
    .option("--json", "print the changed files as JSON")
    .option("--no-types", "leave scripts/generated/events.ts alone; generate only the validators")
    .addHelpText("after", "\nExample:\n  $ altcraft-albato generate")
    .action(
      runAction(async (options: { root: string; json?: boolean; types: boolean }) => {
        const { loadSchemas } = await import("../load/schemas.js");
        const { writeGeneratedCode } = await import("../derive/write-generated.js");
        const changed = await writeGeneratedCode(options.root, await loadSchemas(options.root), { types: options.types });
        if (options.json) printJson({ changed });
        else process.stdout.write(changed.length === 0 ? "generated code is up to date\n" : `wrote ${changed.length} files\n`);
        return 0;
      }),
    );
}
