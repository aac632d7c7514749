import { formatPlace, formatProblem } from "../errors.js";
import { MISSING_TYPE } from "../listen/body.js";
import { EVENT_TYPES, provisionalEventTypes } from "../event-types.js";
import { closestName } from "../runtime/suggest.js";
import type { InferResult, TypeAnalysis } from "./analyse.js";
import { CONFLICT_KINDS, type Finding } from "./compare.js";

const MAX_SKIPPED_SHOWN = 5;
const MAX_PROBLEMS_SHOWN = 20;

/** The readable report of `infer`. */
export function formatInferReport(result: InferResult, written: readonly string[]): string[] {
  const lines: string[] = [];
  const files = `${result.files.length} file${result.files.length === 1 ? "" : "s"}`;
  lines.push(`Read ${result.events} event${result.events === 1 ? "" : "s"} from ${files}.`);
  if (result.skipped.length > 0) {
    lines.push(`Skipped ${result.skipped.length} input${result.skipped.length === 1 ? "" : "s"} without events:`);
    for (const skip of result.skipped.slice(0, MAX_SKIPPED_SHOWN)) lines.push(`  ${formatPlace(skip.place)}: ${skip.reason}`);
    if (result.skipped.length > MAX_SKIPPED_SHOWN) lines.push(`  … and ${result.skipped.length - MAX_SKIPPED_SHOWN} more`);
  }
  if (result.problems.length > 0) {
    lines.push(`${result.problems.length} problem${result.problems.length === 1 ? "" : "s"} in the input (passed over; the rest was read):`);
    for (const problem of result.problems.slice(0, MAX_PROBLEMS_SHOWN)) lines.push(`  ${formatProblem(problem)}`);
    if (result.problems.length > MAX_PROBLEMS_SHOWN) lines.push(`  … and ${result.problems.length - MAX_PROBLEMS_SHOWN} more (--json lists them all)`);
  }
  for (const type of result.types) lines.push("", ...formatType(type));
  lines.push("");
  lines.push(
    result.conflicts === 0
      ? "No conflicts: every event seen fits its schema's types, formats, values and required fields."
      : `${result.conflicts} conflict${result.conflicts === 1 ? "" : "s"}: events seen that the current schemas would reject (see above).`,
  );
  for (const file of written) lines.push(`Wrote ${file}`);
  return lines;
}

function formatType(type: TypeAnalysis): string[] {
  const count = `${type.events} event${type.events === 1 ? "" : "s"}`;
  if (type.eventType === MISSING_TYPE) {
    return [
      `${count} without an event_type (or with one that is not a non-empty string): no schema to compare them with`,
      "  every Altcraft event names its type; look at these in the capture (the draft, --write, shows their shape)",
    ];
  }
  if (type.standing === "unknown" && type.schemaFile === undefined) {
    const hint = closestName(type.eventType, EVENT_TYPES.map((info) => info.type));
    const provisional = provisionalEventTypes();
    return [
      `${type.eventType}: ${count}, UNKNOWN type: not in scripts/event-types.ts${hint !== undefined ? ` (did you mean "${hint}"?)` : ""}`,
      ...(provisional.length > 0
        ? [
            `  if it is the real wire name of a provisional type (${provisional.join(", ")}), check it with`,
            `  --event-type ${type.eventType} --schema <that type>, then rename that type (registry, schema, samples)`,
          ]
        : []),
      "  otherwise a real Altcraft type needs an entry there and a schema; the draft (--write) is a start",
    ];
  }
  const lines = [
    type.standing === "unknown"
      ? `${type.eventType}: ${count}, UNKNOWN type, compared with ${type.schemaFile}`
      : type.standing === "provisional"
      ? `${type.eventType}: ${count}, PROVISIONAL type — evidence for confirming \`${type.eventType}\`: ${count} seen`
      : `${type.eventType}: ${count}`,
  ];
  const conflicts = type.findings.filter((finding) => CONFLICT_KINDS.has(finding.kind));
  const undeclared = type.findings.filter((finding) => finding.kind === "undeclared");
  const unseen = type.findings.filter((finding) => finding.kind === "unseen");
  lines.push(
    conflicts.length === 0
      ? `  no conflicts with ${type.schemaFile}`
      : `  ${conflicts.length} conflict${conflicts.length === 1 ? "" : "s"} with ${type.schemaFile}:`,
  );
  for (const finding of conflicts) lines.push(`    ${showPath(finding)} [${finding.kind}] ${finding.message}`);
  if (undeclared.length > 0) {
    lines.push(`  ${undeclared.length} field${undeclared.length === 1 ? "" : "s"} seen but not declared:`);
    for (const finding of undeclared) lines.push(`    ${showPath(finding)} ${finding.message}`);
  }
  if (unseen.length > 0) {
    lines.push(`  ${unseen.length} declared field${unseen.length === 1 ? "" : "s"} never seen: ${unseen.map(showPath).join(", ")}`);
  }
  if (type.standing === "provisional" && conflicts.length === 0) {
    lines.push(`  to confirm: set confirmed: true for "${type.eventType}" in scripts/event-types.ts, then build and diff`);
  }
  return lines;
}

function showPath(finding: Finding): string {
  return finding.path === "" ? "(event)" : finding.path;
}
