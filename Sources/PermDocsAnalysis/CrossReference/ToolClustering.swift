/// An order of the tools in which similar ones sit together, for the overlap
/// map: average-linkage hierarchical clustering (UPGMA) of the distance
/// 1 − Jaccard between the tools' need sets, read off as the dendrogram's
/// leaves. Hand-written: no listed package clusters, and forty tools need
/// no more than this cubic loop.
///
/// Deterministic: ties go to the pair that comes first in site order, and a
/// merged cluster keeps the member that came first in site order on the left.
public enum ToolClustering {
    /// `slugs` reordered so that each step of the order joins the closest clusters first.
    public static func order(_ slugs: [String], overlap: ToolOverlap) -> [String] {
        guard slugs.count > 2 else { return slugs }
        let n = slugs.count
        var distance = Array(repeating: Array(repeating: 0.0, count: n), count: n)
        for i in 0..<n {
            for j in (i + 1)..<n {
                let d = 1 - overlap.jaccard(slugs[i], slugs[j])
                distance[i][j] = d
                distance[j][i] = d
            }
        }
        // Each cluster: its leaves in order, its size; clusters are indexed by their first slot.
        var members: [[Int]?] = (0..<n).map { [$0] }
        var active = Array(0..<n)
        while active.count > 1 {
            var best = (a: active[0], b: active[1], d: Double.infinity)
            for x in 0..<active.count {
                for y in (x + 1)..<active.count {
                    let d = distance[active[x]][active[y]]
                    if d < best.d { best = (active[x], active[y], d) }
                }
            }
            let (a, b) = (best.a, best.b)
            let sizeA = Double(members[a]!.count), sizeB = Double(members[b]!.count)
            // The merged cluster's distance to each other one: the mean over all pairs of leaves.
            for k in active where k != a && k != b {
                let d = (distance[a][k] * sizeA + distance[b][k] * sizeB) / (sizeA + sizeB)
                distance[a][k] = d
                distance[k][a] = d
            }
            members[a]! += members[b]!
            members[b] = nil
            active.removeAll { $0 == b }
        }
        return members[active[0]]!.map { slugs[$0] }
    }
}
