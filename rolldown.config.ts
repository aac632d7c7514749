/**
 * The installed CLI is one bundle of the compiled toolchain (dist/scripts → dist/bin): one module to load
 * instead of thirty small ones is what gets `validate` of one file started within 1.5× of `node -e 0`.
 * Commands stay in their own chunks (loaded on use). npm dependencies are bundled too: resolving and
 * loading ajv's and yaml's hundred small CommonJS files was ~90 ms of every cold build.
 * The bundle is CommonJS (`.cjs`, the package being ESM): Node 20 starts it ~30 ms sooner than the same
 * code as ES modules, which cannot load without its asynchronous module loader.
 */
import { defineConfig } from "rolldown";

export default defineConfig({
  input: { "altcraft-albato": "dist/scripts/cli.js" },
  platform: "node",
  // json-schema-to-typescript stays a package of its own: ts-compiler.ts loads it through `require`
  // with a stand-in for Prettier, and a build that finds its committed types current never loads it.
  external: (id) => /^json-schema-to-typescript(\/|$)/.test(id),
  output: {
    dir: "dist/bin",
    // Chunk names carry content hashes: without this, chunks of earlier builds would pile up here.
    cleanDir: true,
    format: "cjs",
    entryFileNames: "[name].cjs",
    chunkFileNames: "[name]-[hash].cjs",
  },
});
