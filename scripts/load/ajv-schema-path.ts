/**
 * Where the errors of a separately compiled schema say they come from. ajv starts the schema paths of a
 * schema reached through a `$ref` it does not inline at "#", unless that schema's entry says where it
 * sits (ajv 8 reads `schemaPath` of the entry when it compiles it; the version is pinned, and tests
 * compare the errors with those of inlined schemas). Used to compile shared parts once without errors
 * losing their place.
 */
import type AjvModule from "ajv";

type Ajv = InstanceType<typeof AjvModule.default>;

/** Give the errors of the schema added under `key` the schema path prefix `schemaPath`. */
export function setErrorSchemaPath(ajv: Ajv, key: string, schemaPath: string): void {
  const entry = ajv.schemas[key] as { schemaPath?: string } | undefined;
  if (entry === undefined) throw new Error(`ajv has no schema under ${key}`);
  entry.schemaPath = schemaPath;
}
