import Foundation

/// What `stat` says of a file: device, inode, size, and the times of its last
/// modification and last change (nanoseconds). A file whose identity is the
/// same as when it was read has, in practice, the same bytes: any write
/// changes the change time, which no tool can set back. `serve` uses it to
/// skip reading files that did not change (`SourceFileCache`).
///
/// One race remains, as in git's index: a file written again within the
/// file system's timestamp granularity right after it was read keeps its
/// times. So an identity is trusted only once it has `settled`: its change
/// time lies well before the moment it was taken.
public struct FileIdentity: Hashable, Sendable {
    public var device: UInt64
    public var inode: UInt64
    public var size: Int64
    public var modified: Int64
    public var changed: Int64

    public init(device: UInt64, inode: UInt64, size: Int64, modified: Int64, changed: Int64) {
        self.device = device
        self.inode = inode
        self.size = size
        self.modified = modified
        self.changed = changed
    }

    /// The identity of the file at `path`, links followed; nil when it cannot be read.
    public static func of(path: String) -> FileIdentity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
                            modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
                            changed: Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec))
    }

    /// True when the file was last changed at least `margin` nanoseconds
    /// before `now` (since 1970, as `now()` gives): a later write cannot then
    /// share its times. Two seconds is far above any file system's granularity.
    public func settled(at now: Int64, margin: Int64 = 2_000_000_000) -> Bool {
        changed < now - margin
    }

    /// The wall clock, in the unit of `changed`.
    public static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }
}
