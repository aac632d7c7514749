/**
 * The one place that says how Albato is taken to run a request widget, where `call` and the build's
 * request check must act as Albato would: what is documented (help.albato.com, `reference/
 * albato-app-integrator.md`) and what is our inference, so that confirming a behaviour in the App
 * Integrator's test run is a change to this file only.
 *
 * This module imports nothing from the rest of scripts/.
 */

export interface Behaviour<T> {
  readonly value: T;
  /** False when the App Integrator's documentation does not say so and the value is our reading. */
  readonly documented: boolean;
  readonly note: string;
}

/** Albato gives up on an outgoing request after 10 seconds ("Request for {{ URL }} timed out") [DOC]. */
export const REQUEST_TIMEOUT_MS: Behaviour<number> = {
  value: 10_000,
  documented: true,
  note: "Albato's outgoing requests time out after 10 s (help.albato.com, error handling).",
};

/**
 * A Parameters row whose value is empty (an optional field left blank) is left out of the body [INF]: the
 * documentation does not say, and sending `""` would break typed keys such as db_id.
 */
export const EMPTY_ROWS_OMITTED: Behaviour<boolean> = {
  value: true,
  documented: false,
  note: "A row whose field is left empty is not sent.",
};

/**
 * An array field takes comma-separated input and Albato sends a JSON array [DOC for array fields]; that a
 * row of an Array type does the same to a single value mapped into it (a phone into data.phones) is [INF].
 */
export const ARRAY_SEPARATOR: Behaviour<string> = {
  value: ",",
  documented: false,
  note: "An Array row splits its value at commas (elements trimmed, empty ones dropped).",
};

/** Boolean fields are a Yes/No list [DOC]; the words a value may be written with in `call` are ours. */
export const BOOLEAN_WORDS: Behaviour<{ readonly true: readonly string[]; readonly false: readonly string[] }> = {
  value: { true: ["true", "yes", "1"], false: ["false", "no", "0"] },
  documented: false,
  note: "Boolean values are sent as JSON true/false.",
};

/** How a DateTime value is sent is not documented [INF]: as RFC 3339 in UTC, what Altcraft takes. */
export const DATE_TIME_SENT_AS: Behaviour<"RFC3339-UTC"> = {
  value: "RFC3339-UTC",
  documented: false,
  note: "A DateTime value is sent as an RFC 3339 date and time in UTC (2024-08-31T20:59:59Z).",
};

/**
 * A response whose HTTP status is not 2xx fails the run whatever the Errors tab says [INF]; the Errors tab
 * is documented only as conditions on `data.` and `headers.` variables.
 */
export const NON_2XX_FAILS: Behaviour<boolean> = {
  value: true,
  documented: false,
  note: "A non-2xx HTTP status fails the run before the Errors tab is read.",
};

/** An error-rule condition on a variable the response lacks compares the empty text [INF]. */
export const ABSENT_VARIABLE_TEXT: Behaviour<string> = {
  value: "",
  documented: false,
  note: "A variable missing from the response reads as empty text in error conditions.",
};

/** Every behaviour above, for reports. */
export const ALBATO_BEHAVIOURS = {
  REQUEST_TIMEOUT_MS,
  EMPTY_ROWS_OMITTED,
  ARRAY_SEPARATOR,
  BOOLEAN_WORDS,
  DATE_TIME_SENT_AS,
  NON_2XX_FAILS,
  ABSENT_VARIABLE_TEXT,
} as const;
