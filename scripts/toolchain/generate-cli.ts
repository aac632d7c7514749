/**
 * Entry of the generate step (`node dist/bin/generate.cjs [--no-types]`, bundled with the CLI): a
 * mistake in the schemas is reported as the CLI reports it, one line per problem, exit 2.
 */
import { packageRoot } from "../package-root.js";
import { reportFailure } from "../write/console.js";
import { generate } from "./generate.js";

async function main(argv: readonly string[]): Promise<number> {
  const types = !argv.includes("--no-types");
  const written = await generate(packageRoot(), { types });
  process.stdout.write(written.length === 0 ? "generated code is up to date\n" : written.map((file) => `generated ${file}\n`).join(""));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => (process.exitCode = reportFailure(error)),
);
