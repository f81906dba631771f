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

@main
struct FuzzMain {
    static func main() {
        #if LIBFUZZER
        // libFuzzer's own `main` cannot be used: SwiftPM links an executable's
        // entry point under the module's name. Its driver takes the arguments
        // (-max_total_time=…, corpus folders) and calls back for each input.
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOneInput))
        #else
        replay(Array(CommandLine.arguments.dropFirst()))
        #endif
    }

    /// Runs each saved input once (crash-…, timeout-… files libFuzzer wrote).
    static func replay(_ files: [String]) {
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

#if LIBFUZZER
/// libFuzzer's driver (compiler-rt). Declared by its symbol: its arguments are
/// pointers and a C function, passed alike by Swift's and C's conventions.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// One input: libFuzzer calls this with each mutation.
func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzEntry.target.run(UnsafeBufferPointer(start: data, count: data == nil ? 0 : size))
    return 0
}
#endif

enum FuzzEntry {
    /// Chosen once per process.
    static let target = FuzzTarget.selected
}
