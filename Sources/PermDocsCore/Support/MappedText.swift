/// Text cut out of a page (a code block, a table cell, a `<pre>`), each scalar
/// remembering where it stood in the file, so that an error found in the text
/// (a JSON syntax error at offset 120) can be reported at the file's line and column.
public struct MappedText: Sendable, Hashable {
    public var file: String
    public private(set) var scalars: [Unicode.Scalar] = []
    public private(set) var positions: [SourcePosition] = []

    public init(file: String) {
        self.file = file
    }

    public mutating func append(_ scalar: Unicode.Scalar, at position: SourcePosition) {
        scalars.append(scalar)
        positions.append(position)
    }

    /// Makes room for `count` scalars in all, so that a block's text (whose
    /// size its UTF-8 bounds) is not copied as it grows.
    public mutating func reserveCapacity(_ count: Int) {
        scalars.reserveCapacity(count)
        positions.reserveCapacity(count)
    }

    /// Appends the scalars of `run`, which stand one after another on `line`
    /// from `column` on: what `append(_:at:)` does for each of them, in one
    /// call (this module's calls are not inlined into the extractor's loops,
    /// and a call per scalar was most of mapping a block).
    public mutating func append(_ run: Substring.UnicodeScalarView, line: Int, column: Int) {
        var column = column
        for scalar in run {
            scalars.append(scalar)
            positions.append(SourcePosition(line: line, column: column))
            column += 1
        }
    }

    /// Appends the scalars that `bytes` (valid UTF-8, such as a string's)
    /// encode, standing one after another on `line` from `column` on: what
    /// `append(_:line:column:)` does for the same text, decoded straight from
    /// the bytes (a code block's lines are cut on bytes; making each a
    /// `Substring` and walking its scalar view cost more than the mapping).
    public mutating func append(utf8 bytes: UnsafeBufferPointer<UInt8>, line: Int, column: Int) {
        var column = column
        var i = 0
        let n = bytes.count
        while i < n {
            let b0 = UInt32(bytes[i])
            var value: UInt32
            var width: Int
            if b0 < 0x80 {
                (value, width) = (b0, 1)
            } else if b0 < 0xE0 {
                (value, width) = (b0 & 0x1F, 2)
            } else if b0 < 0xF0 {
                (value, width) = (b0 & 0x0F, 3)
            } else {
                (value, width) = (b0 & 0x07, 4)
            }
            // Continuation bytes add six bits each; a sequence cut short
            // (never in a string's bytes) ends at the buffer's end.
            var k = 1
            while k < width, i + k < n {
                value = value << 6 | UInt32(bytes[i + k] & 0x3F)
                k += 1
            }
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
            positions.append(SourcePosition(line: line, column: column))
            column += 1
            i += width
        }
    }

    public var count: Int { scalars.count }

    /// The scalars as a string: their UTF-8 written straight into the
    /// string's storage (appending them to a `UnicodeScalarView` one by one
    /// was a sixth of extraction). The same string either way.
    public var string: String {
        let scalars = scalars
        var byteCount = 0
        for scalar in scalars { byteCount += UTF8.width(scalar) }
        return String(unsafeUninitializedCapacity: byteCount) { buffer in
            var i = 0
            for scalar in scalars {
                UTF8.encode(scalar) { byte in
                    buffer[i] = byte
                    i += 1
                }
            }
            return i
        }
    }

    /// Where the scalar at `offset` stood; past the end, just after the last one.
    public func location(at offset: Int) -> SourceLocation {
        guard !positions.isEmpty else { return SourceLocation(file: file, line: 1, column: 1) }
        if offset < positions.count {
            let p = positions[max(0, offset)]
            return SourceLocation(file: file, line: p.line, column: p.column)
        }
        let p = positions[positions.count - 1]
        return SourceLocation(file: file, line: p.line, column: p.column + 1)
    }

    /// A part of the text, keeping its positions.
    public func slice(_ range: Range<Int>) -> MappedText {
        var out = MappedText(file: file)
        out.scalars = Array(scalars[range])
        out.positions = Array(positions[range])
        return out
    }

    /// The text without white space at either end.
    public func trimmed() -> MappedText {
        var lo = 0, hi = scalars.count
        while lo < hi, scalars[lo].properties.isWhitespace { lo += 1 }
        while hi > lo, scalars[hi - 1].properties.isWhitespace { hi -= 1 }
        // Most text has nothing to trim: share its storage rather than copy it.
        if lo == 0 && hi == scalars.count { return self }
        return slice(lo..<hi)
    }

    /// No-break and other odd spaces read as plain spaces: guides pasted from
    /// web pages indent JSON with U+00A0, which JSON does not allow.
    public func normalizingSpaces() -> MappedText {
        var out = self
        for i in out.scalars.indices {
            switch out.scalars[i] {
            case "\u{00A0}", "\u{2007}", "\u{202F}", "\u{2002}", "\u{2003}", "\u{2009}": out.scalars[i] = " "
            case "\u{FEFF}", "\u{200B}": out.scalars[i] = " "
            default: break
            }
        }
        return out
    }

    /// Text of one line of `sourceLine` (1-based `lineNumber`) where `content` is
    /// the line as cmark gave it: the container's indentation is what the source
    /// line has in front of it.
    public mutating func appendLine(_ content: Substring, source sourceLine: Substring, lineNumber: Int) {
        let contentScalars = content.unicodeScalars
        let sourceScalars = sourceLine.unicodeScalars
        var prefix = 0
        if sourceScalars.count >= contentScalars.count, sourceLine.unicodeScalars.reversed().starts(with: contentScalars.reversed()) {
            prefix = sourceScalars.count - contentScalars.count
        }
        append(contentScalars, line: lineNumber, column: prefix + 1)
    }
}
