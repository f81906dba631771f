/// An ARN as a pattern over the ARNs it may stand for, for asking whether a
/// Resource value can ever match a resource type's ARN format.
///
/// Both sides are patterns. In a policy's ARN, `*` matches any run of
/// characters and `?` one; anything a guide leaves for the reader to fill
/// (`${aws:username}`, `<bucket>`, `{account}`, `[name]`, `YOUR_BUCKET`,
/// `BUCKET_NAME`) matches anything, so a placeholder never makes a finding.
/// In a catalog format, each `${…}` matches any run of characters, except
/// `${BucketName}`, which holds no `/` (an S3 bucket is not an object).
struct ARNPattern {
    /// One element of a pattern.
    enum Token: Equatable {
        case character(Character)
        /// Any run of characters, possibly empty.
        case anyRun
        /// Any run of characters without `/`, possibly empty.
        case anyRunWithoutSlash
        /// Exactly one character.
        case anyOne
    }

    /// The service field (third) and the resource field (sixth and after).
    let service: [Token]
    let resource: [Token]

    /// The pattern of a Resource value, or nil when it is not an ARN with
    /// six fields (`invalid-arn` reports those).
    init?(policyARN value: String) {
        self.init(wildcardedPolicyARN: Self.placeholdersAsWildcards(value))
    }

    /// The pattern of a Resource value already passed through
    /// `placeholdersAsWildcards`, which `isSchematic(wildcarded:)` reads too.
    init?(wildcardedPolicyARN text: String) {
        guard let fields = Self.fields(text) else { return nil }
        service = Self.tokens(fields.service)
        resource = Self.tokens(fields.resource)
    }

