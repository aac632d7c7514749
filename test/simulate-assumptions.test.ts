/**
 * The assumptions table of `simulate`: well formed in both languages, and every fact its checks state
 * about the repository's samples (a value, a count) true, so the check step of the guide can be followed
 * as written. The examples in the texts are what the converter gives.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ASSUMPTIONS } from "../scripts/albato-assumptions.js";
import { rfc3339ToUtc } from "../scripts/simulate/convert.js";

const ROOT = join(import.meta.dirname, "..");
const read = (path: string) => JSON.parse(readFileSync(join(ROOT, path), "utf8")) as Record<string, any>;
const byId = new Map(ASSUMPTIONS.map((assumption) => [assumption.id, assumption]));

describe("the assumptions table", () => {
  it("has unique kebab-case ids and every text in English and Russian", () => {
    expect(byId.size).toBe(ASSUMPTIONS.length);
    for (const { id, text, check } of ASSUMPTIONS) {
      expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      for (const english of [text.en, check.en]) {
        expect(english.length, id).toBeGreaterThan(40);
        expect(english, id).not.toMatch(/[а-яё]/i);
      }
      for (const russian of [text.ru, check.ru]) {
        expect(russian.length, id).toBeGreaterThan(40);
        expect(russian, id).toMatch(/[а-яё]{4}/i);
        // «…» or code quotes in Russian, never German-style „…“.
        expect(russian, id).not.toMatch(/[„“]/);
      }
    }
  });

  it("covers what the issue names as undocumented: the filter on array elements, fraction digits, offsets, phones, wrong types, arrays", () => {
    expect([...byId.keys()]).toEqual(["filter-per-element", "datetime-fraction", "datetime-offset", "phone-as-sent", "wrong-type-empty", "array-join"]);
  });

  it("names only files that exist, the same ones in both languages", () => {
    for (const { id, check } of ASSUMPTIONS) {
      const files = (text: string) => [...text.matchAll(/schemas\/samples\/[\w/-]+\.json/g)].map((match) => match[0]).sort();
      expect(files(check.en).length, id).toBeGreaterThan(0);
      expect(files(check.ru), id).toEqual(files(check.en));
      for (const file of files(check.en)) expect(existsSync(join(ROOT, file)), `${id}: ${file}`).toBe(true);
    }
  });

  it("states the samples' values as they are", () => {
    expect(read("schemas/samples/send_sms/full.json").event_date).toBe("2024-03-19T00:54:42.867808163Z");
    expect(read("schemas/samples/deliv/full.json").event_date).toBe("2024-04-08T11:13:29.149194240+03:00");
    expect(read("schemas/samples/open/full.json").event_type).toBe("open");
    expect(read("schemas/samples/invalid/account-id-string.json").account_id).toBe("23");
    const click = read("schemas/samples/click/full.json");
    expect(click.event_type).toBe("click");
    expect(click.custom_data.phones).toEqual(["+447700900123"]);
    expect(click.subscription.map((item: { status: string }) => item.status)).toEqual(["subscribed", "subscribed", "subscribed"]);
    expect(click.subscription.map((item: { email?: string }) => item.email)).toEqual(["olly.lambert@example.co.uk", undefined, undefined]);
  });

  it("gives DateTime examples the converter agrees with", () => {
    for (const id of ["datetime-fraction", "datetime-offset"]) {
      const pairs = [...byId.get(id)!.text.en.matchAll(/`([^`]+)` → `([^`]+)`/g)];
      expect(pairs.length, id).toBeGreaterThan(0);
      for (const [, from, to] of pairs) {
        // "…" stands for the start of a date-time both sides share.
        const start = "2024-03-19T00:54";
        const whole = (text: string) => text!.replace(/^…/, start);
        expect(rfc3339ToUtc(whole(from!)), `${id}: ${from}`).toBe(whole(to!));
      }
    }
    expect(rfc3339ToUtc(read("schemas/samples/send_sms/full.json").event_date)).toBe("2024-03-19T00:54:42.867Z");
    expect(rfc3339ToUtc(read("schemas/samples/deliv/full.json").event_date)).toBe("2024-04-08T08:13:29.149Z");
  });
});
