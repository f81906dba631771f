/// Finds every policy block of a page: fenced and indented code (also inside
/// list items, and Liquid highlight blocks, which dialect rewriting made fenced),
/// pipe-table cells, `<pre>` in HTML blocks and table cells, and policies
/// embedded in shell code. Each is parsed; text meant as a policy that is not
/// valid JSON becomes a diagnostic at the error's line and column.
import PermDocsCore
import PermDocsMarkdown
import PermDocsPolicy

public struct PolicyExtractor {
    public var toolSlug: String
    public var pageID: String
    /// The page's title (front matter `title`, else its first H1), part of each block's context.
    public var pageTitle: String?

    public init(toolSlug: String, pageID: String, pageTitle: String? = nil) {
        self.toolSlug = toolSlug
        self.pageID = pageID
        self.pageTitle = pageTitle
    }

    /// The candidates of a page in document order, each with its section, lead-in
    /// and the prose around it (`BlockContext`, without the page title).
    public static func candidates(in page: PageStructure) -> [PolicyCandidate] {
        let doc = page.document
        var result: [PolicyCandidate] = []
        var heading: String?
        var headingID: String?
        // The paragraph last read, whose plain text is the lead-in of a block after it.
        var leadIn: ParagraphText?
        // The open headings by level with their sections' paragraphs so far
        // (the page's own paragraphs before any heading first), and the
        // candidates still waiting for the paragraph that follows them.
        // Paragraphs are read only when a block needs them (`ParagraphText`).
        var headings: [(level: Int, text: String)] = []
        var sections: [[ParagraphText]] = [[]]
        // The page's first paragraph that says something, once found; until
        // then, the paragraphs that may be it.
        var pageIntro: String?
        var introCandidates: [ParagraphText] = []
        var awaitingAfter: [Int] = []
        page.document.rootNode.walk { node, entering in
            guard entering else { return .visitChildren }
            func add(_ text: MappedText, _ origin: PolicyBlock.Origin, key: SourcePosition, embedded: Bool = false, literal: String? = nil) {
                if pageIntro == nil { pageIntro = ParagraphText.first(1, of: introCandidates).first }
                introCandidates = []
                var candidate = PolicyCandidate(text: text, origin: origin, originKey: key, heading: heading, headingID: headingID, leadIn: leadIn?.plain, embedded: embedded)
                candidate.literal = literal
                let outer = sections.dropLast().flatMap { ParagraphText.first(Self.outerSectionParagraphs, of: $0) }
                candidate.context = BlockContext(pageIntro: pageIntro, headings: headings.map(\.text), outerParagraphs: outer,
                                                 before: ParagraphText.last(Self.contextParagraphs, of: sections[sections.count - 1]))
                awaitingAfter.append(result.count)
                result.append(candidate)
            }
            switch node.kind {
            case .heading:
                heading = CommonMarkText.cleanHeading(page.headingText(node))
                headingID = page.headingID(node)
                leadIn = nil
                let level = node.headingLevel
                while let last = headings.last, last.level >= level {
                    headings.removeLast()
                    sections.removeLast()
                }
                headings.append((level, heading ?? ""))
                sections.append([])
                awaitingAfter = []
                return .skipChildren
            case .paragraph:
                if let table = page.table(node) {
                    for (line, row) in zip([table.headerLine] + table.bodyLines, [table.syntax.header] + table.syntax.body) {
                        for cell in row.cells where Self.mayHoldPolicy(cell.text) {
                            var raw = MappedText(file: page.file)
                            let column = cell.column + (table.columnOffsets[line] ?? 0)
                            raw.append(Substring(cell.text).unicodeScalars, line: line, column: column)
                            let key = SourcePosition(line: line, column: column)
                            let pres = InlineTextDecoding.preRegions(raw)
                            if pres.isEmpty {
                                add(InlineTextDecoding.decode(raw, resolveEscapes: true), .tableCell, key: key)
                            } else {
                                for pre in pres { add(InlineTextDecoding.decode(pre, resolveEscapes: true), .htmlPre, key: pre.positions.first ?? key) }
                            }
                        }
                    }
                } else {
                    let paragraph = ParagraphText(node)
                    leadIn = paragraph
                    sections[sections.count - 1].append(paragraph)
                    if pageIntro == nil { introCandidates.append(paragraph) }
                    // Blocks waiting for the paragraph after them read it now.
                    if !awaitingAfter.isEmpty, !paragraph.trimmed.isEmpty {
                        for i in awaitingAfter { result[i].context.after = paragraph.trimmed }
                        awaitingAfter = []
                    }
                }
                return .skipChildren
            case .codeBlock:
                // Most code is not a policy: skip mapping every character of it
                // unless it names a policy element (both tests below need one).
                let literal = node.literal
                guard Self.mayHoldPolicy(literal) else { return .skipChildren }
                let key = SourcePosition(line: node.startLine, column: node.startColumn)
                let text = Self.mappedLiteral(literal, firstLine: node.isFenced ? node.startLine + 1 : node.startLine, in: doc, file: page.file)
                let normalized = CalloutMarkers.stripped(text).text.normalizingSpaces()
                if PolicyCandidate.looksLikePolicyJSON(normalized) {
                    add(normalized, .codeBlock, key: key, literal: literal)
                } else {
                    for piece in EmbeddedPolicies.pieces(in: normalized) {
                        add(piece.text, .embedded, key: key, embedded: !piece.isMeantAsPolicy)
                    }
                }
                return .skipChildren
            case .htmlBlock:
                let literal = node.literal
                guard Self.mayHoldPolicy(literal) else { return .skipChildren }
                let text = Self.mappedLiteral(literal, firstLine: node.startLine, in: doc, file: page.file)
                for pre in InlineTextDecoding.preRegions(text) {
                    add(InlineTextDecoding.decode(pre, resolveEscapes: false), .htmlPre, key: pre.positions.first ?? SourcePosition(line: node.startLine, column: 1))
                }
                return .skipChildren
            default:
                return .visitChildren
            }
        }
        return result
    }

