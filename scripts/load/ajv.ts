/**
 * ajv's classes as this toolchain uses them. ajv is CommonJS with a `default` export; under nodenext the
 * default import is `module.exports`, so each piece is unwrapped here, once.
 */
import AjvModule from "ajv";
import Ajv2020Module from "ajv/dist/2020.js";
import standaloneModule from "ajv/dist/standalone/index.js";

export const Ajv2020 = Ajv2020Module.default;
export const standaloneCode = standaloneModule.default;
export type Ajv = InstanceType<typeof AjvModule.default>;
