/**
 * The preview search's synonyms, as data: each concept lists the words (or word stems) that mean the same
 * thing in English and Russian, so «пуш» finds "Push notification delivered", «пиксель» finds "AK-Pixel",
 * «первый» finds «…открыто впервые» and «удалить» finds «Исключить профиль из статического сегмента». A
 * query word related to a term (the term plus an ending, or from three letters on the term's beginning;
 * search-script.ts) is searched as every term of that concept, each at the start of a word.
 *
 * Terms are written as the page's search normalizes text: lower case, «е» for «ё», letters and digits only.
 * test/preview-search.test.ts checks that, and that no term sits in two concepts.
 */
export interface SynonymConcept {
  /** What the concept is, for people reading this table. */
  readonly concept: string;
  readonly terms: readonly string[];
}

export const SEARCH_SYNONYMS: readonly SynonymConcept[] = [
  { concept: "email", terms: ["email", "письм", "писем", "почт", "имейл", "емейл", "мейл"] },
  { concept: "SMS", terms: ["sms", "смс"] },
  { concept: "push notification", terms: ["push", "пуш"] },
  { concept: "AK-Pixel", terms: ["pixel", "пиксел"] },
  { concept: "website", terms: ["website", "site", "сайт"] },
  { concept: "promo code", terms: ["promo", "coupon", "промо", "купон"] },
  { concept: "campaign", terms: ["campaign", "кампани", "рассылк"] },
  { concept: "profile", terms: ["profile", "contact", "профил", "контакт"] },
  { concept: "import", terms: ["import", "импорт"] },
  { concept: "send", terms: ["send", "sent", "отправ"] },
  { concept: "delivery", terms: ["deliv", "достав"] },
  { concept: "bounce", terms: ["bounc", "reject", "отказ", "отклон"] },
  { concept: "open", terms: ["open", "откры"] },
  { concept: "click", terms: ["click", "клик"] },
  { concept: "link", terms: ["link", "url", "ссылк"] },
  // In this app the unique events are the first-time ones ("Email opened (first time)", «…впервые»).
  { concept: "unique, first time", terms: ["uniq", "first", "уникальн", "перв", "впервые"] },
  { concept: "non-unique", terms: ["nonuniq", "неуникальн"] },
  { concept: "unsubscribe", terms: ["unsub", "отпис"] },
  { concept: "subscription", terms: ["subscri", "подпис"] },
  { concept: "confirmation", terms: ["confirm", "подтвер"] },
  { concept: "reply", terms: ["repl", "answer", "ответ"] },
  { concept: "read", terms: ["read", "прочит", "прочт"] },
  { concept: "glance, skim", terms: ["glanc", "skim", "мельк", "бегл", "просмотр"] },
  { concept: "spam complaint", terms: ["spam", "complain", "спам", "жалоб", "жалу"] },
  { concept: "stop list", terms: ["suppress", "stop", "blocklist", "стоп"] },
  { concept: "promo code assigned", terms: ["assign", "issue", "присв", "выда"] },
  { concept: "promo code activated", terms: ["activat", "redeem", "актив", "использ", "погаш"] },
  { concept: "launch", terms: ["launch", "start", "запуск", "запущ", "запуст"] },
  // The actions' words.
  { concept: "segment", terms: ["segment", "сегмент"] },
  { concept: "goal, conversion", terms: ["goal", "conversion", "цель", "цели", "конверси"] },
  { concept: "scenario, workflow", terms: ["scenario", "workflow", "сценари"] },
  { concept: "database", terms: ["databas", "баз"] },
  // "Remove from a segment" and "delete a profile" both take something away; «удал» alone would find «удалось».
  { concept: "delete, remove", terms: ["delet", "remov", "удалит", "удаля", "удален", "исключ"] },
  { concept: "update, change", terms: ["updat", "chang", "edit", "modif", "обнов", "измен", "редакт"] },
  // «получ» alone would find «получатель» (a recipient), «поиск» every "способ поиска" (matching mode).
  { concept: "find, get", terms: ["find", "get", "lookup", "найт", "получит"] },
];
