/* Comparison-table filters (progressive enhancement of macros/tables.py output).
   Without this script the form stays hidden and every row shows. With it, each
   <select name="x"> keeps the rows whose data-x lists the chosen value, and the
   polite status line says how many rows are shown. Runs on every page load,
   including Material's instant navigation; a form is wired once. */
document$.subscribe(() => {
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
    // Reset restores the <select>s after the event, so filter on the next tick.
    form.addEventListener("reset", () => setTimeout(apply));
    form.addEventListener("submit", (event) => event.preventDefault());
    form.hidden = false;
  }
});
