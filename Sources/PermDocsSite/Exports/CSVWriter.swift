import Foundation
import PermDocsCore

/// Writes CSV as RFC 4180 describes it (fields separated by commas, records
/// ended by CRLF, fields quoted when they hold a comma, a quote, CR or LF,
/// with quotes doubled), and safe to open in a spreadsheet: a field that
/// starts with `=`, `+`, `-`, `@`, a tab or CR is prefixed with `'`, so it
/// is shown as text rather than run as a formula.
public enum CSVWriter {
    /// One field, neutralised and quoted as needed.
    public static func field(_ value: String) -> String {
        var v = value
        if let first = v.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
            v = "'" + v
        }
        if v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) {
            return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return v
    }

    /// One record, ending with CRLF.
    public static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }
}
