// Reloads a results or waiting page every few seconds while it is on screen.
// The page works without it: it only saves pressing "Check again".
(function () {
  "use strict";
  var seconds = Number(document.body.getAttribute("data-refresh")) || 5;
  window.setInterval(function () {
    if (document.visibilityState === "visible") {
      window.location.reload();
    }
  }, seconds * 1000);
})();
