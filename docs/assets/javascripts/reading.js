/* MLS-C01 study site: reading comfort. A table region that hides columns says so:
   its wrap gets [data-more] until it is scrolled to the end (site.css/reading.css
   show the hint). Self-contained; runs on every page view, as site.js does. */
(() => {
  "use strict";
  const flag = (box) => box.parentElement.toggleAttribute("data-more",
    box.scrollWidth - box.clientWidth - box.scrollLeft > 1);
  const seen = new WeakSet();
  const resized = "ResizeObserver" in window
    && new ResizeObserver((entries) => entries.forEach((e) => flag(e.target.closest(".table-scroll"))));
  function wideTables() {
    for (const box of document.querySelectorAll(".table-wrap > .table-scroll")) {
      if (seen.has(box)) continue;
      seen.add(box);
      box.addEventListener("scroll", () => flag(box), { passive: true });
      flag(box);
      if (resized) { resized.observe(box); resized.observe(box.querySelector("table")); }
    }
  }
  let started = false;
  if (typeof document$ !== "undefined") document$.subscribe(() => { started = true; wideTables(); });
  if (!started && (typeof document$ === "undefined" || location.protocol === "file:")) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", wideTables);
    else wideTables();
  }
})();
