import { Command } from "commander";
import { CannotRunError } from "../errors.js";
import { runAction } from "./run-action.js";

// Placeholder until the command is built; replaced by its real definition.
export function listenCommand(): Command {
  return new Command("listen").description("(not built yet)").action(
    runAction(async () => {
      throw new CannotRunError("listen is not built yet");
    }),
  );
}
