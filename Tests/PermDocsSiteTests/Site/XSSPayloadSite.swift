import Foundation
import PermDocsTestSupport

/// A content folder with every XSS payload in every place a guide, its front
/// matter and `site.yml` can carry text. Each payload's `NNN` becomes a
/// number naming the payload and its place (`payload * 100 + place`), so a
/// payload that ever runs says which one and where.
///
/// The payloads come in groups of `groupSize`, two tools a group: `a<g>`
/// carries them in its front matter (a field holds the group's payloads one
/// after another) and each of them on its own in every Markdown and policy
/// place of its page; `b<g>` is described by `site.yml`'s `tools:` entry
/// instead. The site's title and description hold every payload, and each
/// payload names a tool set. (A tool per payload made the overlap map, a
/// cell per pair of tools, 40 MB: more than a browser test should load.)
struct XSSPayloadSite {
    /// The places a payload is put, numbered as in its ids.
    enum Place: Int, CaseIterable {
        case frontMatterTitle = 1, frontMatterTool, frontMatterVendor, frontMatterDescription, frontMatterSourceURL
        case frontMatterEditURL, frontMatterShortName, frontMatterVersion, frontMatterUpdated
        case heading = 10, subheading, paragraph, linkText, linkURL, imageAlt, imageSource, inlineCode, codeBlock
        case htmlBlock, tableCell, blockquote, emphasis, listItem, referenceLink
        case sid = 30, actionName, wholeAction, servicePrefix, resource, conditionOperator, conditionKey, conditionValue
        case unknownElementKey, notAction, principal, version, escapedPolicyString
        case settingsName = 50, settingsShortName, settingsVendor, settingsSourceURL, settingsEditURL
        case siteTitle = 60, siteDescription, toolSetName
    }

    /// The payloads as written in the fixture, `NNN` not yet replaced.
    let payloads: [String]
    /// How many payloads share a tool.
    static let groupSize = 12

    /// The payloads of each tool pair, by index.
    var groups: [[Int]] {
        stride(from: 0, to: payloads.count, by: Self.groupSize).map { Array($0..<min($0 + Self.groupSize, payloads.count)) }
    }

    /// The group's payloads at `place`, one after another.
    func joined(_ group: [Int], _ place: Place) -> String { group.map { payload($0, place) }.joined(separator: " ") }

    /// Reads `Fixtures/Hostile/xss-payloads.txt` (comment lines start with `#`).
    static func fromFixture() throws -> XSSPayloadSite {
        let text = try TestSupport.fixture("Hostile/xss-payloads.txt")
        let payloads = text.split(separator: "\n", omittingEmptySubsequences: true)
            .map(String.init).filter { !$0.hasPrefix("#") && !$0.isEmpty }
        return XSSPayloadSite(payloads: payloads)
    }

    /// The payload `k` as put at `place`.
    func payload(_ k: Int, _ place: Place) -> String {
        payloads[k].replacingOccurrences(of: "NNN", with: String(k * 100 + place.rawValue))
    }

    /// How many payloads are placed in all, counting each place once per payload.
    var placements: Int { payloads.count * Place.allCases.count }

