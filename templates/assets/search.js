/* Search over every briefing, offline.
 *
 * The index comes from search-index.js (window.briefingSearchIndex), built at build time and
 * loaded as a script so that this works from file:// as well as over HTTP. It holds sorted
 * terms, each with the entries it occurs in and a weight; a query word matches every term
 * it begins ("miss" finds "missing"), found by binary search. An entry must match every
 * word; if none does, entries matching the most words come first.
 * Results are built with DOM methods only: no text from the index is ever parsed as HTML.
 */
(function () {
  "use strict";

  var MAX_RESULTS = 50;
  var SNIPPET_CHARS = 220;
  var WORD = /[\p{L}\p{N}]+/gu;
  var PAGE_NAMES = { index: "Overview", findings: "Findings", concerns: "Concerns",
                     reactions: "Reactions", source: "Source", people: "People" };
  var STOP_WORDS = new Set(("a an and are as at be been but by for from had has have he her his i in " +
    "into is it its of on or our she so than that the their there they this to was we were which who " +
    "will with").split(" "));

  /* Lower case, accents folded, as the index keeps its terms. */
  function fold(text) {
    return text.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "");
  }

  function queryWords(query) {
    var words = fold(query).match(WORD) || [];
    return words.filter(function (w, i) { return !STOP_WORDS.has(w) && words.indexOf(w) === i; });
  }

  /* Index of the first term >= word. */
  function lowerBound(terms, word) {
    var lo = 0, hi = terms.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (terms[mid] < word) { lo = mid + 1; } else { hi = mid; }
    }
    return lo;
  }

  /* entry -> weight, over every term that begins with `word` (an exact term counts double). */
  function matchesOf(index, word) {
    var found = new Map();
    for (var t = lowerBound(index.terms, word); t < index.terms.length; t++) {
      var term = index.terms[t];
      if (term.lastIndexOf(word, 0) !== 0) { break; }
      var postings = index.postings[t];
      var factor = term === word ? 2 : 1;
      var entry = 0;
      for (var p = 0; p < postings.length; p += 2) {
        entry += postings[p];  /* entry numbers are stored as gaps */
        found.set(entry, (found.get(entry) || 0) + postings[p + 1] * factor);
      }
    }
    return found;
  }

  /* How well an entry matches one word: more occurrences help, with diminishing returns,
   * and a short entry that mentions the word beats a long one that also does (as in BM25). */
  function relevance(weight, entry, index) {
    var length = entry[3].length + entry[4].length;
    return weight / (weight + 1.2 * (0.25 + 0.75 * length / index.averageLength));
  }

  function search(index, words) {
    var scores = new Map(), hits = new Map();
    words.forEach(function (word) {
      matchesOf(index, word).forEach(function (weight, entry) {
        var score = relevance(weight, index.entries[entry], index);
        scores.set(entry, (scores.get(entry) || 0) + score);
        hits.set(entry, (hits.get(entry) || 0) + 1);
      });
    });
    var results = Array.from(scores.keys());
    var all = results.filter(function (e) { return hits.get(e) === words.length; });
    if (all.length) { results = all; }
    return results.sort(function (a, b) {
      return (hits.get(b) - hits.get(a)) || (scores.get(b) - scores.get(a)) || (a - b);
    });
  }

  /* [start, end) of every word in `text` that begins with a query word. */
  function matchedRanges(text, words) {
    var ranges = [], match;
    WORD.lastIndex = 0;
    while ((match = WORD.exec(text)) !== null) {
      var word = fold(match[0]);
      if (words.some(function (w) { return word.lastIndexOf(w, 0) === 0; })) {
        ranges.push([match.index, match.index + match[0].length]);
      }
    }
    return ranges;
  }

  /* Append `text` to `parent`, marking the matched ranges, cut to a window around the first match. */
  function appendHighlighted(parent, text, words) {
    var ranges = matchedRanges(text, words);
    var start = 0, end = text.length;
    if (text.length > SNIPPET_CHARS) {
      var first = ranges.length ? ranges[0][0] : 0;
      start = Math.max(0, first - 60);
      end = Math.min(text.length, start + SNIPPET_CHARS);
    }
    if (start > 0) { parent.appendChild(document.createTextNode("… ")); }
    var at = start;
    ranges.forEach(function (r) {
      var from = Math.max(r[0], at), to = Math.min(r[1], end);
      if (to <= from) { return; }
      parent.appendChild(document.createTextNode(text.slice(at, from)));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(from, to);
      parent.appendChild(mark);
      at = to;
    });
    parent.appendChild(document.createTextNode(text.slice(at, end)));
    if (end < text.length) { parent.appendChild(document.createTextNode(" …")); }
  }

  function renderResult(index, entry, words) {
    var briefing = index.briefings[entry[0]];
    var location = briefing[0] + "/" + entry[1] + ".html" + (entry[2] ? "#" + entry[2] : "");
    var page = PAGE_NAMES[entry[1]] || entry[1];
    var item = document.createElement("li");
    item.className = "search-result";
    var heading = document.createElement("h2");
    var link = document.createElement("a");
    link.href = location;
    appendHighlighted(link, entry[3], words);
    heading.appendChild(link);
    var where = document.createElement("p");
    where.className = "search-where";
    where.textContent = briefing[1] + " · " + page;
    var snippet = document.createElement("p");
    snippet.className = "search-snippet";
    appendHighlighted(snippet, entry[4], words);
    item.appendChild(heading);
    item.appendChild(where);
    item.appendChild(snippet);
    return item;
  }

  function run() {
    var index = window.briefingSearchIndex;
    var status = document.getElementById("search-status");
    var list = document.getElementById("search-results");
    var input = document.getElementById("search-q");
    var query = (new URLSearchParams(window.location.search).get("q") || "").trim();
    input.value = query;
    var words = queryWords(query);
    if (!words.length) {
      status.textContent = query ? "Type more than common words such as “the”, then press Search."
                                 : "Type a word or phrase, then press Search.";
      input.focus();
      return;
    }
    var results = search(index, words);
    var shown = results.slice(0, MAX_RESULTS);
    status.textContent = results.length === 0
      ? "Nothing found for “" + query + "”. Try fewer or shorter words."
      : results.length + (results.length === 1 ? " result" : " results") + " for “" + query + "”" +
        (results.length > shown.length ? "; showing the first " + shown.length + "." : ".");
    shown.forEach(function (entry) {
      list.appendChild(renderResult(index, index.entries[entry], words));
    });
  }

  document.addEventListener("DOMContentLoaded", run);
})();
