import { Command } from "commander";
import { CannotRunError } from "../errors.js";
import { runAction } from "./run-action.js";

// Placeholder until the command is built; replaced by its real definition.
export function buildCommand(): Command {
  return new Command("build").description("(not built yet)").action(
    runAction(async () => {
      throw new CannotRunError("build is not built yet");
    }),
  );
}
