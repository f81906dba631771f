/// The characters a guide may carry (in an action name, a key, a value, its
/// file name) that must never reach a report raw: they could end a line and
/// start a forged one (a GitHub workflow command, a compiler-style finding) or
/// drive the terminal (ESC sequences retitle the window, rewrite lines or
/// recolour the output; BEL rings).
///
/// Every check is made on Unicode scalars, never on `Character`s: `"\r\n"` is
/// one Character, equal to neither `"\r"` nor `"\n"`, which is how a forged
/// command used to pass the GitHub format's escaping.
enum ControlCharacters {
    /// C0 controls (line feed included), DEL and C1 controls, the Unicode line
    /// and paragraph separators (which some readers take as line ends) and the
    /// bidirectional formatting controls (which reorder what a terminal shows,
    /// so that a line reads other than it is).
    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x2028, 0x2029: return true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// `text` with each unsafe scalar written as Swift writes it in a string
    /// literal (`\n`, `\r`, `\t`, `\u{1B}`, `\u{2028}`), so that a reader sees
    /// what the guide holds and nothing acts on it.
    static func shown(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard isUnsafe(scalar) else {
                out.append(scalar)
                continue
            }
            switch scalar {
            case "\n": out.append(contentsOf: #"\n"#.unicodeScalars)
            case "\r": out.append(contentsOf: #"\r"#.unicodeScalars)
            case "\t": out.append(contentsOf: #"\t"#.unicodeScalars)
            default: out.append(contentsOf: "\\u{\(hex(scalar.value, digits: 2))}".unicodeScalars)
            }
        }
        return String(out)
    }

    /// JSON text with every unsafe scalar the serializer left raw written as
    /// `\uXXXX`: the same JSON value, but no raw control character in the bytes
    /// when the report is printed to a terminal or a CI log.
    ///
    /// JSON requires C0 controls escaped inside strings, so only DEL, C1 and
    /// the separators can be left raw, and those are never structural: each is
    /// inside a string, where `\uXXXX` stands for it (all are in the BMP).
    static func escapingJSON(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: { $0.value >= 0x7F && isUnsafe($0) }) else { return json }
        var out = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            if scalar.value >= 0x7F && isUnsafe(scalar) {
                out.append(contentsOf: "\\u\(hex(scalar.value, digits: 4).lowercased())".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Upper-case hexadecimal, left-padded with zeros to `digits`.
    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
