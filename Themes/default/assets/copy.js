// Copy and download buttons for policies: every policy figure of a guide gets
// "Copy" and "Download" in its caption, every combined policy (`pre.policy-json`,
// whose paragraph above already links its file) gets "Copy" beside that link.
// Added by script because neither works without one; the page reads the same
// without them. Loaded in <head> with defer, so it runs before the pages' own
// scripts: compare.js calls window.permdocsCopy.attach on what it builds.
(function () {
  "use strict";

  function button(label, text) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "copy-button";
    b.textContent = "Copy";
    b.setAttribute("aria-label", label);
    // Polite: "Copied" is read out after the click, without interrupting.
    b.setAttribute("aria-live", "polite");
    b.addEventListener("click", function () {
      copy(text()).then(function () { done(b, "Copied"); }, function () { done(b, "Copy failed"); });
    });
    return b;
  }

  function done(b, message) {
    b.textContent = message;
    setTimeout(function () { b.textContent = "Copy"; }, 2000);
  }

  // The clipboard API where the page may use it (https, localhost, file://);
  // else a hidden textarea and the older copy command.
  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      document.body.removeChild(area);
      if (ok) resolve(); else reject(new Error("copy refused"));
    });
  }

  function attach(root) {
    // Policy figures: Copy, and Download as <anchor>.json (a data: URL, so it works from file:// too).
    Array.prototype.forEach.call(root.querySelectorAll("figure.policy"), function (figure) {
      var caption = figure.querySelector("figcaption");
      var code = figure.querySelector("pre code");
      if (!caption || !code || caption.querySelector(".copy-button")) return;
      var text = function () { return code.textContent; };
      var tools = document.createElement("span");
      tools.className = "policy-tools";
      tools.appendChild(button("Copy " + figure.id, text));
      tools.appendChild(document.createTextNode(" "));
      var download = document.createElement("a");
      download.className = "download";
      download.textContent = "Download";
      download.setAttribute("aria-label", "Download " + figure.id + " as JSON");
      download.download = figure.id + ".json";
      download.href = "data:application/json;charset=utf-8," + encodeURIComponent(code.textContent);
      tools.appendChild(download);
      caption.appendChild(tools);
    });
    // Combined policies: Copy beside their download link.
    Array.prototype.forEach.call(root.querySelectorAll("pre.policy-json"), function (pre) {
      var meta = pre.previousElementSibling;
      while (meta && !(meta.classList.contains("policy-meta"))) meta = meta.previousElementSibling;
      // compare.js draws its own Copy button: a paragraph with a button is left alone.
      if (!meta || meta.querySelector("button")) return;
      var link = meta.querySelector("a.download");
      var name = link ? link.getAttribute("download") || "the policy" : "the policy";
      var b = button("Copy " + name, function () { return pre.textContent; });
      meta.insertBefore(b, link ? link.nextSibling : null);
      meta.insertBefore(document.createTextNode(" "), b);
    });
  }

  window.permdocsCopy = { attach: attach };
  attach(document);
})();
