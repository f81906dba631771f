import Foundation
import PermDocsAnalysis
import PermDocsCore

/// A write of the site in progress (`OutputWriter.begin`): files are staged
/// into a folder beside the output, from any thread and in any order, as they
/// are made; `finish` adds the manifest and the build's bookkeeping and swaps
/// the folder in for the output in one step. Until then the previous site is
/// left exactly as it was: a build that fails, stops at the gate or is killed
/// leaves only the staging folder, removed here (`discard`) or by the next build.
///
/// A file staged is only hashed and written (or hard-linked from the output,
/// when the last build wrote the same bytes and they are still there): its
/// bytes need not be kept, so a build can drop each page once it is handed
/// over. Whatever the order files arrive in, the manifest is in path order
/// and the error reported is the one of the first path, so the result does
/// not depend on thread timing.
public final class OutputStaging: @unchecked Sendable {
    private let writer: OutputWriter
    private let folder: URL
    /// `folder` and the output as paths, which each file's path is joined to.
    private let folderPath: String
    private let outputPath: String
    /// The last build's path → hash (empty for a clean build).
    private let previous: [String: String]
    private let removedStale: [String]
    /// Guards everything below, which worker threads share.
    private let mutex = NSLock()
    /// The output's lock, held from `begin` until finished or discarded.
    private var lock: OutputLock?
    /// Path → (manifest hash, linked from the old output) of each file staged.
    private var staged: [String: (hash: String, linked: Bool)] = [:]
    /// Folders made in the staging folder ("" is the folder itself).
    private var folders: Set<String> = [""]
    /// Path → why it could not be staged.
    private var failures: [String: Error] = [:]

    init(writer: OutputWriter, folder: URL, lock: OutputLock, removedStale: [String], previous: [String: String]) {
        self.writer = writer
        self.folder = folder
        folderPath = folder.path
        outputPath = writer.output.path
        self.lock = lock
        self.removedStale = removedStale
        self.previous = previous
    }

    deinit { discard() }

    /// Stages one file of the site; safe to call from any thread. A file that
    /// cannot be staged (a path outside the output, a path given twice, a
    /// write that fails) makes `finish` throw.
    public func stage(_ file: OutputFile) {
        do {
            try put(file)
        } catch {
            mutex.lock()
            if failures[file.path] == nil { failures[file.path] = error }
            mutex.unlock()
        }
    }

