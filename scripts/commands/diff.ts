import { Command } from "commander";
import { CannotRunError } from "../errors.js";
import { runAction } from "./run-action.js";

// Placeholder until the command is built; replaced by its real definition.
export function diffCommand(): Command {
  return new Command("diff").description("(not built yet)").action(
    runAction(async () => {
      throw new CannotRunError("diff is not built yet");
    }),
  );
}
