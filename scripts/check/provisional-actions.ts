/**
 * Provisional actions and lists: built on Altcraft methods whose parameters or response the documentation
 * does not fully show (scripts/api-methods.ts records which, and why). Users must know before they publish.
 */
import { apiMethod, provisionalReasons } from "../api-methods.js";
import type { Manifest } from "../model/manifest.js";
import type { RuleProblem } from "./problem.js";

export const API_METHODS_FILE = "scripts/api-methods.ts";

export function checkProvisionalActions(manifest: Manifest): RuleProblem[] {
  const entries: string[] = [];
  for (const action of manifest.actions) {
    if (!action.provisional) continue;
    const info = apiMethod(action.request.source.method);
    const reasons = info ? provisionalReasons(info, action.responseFields.length > 0) : ["its method is not registered"];
    entries.push(`action ${action.code} (${reasons.join("; ")})`);
  }
  for (const list of manifest.lists) {
    if (list.type !== "dynamic" || !list.provisional) continue;
    const info = apiMethod(list.request.source.method);
    const reasons = info ? provisionalReasons(info, true) : ["its method is not registered"];
    entries.push(`list ${list.code} (${reasons.join("; ")})`);
  }
  if (entries.length === 0) return [];
  return [
    {
      rule: "provisionalActions",
      place: { file: API_METHODS_FILE },
      message: `${entries.length} provisional action${entries.length === 1 ? "" : "s"} or list${entries.length === 1 ? "" : "s"}, built on thinly documented Altcraft methods (try them with \`call\` against a real account before publishing): ${entries.join(", ")}`,
    },
  ];
}
