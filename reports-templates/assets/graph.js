// The import graph. Overview: modules folded into their packages (pie = share of lines by verdict),
// which open on click; focus: one module, its neighbourhood to a chosen depth and its blocking chain.
// Everything the page shows from the data goes in through textContent or cytoscape labels, never HTML.
(function () {
  'use strict';
  var raw = JSON.parse(document.getElementById('graph-data').textContent);
  var container = document.getElementById('graph');
  var info = document.getElementById('g-info');
  var css = getComputedStyle(document.documentElement);
  var col = function (n) { return css.getPropertyValue(n).trim(); };
  var VCOL = [col('--ready'), col('--blocked'), col('--dep'), col('--error')];
  var FG = col('--fg'), MUTED = col('--muted'), LINE = col('--line'), CARD = col('--card'), ACCENT = col('--accent');
  var N = raw.nodes.length;
  var names = raw.nodes.map(function (n) { return n[0]; });
  var byName = new Map(names.map(function (n, i) { return [n, i]; }));
  var out = names.map(function () { return []; });
  var inn = names.map(function () { return []; });
  raw.edges.forEach(function (e) { out[e[0]].push(e); inn[e[1]].push(e); });

  // Groups: every dotted prefix that holds at least two modules.
  var groupSize = new Map();
  names.forEach(function (name) {
    var parts = name.split('.');
    for (var k = 1; k <= parts.length; k++) {
      var p = parts.slice(0, k).join('.');
      groupSize.set(p, (groupSize.get(p) || 0) + 1);
    }
  });
  var isGroup = function (p) { return (groupSize.get(p) || 0) >= 2; };
  var expanded = new Set();

  function unitOf(i) {
    var parts = names[i].split('.');
    for (var k = 1; k <= parts.length; k++) {
      var p = parts.slice(0, k).join('.');
      if (isGroup(p) && !expanded.has(p)) return 'g:' + p;
    }
    return 'm:' + i;
  }

  function initialExpansion() {
    expanded = new Set();
    // Open the biggest packages while the picture stays readable.
    for (;;) {
      var units = new Map();
      for (var i = 0; i < N; i++) { var u = unitOf(i); units.set(u, (units.get(u) || 0) + 1); }
      var best = null, bestSize = 0;
      units.forEach(function (size, u) { if (u.charAt(0) === 'g' && size > bestSize) { best = u; bestSize = size; } });
      if (!best || units.size - 1 + Math.min(bestSize, 12) > 60) break;
      expanded.add(best.slice(2));
    }
  }

  // cytoscape warns on the console whenever a layout leaves two nodes overlapping (an edge between them
  // cannot be drawn); that is expected in a dense overview and not worth alarming a reader about.
  cytoscape.warnings(false);
  var cy = cytoscape({
    container: container,
    minZoom: 0.05,
    maxZoom: 4,
    style: [
      { selector: 'node', style: {
        'background-color': 'data(color)', label: 'data(label)', color: FG, 'font-size': 11, 'text-valign': 'bottom',
        'text-margin-y': 3, width: 'data(size)', height: 'data(size)', 'text-outline-color': CARD, 'text-outline-width': 2,
        'min-zoomed-font-size': 7 } },
      { selector: 'node.group', style: {
        shape: 'round-rectangle', 'background-color': CARD, 'border-width': 2, 'border-color': MUTED,
        'pie-size': '86%', 'pie-1-background-color': VCOL[0], 'pie-1-background-size': 'data(p0)',
        'pie-2-background-color': VCOL[1], 'pie-2-background-size': 'data(p1)', 'pie-3-background-color': VCOL[2],
        'pie-3-background-size': 'data(p2)', 'pie-4-background-color': VCOL[3], 'pie-4-background-size': 'data(p3)',
        'font-weight': 'bold' } },
      { selector: 'node.focus', style: { 'border-width': 4, 'border-color': ACCENT, 'font-size': 14, 'font-weight': 'bold' } },
      { selector: 'node.chain', style: { 'border-width': 3, 'border-color': VCOL[1] } },
      { selector: 'edge', style: {
        width: 'data(w)', 'line-color': LINE, 'target-arrow-color': LINE, 'target-arrow-shape': 'triangle',
        'curve-style': 'haystack', 'arrow-scale': 0.7, opacity: 0.8 } },
      { selector: 'edge.directed', style: { 'curve-style': 'bezier' } },
      { selector: 'edge.blocking', style: { 'line-color': VCOL[2], 'target-arrow-color': VCOL[2] } },
      { selector: 'edge.chain', style: { 'line-color': VCOL[1], 'target-arrow-color': VCOL[1], width: 4, 'z-index': 10, opacity: 1 } },
      { selector: 'edge.faint', style: { opacity: 0.18 } },
      { selector: '.faded', style: { opacity: 0.08 } },
      { selector: 'edge.lit', style: { opacity: 1, width: 2.5 } },
      { selector: 'edge.hide-blocking.blocking', style: { 'line-color': LINE, 'target-arrow-color': LINE } },
    ],
  });
  window.grumpyGraph = cy; // for the browser tests and for curious users' consoles

  // Fit the drawing to the box, but never blow a handful of nodes up to poster size.
  function fit() {
    cy.fit(undefined, 30);
    if (cy.zoom() > 1.3) { cy.zoom(1.3); cy.center(); }
  }

  function size(lines) { return Math.max(10, Math.min(36, 6 + Math.sqrt(lines) * 0.5)); }
  function groupSizeOf(count) { return Math.min(64, 18 + 5 * Math.sqrt(count)); }

  function layoutFor(n, focusId) {
    if (focusId) return { name: 'concentric', concentric: function (node) { return 100 - node.data('dist'); }, levelWidth: function () { return 1; }, minNodeSpacing: 18, animate: false };
    // cose costs O(n²) per iteration: big overviews get fewer iterations and faster cooling.
    if (n <= 450) return { name: 'cose', animate: false, randomize: false, nodeRepulsion: function () { return n > 80 ? 60000 : 12000; }, idealEdgeLength: function () { return n > 80 ? 120 : 70; }, edgeElasticity: function () { return 60; }, gravity: 0.4, numIter: n > 150 ? 150 : 1000, coolingFactor: n > 150 ? 0.97 : 0.99, nodeDimensionsIncludeLabels: n <= 150, componentSpacing: 60 };
    return { name: 'concentric', concentric: function (node) { return node.degree(); }, levelWidth: function () { return 4; }, minNodeSpacing: 8, animate: false };
  }

  function showOverview() {
    var units = new Map();
    for (var i = 0; i < N; i++) {
      var u = unitOf(i);
      var a = units.get(u);
      if (!a) { a = { count: 0, lines: [0, 0, 0, 0], idx: i }; units.set(u, a); }
      a.count++;
      a.lines[raw.nodes[i][1]] += Math.max(1, raw.nodes[i][2]);
    }
    var els = [];
    units.forEach(function (a, u) {
      var total = a.lines[0] + a.lines[1] + a.lines[2] + a.lines[3];
      if (u.charAt(0) === 'g') {
        els.push({ group: 'nodes', classes: 'group', data: {
          id: u, label: u.slice(2) + ' (' + a.count + ')', size: groupSizeOf(a.count), color: CARD,
          p0: 100 * a.lines[0] / total, p1: 100 * a.lines[1] / total, p2: 100 * a.lines[2] / total, p3: 100 * a.lines[3] / total } });
      } else {
        var n = raw.nodes[a.idx];
        els.push({ group: 'nodes', data: { id: u, label: n[0], size: size(n[2]), color: VCOL[n[1]] } });
      }
    });
    var agg = new Map();
    raw.edges.forEach(function (e) {
      var s = unitOf(e[0]), t = unitOf(e[1]);
      if (s === t) return;
      var k = s + '>' + t;
      var a = agg.get(k);
      if (!a) { a = { s: s, t: t, n: 0, b: 0 }; agg.set(k, a); }
      a.n++; a.b |= e[2];
    });
    agg.forEach(function (a, k) {
      els.push({ group: 'edges', classes: (a.b ? 'blocking' : '') + (units.size <= 300 ? ' directed' : ''), data: { id: k, source: a.s, target: a.t, w: Math.min(6, 1 + Math.log2(a.n)) } });
    });
    cy.batch(function () { cy.elements().remove(); cy.add(els); });
    // With many packages every edge at full strength is a hairball; hovering brings a node's edges back.
    if (units.size > 80) cy.edges().addClass('faint');
    applyChainToggle();
    cy.layout(layoutFor(units.size)).run();
    fit();
    mode = 'overview';
    listOpenPackages();
    container.setAttribute('data-mode', 'overview');
    container.setAttribute('data-nodes', String(units.size));
    setInfo(null);
  }

  function neighbourhood(i, depth) {
    var dist = new Map([[i, 0]]);
    var frontier = [i];
    for (var d = 1; d <= depth; d++) {
      var next = [];
      frontier.forEach(function (j) {
        out[j].concat(inn[j]).forEach(function (e) {
          var k = e[0] === j ? e[1] : e[0];
          if (!dist.has(k)) { dist.set(k, d); next.push(k); }
        });
      });
      if (dist.size > 400) break; // keep the focus view readable; depth stops growing here
      frontier = next;
    }
    return dist;
  }

  function focus(i) {
    var depth = Number(document.getElementById('g-depth').value);
    var dist = neighbourhood(i, depth);
    var chain = raw.chains[i] || [];
    chain.forEach(function (k, at) { if (!dist.has(k)) dist.set(k, at); });
    var els = [];
    dist.forEach(function (d, k) {
      var n = raw.nodes[k];
      els.push({ group: 'nodes', classes: (k === i ? 'focus' : '') + (chain.indexOf(k) >= 0 && k !== i ? ' chain' : ''),
        data: { id: 'm:' + k, label: n[0], size: size(n[2]), color: VCOL[n[1]], dist: d } });
    });
    var chainEdges = new Set();
    for (var c = 0; c + 1 < chain.length; c++) chainEdges.add(chain[c] + '>' + chain[c + 1]);
    raw.edges.forEach(function (e) {
      if (!dist.has(e[0]) || !dist.has(e[1])) return;
      var k = e[0] + '>' + e[1];
      var cls = 'directed' + (e[2] ? ' blocking' : '') + (chainEdges.has(k) ? ' chain' : '');
      els.push({ group: 'edges', classes: cls, data: { id: 'e' + k, source: 'm:' + e[0], target: 'm:' + e[1], w: 1.5 } });
    });
    cy.batch(function () { cy.elements().remove(); cy.add(els); });
    applyChainToggle();
    cy.layout(layoutFor(dist.size, 'm:' + i)).run();
    fit();
    mode = 'focus';
    container.setAttribute('data-mode', 'focus');
    container.setAttribute('data-focus', names[i]);
    container.setAttribute('data-nodes', String(dist.size));
    setInfo(i, chain);
  }

  function el(tag, text, attrs) {
    var e = document.createElement(tag);
    if (text != null) e.textContent = text;
    if (attrs) Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    return e;
  }
  var VLABEL = ['Ready', 'Blocked', 'Blocked by dependency', 'Error'];
  var VKEY = raw.verdicts;

  function link(k) {
    var a = el('a', names[k], { href: raw.nodes[k][3] });
    a.addEventListener('click', function (ev) { if (!ev.ctrlKey && !ev.metaKey) { ev.preventDefault(); focus(k); } });
    return a;
  }

  function setInfo(i, chain) {
    info.textContent = '';
    if (i === null) return;
    var n = raw.nodes[i];
    info.appendChild(el('h2', n[0], { id: 'g-focus-name' }));
    var p = el('p');
    p.appendChild(el('span', VLABEL[n[1]], { class: 'badge v-' + VKEY[n[1]] }));
    p.appendChild(document.createTextNode(' ' + n[2] + ' lines · imports ' + out[i].length + ' · imported by ' + inn[i].length));
    info.appendChild(p);
    info.appendChild(el('p')).appendChild(el('a', 'Open the module page →', { href: n[3] }));
    if (chain && chain.length > 1) {
      info.appendChild(el('h2', 'Blocking chain'));
      var ol = el('ol', null, { class: 'chain-list' });
      chain.forEach(function (k) { ol.appendChild(el('li')).appendChild(link(k)); });
      info.appendChild(ol);
    }
    // The neighbours as links too, so the graph can be walked with the keyboard alone.
    neighbours('Imports', out[i].map(function (e) { return e[1]; }), 'g-imports');
    neighbours('Imported by', inn[i].map(function (e) { return e[0]; }), 'g-importers');
  }

  function neighbours(title, list, id) {
    if (list.length === 0) return;
    info.appendChild(el('h2', title + ' (' + list.length + ')'));
    var ul = el('ul', null, { class: 'plain', id: id });
    list.slice().sort(function (a, b) { return names[a] < names[b] ? -1 : 1; }).slice(0, 50)
      .forEach(function (k) { ul.appendChild(el('li')).appendChild(link(k)); });
    info.appendChild(ul);
    if (list.length > 50) info.appendChild(el('p', '… and ' + (list.length - 50) + ' more on the module page.', { class: 'hint' }));
  }

  // The packages opened so far, each with a button that folds it (and what is open inside it) again.
  function listOpenPackages() {
    var box = document.getElementById('g-open');
    box.textContent = '';
    if (expanded.size === 0) return;
    box.appendChild(el('h2', 'Open packages'));
    var ul = el('ul', null, { class: 'open-list' });
    Array.from(expanded).sort().forEach(function (p) {
      var b = el('button', 'Fold ' + p, { type: 'button', 'data-package': p });
      b.addEventListener('click', function () {
        expanded.forEach(function (q) { if (q === p || q.indexOf(p + '.') === 0) expanded.delete(q); });
        showOverview();
      });
      ul.appendChild(el('li')).appendChild(b);
    });
    box.appendChild(ul);
  }

  var mode = 'overview';
  function applyChainToggle() {
    var on = document.getElementById('g-chains').checked;
    cy.edges().toggleClass('hide-blocking', !on);
  }

  cy.on('tap', 'node', function (evt) {
    var id = evt.target.id();
    if (id.indexOf('g:') === 0) { expanded.add(id.slice(2)); showOverview(); return; }
    focus(Number(id.slice(2)));
  });
  cy.on('mouseover', 'node', function (evt) {
    var n = evt.target;
    cy.elements().not(n.closedNeighborhood()).addClass('faded');
    n.connectedEdges().addClass('lit');
  });
  cy.on('mouseout', 'node', function () { cy.elements().removeClass('faded lit'); });

  var datalist = document.getElementById('g-names');
  var frag = document.createDocumentFragment();
  names.forEach(function (n) { var o = document.createElement('option'); o.value = n; frag.appendChild(o); });
  datalist.appendChild(frag);
  var search = document.getElementById('g-search');
  function trySearch() {
    var i = byName.get(search.value.trim());
    if (i !== undefined) focus(i);
  }
  document.getElementById('g-form').addEventListener('submit', function (e) { e.preventDefault(); });
  search.addEventListener('change', trySearch);
  search.addEventListener('keydown', function (e) { if (e.key === 'Enter') trySearch(); });
  document.getElementById('g-depth').addEventListener('change', function () {
    var f = container.getAttribute('data-focus');
    if (mode === 'focus' && byName.has(f)) focus(byName.get(f));
  });
  document.getElementById('g-overview').addEventListener('click', function () { initialExpansion(); showOverview(); });
  document.getElementById('g-expand').addEventListener('click', function () {
    groupSize.forEach(function (s, p) { if (s >= 2) expanded.add(p); });
    showOverview();
  });
  document.getElementById('g-chains').addEventListener('change', applyChainToggle);

  var start = new URLSearchParams(location.search).get('focus');
  initialExpansion();
  if (start && byName.has(start)) focus(byName.get(start));
  else showOverview();
  container.setAttribute('data-ready', 'true');
})();
