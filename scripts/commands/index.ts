import type { Command } from "commander";
import { asyncapiCommand } from "./asyncapi.js";
import { buildCommand } from "./build.js";
import { diffCommand } from "./diff.js";
import { inferCommand } from "./infer.js";
import { listenCommand } from "./listen.js";
import { previewCommand } from "./preview.js";
import { sendCommand } from "./send.js";
import { validateCommand } from "./validate.js";

/** Every command, in the order `--help` lists them. Each registration is cheap: stages load on use. */
export function registerCommands(program: Command): void {
  for (const command of [
    validateCommand(),
    buildCommand(),
    diffCommand(),
    previewCommand(),
    asyncapiCommand(),
    listenCommand(),
    sendCommand(),
    inferCommand(),
  ]) {
    program.addCommand(command);
  }
}
