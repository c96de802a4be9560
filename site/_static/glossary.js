// Glossary search: filters the table rows by Chinese, pinyin (tone marks, spaces optional) or English.
// Vendored with the site (no CDN, no library). Each row carries data-search: the term, its pinyin with and
// without tones, and its English, all lower case.
(function () {
  "use strict";
  function plain(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[\s\-'’·]/g, "");
  }
  function setup() {
    var input = document.getElementById("glossary-search");
    var count = document.getElementById("glossary-count");
    if (!input) return;
    var rows = Array.prototype.slice.call(document.querySelectorAll("table.cq-glossary tbody tr"));
    var keys = rows.map(function (row) {
      var raw = (row.getAttribute("data-search") || "").toLowerCase();
      return { raw: raw, plain: plain(raw) };
    });
    function update() {
      var query = input.value.trim().toLowerCase();
      var flat = plain(query);
      var shown = 0;
      rows.forEach(function (row, i) {
        var hit = !query || keys[i].raw.indexOf(query) !== -1 || (flat && keys[i].plain.indexOf(flat) !== -1);
        row.hidden = !hit;
        if (hit) shown += 1;
      });
      count.textContent = shown + " of " + rows.length + " terms";
    }
    input.addEventListener("input", update);
    update();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
