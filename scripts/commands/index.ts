import type { Command } from "commander";

interface CommandEntry {
  name: string;
  load: () => Promise<Command>;
}

/**
 * Every command, in the order `--help` lists them. Each is imported only when needed: a run of one
 * command loads only that command's file, which keeps `validate` of one file close to Node's own start-up.
 */
export const COMMANDS: readonly CommandEntry[] = [
  { name: "validate", load: async () => (await import("./validate.js")).validateCommand() },
  { name: "build", load: async () => (await import("./build.js")).buildCommand() },
  { name: "diff", load: async () => (await import("./diff.js")).diffCommand() },
  { name: "preview", load: async () => (await import("./preview.js")).previewCommand() },
  { name: "asyncapi", load: async () => (await import("./asyncapi.js")).asyncapiCommand() },
  { name: "listen", load: async () => (await import("./listen.js")).listenCommand() },
  { name: "send", load: async () => (await import("./send.js")).sendCommand() },
  { name: "infer", load: async () => (await import("./infer.js")).inferCommand() },
  { name: "simulate", load: async () => (await import("./simulate.js")).simulateCommand() },
  { name: "call", load: async () => (await import("./call.js")).callCommand() },
];

/** Add the command named in argv, or every command when none is (for `--help` and usage errors). */
export async function registerCommands(program: Command, argv: readonly string[]): Promise<void> {
  const named = COMMANDS.find((entry) => entry.name === argv[2]);
  for (const entry of named ? [named] : COMMANDS) {
    const command = await entry.load();
    // Subcommands do not inherit the program's settings: without exitOverride a usage error would exit 1, not 2.
    command.exitOverride().showHelpAfterError("(run with --help for usage)");
    program.addCommand(command);
  }
}
