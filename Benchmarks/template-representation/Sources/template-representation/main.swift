// How fast swift-mustache renders the same rows from four representations
// of a page model (the choice behind Sources/PermDocsSite/Render/TemplateEncoder.swift):
// plain structs (read through Mirror), structs with a hand-written
// `MustacheParent` lookup, `[String: Any]` dictionaries, and dictionaries
// wrapped in a `MustacheParent` struct or class. 2,000 rows of 10 cells, best of 5.
//
//   cd Benchmarks/template-representation && swift run -c release
import Foundation
import Mustache

struct Cell { var empty: Bool; var mark: String?; var label: String?; var url: String? }
struct Row { var name: String; var anchor: String; var description: String?; var unknown: Bool; var cells: [Cell] }
struct Page { var title: String; var rows: [Row] }

struct PCell: MustacheParent { var empty: Bool; var mark: String?; var label: String?; var url: String?
  func child(named n: String) -> Any? { switch n { case "empty": return empty; case "mark": return mark; case "label": return label; case "url": return url; default: return nil } } }
struct PRow: MustacheParent { var name: String; var anchor: String; var description: String?; var unknown: Bool; var cells: [PCell]
  func child(named n: String) -> Any? { switch n { case "name": return name; case "anchor": return anchor; case "description": return description; case "unknown": return unknown; case "cells": return cells; default: return nil } } }
struct PPage: MustacheParent { var title: String; var rows: [PRow]
  func child(named n: String) -> Any? { switch n { case "title": return title; case "rows": return rows; default: return nil } } }

let template = try MustacheTemplate(string: "<h1>{{title}}</h1>{{#rows}}<tr id=\"{{anchor}}\"><th>{{name}}{{#unknown}} u{{/unknown}}{{#description}}<span>{{description}}</span>{{/description}}</th>{{#cells}}{{#empty}}<td></td>{{/empty}}{{^empty}}<td title=\"{{label}}\"><a href=\"{{url}}\">{{mark}}</a></td>{{/empty}}{{/cells}}</tr>{{/rows}}")
var lib = MustacheLibrary(); lib.register(template, named: "t")
let n = 2000, cols = 10
let page = Page(title: "T", rows: (0..<n).map { i in Row(name: "svc:Action\(i)", anchor: "a\(i)", description: i % 3 == 0 ? nil : "Grants permission \(i)", unknown: i % 7 == 0, cells: (0..<cols).map { c in (i + c) % 3 == 0 ? Cell(empty: false, mark: "●", label: "named", url: "x.html#p\(c)") : Cell(empty: true) }) })
let ppage = PPage(title: page.title, rows: page.rows.map { r in PRow(name: r.name, anchor: r.anchor, description: r.description, unknown: r.unknown, cells: r.cells.map { PCell(empty: $0.empty, mark: $0.mark, label: $0.label, url: $0.url) }) })
func dict(_ p: Page) -> [String: Any] {
  ["title": p.title, "rows": p.rows.map { r -> [String: Any] in
    var d: [String: Any] = ["name": r.name, "anchor": r.anchor, "unknown": r.unknown, "cells": r.cells.map { c -> [String: Any] in c.empty ? ["empty": true] : ["empty": false, "mark": c.mark!, "label": c.label!, "url": c.url!] }]
    if let x = r.description { d["description"] = x }
    return d }]
}
func time(_ name: String, _ body: () -> String) {
  var best = Double.infinity; var len = 0
  for _ in 0..<5 { let t = Date(); len = body().utf8.count; best = min(best, Date().timeIntervalSince(t)) }
  print(name, String(format: "%.1f ms", best * 1000), len)
}
time("mirror (plain structs)") { lib.render(page, withTemplate: "t")! }
time("MustacheParent structs") { lib.render(ppage, withTemplate: "t")! }
time("dictionaries (built each time)") { lib.render(dict(page), withTemplate: "t")! }
let d = dict(page)
time("dictionaries (prebuilt)") { lib.render(d, withTemplate: "t")! }
struct Obj: MustacheParent { let fields: [String: Any]; func child(named n: String) -> Any? { fields[n] } }
func wrap(_ p: Page) -> Obj {
  Obj(fields: ["title": p.title, "rows": p.rows.map { r -> Any in
    var d: [String: Any] = ["name": r.name, "anchor": r.anchor, "unknown": r.unknown, "cells": r.cells.map { c -> Any in c.empty ? Obj(fields: ["empty": true]) : Obj(fields: ["empty": false, "mark": c.mark!, "label": c.label!, "url": c.url!]) }]
    if let x = r.description { d["description"] = x }
    return Obj(fields: d) }])
}
let w = wrap(page)
time("wrapped dictionaries (prebuilt)") { lib.render(w, withTemplate: "t")! }
final class CObj: MustacheParent { let fields: [String: Any]; init(_ f: [String: Any]) { fields = f }; func child(named n: String) -> Any? { fields[n] } }
func cwrap(_ p: Page) -> CObj {
  CObj(["title": p.title, "rows": p.rows.map { r -> Any in
    var d: [String: Any] = ["name": r.name, "anchor": r.anchor, "unknown": r.unknown, "cells": r.cells.map { c -> Any in c.empty ? CObj(["empty": true]) : CObj(["empty": false, "mark": c.mark!, "label": c.label!, "url": c.url!]) }]
    if let x = r.description { d["description"] = x }
    return CObj(d) }])
}
let cw = cwrap(page)
time("class-wrapped dictionaries (prebuilt)") { lib.render(cw, withTemplate: "t")! }
