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

  /* Scores of the docs matching one word: its own form counts fully, longer forms
     that start with it (what is still being typed, or a plural) count less. */
  function matchWord(shard, word) {
    var scores = new Map();
    if (!shard) return scores;
    var stems = new Map();
    Object.keys(shard.forms).forEach(function (form) {
      var factor = form === word ? 1 : form.lastIndexOf(word, 0) === 0 ? 0.6 : 0;
      var stem = shard.forms[form];
      if (factor > (stems.get(stem) || 0)) stems.set(stem, factor);
    });
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

  function combine(maps) {
    var all = new Map();
    var every = maps[0];
    every.forEach(function (score, doc) {
      var total = score;
      for (var i = 1; i < maps.length; i++) {
        if (!maps[i].has(doc)) return;
        total += maps[i].get(doc);
      }
      all.set(doc, total);
    });
    if (all.size) return all;
    maps.forEach(function (map) {  // no doc has every word: rank those with most
      map.forEach(function (score, doc) { all.set(doc, (all.get(doc) || 0) + score); });
    });
    return all;
  }

  /* Doc numbers matching a query, best first; null for a query with no usable word. */
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
        var scores = combine(maps);
        return Array.from(scores.keys()).sort(function (a, b) {
          return scores.get(b) - scores.get(a) || a - b;
        });
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
                   freshLabel: (meta.fresh || {})[row[4]] || "" };
        });
      });
    });
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
                          freshBadge: freshBadge };

  /* The search box under the header: a combobox listing the first results. */
  var form = document.querySelector("form.tj-searchbar");
  if (!form) return;
  var input = form.querySelector("input");
  var list = form.querySelector("[role=listbox]");
  var status = form.querySelector(".tj-searchbar__status");
  var sequence = 0;
  var active = -1;

  function option(doc, index) {
    var item = document.createElement("li");
    item.setAttribute("role", "option");
    item.id = "tj-result-" + index;
    var link = document.createElement("a");
    link.href = doc.url;
    link.tabIndex = -1;
    var title = document.createElement("span");
    title.className = "tj-result__title";
    title.textContent = doc.title;
    var kind = document.createElement("span");
    kind.className = "tj-badge";
    kind.textContent = doc.kindLabel;
    var summary = document.createElement("span");
    summary.className = "tj-result__summary";
    summary.textContent = doc.summary;
    var badges = document.createElement("span");
    badges.className = "tj-card__badges";
    badges.append(kind, " ", freshBadge(doc));
    link.append(title, " ", badges, summary);
    item.appendChild(link);
    return item;
  }

  function show(found, total) {
    list.replaceChildren.apply(list, found.map(option));
    list.hidden = found.length === 0 && total === null;
    input.setAttribute("aria-expanded", String(!list.hidden));
    active = -1;
    input.removeAttribute("aria-activedescendant");
    status.textContent = total === null ? "" : form.getAttribute(
      total === 1 ? "data-one" : "data-many").replace("{count}", total);
  }

  function run() {
    var mine = ++sequence;
    var text = input.value;
    query(text).then(function (numbers) {
      if (mine !== sequence) return;
      if (numbers === null) { show([], null); return; }
      docs(numbers.slice(0, 8)).then(function (found) {
        if (mine === sequence) show(found, numbers.length);
      });
    });
  }

  function move(step) {
    var items = list.querySelectorAll("[role=option]");
    if (!items.length) return;
    if (active >= 0) items[active].removeAttribute("aria-selected");
    active = (active + step + items.length) % items.length;
    items[active].setAttribute("aria-selected", "true");
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
      list.querySelectorAll("[role=option] a")[active].click();
    }
  });
  document.addEventListener("click", function (event) {
    if (!form.contains(event.target)) show([], null);
  });
  var initial = new URLSearchParams(location.search).get("q");
  if (initial && !document.getElementById("tj-directory")) { input.value = initial; run(); }
})();
