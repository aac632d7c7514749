/**
 * An AsyncAPI 3.0 document of the Altcraft action hooks, from the same manifest, schemas and samples as
 * the Albato app: one channel (the hook URL), one `receive` operation (Altcraft posts, the receiver
 * receives), one message per event type whose payload is the bundled event schema, and the batch message
 * Altcraft really sends (a JSON array of those events). Examples come from the samples. Deterministic.
 */
import type { JsonSchema } from "../load/json-schema.js";
import type { Manifest, ManifestTrigger } from "../model/manifest.js";

export interface AsyncApiInput {
  manifest: Manifest;
  /** Per event type, the resolved schema (every `$ref` inlined), as `loadSchemas` gives it in `events.get(t).resolved`. */
  eventSchemas: ReadonlyMap<string, JsonSchema>;
  /** Samples by event type (one event object each), in the order examples should appear. */
  samples: ReadonlyMap<string, readonly { name: string; data: unknown }[]>;
}

export type AsyncApiDocument = Record<string, unknown>;

export const CHANNEL_ID = "actionHook";
export const OPERATION_ID = "receiveActionHooks";
export const BATCH_MESSAGE_ID = "batch";

/** Message and schema ids are the wire names (`click`, `send_push`), safe as component keys. */
function componentKey(eventType: string): string {
  return eventType.replace(/[^A-Za-z0-9_.-]/g, "_");
}

const PROVISIONAL_NOTE =
  "Provisional: Altcraft's documentation does not show this event type's name; it is inferred and may change " +
  "once a captured request confirms it.";

function eventMessage(trigger: ManifestTrigger, samples: readonly { name: string; data: unknown }[]): Record<string, unknown> {
  const description = [
    trigger.descriptions.en,
    `One item of the batch Altcraft posts, with \`event_type\` = \`${trigger.eventType}\`. On Albato: trigger ` +
      `"${trigger.names.en}" (${trigger.code}).`,
    ...(trigger.eventTypeConfirmed ? [] : [PROVISIONAL_NOTE]),
  ].join("\n\n");
  return {
    name: trigger.eventType,
    title: trigger.names.en,
    summary: trigger.descriptions.en,
    description,
    contentType: "application/json",
    tags: [{ name: trigger.group }, ...(trigger.eventTypeConfirmed ? [] : [{ name: "provisional" }])],
    payload: { $ref: `#/components/schemas/${componentKey(trigger.eventType)}` },
    examples: samples.map((sample) => ({ name: sample.name, summary: `${trigger.names.en}: ${sample.name} sample`, payload: sample.data })),
    "x-albato-trigger": trigger.code,
    "x-event-type-confirmed": trigger.eventTypeConfirmed,
  };
}

function batchMessage(triggers: readonly ManifestTrigger[], input: AsyncApiInput): Record<string, unknown> {
  const firsts = triggers.flatMap((trigger) => {
    const sample = input.samples.get(trigger.eventType)?.[0];
    return sample ? [sample.data] : [];
  });
  const examples = [];
  if (firsts.length > 0) examples.push({ name: "single", summary: "A batch of one event (the timeout expired first)", payload: firsts.slice(0, 1) });
  if (firsts.length > 1) examples.push({ name: "mixed", summary: "A batch with one event of every type", payload: firsts });
  return {
    name: BATCH_MESSAGE_ID,
    title: "Batch of events",
    summary: "The body of one action-hook request: a JSON array of events, of any of the selected types.",
    description:
      "Altcraft sends a batch when it reaches the hook's maximum batch size or when the hook's timeout expires, " +
      "so a batch may hold a single event. Events keep Altcraft's order; each is one of the event messages.",
    contentType: "application/json",
    payload: {
      type: "array",
      title: "Action-hook batch",
      description: "Events of the types selected in the hook's settings.",
      minItems: 1,
      items: { oneOf: triggers.map((trigger) => ({ $ref: `#/components/schemas/${componentKey(trigger.eventType)}` })) },
    },
    examples,
  };
}

export function generateAsyncApi(input: AsyncApiInput): AsyncApiDocument {
  const { manifest } = input;
  // One message per event type, in the manifest's order; a type offered by two triggers is described once.
  const seen = new Set<string>();
  const triggers = manifest.triggers.filter((trigger) => !seen.has(trigger.eventType) && seen.add(trigger.eventType));
  const schemas: Record<string, JsonSchema> = {};
  const messages: Record<string, unknown> = { [BATCH_MESSAGE_ID]: batchMessage(triggers, input) };
  for (const trigger of triggers) {
    const schema = input.eventSchemas.get(trigger.eventType);
    if (!schema) throw new Error(`no resolved schema for event type "${trigger.eventType}"`);
    schemas[componentKey(trigger.eventType)] = schema;
    messages[componentKey(trigger.eventType)] = eventMessage(trigger, input.samples.get(trigger.eventType) ?? []);
  }
  const channelMessages = Object.fromEntries(Object.keys(messages).map((key) => [key, { $ref: `#/components/messages/${key}` }]));
  const groups = manifest.groups.filter((group) => triggers.some((trigger) => trigger.group === group.code));
  return {
    asyncapi: "3.0.0",
    info: {
      title: `${manifest.app.names.en} action hooks`,
      version: manifest.app.version,
      description:
        `${manifest.app.descriptions.en}\n\n` +
        "Altcraft's action hooks (Integrations → Event capture) post events to a URL as JSON batches over HTTP. " +
        "This document describes what a receiver gets; the Albato app receives them through the Webhook URL " +
        "of a connection. A delivery counts as successful when the receiver answers with status 200 (and, if the " +
        "hook sets one, a body matching its success-message regex). For the Albato app, leave that success message " +
        "empty: Albato documents no body for its answer, so only the status can be relied on.",
      externalDocs: { description: "Altcraft action hooks", url: manifest.app.docsUrl },
      tags: [
        ...groups.map((group) => ({ name: group.code, description: group.names.en })),
        ...(triggers.some((trigger) => !trigger.eventTypeConfirmed) ? [{ name: "provisional", description: PROVISIONAL_NOTE }] : []),
      ],
    },
    defaultContentType: "application/json",
    channels: {
      [CHANNEL_ID]: {
        address: "{hookUrl}",
        title: "Action hook URL",
        description:
          "The URL set in the hook's request options. For the Albato app it is the URL Albato shows in the " +
          "connection's Webhook field.",
        parameters: { hookUrl: { description: "The receiver's full URL, as entered in Altcraft (e.g. Albato's webhook URL)." } },
        messages: channelMessages,
      },
    },
    operations: {
      [OPERATION_ID]: {
        action: "receive",
        channel: { $ref: `#/channels/${CHANNEL_ID}` },
        title: "Receive action-hook batches",
        summary: "Altcraft posts (HTTP POST) a JSON array of events; answer with status 200.",
        bindings: { http: { method: "POST", bindingVersion: "0.3.0" } },
        messages: [{ $ref: `#/channels/${CHANNEL_ID}/messages/${BATCH_MESSAGE_ID}` }],
      },
    },
    components: { schemas, messages },
  };
}
