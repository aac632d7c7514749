/**
 * A classified change, judged from the Albato user's side. Each class has one rule function under
 * `rules/`, a fixed severity, the semver bump it calls for, and what it means for existing automations
 * (Albato replaces a changed entity inside existing automations; a deleted one keeps working where it is
 * already used but can no longer be picked).
 */
export type Severity = "breaking" | "safe";
export type Bump = "major" | "minor" | "patch";

export const CHANGE_CLASSES = {
  // Breaking: existing automations stop working or silently change behaviour.
  "trigger-removed": { severity: "breaking", bump: "major" },
  "event-type-changed": { severity: "breaking", bump: "major" },
  "filter-changed": { severity: "breaking", bump: "major" },
  "response-changed": { severity: "breaking", bump: "major" },
  "field-removed": { severity: "breaking", bump: "major" },
  "field-code-changed": { severity: "breaking", bump: "major" },
  "field-path-changed": { severity: "breaking", bump: "major" },
  "field-type-changed": { severity: "breaking", bump: "major" },
  "payload-rejected": { severity: "breaking", bump: "major" },
  "connection-field-removed": { severity: "breaking", bump: "major" },
  "connection-field-changed": { severity: "breaking", bump: "major" },
  "authorization-changed": { severity: "breaking", bump: "major" },
  "list-removed": { severity: "breaking", bump: "major" },
  "list-changed": { severity: "breaking", bump: "major" },
  "action-removed": { severity: "breaking", bump: "major" },
  "action-request-changed": { severity: "breaking", bump: "major" },
  "action-response-changed": { severity: "breaking", bump: "major" },
  "action-field-removed": { severity: "breaking", bump: "major" },
  "action-field-required": { severity: "breaking", bump: "major" },
  "action-field-code-changed": { severity: "breaking", bump: "major" },
  "action-field-type-changed": { severity: "breaking", bump: "major" },
  "action-field-list-changed": { severity: "breaking", bump: "major" },
  // Safe additions: new things to pick or map; nothing existing changes.
  "trigger-added": { severity: "safe", bump: "minor" },
  "field-added": { severity: "safe", bump: "minor" },
  "field-type-widened": { severity: "safe", bump: "minor" },
  "connection-field-added": { severity: "safe", bump: "minor" },
  "authorization-field-added": { severity: "safe", bump: "minor" },
  "list-added": { severity: "safe", bump: "minor" },
  "list-items-added": { severity: "safe", bump: "minor" },
  "action-added": { severity: "safe", bump: "minor" },
  "action-field-added": { severity: "safe", bump: "minor" },
  // Safe, text or presentation only.
  "trigger-label-changed": { severity: "safe", bump: "patch" },
  "field-label-changed": { severity: "safe", bump: "patch" },
  "fields-reordered": { severity: "safe", bump: "patch" },
  "app-label-changed": { severity: "safe", bump: "patch" },
  "group-changed": { severity: "safe", bump: "patch" },
  "event-type-confirmed": { severity: "safe", bump: "patch" },
  "list-label-changed": { severity: "safe", bump: "patch" },
  "action-label-changed": { severity: "safe", bump: "patch" },
} as const satisfies Record<string, { severity: Severity; bump: Bump }>;

export type ChangeClass = keyof typeof CHANGE_CLASSES;

export interface Change {
  class: ChangeClass;
  /** Trigger code, when the change concerns one trigger. */
  trigger?: string;
  /** Action code, when the change concerns one action. */
  action?: string;
  /** List code, when the change concerns one list. */
  list?: string;
  /** The field concerned: a trigger field's path (`data.event_data.link_url`), an action field's code. */
  field?: string;
  /** Connection field code, when the change concerns one connection field. */
  connection?: string;
  /** What changed, with the old and new values. */
  message: string;
  /** What it means for existing automations. */
  impact: string;
}

export function severityOf(change: Change): Severity {
  return CHANGE_CLASSES[change.class].severity;
}
