/**
 * The one place that names every Altcraft REST API method the app's actions and lists call, and that
 * marks which facts about the API are our inference rather than Altcraft's documentation.
 *
 * Source: `reference/altcraft-api.md` (facts there are tagged [DOC] or [INF]; only about the first 2,000
 * characters of each documentation page could be read, so parameter tables, response examples and the
 * error-code table were often cut off). Each method has a request and a response schema,
 * `schemas/api/<id>.request.schema.json` and `schemas/api/<id>.response.schema.json`, and samples under
 * `schemas/api/samples/<id>/`. The schemas say what a field is; whether that is documented or inferred is
 * said here, so confirming a fact against a live account is a change to this file only (flip a flag,
 * drop a note).
 *
 * This module imports nothing from the rest of scripts/.
 */

/** What the app uses a method for: an Albato action, or a dynamic list shown in the connection. */
export type ApiMethodKind = "action" | "list";

export interface ApiMethodInfo {
  /** The path after `/api/v1.1/` with `/` replaced by `-`; names the schema files and the samples folder. */
  readonly id: string;
  /** The URL path on the Altcraft host, always called with POST and a JSON body. */
  readonly path: string;
  /**
   * The path as the documentation spells it, where that differs from `path` (a trailing slash). Whether
   * Altcraft treats both spellings alike is not documented.
   */
  readonly documentedPath?: string;
  readonly kind: ApiMethodKind;
  /** What the method does, in a few words. */
  readonly purpose: string;
  /** The documentation page the schemas are written from. */
  readonly docs: string;
  /**
   * False when the documented parameter list was cut off or the parameters are presumed, so the request
   * schema may miss parameters (it stays open, as every request schema does).
   */
  readonly requestComplete: boolean;
  /**
   * False when no response example or response field list is documented: the response schema is then the
   * envelope plus what we expect, and the sample response is ours, not Altcraft's.
   */
  readonly responseSeen: boolean;
  /** Every other fact the schemas assume without documentation, one sentence each. */
  readonly inferred: readonly string[];
}

const PREFIX = "/api/v1.1/";

