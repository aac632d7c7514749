/**
 * json-schema-to-typescript's `compile`, loaded without Prettier. Its formatter requires `prettier` when
 * the library loads, and Prettier then starts importing its whole ESM bundle (~0.1 s of a cold build)
 * although we pass `format: false` and never call it. While json-schema-to-typescript loads, a stand-in
 * answers for `prettier`; it is removed again at once, so any later `require("prettier")` gets the real one.
 */
import { createRequire, Module } from "node:module";
import type * as JsonSchemaToTypeScript from "json-schema-to-typescript";

const requireHere = createRequire(import.meta.url);

export type Compile = typeof JsonSchemaToTypeScript.compile;

function prettierStandIn(path: string): Module {
  const standIn = new Module(path);
  standIn.filename = path;
  standIn.loaded = true;
  standIn.exports = {
    format(): never {
      throw new Error("Prettier is not loaded: json-schema-to-typescript is called with format: false");
    },
  };
  return standIn;
}

export function loadCompile(): Compile {
  const entry = requireHere.resolve("json-schema-to-typescript");
  const prettier = createRequire(entry).resolve("prettier");
  const cache = requireHere.cache;
  const standIn = cache[prettier] === undefined;
  if (standIn) cache[prettier] = prettierStandIn(prettier);
  try {
    return (requireHere(entry) as typeof JsonSchemaToTypeScript).compile;
  } finally {
    if (standIn) delete cache[prettier];
  }
}
