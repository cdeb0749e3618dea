// Site search with no server. The generator writes the index under search/index/ (see rongguang.search.SearchIndex
// for the format); this script fetches only the shards of the query's keys and, for the results shown, their
// documents under search/doc/. Keys are made as in rongguang.search.Tokenizer: each character normalized on its
// own (NFKC, lower case), Chinese as overlapping bigrams, other letters and digits as words.
// Without script the form still sends ?q= to this page, which links the list pages of every kind.
(function () {
  'use strict';
  var form = document.getElementById('search-form');
  if (!form || !window.fetch || !window.TextDecoder || !window.URLSearchParams) return;
  var root = form.getAttribute('data-root') || '';
  var base = root + 'search/';
  var input = document.getElementById('search-q');
  var kindsBox = document.getElementById('search-kinds');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  var more = document.getElementById('search-more');
  var PAGE = 10;
  var MAX_WORD = 32;
  var HAN = /^\p{Script=Han}$/u;
  var LETTER = /^\p{L}$/u;
  var WORD = /^[\p{L}\p{N}]$/u;
  var utf8 = new TextDecoder('utf-8');

  var meta = null;
  var files = {};     // url → Promise of the parsed file
  var current = 0;    // the number of the latest search; older ones stop when they see it changed
  var shown = { ranked: [], terms: [], count: 0 };

  function isHan(c) { return HAN.test(c) && LETTER.test(c); }
  function isWord(c) { return !isHan(c) && WORD.test(c); }

  // Excerpts normalize every character of ten documents: the common ideographs (which NFKC and lower case leave
  // alone) are answered at once and other characters from a memo, not by String.normalize each time.
  var normalized = new Map();
  function normalizeChar(c) {
    var code = c.charCodeAt(0);
    if (code < 0x80) return c.toLowerCase();
    if (code >= 0x4e00 && code <= 0x9fff) return c;
    var n = normalized.get(c);
    if (n === undefined) normalized.set(c, n = c.normalize('NFKC').toLowerCase());
    return n;
  }

  function normalize(text) {
    var out = '';
    for (var c of text) out += normalizeChar(c);
    return out;
  }

  // FNV-1a over code points, as Tokenizer.hash.
  function hash(s) {
    var h = 0x811c9dc5 | 0;
    for (var c of s) h = Math.imul(h ^ c.codePointAt(0), 16777619);
    return h;
  }

  function shardKey(key) {
    var chars = Array.from(key);
    return isHan(chars[0]) ? key : chars.slice(0, 2).join('');
  }

  // The query's terms: Chinese runs of two or more characters, and words (the last one a prefix while typing).
  function parse(query) {
    var chars = Array.from(normalize(query));
    var terms = [];
    var short = false;
    var run = [];
    var word = [];
    function endRun() {
      if (run.length >= 2) terms.push({ han: true, text: run.join(''), chars: run.slice() });
      else if (run.length === 1) short = true;
      run = [];
    }
    function endWord(last) {
      if (word.length) terms.push({ han: false, text: word.slice(0, MAX_WORD).join(''), prefix: last });
      word = [];
    }
    chars.forEach(function (c) {
      if (isHan(c)) { endWord(false); run.push(c); }
      else if (WORD.test(c)) { endRun(); word.push(c); }
      else { endRun(); endWord(false); }
    });
    endRun();
    endWord(true);
    return { terms: terms, short: short };
  }

  function load(url, parser) {
    if (!files[url]) {
      files[url] = fetch(url).then(function (r) {
        if (!r.ok) throw new Error(url + ': ' + r.status);
        return parser ? r.arrayBuffer().then(parser) : r.json();
      });
      files[url].catch(function () { delete files[url]; });
    }
    return files[url];
  }

  function reader(bytes, at) {
    return {
      at: at || 0,
      varint: function () {
        var v = 0, shift = 0, b;
        do { b = bytes[this.at++]; v += (b & 0x7f) * Math.pow(2, shift); shift += 7; } while (b & 0x80);
        return v;
      }
    };
  }

  // dXX.bin: key → where its document block lies, and where its position block lies in pXX.bin.
  function parseDocShard(buffer) {
    var bytes = new Uint8Array(buffer);
    var r = reader(bytes);
    var n = r.varint();
    var keys = new Map();
    var pos = 0;
    for (var i = 0; i < n; i++) {
      var len = r.varint();
      var key = utf8.decode(bytes.subarray(r.at, r.at + len));
      r.at += len;
      var count = r.varint(), docBytes = r.varint(), posBytes = r.varint();
      keys.set(key, { count: count, bytes: bytes, at: r.at, pos: pos, posBytes: posBytes });
      r.at += docBytes;
      pos += posBytes;
    }
    return keys;
  }

  function shardName(key) {
    return (hash(shardKey(key)) & (meta.shards - 1)).toString(16);
  }

  function docShard(key) {
    return load(base + 'index/d' + shardName(key) + '.bin', parseDocShard);
  }

  function posShard(key) {
    return load(base + 'index/p' + shardName(key) + '.bin', function (b) { return new Uint8Array(b); });
  }

  // A key's documents: ids, and whether the key is in each one's title.
  function documents(entry) {
    if (!entry.docs) {
      var r = reader(entry.bytes, entry.at);
      var ids = new Int32Array(entry.count), title = new Uint8Array(entry.count), last = -1;
      for (var i = 0; i < entry.count; i++) {
        var v = r.varint();
        last = last + 1 + Math.floor(v / 2);
        ids[i] = last;
        title[i] = v & 1;
      }
      entry.docs = { ids: ids, title: title };
    }
    return entry.docs;
  }

  // A key's positions, one sorted array per document of its list.
  function positions(entry, posBytes) {
    if (!entry.positions) {
      var r = reader(posBytes, entry.pos);
      var all = new Array(entry.count);
      for (var i = 0; i < entry.count; i++) {
        var list = [], p = -1, gap;
        while ((gap = r.varint()) !== 0) { p += gap; list.push(p); }
        all[i] = list;
      }
      entry.positions = all;
    }
    return entry.positions;
  }

  function has(sorted, value) {
    var lo = 0, hi = sorted.length - 1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (sorted[mid] === value) return true;
      if (sorted[mid] < value) lo = mid + 1; else hi = mid - 1;
    }
    return false;
  }

  // doc → 1 when the term is in its title, 0 when only in its text.
  function matchTerm(term) {
    if (!term.han) return matchWord(term);
    var grams = [];
    for (var i = 0; i + 1 < term.chars.length; i++) grams.push(term.chars[i] + term.chars[i + 1]);
    if (grams.length === 1) {
      return docShard(grams[0]).then(function (shard) {
        var found = new Map(), entry = shard.get(grams[0]);
        if (!entry) return found;
        var d = documents(entry);
        for (var k = 0; k < d.ids.length; k++) found.set(d.ids[k], d.title[k]);
        return found;
      });
    }
    return Promise.all(grams.map(function (g) {
      return Promise.all([docShard(g), posShard(g)]).then(function (both) {
        var entry = both[0].get(g);
        return entry ? { docs: documents(entry), positions: positions(entry, both[1]) } : null;
      });
    })).then(function (postings) {
      var found = new Map();
      if (postings.some(function (p) { return !p; })) return found;
      // each gram's document → its index in that gram's list
      var index = postings.map(function (p) {
        var m = new Map();
        for (var k = 0; k < p.docs.ids.length; k++) m.set(p.docs.ids[k], k);
        return m;
      });
      var first = postings[0];
      first.docs.ids.forEach(function (doc, k) {
        var at = index.map(function (m) { return m.get(doc); });
        if (at.some(function (x) { return x === undefined; })) return;
        var starts = first.positions[k];
        for (var s = 0; s < starts.length; s++) {
          var p = starts[s], ok = true;
          for (var g = 1; g < postings.length && ok; g++) ok = has(postings[g].positions[at[g]], p + g);
          if (ok) {
            var inTitle = p < meta.body ? 1 : 0;
            if (inTitle || !found.has(doc)) found.set(doc, inTitle);
            if (inTitle) break;
          }
        }
      });
      return found;
    });
  }

  function matchWord(term) {
    return docShard(term.text).then(function (shard) {
      var found = new Map();
      shard.forEach(function (entry, key) {
        var match = term.prefix ? key.startsWith(term.text) && !isHan(Array.from(key)[0]) : key === term.text;
        if (!match) return;
        var d = documents(entry);
        for (var k = 0; k < d.ids.length; k++) found.set(d.ids[k], Math.max(found.get(d.ids[k]) || 0, d.title[k]));
      });
      return found;
    });
  }

  function kindOf(doc) {
    var end = 0;
    for (var i = 0; i < meta.kinds.length; i++) {
      end += meta.kinds[i].count;
      if (doc < end) return meta.kinds[i];
    }
    return null;
  }

  // Every result: documents holding every term, those with more terms in the title first, then in index order
  // (cities, exemplars and merchants, then articles newest first).
  function rank(terms) {
    return Promise.all(terms.map(matchTerm)).then(function (maps) {
      maps.sort(function (a, b) { return a.size - b.size; });
      var ranked = [];
      maps[0].forEach(function (title, doc) {
        var score = title;
        for (var i = 1; i < maps.length; i++) {
          var t = maps[i].get(doc);
          if (t === undefined) return;
          score += t;
        }
        ranked.push({ doc: doc, score: score, kind: kindOf(doc) });
      });
      ranked.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
      return ranked;
    });
  }

  // Where the terms are in a text: [start, end) ranges of the original text, merged.
  function highlights(text, terms) {
    var norm = '', from = [], to = [];
    var i = 0;
    for (var c of text) {
      var n = normalizeChar(c);
      for (var j = 0; j < n.length; j++) { from.push(i); to.push(i + c.length); }
      norm += n;
      i += c.length;
    }
    var ranges = [];
    terms.forEach(function (t) {
      var at = norm.indexOf(t.text);
      while (at >= 0) {
        var end = at + t.text.length;
        var wordOk = t.han || ((at === 0 || !isWord(norm[at - 1])) && (t.prefix || end >= norm.length || !isWord(norm[end])));
        if (wordOk) ranges.push([from[at], to[end - 1]]);
        at = norm.indexOf(t.text, at + 1);
      }
    });
    ranges.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var merged = [];
    ranges.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
      else merged.push([r[0], r[1]]);
    });
    return merged;
  }

  function marked(parent, text, ranges, start, end) {
    var at = start;
    ranges.forEach(function (r) {
      if (r[1] <= start || r[0] >= end) return;
      var s = Math.max(r[0], start), e = Math.min(r[1], end);
      if (s > at) parent.appendChild(document.createTextNode(text.slice(at, s)));
      var mark = document.createElement('mark');
      mark.textContent = text.slice(s, e);
      parent.appendChild(mark);
      at = e;
    });
    if (at < end) parent.appendChild(document.createTextNode(text.slice(at, end)));
  }

  function excerpt(parent, text, terms) {
    var ranges = highlights(text, terms);
    var start = 0;
    if (ranges.length) start = Math.max(0, ranges[0][0] - 30);
    var end = Math.min(text.length, start + 120);
    if (start > 0 && text.codePointAt(start - 1) > 0xffff) start--;
    if (start > 0) parent.appendChild(document.createTextNode('…'));
    marked(parent, text.replace(/\n/g, ' '), ranges, start, end);
    if (end < text.length) parent.appendChild(document.createTextNode('…'));
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function item(result, fragment, terms) {
    var li = el('li', 'search-result');
    li.setAttribute('data-kind', result.kind.key);
    var head = el('p', 'search-result-meta');
    head.appendChild(el('span', 'search-result-kind', result.kind.label));
    if (fragment.date) {
      var time = el('time', '', fragment.date);
      time.setAttribute('datetime', fragment.date);
      head.appendChild(document.createTextNode(' '));
      head.appendChild(time);
    }
    li.appendChild(head);
    var title = el('h2', 'search-result-title');
    var link = el('a');
    link.href = root + fragment.url;
    marked(link, fragment.title, highlights(fragment.title, terms), 0, fragment.title.length);
    title.appendChild(link);
    li.appendChild(title);
    var text = el('p', 'search-result-excerpt');
    excerpt(text, fragment.text, terms);
    li.appendChild(text);
    return li;
  }

  function selectedKind() {
    var checked = form.querySelector('input[name="kind"]:checked');
    return checked ? checked.value : '';
  }

  function counts(ranked) {
    var byKind = { '': ranked ? ranked.length : 0 };
    meta.kinds.forEach(function (k) { byKind[k.key] = 0; });
    (ranked || []).forEach(function (r) { byKind[r.kind.key]++; });
    form.querySelectorAll('.search-count').forEach(function (span) {
      span.textContent = ranked ? '（' + byKind[span.getAttribute('data-kind')] + '）' : '';
    });
  }

  function remember(query, kind) {
    var params = new URLSearchParams();
    if (query) params.set('q', query);
    if (kind) params.set('kind', kind);
    var search = params.toString();
    history.replaceState(null, '', location.pathname + (search ? '?' + search : ''));
  }

  // Shows the next page of results; resolves when they are in the page.
  function showMore(number) {
    var slice = shown.ranked.slice(shown.count, shown.count + PAGE);
    return Promise.all(slice.map(function (r) { return load(base + 'doc/' + r.doc + '.json'); }))
      .then(function (fragments) {
        if (number !== current) return;
        slice.forEach(function (r, i) { list.appendChild(item(r, fragments[i], shown.terms)); });
        shown.count += slice.length;
        more.hidden = shown.count >= shown.ranked.length;
      });
  }

  function say(text) {
    status.textContent = text;
  }

  // Runs a search and shows its first results; resolves when they are shown.
  function search(query) {
    var number = ++current;
    var kind = selectedKind();
    remember(query.trim(), kind);
    var parsed = parse(query);
    if (!parsed.terms.length) {
      list.textContent = '';
      more.hidden = true;
      counts(null);
      say(query.trim() ? (parsed.short ? '中文请至少输入两个字。' : '请输入文字或数字。') : '');
      return Promise.resolve([]);
    }
    return rank(parsed.terms).then(function (ranked) {
      if (number !== current) return null;
      counts(ranked);
      var visible = kind ? ranked.filter(function (r) { return r.kind.key === kind; }) : ranked;
      shown = { ranked: visible, terms: parsed.terms, count: 0 };
      list.textContent = '';
      if (!visible.length) {
        more.hidden = true;
        say('没有找到与“' + query.trim() + '”相关的' + (kind ? kindLabel(kind) : '内容') + '。');
        return visible;
      }
      say('找到 ' + visible.length + ' 条结果' + (kind ? '（' + kindLabel(kind) + '）' : '') + '。');
      return showMore(number).then(function () { return visible; });
    }).catch(function () {
      if (number === current) say('搜索索引加载失败，请稍后重试。');
      return null;
    });
  }

  function kindLabel(key) {
    var k = meta.kinds.filter(function (x) { return x.key === key; })[0];
    return k ? k.label : '';
  }

  function start() {
    kindsBox.hidden = false;
    var params = new URLSearchParams(location.search);
    input.value = params.get('q') || '';
    var kind = params.get('kind') || '';
    var radio = form.querySelector('input[name="kind"][value="' + (/^[a-z]*$/.test(kind) ? kind : '') + '"]');
    if (radio) radio.checked = true;
    input.addEventListener('input', function (e) {
      if (!e.isComposing) search(input.value);
    });
    input.addEventListener('compositionend', function () { search(input.value); });
    form.addEventListener('change', function (e) {
      if (e.target.name === 'kind') search(input.value);
    });
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      search(input.value);
    });
    more.addEventListener('click', function () { showMore(current); });
    // for tests and measurements: run a query as if typed, resolve with what it found
    window.rongguangSearch = function (query) {
      input.value = query;
      return search(query).then(function (ranked) {
        return (ranked || []).map(function (r) { return { doc: r.doc, kind: r.kind.key, score: r.score }; });
      });
    };
    if (input.value) search(input.value);
  }

  load(base + 'index/meta.json').then(function (m) {
    meta = m;
    start();
  }).catch(function () {
    say('搜索索引加载失败，请稍后重试。');
  });
})();