const API_METHODS: readonly ApiMethodInfo[] = [
  // Profiles
  /**
   * Fully documented (parameters, matching modes, an example request and its response). What is ours:
   * the functional-update syntax for field values is not modelled.
   */
  {
    id: "profiles-import",
    path: `${PREFIX}profiles/import`,
    kind: "action",
    purpose: "Add a profile to a database, or update the one that matches.",
    docs: "https://guides.altcraft.com/en/developer-guide/profiles/import",
    requestComplete: true,
    responseSeen: true,
    inferred: [
      "Profile fields in data are typed by their plain values; the documented functional-update objects ({\"action\": \"set\", \"value\": …}) are not modelled and would fail validation.",
      "The types of _tz (string) and _sex (integer, meaning of the numbers unknown) are not documented beyond the field table.",
    ],
  },
  /**
   * The docs only name the method ("Update only", next to profiles/import); its parameters, response and
   * behaviour when nothing matches are not shown.
   */
  {
    id: "profiles-update",
    path: `${PREFIX}profiles/update`,
    kind: "action",
    purpose: "Update the profile that matches; never adds one.",
    docs: "https://docs.altcraft.com/display/UAD/Import+or+update+profile",
    requestComplete: false,
    responseSeen: false,
    inferred: [
      "The parameters are presumed to be those of profiles/import, matching modes included.",
      "The response is presumed to be that of profiles/import (profile_id on success).",
      "Whether no matching profile is an error, and with which code, is unknown.",
    ],
  },
  /**
   * Parameters and an example are documented; the response example was cut off after `_open_date` and
   * lists field names only.
   */
  {
    id: "profiles-get",
    path: `${PREFIX}profiles/get`,
    documentedPath: `${PREFIX}profiles/get/`,
    kind: "action",
    purpose: "Find a profile and return its fields.",
    docs: "https://guides.altcraft.com/en/developer-guide/profiles/2195482",
    requestComplete: true,
    responseSeen: true,
    inferred: [
      "The page does not say which matching modes it takes; the schema allows those of profiles/import.",
      "The types of the system fields in data (flags such as _deliv_exist as booleans, _lat/_lon as numbers, dates as strings) follow from their names; the example lists names only.",
      "The key that holds the profile's ID in data was not visible, so none is declared.",
    ],
  },
  /** Parameters, the narrower matching modes and the response example are documented. */
  {
    id: "profiles-delete",
    path: `${PREFIX}profiles/delete`,
    kind: "action",
    purpose: "Delete a profile with its event history and relations (needs a special token permission).",
    docs: "https://guides.altcraft.com/en/developer-guide/profiles/28936545",
    requestComplete: true,
    responseSeen: true,
    inferred: [],
  },
  // Subscriptions
  /** Parameters are documented; no response is shown. */
  {
    id: "subscriptions-set",
    path: `${PREFIX}subscriptions/set`,
    kind: "action",
    purpose: "Add a subscription to a profile, or change one (status, priority, fields, categories).",
    docs: "https://guides.altcraft.com/en/developer-guide/profiles/subscriptions/2195519",
    requestComplete: true,
    responseSeen: false,
    inferred: ["The response is presumed to be the bare envelope ({error, error_text})."],
  },
  // Static segments
  /** Parameters and the response are documented (one page for add and remove). */
  {
    id: "profiles-segstatic-add",
    path: `${PREFIX}profiles/segstatic/add`,
    kind: "action",
    purpose: "Add a profile to a static segment.",
    docs: "https://guides.altcraft.com/en/developer-guide/static-segments/9407390",
    requestComplete: true,
    responseSeen: true,
    inferred: [],
  },
  /** Parameters and the response are documented (one page for add and remove). */
  {
    id: "profiles-segstatic-remove",
    path: `${PREFIX}profiles/segstatic/remove`,
    kind: "action",
    purpose: "Remove a profile from a static segment.",
    docs: "https://guides.altcraft.com/en/developer-guide/static-segments/9407390",
    requestComplete: true,
    responseSeen: true,
    inferred: [],
  },
  // Trigger campaigns
  /**
   * Parameters are documented, but the EN and RU pages disagree on the type of `id`, and the response body
   * is not visible in any crawl.
   */
  {
    id: "campaigns-triggers-start",
    path: `${PREFIX}campaigns/triggers/start`,
    documentedPath: `${PREFIX}campaigns/triggers/start/`,
    kind: "action",
    purpose: "Launch a trigger campaign (an API-call trigger) for one profile.",
    docs: "https://guides.altcraft.com/en/developer-guide/campaigns/trigger-campaigns/2196177",
    requestComplete: true,
    responseSeen: false,
    inferred: [
      "id is a string in the EN table (example 5511) and an integer in the RU source; the schema takes both, and the app should send an integer.",
      "custom_request (a raw MongoDB query) is presumed to be a JSON object.",
      "The response is presumed to be the bare envelope; the batch variant returns result[], this one is not shown.",
    ],
  },
  /**
   * The visible parameter table has no `db_id` (the trigger campaign is bound to one database, which may
   * make it unnecessary); the response is not shown.
   */
  {
    id: "campaigns-triggers-import_and_start",
    path: `${PREFIX}campaigns/triggers/import_and_start`,
    kind: "action",
    purpose: "Add or update a profile, then launch a trigger campaign for it.",
    docs: "https://guides.altcraft.com/en/developer-guide/campaigns/trigger-campaigns/22708362",
    requestComplete: false,
    responseSeen: false,
    inferred: [
      "db_id is declared as optional; the visible table omits it.",
      "The response is presumed to be the envelope, possibly with profile_id as profiles/import returns.",
    ],
  },
  // Automation scenarios
  /** Parameters and an example request are documented; the response is not shown. */
  {
    id: "workflows-start",
    path: `${PREFIX}workflows/start`,
    kind: "action",
    purpose: "Engage a profile in an active automation scenario (at its Default start node).",
    docs: "https://guides.altcraft.com/en/developer-guide/automation-scenarios/2195668",
    requestComplete: true,
    responseSeen: false,
    inferred: [
      "custom_request (a raw MongoDB query) is presumed to be a JSON object.",
      "The response is presumed to be the bare envelope.",
    ],
  },
  // Promo codes
  /** Documented (EN and RU); the RU page adds the matching mode email_profile. */
  {
    id: "promocodes-attach",
    path: `${PREFIX}promocodes/attach`,
    kind: "action",
    purpose: "Attach a promo code of a loyalty program to a profile (a given code, or a free one).",
    docs: "https://guides.altcraft.com/en/developer-guide/promocodes/2195581",
    requestComplete: true,
    responseSeen: true,
    inferred: [
      "email_profile is accepted as a matching mode because the RU page lists it; the EN page does not.",
      "The error code for a code already attached with restricted multiple use is not shown.",
    ],
  },
  /** Parameters and the response (`data: null`) are documented. */
  {
    id: "promocodes-activate",
    path: `${PREFIX}promocodes/activate`,
    kind: "action",
    purpose: "Mark an attached promo code as used.",
    docs: "https://guides.altcraft.com/en/developer-guide/promocodes/2195577/",
    requestComplete: true,
    responseSeen: true,
    inferred: [],
  },
  /**
   * Parameters are documented, including that at least one of `activated` / `expire_date` is required;
   * the response is documented only as "all promo code methods return data, error, error_text".
   */
  {
    id: "promocodes-update",
    path: `${PREFIX}promocodes/update`,
    kind: "action",
    purpose: "Change a promo code's expiry date, or activate or deactivate it.",
    docs: "https://guides.altcraft.com/en/developer-guide/promocodes/2195579",
    requestComplete: true,
    responseSeen: false,
    inferred: ["data in the response is presumed to be null, as for attach and activate."],
  },
  /** Parameters and the response fields are documented. */
  {
    id: "promocodes-get",
    path: `${PREFIX}promocodes/get`,
    kind: "action",
    purpose: "Read a promo code: when it was created, attached, activated and when it expires.",
    docs: "https://guides.altcraft.com/en/developer-guide/promocodes/2195575",
    requestComplete: true,
    responseSeen: true,
    inferred: [
      "attached, activated and expired are presumed to be the dates (RFC 3339 or \"\") that go with the is_attached, is_activated and is_expired flags; the page says only that \"the dates\" are RFC 3339 or \"\".",
    ],
  },
  // Goals
  /** The parameter list was cut off after `externa…`; no response is shown. */
  {
    id: "goals-register",
    path: `${PREFIX}goals/register`,
    kind: "action",
    purpose: "Register a goal (a conversion with an optional value) of an AK-Pixel for a profile.",
    docs: "https://guides.altcraft.com/en/developer-guide/goals/2195843",
    requestComplete: false,
    responseSeen: false,
    inferred: [
      "Whether one of goal or goals is required is not said; the schema requires neither.",
      "The value types of pixel_data are presumed to be strings, numbers and booleans (the docs say only \"flat, no nested objects or arrays\").",
      "The response is presumed to be the bare envelope.",
    ],
  },
  // Lists
  /** Parameters and the item fields are documented (note the capitalised `Groups[{Id, Name}]`). */
  {
    id: "databases-list",
    path: `${PREFIX}databases/list`,
    documentedPath: `${PREFIX}databases/list/`,
    kind: "list",
    purpose: "List the profile databases the token can see.",
    docs: "https://guides.altcraft.com/en/developer-guide/databases/2195563",
    requestComplete: true,
    responseSeen: true,
    inferred: [],
  },
  /** Parameters and a response example are documented. */
  {
    id: "campaigns-triggers-list",
    path: `${PREFIX}campaigns/triggers/list`,
    documentedPath: `${PREFIX}campaigns/triggers/list/`,
    kind: "list",
    purpose: "List the trigger campaigns the token can see.",
    docs: "https://guides.altcraft.com/en/developer-guide/campaigns/trigger-campaigns/2195915",
    requestComplete: true,
    responseSeen: true,
    inferred: ["The element types of ui_tags, groups (names) and groups_id (IDs) are not given; strings, strings and integers are presumed."],
  },
  /** The paging parameters and the item keys `id` / `name` are documented, nothing more of the items. */
  {
    id: "resources-list",
    path: `${PREFIX}resources/list`,
    kind: "list",
    purpose: "List the resources (subscription sources) the token can see.",
    docs: "https://guides.altcraft.com/en/developer-guide/resources/2195587",
    requestComplete: true,
    responseSeen: true,
    inferred: [],
  },
  /** Parameters and the item fields are documented; the list has no static/dynamic flag. */
  {
    id: "segments-list",
    path: `${PREFIX}segments/list`,
    documentedPath: `${PREFIX}segments/list/`,
    kind: "list",
    purpose: "List the segments the token can see.",
    docs: "https://guides.altcraft.com/en/developer-guide/segments/2195600",
    requestComplete: true,
    responseSeen: true,
    inferred: ["The element types of ui_tags, groups (names) and groups_id (IDs) are not given; strings, strings and integers are presumed."],
  },
  /** Parameters are named, without types for `attributes`; no response is shown. */
  {
    id: "workflows-list",
    path: `${PREFIX}workflows/list`,
    kind: "list",
    purpose: "List the automation scenarios the token can see.",
    docs: "https://guides.altcraft.com/en/developer-guide/automation-scenarios/95715617",
    requestComplete: false,
    responseSeen: false,
    inferred: [
      "The type and meaning of the attributes parameter are not documented; the schema leaves it untyped.",
      "The element types of ui_tags, groups (names) and groups_id (IDs) are not given; strings, strings and integers are presumed.",
      "The items are presumed to carry id and name like the other lists.",
    ],
  },
];