    /// How many paragraphs before a block its context keeps (nearest last):
    /// enough for a step's label, its text and the bold label above a list.
    static let contextParagraphs = 8
    /// How many first paragraphs of each enclosing section a block's context keeps.
    static let outerSectionParagraphs = 3

    /// False when `text` cannot hold a policy: every policy names Statement,
    /// Effect or Action (entity encoding leaves the letters alone). Checked on
    /// bytes before any character of a block is mapped to its position.
    static func mayHoldPolicy(_ text: String) -> Bool {
        text.containsBytes("Statement") || text.containsBytes("Effect") || text.containsBytes("Action")
    }

    /// A block's literal (code or HTML, container indentation removed by cmark)
    /// with each scalar mapped back to its line and column in the file.
    ///
    /// Read on the literal's UTF-8: lines are cut at line feeds, each line's
    /// column found on bytes (`LineColumns`) and its scalars decoded straight
    /// into the text. A literal holding a carriage return is read as
    /// characters (`characterMappedLiteral`), since "\r\n" is one character
    /// that neither the trailing line feed nor a line's cut may split.
    static func mappedLiteral(_ literal: String, firstLine: Int, in doc: MarkdownDocument, file: String) -> MappedText {
        var literal = literal
        guard !literal.containsByte(0x0D) else { return characterMappedLiteral(literal, firstLine: firstLine, in: doc, file: file) }
        var text = MappedText(file: file)
        literal.withUTF8 { all in
            // Without a carriage return, a final line feed is its own character.
            let end = all.last == 0x0A ? all.count - 1 : all.count
            // No more scalars than bytes (line feeds included).
            text.reserveCapacity(end)
            var lineStart = 0
            var k = 0
            // A line's length in scalars is the next line feed's column.
            var previousScalars = 0
            while true {
                var lineEnd = lineStart
                while lineEnd < end, all[lineEnd] != 0x0A { lineEnd += 1 }
                let line = firstLine + k
                if k > 0 { text.append("\n", at: SourcePosition(line: line - 1, column: previousScalars + 1)) }
                let content = UnsafeBufferPointer(rebasing: all[lineStart..<lineEnd])
                let place = LineColumns.place(of: content, in: doc.line(line))
                text.append(utf8: content, line: line, column: place.prefix + 1)
                previousScalars = place.sourceScalars
                guard lineEnd < end else { break }
                lineStart = lineEnd + 1
                k += 1
            }
        }
        return text
    }

