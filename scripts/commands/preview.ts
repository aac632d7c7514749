import { Command } from "commander";
import { CannotRunError } from "../errors.js";
import { runAction } from "./run-action.js";

// Placeholder until the command is built; replaced by its real definition.
export function previewCommand(): Command {
  return new Command("preview").description("(not built yet)").action(
    runAction(async () => {
      throw new CannotRunError("preview is not built yet");
    }),
  );
}
