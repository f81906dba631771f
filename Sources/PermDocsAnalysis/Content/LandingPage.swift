import Foundation
import PermDocsCore

/// The introducing page of a folder tool that has no `index.md` (the usual
/// case for a docs repository copied into `tools/`): Markdown made here,
/// with the tool's name as its H1 and a list of links to its pages, so that
/// the site renders it as any other intro page (with the tool's summary of
/// needs) and no other page's heading has to name the tool or stand first.
///
/// The pages are listed by folder: the folders that hold every page
/// (`doc_source/`) are left out, a chain of folders that hold only one
/// folder is one item (`content/v1.17-docs/`), pages in a folder come by
/// title, then subfolders by name; numbers in names compare as numbers
/// (`v1.9-docs` before `v1.10-docs`).
enum LandingPage {
    /// The page for tool `slug` named `name`, whose pages are `pages`.
    static func make(slug: String, name: String, pages: [PageSource]) -> PageSource {
        var root = Folder()
        for page in pages {
            root.insert(page, at: page.pageID.split(separator: "/").dropLast().map(String.init)[...])
        }
        while root.pages.isEmpty, root.folders.count == 1, let only = root.folders.first {
            root = only.value
        }
        var markdown = "# " + MarkdownText.escaped(name) + "\n\n"
        root.render(into: &markdown, indent: "")
        // The folder exists; no file of this name does, and none is claimed.
        return PageSource(path: "tools/\(slug)/", pageID: "index", frontMatter: .empty, body: markdown, isGenerated: true)
    }

    /// Pages and subfolders of one folder of the tool.
    private struct Folder {
        var pages: [PageSource] = []
        var folders: [String: Folder] = [:]

        mutating func insert(_ page: PageSource, at path: ArraySlice<String>) {
            guard let first = path.first else {
                pages.append(page)
                return
            }
            folders[first, default: Folder()].insert(page, at: path.dropFirst())
        }

        func render(into markdown: inout String, indent: String) {
            let sorted = pages.sorted { a, b in
                let order = a.title.compare(b.title, options: [.caseInsensitive, .numeric])
                return order != .orderedSame ? order == .orderedAscending : a.pageID < b.pageID
            }
            for page in sorted {
                markdown += indent + "- [" + MarkdownText.escaped(page.title) + "](" + MarkdownText.destination(page.pageID + ".md") + ")\n"
            }
            let names = folders.keys.sorted { a, b in
                let order = a.compare(b, options: [.numeric])
                return order != .orderedSame ? order == .orderedAscending : a < b
            }
            for name in names {
                var label = name
                var folder = folders[name]!
                while folder.pages.isEmpty, folder.folders.count == 1, let only = folder.folders.first {
                    label += "/" + only.key
                    folder = only.value
                }
                markdown += indent + "- " + MarkdownText.escaped(label + "/") + "\n"
                folder.render(into: &markdown, indent: indent + "  ")
            }
        }
    }
}

/// Text put into Markdown that is made here, read back as exactly that text.
enum MarkdownText {
    /// `text` on one line, every ASCII punctuation character backslash-escaped
    /// (CommonMark allows it for all of them), so that no character starts
    /// emphasis, a link, HTML or a template tag (`{{<`, `{%`).
    static func escaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\r" || scalar == "\t" {
                out += " "
            } else if asciiPunctuation.contains(scalar) {
                out += "\\" + String(scalar)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// CommonMark's escapable characters: `!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~`.
    private static let asciiPunctuation = Set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".unicodeScalars)

    /// A link destination in angle brackets, so that spaces and parentheses
    /// in a path need no percent-encoding.
    static func destination(_ path: String) -> String {
        var out = "<"
        for scalar in path.unicodeScalars {
            if scalar == "<" || scalar == ">" || scalar == "\\" { out += "\\" }
            out.unicodeScalars.append(scalar)
        }
        return out + ">"
    }
}
