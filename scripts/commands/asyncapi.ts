import { Command } from "commander";
import { runAction } from "./run-action.js";

export function asyncapiCommand(): Command {
  return new Command("asyncapi")
    .description(
      "write an AsyncAPI 3.0 document of the Altcraft action hooks: the hook channel, one message per event " +
        "type with its schema and sample examples, and the batch Altcraft posts",
    )
    .option("--out <file>", "where to write the document (JSON)", "dist/asyncapi.json")
    .option("--manifest <file>", "a manifest.json with its package, or a package zip (default: dist/manifest.json from `build`)")
    .addHelpText(
      "after",
      "\nUse it with AsyncAPI tools: Studio, the HTML generator, Modelina models in other languages." +
        "\n\nExamples:\n  $ altcraft-albato asyncapi\n  $ altcraft-albato asyncapi --out docs/asyncapi.json",
    )
    .action(
      runAction(async (options: { out: string; manifest?: string }) => {
        const { loadBuilt, resolvedEventSchemas } = await import("../load/release/built.js");
        const { generateAsyncApi } = await import("../derive/asyncapi.js");
        const { writeFileAtomic } = await import("../write/atomic.js");
        const { printLines } = await import("../write/console.js");
        const side = await loadBuilt(options.manifest);
        const document = generateAsyncApi({ manifest: side.manifest, eventSchemas: resolvedEventSchemas(side), samples: side.samples });
        await writeFileAtomic(options.out, `${JSON.stringify(document, null, 2)}\n`);
        printLines(process.stderr, [`wrote ${options.out} (AsyncAPI 3.0.0, ${side.manifest.triggers.length} event messages)`]);
        return 0;
      }),
    );
}
