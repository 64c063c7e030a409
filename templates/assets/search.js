/* Search over every briefing, offline.
 *
 * The entries come from search-index.js (window.briefingSearchEntries), loaded as a script
 * so that this works from file:// as well as over HTTP. lunr (bundled with MkDocs) ranks them.
 * Results are built with DOM methods only: no text from the index is ever parsed as HTML.
 */
(function () {
  "use strict";

  var MAX_RESULTS = 50;
  var SNIPPET_CHARS = 220;

  function buildIndex(entries) {
    return lunr(function () {
      this.ref("id");
      this.field("title", { boost: 3 });
      this.field("text");
      this.field("briefing");
      this.metadataWhitelist = ["position"];
      entries.forEach(function (entry, i) {
        this.add({ id: String(i), title: entry.title, text: entry.text, briefing: entry.briefing });
      }, this);
    });
  }

  /* Plain words are matched as typed and as prefixes, so "miss" finds "missing". */
  function search(index, query) {
    try {
      var exact = index.search(query);
      if (exact.length) { return exact; }
    } catch (e) { /* not lunr syntax: fall back to plain words */ }
    var words = query.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    if (!words.length) { return []; }
    return index.query(function (q) {
      words.forEach(function (word) {
        q.term(word, { presence: lunr.Query.presence.REQUIRED, wildcard: lunr.Query.wildcard.TRAILING });
      });
    });
  }

  /* The [start, end) ranges of `field` that matched, merged and in order. */
  function matchedRanges(result, field) {
    var ranges = [];
    Object.keys(result.matchData.metadata).forEach(function (term) {
      var fields = result.matchData.metadata[term];
      if (fields[field] && fields[field].position) {
        fields[field].position.forEach(function (p) { ranges.push([p[0], p[0] + p[1]]); });
      }
    });
    ranges.sort(function (a, b) { return a[0] - b[0]; });
    return ranges;
  }

  /* Append `text` to `parent`, marking the matched ranges, cut to a window around the first match. */
  function appendHighlighted(parent, text, ranges) {
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

  function renderResult(entry, result) {
    var item = document.createElement("li");
    item.className = "search-result";
    var where = document.createElement("p");
    where.className = "search-where";
    where.textContent = entry.briefing + " · " + entry.page;
    var heading = document.createElement("h2");
    var link = document.createElement("a");
    link.href = entry.location;
    appendHighlighted(link, entry.title, matchedRanges(result, "title"));
    heading.appendChild(link);
    var snippet = document.createElement("p");
    snippet.className = "search-snippet";
    appendHighlighted(snippet, entry.text, matchedRanges(result, "text"));
    item.appendChild(heading);
    item.appendChild(where);
    item.appendChild(snippet);
    return item;
  }

  function run() {
    var entries = window.briefingSearchEntries || [];
    var status = document.getElementById("search-status");
    var list = document.getElementById("search-results");
    var input = document.getElementById("search-q");
    var query = (new URLSearchParams(window.location.search).get("q") || "").trim();
    input.value = query;
    if (!query) {
      status.textContent = "Type a word or phrase, then press Search.";
      input.focus();
      return;
    }
    var results = search(buildIndex(entries), query);
    var shown = results.slice(0, MAX_RESULTS);
    status.textContent = results.length === 0
      ? "Nothing found for “" + query + "”. Try fewer or shorter words."
      : results.length + (results.length === 1 ? " result" : " results") + " for “" + query + "”" +
        (results.length > shown.length ? "; showing the first " + shown.length + "." : ".");
    shown.forEach(function (result) {
      list.appendChild(renderResult(entries[Number(result.ref)], result));
    });
  }

  document.addEventListener("DOMContentLoaded", run);
})();
