/* Tejido directory: text search plus facets (AND across facets, OR within one), counts
   beside every value, state in the URL; and "find allies". Data: core/directory.py. */
(function () {
  "use strict";

  var mount = document.getElementById("tj-directory");
  var search = window.tejidoSearch;
  if (!mount || !search) return;

  var FACETS = ["kind", "themes", "regions", "populations", "sdgs", "organization-types"];
  var PARAMS = { kind: "kind", themes: "theme", regions: "region", populations: "population",
                 sdgs: "sdg", "organization-types": "type" };
  var PAGE = 30;
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

  /* Each entry's values per facet, with the ancestors of every term, as Sets. */
  function expand(ids, taxonomy) {
    var out = new Set();
    ids.forEach(function (i) {
      for (var t = i; t >= 0 && !out.has(t); t = taxonomy.parents[t]) out.add(t);
    });
    return out;
  }

  function prepare() {
    entries = data.entries.map(function (row, number) {
      var values = { kind: new Set([row[0]]) };
      FACETS.slice(1).forEach(function (facet, i) {
        values[facet] = expand(row[i + 1], data.taxonomies[facet]);
      });
      return { number: number, values: values, own: row };
    });
  }

  function valueIds(facet) {
    return facet === "kind" ? data.kinds : data.taxonomies[facet].ids;
  }

  function readState() {
    var params = new URLSearchParams(location.search);
    state = { q: params.get("q") || "" };
    FACETS.forEach(function (facet) {
      var ids = valueIds(facet);
      state[facet] = new Set((params.get(PARAMS[facet]) || "").split(",").map(function (id) {
        return ids.indexOf(id);
      }).filter(function (i) { return i >= 0; }));
    });
  }

  function writeState() {
    var params = new URLSearchParams();
    if (state.q) params.set("q", state.q);
    FACETS.forEach(function (facet) {
      var ids = valueIds(facet);
      var chosen = Array.from(state[facet]).sort(function (a, b) { return a - b; });
      if (chosen.length) params.set(PARAMS[facet], chosen.map(function (i) { return ids[i]; }).join(","));
    });
    var query = params.toString().replace(/%2C/g, ",");
    history.replaceState(null, "", query ? "?" + query : location.pathname);
  }

  function passes(entry, except) {
    if (textHits && !textHits.scores.has(entry.number)) return false;
    return FACETS.every(function (facet) {
      if (facet === except || !state[facet].size) return true;
      var values = entry.values[facet];
      return Array.from(state[facet]).some(function (v) { return values.has(v); });
    });
  }

  function counts(facet) {
    var result = new Map();
    entries.forEach(function (entry) {
      if (!passes(entry, facet)) return;
      entry.values[facet].forEach(function (v) { result.set(v, (result.get(v) || 0) + 1); });
    });
    return result;
  }

  function label(facet, i) {
    return facet === "kind" ? data.kindLabels[i] : data.taxonomies[facet].labels[i];
  }

  /* -- "download these results": CSV and JSON made here, from what the page has ----- */

  var TERM_COLUMNS = [["themes", 1], ["regions", 2], ["populations", 3], ["sdgs", 4],
                      ["organization-types", 5]];

  /* The filters in words (first row of the file) and as a file-name part. */
  function filterWords() {
    var words = [];
    if (state.q) words.push(texts.query + ": " + state.q);
    FACETS.forEach(function (facet) {
      if (!state[facet].size) return;
      words.push(data.facetLabels[facet] + ": " + Array.from(state[facet]).map(function (i) {
        return label(facet, i);
      }).join(", "));
    });
    return words;
  }

  function fileName(extension) {
    var parts = ["tejido", texts["download.file"]];
    if (state.q) parts.push(search.fold(state.q));
    FACETS.forEach(function (facet) {
      var ids = valueIds(facet);
      Array.from(state[facet]).sort(function (a, b) { return a - b; }).forEach(function (i) {
        parts.push(PARAMS[facet] + "-" + ids[i]);
      });
    });
    var name = parts.join("-").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
    return name.slice(0, 150) + "." + extension;
  }

  function exportRows(matching) {
    return search.docs(matching.map(function (e) { return e.number; })).then(function (docs) {
      return docs.map(function (doc, i) {
        var own = matching[i].own;
        var row = { kind: doc.kindLabel, name: doc.title, summary: doc.summary,
                    url: new URL(doc.url, document.baseURI).href };
        TERM_COLUMNS.forEach(function (pair) {
          row[pair[0]] = own[pair[1]].map(function (t) {
            return data.taxonomies[pair[0]].labels[t];
          });
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
    var names = ["kind", "name", "summary", "url"].concat(TERM_COLUMNS.map(function (p) {
      return p[0]; }));
    var header = names.map(function (n) { return texts["col." + n] || data.facetLabels[n]; });
    var lines = [[texts["download.filters"] + ": " + (words.join(" · ") || texts["download.none"])],
                 header].concat(rows.map(function (row) {
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
    var matching = entries.filter(function (entry) { return passes(entry, null); });
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

  /* -- rendering ------------------------------------------------------------ */

  var box, facetsNode, resultsNode, statusNode;

  function checkbox(facet, i, count) {
    var id = "tj-f-" + facet + "-" + i;
    var input = el("input", { type: "checkbox", id: id });
    input.checked = state[facet].has(i);
    input.addEventListener("change", function () {
      if (input.checked) state[facet].add(i); else state[facet].delete(i);
      update();
    });
    return el("span", { "class": "tj-facet__value" }, [
      input, el("label", { "for": id }, [label(facet, i) + " ",
        el("span", { "class": "tj-count", text: String(count) })])]);
  }

  function valueList(facet, parent, tally) {
    var children = facet === "kind" ? data.kinds.map(function (_, i) { return i; })
      : data.taxonomies[facet].parents.map(function (p, i) { return p === parent ? i : -1; })
        .filter(function (i) { return i >= 0; });
    if (facet === "kind" && parent !== -1) return null;
    var items = children.filter(function (i) {
      return tally.get(i) || state[facet].has(i);
    }).map(function (i) {
      var nested = facet === "kind" ? null : valueList(facet, i, tally);
      return el("li", {}, [checkbox(facet, i, tally.get(i) || 0), nested]);
    });
    return items.length ? el("ul", { "class": "tj-facet__list" }, items) : null;
  }

  function renderFacets() {
    facetsNode.replaceChildren();
    FACETS.forEach(function (facet) {
      var list = valueList(facet, -1, counts(facet));
      if (!list) return;
      facetsNode.append(el("fieldset", { "class": "tj-facet" }, [
        el("legend", { text: data.facetLabels[facet] }), list]));
    });
  }

  function chips() {
    var list = el("ul", { "class": "tj-chips" });
    FACETS.forEach(function (facet) {
      state[facet].forEach(function (i) {
        var button = el("button", { type: "button", "class": "tj-chip",
          "aria-label": texts.remove + ": " + label(facet, i), text: label(facet, i) + " ×" });
        button.addEventListener("click", function () { state[facet].delete(i); update(); });
        list.append(el("li", {}, [button]));
      });
    });
    if (state.q) {
      var clear = el("button", { type: "button", "class": "tj-chip", text: "“" + state.q + "” ×",
        "aria-label": texts.remove + ": " + state.q });
      clear.addEventListener("click", function () { state.q = ""; box.value = ""; update(); });
      list.append(el("li", {}, [clear]));
    }
    return list;
  }

  function termLinks(row) {
    var names = [];
    [["themes", 1], ["regions", 2]].forEach(function (pair) {
      row[pair[1]].forEach(function (i) { names.push(data.taxonomies[pair[0]].labels[i]); });
    });
    return names.join(" · ");
  }

  function renderResults() {
    var matching = entries.filter(function (entry) { return passes(entry, null); });
    if (textHits) {
      matching.sort(function (a, b) {
        return textHits.scores.get(b.number) - textHits.scores.get(a.number) || a.number - b.number;
      });
    }
    statusNode.textContent = matching.length === 1 ? texts.result
      : texts.results.replace("{count}", matching.length);
    if (!matching.length) {
      resultsNode.replaceChildren(el("p", { "class": "tj-empty", text: texts.empty }), chips());
      return;
    }
    var page = matching.slice(0, shown);
    search.docs(page.map(function (e) { return e.number; })).then(function (docs) {
      var list = el("ul", { "class": "tj-cards" }, docs.map(function (doc, i) {
        return el("li", { "class": "tj-card" }, [
          el("a", { href: doc.url, text: doc.title }), " ",
          el("span", { "class": "tj-badge", text: doc.kindLabel }),
          el("p", { "class": "tj-card__summary", text: doc.summary }),
          el("p", { "class": "tj-card__terms", text: termLinks(page[i].own) })]);
      }));
      var parts = [list];
      if (matching.length > shown) {
        var more = el("button", { type: "button", "class": "md-button", text: texts.more });
        more.addEventListener("click", function () { shown += PAGE; renderResults(); });
        parts.push(more);
      }
      resultsNode.replaceChildren.apply(resultsNode, parts);
    });
  }

  function update() {
    shown = PAGE;
    writeState();
    var text = state.q;
    (text ? search.query(text) : Promise.resolve(null)).then(function (numbers) {
      if (text !== state.q) return;
      textHits = numbers === null ? null : { scores: new Map(numbers.map(function (n, rank) {
        return [n, numbers.length - rank];
      })) };
      renderFacets();
      renderResults();
    });
  }

  function build() {
    texts = data.texts;
    box = el("input", { type: "search", id: "tj-q", autocomplete: "off",
                        placeholder: texts.query });
    box.value = state.q;
    box.addEventListener("input", function () { state.q = box.value.trim(); update(); });
    var reset = el("button", { type: "button", "class": "md-button", text: texts.reset });
    reset.addEventListener("click", function () {
      state.q = ""; box.value = "";
      FACETS.forEach(function (facet) { state[facet].clear(); });
      update();
    });
    facetsNode = el("div", { "class": "tj-facets", role: "group", "aria-label": texts.filters });
    resultsNode = el("div", { "class": "tj-results", id: "tj-results" });
    statusNode = el("p", { "class": "tj-status", role: "status", "aria-live": "polite" });
    var browse = mount.querySelector(".tj-browse");
    var toggle = el("button", { type: "button", "class": "md-button tj-facets-toggle",
                                "aria-expanded": "false", "aria-controls": "tj-facets",
                                text: texts.filters });
    facetsNode.id = "tj-facets";
    toggle.addEventListener("click", function () {
      var open = facetsNode.classList.toggle("tj-facets--open");
      toggle.setAttribute("aria-expanded", String(open));
    });
    var parts = [
      el("div", { "class": "tj-directory__search" }, [
        el("label", { "for": "tj-q", text: texts.query }), box, reset, toggle]),
      el("div", { "class": "tj-directory__body" }, [
        facetsNode, el("div", { "class": "tj-directory__results" },
                       [statusNode, downloads(), resultsNode])]),
    ];
    if (window.tejidoAllies) parts.push(window.tejidoAllies(data, entries, el));
    if (browse) parts.push(browse);
    mount.replaceChildren.apply(mount, parts);
  }

  search.load("facets").then(function (loaded) {
    if (!loaded) return;
    data = loaded;
    prepare();
    readState();
    build();
    update();
  });
})();
