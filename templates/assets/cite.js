/* "Copy citation": a button beside each item's citation that copies its text.

   Progressive: without this script the citation is on the page in a <details>, to read and
   select. The button's words come from the details element's data attributes (the template
   holds all wording). No inline script, so the pages' Content-Security-Policy holds. */
(function () {
  "use strict";

  function copyBySelection(element) {
    var details = element.closest("details");
    if (details) details.open = true;
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    var copied = false;
    try { copied = document.execCommand("copy"); } catch (e) { copied = false; }
    return copied;
  }

  function copy(element) {
    var text = element.textContent.replace(/\s+/g, " ").trim();
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(
        function () { return true; },
        function () { return copyBySelection(element); });
    }
    return Promise.resolve(copyBySelection(element));
  }

  function addButton(details) {
    var text = details.querySelector(".citation-text");
    if (!text) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy-citation";
    button.textContent = details.dataset.copyLabel;
    button.setAttribute("aria-label", details.dataset.copyName);
    var status = document.createElement("span");
    status.className = "copy-status";
    status.setAttribute("role", "status");
    button.addEventListener("click", function () {
      copy(text).then(function (done) {
        status.textContent = done ? details.dataset.copied : details.dataset.copyFailed;
      });
    });
    details.parentNode.insertBefore(button, details.nextSibling);
    details.parentNode.insertBefore(status, button.nextSibling);
  }

  document.querySelectorAll("details.item-citation[data-copy-label]").forEach(addButton);
}());
