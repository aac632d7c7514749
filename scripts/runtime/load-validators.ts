/**
 * The precompiled validators, `dist/generated/validators.cjs` (written by `npm run build`'s generate
 * step from schemas/, with the one ajv setup): loaded once, on first use, synchronously, so validating a
 * file compiles nothing.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
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
  /** The event type's schema as written. */
  validate: ValidateFunction;
  /** The keys the schema declares, for `--strict` (runtime/undeclared.ts). */
  declared: DeclaredNode;
}

/** What the generated module's factory returns: both keyed by event type. */
export interface ValidatorsModule {
  validators: Record<string, ValidateFunction>;
  declared: Record<string, DeclaredNode>;
}

export type CreateValidators = (formats: typeof FORMATS) => ValidatorsModule;

/** Where the generate step writes the validators, relative to the package root. */
export const VALIDATORS_FILE = "dist/generated/validators.cjs";

const requireModule = createRequire(import.meta.url);
let loaded: ValidatorsModule | undefined;
const byType = new Map<string, EventValidators | undefined>();

function validatorsModule(): ValidatorsModule {
  if (loaded === undefined) {
    const path = join(packageRoot(), VALIDATORS_FILE);
    if (!existsSync(path)) throw new CannotRunError(`the validators are not built (no ${path}); run \`npm run build\` first`);
    loaded = (requireModule(path) as CreateValidators)(FORMATS);
  }
  return loaded;
}

/** Load the validators now rather than on the first event (a worker thread does, while it waits for work). */
export function loadValidators(): void {
  validatorsModule();
}

/** The validators of an event type, or undefined for a type the schemas do not have. */
export function validatorsFor(eventType: string): EventValidators | undefined {
  if (!byType.has(eventType)) {
    const module = validatorsModule();
    const known = Object.prototype.hasOwnProperty.call(module.validators, eventType);
    byType.set(eventType, known ? { validate: module.validators[eventType]!, declared: module.declared[eventType] ?? 0 } : undefined);
  }
  return byType.get(eventType);
}
