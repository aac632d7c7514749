import { describe, expect, it } from "vitest";
import { hasValueAt, sampleCoverage } from "../scripts/check/sample-coverage.js";
import { derive } from "./fixtures/build/definition.js";

describe("hasValueAt", () => {
  const sample = { a: { b: 1, n: null }, list: [{ c: null }, { c: "x" }], empty: [] };
  it("finds non-null values along dotted and array paths", () => {
    expect(hasValueAt(sample, "a.b")).toBe(true);
    expect(hasValueAt(sample, "a.n")).toBe(false);
    expect(hasValueAt(sample, "a.missing")).toBe(false);
    expect(hasValueAt(sample, "list[].c")).toBe(true);
    expect(hasValueAt({ list: [{ c: null }] }, "list[].c")).toBe(false);
    expect(hasValueAt(sample, "empty")).toBe(true);
    expect(hasValueAt(sample, "a.b.c")).toBe(false);
  });
});

describe("sampleCoverage", () => {
  it("lists the optional fields no sample of their trigger exercises", () => {
    const { connector, triggerFields } = derive();
    const samples = [{ event_type: "click", event_data: { campaign_id: 1, lat: 2.5 }, custom_data: { email: "a@b.c", phone: null }, subscription: [{ channel: "email" }] }];
    const report = sampleCoverage([
      { trigger: connector.triggers[0]!.code, eventType: "click", fields: triggerFields[0]!.fields, samples },
    ]);
    expect(report.uncovered.map((field) => field.path)).toEqual(["event_data.link_url", "custom_data.phone", "subscription[].priority"]);
    expect(report.optionalFields).toBe(6);
    expect(report.covered).toBe(3);
    expect(report.uncovered[0]).toEqual({ trigger: "emailLinkClicked", eventType: "click", path: "event_data.link_url" });
  });
});
