import { describe, expect, it } from "vitest";
import { rejectionLines, thrownLines } from "./fixtures/errors.js";
import { CannotRunError, type Problem } from "../scripts/errors.js";
import { diskFiles } from "../scripts/load/project-files.js";
import { parseYamlText, readYamlFile, YamlReader } from "../scripts/load/yaml-file.js";

function reader(text: string): YamlReader {
  return new YamlReader(parseYamlText(text, "f.yaml"), []);
}

function messages(problems: Problem[]): string[] {
  return problems.map((p) => `${p.place.line}:${p.place.column} ${p.message}`);
}

describe("parseYamlText", () => {
  it("names the file, line, column and the YAML error in plain words, without the code excerpt", () => {
    expect(() => parseYamlText("a: 1\nb: c: d\n", "x/f.yaml")).toThrow(
      new CannotRunError("not valid YAML: nested mappings are not allowed in compact mappings", { file: "x/f.yaml", line: 2, column: 4 }),
    );
    expect(thrownLines(() => parseYamlText("a: 1\nb:\n\t- x\n", "f.yaml"))).toMatch(/^f\.yaml:3:1: not valid YAML: tabs are not allowed as indentation$/);
  });

  it("rejects duplicate keys and several documents", () => {
    expect(thrownLines(() => parseYamlText("a: 1\na: 2\n", "f.yaml"))).toMatch(/^f\.yaml:2:1: not valid YAML: map keys must be unique$/);
    expect(thrownLines(() => parseYamlText("a: 1\n---\nb: 2\n", "f.yaml"))).toMatch(/^f\.yaml:2:1: not valid YAML: /);
  });

  it("says a missing file is missing", async () => {
    expect(await rejectionLines(readYamlFile(diskFiles("/nonexistent"), "dir/f.yaml"))).toBe("dir/f.yaml: file not found");
  });
});

describe("YamlReader", () => {
  it("reads a mapping with a fixed set of keys: unknown (with suggestion) and missing keys at their places", () => {
    const r = reader("top:\n  nmae: x\n  extra: 1\n");
    const top = r.mapping(r.yaml.contents, "root", { required: ["top"] });
    const values = r.mapping(top?.top, "top", { required: ["name"], optional: ["hint"] });
    expect(values).toEqual({});
    expect(messages(r.problems)).toEqual([
      '2:3 top: unknown key "nmae" (did you mean "name"?)',
      '3:3 top: unknown key "extra"',
      '2:3 top: missing key "name"',
    ]);
  });

  it("checks value types, quoting what it found", () => {
    const r = reader('s: 1.50\nb: "yes"\nl: [a, 2]\nd: [a, a]\ne: ""\nn:\nw: " padded "\nm: {x: 1}\nok: [a, b]\n');
    const v = r.mapping(r.yaml.contents, "root", { required: ["s", "b", "l", "d", "e", "n", "w", "m", "ok"] })!;
    expect(r.string(v.s, "s")).toBeUndefined();
    expect(r.boolean(v.b, "b")).toBeUndefined();
    expect(r.stringList(v.l, "l")).toEqual(["a"]);
    expect(r.stringList(v.d, "d")).toEqual(["a"]);
    expect(r.string(v.e, "e")).toBeUndefined();
    expect(r.string(v.n, "n")).toBeUndefined();
    expect(r.string(v.w, "w")).toBe(" padded ");
    expect(r.list(v.m, "m")).toBeUndefined();
    expect(r.stringList(v.ok, "ok")).toEqual(["a", "b"]);
    expect(messages(r.problems)).toEqual([
      "1:4 s: expected a non-empty string, found the number 1.50",
      '2:4 b: expected true or false, found the string "yes"',
      "3:8 l item: expected a non-empty string, found the number 2",
      '4:8 d: "a" is listed twice',
      "5:4 e: expected a non-empty string, found an empty string",
      "6:3 n: expected a non-empty string, found nothing",
      '7:4 w: remove the leading or trailing whitespace (for long text use ">-")',
      "8:4 m: expected a list, found a mapping",
    ]);
  });

  it("stays silent about absent keys (the mapping already reported them)", () => {
    const r = reader("a: 1\n");
    expect(r.string(undefined, "x")).toBeUndefined();
    expect(r.stringList(undefined, "x")).toBeUndefined();
    expect(r.boolean(undefined, "x")).toBeUndefined();
    expect(r.problems).toEqual([]);
  });

  it("rejects non-text keys and aliases", () => {
    const r = reader("1: a\nk: &x v\nj: *x\n");
    const entries = r.entries(r.yaml.contents, "root")!;
    expect(entries.map((e) => e.key)).toEqual(["k", "j"]);
    expect(r.string(entries[1]!.value, "j")).toBeUndefined();
    expect(messages(r.problems)).toEqual(["1:1 root: keys must be text, found the number 1", "3:4 j: expected a non-empty string, found an alias"]);
  });
});