    /// Stages the files among `files` not staged yet (by path: a render that
    /// handed its pages over passes them again without their bytes), in
    /// parallel; then writes the manifest and `bookkeeping` (dotfiles at the
    /// top: always written, not counted, not in the manifest) and swaps the
    /// staging folder in for the output. The staging is over either way.
    public func finish(_ files: [OutputFile], bookkeeping: [OutputFile] = []) throws -> OutputWriter.Summary {
        defer { discard() }
        let fm = FileManager.default
        let output = writer.output
        do {
            mutex.lock()
            let rest = files.filter { staged[$0.path] == nil }
            mutex.unlock()
            _ = ParallelMap.map(rest, concurrency: writer.concurrency) { stage($0) }
            if let first = failures.keys.min(), let error = failures[first] { throw error }
            var summary = OutputWriter.Summary(written: 0, unchanged: 0, removedStale: removedStale)
            var manifest = ""
            for (path, file) in staged.sorted(by: { $0.key < $1.key }) {
                manifest += "\(file.hash)\t\(path)\n"
                if file.linked { summary.unchanged += 1 } else { summary.written += 1 }
            }
            try Self.writeFile(Data(manifest.utf8), to: folder.appendingPathComponent(OutputWriter.manifestName).path)
            for file in bookkeeping {
                guard file.path.hasPrefix("."), !file.path.contains("/"), file.path != OutputWriter.manifestName else {
                    throw PermDocsError("refusing to write a bookkeeping file that is not a dotfile at the top", file: file.path)
                }
                try Self.writeFile(file.data, to: folder.appendingPathComponent(file.path).path)
            }
            var isDir: ObjCBool = false
            let hadOutput = fm.fileExists(atPath: output.path, isDirectory: &isDir)
            if hadOutput && !isDir.boolValue { throw PermDocsError("output path exists and is not a folder", file: output.path) }
            writer.beforeSwap?()
            if hadOutput && FolderExchange.exchange(folder.path, output.path) {
                // The staging folder now holds the previous site; `discard` removes it.
                return summary
            }
            // No exchange (a first build, or a file system without it): two renames.
            let old = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).old-\(getpid())")
            if hadOutput { try fm.moveItem(at: output, to: old) }
            do {
                try fm.moveItem(at: folder, to: output)
            } catch {
                if hadOutput { try? fm.moveItem(at: old, to: output) }
                throw error
            }
            try? fm.removeItem(at: old)
            return summary
        } catch {
            if let e = error as? PermDocsError { throw e }
            throw PermDocsError("could not write the site: \(error.localizedDescription)", file: output.path)
        }
    }

    /// Gives the write up: removes the staging folder and releases the
    /// output's lock, the previous site untouched. Does nothing once finished.
    public func discard() {
        mutex.lock()
        defer { mutex.unlock() }
        guard let lock else { return }
        try? FileManager.default.removeItem(at: folder)
        lock.release()
        self.lock = nil
    }

    /// Hashes the file and links or writes it into the staging folder.
    private func put(_ file: OutputFile) throws {
        let path = file.path
        guard !path.split(separator: "/").contains(".."), !path.hasPrefix("/"), path != OutputWriter.manifestName else {
            throw PermDocsError("refusing to write outside the output folder", file: path)
        }
        let dir = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? ""
        if try claim(path, folder: dir) {
            try Self.makeFolders(dir, in: folderPath)
            mutex.lock()
            folders.insert(dir)
            mutex.unlock()
        }
        // Paths joined as strings: `URL.appendingPathComponent` asks the file
        // system whether each one is a folder (a stat a file).
        let target = folderPath + "/" + path
        let hash = ContentHash.hex(file.data)
        var linked = false
        if previous[path] == hash {
            let old = outputPath + "/" + path
            linked = Self.holds(old, file.data) && link(old, target) == 0
        }
        if !linked { try Self.writeFile(file.data, to: target) }
        mutex.lock()
        staged[path] = (hash, linked)
        mutex.unlock()
    }

    /// Takes `path` for one file; true when its folder is not known to be
    /// made yet. A path taken twice is refused: writing it again could write
    /// through a hard link into the previous site, and which bytes won would
    /// depend on timing.
    private func claim(_ path: String, folder dir: String) throws -> Bool {
        mutex.lock()
        defer { mutex.unlock() }
        guard lock != nil else { throw PermDocsError("the site's write is already over", file: path) }
        guard staged[path] == nil, failures[path] == nil else {
            throw PermDocsError("two files of the site have this path", file: path)
        }
        staged[path] = ("", false)
        return !folders.contains(dir)
    }

    /// Makes `dir` and the folders above it inside `root`, outside the lock:
    /// making a folder is a slow call (the file system finds it an inode),
    /// and under the lock it held up the other threads' files. Two threads
    /// may make the same folder at once; the one that finds it made goes on.
    private static func makeFolders(_ dir: String, in root: String) throws {
        var path = root
        for name in dir.split(separator: "/") {
            path += "/" + name
            if mkdir(path, 0o755) != 0 && errno != EEXIST {
                throw PermDocsError("cannot make folder (\(String(cString: strerror(errno))))", file: path)
            }
        }
    }

    /// Whether the file at `path` holds exactly `data`: the manifest's hash
    /// says what the last build wrote, but a file edited by hand since (even
    /// to the same size) must be written again, not linked forward.
    private static func holds(_ path: String, _ data: Data) -> Bool {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, Int(info.st_size) == data.count else { return false }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var offset = 0
        return data.withUnsafeBytes { expected -> Bool in
            while offset < expected.count {
                let n = buffer.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, $0.count) }
                if n < 0 && errno == EINTR { continue }
                guard n > 0, offset + n <= expected.count,
                      buffer.withUnsafeBytes({ memcmp($0.baseAddress!, expected.baseAddress! + offset, n) == 0 }) else { return false }
                offset += n
            }
            return true
        }
    }

    /// Writes bytes to a new file with plain POSIX calls: Foundation's
    /// `Data.write(to:)` took 2 ms a file here (16 s for a 7,825-page site).
    /// No fsync: the staging folder is swapped in whole, and a crash before
    /// that leaves the previous site.
    private static func writeFile(_ data: Data, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw PermDocsError("cannot create file (\(String(cString: strerror(errno))))", file: path) }
        defer { close(fd) }
        try data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }  // an empty file
            var offset = 0
            while offset < raw.count {
                let n = Foundation.write(fd, base + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw PermDocsError("cannot write file (\(String(cString: strerror(errno))))", file: path)
                }
                offset += n
            }
        }
    }
}
