/**
 * Every bad input issue 3 names, each in its own copy of the bundled project over a previous build:
 * one clear message naming the file and the place, the right exit code (2 for a broken definition,
 * 1 for a failed check), no stack trace, and every previous output left byte for byte as it was.
 */
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { build, edit, fakePreviousBuild, lineOf, makeProject, removeProjects, snapshot } from "./fixtures/build/project.js";

afterAll(removeProjects);

interface Expected {
  code: 1 | 2;
  /** How many error lines in all: 1 unless the loader also reports a consequence (e.g. a now uncovered event type). */
  lines?: number;
  /** The start of the one error line after "altcraft-albato: ": file and place. */
  place: string;
  /** Text the message must contain. */
  says: string | RegExp;
}

/** Break a fresh project with `change`, build, and check the outcome. */
async function expectFailure(change: (root: string) => Promise<Expected>): Promise<string> {
  const root = await makeProject();
  await fakePreviousBuild(root);
  const expected = await change(root);
  const before = await snapshot(root);
  const result = await build(root);
  const errors = result.stderr
    .split("\n")
    .filter((line) => line.startsWith("altcraft-albato: ") && !line.startsWith("altcraft-albato: warning:") && !line.includes("build stopped"));
  expect(result.code, result.stderr).toBe(expected.code);
  expect(errors, result.stderr).toHaveLength(expected.lines ?? 1);
  const says = (line: string) => (typeof expected.says === "string" ? line.includes(expected.says) : expected.says.test(line));
  const line = errors.find((error) => error.startsWith(`altcraft-albato: ${expected.place}`) && says(error));
  expect(line, `expected a line at ${expected.place} saying ${String(expected.says)} in:\n${result.stderr}`).toBeDefined();
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(result.stderr).not.toContain("internal error");
  expect(result.stdout).toBe("");
  expect(await snapshot(root), "the previous outputs and inputs must be untouched").toEqual(before);
  return line!;
}

