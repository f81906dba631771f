// Site search. On search.html the page already lists every tool, service
// and action, so this only hides entries that do not match `?q=` (no
// fetch: it works from file:// too). On other pages it offers suggestions
// from data/search.json as the reader types; where fetch() fails (file://
// URLs), the box stays a plain form that opens search.html?q=….
(function () {
  "use strict";
  var pageBox = document.querySelector("[data-search-page]");
  if (pageBox) {
    var items = Array.prototype.map.call(document.querySelectorAll("[data-search-results] li"), function (li) {
      return { li: li, text: li.textContent.toLowerCase() };
    });
    var out = document.querySelector("[data-search-count]");
    var timer = null;
    var filter = function () {
      var q = pageBox.value.trim().toLowerCase();
      var shown = 0;
      items.forEach(function (it) {
        var ok = !q || it.text.indexOf(q) !== -1;
        if (it.li.hidden === ok) it.li.hidden = !ok;
        if (ok) shown++;
      });
      if (out) out.textContent = shown + " of " + items.length + " shown";
      history.replaceState(null, "", window.location.pathname + (q ? "?q=" + encodeURIComponent(pageBox.value.trim()) : ""));
    };
    pageBox.value = new URLSearchParams(window.location.search).get("q") || "";
    pageBox.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(filter, 120); });
    filter();
  }

  var form = document.querySelector("form.site-search");
  if (!form || !window.fetch) return;
  var input = form.querySelector("input[name=q]");
  var root = form.getAttribute("data-search-root") || "";
  var loaded = null;
  var list = document.createElement("datalist");
  list.id = "site-search-suggestions";
  form.appendChild(list);
  var byName = {};
  function load() {
    if (loaded) return loaded;
    loaded = fetch(form.getAttribute("data-search-index")).then(function (r) { return r.json(); }).then(function (data) {
      var frag = document.createDocumentFragment();
      function add(name, url) {
        if (byName[name.toLowerCase()]) return;
        byName[name.toLowerCase()] = root + url;
        var o = document.createElement("option");
        o.value = name;
        frag.appendChild(o);
      }
      (data.tools || []).forEach(function (t) { add(t.name, t.url); });
      (data.services || []).forEach(function (s) { if (s.prefix) add(s.prefix, s.url); });
      (data.actions || []).forEach(function (a) { add(a.name, a.url); });
      list.appendChild(frag);
      input.setAttribute("list", list.id);
    }).catch(function () { /* file:// or offline: the form still opens search.html */ });
    return loaded;
  }
  input.addEventListener("focus", load, { once: true });
  form.addEventListener("submit", function (e) {
    var url = byName[input.value.trim().toLowerCase()];
    if (url) { e.preventDefault(); window.location.href = url; }
  });
})();
