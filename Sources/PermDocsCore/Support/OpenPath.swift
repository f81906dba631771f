#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A file (or folder) opened by path, whose resolved path (every symbolic
/// link followed) is read from the open descriptor rather than by resolving
/// the path again folder by folder, as `realpath` does.
///
/// On Linux the kernel keeps the resolved path of an open file: reading the
/// link `/proc/self/fd/N` gives it in one call. Where that is not possible
/// (no `/proc`, another system) `resolvedPath` is nil and callers resolve the
/// path with `realpath`.
struct OpenPath {
    let descriptor: Int32

    /// Opens `path` for reading (a folder with `directory`); nil when it cannot be opened.
    init?(_ path: String, directory: Bool = false) {
        let fd = open(path, O_RDONLY | O_CLOEXEC | (directory ? O_DIRECTORY : 0))
        guard fd >= 0 else { return nil }
        descriptor = fd
    }

    func closeDescriptor() {
        _ = close(descriptor)
    }

    /// The resolved path of `path`, read through a descriptor opened and closed
    /// here; nil when it cannot be opened or its path cannot be read.
    static func resolved(_ path: String, directory: Bool) -> String? {
        guard let opened = OpenPath(path, directory: directory) else { return nil }
        defer { opened.closeDescriptor() }
        return opened.resolvedPath
    }

    /// The open file's path with every link resolved, as `realpath` gives it;
    /// nil when the system does not tell (then resolve the path instead).
    var resolvedPath: String? {
        #if os(Linux)
        let capacity = Int(PATH_MAX) + 1
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: capacity) { buffer -> String? in
            let count = readlink("/proc/self/fd/\(descriptor)", buffer.baseAddress!, capacity)
            // Only an absolute path is a path: a descriptor of something other than a
            // file reads as `pipe:[…]`, and a removed file as `/… (deleted)`.
            guard count > 0, count < capacity, buffer[0] == CChar(UInt8(ascii: "/")) else { return nil }
            let path = String(decoding: UnsafeRawBufferPointer(start: buffer.baseAddress!, count: count), as: UTF8.self)
            return path.hasSuffix(" (deleted)") ? nil : path
        }
        #else
        return nil
        #endif
    }

    /// Every byte of the file, read until its end; nil on a read error
    /// (such as a folder's descriptor).
    func readAll() -> Data? {
        var info = stat()
        let expected = fstat(descriptor, &info) == 0 && info.st_size > 0 ? Int(info.st_size) : 0
        var data = Data(count: expected + 1)  // one byte more, to see the end in one read
        var count = 0
        while true {
            if count == data.count { data.count = max(2 * data.count, 4096) }
            let got = data.withUnsafeMutableBytes { bytes in
                read(descriptor, bytes.baseAddress! + count, bytes.count - count)
            }
            if got < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if got == 0 { break }
            count += got
        }
        data.count = count
        return data
    }
}
