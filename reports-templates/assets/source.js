// Annotated source: Python syntax colouring, done here in the browser (in batches, so long files
// stay responsive) from each line's text through textContent, so colouring can never inject markup;
// and clicking a line number (drawn by CSS) links to that line.
(function () {
  'use strict';
  var src = document.getElementById('source');
  if (!src) return;

  var KEYWORDS = new Set(('and as assert break class continue def del elif else except exec finally for from global if ' +
    'import in is lambda not or pass print raise return try while with yield None True False').split(' '));
  var BUILTINS = new Set(('abs all any basestring bool callable chr classmethod cmp dict dir divmod enumerate eval execfile ' +
    'file filter float format frozenset getattr globals hasattr hash hex id input int isinstance issubclass iter len list ' +
    'locals long map max min next object oct open ord pow property range raw_input reduce reload repr reversed round set ' +
    'setattr slice sorted staticmethod str sum super tuple type unichr unicode vars xrange zip __import__ self cls').split(' '));
  var TOKEN = /(#.*)|([uUbB]?[rR]?(?:'''|"""|'|"))|(\d[\d.]*(?:[eE][+-]?\d+)?[lLjJ]?|0[xX][0-9a-fA-F]+[lL]?)|([A-Za-z_]\w*)|(@[\w.]+)/g;

  // Tokenises one line; `open` is the quote of a string still open from an earlier line, or null.
  function tokenize(line, open) {
    var out = [];
    var i = 0;
    function push(cls, end) { if (end > i) out.push([cls, line.slice(i, end)]); i = end; }
    function closeString(q, from) {
      for (var j = from; j < line.length; j++) {
        if (line[j] === '\\') { j++; continue; }
        if (line.substr(j, q.length) === q) return j + q.length;
      }
      return -1;
    }
    if (open) {
      var end = closeString(open, 0);
      if (end < 0) { push('s', line.length); return { tokens: out, open: open }; }
      push('s', end);
      open = null;
    }
    var prevWord = '';
    TOKEN.lastIndex = i;
    var m;
    while ((m = TOKEN.exec(line)) !== null) {
      push('', m.index);
      if (m[1]) { push('c', line.length); break; }
      if (m[2]) {
        var q = m[2].replace(/^[uUbBrR]+/, '');
        var close = closeString(q, m.index + m[2].length);
        if (close < 0) {
          push('s', line.length);
          if (q.length === 3) open = q;
          break;
        }
        push('s', close);
        TOKEN.lastIndex = i;
        continue;
      }
      var cls = m[3] ? 'n' : m[5] ? 'd' : KEYWORDS.has(m[4]) ? 'k' : (prevWord === 'def' || prevWord === 'class') ? 'f' : BUILTINS.has(m[4]) ? 'b' : '';
      push(cls, m.index + m[0].length);
      prevWord = m[4] || '';
    }
    push('', line.length);
    return { tokens: out, open: open };
  }

  function paint(p, tokens) {
    if (tokens.length === 1 && tokens[0][0] === '') return;
    var frag = document.createDocumentFragment();
    for (var t = 0; t < tokens.length; t++) {
      if (tokens[t][0] === '') frag.appendChild(document.createTextNode(tokens[t][1]));
      else {
        var span = document.createElement('span');
        span.className = tokens[t][0];
        span.textContent = tokens[t][1];
        frag.appendChild(span);
      }
    }
    p.textContent = '';
    p.appendChild(frag);
  }

  var lines = src.getElementsByTagName('p');
  var at = 0;
  var open = null;
  function batch() {
    var stop = Math.min(lines.length, at + 1500);
    for (; at < stop; at++) {
      var r = tokenize(lines[at].textContent, open);
      open = r.open;
      paint(lines[at], r.tokens);
    }
    if (at < lines.length) setTimeout(batch, 0);
    else src.setAttribute('data-highlighted', 'true');
  }
  batch();

  src.addEventListener('click', function (e) {
    var p = e.target;
    if (!p || p.tagName !== 'P' || !p.id) return;
    // Only the gutter: the click lies left of where the code starts.
    var gutter = parseFloat(getComputedStyle(p, '::before').width) || 60;
    if (e.clientX - p.getBoundingClientRect().left > gutter + 16) return;
    location.hash = p.id;
  });
})();
