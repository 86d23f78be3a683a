// Tejido's preview: wait for the server to say the site changed, then reload the page.
(function () {
  "use strict";
  var script = document.currentScript;
  var seen = script ? script.getAttribute("data-generation") : "0";
  function wait() {
    fetch("/.tejido/wait?since=" + encodeURIComponent(seen), {cache: "no-store"})
      .then(function (response) { return response.text(); })
      .then(function (now) {
        if (now.trim() !== seen) { window.location.reload(); } else { wait(); }
      })
      .catch(function () { setTimeout(wait, 1000); });  // the server restarts: try again
  }
  wait();
})();