    /// `mappedLiteral` on characters and substrings: the reading it replaced,
    /// kept for literals with a carriage return (and as the tests' reference).
    static func characterMappedLiteral(_ literal: String, firstLine: Int, in doc: MarkdownDocument, file: String) -> MappedText {
        var text = MappedText(file: file)
        var body = Substring(literal)
        if body.hasSuffix("\n") { body = body.dropLast() }
        // No more scalars than bytes (line feeds included).
        text.reserveCapacity(body.utf8.count)
        // What `text.appendLine(content, source: doc.line(line), lineNumber: line)`
        // does, with the columns found on bytes (`LineColumns`); a line's length
        // is the next line feed's column.
        var previousScalars = 0
        for (k, content) in Self.lines(of: body).enumerated() {
            let line = firstLine + k
            if k > 0 { text.append("\n", at: SourcePosition(line: line - 1, column: previousScalars + 1)) }
            let place = LineColumns.place(of: content, in: doc.line(line))
            text.append(content.unicodeScalars, line: line, column: place.prefix + 1)
            previousScalars = place.sourceScalars
        }
        return text
    }

    /// `body` split at each line feed, as `split(separator: "\n")` splits it
    /// into characters: on bytes, which is the same cut unless a carriage
    /// return joins a line feed into one character ("\r\n", not split
    /// there); only such text is split as characters. Splitting a long code
    /// block into characters was a third of mapping it.
    static func lines(of body: Substring) -> [Substring] {
        guard !body.containsByte(0x0D) else { return body.split(separator: "\n", omittingEmptySubsequences: false) }
        return body.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { Substring($0) }
    }

