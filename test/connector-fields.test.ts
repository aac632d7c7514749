/** `connector/fields.yaml`, the field policy: read in order, and each mistake named at its line. */
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConnector } from "../scripts/load/connector.js";
import { edit, expectLine, lineOf, makeProject, problemLines, removeProjects } from "./fixtures/connector/project.js";

const FIELDS = "connector/fields.yaml";

afterAll(removeProjects);

describe("the field policy as committed", () => {
  it("has its blocks in display order, each path once, and exclusions with their reasons", async () => {
    const { fieldPolicy } = await loadConnector(await makeProject());
    expect(fieldPolicy.blocks.map((block) => block.id)).toEqual(["event", "recipient", "message", "place", "ids"]);
    expect(fieldPolicy.blocks[0]!.paths[0]).toBe("event_data.link_url");
    const placed = fieldPolicy.blocks.flatMap((block) => block.paths);
    expect(new Set(placed).size).toBe(placed.length);
    expect(fieldPolicy.exclude.find((exclusion) => exclusion.path === "_md5")?.reason).toContain("hash");
    expect(fieldPolicy.excludeFor.family.tracking?.map((exclusion) => exclusion.path)).toContain("sends_trying_num");
    for (const exclusion of fieldPolicy.exclude) expect(exclusion.reason.trim(), exclusion.path).not.toBe("");
  });
});

describe("mistakes in the field policy", () => {
  it("a path that is no field path, a path placed twice, a block id used twice", async () => {
    const root = await makeProject();
    let text = await edit(root, FIELDS, "      - event_data.code\n", "      - event_data..code\n      - event_data.link_url\n");
    text = await edit(root, FIELDS, "  - id: ids\n", "  - id: event\n");
    const lines = await problemLines(root);
    expectLine(lines, `${FIELDS}:${lineOf(text, "event_data..code")}:9: "event_data..code" is not a field path (expected e.g. event_data.link_url or subscription[].email)`);
    const second = text.split("\n").findIndex((line, index) => line === "      - event_data.link_url" && index > lineOf(text, "event_data..code") - 1) + 1;
    expectLine(lines, `${FIELDS}:${second}:9: "event_data.link_url" is already placed in block "event"; a field has one place`);
    expect(lines.some((line) => line.includes('block "event" is listed twice'))).toBe(true);
  });

  it("a path placed and excluded everywhere, an exclusion without a reason, an unknown family", async () => {
    const root = await makeProject();
    let text = await edit(root, FIELDS, "exclude:\n", "exclude:\n  event_data.link_url: why not\n  event_data.nothing:\n");
    text = await edit(root, FIELDS, "  family:\n    tracking:\n", "  family:\n    trackin:\n      x: y\n    tracking:\n");
    const lines = await problemLines(root);
    expectLine(lines, `${FIELDS}:${lineOf(text, "event_data.link_url: why not")}:3: "event_data.link_url" is placed in block "event" and excluded everywhere; keep one`);
    expect(lines.some((line) => line.startsWith(`${FIELDS}:${lineOf(text, "event_data.nothing:")}:`) && line.includes("the reason"))).toBe(true);
    expect(lines.some((line) => line.startsWith(`${FIELDS}:${lineOf(text, "trackin:")}:`) && line.includes('unknown family "trackin"') && line.includes('did you mean "tracking"'))).toBe(true);
  });

  it("a missing file is named", async () => {
    const root = await makeProject();
    await rm(join(root, FIELDS));
    const lines = await problemLines(root);
    expect(lines.some((line) => line.startsWith(FIELDS))).toBe(true);
  });
});
