/**
 * The diff as a release reviewer reads it: breaking changes first, each section grouped by entity (the
 * app, then each list, trigger and action by code and English name), every change with what it means
 * for existing automations, then a summary.
 */
import type { Manifest } from "../model/manifest.js";
import type { Change } from "../derive/changes/change.js";
import { changeEntity, type DiffReport } from "../derive/changes/classify.js";
import { bumpVersion, compareVersions, formatVersion, parseVersion } from "../derive/changes/semver.js";

function heading(change: Change, names: Map<string, string>): string {
  const [kind, code] =
    change.list !== undefined ? ["List", change.list] : change.trigger !== undefined ? ["Trigger", change.trigger] : change.action !== undefined ? ["Action", change.action] : [undefined, undefined];
  if (kind === undefined || code === undefined) return "App and connection";
  const name = names.get(`${kind} ${code}`);
  return name === undefined ? `${kind} ${code}` : `${kind} ${code} — ${name}`;
}

function section(title: string, marker: string, changes: Change[], names: Map<string, string>): string[] {
  if (changes.length === 0) return [];
  const lines = [`${title} (${changes.length})`];
  let current: string | null = null;
  for (const change of changes) {
    if (changeEntity(change) !== current) {
      current = changeEntity(change);
      lines.push(`  ${heading(change, names)}`);
    }
    lines.push(`    ${marker} [${change.class}] ${change.message}`);
    lines.push(`      → ${change.impact}`);
  }
  lines.push("");
  return lines;
}

/** English names of triggers, actions and lists, the new side's winning, so removed ones keep theirs. */
function entityNames(before: Manifest, after: Manifest): Map<string, string> {
  return new Map([
    ...[...before.lists, ...after.lists].map((list) => [`List ${list.code}`, list.names.en] as const),
    ...[...before.triggers, ...after.triggers].map((trigger) => [`Trigger ${trigger.code}`, trigger.names.en] as const),
    ...[...before.actions, ...after.actions].map((action) => [`Action ${action.code}`, action.names.en] as const),
  ]);
}

export function renderDiffText(report: DiffReport, before: Manifest, after: Manifest): string {
  const names = entityNames(before, after);
  const lines = [`Comparing ${report.old.version} (${report.old.source}) → ${report.new.version} (${report.new.source})`, ""];
  lines.push(...section("BREAKING", "✗", report.breaking, names));
  lines.push(...section("Safe", "✓", report.safe, names));
  for (const note of report.notes) lines.push(`Note: ${note}`);
  if (report.notes.length > 0) lines.push("");
  const oldVersion = parseVersion(report.old.version, { file: report.old.source, pointer: "/app/version" });
  const minimumVersion = bumpVersion(oldVersion, report.recommendedBump);
  const minimum = formatVersion(minimumVersion);
  const newVersion = parseVersion(report.new.version, { file: report.new.source, pointer: "/app/version" });
  const tooSmall = compareVersions({ ...newVersion, prerelease: "" }, minimumVersion) < 0 ? ": too small" : "";
  const total = report.breaking.length + report.safe.length;
  lines.push(
    total === 0
      ? "No changes for Albato users."
      : `${report.breaking.length} breaking, ${report.safe.length} safe; recommended bump: ${report.recommendedBump} ` +
          `(${report.old.version} → at least ${minimum}, new side says ${report.new.version}${tooSmall}).`,
  );
  return `${lines.join("\n")}\n`;
}
