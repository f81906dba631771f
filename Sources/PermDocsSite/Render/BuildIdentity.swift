import Foundation
import PermDocsCore

/// What identifies the permdocs binary that renders: its version and the size
/// and modification time of its executable, so a rebuilt permdocs (whose code
/// may draw the same context differently) never reuses another build's pages.
enum BuildIdentity {
    static let current: String = {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return PermDocsVersion.current }
        return "\(PermDocsVersion.current) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }()
}