    /// The pattern of a catalog ARN format such as `arn:${Partition}:s3:::${BucketName}/${ObjectName}`.
    init?(catalogFormat format: String) {
        var text = ""
        var rest = Substring(format)
        while let open = rest.range(of: "${") ?? rest.range(of: "{") {
            text += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].firstIndex(of: "}") else { return nil }
            // Private-use characters stand for the two kinds of variable until tokenized.
            text += rest[open.upperBound..<close] == "BucketName" ? "\u{E001}" : "\u{E000}"
            rest = rest[rest.index(after: close)...]
        }
        text += rest
        guard let fields = Self.fields(text) else { return nil }
        service = Self.tokens(fields.service)
        resource = Self.tokens(fields.resource)
    }

    /// Whether a Resource value is a sketch rather than an ARN to use: its
    /// region or account is a word (`arn:aws:service:region:account:type/id`,
    /// `example-account-id`), or its account is `aws`, for resources AWS owns
    /// (transforms, managed policies), which the catalog does not all describe.
    static func isSchematic(_ value: String) -> Bool {
        isSchematic(wildcarded: placeholdersAsWildcards(value))
    }

    /// `isSchematic` of a value already passed through `placeholdersAsWildcards`.
    static func isSchematic(wildcarded text: String) -> Bool {
        let parts = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6 else { return true }
        let region = parts[3], account = parts[4]
        if !region.isEmpty && !region.contains("*") && !region.contains("?") && !isRegion(region) { return true }
        if account == "aws" { return true }
        return !account.isEmpty && !account.contains("*") && !account.contains("?") && !account.allSatisfy { $0.isNumber || $0 == "-" }
    }

    /// `us-east-1`, `eu-central-2`, `us-gov-west-1`, `cn-north-1`.
    private static func isRegion(_ text: Substring) -> Bool {
        let parts = text.split(separator: "-")
        guard parts.count >= 3, let last = parts.last, last.allSatisfy(\.isNumber) else { return false }
        return parts.dropLast().allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isLowercase && $0.isASCII } }
    }

    /// Whether the resource field names one resource: no wildcard and no
    /// placeholder in it.
    var namesOneResource: Bool {
        !resource.contains { $0 == .anyRun || $0 == .anyOne || $0 == .anyRunWithoutSlash }
    }

    /// Whether some ARN matches both patterns: same service, and resource
    /// fields that can be filled alike. Partition, region and account are
    /// not compared (guides leave them empty or fill them in many ways).
    func canMatch(_ other: ARNPattern) -> Bool {
        Self.intersects(service, other.service) && Self.intersects(resource, other.resource)
    }

    // MARK: Parsing

    private static func fields(_ text: String) -> (service: Substring, resource: Substring)? {
        let parts = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", !parts[5].isEmpty else { return nil }
        return (parts[2], parts[5])
    }

    private static func tokens(_ text: Substring) -> [Token] {
        // Printable ASCII, one byte a character, is read as bytes.
        let ascii = text.utf8.withContiguousStorageIfAvailable { bytes -> [Token]? in
            guard bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return nil }
            var out: [Token] = []
            out.reserveCapacity(bytes.count)
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "*"): if out.last != .anyRun { out.append(.anyRun) }
                case UInt8(ascii: "?"): out.append(.anyOne)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): out.append(.character(Character(Unicode.Scalar(byte | 0x20))))
                default: out.append(.character(Character(Unicode.Scalar(byte))))
                }
            }
            return out
        } ?? nil
        if let ascii { return ascii }
        var out: [Token] = []
        for c in text {
            switch c {
            case "*", "\u{E000}": if out.last != .anyRun { out.append(.anyRun) }
            case "\u{E001}": out.append(.anyRunWithoutSlash)
            case "?": out.append(.anyOne)
            default: out.append(.character(lowered(c)))
            }
        }
        return out
    }

    /// `c` in lower case. A one-byte (ASCII) character is lowered in place,
    /// without the String `lowercased()` makes.
    private static func lowered(_ c: Character) -> Character {
        if c.utf8.count == 1, let byte = c.utf8.first {
            return byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? Character(Unicode.Scalar(byte | 0x20)) : c
        }
        return Character(c.lowercased())
    }

    /// `value` with every placeholder replaced by `*`: `${…}`, `<…>`, `{…}`,
    /// `[…]`, and words in capitals with an underscore (`YOUR_BUCKET`,
    /// `ACCOUNT_ID`) or starting `YOUR`/`your`.
    ///
    /// Every Resource value of a checked statement passes through here, so
    /// printable ASCII (nearly every ARN) is read as bytes; anything else
    /// goes character by character, where a `\r\n` is one character.
    static func placeholdersAsWildcards(_ value: String) -> String {
        let bytes = value.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F } ? placeholdersAsWildcards(printableASCII: bytes) : nil
        } ?? nil
        return bytes ?? placeholdersAsWildcardsByCharacter(value)
    }

    /// `placeholdersAsWildcards` of printable ASCII, on its bytes.
    private static func placeholdersAsWildcards(printableASCII value: UnsafeBufferPointer<UInt8>) -> String {
        let star = UInt8(ascii: "*")
        var out: [UInt8] = []
        out.reserveCapacity(value.count)
        var closing: UInt8?
        for c in value {
            if let close = closing {
                if c == close { closing = nil; out.append(star) }
                continue
            }
            switch c {
            case UInt8(ascii: "<"): closing = UInt8(ascii: ">")
            case UInt8(ascii: "{"): closing = UInt8(ascii: "}")
            case UInt8(ascii: "["): closing = UInt8(ascii: "]")
            case UInt8(ascii: "$"): continue
            default: out.append(c)
            }
        }
        if closing != nil { out.append(star) }
        // Placeholder words, between the ARN's separators: each word is
        // copied, then replaced by `*` if it is one.
        var result: [UInt8] = []
        result.reserveCapacity(out.count)
        var wordStart = 0
        func flush(upTo end: Int) {
            let word = out[wordStart..<end]
            let isCapitals = word.contains(UInt8(ascii: "_")) && word.allSatisfy {
                ($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z")) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9"))
                    || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-")
            }
            let isYour = word.count >= 4 && zip(word, "your".utf8).allSatisfy { $0 | 0x20 == $1 }
            if isCapitals || isYour { result.append(star) } else { result.append(contentsOf: word) }
        }
        for (i, c) in out.enumerated() where c == UInt8(ascii: ":") || c == UInt8(ascii: "/") {
            flush(upTo: i)
            result.append(c)
            wordStart = i + 1
        }
        flush(upTo: out.count)
        return String(decoding: result, as: UTF8.self)
    }

    /// `placeholdersAsWildcards` read character by character: the meaning,
    /// for any text.
    static func placeholdersAsWildcardsByCharacter(_ value: String) -> String {
        var out = ""
        var closing: Character?
        for c in value {
            if let close = closing {
                if c == close { closing = nil; out += "*" }
                continue
            }
            switch c {
            case "<": closing = ">"
            case "{": closing = "}"
            case "[": closing = "]"
            case "$": continue
            default: out.append(c)
            }
        }
        if closing != nil { out += "*" }
        // Placeholder words, between the ARN's separators.
        var result = ""
        var word = ""
        func flush() {
            let isCapitals = word.contains("_") && word.allSatisfy { $0.isUppercase || $0.isNumber || $0 == "_" || $0 == "-" }
            let isYour = word.lowercased().hasPrefix("your")
            result += (isCapitals || isYour) ? "*" : word
            word = ""
        }
        for c in out {
            if c == ":" || c == "/" { flush(); result.append(c) } else { word.append(c) }
        }
        flush()
        return result
    }

    // MARK: Matching

    /// Whether some string matches both token patterns: a search over pairs
    /// of positions, each side either skipping a run token or both reading
    /// one character they can agree on.
    static func intersects(_ a: [Token], _ b: [Token]) -> Bool {
        let width = b.count + 1
        // The pairs seen, one bit each: a few words for two ARNs, where a
        // Set hashed every pair.
        var seen = [UInt64](repeating: 0, count: ((a.count + 1) * width + 63) / 64)
        var stack = [(0, 0)]
        while let (i, j) = stack.popLast() {
            let pair = i * width + j
            guard seen[pair / 64] & (1 << (pair % 64)) == 0 else { continue }
            seen[pair / 64] |= 1 << (pair % 64)
            if i == a.count && j == b.count { return true }
            if i < a.count, a[i].isRun { stack.append((i + 1, j)) }
            if j < b.count, b[j].isRun { stack.append((i, j + 1)) }
            guard i < a.count, j < b.count, a[i].agrees(with: b[j]) else { continue }
            stack.append((a[i].isRun ? i : i + 1, b[j].isRun ? j : j + 1))
        }
        return false
    }
}

private extension ARNPattern.Token {
    var isRun: Bool { self == .anyRun || self == .anyRunWithoutSlash }

    /// Whether one character exists that both tokens can read.
    func agrees(with other: ARNPattern.Token) -> Bool {
        switch (self, other) {
        case let (.character(x), .character(y)): return x == y
        case let (.character(x), .anyRunWithoutSlash), let (.anyRunWithoutSlash, .character(x)): return x != "/"
        default: return true
        }
    }
}
