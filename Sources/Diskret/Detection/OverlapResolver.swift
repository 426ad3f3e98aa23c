/// Resolves overlapping candidates into disjoint findings.
///
/// Strategy (recall first): candidates that overlap, directly or through a chain, form a cluster; the cluster
/// is masked as one span covering all of them (the union), so no part of any candidate leaks. Its category,
/// type and rule are those of the winner: the highest score, then the longest span, then the category rank
/// id > contact > date > age > address > person > organisation. A role seen on any person candidate of the
/// cluster is kept.
enum OverlapResolver {
    static func resolve(_ candidates: [Candidate]) -> [Candidate] {
        // Keys are sorted rather than the candidates themselves: moving a candidate retains its strings, and
        // a comparator reading two candidates per comparison cost more than the sort. The index ends each key,
        // so equal spans keep their order (as a stable sort by span would).
        var keys = candidates.indices.map { (candidates[$0].range.lowerBound, -candidates[$0].range.upperBound, $0) }
        keys.sort { $0 < $1 }
        let sorted = keys.lazy.map(\.2)
        var result: [Candidate] = []
        var cluster: [Int] = []
        var clusterStart = 0, clusterEnd = -1
        func flush() {
            guard let first = cluster.first else { return }
            var winnerIndex = first
            for index in cluster.dropFirst() where beats(candidates[index], candidates[winnerIndex]) { winnerIndex = index }
            var winner = candidates[winnerIndex]
            winner.range = clusterStart..<clusterEnd
            winner.derived = cluster.allSatisfy { candidates[$0].derived }
            // Searched by index: mapping the cluster to candidates copied (and retained) each one.
            if winner.role == nil, let index = cluster.first(where: { candidates[$0].category == .person && candidates[$0].role != nil }) {
                winner.role = candidates[index].role
            }
            if winner.subject == nil,
               let index = cluster.first(where: { candidates[$0].subject != nil && candidates[$0].category == winner.category }) {
                winner.subject = candidates[index].subject
                winner.fixedPlaceholder = candidates[index].fixedPlaceholder
            }
            result.append(winner)
            cluster.removeAll(keepingCapacity: true)
        }
        for index in sorted {
            let range = candidates[index].range
            if range.lowerBound >= clusterEnd { flush(); clusterStart = range.lowerBound; clusterEnd = range.upperBound }
            clusterEnd = max(clusterEnd, range.upperBound)
            cluster.append(index)
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
