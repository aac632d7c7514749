import { Command } from "commander";
import { CannotRunError } from "../errors.js";
import { runAction } from "./run-action.js";

// Placeholder until the command is built; replaced by its real definition.
export function asyncapiCommand(): Command {
  return new Command("asyncapi").description("(not built yet)").action(
    runAction(async () => {
      throw new CannotRunError("asyncapi is not built yet");
    }),
  );
}
