/* Search over every briefing, offline, loading only the parts of the index a query needs.
 *
 * The index is split into small scripts in assets/search/ (see briefing/site/search_shards.py):
 * meta.js, a term shard per first two letters of a term, postings blocks of common terms
 * (best matches first) and document shards of 32 entries. Each is loaded as a <script>, which
 * works from file:// as well as over HTTP, and hands its data to briefingSearchShard().
 * A query word matches the term it spells, every term it begins ("inspect" finds
 * "inspection") and, from four letters, terms one edit away ("inspecton"); scores are
 * BM25 impacts computed at build time, added up per entry. An entry must match every word;
 * if none does, entries matching the most words come first.
 * Results are built with DOM methods only: no text from the index is ever parsed as HTML.
 */
(function () {
  "use strict";

  var PAGE_SIZE = 50;
  var SNIPPET_CHARS = 220;
  var TITLE_CHARS = 90;
  var TYPING_PAUSE_MS = 50;
  var FIRST_SHOWN = 8;
  var REST_PAUSE_MS = 200;
  var MAX_COMPLETIONS = 12;
  var MAX_NEAR = 6;
  var WORD = /[\p{L}\p{N}]+/gu;
  var KINDS = {
    overview: { page: "index", pageName: "Overview", label: "Overview" },
    finding: { page: "findings", pageName: "Findings", label: "Finding" },
    concern: { page: "concerns", pageName: "Concerns", label: "Concern" },
    quote: { page: "reactions", pageName: "Reactions", label: "Quote" },
    person: { page: "people", pageName: "People", label: "Person" },
    source: { page: "source", pageName: "Source", label: "Source, paragraph" }
  };
  var STOP_WORDS = new Set(("a an and are as at be been but by for from had has have he her his i in " +
    "into is it its of on or our she so than that the their there they this to was we were which who " +
    "will with").split(" "));

  var script = document.currentScript;
  var base = script.src.replace(/search\.js(\?.*)?$/, "search/");
  var loading = new Map();
  var waiting = new Map();

  /* Called by every file of the index as it loads. */
  window.briefingSearchShard = function (name, data) {
    var resolve = waiting.get(name);
    waiting.delete(name);
    if (resolve) { resolve(data); }
  };

  /* The data of one file of the index, loaded once. */
  function load(name) {
    if (!loading.has(name)) {
      loading.set(name, new Promise(function (resolve, reject) {
        waiting.set(name, resolve);
        var element = document.createElement("script");
        element.src = base + name + ".js";
        element.async = true;
        element.onerror = function () { reject(new Error("could not load " + element.src)); };
        document.head.appendChild(element);
      }));
    }
    return loading.get(name);
  }

  /* Lower case, accents folded, as the index keeps its terms. */
  function fold(text) {
    return text.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "");
  }

  function queryWords(query) {
    var words = fold(query).match(WORD) || [];
    return words.filter(function (w, i) { return !STOP_WORDS.has(w) && words.indexOf(w) === i; });
  }

  function shardKey(word) { return Array.from(word).slice(0, 2).join(""); }

  function fileKey(key) {
    return Array.from(key).map(function (c) {
      return /[a-z0-9]/.test(c) ? c : "_" + c.codePointAt(0).toString(16);
    }).join("");
  }

  /* Whether a and b are at most one edit apart (a letter added, dropped, changed or two swapped). */
  function oneEditApart(a, b) {
    if (Math.abs(a.length - b.length) > 1) { return false; }
    var i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) { i++; }
    if (a.length === b.length) {
      return a.slice(i + 1) === b.slice(i + 1) ||
        (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
    }
    return a.length < b.length ? a.slice(i) === b.slice(i + 1) : a.slice(i + 1) === b.slice(i);
  }

  /* The terms a query word stands for, each with how much a match counts. */
  function termsFor(word, shard) {
    var exact = [], begun = [], near = [];
    shard.forEach(function (row, at) {
      var term = row[0], found = { term: term, row: row, at: at };
      if (term === word) { exact.push(Object.assign(found, { factor: 1 })); }
      else if (term.lastIndexOf(word, 0) === 0) {
        begun.push(Object.assign(found, { factor: 0.4 + 0.5 * word.length / term.length }));
      } else if (word.length >= 4 && oneEditApart(word, term)) {
        near.push(Object.assign(found, { factor: 0.5 }));
      }
    });
    var commonest = function (a, b) { return (b.row[1] - a.row[1]) || (a.at - b.at); };
    return exact.concat(begun.sort(commonest).slice(0, MAX_COMPLETIONS),
                        near.sort(commonest).slice(0, MAX_NEAR));
  }

  /* A query in progress: its words, the terms they stand for, and the postings loaded so far. */
  function Query(meta, words) {
    this.meta = meta;
    this.words = words;
    this.terms = [];  /* per word: its terms, each with the blocks loaded */
  }

  Query.prototype.start = function () {
    var self = this, shards = new Set(this.meta.shards);
    return Promise.all(this.words.map(function (word) {
      var key = shardKey(word);
      if (!shards.has(key)) { return Promise.resolve([]); }
      return load("t-" + fileKey(key)).then(function (shard) {
        return termsFor(word, shard).map(function (t) {
          t.file = "p-" + fileKey(key) + "-" + t.at + "-";
          t.postings = t.row[2] === 0 ? [t.row[3]] : [];
          return t;
        });
      });
    })).then(function (terms) { self.terms = terms; return self.more(); });
  };

  /* Whether every posting of every term is loaded. */
  Query.prototype.complete = function () {
    return this.terms.every(function (terms) {
      return terms.every(function (t) { return t.row[2] === 0 || t.postings.length === t.row[2]; });
    });
  };

  /* Load the next block of each term that has more. */
  Query.prototype.more = function () {
    var loads = [];
    this.terms.forEach(function (terms) {
      terms.forEach(function (t) {
        if (t.row[2] > t.postings.length) {
          loads.push(load(t.file + t.postings.length).then(function (p) { t.postings.push(p); }));
        }
      });
    });
    return Promise.all(loads);
  };

  /* Entry numbers matched, best first, kept to those that pass `keep(entry)`. */
  Query.prototype.results = function (keep) {
    var scores = new Map(), hits = new Map(), self = this;
    this.terms.forEach(function (terms) {
      var best = new Map();  /* per entry, its best term of this word: "child" and "children" count once */
      terms.forEach(function (t) {
        t.postings.forEach(function (flat) {
          for (var p = 0, entry = 0; p < flat.length; p += 2) {
            entry += flat[p];
            var score = flat[p + 1] * t.factor;
            if (!(best.get(entry) >= score)) { best.set(entry, score); }
          }
        });
      });
      best.forEach(function (score, entry) {
        scores.set(entry, (scores.get(entry) || 0) + score);
        hits.set(entry, (hits.get(entry) || 0) + 1);
      });
    });
    var results = Array.from(scores.keys()).filter(keep);
    var all = results.filter(function (e) { return hits.get(e) === self.words.length; });
    if (all.length) { results = all; }
    return results.sort(function (a, b) {
      return (hits.get(b) - hits.get(a)) || (scores.get(b) - scores.get(a)) || (a - b);
    });
  };

  /* The terms this query matched: the words to mark in results. */
  Query.prototype.matched = function () {
    return new Set([].concat.apply([], this.terms).map(function (t) { return t.term; }));
  };

  /* Per entry number, its briefing and kind, from meta.js's counts. */
  function Entries(meta) {
    var width = meta.kinds.length, starts = [], organisations = [], kindStarts = [], at = 0;
    for (var b = 0; b < meta.briefings.length; b += width) {
      starts.push(at);
      organisations.push(meta.briefings[b]);
      var kinds = [at];
      at += 1;
      for (var k = 1; k < width; k++) { kinds.push(at); at += meta.briefings[b + k]; }
      kindStarts.push(kinds);
    }
    this.starts = starts;
    this.organisations = organisations;
    this.kindStarts = kindStarts;
    this.meta = meta;
  }

  Entries.prototype.briefingOf = function (entry) {
    var lo = 0, hi = this.starts.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= entry) { lo = mid; } else { hi = mid - 1; }
    }
    return lo;
  };

  Entries.prototype.kindOf = function (entry) {
    var kinds = this.kindStarts[this.briefingOf(entry)], k = kinds.length - 1;
    while (kinds[k] > entry) { k--; }
    return this.meta.kinds[k];
  };

  /* The test an entry must pass for the kind and organisation chosen ("" for any). */
  Entries.prototype.filter = function (kind, organisation) {
    var self = this, number = this.meta.organisations.indexOf(organisation);
    return function (entry) {
      return (!kind || self.kindOf(entry) === kind) &&
        (!organisation || self.organisations[self.briefingOf(entry)] === number);
    };
  };

  /* Whether a word of the text is one to mark: a matched term, or one a query word begins. */
  function marks(word, words, matched) {
    word = fold(word);
    return matched.has(word) || words.some(function (w) { return word.lastIndexOf(w, 0) === 0; });
  }

  /* [start, end) of `text` to show: at most `size` characters around the first marked word,
   * both ends at word boundaries. */
  function window_(text, size, first) {
    if (text.length <= size) { return [0, text.length]; }
    var start = Math.max(0, first - 60);
    if (start > 0) {
      var space = text.lastIndexOf(" ", start);
      start = space < 0 ? 0 : space + 1;
    }
    var end = start + size;
    if (end >= text.length) { return [start, text.length]; }
    var cut = text.lastIndexOf(" ", end);
    return [start, cut > start ? cut : end];
  }

  /* Append `text` to `parent`, cut to `size` characters at word boundaries, marking the words. */
  function appendMarked(parent, text, words, matched, size) {
    var ranges = [], match;
    WORD.lastIndex = 0;
    while ((match = WORD.exec(text)) !== null) {
      if (marks(match[0], words, matched)) { ranges.push([match.index, match.index + match[0].length]); }
    }
    var shown = window_(text, size, ranges.length ? ranges[0][0] : 0), at = shown[0];
    if (shown[0] > 0) { parent.appendChild(document.createTextNode("… ")); }
    ranges.forEach(function (r) {
      if (r[0] < at || r[1] > shown[1]) { return; }
      parent.appendChild(document.createTextNode(text.slice(at, r[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(r[0], r[1]);
      parent.appendChild(mark);
      at = r[1];
    });
    parent.appendChild(document.createTextNode(text.slice(at, shown[1]).replace(/[\s,;:]+$/, "")));
    if (shown[1] < text.length) { parent.appendChild(document.createTextNode(" …")); }
  }

  /* One result: a heading naming the kind and the item, its briefing and page, a snippet. */
  function resultItem(documents, entry, meta, words, matched) {
    var row = documents.entries[entry % meta.block];
    var briefing = documents.briefings[row[0]], kind = KINDS[meta.kinds[row[1]]];
    var item = document.createElement("li");
    item.className = "search-result";
    var heading = document.createElement("h2");
    var link = document.createElement("a");
    link.href = briefing[0] + "/" + kind.page + ".html" + (row[2] ? "#" + row[2] : "");
    /* A finding or concern is named by its own words; the rest by a name, a number, a title. */
    var named = row[1] === 0 ? briefing[1] : row[3] || row[4];
    link.appendChild(document.createTextNode(kind.label + (row[1] === 5 ? " " : ": ")));
    appendMarked(link, named, words, matched, TITLE_CHARS);
    heading.appendChild(link);
    var where = document.createElement("p");
    where.className = "search-where";
    where.textContent = briefing[1] + " · " + kind.pageName;
    item.appendChild(heading);
    item.appendChild(where);
    if (named !== row[4] || row[4].length > TITLE_CHARS) {  /* else the heading says it all */
      var snippet = document.createElement("p");
      snippet.className = "search-snippet";
      appendMarked(snippet, row[4], words, matched, SNIPPET_CHARS);
      item.appendChild(snippet);
    }
    return item;
  }

  /* The page: the form, the filters, the status, the results and the page buttons. */
  function SearchPage(meta) {
    var byId = document.getElementById.bind(document);
    this.meta = meta;
    this.entries = new Entries(meta);
    this.input = byId("search-q");
    this.kind = byId("search-kind");
    this.organisation = byId("search-organisation");
    this.status = byId("search-status");
    this.list = byId("search-results");
    this.pages = byId("search-pages");
    this.previous = byId("search-previous");
    this.next = byId("search-next");
    this.page = 0;
    this.generation = 0;
    this.timer = null;
    this.lastRun = 0;
  }

  SearchPage.prototype.start = function () {
    var self = this, params = new URLSearchParams(window.location.search);
    this.input.value = (params.get("q") || "").trim();
    this.kind.value = params.get("kind") || "";
    this.organisation.value = params.get("organisation") || "";
    this.page = Math.max(0, (parseInt(params.get("page"), 10) || 1) - 1);
    var later = function () { self.page = 0; self.later(); };
    this.input.addEventListener("input", later);
    this.kind.addEventListener("change", later);
    this.organisation.addEventListener("change", later);
    this.input.form.addEventListener("submit", function (event) {
      event.preventDefault();
      self.page = 0;
      self.now();
    });
    this.previous.addEventListener("click", function () { self.turn(-1); });
    this.next.addEventListener("click", function () { self.turn(1); });
    this.now();
    if (!this.input.value) { this.input.focus(); }
  };

  /* Search at once after a pause in typing, else once keys stop coming faster than the pause. */
  SearchPage.prototype.later = function () {
    var self = this, run = function () { self.lastRun = Date.now(); self.now(); };
    clearTimeout(this.timer);
    if (Date.now() - this.lastRun >= TYPING_PAUSE_MS) { run(); } else { this.timer = setTimeout(run, TYPING_PAUSE_MS); }
  };

  SearchPage.prototype.turn = function (by) {
    this.page = Math.max(0, this.page + by);
    this.now().then(function () { document.getElementById("search-status").focus(); });
  };

  /* Search for what the form holds now; an answer that comes after a newer search is dropped. */
  SearchPage.prototype.now = function () {
    var self = this, generation = ++this.generation, typed = this.input.value.trim();
    var words = queryWords(typed), page = this.page;
    this.remember(typed);
    if (!words.length) {
      this.show([], typed ? "Type more than common words such as “the”." : "Type a word or phrase.");
      return Promise.resolve();
    }
    var query = new Query(this.meta, words);
    var keep = this.entries.filter(this.kind.value, this.organisation.value);
    var wanted = (page + 1) * PAGE_SIZE + 1;
    var gather = function () {
      var results = query.results(keep);
      if (results.length >= wanted || query.complete()) { return results; }
      return query.more().then(gather);
    };
    return query.start().then(gather).then(function (results) {
      var shown = results.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
      var matched = query.matched();
      var items = function (entries) { return self.items(entries, words, matched); };
      /* The first few as soon as their documents are in, the rest of the page after them. */
      return items(shown.slice(0, FIRST_SHOWN)).then(function (first) {
        if (generation !== self.generation) { return; }
        self.show(first, self.describe(typed, results.length, query.complete(), page, shown.length),
                  page > 0, results.length > (page + 1) * PAGE_SIZE);
        if (shown.length > FIRST_SHOWN) { self.list.setAttribute("aria-busy", "true"); }
        /* The rest once typing pauses: a reader typing on would not see them. */
        return new Promise(function (resolve) { setTimeout(resolve, REST_PAUSE_MS); }).then(function () {
          if (generation !== self.generation) { return; }
          return items(shown.slice(FIRST_SHOWN)).then(function (rest) {
            if (generation !== self.generation) { return; }
            self.list.append.apply(self.list, rest);
            self.list.removeAttribute("aria-busy");
          });
        });
      });
    }, function () {
      if (generation === self.generation) { self.show([], "Search could not load its index."); }
    });
  };

  /* The list items of `entries`, once the document shards that hold them are loaded. */
  SearchPage.prototype.items = function (entries, words, matched) {
    var block = this.meta.block, meta = this.meta;
    var files = Array.from(new Set(entries.map(function (e) { return Math.floor(e / block); })));
    return Promise.all(files.map(function (n) { return load("d-" + n); })).then(function (docs) {
      var byFile = new Map(files.map(function (n, i) { return [n, docs[i]]; }));
      return entries.map(function (e) {
        return resultItem(byFile.get(Math.floor(e / block)), e, meta, words, matched);
      });
    });
  };

  SearchPage.prototype.describe = function (typed, count, complete, page, shown) {
    if (count === 0) { return "Nothing found for “" + typed + "”. Try fewer or shorter words, or another filter."; }
    var total = complete || count < (page + 1) * PAGE_SIZE ? count + (count === 1 ? " result" : " results")
                                                         : "More than " + count + " results";
    var first = page * PAGE_SIZE + 1;
    return total + " for “" + typed + "”" +
      (count > shown || page > 0 ? "; showing " + first + " to " + (first + shown - 1) + "." : ".");
  };

  SearchPage.prototype.show = function (items, status, hasPrevious, hasNext) {
    this.status.textContent = status;
    this.list.removeAttribute("aria-busy");
    this.list.replaceChildren.apply(this.list, items);
    this.previous.hidden = !hasPrevious;
    this.next.hidden = !hasNext;
    this.pages.hidden = !hasPrevious && !hasNext;
  };

  /* Keep the query in the address, so it can be bookmarked, shared and gone back to. */
  SearchPage.prototype.remember = function (typed) {
    var params = new URLSearchParams();
    if (typed) { params.set("q", typed); }
    if (this.kind.value) { params.set("kind", this.kind.value); }
    if (this.organisation.value) { params.set("organisation", this.organisation.value); }
    if (this.page) { params.set("page", String(this.page + 1)); }
    try {
      window.history.replaceState(null, "", "?" + params.toString());
    } catch (error) {
      /* Some browsers refuse to change the address of a file:// page; search works on. */
    }
  };

  document.addEventListener("DOMContentLoaded", function () {
    load("meta").then(function (meta) { new SearchPage(meta).start(); }, function () {
      document.getElementById("search-status").textContent = "Search could not load its index.";
    });
  });
})();
