// How fast swift-mustache renders the same rows from several representations
// of a page model (the choice behind Sources/PermDocsSite/Render/TemplateEncoder.swift):
// plain structs (read through Mirror), structs with a hand-written
// `MustacheParent` lookup, `[String: Any]` dictionaries, dictionaries
// wrapped in a `MustacheParent` struct or class, final classes holding
// their fields (found through a per-type index or by a scan), and string
// leaves wrapped in a `MustacheCustomRenderable` (no `String(describing:)`).
// 2,000 rows of 10 cells, best of 9, in process CPU time.
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
  // Process CPU time, not wall time: the machine is shared and its load varies.
  func cpu() -> Double { var t = timespec(); clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t); return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9 }
  for _ in 0..<9 { let t = cpu(); len = body().utf8.count; best = min(best, cpu() - t) }
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

// Candidates for a node type of the encoded tree (TemplateEncoder): one
// final class per model value, its fields in declaration order.
// A field the model leaves empty is `false` here (TemplateNull in permdocs).
/// A model value's fields in arrays, found by a linear scan.
final class ScanNode: MustacheParent {
  let keys: [String]; let values: [Any]
  init(_ pairs: KeyValuePairs<String, Any>) { keys = pairs.map(\.key); values = pairs.map(\.value) }
  func child(named n: String) -> Any? { for i in keys.indices where keys[i] == n { return values[i] }; return nil }
}
/// The field names of one model type, shared by its values.
final class Schema { let index: [String: Int]; init(_ keys: [String]) { index = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) }) } }
final class SchemaNode: MustacheParent {
  let schema: Schema; let values: [Any]
  init(_ schema: Schema, _ values: [Any]) { self.schema = schema; self.values = values }
  func child(named n: String) -> Any? { schema.index[n].map { values[$0] } }
}
/// A string leaf that renders itself: no `String(describing:)` per variable.
final class Text: MustacheCustomRenderable { let text: String; init(_ t: String) { text = t }; var renderText: String { text }; var isNull: Bool { false } }
struct TextS: MustacheCustomRenderable { let text: String; var renderText: String { text }; var isNull: Bool { false } }
let cellSchema = Schema(["empty", "mark", "label", "url"]), rowSchema = Schema(["name", "anchor", "description", "unknown", "cells"]), pageSchema = Schema(["title", "rows"])
let null = NSNull()
func schemaTree(_ p: Page, leaf: (String) -> Any) -> SchemaNode {
  SchemaNode(pageSchema, [leaf(p.title), p.rows.map { r -> Any in
    SchemaNode(rowSchema, [leaf(r.name), leaf(r.anchor), r.description.map(leaf) ?? false, r.unknown, r.cells.map { c -> Any in
      SchemaNode(cellSchema, [c.empty, c.mark.map(leaf) ?? false, c.label.map(leaf) ?? false, c.url.map(leaf) ?? false]) }]) }])
}
func scanTree(_ p: Page, leaf: (String) -> Any) -> ScanNode {
  ScanNode(["title": leaf(p.title), "rows": p.rows.map { r -> Any in
    ScanNode(["name": leaf(r.name), "anchor": leaf(r.anchor), "description": r.description.map(leaf) ?? false, "unknown": r.unknown, "cells": r.cells.map { c -> Any in
      ScanNode(["empty": c.empty, "mark": c.mark.map(leaf) ?? false, "label": c.label.map(leaf) ?? false, "url": c.url.map(leaf) ?? false]) }]) }])
}
let st = schemaTree(page) { $0 }, stt = schemaTree(page) { Text($0) }, sts = schemaTree(page) { TextS(text: $0) }
let sc = scanTree(page) { $0 }, sct = scanTree(page) { Text($0) }
time("schema nodes, string leaves") { lib.render(st, withTemplate: "t")! }
time("schema nodes, Text class leaves") { lib.render(stt, withTemplate: "t")! }
time("schema nodes, Text struct leaves") { lib.render(sts, withTemplate: "t")! }
time("scan nodes, string leaves") { lib.render(sc, withTemplate: "t")! }
time("scan nodes, Text class leaves") { lib.render(sct, withTemplate: "t")! }
time("dictionaries (prebuilt) again") { lib.render(d, withTemplate: "t")! }
time("schema nodes built each time, Text leaves") { lib.render(schemaTree(page) { Text($0) }, withTemplate: "t")! }
