import { Command } from "commander";
import { CannotRunError } from "../errors.js";
import { runAction } from "./run-action.js";

// Placeholder until the command is built; replaced by its real definition.
export function validateCommand(): Command {
  return new Command("validate").description("(not built yet)").action(
    runAction(async () => {
      throw new CannotRunError("validate is not built yet");
    }),
  );
}
