import Testing
@testable import Diskret

/// The `--jsonl` worker partition: every (documents, jobs) pair the issue's property names.
@Suite struct WorkPartitionTests {
    @Test func everyItemGoesToExactlyOneWorkerInOrder() {
        for count in 0...200 {
            for workers in 1...64 {
                var next = 0
                var sizes: [Int] = []
                for worker in 0..<workers {
                    let range = WorkPartition.range(worker: worker, of: workers, count: count)
                    // Contiguous and in order: each range starts where the one before ended, so the
                    // ranges together are 0..<count with no gap, overlap or inversion.
                    #expect(range.lowerBound == next, "count \(count), workers \(workers), worker \(worker)")
                    #expect(range.upperBound <= count)
                    next = range.upperBound
                    sizes.append(range.count)
                }
                #expect(next == count, "count \(count), workers \(workers)")
                #expect((sizes.max() ?? 0) - (sizes.min() ?? 0) <= 1, "balanced: count \(count), workers \(workers)")
            }
        }
    }

    /// The case that trapped: 5 documents with 4 workers, where ceil-sized chunks gave worker 3 the range 6..<5.
    @Test func theIssuesCaseSplitsTwoOneOneOne() {
        let ranges = (0..<4).map { WorkPartition.range(worker: $0, of: 4, count: 5) }
        #expect(ranges == [0..<1, 1..<2, 2..<3, 3..<5])
    }
}
