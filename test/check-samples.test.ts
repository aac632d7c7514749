/** Samples: parsed once, validated with real ajv validators, problems at the sample file and pointer. */
import Ajv2020Module from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { FORMATS } from "../scripts/runtime/formats.js";
import { checkSamplesValid } from "../scripts/check/samples-valid.js";
import { parseSamples } from "../scripts/load/samples.js";
import { fixtureConnector, fixtureEvents } from "./fixtures/build/definition.js";

const ajv = new Ajv2020Module.default({ allErrors: true, strict: false, formats: FORMATS });
const events = fixtureEvents();
const validators = new Map([...events].map(([type, event]) => [type, ajv.compile(event.resolved)]));

function triggersWithSamples() {
  const connector = fixtureConnector();
  connector.triggers[0]!.samples = ["schemas/samples/click/full.json", "schemas/samples/click/broken.json"];
  connector.triggers[1]!.samples = ["schemas/samples/promocode_attach/missing.json"];
  return connector.triggers;
}

const files = new Map([
  ["schemas/samples/click/full.json", Buffer.from(JSON.stringify({ event_type: "click", event_date: "2024-01-01T00:00:00Z", account_id: 1, is_test: false, event_data: { campaign_id: 3 } }))],
  ["schemas/samples/click/broken.json", Buffer.from('{\n  "event_type": "click",\n  "account_id": 1,,\n}')],
]);

describe("parseSamples", () => {
  it("parses what it can and reports unreadable or malformed files with their place", () => {
    const { samples, problems } = parseSamples(triggersWithSamples(), (file) => files.get(file));
    expect(samples.map((sample) => sample.file)).toEqual(["schemas/samples/click/full.json"]);
    expect(problems).toEqual([
      { place: { file: "schemas/samples/click/broken.json", line: 3, column: 19 }, message: expect.stringMatching(/^not valid JSON/) },
      { place: { file: "schemas/samples/promocode_attach/missing.json" }, message: 'cannot read the sample of trigger "promoCodeAssigned"' },
    ]);
  });
});

describe("checkSamplesValid", () => {
  const trigger = fixtureConnector().triggers[0]!;
  const validatorOf = (type: string) => validators.get(type);

  it("passes valid samples", () => {
    const value = { event_type: "click", event_date: "2024-01-01T00:00:00Z", account_id: 1, is_test: false, event_data: { campaign_id: 3 } };
    expect(checkSamplesValid([{ file: "a.json", trigger, value }], validatorOf)).toEqual([]);
  });

  it("reports a sample that no longer validates, at its pointer, naming the keyword that rejects it", () => {
    const value = { event_type: "click", event_date: "2024-01-01T00:00:00Z", account_id: "1", is_test: false, event_data: {} };
    const problems = checkSamplesValid([{ file: "schemas/samples/click/full.json", trigger, value }], validatorOf);
    expect(problems).toEqual([
      {
        place: { file: "schemas/samples/click/full.json", pointer: "/account_id" },
        message: 'no longer valid: must be an integer, found string "1" (#/properties/account_id/type)',
      },
      {
        place: { file: "schemas/samples/click/full.json", pointer: "/event_data" },
        message: 'no longer valid: missing required property "campaign_id" (#/properties/event_data/required)',
      },
    ]);
  });
});
