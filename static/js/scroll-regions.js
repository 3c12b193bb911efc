/* Tables wider than the screen scroll inside their .table-responsive box. A box that scrolls
   must be reachable by keyboard (WCAG 2.1.1): it becomes a focusable, named region - only while
   it actually overflows, so wide screens keep their tab order unchanged. */
(function () {
  "use strict";

  function label(box) {
    var caption = box.querySelector("caption");
    if (caption && caption.textContent.trim()) return caption.textContent.trim();
    var table = box.querySelector("table[aria-label]");
    return table ? table.getAttribute("aria-label") : document.title;
  }

  function update() {
    document.querySelectorAll(".table-responsive").forEach(function (box) {
      var scrolls = box.scrollWidth > box.clientWidth + 1;
      if (scrolls && !box.hasAttribute("tabindex")) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", label(box));
        box.dataset.scrollRegion = "1";
      } else if (!scrolls && box.dataset.scrollRegion) {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
        delete box.dataset.scrollRegion;
      }
    });
  }

  document.addEventListener("DOMContentLoaded", update);
  window.addEventListener("resize", update);
  document.addEventListener("htmx:afterSettle", update);
})();
