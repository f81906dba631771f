// What the scripts that read the site's data share (the matrix, the
// comparison and the search), loaded on every page before them:
//
// - withRows(data, rowsURL, done, fail): data/rows.js (window.permdocsRows)
//   and a page's data (data/matrix.js, data/compare.js, data/search.js) must
//   come from one build, but a cache (the browser's, a CDN's) can hold either
//   from an earlier one. The data names the rows' version (`rowsVersion`):
//   when the rows loaded are another, they are loaded again past the cache
//   (`rows.js?v=…`); `done(rows)` gets the right ones, `fail()` is called when
//   even those are another build's (the page should say to reload).
// - rowURL(rows, i): the address of row i of data/rows.js, from the site
//   root. A row is [name, page #] and then its anchor on that page, unless
//   the anchor is the name after its first ":", lower-cased
//   (RowsData.defaultAnchor).
// - toolsInQuery(search): the slugs of `tools=a,b` in a query string. Slugs
//   are percent-encoded one by one and joined by literal commas, so a slug
//   holding a comma (sent as %2C) stays one slug; URLSearchParams would
//   decode the %2C before the split.
(function () {
  "use strict";
  function withRows(data, rowsURL, done, fail) {
    var rows = window.permdocsRows;
    if (rows && rows.version === data.rowsVersion) { done(rows); return; }
    var script = document.createElement("script");
    script.src = rowsURL + "?v=" + encodeURIComponent(data.rowsVersion);
    script.onload = function () {
      var again = window.permdocsRows;
      if (again && again.version === data.rowsVersion) done(again); else fail();
    };
    script.onerror = fail;
    document.head.appendChild(script);
  }

  function rowURL(rows, i) {
    var row = rows.rows[i], name = row[0];
    return rows.pages[row[1]] + "#" + (row.length > 2 ? row[2] : name.slice(name.indexOf(":") + 1).toLowerCase());
  }

  function toolsInQuery(search) {
    var m = /(?:^|[?&])tools=([^&#]*)/.exec(search);
    return m ? m[1].split(",").map(function (s) {
      try { return decodeURIComponent(s.replace(/\+/g, " ")); } catch (e) { return s; }
    }) : [];
  }

  window.permdocsCommon = { withRows: withRows, rowURL: rowURL, toolsInQuery: toolsInQuery };
})();
