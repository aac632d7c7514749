/**
 * The app's trigger fields meet the curation targets: few enough to type and to scroll past (at most 800
 * in all, a median of at most 20 a trigger), the event's own data first (within the first 5), the
 * recipient's email and phone next (within the first 8), and wave 1 is the existing app's 19 triggers.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { setupPlan } from "../scripts/derive/setup/plan.js";
import { EVENT_TYPES } from "../scripts/event-types.js";
import type { Manifest } from "../scripts/model/manifest.js";
import { repoApp } from "./fixtures/build/repo-app.js";

let manifest: Manifest;

beforeAll(async () => {
  manifest = (await repoApp()).derived.manifest;
});

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const RECIPIENT_CONTACT = new Set(["data.subscription[].email", "data.subscription[].phone", "data.custom_data.email", "data.custom_data.phones"]);

describe("the app's trigger fields", () => {
  it("are at most 800 in all, with a median of at most 20 a trigger", () => {
    const counts = manifest.triggers.map((trigger) => trigger.fields.length);
    expect(counts.reduce((sum, count) => sum + count, 0)).toBeLessThanOrEqual(800);
    expect(median(counts)).toBeLessThanOrEqual(20);
  });

  it("put the event's own data within the first 5 fields of every trigger", () => {
    for (const trigger of manifest.triggers) {
      trigger.fields.forEach((field, index) => {
        if (field.block === "event" && field.path.startsWith("data.event_data.")) expect(index, `${trigger.code} ${field.path}`).toBeLessThan(5);
      });
    }
  });

  it("put the recipient's email and phone within the first 8 fields, and every trigger about a profile has one", () => {
    const familyOf = new Map(EVENT_TYPES.map((info) => [info.type, info.family]));
    for (const trigger of manifest.triggers) {
      const positions = trigger.fields.flatMap((field, index) => (RECIPIENT_CONTACT.has(field.path) ? [index] : []));
      // A campaign launch is about a campaign: it carries no profile.
      if (familyOf.get(trigger.eventType) !== "launch") expect(positions.length, trigger.code).toBeGreaterThan(0);
      for (const position of positions) expect(position, `${trigger.code} ${trigger.fields[position]!.path}`).toBeLessThan(8);
    }
  });

  it("give email triggers the address the message went to, and SMS triggers the phone", () => {
    const channelOf = new Map(EVENT_TYPES.map((info) => [info.type, info.channel]));
    for (const trigger of manifest.triggers) {
      const paths = trigger.fields.map((field) => field.path);
      if (channelOf.get(trigger.eventType) === "email") expect(paths, trigger.code).toContain("data.subscription[].email");
      if (channelOf.get(trigger.eventType) === "sms") expect(paths, trigger.code).toContain("data.subscription[].phone");
    }
  });

  it("have the types the review asked for: phones as PhoneArray, the birth date as DateTime", () => {
    const all = manifest.triggers.flatMap((trigger) => trigger.fields);
    expect(new Set(all.filter((field) => field.path === "data.custom_data.phones").map((field) => field.type))).toEqual(new Set(["PhoneArray"]));
    expect(new Set(all.filter((field) => field.path === "data.custom_data._bdate").map((field) => field.type))).toEqual(new Set(["DateTime"]));
    expect(all.some((field) => /_md5|_xxh|subscription_hash_id|is_static/.test(field.path))).toBe(false);
  });

  it("make the 19 triggers of the existing Altcraft app wave 1", () => {
    const plan = setupPlan(manifest);
    expect(plan.triggers.filter((trigger) => trigger.wave === 1)).toHaveLength(19);
  });
});
