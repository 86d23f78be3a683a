/* Tejido search: loads only the index shards a query needs, by <script> tags so the
   site also works when opened from disk (file://). Index format: core/search.py. */
(function () {
  "use strict";

  var script = document.currentScript;
  var root = script.getAttribute("data-search-root");
  var siteRoot = script.getAttribute("data-site-root");
  var store = {};
  var waiting = {};

  function receive(name, data) {
    store[name] = data;
    (waiting[name] || []).forEach(function (resolve) { resolve(data); });
    delete waiting[name];
  }

  function load(name) {
    if (name in store) return Promise.resolve(store[name]);
    return new Promise(function (resolve) {
      if (waiting[name]) { waiting[name].push(resolve); return; }
      waiting[name] = [resolve];
      var tag = document.createElement("script");
      tag.src = root + name + ".js";
      tag.async = true;
      tag.onerror = function () { receive(name, null); };
      document.head.appendChild(tag);
    });
  }

  /* core/text.py's fold: lowercase, NFKD, without the combining marks meta.js lists
     (runs as gap, length - 1; see text.combining_marks), so both fold alike. */
  function marks(meta) {
    if (!meta.marks) {
      var ranges = [], end = 0;
      for (var i = 0; i < meta.fold.length; i += 2) {
        var start = end + meta.fold[i];
        end = start + meta.fold[i + 1];
        ranges.push("\\u{" + start.toString(16) + "}-\\u{" + end.toString(16) + "}");
      }
      meta.marks = new RegExp("[" + ranges.join("") + "]", "gu");
    }
    return meta.marks;
  }

  function fold(meta, text) {
    return text.toLowerCase().normalize("NFKD").replace(marks(meta), "");
  }

  /* Apostrophes, hyphens, the saltillo and zero-width characters join the parts of one
     word (meta.js lists them: JOINERS in core/search.py): a query word written with them
     searches the whole ("Ko'tantik" -> "kotantik"), which the index holds beside each part. */
  function compound(meta) {
    if (!meta.compound) {
      var joiners = meta.joiners.map(function (code) {
        return "\\u{" + code.toString(16) + "}";
      }).join("");
      meta.compound = new RegExp("[a-z0-9]+(?:[" + joiners + "]+[a-z0-9]+)*", "gu");
    }
    return meta.compound;
  }

  function terms(meta, query) {
    var stop = new Set(meta.stop);
    return (fold(meta, query).match(compound(meta)) || []).map(function (word) {
      return (word.match(/[a-z0-9]+/g) || []).join("");
    }).filter(function (word) {
      return word.length > 1 && !stop.has(word);
    });
  }

  /* Whether two words are one letter apart: one changed, added, dropped or two swapped. */
  function oneOff(a, b) {
    if (Math.abs(a.length - b.length) > 1 || a === b) return false;
    var i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    if (a.length === b.length) {
      return a.slice(i + 1) === b.slice(i + 1) ||
        (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
    }
    return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  /* Scores of the docs matching one word: its own form counts fully, longer forms
     that start with it (what is still being typed, or a plural) count less; when
     neither exists, a form one letter off (a typo: "oaxca") counts less still. */
  function matchWord(shard, word) {
    var scores = new Map();
    if (!shard) return scores;
    var stems = new Map();
    var forms = Object.keys(shard.forms);
    forms.forEach(function (form) {
      var factor = form === word ? 1 : form.lastIndexOf(word, 0) === 0 ? 0.6 : 0;
      var stem = shard.forms[form];
      if (factor > (stems.get(stem) || 0)) stems.set(stem, factor);
    });
    if (!stems.size && word.length >= 4) {
      forms.forEach(function (form) {
        if (oneOff(word, form)) stems.set(shard.forms[form], 0.4);
      });
    }
    stems.forEach(function (factor, stem) {
      var postings = shard.stems[stem];
      var doc = 0;
      for (var i = 0; i < postings.length; i += 2) {
        doc += postings[i];
        var score = postings[i + 1] * factor;
        if (score > (scores.get(doc) || 0)) scores.set(doc, score);
      }
    });
    return scores;
  }

  /* Each doc with its score and how many of the words it matched. */
  function combine(maps) {
    var all = new Map();
    maps.forEach(function (map) {
      map.forEach(function (score, doc) {
        var seen = all.get(doc) || { score: 0, words: 0 };
        all.set(doc, { score: seen.score + score, words: seen.words + 1 });
      });
    });
    return all;
  }

  /* Doc numbers matching a query, best first: those with every word, then those with
     the most; `complete` says how many have every word.  null for a query with no
     usable word. */
  function query(text) {
    return load("meta").then(function (meta) {
      if (!meta) return null;  // the index did not load (a broken copy of the site)
      var words = terms(meta, text);
      if (!words.length) return null;
      return Promise.all(words.map(function (word) {
        var key = word.slice(0, 2);
        var shard = meta.shards.indexOf(key) >= 0 ? load("s-" + key) : Promise.resolve(null);
        return shard.then(function (data) { return matchWord(data, word); });
      })).then(function (maps) {
        var found = combine(maps);
        var ranked = Array.from(found.keys()).sort(function (a, b) {
          var x = found.get(a), y = found.get(b);
          return y.words - x.words || y.score - x.score || a - b;
        });
        ranked.complete = ranked.filter(function (n) {
          return found.get(n).words === maps.length;
        }).length;
        ranked.words = maps.length;
        return ranked;
      });
    });
  }

  /* Display data of docs: {title, kind, url, summary, fresh}, url relative to this page. */
  function docs(numbers) {
    return load("meta").then(function (meta) {
      if (!meta) return [];
      var chunks = Array.from(new Set(numbers.map(function (n) {
        return Math.floor(n / meta.chunk);
      })));
      return Promise.all(chunks.map(function (c) { return load("d-" + c); })).then(function () {
        return numbers.filter(function (n) {
          return store["d-" + Math.floor(n / meta.chunk)];  // skip chunks that failed to load
        }).map(function (n) {
          var row = store["d-" + Math.floor(n / meta.chunk)][n % meta.chunk];
          return { number: n, title: row[0], kind: row[1], kindLabel: meta.kinds[row[1]] || row[1],
                   url: siteRoot + row[2], summary: row[3], fresh: row[4] || "",
                   freshLabel: (meta.fresh || {})[row[4]] || "", summaryLang: row[5] || "",
                   untranslated: (meta.texts || {}).untranslated || "" };
        });
      });
    });
  }

  /* A summary as text, marked with its language when it fell back to another one. */
  function summary(doc, className) {
    var node = document.createElement("span");
    node.className = className;
    var text = document.createElement("span");
    text.textContent = doc.summary;
    if (doc.summaryLang) text.lang = doc.summaryLang;
    node.append(text);
    if (doc.summaryLang && doc.untranslated) {
      var mark = document.createElement("span");
      mark.className = "tj-untranslated";
      mark.textContent = " (" + doc.untranslated + ")";
      node.append(mark);
    }
    return node;
  }

  /* How fresh an entry is, as a word (not only a colour); nothing for hand-written pages. */
  function freshBadge(doc) {
    if (!doc.fresh) return "";
    var badge = document.createElement("span");
    badge.className = "tj-fresh tj-fresh--" + doc.fresh;
    badge.textContent = doc.freshLabel;
    return badge;
  }

  window.tejidoSearch = { receive: receive, load: load, query: query, docs: docs, fold: fold,
                          freshBadge: freshBadge, summary: summary };

  /* The search box under the header: a combobox listing the first results.  Options
     hold no links (axe: nested-interactive); choosing one opens its page. */
  var form = document.querySelector("form.tj-searchbar");
  if (!form) return;
  var input = form.querySelector("input");
  var list = form.querySelector("[role=listbox]");
  var status = form.querySelector(".tj-searchbar__status");
  var sequence = 0;
  var active = -1;
  var SHOWN = 8;

  function text(key, count) {
    return (form.getAttribute("data-" + key) || "").replace("{count}", count);
  }

  function part(className, content) {
    var node = document.createElement("span");
    node.className = className;
    node.textContent = content;
    return node;
  }

  function option(id, href, children, className) {
    var item = document.createElement("li");
    item.setAttribute("role", "option");
    item.id = id;
    item.className = className || "";
    item.setAttribute("data-href", href);
    item.append.apply(item, children);
    item.addEventListener("click", function () { location.href = href; });
    return item;
  }

  function result(doc, index) {
    var badges = document.createElement("span");
    badges.className = "tj-card__badges";
    badges.append(part("tj-badge", doc.kindLabel), " ", freshBadge(doc));
    return option("tj-result-" + index, doc.url, [part("tj-result__title", doc.title), " ",
      badges, summary(doc, "tj-result__summary")]);
  }

  function note(content) {
    var item = document.createElement("li");
    item.className = "tj-result__note";
    item.setAttribute("role", "presentation");
    item.textContent = content;
    return item;
  }

  function directoryUrl() {
    return form.getAttribute("action") + "?q=" + encodeURIComponent(input.value.trim());
  }

  /* The first results, a line when none has every word, and "see all in the directory";
     or, with nothing found, "no results" and what to try. */
  function show(found, numbers) {
    var items = [];
    if (numbers && !numbers.length) {
      items.push(note(text("none", 0)), note(text("try", 0)));
      items.push(option("tj-result-all", form.getAttribute("action"),
                        [part("tj-result__title", text("browse", 0))], "tj-result__all"));
    } else if (numbers) {
      if (!numbers.complete && numbers.words > 1) items.push(note(text("some", 0)));
      found.forEach(function (doc, index) {  // where those with every word end
        if (numbers.complete && index === numbers.complete) items.push(note(text("partial", 0)));
        items.push(result(doc, index));
      });
      items.push(option("tj-result-all", directoryUrl(), [part("tj-result__title",
        text(numbers.length === 1 ? "all-one" : "all", numbers.length))], "tj-result__all"));
    }
    list.replaceChildren.apply(list, items);
    list.hidden = numbers === null;
    input.setAttribute("aria-expanded", String(!list.hidden));
    active = -1;
    input.removeAttribute("aria-activedescendant");
    status.textContent = numbers === null ? "" : !numbers.length ? text("none", 0)
      : text(numbers.length === 1 ? "one" : "many", numbers.length);
  }

  function run() {
    var mine = ++sequence;
    query(input.value).then(function (numbers) {
      if (mine !== sequence) return;
      if (numbers === null) { show([], null); return; }
      docs(numbers.slice(0, SHOWN)).then(function (found) {
        if (mine === sequence) show(found, numbers);
      });
    });
  }

  function move(step) {
    var items = list.querySelectorAll("[role=option]");
    if (!items.length) return;
    if (active >= 0) items[active].removeAttribute("aria-selected");
    active = (active + step + items.length) % items.length;
    items[active].setAttribute("aria-selected", "true");
    items[active].scrollIntoView({ block: "nearest" });
    input.setAttribute("aria-activedescendant", items[active].id);
  }

  input.addEventListener("input", run);
  input.addEventListener("focus", function () { load("meta"); });
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown") { move(1); event.preventDefault(); }
    else if (event.key === "ArrowUp") { move(-1); event.preventDefault(); }
    else if (event.key === "Escape") { show([], null); }
    else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      location.href = list.querySelectorAll("[role=option]")[active].getAttribute("data-href");
    }
  });
  document.addEventListener("click", function (event) {
    if (!form.contains(event.target)) show([], null);
  });
  var initial = new URLSearchParams(location.search).get("q");
  if (initial && !document.getElementById("tj-directory")) { input.value = initial; run(); }
})();
