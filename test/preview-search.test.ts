/**
 * The preview's search, run in Node exactly as the page runs it (the same script text), and its synonym
 * table. The page itself is searched in Chromium by test/preview.test.ts.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { PreviewAction } from "../scripts/derive/preview/actions.js";
import { previewData, type PreviewTrigger } from "../scripts/derive/preview/model.js";
import { SEARCH_SCRIPT } from "../scripts/derive/preview/search-script.js";
import { codeWords, searchText } from "../scripts/derive/preview/search-text.js";
import { SEARCH_SYNONYMS } from "../scripts/derive/preview/synonyms.js";
import type { Manifest } from "../scripts/model/manifest.js";
import { appPreviewInput } from "./fixtures/browser/app-preview.js";

interface Search {
  normalize(text: string): string;
  words(text: string): string[];
  stem(word: string): string;
  index(text: string): string;
  compile(query: string, synonyms: typeof SEARCH_SYNONYMS): string[][];
  matches(indexed: string, compiled: string[][]): boolean;
}

const search = new Function(`${SEARCH_SCRIPT}\nreturn PreviewSearch;`)() as Search;
const finds = (query: string, text: string, synonyms = SEARCH_SYNONYMS) => search.matches(search.index(text), search.compile(query, synonyms));

let triggers: PreviewTrigger[];
let actions: PreviewAction[];
let manifest: Manifest;

beforeAll(async () => {
  const input = await appPreviewInput();
  manifest = input.manifest;
  const data = previewData(input);
  triggers = data.groups.flatMap((group) => group.triggers);
  actions = data.actionGroups.flatMap((group) => group.actions);
});

const found = (query: string) => triggers.filter((trigger) => finds(query, trigger.search)).map((trigger) => trigger.eventType);

describe("the synonym table", () => {
  const terms = SEARCH_SYNONYMS.flatMap((concept) => concept.terms.map((term) => ({ concept: concept.concept, term })));

  it("writes every term as the search compares it: one lower-case word, «е» for «ё»", () => {
    for (const { term } of terms) expect(search.words(term), term).toEqual([term]);
  });

  it("has each term in one concept only, and no term that begins another concept's term", () => {
    for (const a of terms) {
      for (const b of terms) {
        if (a.concept !== b.concept) expect(b.term.startsWith(a.term), `${a.concept}: ${a.term} / ${b.concept}: ${b.term}`).toBe(false);
      }
    }
    expect(new Set(SEARCH_SYNONYMS.map((concept) => concept.concept)).size).toBe(SEARCH_SYNONYMS.length);
  });

  it("names every concept in both languages", () => {
    for (const concept of SEARCH_SYNONYMS) {
      expect(concept.terms.some((term) => /^[a-z0-9]+$/.test(term)), concept.concept).toBe(true);
      expect(concept.terms.some((term) => /[а-я]/.test(term)), concept.concept).toBe(true);
    }
  });

  it("has, in every concept, a term the app's own text contains (its triggers' or its actions')", () => {
    expect(actions.length).toBeGreaterThan(0);
    for (const concept of SEARCH_SYNONYMS) {
      const direct = concept.terms.filter((term) => [...triggers, ...actions].some((item) => finds(term, item.search, [])));
      expect(direct, concept.concept).not.toEqual([]);
    }
  });
});

describe("matching", () => {
  it("ignores case and treats «ё» as «е», in the query and in the text", () => {
    expect(finds("ЖЁСТКИЙ", "Письмо отклонено (жёсткий отказ)")).toBe(true);
    expect(finds("жесткий", "Письмо отклонено (ЖЁСТКИЙ отказ)")).toBe(true);
    expect(finds("Push", "push-уведомление")).toBe(true);
    const alphabet = fc.constantFrom(..."abcxyzABCXYZабвежёяАБВЕЖЁЯ -".split(""));
    fc.assert(
      fc.property(fc.string({ unit: alphabet, minLength: 1, maxLength: 30 }), (text) => {
        const upper = text.toUpperCase();
        const plain = text.replace(/ё/g, "е").replace(/Ё/g, "Е");
        expect(search.normalize(upper)).toBe(search.normalize(text));
        expect(search.normalize(plain)).toBe(search.normalize(text));
        expect(search.normalize(search.normalize(text))).toBe(search.normalize(text));
      }),
      { seed: 20_251_101, numRuns: 300 },
    );
  });

  it("finds a text by any beginning of any of its words, and by all of them together", () => {
    const word = fc.string({ unit: fc.constantFrom(..."abcdefghxyzабвгдежзиклмноя".split("")), minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 6 }), fc.nat(), fc.nat(), (words, pick, cut) => {
        const text = words.join(" ");
        const chosen = words[pick % words.length]!;
        expect(finds(chosen.slice(0, 1 + (cut % chosen.length)), text, [])).toBe(true);
        expect(finds(words.join(" "), text, [])).toBe(true);
        expect(finds("", text, [])).toBe(true);
      }),
      { seed: 20_251_102, numRuns: 300 },
    );
  });

  it("matches at the start of a word only, and keeps non-unique apart from unique", () => {
    expect(finds("unique", "Fires on every open (non-unique).")).toBe(false);
    expect(finds("non-unique", "Fires on every open (non-unique).")).toBe(true);
    expect(finds("уникальн", "включая повторные (неуникальные)")).toBe(false);
    expect(finds("уникальный", "только первое открытие (уникальное)")).toBe(true);
    expect(finds("lick", "Email link clicked")).toBe(false);
    expect(finds("e-mail", "Email sent")).toBe(true);
  });

  it("cuts common endings, so inflected words find each other", () => {
    expect(search.stem("открытие")).toBe("открыт");
    expect(search.stem("письма")).toBe("письм");
    expect(search.stem("clicks")).toBe("click");
    expect(search.stem("opened")).toBe("open");
    expect(search.stem("смс")).toBe("смс"); // too short to cut
    expect(finds("открытие", "Письмо открыто", [])).toBe(true);
    expect(finds("clicked", "Fires on every click", [])).toBe(true);
    expect(finds("clicks", "Email link clicked", [])).toBe(true);
  });

  it("stands a word for its concept only when it is that concept's word plus an ending", () => {
    expect(search.compile("доставлено", SEARCH_SYNONYMS)[0]).toContain("deliv");
    expect(search.compile("уник", SEARCH_SYNONYMS)[0]).toContain("first");
    expect(search.compile("emailLinkClicked", SEARCH_SYNONYMS)).toEqual([["emaillinkclick"]]);
    expect(search.compile("ab", SEARCH_SYNONYMS)).toEqual([["ab"]]);
  });
});

describe("searching the actions", () => {
  const foundActions = (query: string) => actions.filter((action) => finds(query, action.search)).map((action) => action.code).sort();
  // Each query with exactly the actions it finds, the way the page's action picker searches.
  const cases: [string, string[]][] = [
    ["сегмент", ["segmentAdd", "segmentRemove"]],
    ["segments", ["segmentAdd", "segmentRemove"]],
    ["segstatic", ["segmentAdd", "segmentRemove"]],
    ["цель", ["goalRegister"]],
    ["goal", ["goalRegister"]],
    ["конверсия", ["goalRegister"]],
    ["conversion", ["goalRegister"]],
    ["промокод", ["promoCodeActivate", "promoCodeAssign", "promoCodeGet", "promoCodeUpdate"]],
    ["coupon", ["promoCodeActivate", "promoCodeAssign", "promoCodeGet", "promoCodeUpdate"]],
    ["удалить", ["profileDelete", "segmentRemove"]],
    ["remove", ["profileDelete", "segmentRemove"]],
    ["workflow", ["scenarioStart"]],
    ["сценарий", ["scenarioStart"]],
    ["подписка", ["subscriptionSet"]],
    ["subscribe", ["subscriptionSet"]],
    ["триггерная кампания", ["profileImportAndTriggerCampaignStart", "triggerCampaignStart"]],
    ["получить", ["profileGet", "promoCodeGet"]],
    ["пиксель", ["goalRegister"]],
    ["goals-register", ["goalRegister"]],
  ];
  for (const [query, expected] of cases) {
    it(`«${query}» finds ${expected.join(", ")}`, () => {
      expect(foundActions(query)).toEqual(expected);
    });
  }

  it("finds with the words the triggers had before, and no trigger with the new words it should not", () => {
    // «удалить» stands for «удалит…», not «удал», which would find «удалось»; «получить» not «получатель».
    expect(triggers.filter((trigger) => finds("удалить", trigger.search))).toEqual([]);
    expect(triggers.filter((trigger) => finds("получить", trigger.search))).toEqual([]);
    expect(search.compile("удалить", SEARCH_SYNONYMS)[0]).not.toContain("удал");
  });
});

describe("what is searched", () => {
  it("takes names, descriptions, event type, code and its words, and the group's names", () => {
    const click = manifest.triggers.find((trigger) => trigger.eventType === "click")!;
    const text = triggers.find((trigger) => trigger.eventType === "click")!.search;
    for (const part of [click.names.en, click.names.ru, "click", click.code, codeWords(click.code), "Email"]) expect(text).toContain(part);
    expect(codeWords("emailLinkClicked")).toBe("email Link Clicked");
  });

  it("leaves out a description sentence that quotes another trigger's name", () => {
    const [a, b] = structuredClone(manifest.triggers.slice(0, 2)) as [Manifest["triggers"][number], Manifest["triggers"][number]];
    a.descriptions = { en: `Fires often. For the rest, use "${b.names.en}". Quotes “elsewhere” stay.`, ru: `Срабатывает часто. Иначе выберите «${b.names.ru}».` };
    const text = searchText(a, [a, b], { en: "Group", ru: "Группа" });
    expect(text).toContain("Fires often.");
    expect(text).toContain("Quotes “elsewhere” stay.");
    expect(text).not.toContain(b.names.en);
    expect(text).toContain("Срабатывает часто.");
    expect(text).not.toContain(b.names.ru);
    // Its own name, quoted in its own description, stays.
    a.descriptions.en = `Shown as "${a.names.en}".`;
    expect(searchText(a, [a, b], { en: "Group", ru: "Группа" })).toContain(`Shown as "${a.names.en}".`);
  });

  it("finds the first-time triggers for «впервые» and «первый», and none of the triggers pointing to them", () => {
    const firstTime = ["uopen", "uclick", "uclick_sms", "uopen_push", "uclick_push"];
    const pointing = ["open", "click", "click_sms", "open_push", "click_push"];
    for (const query of ["впервые", "первый", "first", "уникальн", "unique"]) {
      expect(found(query), query).toEqual(expect.arrayContaining(firstTime));
      for (const eventType of pointing) expect(found(query), `${query} / ${eventType}`).not.toContain(eventType);
    }
  });
});