    /// The content files: `site.yml` and two guides per payload.
    var files: [String: String] {
        var files: [String: String] = [:]
        var site = "title: " + Self.yaml(payloads.indices.map { payload($0, .siteTitle) }.joined(separator: " ")) + "\n"
        site += "description: " + Self.yaml(payloads.indices.map { payload($0, .siteDescription) }.joined(separator: " ")) + "\n"
        site += "tools:\n"
        for (g, group) in groups.enumerated() {
            site += "  b\(g):\n"
            site += "    name: \(Self.yaml(joined(group, .settingsName)))\n"
            site += "    short_name: \(Self.yaml(joined(group, .settingsShortName)))\n"
            site += "    vendor: \(Self.yaml(joined(group, .settingsVendor)))\n"
            site += "    source_url: \(Self.yaml(joined(group, .settingsSourceURL)))\n"
            // edit_url must be http(s) with a host: the payloads go into its path, percent-encoded.
            let path = joined(group, .settingsEditURL).addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "x"
            site += "    edit_url: \(Self.yaml("https://example.com/\(path)"))\n"
        }
        site += "tool_sets:\n"
        for (g, group) in groups.enumerated() {
            for k in group {
                // The number first: set names must give distinct page names, and long payloads are cut.
                site += "  \(Self.yaml("s\(k) " + payload(k, .toolSetName))): [a\(g), b\(g)]\n"
            }
        }
        files["site.yml"] = site
        for (g, group) in groups.enumerated() {
            files["tools/a\(g).md"] = guide(group)
            files["tools/b\(g).md"] = "# Tool b\(g)\n\nAttach:\n\n```json\n{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": [\"s3:GetObject\", \"ec2:DescribeImages\"], \"Resource\": \"*\"}]}\n```\n"
        }
        return files
    }

    /// The guide of tool `a<g>`: the group's payloads in its front matter,
    /// and each of them in every Markdown and policy place.
    func guide(_ group: [Int]) -> String {
        let frontMatter: [(String, Place)] = [
            ("title", .frontMatterTitle), ("tool", .frontMatterTool), ("vendor", .frontMatterVendor),
            ("description", .frontMatterDescription), ("source_url", .frontMatterSourceURL), ("edit_url", .frontMatterEditURL),
            ("short_name", .frontMatterShortName), ("product_version", .frontMatterVersion), ("last_updated", .frontMatterUpdated),
        ]
        var text = "---\n" + frontMatter.map { "\($0.0): \(Self.yaml(joined(group, $0.1)))\n" }.joined() + "---\n"
        var statements: [String] = [], principals: [String] = [], commands: [String] = []
        for k in group {
            func p(_ place: Place) -> String { payload(k, place) }
            func j(_ place: Place) -> String { Self.json(p(place)) }
            text += "# \(p(.heading))\n\n## \(p(.subheading))\n\n\(p(.paragraph))\n\n"
            text += "See [\(p(.linkText))](https://example.com/) and [the setup](<\(p(.linkURL))>).\n\n"
            text += "![\(p(.imageAlt))](diagram.png) ![x](\(p(.imageSource)))\n\n"
            text += "Run `\(p(.inlineCode))` and *\(p(.emphasis))*, or [the reference][ref\(k)].\n\n[ref\(k)]: \(p(.referenceLink))\n\n"
            text += "```html\n\(p(.codeBlock))\n```\n\n\(p(.htmlBlock))\n\n"
            text += "| Step | Note |\n|---|---|\n| 1 | \(p(.tableCell).replacingOccurrences(of: "|", with: "\\|")) |\n\n"
            text += "> \(p(.blockquote))\n\n- \(p(.listItem))\n\n"
            statements.append("  {\"Sid\": \(j(.sid)), \"Effect\": \"Allow\", \"Action\": [\(Self.json("s3:" + p(.actionName))), \(j(.wholeAction)), \(Self.json(p(.servicePrefix) + ":GetThing")), \"s3:GetObject\"],\n"
                + "   \"Resource\": [\(j(.resource)), \"*\"], \(j(.unknownElementKey)): \"x\",\n"
                + "   \"Condition\": {\(j(.conditionOperator)): {\"aws:SourceIp\": \"10.0.0.0/8\"}, \"StringEquals\": {\(j(.conditionKey)): \(j(.conditionValue))}}},\n"
                + "  {\"Effect\": \"Deny\", \"NotAction\": [\(Self.json("iam:" + p(.notAction)))], \"Resource\": \"*\"}")
            principals.append(j(.principal))
            let escaped = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \(Self.json("ec2:" + p(.escapedPolicyString))), \"Resource\": \"*\"}]}"
            commands.append("aws iam put-role-policy --role-name r --policy-name p\(k) --policy-document \(Self.json(escaped))")
        }
        text += "Attach this policy:\n\n```json\n{\"Version\": \(Self.json(joined(group, .version))), \"Statement\": [\n" + statements.joined(separator: ",\n") + "\n]}\n```\n\n"
        text += "Let the role use the bucket:\n\n```json\n{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": [\(principals.joined(separator: ", "))]}, \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::bucket/*\"}]}\n```\n\n"
        text += "Or with the CLI:\n\n```sh\n" + commands.joined(separator: "\n") + "\n```\n"
        return text
    }

    /// A JSON string literal (also a YAML double-quoted scalar's content rules do not apply here).
    static func json(_ s: String) -> String {
        let data = try! JSONSerialization.data(withJSONObject: [s], options: [.fragmentsAllowed])
        return String(decoding: data.dropFirst().dropLast(), as: UTF8.self)
    }

    /// A YAML double-quoted scalar.
    static func yaml(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0xFEFF:
                out += String(format: "\\u%04X", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
