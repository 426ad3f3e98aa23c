/// Resolves overlapping candidates into disjoint findings.
///
/// Strategy (recall first): candidates that overlap, directly or through a chain, form a cluster; the cluster
/// is masked as one span covering all of them (the union), so no part of any candidate leaks. Its category,
/// type and rule are those of the winner: the highest score, then the longest span, then the category rank
/// id > contact > date > age > address > person > organisation. A role seen on any person candidate of the
/// cluster is kept.
enum OverlapResolver {
    static func resolve(_ candidates: [Candidate]) -> [Candidate] {
        let sorted = candidates.sorted { ($0.range.lowerBound, -$0.range.upperBound) < ($1.range.lowerBound, -$1.range.upperBound) }
        var result: [Candidate] = []
        var cluster: [Candidate] = []
        var clusterEnd = -1
        func flush() {
            guard var winner = cluster.first else { return }
            for candidate in cluster.dropFirst() where beats(candidate, winner) { winner = candidate }
            winner.range = cluster.map(\.range.lowerBound).min()!..<clusterEnd
            winner.derived = cluster.allSatisfy(\.derived)
            winner.role = winner.role ?? cluster.first { $0.category == .person && $0.role != nil }?.role
            if winner.subject == nil, let known = cluster.first(where: { $0.subject != nil && $0.category == winner.category }) {
                winner.subject = known.subject
                winner.fixedPlaceholder = known.fixedPlaceholder
            }
            result.append(winner)
            cluster = []
        }
        for candidate in sorted {
            if candidate.range.lowerBound >= clusterEnd { flush(); clusterEnd = candidate.range.upperBound }
            clusterEnd = max(clusterEnd, candidate.range.upperBound)
            cluster.append(candidate)
        }
        flush()
        return result
    }

    private static func beats(_ a: Candidate, _ b: Candidate) -> Bool {
        if a.score != b.score { return a.score > b.score }
        if a.range.count != b.range.count { return a.range.count > b.range.count }
        return a.category < b.category
    }
}
