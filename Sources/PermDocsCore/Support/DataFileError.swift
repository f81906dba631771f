import Foundation

/// A data file shipped with permdocs (the action catalog's snapshot, the risk
/// data) that cannot be read or is malformed. It names the file and, where
/// one is to blame, the 1-based line: `…/services/ec2.tsv:2: …`.
public struct DataFileError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError {
    /// The path of the file at fault.
    public var file: String
    /// The 1-based line at fault, or nil when the whole file is (missing, unreadable).
    public var line: Int?
    /// What is wrong, in a sentence.
    public var message: String

    /// Makes an error about `file`, optionally at `line`.
    public init(file: String, line: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `path:line: message`, or `path: message` without a line.
    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }

    public var errorDescription: String? { description }
}

/// An unreadable or malformed action-catalog snapshot file.
public typealias CatalogError = DataFileError

/// An unreadable or malformed risk-data file (`Findings/RiskData/*.tsv`).
public typealias RiskRulesError = DataFileError
