// Annotated source: clicking a line number (drawn by CSS) links to that line, like a code host.
(function () {
  'use strict';
  var src = document.getElementById('source');
  if (!src) return;
  src.addEventListener('click', function (e) {
    var p = e.target;
    if (!p || p.tagName !== 'P' || !p.id) return;
    // Only the gutter: the click lies left of where the code starts.
    var gutter = parseFloat(getComputedStyle(p, '::before').width) || 60;
    if (e.clientX - p.getBoundingClientRect().left > gutter + 16) return;
    location.hash = p.id;
  });
})();