describe("build with a broken definition", () => {
  it("malformed YAML: file, line and column, exit 2", async () => {
    await expectFailure(async (root) => {
      const text = await edit(root, "connector/triggers.yaml", "    event_type: click\n", "    event_type: [click\n");
      // The YAML parser notices the unclosed bracket where the next line starts.
      return { code: 2, place: `connector/triggers.yaml:${lineOf(text, "[click") + 1}:5:`, says: "not valid YAML" };
    });
  });

  it("an unknown key, with the nearest valid key, exit 2", async () => {
    await expectFailure(async (root) => {
      const text = await edit(root, "connector/triggers.yaml", "    event_type: click\n", "    event_typ: click\n");
      // Also: the trigger now lacks "event_type", and no trigger covers "click" any more.
      return { code: 2, lines: 3, place: `connector/triggers.yaml:${lineOf(text, "event_typ:")}:5:`, says: 'unknown key "event_typ" (did you mean "event_type"?)' };
    });
  });

  it("an event type whose schema is missing, exit 2", async () => {
    await expectFailure(async (root) => {
      await rm(join(root, "schemas/events/click.schema.json"));
      return { code: 2, place: "schemas/events/click.schema.json:", says: 'missing schema for event type "click"' };
    });
  });

  it("a trigger listing a missing sample, exit 2", async () => {
    await expectFailure(async (root) => {
      const text = await edit(
        root,
        "connector/triggers.yaml",
        "    event_type: click\n",
        "    event_type: click\n    samples:\n      - schemas/samples/click/fulll.json\n",
      );
      // Also: the four samples in the folder are now not listed.
      return { code: 2, lines: 5, place: `connector/triggers.yaml:${lineOf(text, "fulll.json")}:`, says: "sample file not found: schemas/samples/click/fulll.json" };
    });
  });

  it("an event type without samples, exit 2", async () => {
    await expectFailure(async (root) => {
      const text = await readFile(join(root, "connector/triggers.yaml"), "utf8");
      await rm(join(root, "schemas/samples/click"), { recursive: true });
      return { code: 2, place: `connector/triggers.yaml:${lineOf(text, "  - code: emailLinkClicked") }:5:`, says: 'no samples for event type "click"' };
    });
  });

  it("a schema that is not JSON (a bare word V8 gives no position for): one line at its file:line:column, exit 2", async () => {
    await expectFailure(async (root) => {
      const text = await edit(root, "schemas/events/click.schema.json", '"link_url": {\n          "type": "string"', '"link_url": {\n          "type": string');
      const line = lineOf(text, '"type": string');
      return { code: 2, place: `schemas/events/click.schema.json:${line}:19:`, says: "not valid JSON" };
    });
  });

  it("a sample that is not JSON: one line at its file:line:column, exit 2", async () => {
    await expectFailure(async (root) => {
      await writeFile(join(root, "schemas/samples/click/full.json"), '{\n  "event_type": "click",\n  "account_id": 23,,\n}\n');
      return { code: 2, place: "schemas/samples/click/full.json:3:20:", says: "not valid JSON" };
    });
  });

  it("a lock that is not JSON: one line at its file:line:column, exit 2", async () => {
    await expectFailure(async (root) => {
      const text = await edit(root, "connector/field-codes.lock.json", '"eventDataLinkUrl",', '"eventDataLinkUrl"');
      return { code: 2, place: `connector/field-codes.lock.json:${lineOf(text, '"eventDataLinkUrl"') + 1}:3:`, says: "not valid JSON" };
    });
  });

  it("a dangling $ref: the schema file and the pointer of the reference, exit 2", async () => {
    await expectFailure(async (root) => {
      await edit(root, "schemas/events/click.schema.json", "../common/tracking-data.schema.json", "../common/tracking.schema.json");
      return { code: 2, place: "schemas/events/click.schema.json /properties/event_data/allOf/0/$ref", says: "points at nothing" };
    });
  });

  it("a schema that is not valid JSON Schema: the file and the pointer of the bad keyword, exit 2", async () => {
    await expectFailure(async (root) => {
      await edit(root, "schemas/events/click.schema.json", '"link_url": {\n          "type": "string"', '"link_url": {\n          "type": "strnig"');
      return { code: 2, place: "schemas/events/click.schema.json /properties/event_data/properties/link_url/type", says: /not a valid JSON Schema: must be one of .*"string".*found string "strnig"/ };
    });
  });

  it("a cyclic $ref, exit 2", async () => {
    await expectFailure(async (root) => {
      const path = join(root, "schemas/common/tracking-data.schema.json");
      const schema = JSON.parse(await readFile(path, "utf8")) as { properties: Record<string, unknown> };
      schema.properties.again = { $ref: "./tracking-data.schema.json" };
      await writeFile(path, JSON.stringify(schema, null, 2));
      return { code: 2, place: "schemas/common/tracking-data.schema.json /properties/again/$ref", says: "cyclic" };
    });
  });

  it("a duplicate trigger code, exit 2", async () => {
    await expectFailure(async (root) => {
      const text = await edit(root, "connector/triggers.yaml", "  - code: emailLinkClicked\n", "  - code: emailOpened\n");
      // Also: the labels of "emailLinkClicked" in both locales now name no trigger.
      const line = lineOf(text, "  - code: emailOpened\n    event_type: click");
      return { code: 2, lines: 3, place: `connector/triggers.yaml:${line}:`, says: `duplicate trigger code "emailOpened" (first used at line ${lineOf(text, "  - code: emailOpened")})` };
    });
  });

  it("a duplicate event type, exit 2", async () => {
    await expectFailure(async (root) => {
      const text = await edit(root, "connector/triggers.yaml", "    event_type: uclick\n", "    event_type: click\n");
      // Also: no trigger covers "uclick" any more.
      const clicked = lineOf(text, "  - code: emailLinkClicked");
      const unique = lineOf(text, "  - code: emailUniqueLinkClicked");
      return { code: 2, lines: 2, place: `connector/triggers.yaml:${unique + 1}:`, says: `duplicate event type "click": trigger "emailLinkClicked" at line ${clicked} already has it` };
    });
  });

  it("a missing trigger label in one locale, exit 2", async () => {
    await expectFailure(async (root) => {
      const text = await edit(root, "connector/locales/ru.yaml", "  emailLinkClicked:\n    name: Клик по ссылке в письме\n", "  emailLinkClicked:\n");
      return { code: 2, place: `connector/locales/ru.yaml:${lineOf(text, "  emailLinkClicked:")}`, says: "missing label triggers.emailLinkClicked.name" };
    });
  });

  it("a missing trigger label in one locale and a missing field label in the other: both in one run, exit 2", async () => {
    const root = await makeProject();
    const ru = await edit(root, "connector/locales/ru.yaml", "  emailLinkClicked:\n    name: Клик по ссылке в письме\n", "  emailLinkClicked:\n");
    const en = await edit(root, "connector/locales/en.yaml", "  event_data.link_url: Link URL\n", "");
    const result = await build(root);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`altcraft-albato: connector/locales/ru.yaml:${lineOf(ru, "  emailLinkClicked:")}: missing label triggers.emailLinkClicked.name`);
    expect(result.stderr).toContain(`altcraft-albato: connector/locales/en.yaml:${lineOf(en, "\nfields:") + 1}: missing label fields.event_data.link_url`);
  });

  it("a missing field label in one locale, exit 2", async () => {
    await expectFailure(async (root) => {
      const text = await edit(root, "connector/locales/ru.yaml", "  event_data.link_url: URL ссылки\n", "");
      return { code: 2, place: `connector/locales/ru.yaml:${lineOf(text, "\nfields:") + 1}:`, says: "missing label fields.event_data.link_url" };
    });
  });

  it("an invalid field code in the lock, exit 2", async () => {
    await expectFailure(async (root) => {
      const text = await edit(root, "connector/field-codes.lock.json", '"eventDataLinkUrl"', '"event_data_link_url"');
      return {
        code: 2,
        place: `connector/field-codes.lock.json:${lineOf(text, "event_data_link_url")}:`,
        says: '"event_data_link_url" is not a valid Albato field code',
      };
    });
  });

  it("two paths sharing a field code in the lock, exit 2", async () => {
    await expectFailure(async (root) => {
      const text = await edit(root, "connector/field-codes.lock.json", '"eventDataLinkUrl"', '"eventDataCampaignId"');
      const line = lineOf(text, '"event_data.link_url"');
      return { code: 2, place: `connector/field-codes.lock.json:${line}:`, says: /code "eventDataCampaignId" of "event_data.link_url" is already the code of "event_data.campaign_id" \(line \d+\)/ };
    });
  });

  it("a missing logo, exit 2", async () => {
    await expectFailure(async (root) => {
      await rm(join(root, "connector/logo.svg"));
      return { code: 2, place: "connector/app.yaml:", says: "logo file not found: connector/logo.svg" };
    });
  });

  it("an oversized logo, exit 2", async () => {
    await expectFailure(async (root) => {
      const svg = `<svg xmlns="http://www.w3.org/2000/svg">${"<!-- padding -->".repeat(6000)}</svg>`;
      await writeFile(join(root, "connector/logo.svg"), svg);
      return { code: 2, place: "connector/app.yaml:", says: /logo connector\/logo\.svg is \d+ bytes/ };
    });
  });
});

describe("build with a failed check", () => {
  it("a sample that no longer validates: the sample and the pointer, exit 1", async () => {
    await expectFailure(async (root) => {
      const path = join(root, "schemas/samples/click/full.json");
      const sample = JSON.parse(await readFile(path, "utf8")) as { account_id: unknown };
      sample.account_id = "23";
      await writeFile(path, JSON.stringify(sample, null, 2));
      return {
        code: 1,
        place: "schemas/samples/click/full.json /account_id:",
        says: 'no longer valid: must be an integer, found string "23" (schemas/common/envelope.schema.json#/properties/account_id/type)',
      };
    });
  });
});
