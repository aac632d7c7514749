/**
 * The JSON Schema 2020-12 meta-schema check of a schema, as ajv's `addSchema` does it, from one shared ajv
 * instance. Compiling the meta-schema is a third of compiling all our event schemas; a build has two
 * ajv instances (event validators, manifest check), so they turn off their own check
 * (`validateSchema: false`) and call this one after each `addSchema`.
 */
import Ajv2020Module from "ajv/dist/2020.js";

// ajv is CommonJS with a `default` export; under nodenext the default import is `module.exports`.
const Ajv2020 = Ajv2020Module.default;

let checker: InstanceType<typeof Ajv2020> | undefined;

/** Throws ajv's own error ("schema is invalid: data/type must be …") when `schema` breaks the meta-schema. */
export function assertValidSchema(schema: object): void {
  checker ??= new Ajv2020({ allErrors: true });
  checker.validateSchema(schema, true);
}
