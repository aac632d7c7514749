import { Command } from "commander";
import { runAction } from "./run-action.js";

export function previewCommand(): Command {
  return new Command("preview")
    .description(
      "write one self-contained HTML page, a reference of the app for integration engineers: app card, triggers " +
        "by channel and actions by what they work on, with search; trigger fields with types, codes and example " +
        "values and the Altcraft setup steps; action fields, lists and API methods; English and Russian",
    )
    .option("--out <file>", "where to write the page", "dist/preview.html")
    .option("--manifest <file>", "a manifest.json or package zip (default: dist/manifest.json from `build`)")
    .addHelpText(
      "after",
      "\nThe page makes no network requests (no fonts, scripts or images from elsewhere); open it in any browser." +
        "\n\nExamples:\n  $ altcraft-albato preview\n  $ altcraft-albato preview --manifest dist/altcraft-albato-1.0.0.zip --out /tmp/preview.html",
    )
    .action(
      runAction(async (options: { out: string; manifest?: string }) => {
        const { loadBuilt } = await import("../load/release/built.js");
        const { renderPreviewHtml } = await import("../derive/preview.js");
        const { writeFileAtomic } = await import("../write/atomic.js");
        const { printLines } = await import("../write/console.js");
        const side = await loadBuilt(options.manifest);
        const html = renderPreviewHtml({ manifest: side.manifest, samples: side.samples, ...(side.logoSvg ? { logoSvg: side.logoSvg } : {}) });
        await writeFileAtomic(options.out, html);
        printLines(process.stderr, [`wrote ${options.out} (${side.manifest.triggers.length} triggers, ${side.manifest.actions.length} actions, ${Buffer.byteLength(html)} bytes)`]);
        return 0;
      }),
    );
}
