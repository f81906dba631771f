import Foundation
import PermDocsCore

/// An exclusive `flock` on a file beside the output folder, held for a whole
/// write: two builds of one output (a `build` beside a `serve`, two CI jobs
/// on a shared volume) take turns instead of swapping under each other, and
/// the one holding it may remove what dead builds left.
final class OutputLock {
    private let fd: Int32

    /// Waits until the lock is free, then holds it.
    init(_ url: URL) throws {
        fd = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw PermDocsError("cannot create the output's lock file (\(String(cString: strerror(errno))))", file: url.path)
        }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else {
                let reason = String(cString: strerror(errno))
                close(fd)
                throw PermDocsError("cannot lock the output (\(reason))", file: url.path)
            }
        }
    }

    func release() {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
