/**
 * The release gate behind `build --baseline <old>`: refuse a version number smaller than the changes
 * since the baseline call for (e.g. 1.4.2 → 1.5.0 when a field was removed; it must be ≥ 2.0.0).
 */
import { diffSides, type DiffReport } from "../derive/changes/classify.js";
import { bumpVersion, compareVersions, formatVersion, parseVersion, type RecommendedBump } from "../derive/changes/semver.js";
import type { Side } from "../load/release/side.js";
import type { Manifest } from "../model/manifest.js";

export interface VersionBumpCheck {
  ok: boolean;
  recommendedBump: RecommendedBump;
  oldVersion: string;
  newVersion: string;
  /** The smallest version the new side may carry. */
  minimumVersion: string;
  /** One line for the user: why it is refused, or that it is fine. */
  message: string;
  report: DiffReport;
}

function asSide(input: Side | Manifest, label: string): Side {
  return "manifest" in input ? input : { label, kind: "memory", manifest: input, documents: new Map(), samples: new Map() };
}

/**
 * Sides carry schemas and samples when available (a package, or the build's in-memory model); a bare
 * manifest is enough for every rule except the payload one.
 */
export function checkVersionBump(baseline: Side | Manifest, next: Side | Manifest, changes?: DiffReport): VersionBumpCheck {
  const before = asSide(baseline, "baseline");
  const after = asSide(next, "new build");
  const report = changes ?? diffSides(before, after);
  const oldVersion = parseVersion(before.manifest.app.version, { file: before.label, pointer: "/app/version" });
  const newVersion = parseVersion(after.manifest.app.version, { file: after.label, pointer: "/app/version" });
  const minimum = bumpVersion(oldVersion, report.recommendedBump);
  // A prerelease of the minimum (2.0.0-rc.1 for a required 2.0.0) is accepted: it leads to that release.
  const candidate = { ...newVersion, prerelease: "" };
  const ok = compareVersions(candidate, minimum) >= 0 && compareVersions(newVersion, oldVersion) >= 0;
  const counts = `${report.breaking.length} breaking, ${report.safe.length} safe change(s)`;
  const need =
    report.recommendedBump === "none" ? "nothing changed, so it must not go below it" : `${counts} since ${formatVersion(oldVersion)} need a ${report.recommendedBump} bump`;
  const message = ok
    ? `version ${formatVersion(newVersion)} fits the changes since ${formatVersion(oldVersion)} (${counts}; ${report.recommendedBump} bump)`
    : `version ${formatVersion(newVersion)} is too small: ${need}, ` +
      `so at least ${formatVersion(minimum)}; set it in connector/app.yaml (run diff for the list)`;
  return {
    ok,
    recommendedBump: report.recommendedBump,
    oldVersion: before.manifest.app.version,
    newVersion: after.manifest.app.version,
    minimumVersion: formatVersion(minimum),
    message,
    report,
  };
}
