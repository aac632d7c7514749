import { describe, expect, it } from "vitest";
import { CHANGE_CLASSES, type ChangeClass } from "../scripts/derive/changes/change.js";
import { diffSides } from "../scripts/derive/changes/classify.js";
import { renderDiffText } from "../scripts/diff/render-text.js";
import { compareFieldTypes, SAFE_WIDENINGS } from "../scripts/derive/changes/type-compat.js";
import type { Manifest } from "../scripts/model/manifest.js";
import { applyPatch, baseFiles, caseFiles, listCases, sideOf } from "./fixtures/diff/fixture.js";

const base = sideOf(baseFiles(), "base");
const cases = listCases();

describe("diff classification, one fixture pair per change class", () => {
  it("has a case for every change class", () => {
    const covered = new Set(cases.flatMap((change) => change.expect.map((e) => e.class)));
    expect([...covered].sort()).toEqual(Object.keys(CHANGE_CLASSES).sort());
  });

  for (const change of cases) {
    it(`${change.name}: ${change.about}`, () => {
      const report = diffSides(base, sideOf(caseFiles(change), change.name));
      const found = [...report.breaking, ...report.safe].map((c) => ({
        class: c.class,
        ...(c.trigger !== undefined ? { trigger: c.trigger } : {}),
        ...(c.action !== undefined ? { action: c.action } : {}),
        ...(c.list !== undefined ? { list: c.list } : {}),
        ...(c.field !== undefined ? { field: c.field } : {}),
      }));
      // Exactly the expected changes: nothing missed, no false alarm from a neighbouring rule.
      expect(found).toEqual(change.expect);
      const severity = CHANGE_CLASSES[change.expect[0]!.class as ChangeClass].severity;
      expect(severity === "breaking" ? report.breaking.length : report.safe.length).toBe(change.expect.length);
      expect(report.recommendedBump).toBe(change.bump);
      for (const c of [...report.breaking, ...report.safe]) {
        expect(c.message.length).toBeGreaterThan(10);
        expect(c.impact.length).toBeGreaterThan(20);
      }
    });
  }
});

describe("diff of a side against itself, and changes that are not changes", () => {
  it("reports nothing for the same package", () => {
    const report = diffSides(base, sideOf(baseFiles(), "again"));
    expect(report.breaking).toEqual([]);
    expect(report.safe).toEqual([]);
    expect(report.recommendedBump).toBe("none");
    expect(report.notes).toEqual([]);
  });

  it("ignores the order of triggers and filter keys, and reports fields in a new order as only that", () => {
    const reordered = caseFiles({ manifest: [] });
    const manifest = JSON.parse(reordered.get("manifest.json")!.toString()) as Manifest;
    manifest.triggers.reverse();
    for (const trigger of manifest.triggers) {
      trigger.fields.reverse();
      trigger.filter = JSON.parse(JSON.stringify(trigger.filter, Object.keys(trigger.filter.all[0]!).reverse().concat("all")));
    }
    reordered.set("manifest.json", Buffer.from(JSON.stringify(manifest)));
    const report = diffSides(base, sideOf(reordered, "reordered"));
    expect(report.breaking).toEqual([]);
    expect(report.safe.map((change) => change.class)).toEqual(manifest.triggers.filter((trigger) => trigger.fields.length > 1).map(() => "fields-reordered"));
    expect(report.recommendedBump).toBe("patch");
  });

  it("does not blame the new schema for a sample the old schema already rejected", () => {
    // The old side's schema rejects minimal.json (profile_id required); the new side rejects it too.
    const required = { files: { "schemas/common/envelope.schema.json": [{ op: "add" as const, path: "/required/-", value: "profile_id" }] }, manifest: [] };
    const before = sideOf(caseFiles(required), "old");
    const after = sideOf(caseFiles(required), "new");
    expect(diffSides(before, after).breaking).toEqual([]);
  });

  it("names the sample and the JSON pointer of a rejected payload", () => {
    const change = cases.find((c) => c.name === "payload-rejected")!;
    const [rejected] = diffSides(base, sideOf(caseFiles(change), "new")).breaking;
    expect(rejected?.message).toContain("schemas/samples/click/full.json");
    expect(rejected?.message).toContain("/event_data/link_url must be integer (type)");
    const required = cases.find((c) => c.name === "payload-rejected-required")!;
    const [missing] = diffSides(base, sideOf(caseFiles(required), "new")).breaking;
    expect(missing?.message).toContain("schemas/samples/click/minimal.json");
    expect(missing?.message).toContain("/profile_id");
  });

  it("notes that payloads were not compared when a side is a bare manifest", () => {
    const bare = { ...base, documents: new Map(), samples: new Map(), label: "bare.json" };
    const report = diffSides(bare, base);
    expect(report.notes).toEqual(["payload shapes not compared: bare.json carries no samples"]);
    expect(diffSides(base, bare).notes).toEqual(["payload shapes not compared: bare.json carries no schemas"]);
  });
});

