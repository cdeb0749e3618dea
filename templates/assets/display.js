/*
 * The honor display: rotates the slides that are already in the page, one timer, no nodes added or removed while it
 * runs (only classes and one counter text change), so it can run unattended for weeks. It fits each slide's text to
 * the screen, steps with the arrow keys, and reloads itself when the site has been rebuilt with other content
 * (display/version.json). Query parameters: slides=cities,exemplars,honors (which, in that order),
 * interval=SECONDS, poll=SECONDS (how often to look for a new version; default 60).
 */
(function () {
  'use strict';
  var deck = document.getElementById('deck');
  if (!deck) return;
  var params = new URLSearchParams(location.search);
  var container = deck.querySelector('.slides');
  var counter = document.getElementById('deck-count');
  var progress = document.getElementById('deck-progress');

  function seconds(value, min, max) {
    var n = parseFloat(value);
    return isFinite(n) && n >= min && n <= max ? n : null;
  }

  var interval = seconds(params.get('interval'), 0.5, 3600) || seconds(deck.dataset.interval, 1, 3600) || 10;
  var poll = seconds(params.get('poll'), 1, 86400) || 60;
  var RELOADED_FOR = 'rongguang-display-reloaded-for';
  var slides = choose(Array.prototype.slice.call(container.querySelectorAll('.slide')));
  var current = Math.max(0, slides.findIndex(function (s) { return s.classList.contains('is-active'); }));
  var cycles = 0;
  var timer = 0;

  /* ?slides= keeps the kinds asked for, in that order; the others leave the page once, at the start. */
  function choose(all) {
    var kinds = (params.get('slides') || '').split(',').map(function (k) { return k.trim(); }).filter(Boolean);
    var chosen = [];
    kinds.forEach(function (kind) {
      all.forEach(function (s) { if (s.dataset.kind === kind && chosen.indexOf(s) < 0) chosen.push(s); });
    });
    if (!chosen.length) return all;
    all.forEach(function (s) { s.classList.remove('is-active'); if (chosen.indexOf(s) < 0) s.remove(); });
    chosen.forEach(function (s) { container.appendChild(s); });
    chosen[0].classList.add('is-active');
    return chosen;
  }

  function show(index) {
    slides[current].classList.remove('is-active');
    current = (index + slides.length) % slides.length;
    slides[current].classList.add('is-active');
    counter.textContent = (current + 1) + ' / ' + slides.length;
    deck.dataset.current = String(current);
    restartProgress();
  }

  function restartProgress() {
    progress.classList.remove('is-running');
    void progress.offsetWidth; // restarts the CSS animation
    progress.classList.add('is-running');
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(advance, interval * 1000);
  }

  function advance() {
    if (current === slides.length - 1) deck.dataset.cycles = String(++cycles);
    show(current + 1);
    schedule();
  }

  /* Lowers a slide's type size step by step until no box in it overflows (SVG drawings scale by themselves). */
  function overflows(slide) {
    if (slide.scrollHeight > slide.clientHeight + 1 || slide.scrollWidth > slide.clientWidth + 1) return true;
    var all = slide.querySelectorAll('*');
    for (var i = 0; i < all.length; i++) {
      var el = all[i];
      if (el instanceof HTMLElement && el.clientWidth && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)) return true;
    }
    return false;
  }

  function fit() {
    slides.forEach(function (slide) {
      var scale = 1;
      slide.style.removeProperty('--fit');
      while (overflows(slide) && scale > 0.42) {
        scale -= 0.04;
        slide.style.setProperty('--fit', scale.toFixed(2));
      }
    });
    deck.dataset.fitted = 'true';
  }

  var resizing = 0;
  window.addEventListener('resize', function () {
    clearTimeout(resizing);
    resizing = setTimeout(fit, 200);
  });

  document.addEventListener('keydown', function (event) {
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      show(current + (event.key === 'ArrowRight' ? 1 : -1));
      schedule();
      event.preventDefault();
    }
  });

  /* A rebuilt site with other content has another version: reload, once the new page can be fetched. */
  function checkVersion() {
    fetch('version.json', { cache: 'no-store' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (v) {
        if (!v || !v.version || v.version === deck.dataset.version) return null;
        // a server that gives an old page with a new version.json must not make the screen reload every minute
        if (tried() === v.version) return null;
        return fetch(location.href, { cache: 'reload' }).then(function (r) {
          if (!r.ok) return;
          remember(v.version);
          location.reload();
        });
      })
      .catch(function () { /* the server may be away for a moment: try again at the next poll */ });
  }

  function tried() {
    try { return sessionStorage.getItem(RELOADED_FOR); } catch (e) { return null; }
  }

  function remember(version) {
    try { sessionStorage.setItem(RELOADED_FOR, version); } catch (e) { /* storage off: no loop guard */ }
  }

  setInterval(checkVersion, poll * 1000);

  deck.style.setProperty('--interval', interval + 's');
  deck.dataset.cycles = '0';
  fit();
  show(current);
  schedule();
  if (document.fonts && document.fonts.ready) document.fonts.ready.then(fit);
})();
