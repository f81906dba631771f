import PermDocsCore
import Yams

/// Reads YAML (site.yml, front matter) with Yams, turning its errors into
/// `PermDocsError`s that name the file and the line in that file.
enum YAMLReading {
    /// Parses `text`, whose first line is line `firstLine` of `file`.
    static func compose(_ text: String, file: String, firstLine: Int = 1) throws -> Node? {
        do {
            return try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw PermDocsError(describe(error), at: location(of: error, file: file, firstLine: firstLine))
        } catch {
            throw PermDocsError("invalid YAML: \(error)", at: SourceLocation(file: file, line: firstLine, column: 1))
        }
    }

    private static func describe(_ error: YamlError) -> String {
        switch error {
        case let .scanner(context, problem, _, _), let .parser(context, problem, _, _), let .composer(context, problem, _, _):
            if let context { return "invalid YAML: \(problem) (\(context.text) at line \(context.mark.line))" }
            return "invalid YAML: \(problem)"
        case let .duplicatedKeysInMapping(duplicates, _):
            return "invalid YAML: duplicate keys \(duplicates.joined(separator: ", "))"
        default:
            return "invalid YAML: \(error)"
        }
    }

    private static func location(of error: YamlError, file: String, firstLine: Int) -> SourceLocation {
        switch error {
        case let .scanner(_, _, mark, _), let .parser(_, _, mark, _), let .composer(_, _, mark, _):
            return SourceLocation(file: file, line: firstLine + mark.line - 1, column: mark.column)
        case let .duplicatedKeysInMapping(_, context):
            return SourceLocation(file: file, line: firstLine + context.mark.line - 1, column: context.mark.column)
        default:
            return SourceLocation(file: file, line: firstLine, column: 1)
        }
    }

    /// Where a node stands in `file`.
    static func location(of node: Node, file: String, firstLine: Int = 1) -> SourceLocation {
        let mark = node.mark
        return SourceLocation(file: file, line: firstLine + (mark?.line ?? 1) - 1, column: mark?.column ?? 1)
    }

    /// A scalar value as text (dates and numbers as written), or nil for maps and lists.
    static func text(_ node: Node?) -> String? {
        guard let node, case .scalar(let s) = node else { return nil }
        return s.string
    }
}
