// The escalation queue follows the ledger: once a second it asks which escalations wait and,
// when that changed, reloads the page, unless the approver is typing (then it says so instead).
// Without JavaScript the page works the same; reload it to see new escalations.
(function () {
  "use strict";
  const queue = document.getElementById("queue");
  const shown = queue ? queue.dataset.ids : "";
  let typing = false;
  document.addEventListener("input", function () { typing = true; });
  async function look() {
    try {
      const reply = await fetch("/queue/ids", { cache: "no-store", credentials: "same-origin" });
      if (reply.ok) {
        const ids = (await reply.json()).join(",");
        if (ids !== shown) {
          if (!typing) {
            window.location.reload();
            return;
          }
          document.getElementById("changed").hidden = false;
        }
      }
    } catch (err) {
      // the console is down or restarting: look again
    }
    window.setTimeout(look, 1000);
  }
  window.setTimeout(look, 1000);
})();
