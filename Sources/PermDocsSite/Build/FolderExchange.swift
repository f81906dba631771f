import Foundation

/// Swaps two folders in one step with Linux's `renameat2(…, RENAME_EXCHANGE)`,
/// so that no instant exists where the output folder is missing or half
/// written: a build killed at any point leaves the old site or the new one.
///
/// Looked up at run time with `dlsym` because Swift's Glibc module does not
/// declare `renameat2` (it needs `_GNU_SOURCE`). Where the call is missing or
/// the file system refuses it, `exchange` returns false and the caller falls
/// back to two renames.
enum FolderExchange {
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    private static let renameat2: RenameAt2? = {
        // RTLD_DEFAULT is the null handle on glibc.
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
    }()

    /// `RENAME_EXCHANGE` from `<linux/fs.h>`.
    private static let renameExchange: UInt32 = 1 << 1

    /// Exchanges `a` and `b` (both must exist); true when it happened.
    static func exchange(_ a: String, _ b: String) -> Bool {
        guard let renameat2 else { return false }
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
    }
}
