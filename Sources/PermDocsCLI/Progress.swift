import Foundation

/// One line on a terminal that says what a long build is doing, rewritten in
/// place and cleared before anything else is printed. Off when standard
/// error is not a terminal (CI logs get only the summary) or with `--quiet`.
final class Progress {
    private let enabled: Bool

    init(enabled: Bool) {
        self.enabled = enabled
    }

    func show(_ text: String) {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
    }

    func clear() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
