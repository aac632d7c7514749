import { Command } from "commander";
import { CannotRunError } from "../errors.js";
import { runAction } from "./run-action.js";

// Placeholder until the command is built; replaced by its real definition.
export function sendCommand(): Command {
  return new Command("send").description("(not built yet)").action(
    runAction(async () => {
      throw new CannotRunError("send is not built yet");
    }),
  );
}
