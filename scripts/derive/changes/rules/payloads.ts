/** The payload rule: a sample the old side accepted that the new side's schema rejects. */
import type { Change } from "../change.js";
import type { SideValidator } from "../sample-validator.js";
import type { Side } from "../../../load/release/side.js";
import { quote } from "./text.js";

const SHOWN_PROBLEMS = 3;

export function payloadRejected(before: Side, after: Side, validators: { before: SideValidator; after: SideValidator }): Change[] {
  const changes: Change[] = [];
  for (const [eventType, samples] of before.samples) {
    if (!validators.after.has(eventType)) continue; // the event type is gone: reported as a removed trigger
    const trigger =
      after.manifest.triggers.find((candidate) => candidate.eventType === eventType) ??
      before.manifest.triggers.find((candidate) => candidate.eventType === eventType);
    for (const sample of samples) {
      if (!validators.before.check(eventType, sample.data).accepted) continue; // never accepted: not a regression
      const verdict = validators.after.check(eventType, sample.data);
      if (verdict.accepted) continue;
      const shown = verdict.problems
        .slice(0, SHOWN_PROBLEMS)
        .map((problem) => `${problem.pointer || "(root)"} ${problem.message} (${problem.keyword})`);
      const more = verdict.problems.length - shown.length;
      changes.push({
        class: "payload-rejected",
        ...(trigger ? { trigger: trigger.code } : {}),
        message:
          `sample ${sample.file} (accepted before) is rejected by the new ${quote(eventType)} schema: ` +
          shown.join("; ") +
          (more > 0 ? `; and ${more} more` : ""),
        impact:
          "Requests shaped like this, which Altcraft sends today, no longer match the event description: fields " +
          "built on that part may come out empty or mistyped, and `validate` and the shipped validators reject them.",
      });
    }
  }
  return changes;
}
