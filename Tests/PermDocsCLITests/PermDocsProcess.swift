import Foundation
import XCTest

/// Runs a `permdocs` executable as a user would, in a folder of the test's
/// choosing, and collects its exit status and output.
struct PermDocsProcess {
    /// What a run printed and how it ended.
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The executable.
    var executable: URL
    /// Variables added to (or, with nil, removed from) the test's environment.
    var environment: [String: String?] = [:]

    /// The `permdocs` built beside the test bundle (`swift build --build-tests`
    /// builds it); skips the test with the reason when it is not there.
    static func built() throws -> PermDocsProcess {
        let folder = Bundle.main.bundleURL.hasDirectoryPath && Bundle.main.bundleURL.pathExtension == "xctest"
            ? Bundle.main.bundleURL.deletingLastPathComponent()
            : (Bundle.main.executableURL ?? Bundle.main.bundleURL).deletingLastPathComponent()
        for candidate in [folder, folder.deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent("permdocs")
            if FileManager.default.isExecutableFile(atPath: url.path) { return PermDocsProcess(executable: url) }
        }
        print("note: skipping: no permdocs executable beside the tests in \(folder.path) (swift build --build-tests builds it)")
        throw XCTSkip("no permdocs executable in \(folder.path)")
    }

    /// Runs `permdocs arguments…` in `directory` and waits for it.
    @discardableResult
    func run(_ arguments: [String], in directory: URL) throws -> Outcome {
        try Self.run(executable, arguments, in: directory, environment: environment)
    }

    /// Runs any program (the shell, `ldd`, `swift`) the same way.
    static func run(_ program: URL, _ arguments: [String], in directory: URL, environment: [String: String?] = [:]) throws -> Outcome {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes while the process runs, so a full pipe cannot block it.
        let group = DispatchGroup()
        let errData = ReadData()
        DispatchQueue.global().async(group: group) { errData.data = err.fileHandleForReading.readDataToEndOfFile() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus,
                       stdout: String(decoding: outData, as: UTF8.self),
                       stderr: String(decoding: errData.data, as: UTF8.self))
    }

    /// A new empty folder under the system's temporary folder, outside the repository.
    static func temporaryFolder(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("permdocs-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// What one thread read, handed to another after `DispatchGroup.wait()`.
private final class ReadData: @unchecked Sendable {
    var data = Data()
}
