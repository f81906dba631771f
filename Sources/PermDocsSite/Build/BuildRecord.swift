import Foundation
import PermDocsAnalysis
import PermDocsCore

/// What `permdocs build` keeps in its output folder (`.permdocs-build`) about
/// the build that wrote it: the `InputFingerprint` it was made from, and what
/// it reported (the findings and the counts the summary line shows). A later
/// build whose input has the same fingerprint, into a folder that still holds
/// every file as written (`OutputVerification`), has nothing to analyze,
/// render or write: it prints the recorded findings and leaves the folder as
/// it is.
///
/// The file ends with a line holding a hash of everything before it, as
/// `OutputCache` does: a record that is truncated, damaged or of another
/// permdocs version is reported once and ignored (the build is then a full one).
public struct BuildRecord: Equatable {
    /// The record's name inside the output folder.
    public static let fileName = ".permdocs-build"
    static let header = "permdocs-build 2 \(PermDocsVersion.current)"

    public var input: Fingerprint
    public var toolCount: Int
    public var pageCount: Int
    public var blockCount: Int
    public var catalogVersion: String?
    public var findings: [Diagnostic]
    public var silenced: [Diagnostic]

    /// The record of a build of `site` from input `input`.
    public init(input: Fingerprint, site: AnalyzedSite) {
        let report = FindingsReport(site: site)
        self.input = input
        toolCount = report.toolCount
        pageCount = report.pageCount
        blockCount = report.blockCount
        catalogVersion = report.catalogVersion
        findings = report.findings
        silenced = report.silenced
    }

    /// The report the recorded build printed, for text output (the silence
    /// rules, which only SARIF names, are not kept).
    public var report: FindingsReport {
        FindingsReport(findings: findings, silenced: silenced, toolCount: toolCount, pageCount: pageCount,
                       blockCount: blockCount, catalogVersion: catalogVersion)
    }

    // MARK: The file

    /// The record as its file.
    public var file: OutputFile {
        let stored = Stored(input: input.description, toolCount: toolCount, pageCount: pageCount, blockCount: blockCount,
                            catalogVersion: catalogVersion, findings: findings.map(StoredDiagnostic.init),
                            silenced: silenced.map(StoredDiagnostic.init))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // Encoding plain strings and numbers cannot fail.
        let json = String(decoding: (try? encoder.encode(stored)) ?? Data(), as: UTF8.self)
        let body = Self.header + "\n" + json + "\n"
        return OutputFile(path: Self.fileName, text: body + "end \(ContentHash.hex(Data(body.utf8)))\n")
    }

    /// What loading found: the record, or why there is none to use (nil
    /// reason when the folder has no record, as after a first build).
    public struct Loaded {
        public var record: BuildRecord?
        public var problem: String?
    }

    /// Reads the record of the site in `folder`.
    public static func load(from folder: URL) -> Loaded {
        let url = folder.appendingPathComponent(fileName)
        guard let data = try? Data(contentsOf: url) else { return Loaded(record: nil, problem: nil) }
        switch parse(data) {
        case .success(let record): return Loaded(record: record, problem: nil)
        case .failure(let reason):
            return Loaded(record: nil, problem: "the build record \(url.path) is \(reason) and was ignored; the site is built again")
        }
    }

    private enum ParseResult {
        case success(BuildRecord)
        case failure(String)
    }

    private static func parse(_ data: Data) -> ParseResult {
        let text = String(decoding: data, as: UTF8.self)
        guard text.hasPrefix("permdocs-build ") else { return .failure("not a permdocs build record") }
        guard text.hasSuffix("\n") else { return .failure("truncated") }
        let lines = text.dropLast().split(separator: "\n", omittingEmptySubsequences: false)
        guard lines[0] == header else { return .failure("from another permdocs version (\(lines[0].dropFirst("permdocs-build ".count)))") }
        guard lines.count == 3, lines[2].hasPrefix("end ") else { return .failure("truncated") }
        let body = lines[0] + "\n" + lines[1] + "\n"
        guard lines[2].dropFirst("end ".count) == ContentHash.hex(Data(body.utf8)) else {
            return .failure("damaged (its checksum does not match)")
        }
        guard let stored = try? JSONDecoder().decode(Stored.self, from: Data(lines[1].utf8)),
              let input = Fingerprint(hex: Substring(stored.input)),
              let findings = diagnostics(stored.findings), let silenced = diagnostics(stored.silenced) else {
            return .failure("damaged (it cannot be read)")
        }
        return .success(BuildRecord(input: input, toolCount: stored.toolCount, pageCount: stored.pageCount, blockCount: stored.blockCount,
                                    catalogVersion: stored.catalogVersion, findings: findings, silenced: silenced))
    }

    /// The diagnostics, or nil when any of them is not one.
    private static func diagnostics(_ stored: [StoredDiagnostic]) -> [Diagnostic]? {
        var out: [Diagnostic] = []
        for s in stored {
            guard let d = s.diagnostic else { return nil }
            out.append(d)
        }
        return out
    }

    private init(input: Fingerprint, toolCount: Int, pageCount: Int, blockCount: Int, catalogVersion: String?,
                 findings: [Diagnostic], silenced: [Diagnostic]) {
        self.input = input
        self.toolCount = toolCount
        self.pageCount = pageCount
        self.blockCount = blockCount
        self.catalogVersion = catalogVersion
        self.findings = findings
        self.silenced = silenced
    }

    /// The record as JSON.
    private struct Stored: Codable {
        var input: String
        var toolCount: Int
        var pageCount: Int
        var blockCount: Int
        var catalogVersion: String?
        var findings: [StoredDiagnostic]
        var silenced: [StoredDiagnostic]
    }

    /// A `Diagnostic` with every field, as JSON.
    private struct StoredDiagnostic: Codable {
        var id: String
        var severity: String
        var message: String
        var file: String
        var line: Int
        var column: Int
        var fix: String?
        var subject: String?
        var block: [String]?
        var blockKind: String?

        init(_ d: Diagnostic) {
            id = d.id
            severity = d.severity.rawValue
            message = d.message
            file = d.location.file
            line = d.location.line
            column = d.location.column
            fix = d.fix
            subject = d.subject
            block = d.block.map { [$0.toolSlug, $0.pageID, $0.anchor] }
            blockKind = d.blockKind?.rawValue
        }

        /// Nil when a field does not hold what a diagnostic can.
        var diagnostic: Diagnostic? {
            guard let severity = Diagnostic.Severity(rawValue: severity) else { return nil }
            var d = Diagnostic(id: id, severity: severity, message: message, location: SourceLocation(file: file, line: line, column: column), fix: fix)
            d.subject = subject
            if let block {
                guard block.count == 3 else { return nil }
                d.block = BlockReference(toolSlug: block[0], pageID: block[1], anchor: block[2])
            }
            if let blockKind {
                guard let kind = BlockKind(rawValue: blockKind) else { return nil }
                d.blockKind = kind
            }
            return d
        }
    }
}
