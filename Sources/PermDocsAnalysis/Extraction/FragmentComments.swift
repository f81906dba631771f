/// Comments in a statement fragment: a piece cut out of a longer policy (it
/// starts with a comma, or holds statements separated by commas) is never
/// pasted as it stands, and guides annotate such pieces with `#` or `//`
/// comments (`, # add this statement to the role's policy`). Removed before
/// the fragment is read, every other character keeping its place in the file.
/// A whole policy with comments is still reported: pasted, it would fail.
import PermDocsCore

enum FragmentComments {
    /// `text` without `#` and `//` comments that stand outside JSON strings
    /// (to the end of their line), or nil when it holds none.
    static func stripped(_ text: MappedText) -> MappedText? {
        let s = text.scalars
        var out = MappedText(file: text.file)
        var inString = false
        var found = false
        var i = 0
        while i < s.count {
            let c = s[i]
            if inString {
                if c == "\\" && i + 1 < s.count && s[i + 1] != "\n" {
                    out.append(c, at: text.positions[i])
                    out.append(s[i + 1], at: text.positions[i + 1])
                    i += 2
                    continue
                }
                if c == "\"" || c == "\n" { inString = false }
            } else if c == "\"" {
                inString = true
            } else if c == "#" || (c == "/" && i + 1 < s.count && s[i + 1] == "/") {
                found = true
                while i < s.count, s[i] != "\n" { i += 1 }
                continue
            }
            out.append(c, at: text.positions[i])
            i += 1
        }
        return found ? out : nil
    }
}
