import Foundation

/// The line and column of a byte offset in UTF-8 text, for errors about a
/// place found by counting bytes (a size limit passed, a bad byte).
public enum TextPosition {
    /// The 1-based line and column (in scalars, as `SourceLocation` counts) of
    /// the byte at `offset` of `data`; lines end at "\n", "\r\n" or a lone "\r",
    /// as cmark counts them. One pass over the bytes before `offset`.
    public static func of(offset: Int, in data: Data) -> SourcePosition {
        let end = min(max(0, offset), data.count)
        return data.withUnsafeBytes { raw -> SourcePosition in
            let bytes = raw.bindMemory(to: UInt8.self)
            var line = 1, lineStart = 0
            var i = 0
            while i < end {
                let b = bytes[i]
                if b == 0x0A || b == 0x0D {
                    if b == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
                    line += 1
                    lineStart = i + 1
                }
                i += 1
            }
            // Scalars start at every byte that is not a UTF-8 continuation byte.
            var column = 1
            var k = lineStart
            while k < end {
                if bytes[k] & 0xC0 != 0x80 { column += 1 }
                k += 1
            }
            return SourcePosition(line: line, column: column)
        }
    }
}
