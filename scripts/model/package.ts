/** The package's conventions: its file name and the names of its fixed entries. */

export const MANIFEST_ENTRY = "manifest.json";
export const CHECKSUMS_ENTRY = "SHA256SUMS";
/** The logo's name inside the package. */
export const PACKAGE_LOGO = "logo.svg";

export function packageFileName(version: string): string {
  return `altcraft-albato-${version}.zip`;
}
