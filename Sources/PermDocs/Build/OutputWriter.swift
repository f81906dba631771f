import Foundation

/// Writes a site to its folder all at once: the files go to a staging folder
/// beside the output, which replaces the output only when every file is written.
/// A build that fails leaves the previous site exactly as it was.
public struct OutputWriter {
    public var output: URL

    public init(output: URL) {
        self.output = output.standardizedFileURL
    }

    public func write(_ files: [OutputFile]) throws {
        let fm = FileManager.default
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        let staging = parent.appendingPathComponent(".\(name).staging-\(getpid())")
        let old = parent.appendingPathComponent(".\(name).old-\(getpid())")
        try? fm.removeItem(at: staging)
        try? fm.removeItem(at: old)
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            for file in files {
                guard !file.path.split(separator: "/").contains("..") else {
                    throw PermDocsError("refusing to write outside the output folder", file: file.path)
                }
                let url = staging.appendingPathComponent(file.path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try file.data.write(to: url)
            }
            var isDir: ObjCBool = false
            let hadOutput = fm.fileExists(atPath: output.path, isDirectory: &isDir)
            if hadOutput {
                guard isDir.boolValue else { throw PermDocsError("output path exists and is not a folder", file: output.path) }
                try fm.moveItem(at: output, to: old)
            }
            do {
                try fm.moveItem(at: staging, to: output)
            } catch {
                if hadOutput { try? fm.moveItem(at: old, to: output) }
                throw error
            }
            try? fm.removeItem(at: old)
        } catch {
            try? fm.removeItem(at: staging)
            if let e = error as? PermDocsError { throw e }
            throw PermDocsError("could not write the site: \(error.localizedDescription)", file: output.path)
        }
    }
}
