/* xling review report: the segment filter and the concept-entry pop-up (no network, no library). */
(function () {
  "use strict";
  var table = document.getElementById("segments");
  var status = document.getElementById("filter-status");
  var popup = document.getElementById("term-popup");

  function applyFilter(value) {
    if (!table) return;
    var rows = table.querySelectorAll("tr.segment");
    var shown = 0;
    rows.forEach(function (row) {
      var severity = row.getAttribute("data-severity");
      var hide = value === "issues" && severity !== "error" && severity !== "warning";
      row.hidden = hide;
      if (!hide) shown += 1;
    });
    table.querySelectorAll("tbody.paragraph").forEach(function (group) {
      group.hidden = !group.querySelector("tr.segment:not([hidden])");
    });
    if (status) status.textContent = shown + " of " + rows.length + " segments shown";
  }

  document.querySelectorAll('input[name="show"]').forEach(function (input) {
    input.addEventListener("change", function () { if (input.checked) applyFilter(input.value); });
  });
  var checked = document.querySelector('input[name="show"]:checked');
  applyFilter(checked ? checked.value : "all");

  if (!popup) return;
  var current = null;

  function show(term) {
    var entry = document.getElementById("entry-" + term.getAttribute("data-entry"));
    if (!entry) return;
    var card = entry.cloneNode(true);
    card.removeAttribute("id");
    card.querySelectorAll("[id]").forEach(function (el) { el.removeAttribute("id"); });
    popup.replaceChildren(card);
    popup.hidden = false;
    var box = term.getBoundingClientRect();
    var width = document.documentElement.clientWidth;
    var left = Math.max(4, Math.min(box.left, width - popup.offsetWidth - 4));
    popup.style.left = (window.scrollX + left) + "px";
    popup.style.top = (window.scrollY + box.bottom + 4) + "px";
    if (current && current !== term) current.removeAttribute("aria-describedby");
    term.setAttribute("aria-describedby", "term-popup");
    current = term;
  }

  function hide() {
    popup.hidden = true;
    if (current) current.removeAttribute("aria-describedby");
    current = null;
  }

  function termOf(event) {
    return event.target instanceof Element ? event.target.closest("a.term[data-entry]") : null;
  }

  document.addEventListener("mouseover", function (event) {
    var term = termOf(event);
    if (term) show(term);
    else if (!(event.target instanceof Element && event.target.closest("#term-popup"))) hide();
  });
  document.addEventListener("focusin", function (event) {
    var term = termOf(event);
    if (term) show(term); else hide();
  });
  document.addEventListener("click", function (event) {
    var term = termOf(event);
    if (!term) return;
    event.preventDefault();
    if (current === term && !popup.hidden) hide(); else show(term);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") hide();
  });
})();
