/* Tejido on every page: the phone menu as a keyboard button, and language links that keep
   the page's query string (a filtered directory stays filtered in the other language). */
(function () {
  "use strict";

  var script = document.currentScript;

  /* Material's menu is a <label> for a hidden checkbox: no Tab stop, no Enter, and a
     label may not be given a button's role.  A real button takes its place. */
  function menuButton() {
    var toggle = document.getElementById("__drawer");
    var label = document.querySelector(".md-header label.md-header__button[for=__drawer]");
    if (!toggle || !label) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-header__button md-icon tj-menu-button";
    button.setAttribute("aria-label", script.getAttribute("data-menu"));
    button.setAttribute("aria-controls", "__drawer");
    Array.from(label.childNodes).forEach(function (node) {  // Material's icon
      button.append(node.cloneNode(true));
    });
    label.parentNode.insertBefore(button, label);
    label.style.display = "none";
    function sync() { button.setAttribute("aria-expanded", String(toggle.checked)); }
    button.addEventListener("click", function () {
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
        sync();
        button.focus();
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
