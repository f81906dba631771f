import Foundation
#if canImport(Glibc)
import Glibc

/// Watches folders, recursively, and reports changes after they settle.
///
/// Uses Linux's inotify: one watch per folder, with watches added for folders created
/// (or moved in) later. Events are collected until none has arrived for `debounce`, then
/// `onChange` is called once with the changed paths, so an editor's save (often a write,
/// a rename and an attribute change) or a `git checkout` leads to one rebuild.
///
/// Everything runs on one background thread, `onChange` included: a change made while
/// `onChange` runs is reported by the next call, never concurrently. The thread keeps the
/// watcher alive until `stop()`; call `start()` and `stop()` from one task or thread.
public final class FileWatcher: @unchecked Sendable {
    /// Why watching could not start.
    public struct Error: Swift.Error, CustomStringConvertible {
        public var description: String
    }

    public let folders: [URL]
    public let debounce: Duration
    private let onChange: @Sendable (Set<String>) -> Void

    // Set up by `start()`, used only by the thread afterwards (and closed by `stop()`
    // once the thread has ended).
    private var inotify: Int32 = -1
    private var wakePipe: [Int32] = [-1, -1]
    private var watches: [Int32: String] = [:]
    private var thread: Thread?
    private let finished = DispatchSemaphore(value: 0)

    private static let mask = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_ATTRIB
        | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF)

    /// - Parameters:
    ///   - folders: folders watched with everything below them.
    ///   - debounce: the quiet time after the last event before `onChange` is called.
    ///   - onChange: receives the paths that changed (a watched folder itself when
    ///     the kernel dropped events: anything below it may have changed); called
    ///     on the watcher's thread.
    public init(folders: [URL], debounce: Duration = .milliseconds(100), onChange: @escaping @Sendable (Set<String>) -> Void) {
        self.folders = folders.map(\.standardizedFileURL)
        self.debounce = debounce
        self.onChange = onChange
    }

    /// Adds the watches and starts the thread. Throws if a folder is missing or inotify
    /// refuses (e.g. too few `fs.inotify.max_user_watches`).
    public func start() throws {
        precondition(thread == nil, "FileWatcher started twice")
        inotify = inotify_init1(Int32(IN_CLOEXEC))
        guard inotify >= 0 else { throw Error(description: "inotify_init1 failed: \(String(cString: strerror(errno)))") }
        guard pipe(&wakePipe) == 0 else {
            close(inotify)
            throw Error(description: "pipe failed: \(String(cString: strerror(errno)))")
        }
        do {
            for folder in folders {
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
                    throw Error(description: "\(folder.path): no such folder to watch")
                }
                try addWatches(under: folder.path)
            }
        } catch {
            closeDescriptors()
            throw error
        }
        let thread = Thread { [self] in
            run()
            finished.signal()
        }
        thread.name = "permdocs.FileWatcher"
        self.thread = thread
        thread.start()
    }

    /// Stops the thread and waits for it to end (after any `onChange` in progress).
    /// Safe to call more than once.
    public func stop() {
        guard thread != nil else { return }
        thread = nil
        var byte: UInt8 = 1
        _ = write(wakePipe[1], &byte, 1)
        finished.wait()
        closeDescriptors()
    }

    private func closeDescriptors() {
        for fd in [inotify] + wakePipe where fd >= 0 { close(fd) }
        inotify = -1
        wakePipe = [-1, -1]
    }

    /// The thread's loop: wait for events; once some arrived, keep reading until the
    /// folder has been quiet for `debounce`, then report.
    private func run() {
        var changed = Set<String>()
        let quietMilliseconds = Int32(debounce.components.seconds * 1000 + debounce.components.attoseconds / 1_000_000_000_000_000)
        while true {
            var fds = [pollfd(fd: inotify, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: wakePipe[0], events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, 2, changed.isEmpty ? -1 : quietMilliseconds)
            if ready < 0 {
                if errno == EINTR { continue }
                return
            }
            if fds[1].revents != 0 { return }
            if ready == 0 {
                onChange(changed)
                changed = []
                continue
            }
            changed.formUnion(readEvents())
        }
    }

    /// Reads what is waiting on the inotify descriptor, adding watches for new folders.
    private func readEvents() -> Set<String> {
        var changed = Set<String>()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let count = buffer.withUnsafeMutableBytes { read(inotify, $0.baseAddress, $0.count) }
        guard count > 0 else { return changed }
        let headerSize = MemoryLayout<inotify_event>.size
        var offset = 0
        buffer.withUnsafeBytes { bytes in
            while offset + headerSize <= count {
                let wd = bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                let mask = bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                let nameLength = Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                let nameBytes = bytes[(offset + headerSize)..<(offset + headerSize + nameLength)]
                let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
                offset += headerSize + nameLength

                if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                    // Events were dropped: anything below the watched folders may have changed.
                    changed.formUnion(folders.map(\.path))
                    continue
                }
                if mask & UInt32(IN_IGNORED) != 0 {
                    watches[wd] = nil
                    continue
                }
                guard let folder = watches[wd] else { continue }
                // Editors' swap and backup files (`.x.swp`, `x~`) change on every keystroke
                // or save; they are not content.
                if name.hasPrefix(".") || name.hasSuffix("~") { continue }
                let path = name.isEmpty ? folder : folder + "/" + name
                changed.insert(path)
                if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                    // Files may already be inside: they were created before the watch.
                    try? addWatches(under: path)
                }
            }
        }
        return changed
    }

    /// Watches `path` and every folder below it (symlinked folders are not followed).
    private func addWatches(under path: String) throws {
        let wd = inotify_add_watch(inotify, path, Self.mask | UInt32(IN_ONLYDIR) | UInt32(IN_DONT_FOLLOW))
        guard wd >= 0 else {
            let reason = errno == ENOSPC
                ? "too many watches (raise fs.inotify.max_user_watches)" : String(cString: strerror(errno))
            throw Error(description: "\(path): cannot watch: \(reason)")
        }
        watches[wd] = path
        let children = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        for child in children where !child.hasPrefix(".") {
            let childPath = path + "/" + child
            var info = stat()
            if lstat(childPath, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
                try addWatches(under: childPath)
            }
        }
    }
}
#endif
