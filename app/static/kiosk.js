// Kiosk: after inactivity, warn and offer to continue (at least 20 s to answer, WCAG 2.2.1);
// with no answer, clear the visit and go back to the language picker, replacing the page in
// the history so that Back shows nothing of the previous person. Refresh announcements.
(function () {
  "use strict";
  var root = document.getElementById("kiosk");
  if (!root) return;
  var idle = Number(root.dataset.idle) * 1000;
  var warn = Math.max(20, Number(root.dataset.warn));
  var dialog = document.getElementById("kiosk-warning");
  var reset = document.getElementById("kiosk-reset");
  var idleTimer = null, tick = null;

  // A page brought back from the back/forward cache is loaded again (the server sends no-store).
  window.addEventListener("pageshow", function (event) { if (event.persisted) location.reload(); });

  function startOver() {
    var done = function () { location.replace(reset.dataset.next); };
    fetch(reset.action, { method: "POST", body: new FormData(reset), credentials: "same-origin",
                          redirect: "manual" }).then(done, done);
  }

  if (reset) {
    reset.addEventListener("submit", function (event) { event.preventDefault(); startOver(); });
  }

  // The seconds in the language's own digits: the template is rendered with 0 seconds.
  function localDigits(number, template) {
    var zero = (template.match(/[0０၀०๐]/) || ["0"])[0].charCodeAt(0);
    return String(number).replace(/[0-9]/g, function (d) { return String.fromCharCode(zero + Number(d)); });
  }

  function stopCountdown() { clearInterval(tick); tick = null; }

  function restartIdle() {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(showWarning, idle);
  }

  function showWarning() {
    var left = warn;
    var out = dialog.querySelector(".countdown");
    var template = out.dataset.template;
    function render() { out.textContent = template.replace(/[0０၀०๐]/, localDigits(left, template)); }
    render();
    dialog.showModal();
    tick = setInterval(function () {
      left -= 1;
      if (left <= 0) { stopCountdown(); startOver(); return; }
      render();
    }, 1000);
  }

  function activity() {
    if (dialog && dialog.open) return;
    restartIdle();
  }

  if (root.dataset.timer === "on" && dialog) {
    // Any way of dismissing the warning continues: the button, Escape, a touch or click on it.
    dialog.addEventListener("close", function () {
      if (tick === null) return;
      stopCountdown();
      restartIdle();
    });
    document.getElementById("kiosk-continue").addEventListener("click", function () { dialog.close(); });
    dialog.addEventListener("pointerdown", function (event) {
      if (!event.target.closest("button")) dialog.close();
    });
    ["pointerdown", "keydown", "input", "scroll", "touchstart"].forEach(function (name) {
      document.addEventListener(name, activity, { passive: true });
    });
    restartIdle();
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
