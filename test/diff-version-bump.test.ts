import { describe, expect, it } from "vitest";
import { thrownLines } from "./fixtures/errors.js";
import { CannotRunError } from "../scripts/errors.js";
import { bumpVersion, compareVersions, formatVersion, parseVersion } from "../scripts/derive/changes/semver.js";
import { checkVersionBump } from "../scripts/check/version-bump.js";
import { baseFiles, caseFiles, listCases, sideOf } from "./fixtures/diff/fixture.js";

const cases = listCases();
const base = sideOf(baseFiles(), "baseline"); // version 1.4.2

function candidate(caseNames: string[], version: string) {
  let files = baseFiles();
  for (const name of caseNames) files = caseFiles(cases.find((c) => c.name === name)!, files);
  files = caseFiles({ manifest: [{ op: "replace", path: "/app/version", value: version }] }, files);
  return sideOf(files, "candidate");
}

describe("checkVersionBump (build --baseline)", () => {
  const table: Array<[string[], string, boolean, string]> = [
    // changes, new version, accepted?, minimum version
    [["trigger-removed"], "1.5.0", false, "2.0.0"],
    [["trigger-removed"], "1.4.3", false, "2.0.0"],
    [["trigger-removed"], "2.0.0", true, "2.0.0"],
    [["trigger-removed"], "2.0.0-rc.1", true, "2.0.0"],
    [["trigger-removed"], "3.1.0", true, "2.0.0"],
    [["payload-rejected"], "1.5.0", false, "2.0.0"],
    [["field-added"], "1.4.3", false, "1.5.0"],
    [["field-added"], "1.5.0", true, "1.5.0"],
    [["field-label-changed"], "1.4.2", false, "1.4.3"],
    [["field-label-changed"], "1.4.3", true, "1.4.3"],
    [[], "1.4.2", true, "1.4.2"],
    [[], "1.4.1", false, "1.4.2"],
    [[], "1.4.2-beta", false, "1.4.2"],
  ];
  for (const [changes, version, ok, minimum] of table) {
    it(`${changes.join("+") || "no change"} at ${version}: ${ok ? "accepted" : "refused"}`, () => {
      const result = checkVersionBump(base, candidate(changes, version));
      expect(result.ok).toBe(ok);
      expect(result.minimumVersion).toBe(minimum);
      expect(result.message).toContain(ok ? "fits" : "is too small");
      if (!ok) expect(result.message).toContain(changes.length === 0 ? "must not go below" : `at least ${minimum}`);
    });
  }

  it("accepts bare manifests, skipping only the payload rule", () => {
    const result = checkVersionBump(base.manifest, candidate(["payload-rejected"], "1.4.2").manifest);
    expect(result.ok).toBe(true);
    expect(result.report.notes).toEqual([
      "payload shapes not compared: baseline carries no samples",
      "payload shapes not compared: new build carries no schemas",
    ]);
    const removed = checkVersionBump(base.manifest, candidate(["field-removed"], "1.9.0").manifest);
    expect(removed).toMatchObject({ ok: false, recommendedBump: "major", minimumVersion: "2.0.0" });
  });

  it("refuses a version that is not semver, naming it", () => {
    expect(() => checkVersionBump(base, candidate([], "v2"))).toThrow(CannotRunError);
    expect(thrownLines(() => checkVersionBump(base, candidate([], "v2")))).toMatch(/candidate \/app\/version: version "v2" is not semver/);
  });
});

describe("semver helpers", () => {
  const v = (text: string) => parseVersion(text, { file: "test" });

  it("bumps and resets lower numbers", () => {
    expect(formatVersion(bumpVersion(v("1.4.2"), "major"))).toBe("2.0.0");
    expect(formatVersion(bumpVersion(v("1.4.2"), "minor"))).toBe("1.5.0");
    expect(formatVersion(bumpVersion(v("1.4.2"), "patch"))).toBe("1.4.3");
    expect(formatVersion(bumpVersion(v("1.4.2"), "none"))).toBe("1.4.2");
  });

  it("orders versions like semver, build metadata ignored", () => {
    const ordered = ["0.9.9", "1.0.0-alpha", "1.0.0-beta", "1.0.0", "1.0.1", "1.2.0", "1.10.0", "2.0.0"];
    for (let i = 0; i < ordered.length; i++) {
      for (let j = 0; j < ordered.length; j++) {
        expect(Math.sign(compareVersions(v(ordered[i]!), v(ordered[j]!))), `${ordered[i]} vs ${ordered[j]}`).toBe(Math.sign(i - j));
      }
    }
    expect(compareVersions(v("1.0.0+build.7"), v("1.0.0"))).toBe(0);
  });

  it("rejects what is not semver", () => {
    for (const bad of ["1.0", "01.0.0", "1.0.0.0", "", "1.x.0"]) expect(() => v(bad), bad).toThrow(CannotRunError);
  });
});
