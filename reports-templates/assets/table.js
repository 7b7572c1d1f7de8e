// The module table: sort by any column, filter by verdict, category, package and name, keyboard-driven.
// Rows are rendered (and escaped) by the generator; this script only reorders and hides them.
(function () {
  'use strict';
  var table = document.getElementById('module-table');
  if (!table) return;
  var tbody = table.tBodies[0];
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var VERDICT_RANK = { ready: 0, 'blocked-by-dependency': 1, blocked: 2, error: 3 };
  var STEP_RANK = { verified: 0, builds: 1, transpiled: 2, failed: 3, '': 4 };
  var rows = Array.prototype.map.call(tbody.rows, function (tr) {
    var cells = tr.cells;
    var n = function (i) { var t = cells[i].textContent.replace(/,/g, ''); return t === '' ? -1 : Number(t); };
    return {
      tr: tr,
      name: tr.getAttribute('data-name'),
      lower: tr.getAttribute('data-name').toLowerCase(),
      pkg: tr.getAttribute('data-pkg'),
      verdictKey: tr.getAttribute('data-verdict'),
      cats: ' ' + tr.getAttribute('data-cats') + ' ',
      wave: tr.getAttribute('data-wave'),
      keys: { name: 0, verdict: VERDICT_RANK[tr.getAttribute('data-verdict')], lines: n(2), findings: n(3), blockers: n(4), imports: n(5), importedBy: n(6), wave: n(7), migration: cells[8] ? STEP_RANK[cells[8].textContent] : 0 },
    };
  });
  var search = document.getElementById('f-search');
  var verdict = document.getElementById('f-verdict');
  var category = document.getElementById('f-category');
  var pkg = document.getElementById('f-package');
  var wave = document.getElementById('f-wave');
  var count = document.getElementById('row-count');
  var none = document.getElementById('no-rows');
  var summary = document.getElementById('row-summary');
  var sortKey = 'name';
  var sortDir = 1;

  function compare(a, b) {
    if (sortKey !== 'name') {
      var d = a.keys[sortKey] - b.keys[sortKey];
      if (d !== 0) return d * sortDir;
      return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
    }
    return (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) * sortDir;
  }

  function sort() {
    rows.sort(compare);
    var frag = document.createDocumentFragment();
    for (var i = 0; i < rows.length; i++) frag.appendChild(rows[i].tr);
    tbody.appendChild(frag);
    heads.forEach(function (th) {
      if (th.getAttribute('data-key') === sortKey) th.setAttribute('aria-sort', sortDir > 0 ? 'ascending' : 'descending');
      else th.removeAttribute('aria-sort');
    });
  }

  function filter() {
    var q = search.value.trim().toLowerCase();
    var v = verdict.value, c = category.value, p = pkg.value, w = wave.value;
    var shown = 0, lines = 0;
    for (var i = 0; i < rows.length; i++) {
      var r = rows[i];
      var ok = (!q || r.lower.indexOf(q) >= 0) && (!v || r.verdictKey === v) && (!c || r.cats.indexOf(' ' + c + ' ') >= 0) &&
        (!p || r.pkg === p || r.pkg.indexOf(p + '.') === 0) && (!w || r.wave === w);
      if (r.tr.hidden === ok) r.tr.hidden = !ok;
      if (ok) { shown++; lines += Math.max(0, r.keys.lines); }
    }
    summary.textContent = shown + (shown === 1 ? ' module' : ' modules') + ' · ' + lines.toLocaleString('en-US') + (lines === 1 ? ' line' : ' lines');
    count.textContent = shown === rows.length ? String(rows.length) : shown + ' of ' + rows.length;
    none.hidden = shown > 0;
    table.setAttribute('data-shown', String(shown));
  }

  heads.forEach(function (th) {
    var button = th.querySelector('button');
    if (!button) return;
    button.addEventListener('click', function () {
      var key = th.getAttribute('data-key');
      if (key === sortKey) sortDir = -sortDir;
      else { sortKey = key; sortDir = th.getAttribute('data-type') === 'num' ? -1 : 1; }
      sort();
    });
  });

  var timer = 0;
  search.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(filter, 60); });
  [verdict, category, pkg].forEach(function (el) { el.addEventListener('change', filter); });
  // Filtering is live; Enter in the search box must not submit (and reload) the page.
  document.getElementById('filters').addEventListener('submit', function (e) { e.preventDefault(); });
  document.getElementById('filters').addEventListener('reset', function () { wave.value = ''; setTimeout(filter, 0); });

  // j/k move a selection through the visible rows, Enter opens it, / jumps to the search box.
  var selected = -1;
  function visible() { return rows.filter(function (r) { return !r.tr.hidden; }); }
  function select(delta) {
    var vis = visible();
    if (vis.length === 0) return;
    if (selected >= 0 && rows[selected]) rows[selected].tr.classList.remove('sel');
    var cur = selected >= 0 ? vis.indexOf(rows[selected]) : -1;
    var next = vis[Math.max(0, Math.min(vis.length - 1, cur + delta))];
    selected = rows.indexOf(next);
    next.tr.classList.add('sel');
    next.tr.scrollIntoView({ block: 'nearest' });
  }
  document.addEventListener('keydown', function (e) {
    var typing = e.target && (e.target.tagName === 'INPUT' || e.target.tagName === 'SELECT');
    if (e.key === '/' && !typing) { e.preventDefault(); search.focus(); search.select(); return; }
    if (e.key === 'Escape' && typing) { e.target.blur(); return; }
    if (typing || e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === 'j') select(1);
    else if (e.key === 'k') select(-1);
    else if (e.key === 'Enter' && selected >= 0) { var a = rows[selected].tr.querySelector('a'); if (a) a.click(); }
  });

  // Links such as modules.html?wave=3&verdict=blocked preselect filters.
  var params = new URLSearchParams(location.search);
  if (params.get('q')) search.value = params.get('q');
  if (params.get('verdict')) verdict.value = params.get('verdict');
  if (params.get('category')) category.value = params.get('category');
  if (params.get('package')) pkg.value = params.get('package');
  if (params.get('wave')) wave.value = params.get('wave');
  filter();
  table.setAttribute('data-ready', 'true');
})();
