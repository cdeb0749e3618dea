// Rongguang preview (served by `rongguang serve` only, never part of a build): reloads the page after a good
// rebuild and shows the errors of a failed one. The page's own version is in this script's URL (?v=...).
(function () {
  "use strict";
  var version = new URL(document.currentScript.src).searchParams.get("v");
  var events = new EventSource("/__rongguang/events");

  events.addEventListener("reload", function (e) {
    var state = JSON.parse(e.data);
    if (state.version !== version) location.reload();
  });

  events.addEventListener("problems", function (e) {
    var state = JSON.parse(e.data);
    if (state.version === version) return;
    version = state.version;
    show(state);
  });

  function show(state) {
    var old = document.getElementById("rongguang-overlay");
    if (old) old.remove();
    if (!document.querySelector("link[href='/__rongguang/live.css']")) {
      var style = document.createElement("link");
      style.rel = "stylesheet";
      style.href = "/__rongguang/live.css";
      document.head.appendChild(style);
    }
    var overlay = element("div", null, "");
    overlay.id = "rongguang-overlay";
    overlay.setAttribute("role", "alert");
    var panel = element("div", "rongguang-panel", "");
    panel.appendChild(element("p", "rongguang-title", state.title));
    panel.appendChild(element("p", "rongguang-note", state.note));
    var list = element("ol", "rongguang-problems", "");
    state.problems.forEach(function (p) {
      list.appendChild(element("li", "rongguang-" + p.severity, p.text));
    });
    panel.appendChild(list);
    var close = element("button", "rongguang-close", "关闭");
    close.type = "button";
    panel.appendChild(close);
    overlay.appendChild(panel);
    document.body.appendChild(overlay);
  }

  function element(name, className, text) {
    var e = document.createElement(name);
    if (className) e.className = className;
    e.textContent = text;
    return e;
  }

  document.addEventListener("click", function (e) {
    if (e.target.closest && e.target.closest(".rongguang-close")) {
      var overlay = document.getElementById("rongguang-overlay");
      if (overlay) overlay.remove();
    }
  });
})();
