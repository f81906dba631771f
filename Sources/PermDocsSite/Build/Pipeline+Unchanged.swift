import Foundation
import PermDocsAnalysis
import PermDocsCore

extension Pipeline {
    /// What `buildUnlessUnchanged` did.
    public enum Outcome {
        /// The site was built and written (`build(writingTo:failOn:)`).
        case built(Result)
        /// Nothing to do: the input is the one the output folder was built
        /// from, and the folder still holds every file as written. Nothing
        /// was analyzed, rendered or written.
        case unchanged(Unchanged)
    }

    /// A build that found its output up to date.
    public struct Unchanged {
        /// The last build's record: its findings and counts, to report again.
        public var record: BuildRecord
        /// The files of the output folder, all left as they were.
        public var files: Int
        public var timings: [Timing]
        /// Folders of builds that died before finishing, removed (their paths).
        public var removedStale: [String]
    }

    /// `permdocs build`: as `build(writingTo:failOn:)`, but first compares
    /// the input (`InputFingerprint`) with the output folder's `BuildRecord`:
    /// when the fingerprints are equal and the folder still holds every file
    /// as written, the build stops there (`.unchanged`), reporting the
    /// recorded findings. Otherwise it builds, and writes the record beside
    /// the site. A `clean` writer always builds. A record whose findings fail
    /// the gate is not used: the full build then stops at the gate as usual.
    public func buildUnlessUnchanged(writingTo writer: OutputWriter, failOn: Diagnostic.Severity? = nil) throws -> Outcome {
        var timings: [Timing] = []
        let theme = try step(.theme, "loading the theme", &timings) { try loadTheme() }
        let compared = try step(.compare, "comparing the input with the last build", &timings) { () -> (input: Fingerprint?, unchanged: (BuildRecord, Int)?, problem: String?) in
            // A listing that fails is reported by the full build, as always.
            guard let input = try? InputFingerprint.of(content: content, theme: theme, catalog: checker.catalog, generator: generator,
                                                           concurrency: concurrency) else {
                return (nil, nil, nil)
            }
            guard !writer.clean else { return (input, nil, nil) }
            let loaded = BuildRecord.load(from: writer.output)
            guard let record = loaded.record, record.input == input, !(failOn.map { record.report.fails(at: $0) } ?? false),
                  let files = OutputVerification.holdsManifest(writer.output, bookkeeping: [OutputCache.fileName, BuildRecord.fileName], concurrency: concurrency) else {
                return (input, nil, loaded.problem)
            }
            return (input, (record, files), nil)
        }
        if let (record, files) = compared.unchanged {
            let removed = try writer.removeLeftovers()
            return .unchanged(Unchanged(record: record, files: files, timings: timings, removedStale: removed))
        }
        var result = try build(writingTo: writer, failOn: failOn, recording: compared.input, theme: theme, after: timings)
        result.recordProblem = compared.problem
        return .built(result)
    }
}
