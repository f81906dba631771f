// The cost of loading the whole built-in action catalog, which a site with a
// `*` or `*:Get*` pattern pays at every build (PERMDOCS_BENCH_CATALOG=N).
import Foundation
import PermDocsPolicy

/// Loads every service of a fresh built-in catalog `rounds` times in each of
/// three ways and prints the median CPU and wall time of each: one service
/// after another on one thread (the CPU the loading costs), all at once as
/// `expand("*")` loads them (what a build waits for), and the latter followed
/// by reading every field of every action (what decoding everything costs).
func measureCatalogLoading(rounds: Int) throws {
    let files = ActionCatalog.builtInSnapshot
    let services = try ActionCatalog(files: files).services.map(\.prefix)
    var cpu: [String: [Double]] = [:], wall: [String: [Double]] = [:]
    func time(_ label: String, _ body: (ActionCatalog) -> Int) throws {
        let catalog = try ActionCatalog(files: files)
        let (cpuStart, wallStart) = (processCPUSeconds(), Date())
        precondition(body(catalog) > 0)
        cpu[label, default: []].append(processCPUSeconds() - cpuStart)
        wall[label, default: []].append(Date().timeIntervalSince(wallStart))
    }
    let labels = ["one by one", "expand(\"*\")", "expand(\"*\") + every field"]
    for _ in 0..<rounds {
        try time(labels[0]) { catalog in services.reduce(0) { $0 + catalog.actions(inService: $1).count } }
        try time(labels[1]) { $0.expand("*").count }
        try time(labels[2]) { catalog in
            catalog.expand("*").reduce(0) { sum, a in
                sum + a.name.utf8.count + a.description.utf8.count + a.resourceTypes.count + a.requiredResourceTypes.count
                    + a.conditionKeys.count + a.dependentActions.count
            }
        }
    }
    func median(_ values: [Double]) -> Int { Int(values.sorted()[values.count / 2] * 1000) }
    for label in labels {
        print("catalog, \(label): \(median(cpu[label]!)) ms CPU, \(median(wall[label]!)) ms wall (median of \(rounds))")
    }
}

/// Process CPU seconds, every thread's.
private func processCPUSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}
