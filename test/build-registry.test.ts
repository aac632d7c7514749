/**
 * The registry a build is given (BuildOptions.registry; benchmarks pass a synthetic one) is the one the
 * connector is checked against and the one the types are generated for, not the built-in one.
 */
import { afterAll, describe, expect, it } from "vitest";
import { generateTypes } from "../scripts/derive/types.js";
import { ProblemListError } from "../scripts/errors.js";
import type { EventTypeInfo } from "../scripts/event-types.js";
import { EVENT_TYPES } from "../scripts/event-types.js";
import { loadConnector } from "../scripts/load/connector.js";
import { loadSchemas } from "../scripts/load/schemas.js";
import { makeProject, removeProjects, REPO } from "./fixtures/connector/project.js";

afterAll(removeProjects);

async function connectorProblems(root: string, registry: readonly EventTypeInfo[]): Promise<string[]> {
  const error = await loadConnector(root, registry).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ProblemListError);
  return (error as ProblemListError).problems.map((problem) => problem.message);
}

describe("loadConnector with a registry", () => {
  it("accepts the bundled connector with the built-in registry, given or defaulted", async () => {
    const given = await loadConnector(REPO, EVENT_TYPES);
    expect(given.triggers.map((trigger) => trigger.eventType)).toEqual((await loadConnector(REPO)).triggers.map((trigger) => trigger.eventType));
  });

  it("wants a trigger for every type of the registry it is given", async () => {
    const root = await makeProject();
    const registry = [...EVENT_TYPES, { ...EVENT_TYPES[0]!, type: "send_x1" }];
    expect(await connectorProblems(root, registry)).toEqual([
      'no trigger for event type "send_x1" (every type in scripts/event-types.ts needs one)',
    ]);
  });

  it("knows only the types of the registry it is given", async () => {
    const root = await makeProject();
    const registry = EVENT_TYPES.filter((info) => info.type !== "click");
    expect(await connectorProblems(root, registry)).toEqual([
      expect.stringMatching(/^unknown event type "click"/),
    ]);
  });
});

describe("generateTypes", () => {
  it("declares the event types of the loaded schemas, in registry order", async () => {
    // As loadSchemas gives them for a registry of three types, in that registry's order.
    const order = ["unsub", "click", "send"];
    const all = await loadSchemas(REPO);
    const events = new Map(order.map((type) => [type, all.events.get(type)!]));
    const text = await generateTypes({ documents: all.documents, events });
    const union = /export type AltcraftEvent =([^;]*);/.exec(text)?.[1];
    expect(union?.split("|").map((member) => member.trim()).filter(Boolean)).toEqual(["UnsubEvent", "ClickEvent", "SendEvent"]);
    expect(text).not.toMatch(/interface OpenEvent\b/);
  });
});
