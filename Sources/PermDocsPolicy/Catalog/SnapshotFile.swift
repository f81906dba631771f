import Foundation
import PermDocsCore

/// One file of the catalog snapshot, read as tab-separated records, one a
/// line. Blank lines and lines starting with `#` are skipped, and a `\r`
/// before the newline is ignored. Errors name the file and the line.
struct SnapshotFile {
    /// A field of a record: bytes of the file, not yet decoded, valid only
    /// during the `forEachRecord` call that hands it over. Its indices are
    /// those of `bytes`. A view of the bytes rather than an `ArraySlice`,
    /// which would retain and release the file for each of the 150,000
    /// fields of the whole catalog.
    typealias Field = Slice<UnsafeBufferPointer<UInt8>>

    /// The file as messages name it: its path on disk, or inside the built-in snapshot.
    let path: String
    /// The file's bytes.
    let bytes: [UInt8]

    /// Reads `path` (relative to the snapshot's root) from `snapshot`; a
    /// missing or unreadable file is a `CatalogError`.
    init(_ path: String, in snapshot: SnapshotSource) throws {
        self.path = snapshot.location + "/" + path
        do {
            bytes = [UInt8](try snapshot.reader.read(path))
        } catch {
            throw CatalogError(file: self.path, message: "cannot read the catalog file")
        }
    }

    /// An error about this file, at `line` if given.
    func error(_ message: String, line: Int? = nil) -> CatalogError {
        CatalogError(file: path, line: line, message: message)
    }

    /// Calls `body` with the fields and 1-based line number of every record.
    /// Newlines and tabs are found with `memchr`, which compares many bytes
    /// at a time: the whole catalog is 4 MB, and a loop over each byte was
    /// a quarter of the time loading it.
    func forEachRecord(_ body: (_ fields: [Field], _ line: Int) throws -> Void) throws {
        try bytes.withUnsafeBufferPointer { bytes in
            var line = 0
            var start = bytes.startIndex
            var fields: [Field] = []
            fields.reserveCapacity(8)
            while start < bytes.endIndex {
                line += 1
                var end = Self.index(of: UInt8(ascii: "\n"), in: bytes, from: start, to: bytes.endIndex)
                let next = end < bytes.endIndex ? end + 1 : end
                if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                defer { start = next }
                if end == start || bytes[start] == UInt8(ascii: "#") { continue }
                fields.removeAll(keepingCapacity: true)
                var fieldStart = start
                while true {
                    let tab = Self.index(of: UInt8(ascii: "\t"), in: bytes, from: fieldStart, to: end)
                    fields.append(bytes[fieldStart..<tab])
                    if tab == end { break }
                    fieldStart = tab + 1
                }
                try body(fields, line)
            }
        }
    }

    /// The index of the first `byte` in `bytes[from..<to]`, or `to` if there is none.
    private static func index(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        guard from < to, let base = bytes.baseAddress, let found = memchr(base + from, Int32(byte), to - from) else { return to }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// A field as a string.
    static func string(_ field: Field) -> String {
        String(decoding: field, as: UTF8.self)
    }

    /// A comma-separated field as a list; an empty field is an empty list,
    /// and empty items are left out. Read in one pass, without the slices
    /// `split` would gather first: every action line has two lists.
    static func list<Bytes: Collection<UInt8>>(_ field: Bytes) -> [String] {
        guard !field.isEmpty else { return [] }
        // Sized to the items (at most one more than the commas): a loaded
        // catalog keeps two of these lists per action.
        var items: [String] = []
        items.reserveCapacity(field.count { $0 == UInt8(ascii: ",") } + 1)
        var start = field.startIndex
        for i in field.indices where field[i] == UInt8(ascii: ",") {
            if i > start { items.append(String(decoding: field[start..<i], as: UTF8.self)) }
            start = field.index(after: i)
        }
        if start < field.endIndex { items.append(String(decoding: field[start...], as: UTF8.self)) }
        return items
    }

    /// Whether `text` holds one of `characters` (ASCII characters other
    /// than `\r` and `\n`). Loading every service asks this of thousands of
    /// names: ASCII text is searched as bytes, where each byte is a
    /// character, against a bit set of the wanted bytes; other text
    /// character by character.
    static func contains(_ text: String, anyOf characters: String) -> Bool {
        var wanted: (low: UInt64, high: UInt64) = (0, 0)
        for byte in characters.utf8 {
            if byte < 64 { wanted.low |= 1 << byte } else { wanted.high |= 1 << (byte & 63) }
        }
        let answer = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            var found = false
            for byte in bytes {
                if byte >= 0x80 { return nil }
                found = found || (byte < 64 ? wanted.low >> byte : wanted.high >> (byte & 63)) & 1 == 1
            }
            return found
        } ?? nil
        return answer ?? text.contains(where: characters.contains)
    }
}

/// Where a catalog snapshot's files are read from: a folder on disk, or the
/// snapshot compiled into permdocs.
struct SnapshotSource: Sendable {
    var reader: any ContentReader
    /// The root as messages name it (a folder's path).
    var location: String
}
