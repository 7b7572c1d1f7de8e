// Coverage over time: two small uPlot charts (modules, lines) from the run history embedded in the page.
(function () {
  'use strict';
  var el = document.getElementById('trend-data');
  if (!el || typeof uPlot === 'undefined') return;
  var d = JSON.parse(el.textContent);
  var css = getComputedStyle(document.documentElement);
  var color = function (name) { return css.getPropertyValue(name).trim(); };
  var fg = color('--fg'), grid = color('--line');

  // uPlot cannot size a time axis from one run (or runs within the same second): give it at least a day.
  var lo = d.t[0], hi = d.t[d.t.length - 1];
  var pad = Math.max(0, 86400 - (hi - lo)) / 2 + (hi - lo) * 0.04;
  var xRange = [lo - pad, hi + pad];
  function compact(v) { return v >= 1e6 ? +(v / 1e6).toFixed(1) + 'M' : v >= 1e4 ? +(v / 1e3).toFixed(0) + 'k' : String(v); }

  function axis() {
    return { stroke: fg, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid } };
  }
  function series(label, c) {
    return { label: label, stroke: c, width: 2, fill: c + '22', points: { show: true, size: 7, fill: c } };
  }
  function draw(id, specs, data) {
    var box = document.getElementById(id);
    if (!box) return;
    var opts = {
      width: Math.max(300, box.clientWidth), height: 240,
      series: [{ label: 'Run', value: function (u, t) { return t == null ? '' : new Date(t * 1000).toISOString().slice(0, 16).replace('T', ' '); } }].concat(specs),
      axes: [axis(), Object.assign(axis(), { size: 56, values: function (u, ticks) { return ticks.map(compact); } })],
      scales: { x: { time: true, range: function () { return xRange; } }, y: { range: function (u, min, max) { return [0, Math.max(1, max) * 1.08]; } } },
      cursor: { drag: { x: false, y: false } },
    };
    var plot = new uPlot(opts, [d.t].concat(data), box);
    box.setAttribute('data-points', String(d.t.length));
    if (typeof ResizeObserver !== 'undefined') {
      new ResizeObserver(function () { plot.setSize({ width: Math.max(300, box.clientWidth), height: 240 }); }).observe(box);
    }
  }
  draw('chart-modules', [
    series('Ready', color('--ready')), series('Blocked', color('--blocked')),
    series('Blocked by dependency', color('--dep')), series('Error', color('--error')),
  ], [d.ready, d.blocked, d.dep, d.error]);
  draw('chart-lines', [series('Ready lines', color('--ready')), series('Not ready lines', color('--blocked'))], [d.readyLines, d.notReadyLines]);
  draw('chart-migration', [
    series('Transpiled', color('--info')), series('Builds', color('--error')), series('Verified equivalent', color('--ready')),
  ], [d.transpiled, d.builds, d.verified]);
})();
