import { Command } from "commander";
import { CannotRunError } from "../errors.js";
import { runAction } from "./run-action.js";

// Placeholder until the command is built; replaced by its real definition.
export function inferCommand(): Command {
  return new Command("infer").description("(not built yet)").action(
    runAction(async () => {
      throw new CannotRunError("infer is not built yet");
    }),
  );
}
