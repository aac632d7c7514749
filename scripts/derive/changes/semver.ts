/** Just enough semver for release checks: parse, compare, bump, and the bump a set of changes needs. */
import { CannotRunError, type Place } from "../../errors.js";
import { CHANGE_CLASSES, type Bump, type Change } from "./change.js";

export type RecommendedBump = Bump | "none";

export interface Version {
  major: number;
  minor: number;
  patch: number;
  prerelease: string;
}

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

export function parseVersion(text: string, place: Place): Version {
  const match = SEMVER.exec(text);
  if (!match) throw new CannotRunError(`version ${JSON.stringify(text)} is not semver (MAJOR.MINOR.PATCH)`, place);
  return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]), prerelease: match[4] ?? "" };
}

/** Compares the release numbers; a prerelease sorts before its release (2.0.0-rc.1 < 2.0.0). */
export function compareVersions(a: Version, b: Version): number {
  const core = a.major - b.major || a.minor - b.minor || a.patch - b.patch;
  if (core !== 0) return Math.sign(core);
  if (a.prerelease === b.prerelease) return 0;
  if (a.prerelease === "") return 1;
  if (b.prerelease === "") return -1;
  return a.prerelease < b.prerelease ? -1 : 1;
}

export function formatVersion(version: Version): string {
  return `${version.major}.${version.minor}.${version.patch}${version.prerelease ? `-${version.prerelease}` : ""}`;
}

/** The smallest release that carries a bump of this kind after `version`. */
export function bumpVersion(version: Version, bump: RecommendedBump): Version {
  switch (bump) {
    case "major":
      return { major: version.major + 1, minor: 0, patch: 0, prerelease: "" };
    case "minor":
      return { major: version.major, minor: version.minor + 1, patch: 0, prerelease: "" };
    case "patch":
      return { major: version.major, minor: version.minor, patch: version.patch + 1, prerelease: "" };
    case "none":
      return version;
  }
}

const RANK: Record<RecommendedBump, number> = { none: 0, patch: 1, minor: 2, major: 3 };

/**
 * The bump the changes call for: the largest any change needs. Before 1.0.0 semver lets anything change
 * in a minor release, so a breaking change of a 0.x app needs only a minor bump.
 */
export function recommendBump(changes: readonly Change[], oldVersion: Version): RecommendedBump {
  let bump: RecommendedBump = "none";
  for (const change of changes) {
    const needed = CHANGE_CLASSES[change.class].bump;
    if (RANK[needed] > RANK[bump]) bump = needed;
  }
  return bump === "major" && oldVersion.major === 0 ? "minor" : bump;
}