/**
 * Where the API token goes. The body key `token` is the one placement every Altcraft version accepts
 * (legacy, v72, v74, v75) [DOC]; the header `Authorization: Bearer <token>` is documented only by the latest
 * docs; the URL query still works but is deprecated and insecure. Sending the body key is our choice [INF].
 */
export const TOKEN_PLACEMENT = {
  bodyKey: "token",
  header: { name: "Authorization", scheme: "Bearer", documentedFor: "the latest (v74/v75) documentation only" },
  queryDeprecated: true,
} as const;

/** The value of `error` on success, with `error_text` "Successful operation" (profiles/add answers ""). */
export const SUCCESS_CODE = 0;

/**
 * The error codes the documentation's table shows before it was cut off: 0, 400, 401, 402, 403 (the text of
 * 403 reads "No …" and stops). Other codes exist (a third-party tutorial met 440), so the table is partial
 * and a client must treat any non-zero `error` as a failure and show `error_text`. The wording of
 * `error_text` for an error is not documented: the sample error responses and the fake server in tests
 * use the table's meanings.
 */
export const DOCUMENTED_ERROR_CODES: readonly { readonly code: number; readonly meaning: string }[] = [
  { code: 0, meaning: "Successful operation" },
  { code: 400, meaning: "Incorrect request" },
  { code: 401, meaning: "API token required" },
  { code: 402, meaning: "Tariff limit reached" },
  { code: 403, meaning: "No … (the rest of the table was cut off)" },
];