describe("semver recommendation", () => {
  const withVersion = (files: Map<string, Buffer>, version: string): Map<string, Buffer> =>
    caseFiles({ manifest: [{ op: "replace", path: "/app/version", value: version }] }, files);

  it("asks only for a minor bump for a breaking change before 1.0.0", () => {
    const removed = cases.find((c) => c.name === "trigger-removed")!;
    const before = sideOf(withVersion(baseFiles(), "0.3.0"), "old");
    const after = sideOf(withVersion(caseFiles(removed), "0.4.0"), "new");
    expect(diffSides(before, after).recommendedBump).toBe("minor");
  });

  it("takes the largest bump when changes mix", () => {
    const mixed = ["field-added", "field-label-changed", "trigger-removed"].map((name) => cases.find((c) => c.name === name)!);
    let files = baseFiles();
    for (const change of mixed) files = caseFiles(change, files);
    const report = diffSides(base, sideOf(files, "new"));
    expect(report.recommendedBump).toBe("major");
    expect(report.breaking.map((c) => c.class)).toEqual(["trigger-removed"]);
    expect(report.safe.map((c) => c.class).sort()).toEqual(["field-added", "field-label-changed"]);
  });
});

describe("Albato field type compatibility", () => {
  const scalars = Object.keys(SAFE_WIDENINGS);
  const types = [...scalars, ...scalars.map((t) => `${t}Array`)];

  it("classifies every pair of the 12 types consistently with the widening table", () => {
    for (const a of types) {
      for (const b of types) {
        const verdict = compareFieldTypes(a, b);
        if (a === b) {
          expect(verdict).toBe("same");
          continue;
        }
        const scalarA = a.replace(/Array$/, "");
        const scalarB = b.replace(/Array$/, "");
        const sameShape = a.endsWith("Array") === b.endsWith("Array");
        const listed = (SAFE_WIDENINGS as Record<string, readonly string[]>)[scalarA]!.includes(scalarB);
        expect(verdict, `${a} → ${b}`).toBe(sameShape && listed ? "widened" : "incompatible");
        // A widening never goes back: its reverse is always breaking.
        if (verdict === "widened") expect(compareFieldTypes(b, a), `${b} → ${a}`).toBe("incompatible");
      }
    }
  });

  it("matches the documented examples", () => {
    expect(compareFieldTypes("Int", "Decimal")).toBe("widened");
    expect(compareFieldTypes("Int", "String")).toBe("widened");
    expect(compareFieldTypes("String", "Int")).toBe("incompatible");
    expect(compareFieldTypes("String", "StringArray")).toBe("incompatible");
    expect(compareFieldTypes("IntArray", "DecimalArray")).toBe("widened");
    expect(compareFieldTypes("String", "Phone")).toBe("incompatible");
  });
});

describe("text rendering", () => {
  it("puts breaking changes first, grouped by trigger with its English name, and ends with a summary", () => {
    const files = ["field-removed", "field-added", "trigger-removed", "app-label-changed"].reduce(
      (acc, name) => caseFiles(cases.find((c) => c.name === name)!, acc),
      baseFiles(),
    );
    const after = sideOf(files, "new.zip");
    const text = renderDiffText(diffSides(base, after), base.manifest, after.manifest);
    const breaking = text.indexOf("BREAKING (2)");
    const safe = text.indexOf("Safe (2)");
    expect(breaking).toBeGreaterThan(0);
    expect(safe).toBeGreaterThan(breaking);
    expect(text).toContain("  Trigger emailClicked — Email link clicked\n    ✗ [field-removed]");
    // The removed trigger keeps its name from the old side.
    expect(text).toContain("  Trigger pushDelivered — Push delivered\n    ✗ [trigger-removed]");
    expect(text).toContain("  App and connection\n    ✓ [app-label-changed]");
    expect(text.trimEnd().split("\n").at(-1)).toBe(
      "2 breaking, 2 safe; recommended bump: major (1.4.2 → at least 2.0.0, new side says 1.4.2: too small).",
    );
    expect(renderDiffText(diffSides(base, base), base.manifest, base.manifest)).toContain("No changes for Albato users.");
  });

  it("groups the API side's changes under their list and action, names kept from the old side", () => {
    const ops = [...cases.find((c) => c.name === "action-removed")!.manifest, ...cases.find((c) => c.name === "list-changed")!.manifest, ...cases.find((c) => c.name === "action-field-list-changed")!.manifest];
    const after = sideOf(caseFiles({ manifest: ops }), "new");
    const text = renderDiffText(diffSides(base, after), base.manifest, after.manifest);
    expect(text).toContain("  Action profileGet — Find a profile\n    ✗ [action-field-list-changed] field matching list \"matchingModes\" → \"databases\"");
    expect(text).toContain("  Action promoCodeUpdate — Update a promo code\n    ✗ [action-removed]");
    expect(text).toContain("  List matchingModes — Profile matching modes\n    ✗ [list-changed] list matchingModes changed: items removed: custom");
    // Lists before actions, as the App Integrator has them.
    expect(text.indexOf("List matchingModes")).toBeLessThan(text.indexOf("Action profileGet"));
  });

  it("is deterministic", () => {
    const change = cases.find((c) => c.name === "trigger-label-changed")!;
    const render = (): string => {
      const after = sideOf(caseFiles(change), "n");
      return renderDiffText(diffSides(base, after), base.manifest, after.manifest);
    };
    expect(render()).toBe(render());
  });
});

it("applyPatch helper edits a copy", () => {
  const doc = { a: [1, 2], b: { c: 1 } };
  expect(applyPatch(doc, [{ op: "add", path: "/a/-", value: 3 }, { op: "remove", path: "/b/c" }])).toEqual({ a: [1, 2, 3], b: {} });
  expect(doc).toEqual({ a: [1, 2], b: { c: 1 } });
});
