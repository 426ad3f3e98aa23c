/// How `count` items are split among `workers` workers: contiguous, in order, sizes differing by at most one.
///
/// The `--jsonl` filter had split a batch into chunks of `ceil(count / workers)` and given worker `w` the
/// range `w * chunk ..< min(count, (w + 1) * chunk)`; whenever `w * chunk` passed `count` (5 documents,
/// 4 workers: chunk 2, worker 3 starts at 6) the range was inverted and the process trapped. Splitting at
/// `w * count / workers` can never invert, covers every item exactly once and leaves no worker idle while
/// another has two more items than it.
package enum WorkPartition {
    /// The items of `worker` (0-based, `0 ..< workers`) among `count` items; empty when there are fewer
    /// items than workers. `workers` must be positive and `count` non-negative.
    package static func range(worker: Int, of workers: Int, count: Int) -> Range<Int> {
        precondition(workers > 0 && count >= 0 && (0..<workers).contains(worker), "WorkPartition: invalid arguments")
        // Products fit: a batch holds at most a few thousand items and `workers` is at most 256.
        let lower = worker * count / workers
        let upper = (worker + 1) * count / workers
        return lower..<upper
    }
}
