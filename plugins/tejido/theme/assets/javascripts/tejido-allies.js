/* Tejido "find allies" on the directory page: choose themes and a region, get the
   organizations and networks that work alike, ranked, with the reasons in words.
   The rules are those of core/allies.py `allies_for` (a browser test compares both):
   a shared theme 3; a broader theme shared only through sub-themes 1, or 2 when one side
   chose it; a practice run in a chosen theme 2; the same region 4, the same state 3,
   the same country 1; at least 3 points, and more than a place when themes are chosen. */
(function () {
  "use strict";

  var W = { EXACT: 3, RELATED: 1, NESTED_EXTRA: 1, PRACTICE: 2, SAME: 4, PARENT: 3,
            COUNTRY: 1, MIN: 3, SHOWN: 20 };

  function up(set, parents) {
    var out = new Set();
    set.forEach(function (i) { for (var t = i; t >= 0 && !out.has(t); t = parents[t]) out.add(t); });
    return out;
  }
  function and(a, b) { return new Set(Array.from(a).filter(function (x) { return b.has(x); })); }
  function mostSpecific(set, parents) {
    var above = new Set();
    set.forEach(function (i) { for (var t = parents[i]; t >= 0; t = parents[t]) above.add(t); });
    return new Set(Array.from(set).filter(function (x) { return !above.has(x); }));
  }
  function sorted(set) { return Array.from(set).sort(function (a, b) { return a - b; }); }

  function rank(data, chosenThemes, chosenRegions) {
    var th = data.taxonomies.themes, rg = data.taxonomies.regions;
    var hasChild = new Set(rg.parents.filter(function (p) { return p >= 0; }));
    function specific(i) { return rg.parents[i] >= 0 || !hasChild.has(i); }
    var A = new Set(chosenThemes), Aup = up(A, th.parents);
    var R = new Set(chosenRegions), Rup = up(R, rg.parents);
    var found = [];
    data.entries.forEach(function (row, number) {
      var kind = data.kinds[row[0]];
      if (kind !== "organization" && kind !== "network") return;
      var B = new Set(row[1]), Bup = up(B, th.parents);
      var exact = and(A, B), reasons = [], score = W.EXACT * exact.size;
      if (exact.size) reasons.push(["themes", sorted(exact)]);
      var closed = up(exact, th.parents);
      var related = mostSpecific(new Set(Array.from(and(Aup, Bup)).filter(function (t) {
        return !closed.has(t);
      })), th.parents);
      if (related.size) {
        related.forEach(function (t) {
          score += W.RELATED + (A.has(t) || B.has(t) ? W.NESTED_EXTRA : 0);
        });
        reasons.push(["related-themes", sorted(related)]);
      }
      var practiced = and(A, up(new Set(row[6] || []), th.parents));
      if (practiced.size) { score += W.PRACTICE; reasons.push(["practice", sorted(practiced)]); }
      if (!score && A.size) return;
      var Cregions = new Set(row[2]), shared = and(Rup, up(Cregions, rg.parents));
      if (shared.size) {
        var same = new Set(Array.from(shared).filter(function (r) {
          return R.has(r) && Cregions.has(r) && specific(r);
        }));
        var below = new Set(Array.from(shared).filter(function (r) { return rg.parents[r] >= 0; }));
        var place = same.size ? [W.SAME, same] : below.size
          ? [W.PARENT, mostSpecific(below, rg.parents)]
          : [W.COUNTRY, new Set(Array.from(shared).filter(function (r) { return rg.parents[r] < 0; }))];
        score += place[0];
        reasons.splice(exact.size || related.size ? (exact.size && related.size ? 2 : 1) : 0, 0,
                       ["region", sorted(place[1])]);
      }
      if (score >= W.MIN) found.push({ number: number, score: score, reasons: reasons });
    });
    var order = data.allyRank;
    found.sort(function (a, b) { return b.score - a.score || order[a.number] - order[b.number]; });
    return found.slice(0, W.SHOWN);
  }

  function words(data, reason) {
    var t = data.texts, rg = data.taxonomies.regions;
    var labels = reason[0] === "region" ? rg.full || rg.labels : data.taxonomies.themes.labels;
    var items = reason[1].map(function (i) { return labels[i]; });
    var key = reason[0] === "themes" ? (items.length === 1 ? "themes.one" : "themes.many")
      : reason[0];
    return t[key].replace("{count}", items.length).replace("{items}", items.join(", "));
  }

  window.tejidoAllies = function (data, entries, el) {
    var t = data.texts, th = data.taxonomies.themes, rg = data.taxonomies.regions;
    var themeBoxes = el("div", { "class": "tj-allies__themes" });
    th.ids.forEach(function (id, i) {
      var box = el("input", { type: "checkbox", id: "tj-ally-t-" + i, value: String(i) });
      var depth = 0;
      for (var p = th.parents[i]; p >= 0; p = th.parents[p]) depth++;
      themeBoxes.append(el("span", { "class": "tj-facet__value tj-depth-" + depth }, [
        box, el("label", { "for": "tj-ally-t-" + i, text: th.labels[i] })]));
    });
    var region = el("select", { id: "tj-ally-region" }, [el("option", { value: "", text: t.any })]);
    rg.ids.forEach(function (id, i) {
      var depth = 0;
      for (var p = rg.parents[i]; p >= 0; p = rg.parents[p]) depth++;
      region.append(el("option", { value: String(i), text: "\u00a0\u00a0".repeat(depth) + rg.labels[i] }));
    });
    var go = el("button", { type: "submit", "class": "md-button md-button--primary", text: t["allies.go"] });
    var out = el("div", { "class": "tj-allies__results", "aria-live": "polite" });
    var form = el("form", { "class": "tj-allies__form" }, [
      el("fieldset", { "class": "tj-facet" }, [el("legend", { text: t["allies.themes"] }), themeBoxes]),
      el("p", {}, [el("label", { "for": "tj-ally-region", text: t["allies.region"] + " " }), region]),
      go]);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var themes = Array.from(themeBoxes.querySelectorAll("input:checked")).map(function (b) {
        return Number(b.value);
      });
      var regions = region.value === "" ? [] : [Number(region.value)];
      var ranked = rank(data, themes, regions);
      if (!ranked.length) { out.replaceChildren(el("p", { text: t["allies.none"] })); return; }
      window.tejidoSearch.docs(ranked.map(function (a) { return a.number; })).then(function (docs) {
        out.replaceChildren(el("ol", { "class": "tj-allies" }, docs.map(function (doc, i) {
          return el("li", { "class": "tj-ally", "data-score": String(ranked[i].score) }, [
            el("a", { href: doc.url, text: doc.title }), " ",
            el("span", { "class": "tj-badge", text: doc.kindLabel }), " ",
            el("span", { "class": "tj-ally__why", text: ranked[i].reasons.map(function (r) {
              return words(data, r);
            }).join("; ") })]);
        })));
      });
    });
    return el("section", { "class": "tj-allies-finder", id: "aliadas" }, [
      el("h2", { text: t["allies"] }), el("p", { text: t["allies.intro"] }), form, out]);
  };
  window.tejidoAllies.rank = rank;
})();
