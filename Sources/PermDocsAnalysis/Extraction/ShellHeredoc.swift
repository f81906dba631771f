/// The bodies of shell here-documents, where guides write a policy file in one
/// command (`cat > policy.json <<EOF` … `EOF`, `<<-'END'`, `<< "JSON"`). A
/// body that reads like policy JSON is meant as a policy, so when it does not
/// parse it is reported like a fenced block, never dropped.
import PermDocsCore

enum ShellHeredoc {
    /// Every here-document body of `text` in order (the lines between the
    /// `<<WORD` line and the line that is `WORD`, or the end of the text when
    /// none is), with their positions.
    static func bodies(in text: MappedText) -> [(text: MappedText, range: Range<Int>)] {
        let s = text.scalars
        var lineStarts = [0]
        for (k, c) in s.enumerated() where c == "\n" { lineStarts.append(k + 1) }
        func line(_ n: Int) -> Range<Int> {
            lineStarts[n]..<(n + 1 < lineStarts.count ? lineStarts[n + 1] - 1 : s.count)
        }
        var bodies: [(text: MappedText, range: Range<Int>)] = []
        var n = 0
        while n < lineStarts.count {
            guard let word = delimiter(in: s[line(n)]) else {
                n += 1
                continue
            }
            let first = n + 1
            var last = first
            while last < lineStarts.count, !isTerminator(s[line(last)], word) { last += 1 }
            if first < lineStarts.count {
                let end = last < lineStarts.count ? lineStarts[last] - 1 : s.count
                if lineStarts[first] < end { bodies.append((text.slice(lineStarts[first]..<end), lineStarts[first]..<end)) }
            }
            n = last + 1
        }
        return bodies
    }

    /// The delimiting word of the first `<<` on a line (not a `<<<` here-string):
    /// `<<EOF`, `<<-EOF`, `<< 'EOF'`, `<<"EOF"`.
    static func delimiter(in line: ArraySlice<Unicode.Scalar>) -> String? {
        var i = line.startIndex
        while i + 1 < line.endIndex {
            guard line[i] == "<", line[i + 1] == "<" else {
                i += 1
                continue
            }
            var j = i + 2
            if j < line.endIndex, line[j] == "<" { return nil }
            if j < line.endIndex, line[j] == "-" || line[j] == "~" { j += 1 }
            while j < line.endIndex, line[j] == " " { j += 1 }
            if j < line.endIndex, line[j] == "'" || line[j] == "\"" { j += 1 }
            var word = ""
            while j < line.endIndex, isWordCharacter(line[j]) {
                word.unicodeScalars.append(line[j])
                j += 1
            }
            return word.isEmpty ? nil : word
        }
        return nil
    }

    /// True when the line, without white space around it, is the delimiter.
    static func isTerminator(_ line: ArraySlice<Unicode.Scalar>, _ word: String) -> Bool {
        var lo = line.startIndex, hi = line.endIndex
        while lo < hi, line[lo] == " " || line[lo] == "\t" { lo += 1 }
        while hi > lo, line[hi - 1] == " " || line[hi - 1] == "\t" || line[hi - 1] == "\r" { hi -= 1 }
        return line[lo..<hi].elementsEqual(word.unicodeScalars)
    }

    static func isWordCharacter(_ c: Unicode.Scalar) -> Bool {
        c == "_" || c == "-" || c == "." || ("A"..."Z").contains(c) || ("a"..."z").contains(c) || ("0"..."9").contains(c)
    }
}
