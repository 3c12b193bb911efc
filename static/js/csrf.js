// Every htmx request sends the CSRF token from <meta name="csrf-token"> (templates/base.html).
// A static file instead of an inline hx-headers attribute keeps the Content-Security-Policy
// free of inline code.
(function () {
  "use strict";
  document.addEventListener("htmx:configRequest", function (event) {
    var meta = document.querySelector('meta[name="csrf-token"]');
    if (meta) event.detail.headers["X-CSRFToken"] = meta.content;
  });
})();
