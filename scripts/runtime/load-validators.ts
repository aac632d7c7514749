/**
 * Load the precompiled validators of one event type on first use: `dist/generated/validators/<type>.cjs`,
 * written by the build. Loading is synchronous and per type, so validating one file compiles nothing
 * and reads only the modules of the types it contains.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join, sep } from "node:path";
import { CannotRunError } from "../errors.js";
import { packageRoot } from "../package-root.js";
import { FORMATS } from "./formats.js";
import type { AjvError } from "./messages.js";
import type { DeclaredNode } from "./undeclared.js";

export interface ValidateFunction {
  (data: unknown): boolean;
  errors?: AjvError[] | null;
}

export interface EventValidators {
  /** The schema as written. */
  tolerant: ValidateFunction;
  /** The keys the schema declares, for `--strict` (runtime/undeclared.ts). */
  declared: DeclaredNode;
}

type CreateValidators = (formats: typeof FORMATS) => EventValidators;

/** Where the build writes the validators: `dist/generated/validators/` of this package. */
export const VALIDATORS_DIR = `${join(packageRoot(), "dist", "generated", "validators")}${sep}`;

const requireModule = createRequire(import.meta.url);
const loaded = new Map<string, EventValidators>();

/** The validators of a registry event type (never pass a name taken from input unchecked: it is a path). */
export function validatorsFor(eventType: string): EventValidators {
  let validators = loaded.get(eventType);
  if (validators === undefined) {
    const path = `${VALIDATORS_DIR}${eventType}.cjs`;
    if (!existsSync(path)) {
      throw new CannotRunError(`the validators are not built (no ${path}); run \`npm run build\` first`);
    }
    validators = (requireModule(path) as CreateValidators)(FORMATS);
    loaded.set(eventType, validators);
  }
  return validators;
}
