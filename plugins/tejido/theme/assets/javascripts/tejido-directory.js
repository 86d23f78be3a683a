/* Tejido directory: text search plus facets (AND across facets, OR within one), counts
   beside every value, state in the URL; and "find allies". Data: core/directory.py. */
(function () {
  "use strict";

  /* -- the logic, apart from the page: the browser test calls it with the core's data.
     Facets, their order, URL names and the ancestry of every value come from facets.js. */

  /* An entry's values in each facet with the ancestors of every value, as Sets. */
  function prepare(data) {
    return data.entries.map(function (row, number) {
      var values = {};
      data.facets.forEach(function (facet, column) {
        var out = new Set();
        row[column].forEach(function (i) {
          out.add(i);
          facet.ancestors[i].forEach(function (a) { out.add(a); });
        });
        values[facet.name] = out;
      });
      return { number: number, values: values, own: row };
    });
  }

  /* state: facet name -> Set of chosen value indexes; hits: null, or the Set of entry
     numbers the text query found.  AND across facets, OR within one. */
  function passes(data, entry, state, hits, except) {
    if (hits && !hits.has(entry.number)) return false;
    return data.facets.every(function (facet) {
      var chosen = state[facet.name];
      if (facet.name === except || !chosen.size) return true;
      var values = entry.values[facet.name];
      return Array.from(chosen).some(function (v) { return values.has(v); });
    });
  }

  /* How many entries each value of a facet would leave, given the other facets' choices. */
  function counts(data, entries, state, hits, name) {
    var result = new Map();
    entries.forEach(function (entry) {
      if (!passes(data, entry, state, hits, name)) return;
      entry.values[name].forEach(function (v) { result.set(v, (result.get(v) || 0) + 1); });
    });
    return result;
  }

  window.tejidoFacets = { prepare: prepare, passes: passes, counts: counts };

  var mount = document.getElementById("tj-directory");
  var search = window.tejidoSearch;
  if (!mount || !search) return;

  var PAGE = 30;
  /* Counts as the page's language writes them (1.000 / 1,000), as the core does. */
  var number = new Intl.NumberFormat(mount.getAttribute("data-lang") || undefined).format;
  var data, texts, entries, state, textHits, shown = PAGE;

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === "text") node.textContent = attrs[key];
      else node.setAttribute(key, attrs[key]);
    });
    (children || []).forEach(function (child) { if (child) node.append(child); });
    return node;
  }

  function facet(name) { return data.facets[data.columns[name]]; }

  function readState() {
    var params = new URLSearchParams(location.search);
    state = { q: params.get("q") || "" };
    data.facets.forEach(function (f) {
      state[f.name] = new Set((params.get(f.param) || "").split(",").map(function (id) {
        return f.ids.indexOf(id);
      }).filter(function (i) { return i >= 0; }));
    });
  }

  function writeState() {
    var params = new URLSearchParams();
    if (state.q) params.set("q", state.q);
    data.facets.forEach(function (f) {
      var chosen = Array.from(state[f.name]).sort(function (a, b) { return a - b; });
      if (chosen.length) params.set(f.param, chosen.map(function (i) { return f.ids[i]; }).join(","));
    });
    var query = params.toString().replace(/%2C/g, ",");
    if ((query ? "?" + query : "") === location.search) return;  // replaceState is not free
    history.replaceState(null, "", query ? "?" + query : location.pathname);
  }

  function hits() { return textHits ? textHits.scores : null; }

  function label(name, i) { return facet(name).labels[i]; }

  /* -- "download these results": CSV and JSON made here, from what the page has ----- */

  /* The filters in words (first row of the file). */
  function filterWords() {
    var words = [];
    if (state.q) words.push(texts.query + ": " + state.q);
    data.facets.forEach(function (f) {
      if (!state[f.name].size) return;
      words.push(f.label + ": " + Array.from(state[f.name]).map(function (i) {
        return label(f.name, i);
      }).join(", "));
    });
    return words;
  }

  /* The filters as a file name: tejido-directory-kind-organization-theme-salud.csv */
  function fileName(extension) {
    var parts = ["tejido", texts["download.file"]];
    if (state.q) parts.push(search.fold(state.q));
    data.facets.forEach(function (f) {
      Array.from(state[f.name]).sort(function (a, b) { return a - b; }).forEach(function (i) {
        parts.push(f.param + "-" + f.ids[i]);
      });
    });
    var name = parts.join("-").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
    return name.slice(0, 150) + "." + extension;
  }

  /* Facets other than the kind become columns of value labels. */
  function termFacets() {
    return data.facets.filter(function (f) { return f.name !== "kind"; });
  }

  function exportRows(matching) {
    return search.docs(matching.map(function (e) { return e.number; })).then(function (docs) {
      return docs.map(function (doc, i) {
        var own = matching[i].own;
        var row = { kind: doc.kindLabel, name: doc.title, summary: doc.summary,
                    url: new URL(doc.url, document.baseURI).href };
        termFacets().forEach(function (f) {
          row[f.name] = own[data.columns[f.name]].map(function (v) { return label(f.name, v); });
        });
        return row;
      });
    });
  }

  /* A spreadsheet runs a cell that starts with = + - @ as a formula: keep it text. */
  function csvCell(value) {
    var text = Array.isArray(value) ? value.join("; ") : String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;
    return '"' + text.replace(/"/g, '""') + '"';
  }

  function asCsv(rows, words) {
    var names = ["kind", "name", "summary", "url"].concat(termFacets().map(function (f) {
      return f.name;
    }));
    var header = names.map(function (n) {
      return texts["col." + n] || facet(n).label;
    });
    var first = [texts["download.filters"] + ": " + (words.join(" · ") || texts["download.none"])];
    var lines = [first, header].concat(rows.map(function (row) {
      return names.map(function (n) { return row[n]; });
    }));
    return "\ufeff" + lines.map(function (line) { return line.map(csvCell).join(","); })
      .join("\r\n") + "\r\n";
  }

  function asJson(rows, words) {
    return JSON.stringify({ filters: words, query: location.search, count: rows.length,
                            entries: rows }, null, 1) + "\n";
  }

  function save(text, type, name) {
    var link = el("a", { href: URL.createObjectURL(new Blob([text], { type: type })),
                         download: name });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
  }

  function download(format) {
    var matching = entries.filter(function (entry) {
      return passes(data, entry, state, hits(), null);
    });
    var words = filterWords();
    exportRows(matching).then(function (rows) {
      if (format === "csv") save(asCsv(rows, words), "text/csv;charset=utf-8", fileName("csv"));
      else save(asJson(rows, words), "application/json", fileName("json"));
    });
  }

  function downloads() {
    var buttons = ["csv", "json"].map(function (format) {
      var button = el("button", { type: "button", "class": "md-button tj-download__" + format,
                                  text: format.toUpperCase() });
      button.addEventListener("click", function () { download(format); });
      return button;
    });
    return el("p", { "class": "tj-download" }, [
      el("span", { text: texts.download + ":" }),
      el("span", { "class": "tj-download__buttons" }, buttons)]);
  }

  /* -- the place picker: the tile maps' squares toggle the region facet; without
     JavaScript they stay links to the states' pages (core/outputs/pages/tilemap.py) */

  var pickerTiles = [];

  function setupPicker(picker) {
    var regions = facet("regions");
    pickerTiles = Array.from(picker.querySelectorAll("a.tj-tile[data-region]")).map(function (tile) {
      var i = regions.ids.indexOf(tile.getAttribute("data-region"));
      if (i < 0) return null;
      function toggle(event) {
        event.preventDefault();
        if (state.regions.has(i)) state.regions.delete(i); else state.regions.add(i);
        update();
      }
      tile.setAttribute("role", "button");  // it filters here; aria-pressed says if it is on
      tile.addEventListener("click", toggle);
      tile.addEventListener("keydown", function (event) { if (event.key === " ") toggle(event); });
      return { node: tile, index: i };
    }).filter(Boolean);
  }

  function markPicker() {
    pickerTiles.forEach(function (tile) {
      tile.node.setAttribute("aria-pressed", String(state.regions.has(tile.index)));
    });
  }

  /* -- rendering ------------------------------------------------------------ */

  var box, facetsNode, resultsNode, statusNode, chipsNode, resetButton, toggle, doneButton;
  var matchingCount = 0;

  /* After an action re-renders part of the page, focus goes back where it was (the same
     checkbox), or to the next sensible place, never to <body>. */
  function refocus(fallback) {
    var id = document.activeElement && document.activeElement.id;
    return function () {
      var same = id && document.getElementById(id);
      var target = same && same.isConnected && same !== document.body ? same : fallback();
      if (target && document.activeElement !== target) target.focus();
    };
  }

  function statusTarget() { return statusNode; }

  function anyFilter() {
    return Boolean(state.q) || data.facets.some(function (f) { return state[f.name].size; });
  }

  function checkbox(facet, i, count) {
    var id = "tj-f-" + facet + "-" + i;
    var input = el("input", { type: "checkbox", id: id });
    input.checked = state[facet].has(i);
    input.addEventListener("change", function () {
      if (input.checked) state[facet].add(i); else state[facet].delete(i);
      update(refocus(statusTarget));
    });
    return el("span", { "class": "tj-facet__value" }, [
      input, el("label", { "for": id }, [label(facet, i) + " ",
        el("span", { "class": "tj-count", text: number(count) })])]);
  }

  /* The values whose nearest ancestor is `parent` (-1: the top level) that have entries
     or are chosen, in the facet's display order when it has one (places, by name). */
  function shownValues(name, parent, tally) {
    var ancestors = facet(name).ancestors;
    var order = facet(name).order || ancestors.map(function (_, i) { return i; });
    return order.filter(function (i) {
      var up = ancestors[i];
      return (up.length ? up[0] : -1) === parent && (tally.get(i) || state[name].has(i));
    });
  }

  /* One value, with the values below it as a nested list. */
  function valueItem(name, i, tally) {
    var below = shownValues(name, i, tally).map(function (j) { return valueItem(name, j, tally); });
    return el("li", {}, [checkbox(name, i, tally.get(i) || 0),
      below.length ? el("ul", { "class": "tj-facet__list" }, below) : null]);
  }

  /* The facet lists as pieces of work, in order: the "Ver N resultados" button, then for
     each facet its fieldset (counting its values against the other facets' choices),
     whose pieces are its top-level values, each with the values below it. */
  function facetPieces() {
    var pieces = [function () {
      doneButton.textContent = matchingCount === 1 ? texts["see.one"]
        : texts["see.many"].replace("{count}", number(matchingCount));
      facetsNode.replaceChildren(doneButton);
    }];
    data.facets.forEach(function (f) {
      pieces.push(function () {
        var tally = counts(data, entries, state, hits(), f.name);
        var top = shownValues(f.name, -1, tally);
        if (!top.length) return null;
        var list = el("ul", { "class": "tj-facet__list" });
        facetsNode.insertBefore(el("fieldset", { "class": "tj-facet" }, [
          el("legend", { text: f.label }), list]), doneButton);
        return top.map(function (i) {
          return function () { list.append(valueItem(f.name, i, tally)); };
        });
      });
    });
    return pieces;
  }

  /* Runs the first of `pieces`; the pieces it returns go first in line. */
  function runPiece(pieces) {
    var more = pieces.shift()();
    if (more) pieces.unshift.apply(pieces, more);
  }

  function renderFacets() {
    var pieces = facetPieces();
    while (pieces.length) runPiece(pieces);
  }

  /* -- work that can wait: the first showing ------------------------------------
     Building every facet list at once held a slow phone for a third of a second
     (Lighthouse: total blocking time) while the reader waited for the results.  So the
     first showing builds them a few values at a time, a short slice of time after each
     frame: the results paint and taps are answered in between.  Opening the phone's
     filters does what is left at once; any update drops it, as it renders every list. */
  var SLICE = 8;  // ms of work per turn: well under the 50 ms of a "long task"
  var waiting = null;  // the first showing's pieces still to do, while it lasts

  /* Resolves after the next frame (or a moment, when the page is not being drawn). */
  function nextTurn() {
    return new Promise(function (resolve) {
      var go = function () { if (resolve) setTimeout(resolve, 0); resolve = null; };
      requestAnimationFrame(go);
      setTimeout(go, 100);
    });
  }

  /* Resolves when every piece is done, or dropped. */
  function inTurns(pieces) {
    return new Promise(function (resolve) {
      var job = waiting = { pieces: pieces, resolve: resolve };
      (function next() {
        nextTurn().then(function () {
          if (waiting !== job) return;
          var start = performance.now();
          while (job.pieces.length && performance.now() - start < SLICE) runPiece(job.pieces);
          if (job.pieces.length) next(); else finishTurns(false);
        });
      })();
    });
  }

  /* What the first showing left undone: done now (run), or dropped. */
  function finishTurns(run) {
    var job = waiting;
    if (!job) return;
    waiting = null;
    while (run && job.pieces.length) runPiece(job.pieces);
    facetsNode.removeAttribute("aria-busy");
    job.resolve();
  }

  /* The active filters, removable, above the results at every width.  Removing one moves
     focus to the chip that takes its place, or to the results' count. */
  function chips() {
    var list = el("ul", { "class": "tj-chips" });
    function chip(id, text, remove) {
      var button = el("button", { type: "button", "class": "tj-chip", id: id,
        "aria-label": texts.remove + ": " + text, text: text + " ×" });
      button.addEventListener("click", function () {
        var next = button.parentNode.nextSibling || button.parentNode.previousSibling;
        var nextId = next && next.firstChild.id;
        remove();
        update(function () {
          (nextId && document.getElementById(nextId) || statusNode).focus();
        });
      });
      list.append(el("li", {}, [button]));
    }
    data.facets.forEach(function (f) {
      state[f.name].forEach(function (i) {
        chip("tj-chip-" + f.name + "-" + i, label(f.name, i), function () { state[f.name].delete(i); });
      });
    });
    if (state.q) {
      chip("tj-chip-q", "“" + state.q + "”", function () { state.q = ""; box.value = ""; });
    }
    return list;
  }

  function renderChips() {
    var list = chips();
    chipsNode.hidden = !list.children.length;
    chipsNode.replaceChildren(el("h2", { "class": "tj-visually-hidden", text: texts.active }), list);
    resetButton.hidden = !anyFilter();
  }

  function termLinks(row) {
    var names = [];
    ["themes", "regions"].forEach(function (name) {
      var full = data.facets[data.columns[name]].full;  // a state with its country
      row[data.columns[name]].forEach(function (i) { names.push(full ? full[i] : label(name, i)); });
    });
    return names.join(" · ");
  }

  function renderResults() {
    var matching = entries.filter(function (entry) {
      return passes(data, entry, state, hits(), null);
    });
    /* Best text matches first; else, and among equals, by kind and name in the page's
       language (data.order: the core's one sort key). */
    matching.sort(function (a, b) {
      return (textHits ? textHits.scores.get(b.number) - textHits.scores.get(a.number) : 0)
        || data.order[a.number] - data.order[b.number];
    });
    matchingCount = matching.length;
    statusNode.textContent = matching.length === 1 ? texts.result
      : texts.results.replace("{count}", number(matching.length));
    if (!matching.length) {
      resultsNode.replaceChildren(el("p", { "class": "tj-empty", text: texts.empty }));
      return Promise.resolve();
    }
    var page = matching.slice(0, shown);
    return search.docs(page.map(function (e) { return e.number; })).then(function (docs) {
      var list = el("ul", { "class": "tj-cards" }, docs.map(function (doc, i) {
        return el("li", { "class": "tj-card" }, [
          el("a", { href: doc.url, text: doc.title }), " ",
          el("span", { "class": "tj-card__badges" }, [
            el("span", { "class": "tj-badge", text: doc.kindLabel }), " ",
            search.freshBadge(doc)]),
          el("p", { "class": "tj-card__summary" }, [search.summary(doc, "")]),
          el("p", { "class": "tj-card__terms", text: termLinks(page[i].own) })]);
      }));
      var parts = [list];
      if (matching.length > shown) {
        var more = el("button", { type: "button", "class": "md-button", text: texts.more });
        more.addEventListener("click", function () {
          var first = shown;
          shown += PAGE;
          renderResults().then(function () {  // focus the first of the new results
            var link = resultsNode.querySelectorAll(".tj-card > a")[first];
            if (link) link.focus();
          });
        });
        parts.push(more);
      }
      resultsNode.replaceChildren.apply(resultsNode, parts);
    });
  }

  /* `after` runs once the page shows the new state (to place focus).  The first showing
     (`first`) builds the facet lists in turns, after the results. */
  function update(after, first) {
    shown = PAGE;
    writeState();
    var text = state.q;
    (text ? search.query(text) : Promise.resolve(null)).then(function (numbers) {
      if (text !== state.q) return;
      // Entries with every word, when there are some; else those with the most.
      var kept = numbers && numbers.complete ? numbers.slice(0, numbers.complete) : numbers;
      textHits = kept === null ? null : { scores: new Map(kept.map(function (n, rank) {
        return [n, kept.length - rank];
      })) };
      finishTurns(false);
      renderChips();
      var done = renderResults();
      markPicker();
      if (!first) {
        renderFacets();
        return done;
      }
      facetsNode.setAttribute("aria-busy", "true");
      return Promise.all([done, inTurns(facetPieces())]).then(nextTurn);
    }).then(function () { if (after) after(); });
  }

  function build() {
    texts = data.texts;
    box = el("input", { type: "search", id: "tj-q", autocomplete: "off",
                        placeholder: texts.query });
    box.value = state.q;
    box.addEventListener("input", function () { state.q = box.value.trim(); update(); });
    var reset = resetButton = el("button", { type: "button", "class": "md-button", text: texts.reset });
    reset.addEventListener("click", function () {
      state.q = ""; box.value = "";
      data.facets.forEach(function (f) { state[f.name].clear(); });
      update(function () { box.focus(); });
    });
    facetsNode = el("div", { "class": "tj-facets", role: "group", "aria-label": texts.filters });
    resultsNode = el("div", { "class": "tj-results", id: "tj-results" });
    statusNode = el("p", { "class": "tj-status tj-focus-target", role: "status",
                           "aria-live": "polite", tabindex: "-1" });
    chipsNode = el("div", { "class": "tj-active", hidden: "" });
    var browse = mount.querySelector(".tj-browse");
    var picker = mount.querySelector(".tj-picker");
    toggle = el("button", { type: "button", "class": "md-button tj-facets-toggle",
                                "aria-expanded": "false", "aria-controls": "tj-facets",
                                text: texts.filters });
    facetsNode.id = "tj-facets";
    toggle.addEventListener("click", function () {
      finishTurns(true);
      var open = facetsNode.classList.toggle("tj-facets--open");
      toggle.setAttribute("aria-expanded", String(open));
    });
    /* On a phone, after ticking filters: back to the results at once. */
    doneButton = el("button", { type: "button", "class": "md-button md-button--primary tj-facets-done" });
    doneButton.addEventListener("click", function () {
      facetsNode.classList.remove("tj-facets--open");
      toggle.setAttribute("aria-expanded", "false");
      statusNode.focus();
      statusNode.scrollIntoView({ block: "start" });
    });
    var parts = [
      el("div", { "class": "tj-directory__search" }, [
        el("label", { "for": "tj-q", text: texts.query }), box, reset, toggle]),
      el("div", { "class": "tj-directory__body" }, [
        facetsNode, el("div", { "class": "tj-directory__results" },
                       [chipsNode, statusNode, downloads(), resultsNode])]),
    ];
    if (picker) {
      parts.splice(1, 0, picker);
      setupPicker(picker);
    }
    mount.replaceChildren.apply(mount, parts);
    /* What comes after the results and the facets goes in once they show, so it never
       appears in view and then gets pushed down (layout shift on a slow phone). */
    return function () {
      if (window.tejidoAllies) mount.append(window.tejidoAllies(data, entries, el));
      if (browse) mount.append(browse);
      mount.setAttribute("data-ready", "");  // the first showing is whole (tests wait for it)
    };
  }

  search.load("facets").then(function (loaded) {
    if (!loaded) return;
    data = loaded;
    entries = prepare(data);
    readState();
    update(build(), true);
  });
})();
