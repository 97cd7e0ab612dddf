// Kiosk: after inactivity, warn and offer to continue (at least 20 s to answer, WCAG 2.2.1);
// with no answer, clear the visit and go back to the language picker. Refresh announcements.
(function () {
  "use strict";
  var root = document.getElementById("kiosk");
  if (!root) return;
  var idle = Number(root.dataset.idle) * 1000;
  var warn = Math.max(20, Number(root.dataset.warn));
  var dialog = document.getElementById("kiosk-warning");
  var reset = document.getElementById("kiosk-reset");
  var idleTimer = null, tick = null;

  function startOver() { reset.submit(); }

  function showWarning() {
    var left = warn;
    var out = dialog.querySelector(".countdown");
    var template = out.dataset.template;
    function render() { out.textContent = template.replace(/[0-9０-９၀-၉०-९]+/, String(left)); }
    render();
    dialog.showModal();
    tick = setInterval(function () {
      left -= 1;
      if (left <= 0) { clearInterval(tick); startOver(); return; }
      render();
    }, 1000);
  }

  function activity() {
    if (dialog && dialog.open) return;
    clearTimeout(idleTimer);
    idleTimer = setTimeout(showWarning, idle);
  }

  if (root.dataset.timer === "on" && dialog) {
    document.getElementById("kiosk-continue").addEventListener("click", function () {
      clearInterval(tick);
      dialog.close();
      activity();
    });
    ["pointerdown", "keydown", "input", "scroll", "touchstart"].forEach(function (name) {
      document.addEventListener(name, activity, { passive: true });
    });
    activity();
  }

  var list = document.getElementById("announcements");
  if (list && list.dataset.src) {
    setInterval(function () {
      fetch(list.dataset.src, { credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.text() : null; })
        .then(function (html) { if (html !== null) list.innerHTML = html; })
        .catch(function () {});
    }, 60000);
  }
})();
