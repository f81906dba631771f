// permdocs-fuzz: the parsers that read guide text, under libFuzzer
// (coverage-guided, with its corpus, dictionary and minimizer), which the
// seeded loops in the test targets are not. SwiftPM's test bundles carry a
// `main` of their own, so libFuzzer's entry point lives in this executable.
//
// With libFuzzer (its `main` drives `LLVMFuzzerTestOneInput`):
//   PERMDOCS_LIBFUZZER=1 swift build -c release --product permdocs-fuzz --scratch-path .build-libfuzzer
//   PERMDOCS_FUZZ_TARGET=policy .build-libfuzzer/release/permdocs-fuzz -max_total_time=600 corpus/
// Without (a plain `swift build`): `permdocs-fuzz FILE…` runs each file once,
// to replay what libFuzzer saved (crash-…, timeout-…).
import Foundation

#if LIBFUZZER
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzEntry.target.run(UnsafeBufferPointer(start: data, count: data == nil ? 0 : size))
    return 0
}
#else
@main
struct FuzzReplay {
    static func main() {
        let files = CommandLine.arguments.dropFirst()
        guard !files.isEmpty else {
            FileHandle.standardError.write(Data("usage: PERMDOCS_FUZZ_TARGET=\(FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")) permdocs-fuzz FILE…\n".utf8))
            exit(2)
        }
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                FileHandle.standardError.write(Data("\(file): cannot be read\n".utf8))
                exit(2)
            }
            data.withUnsafeBytes { FuzzEntry.target.run($0.bindMemory(to: UInt8.self)) }
            print("\(file): ran \(data.count) bytes through \(FuzzEntry.target.rawValue)")
        }
    }
}
#endif

enum FuzzEntry {
    /// Chosen once per process.
    static let target = FuzzTarget.selected
}
