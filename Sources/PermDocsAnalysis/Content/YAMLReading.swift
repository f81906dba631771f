import PermDocsCore
import Yams

/// Reads YAML (site.yml, front matter) with Yams, turning its errors into
/// `PermDocsError`s that name the file and the line in that file.
enum YAMLReading {
    /// Parses `text`, whose first line is line `firstLine` of `file`.
    ///
    /// Aliases are checked first (see `YAMLAliases`): one in a mapping key,
    /// or aliases standing for too many nodes, are an error at the alias,
    /// before Yams spends minutes expanding them.
    static func compose(_ text: String, file: String, firstLine: Int = 1) throws -> Node? {
        if let masked = YAMLAliases.masked(text) {
            let problem = try composing(masked, file: file, firstLine: firstLine) { $0.flatMap(YAMLAliases.problem(in:)) }
            if let problem {
                throw PermDocsError("invalid YAML: \(problem.message)", at: location(of: problem.node, file: file, firstLine: firstLine))
            }
        }
        return try composing(text, file: file, firstLine: firstLine) { $0 }
    }

    /// Yams' `compose`, its errors positioned in `file`, and `body` applied to
    /// the root while the parser, which holds the nodes' anchors, is alive.
    /// Errors about a masked text name its aliases as written.
    private static func composing<T>(_ text: String, file: String, firstLine: Int, _ body: (Node?) throws -> T) throws -> T {
        let parser: Parser
        let root: Node?
        do {
            parser = try Parser(yaml: text)
            root = try parser.singleRoot()
        } catch let error as YamlError {
            throw PermDocsError(YAMLAliases.unmasked(describe(error)), at: location(of: error, file: file, firstLine: firstLine))
        } catch {
            throw PermDocsError("invalid YAML: \(YAMLAliases.unmasked("\(error)"))", at: SourceLocation(file: file, line: firstLine, column: 1))
        }
        return try withExtendedLifetime(parser) { try body(root) }
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
