/* Comparison-table filters (macros/tables.py): each <select name="x"> keeps the rows
   whose data-x lists the chosen value; a polite status line says how many rows show.
   Loaded by site.js on pages with a filter form. */
(() => {
  "use strict";
  const M = (window.mls = window.mls || { feat: {} });
  function wireFilters() {
    for (const form of document.querySelectorAll("form[data-table-filter]")) {
      if (form.dataset.filterReady) continue;
      form.dataset.filterReady = "true";
      const figure = form.closest("figure") || form.parentElement;
      const rows = Array.from(figure.querySelectorAll("tbody tr"));
      const selects = Array.from(form.querySelectorAll("select"));
      const status = figure.querySelector("[data-table-filter-status]");
      const noun = form.dataset.tableFilter || "rows";
      const matches = (row, select) =>
        !select.value || (row.dataset[select.name] || "").split(" ").includes(select.value);
      const apply = () => {
        let shown = 0;
        for (const row of rows) {
          row.hidden = !selects.every((select) => matches(row, select));
          if (!row.hidden) shown += 1;
        }
        if (status) status.textContent = `Showing ${shown} of ${rows.length} ${noun}.`;
      };
      form.addEventListener("change", apply);
      // Reset restores the <select>s after the event: filter on the next tick.
      form.addEventListener("reset", () => setTimeout(apply));
      form.addEventListener("submit", (event) => event.preventDefault());
      // A choice made before this script arrived (it loads after the page) counts too.
      if (selects.some((select) => select.value)) apply();
    }
  }

  M.feat.filters = wireFilters;
})();
