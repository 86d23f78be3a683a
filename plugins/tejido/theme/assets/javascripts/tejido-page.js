/* Tejido on every page: the phone menu as a keyboard button, and language links that keep
   the page's query string (a filtered directory stays filtered in the other language). */
(function () {
  "use strict";

  var script = document.currentScript;

  /* Material's menu is a <label> for a hidden checkbox: no Tab stop, no Enter. */
  function menuButton() {
    var toggle = document.getElementById("__drawer");
    var label = document.querySelector(".md-header label.md-header__button[for=__drawer]");
    if (!toggle || !label) return;
    label.setAttribute("role", "button");
    label.setAttribute("tabindex", "0");
    label.setAttribute("aria-label", script.getAttribute("data-menu"));
    label.setAttribute("aria-controls", "__drawer");
    function sync() { label.setAttribute("aria-expanded", String(toggle.checked)); }
    label.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault();
      event.stopPropagation();  // Material's own Enter handler would click it once more
      toggle.checked = !toggle.checked;
      toggle.dispatchEvent(new Event("change"));
      sync();
      if (toggle.checked) {
        var first = document.querySelector(".md-sidebar--primary a[href]");
        if (first) window.setTimeout(function () { first.focus(); }, 50);
      }
    });
    toggle.addEventListener("change", sync);
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.checked) {
        toggle.checked = false;
        toggle.dispatchEvent(new Event("change"));
        label.focus();
      }
    });
    sync();
  }

  /* The other language's link, with this page's query string when it has one. */
  function keepQuery(event) {
    var link = event.target.closest && event.target.closest("a.md-select__link[hreflang]");
    if (!link || !location.search) return;
    var url = new URL(link.href, location.href);
    url.search = location.search;
    link.href = url.href;
  }

  menuButton();
  ["click", "auxclick", "focusin", "mouseover"].forEach(function (name) {
    document.addEventListener(name, keepQuery, true);
  });
})();