/** False: codes beyond DOCUMENTED_ERROR_CODES exist and are unknown. */
export const ERROR_CODES_COMPLETE = false;

/**
 * The codes that mean a bad token, which Albato's Errors tab should map to InvalidCredential: 401 (token
 * required) from the table, and 403 read as "no access" from its cut-off text and from quick import's
 * "403 invalid API key" [INF]. Which code a wrong (rather than missing) token gets is not documented.
 */
export const INVALID_CREDENTIAL_CODES: readonly number[] = [401, 403];

/**
 * The HTTP status of an application error. The latest page says "Code 200 is the success status code in
 * HTTP transport. However, if th…" and is cut off; we read it as: application errors come back with HTTP
 * 200 and a non-zero `error`, so a client must test the body's `error`, not only the status [INF]. The one
 * documented exception, quick import (`/api/integrations/any/profile_import`), is not among our methods.
 */
export const APP_ERROR_HTTP_STATUS = 200;

/**
 * List paging: `from_id` defaults to 1 and `limit` to 1000 [DOC]. That `from_id` is the first item ID to
 * return (inclusive), that `next_from_id` is the ID to pass as `from_id` for the next page, and that it is
 * absent on the last page (the documented trigger-list example has none) are inferred.
 */
export const LIST_PAGING = {
  /** The request parameter that says where a page starts, and the response key that gives the next page's start. */
  cursorParameter: "from_id",
  nextCursorKey: "next_from_id",
  fromIdDefault: 1,
  limitDefault: 1000,
  fromIdInclusive: true,
  nextFromIdOnLastPage: false,
} as const;

/**
 * Why an action or a list built on a method is provisional (empty when it is not): its request cannot be
 * trusted when the documented parameters were cut off or presumed, and what it reads from the response
 * cannot be when no response is documented. An action that reads nothing but the envelope does not
 * depend on the response body.
 */
export function provisionalReasons(info: ApiMethodInfo, readsResponse: boolean): string[] {
  const reasons: string[] = [];
  if (!info.requestComplete) reasons.push(`the parameters of ${info.id} are not fully documented`);
  if (readsResponse && !info.responseSeen) reasons.push(`no response of ${info.id} is documented`);
  return reasons;
}

const byId = new Map(API_METHODS.map((info) => [info.id, info]));

/** The registry entry of a method ID, or undefined for a method the app does not call. */
export function apiMethod(id: string): ApiMethodInfo | undefined {
  return byId.get(id);
}

/** Every method the app calls, actions first, in a stable order. */
export function apiMethods(): readonly ApiMethodInfo[] {
  return API_METHODS;
}
