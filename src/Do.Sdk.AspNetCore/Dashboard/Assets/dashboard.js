// Do.Sdk dashboard: live refresh from the object's event stream. Pages work without it; it only keeps them current.
(function () {
  "use strict";
  var source = document.body.getAttribute("data-live");
  var status = document.getElementById("live-status");
  if (!source || !window.EventSource) { return; }

  var pending = false;
  var refreshing = false;

  function say(text, on) {
    if (!status) { return; }
    status.textContent = text;
    status.classList.toggle("on", !!on);
  }

  // Swaps the live region for the same region of a fresh render, unless the reader is using a control inside it.
  function refresh() {
    var region = document.getElementById("live-region");
    if (!region) { return; }
    if (region.contains(document.activeElement) && document.activeElement !== document.body) {
      pending = true;
      say("Live · new events (leave the control to update)", true);
      return;
    }
    if (refreshing) { pending = true; return; }
    refreshing = true;
    fetch(window.location.href, { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html").getElementById("live-region");
        if (fresh) {
          region.replaceChildren.apply(region, Array.prototype.slice.call(fresh.childNodes));
          region.classList.remove("flash");
          void region.offsetWidth;
          region.classList.add("flash");
        }
      })
      .catch(function () { say("Live · refresh failed; reload the page", false); })
      .then(function () {
        refreshing = false;
        if (pending) { pending = false; refresh(); }
      });
  }

  var events = new EventSource(source, { withCredentials: true });
  // The server's first item says the feed is open; an EventSource's open event can wait for it anyway.
  events.addEventListener("ready", function () { say("Live", true); });
  events.onerror = function () { say("Reconnecting…", false); };
  events.onmessage = function (message) {
    var data = {};
    try { data = JSON.parse(message.data); } catch (e) { /* a summary we cannot read still means something changed */ }
    say("Live · #" + (data.sequence || "?") + " " + (data.type || "event"), true);
    document.body.setAttribute("data-last-event", String(data.sequence || ""));
    refresh();
  };

  document.addEventListener("focusout", function () {
    if (pending) { setTimeout(function () { if (pending) { pending = false; refresh(); } }, 0); }
  });

  // A replay button says it is working, so a second press does not queue a second replay.
  document.addEventListener("submit", function (e) {
    var button = e.target.querySelector("button[type=submit]");
    if (e.target.method === "post" && button) { setTimeout(function () { button.disabled = true; }, 0); }
  });
})();
