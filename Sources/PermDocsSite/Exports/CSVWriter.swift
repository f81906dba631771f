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
        if let plain = plainASCII(value) { return plain }
        var v = value
        if let first = v.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
            v = "'" + v
        }
        if v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) {
            return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return v
    }

    /// `value` itself when it is ASCII and needs neither the prefix nor
    /// quotes (nearly every field of the matrix), found on its bytes; nil
    /// otherwise. Only for ASCII, where each character is one byte (or CRLF,
    /// whose bytes are checked): a comma with a combining mark after it is one
    /// character that is not a comma.
    private static func plainASCII(_ value: String) -> String? {
        var plain = true
        var value = value
        value.withUTF8 { bytes in
            if let first = bytes.first, first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
                || first == UInt8(ascii: "@") || first == UInt8(ascii: "\t") || first == UInt8(ascii: "\r") {
                plain = false
                return
            }
            for b in bytes where b >= 0x80 || b == UInt8(ascii: ",") || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\r") || b == UInt8(ascii: "\n") {
                plain = false
                return
            }
        }
        return plain ? value : nil
    }

    /// One record, ending with CRLF.
    public static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }
}
