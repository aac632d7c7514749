/**
 * The preview's search, inlined into the page ahead of the page script (which calls `PreviewSearch`); the
 * tests run this same text in Node. A trigger matches when every word of the query is found at the start
 * of a word of its search text (search-text.ts). A query word stands for its stem (a light cut of common
 * English and Russian endings, so «открытие» finds «открыто» and "clicks" finds "clicked") and, when it is
 * related to a concept of the synonym table (synonyms.ts), for every term of that concept.
 *
 * Text is compared lower-cased with «е» for «ё». "non-" joins the word after it ("non-unique" is one word),
 * as «неуникальные» is in Russian, so "unique" finds the unique triggers and not the non-unique ones; so
 * does a single letter ("e-mail" is "email").
 * Plain ES2018 (Unicode property escapes) so any current browser runs it as is.
 */
export const SEARCH_SCRIPT = String.raw`
var PreviewSearch = (function () {
  "use strict";
  var NOT_WORD = /[^\p{L}\p{N}]+/u;
  // Longest first: the first ending that fits is cut, and only when 4 letters stay.
  var ENDINGS = {
    en: ["ing", "ed", "es", "s"],
    ru: ["иями", "ями", "ами", "ого", "его", "ому", "ему", "ыми", "ими", "ией", "ий", "ый", "ой", "ей", "ая", "яя", "ое", "ее", "ые", "ие",
      "ую", "юю", "ых", "их", "ом", "ем", "ам", "ям", "ах", "ях", "ов", "ев", "ия", "ью", "ию", "ии", "а", "я", "о", "е", "ы", "и", "у", "ю", "ь", "й"],
  };
  var MIN_STEM = 4;
  // A query word is related to a term it begins, from this many letters on ("уник" for "уникальн") …
  var MIN_PREFIX = 3;
  // … and to a term that begins it, when what follows is no longer than an ending ("доставлено" for
  // "достав", not "emaillinkclicked" for "email").
  var MAX_ENDING = 5;

  function normalize(text) {
    return String(text)
      .toLowerCase()
      .replace(/ё/g, "е")
      .replace(/(^|[^\p{L}\p{N}])(non|\p{L})-(?=\p{L})/gu, "$1$2");
  }

  function words(text) {
    return normalize(text).split(NOT_WORD).filter(function (word) { return word !== ""; });
  }

  function stem(word) {
    var endings = /[а-я]/.test(word) ? ENDINGS.ru : ENDINGS.en;
    for (var i = 0; i < endings.length; i++) {
      var ending = endings[i];
      if (word.length - ending.length >= MIN_STEM && word.slice(-ending.length) === ending) return word.slice(0, -ending.length);
    }
    return word;
  }

  /** The search text as " word word …", so that a term at the start of a word is indexOf(" " + term). */
  function index(text) {
    return " " + words(text).join(" ");
  }

  function related(base, term) {
    if (base.indexOf(term) === 0) return base.length - term.length <= MAX_ENDING;
    return base.length >= MIN_PREFIX && term.indexOf(base) === 0;
  }

  /** Each query word with what it stands for: its stem, then the terms of every concept it is related to. */
  function compile(query, synonyms) {
    return words(query).map(function (word) {
      var base = stem(word);
      var alternatives = [base];
      synonyms.forEach(function (concept) {
        if (!concept.terms.some(function (term) { return related(base, term); })) return;
        concept.terms.forEach(function (term) { if (alternatives.indexOf(term) === -1) alternatives.push(term); });
      });
      return alternatives;
    });
  }

  function matches(indexed, compiled) {
    return compiled.every(function (alternatives) {
      return alternatives.some(function (term) { return indexed.indexOf(" " + term) !== -1; });
    });
  }

  return { normalize: normalize, words: words, stem: stem, index: index, compile: compile, matches: matches };
})();
`;
