import PermDocsCore

/// A tool's `short_name` (front matter or `site.yml`), shown where space is
/// short: the matrix's column headers, which run upwards in one line and are
/// cut with an ellipsis past about 24 characters (the full name is their
/// tooltip). Checked where it is read, so a list or a multi-line value given
/// by mistake is an error at its line and column, not a garbled header.
enum ShortName {
    /// Throws unless `text` is one non-empty line.
    static func check(_ text: String, key: String, at location: SourceLocation) throws {
        if text.allSatisfy(\.isWhitespace) {
            throw PermDocsError("'\(key)' is empty: give a short name, such as DMS, or leave the key out", at: location)
        }
        if text.contains(where: \.isNewline) {
            throw PermDocsError("'\(key)' must be one line: it heads a narrow matrix column", at: location)
        }
    }
}
