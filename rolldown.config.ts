/**
 * The CLI is one bundle built straight from the TypeScript sources (so it needs neither tsc's output nor
 * the generated types, and `npm run build` can run it first): one module to load instead of thirty small
 * ones is what gets `validate` of one file started within 1.5× of `node -e 0`. Commands stay in their own
 * chunks (loaded on use); npm dependencies are bundled too. CommonJS (`.cjs`, the package being ESM):
 * Node 20 starts it sooner than the same code as ES modules. `generate.cjs` is the generate step of
 * `npm run build` (scripts/toolchain/generate-cli.ts). `validate-worker.cjs` is the entry of `validate`'s worker
 * threads (scripts/validate/validate-worker.ts), found next to the chunk that starts them.
 */
import { chmodSync } from "node:fs";
import { join } from "node:path";
import { defineConfig } from "rolldown";

/** The command's file is package.json's `bin`: `npx altcraft-albato` in a checkout runs it as a program, so it must be executable (rolldown writes every file 0644). */
const executableBin = {
  name: "executable-bin",
  writeBundle(options: { dir?: string }) {
    chmodSync(join(options.dir ?? "dist/bin", "altcraft-albato.cjs"), 0o755);
  },
};

export default defineConfig({
  input: {
    "altcraft-albato": "scripts/cli.ts",
    generate: "scripts/toolchain/generate-cli.ts",
    "validate-worker": "scripts/validate/validate-worker.ts",
  },
  platform: "node",
  plugins: [executableBin],
  // json-schema-to-typescript (and Prettier, which it loads) stays a package of its own: only the generate
  // step and `build --check` load it.
  external: (id) => /^(json-schema-to-typescript|prettier)(\/|$)/.test(id),
  output: {
    dir: "dist/bin",
    // Chunk names carry content hashes: without this, chunks of earlier builds would pile up here.
    cleanDir: true,
    format: "cjs",
    entryFileNames: "[name].cjs",
    chunkFileNames: "[name]-[hash].cjs",
  },
});
