/**
 * What goes into the package, as a list of parts. To ship another generated file, add a part here, or
 * pass its entries as `extra`.
 */
import type { ZipEntry } from "../write/zip.js";
import { MANIFEST_ENTRY } from "../write/package.js";
import { PACKAGE_LOGO } from "../derive/manifest.js";

export interface PackageContext {
  manifestText: string;
  /** Setup guides by file name (SETUP.en.md …). */
  guides: ReadonlyMap<string, string>;
  /** The preview page and the AsyncAPI document by file name. */
  reviews: ReadonlyMap<string, string>;
  /** The build's input files by repo-relative path (schemas/** among them). */
  inputs: ReadonlyMap<string, Buffer>;
  logo: Buffer;
  /** Entries other generators contribute. */
  extra: readonly ZipEntry[];
}

export type PackagePart = (context: PackageContext) => ZipEntry[];

const manifestPart: PackagePart = ({ manifestText }) => [{ name: MANIFEST_ENTRY, data: Buffer.from(manifestText) }];

const guidesPart: PackagePart = ({ guides }) => [...guides].map(([name, text]) => ({ name, data: Buffer.from(text) }));

const reviewsPart: PackagePart = ({ reviews }) => [...reviews].map(([name, text]) => ({ name, data: Buffer.from(text) }));

/** Event schemas, shared parts, manifest schemas and samples, as in the repo. */
const schemasPart: PackagePart = ({ inputs }) =>
  [...inputs].filter(([path]) => path.startsWith("schemas/")).map(([name, data]) => ({ name, data }));

const logoPart: PackagePart = ({ logo }) => [{ name: PACKAGE_LOGO, data: logo }];

const extraPart: PackagePart = ({ extra }) => [...extra];

export const PACKAGE_PARTS: readonly PackagePart[] = [manifestPart, guidesPart, reviewsPart, schemasPart, logoPart, extraPart];

export function packageParts(context: PackageContext): ZipEntry[] {
  return PACKAGE_PARTS.flatMap((part) => part(context));
}