    /// Parses the page's candidates into blocks (kind not yet classified against
    /// the rest of the tool) and the diagnostics of those that do not parse.
    /// A candidate may give several blocks: policies pasted one after another
    /// (with a `pasted-policies` warning at the second), or escaped policy
    /// strings inside JSON that is itself no policy.
    public func blocks(in page: PageStructure) -> (blocks: [PolicyBlock], diagnostics: [Diagnostic]) {
        var blocks: [PolicyBlock] = []
        var diagnostics: [Diagnostic] = []
        for candidate in Self.candidates(in: page) {
            let text = candidate.text.normalizingSpaces().trimmed()
            guard !text.scalars.isEmpty else { continue }
            if !candidate.embedded && candidate.origin != .codeBlock && !PolicyCandidate.looksLikePolicyJSON(text) { continue }
            func block(_ text: MappedText, origin: PolicyBlock.Origin) -> PolicyBlock {
                var block = PolicyBlock(
                    anchor: "", toolSlug: toolSlug, file: page.file, pageID: pageID,
                    location: text.location(at: 0), origin: origin, originKey: candidate.originKey,
                    heading: candidate.heading, headingID: candidate.headingID, leadIn: candidate.leadIn,
                    text: text.string, policy: nil, syntaxError: nil, kind: .unparsed, grantee: .nobody, excerptOf: nil)
                block.displayCode = origin == .codeBlock ? candidate.literal : nil
                block.context = candidate.context
                block.context.pageTitle = pageTitle
                return block
            }
            func append(_ block: PolicyBlock) {
                var block = block
                block.anchor = page.ids.claim("policy-\(blocks.count + 1)")
                blocks.append(block)
            }
            func unparsed(_ text: MappedText, origin: PolicyBlock.Origin, _ error: JSONSyntaxError) {
                var b = block(text, origin: origin)
                let diagnostic = FindingRules.jsonSyntax.finding("policy is not valid JSON: \(error.message)", at: text.location(at: error.offset))
                b.syntaxError = diagnostic
                diagnostics.append(diagnostic)
                append(b)
            }
            // Past the limits a block is named, not read (ContentLimits).
            func refused(_ text: MappedText, origin: PolicyBlock.Origin, _ message: String, at location: SourceLocation) {
                var b = block(text, origin: origin)
                let diagnostic = FindingRules.policyTooLarge.finding(message, at: location,
                    fix: "show a shorter excerpt of the policy, or split it into several blocks")
                b.syntaxError = diagnostic
                diagnostics.append(diagnostic)
                append(b)
            }
            let bytes = ScalarSearch.utf8Count(text.scalars)
            if bytes > ContentLimits.maximumPolicyBlockBytes {
                if !candidate.embedded {
                    refused(text, origin: candidate.origin, "policy block is \(bytes) bytes; at most \(ContentLimits.maximumPolicyBlockBytes) (1 MiB) are read", at: text.location(at: 0))
                }
                continue
            }
            switch PoliciesInText.read(text) {
            case .policies(let found, _) where Self.overlongAction(in: found.map(\.policy)) != nil:
                let action = Self.overlongAction(in: found.map(\.policy))!
                refused(text, origin: candidate.origin,
                        "action name is \(action.value.written.unicodeScalars.count) characters; at most \(ContentLimits.maximumActionNameLength) are read (the longest AWS action has 103)",
                        at: action.location)
            case .policies(let found, let pasted):
                for (n, one) in found.enumerated() {
                    var b = block(one.text.slice(one.range), origin: candidate.origin)
                    b.policy = one.policy
                    b.textMap = one.text
                    b.kind = Self.kind(of: one.policy)
                    // Several policies of one code block each show their own text.
                    if found.count > 1 { b.displayCode = nil }
                    if pasted && n == 1 {
                        diagnostics.append(FindingRules.pastedPolicies.finding(
                            "\(found.count) policies pasted one after another in one block; each is read as its own policy, but together they are not valid JSON",
                            at: b.location, fix: "Show each policy in its own code block, or merge their statements into one Statement array."))
                    }
                    append(b)
                }
            case .notPolicy:
                // JSON that is no policy may hold policies as escaped strings (a template's PolicyDocument).
                for escaped in EscapedPolicyString.policies(in: text) {
                    switch PoliciesInText.read(escaped.text) {
                    case .policies(let found, _) where Self.overlongAction(in: found.map(\.policy)) != nil:
                        let action = Self.overlongAction(in: found.map(\.policy))!
                        refused(escaped.text, origin: .embedded,
                                "action name is \(action.value.written.unicodeScalars.count) characters; at most \(ContentLimits.maximumActionNameLength) are read (the longest AWS action has 103)",
                                at: action.location)
                    case .policies(let found, _):
                        for one in found {
                            var b = block(one.text.slice(one.range), origin: .embedded)
                            b.policy = one.policy
                            b.textMap = one.text
                            b.kind = Self.kind(of: one.policy)
                            append(b)
                        }
                    case .notPolicy: continue
                    case .invalid(let error):
                        if escaped.isMeantAsPolicy { unparsed(escaped.text, origin: .embedded, error) }
                    }
                }
            case .invalid(let error):
                if candidate.embedded { continue }  // code around a brace is not a policy we can read
                unparsed(text, origin: candidate.origin, error)
            }
        }
        return (blocks, diagnostics)
    }

    /// The first action (or NotAction) named with more characters than
    /// `ContentLimits.maximumActionNameLength`, if any.
    static func overlongAction(in policies: [Policy]) -> Located<Action>? {
        for policy in policies {
            for statement in policy.statements {
                for list in [statement.actions, statement.notActions].compactMap({ $0 }) {
                    if let long = list.first(where: { $0.value.written.utf8.count > ContentLimits.maximumActionNameLength
                        && $0.value.written.unicodeScalars.count > ContentLimits.maximumActionNameLength }) {
                        return long
                    }
                }
            }
        }
        return nil
    }

    /// A parsed policy's kind before the rest of the tool is known.
    static func kind(of policy: Policy) -> PolicyBlock.Kind {
        policy.isTrustPolicy ? .trust : policy.shape != .document ? .excerpt : policy.isResourcePolicy ? .resource : .identity
    }
}
