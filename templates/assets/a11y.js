// The accessibility toolbar (无障碍工具): text size in steps, high contrast, wider line spacing, remembered in
// localStorage. Loaded in <head> without defer, so a stored choice is on <html> before the page is first painted.
// Without script the toolbar stays hidden: no dead buttons.
(function () {
  'use strict';
  var KEY = 'rongguang-a11y';
  var SIZES = [100, 115, 130, 150, 175, 200];
  var root = document.documentElement;
  var state = read();
  apply();

  function read() {
    var s = {};
    try {
      s = JSON.parse(window.localStorage.getItem(KEY)) || {};
    } catch (e) { /* storage blocked or garbled: start from the defaults */ }
    var size = Math.round(Number(s.size));
    return {
      size: size > 0 && size < SIZES.length ? size : 0,
      contrast: s.contrast === true,
      spacing: s.spacing === true
    };
  }

  function save() {
    try {
      window.localStorage.setItem(KEY, JSON.stringify(state));
    } catch (e) { /* not remembered, still applied */ }
  }

  function apply() {
    if (state.size) root.setAttribute('data-text-size', String(state.size));
    else root.removeAttribute('data-text-size');
    root.classList.toggle('rg-contrast', state.contrast);
    root.classList.toggle('rg-spacing', state.spacing);
  }

  function wire() {
    var bar = document.getElementById('a11y-tools');
    if (!bar) return;
    var buttons = {};
    Array.prototype.forEach.call(bar.querySelectorAll('[data-a11y]'), function (el) {
      buttons[el.getAttribute('data-a11y')] = el;
    });

    function show() {
      if (buttons.size) buttons.size.textContent = '当前 ' + SIZES[state.size] + '%';
      // aria-disabled, not disabled: a disabled button would drop the keyboard focus at the last step
      if (buttons.smaller) buttons.smaller.setAttribute('aria-disabled', String(state.size === 0));
      if (buttons.larger) buttons.larger.setAttribute('aria-disabled', String(state.size === SIZES.length - 1));
      if (buttons.contrast) buttons.contrast.setAttribute('aria-pressed', String(state.contrast));
      if (buttons.spacing) buttons.spacing.setAttribute('aria-pressed', String(state.spacing));
    }

    bar.addEventListener('click', function (event) {
      var button = event.target.closest('button[data-a11y]');
      if (!button) return;
      var action = button.getAttribute('data-a11y');
      if (action === 'larger') state.size = Math.min(state.size + 1, SIZES.length - 1);
      else if (action === 'smaller') state.size = Math.max(state.size - 1, 0);
      else if (action === 'reset') state.size = 0;
      else if (action === 'contrast') state.contrast = !state.contrast;
      else if (action === 'spacing') state.spacing = !state.spacing;
      else return;
      apply();
      save();
      show();
      markScrollersSoon();
    });

    // another tab of the site changed the choices
    window.addEventListener('storage', function (event) {
      if (event.key !== KEY && event.key !== null) return;
      state = read();
      apply();
      show();
      markScrollersSoon();
    });

    show();
    // a live region only from now on: the size restored on load is not read out on every page
    if (buttons.size) buttons.size.setAttribute('role', 'status');
    bar.hidden = false;
  }

  // A table wider than the screen scrolls inside its .table-wrap; only then is the wrapper made a named region
  // that takes the keyboard focus, so that it can be scrolled with the arrow keys (no idle tab stops otherwise).
  function markScrollers() {
    Array.prototype.forEach.call(document.querySelectorAll('.table-wrap'), function (wrap) {
      if (wrap.scrollWidth > wrap.clientWidth + 1) {
        var caption = wrap.querySelector('caption');
        var name = caption && caption.textContent.trim() ? caption.textContent.trim() : '表格';
        wrap.setAttribute('tabindex', '0');
        wrap.setAttribute('role', 'region');
        wrap.setAttribute('aria-label', name + '（可左右滚动）');
      } else if (wrap.hasAttribute('tabindex')) {
        wrap.removeAttribute('tabindex');
        wrap.removeAttribute('role');
        wrap.removeAttribute('aria-label');
      }
    });
  }

  var pending = false;
  function markScrollersSoon() {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(function () {
      pending = false;
      markScrollers();
    });
  }

  function ready() {
    wire();
    markScrollers();
    window.addEventListener('resize', markScrollersSoon);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', ready);
  else ready();
})();
