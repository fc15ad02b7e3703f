// extractor review page: the fields of a fact on hover or focus; n/p through the differences.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("review-data").textContent);
  var tip = document.getElementById("tip");
  var position = document.getElementById("diff-position");
  var current = -1;

  function cell(tag, text, cls) {
    var el = document.createElement(tag);
    el.textContent = text === null || text === undefined ? "" : String(text);
    if (cls) { el.className = cls; }
    return el;
  }

  function show(el) {
    var id = el.getAttribute("data-mark");
    var mark = data.marks[id];
    if (!mark || !tip) { return; }
    var f = mark.fields;
    tip.textContent = "";
    var head = document.createElement("div");
    head.appendChild(cell("b", f.kind + " 「" + f.text + "」"));
    head.appendChild(cell("span", " [" + f.span[0] + ", " + f.span[1] + ")"));
    if (mark.status) { head.appendChild(cell("span", " · " + mark.status, "status")); }
    tip.appendChild(head);
    var table = document.createElement("table");
    var header = document.createElement("tr");
    header.appendChild(cell("th", "field"));
    header.appendChild(cell("th", mark.status === "missed" ? "gold" : "record"));
    if (mark.gold) { header.appendChild(cell("th", "gold")); }
    table.appendChild(header);
    data.fields.forEach(function (name) {
      var row = document.createElement("tr");
      row.setAttribute("data-field", name);
      row.appendChild(cell("th", name));
      var differs = mark.differs.indexOf(name) >= 0 ||
        (name === "subject" && mark.status === "subject");
      row.appendChild(cell("td", f[name], differs ? "differs" : ""));
      if (mark.gold) { row.appendChild(cell("td", mark.gold[name], differs ? "differs" : "")); }
      table.appendChild(row);
    });
    tip.appendChild(table);
    tip.hidden = false;
    var box = el.getBoundingClientRect();
    var left = Math.min(window.scrollX + box.left, window.scrollX + window.innerWidth - 480);
    tip.style.left = Math.max(window.scrollX + 4, left) + "px";
    tip.style.top = (window.scrollY + box.bottom + 6) + "px";
  }

  function hide() { if (tip) { tip.hidden = true; } }

  function markOf(target) {
    return target && target.closest ? target.closest("[data-mark]") : null;
  }

  document.addEventListener("mouseover", function (event) {
    var el = markOf(event.target);
    if (el) { show(el); }
  });
  document.addEventListener("mouseout", function (event) {
    var el = markOf(event.target);
    if (el && !el.contains(event.relatedTarget) && document.activeElement !== el) { hide(); }
  });
  document.addEventListener("focusin", function (event) {
    var el = markOf(event.target);
    if (el) { show(el); }
  });
  document.addEventListener("focusout", function (event) {
    if (markOf(event.target)) { hide(); }
  });

  function go(step) {
    var ids = data.differences;
    if (!ids.length) { return; }
    var before = document.querySelectorAll(".current");
    for (var i = 0; i < before.length; i++) { before[i].classList.remove("current"); }
    current = current < 0 && step < 0 ? ids.length - 1 : (current + step + ids.length) % ids.length;
    var el = document.getElementById(ids[current]);
    if (!el) { return; }
    el.classList.add("current");
    var item = document.querySelector('[data-diff="' + current + '"]');
    if (item) { item.parentNode.classList.add("current"); item.scrollIntoView({ block: "nearest" }); }
    el.scrollIntoView({ block: "center" });
    el.focus({ preventScroll: true });
    if (position) { position.textContent = "difference " + (current + 1) + " of " + ids.length; }
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    if (event.key === "n" || event.key === "j") { go(1); event.preventDefault(); }
    else if (event.key === "p" || event.key === "k") { go(-1); event.preventDefault(); }
    else if (event.key === "Escape") { hide(); }
  });

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("[data-diff]") : null;
    if (!link) { return; }
    current = Number(link.getAttribute("data-diff")) - 1;
    go(1);
    event.preventDefault();
  });
}());
