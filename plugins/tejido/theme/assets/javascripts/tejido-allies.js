/* Tejido "find allies" on the directory page: choose themes and a region, get the
   organizations and networks that work alike, ranked, with the reasons in words.
   The rules are those of core/allies `allies_for`; their weights, the kinds ranked,
   the least score, the regions precise enough to count as "the same" and the term
   ancestry come from facets.js (allies.finder_rules), and a browser test compares the
   two rankings over many generated catalogs. */
(function () {
  "use strict";

  function and(a, b) { return new Set(Array.from(a).filter(function (x) { return b.has(x); })); }
  function sorted(set) { return Array.from(set).sort(function (a, b) { return a - b; }); }
  /* The terms and all their ancestors. */
  function up(set, ancestors) {
    var out = new Set(set);
    set.forEach(function (i) { ancestors[i].forEach(function (a) { out.add(a); }); });
    return out;
  }
  /* Leave out the terms that are ancestors of other terms in the set. */
  function mostSpecific(set, ancestors) {
    var above = new Set();
    set.forEach(function (i) { ancestors[i].forEach(function (a) { above.add(a); }); });
    return new Set(Array.from(set).filter(function (x) { return !above.has(x); }));
  }

  function rank(data, chosenThemes, chosenRegions) {
    var rules = data.allies, W = rules.weights, col = data.columns;
    var th = data.facets[col.themes].ancestors, rg = data.facets[col.regions].ancestors;
    var kinds = data.facets[col.kind].ids, specific = new Set(rules.specific);
    var A = new Set(chosenThemes), Aup = up(A, th);
    var R = new Set(chosenRegions), Rup = up(R, rg);
    var found = [];
    data.entries.forEach(function (row, number) {
      if (rules.kinds.indexOf(kinds[row[col.kind][0]]) < 0) return;
      var B = new Set(row[col.themes]);
      var exact = and(A, B), closed = up(exact, th), score = W.themes * exact.size;
      var related = mostSpecific(new Set(Array.from(and(Aup, up(B, th))).filter(function (t) {
        return !closed.has(t);
      })), th);
      related.forEach(function (t) {
        score += A.has(t) || B.has(t) ? W["nested-theme"] : W["related-themes"];
      });
      var practiced = and(A, up(new Set(row[col.practiced]), th));
      if (practiced.size) score += W.practice;
      if (!score && A.size) return;
      var reasons = [];
      if (exact.size) reasons.push(["themes", sorted(exact)]);
      if (related.size) reasons.push(["related-themes", sorted(related)]);
      var C = new Set(row[col.regions]), shared = and(Rup, up(C, rg));
      if (shared.size) {
        var same = Array.from(shared).filter(function (r) {
          return R.has(r) && C.has(r) && specific.has(r);
        });
        var below = new Set(Array.from(shared).filter(function (r) { return rg[r].length; }));
        var place = same.length ? [W.region, same] : below.size
          ? [W["parent-region"], mostSpecific(below, rg)]
          : [W.country, shared];
        score += place[0];
        reasons.push(["region", sorted(new Set(place[1]))]);
      }
      if (practiced.size) reasons.push(["practice", sorted(practiced)]);
      if (score >= rules.min) found.push({ number: number, score: score, reasons: reasons });
    });
    var order = data.allyRank;
    found.sort(function (a, b) { return b.score - a.score || order[a.number] - order[b.number]; });
    return found.slice(0, rules.limit);
  }

  function words(data, reason) {
    var t = data.texts, facet = data.facets[data.columns[
      reason[0] === "region" ? "regions" : "themes"]];
    var labels = facet.full || facet.labels;  // a state with its country
    var items = reason[1].map(function (i) { return labels[i]; });
    var key = reason[0] === "themes" ? (items.length === 1 ? "themes.one" : "themes.many")
      : reason[0];
    return t.reasons[key].replace("{count}", items.length).replace("{items}", items.join(", "));
  }

  window.tejidoAllies = function (data, entries, el) {
    var t = data.texts, th = data.facets[data.columns.themes];
    var rg = data.facets[data.columns.regions];
    /* Each broad theme with its sub-themes in one block, so columns never part them. */
    var themeBoxes = el("div", { "class": "tj-allies__themes" });
    var group = null;
    th.ids.forEach(function (id, i) {
      var box = el("input", { type: "checkbox", id: "tj-ally-t-" + i, value: String(i) });
      var depth = th.ancestors[i].length;
      if (!depth || !group) {
        group = el("div", { "class": "tj-allies__group" });
        themeBoxes.append(group);
      }
      group.append(el("span", { "class": "tj-facet__value tj-depth-" + depth }, [
        box, el("label", { "for": "tj-ally-t-" + i, text: th.labels[i] })]));
    });
    /* Regions grouped by country; a region below a state names it, so the chosen
       value reads whole ("Mixteca (Oaxaca)") with no indenting spaces. */
    var region = el("select", { id: "tj-ally-region" }, [el("option", { value: "", text: t.any })]);
    var country = region;
    (rg.order || rg.ids.map(function (_, i) { return i; })).forEach(function (i) {
      var up = rg.ancestors[i];
      if (!up.length) {
        country = el("optgroup", { label: rg.labels[i] });
        region.append(country);
      }
      var text = up.length > 1 ? rg.labels[i] + " (" + rg.labels[up[0]] + ")" : rg.labels[i];
      country.append(el("option", { value: String(i), text: text }));
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
