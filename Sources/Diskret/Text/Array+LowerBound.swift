extension Array where Element: Comparable {
    /// In a sorted array, the first index whose element is not less than `value` (`count` when none is).
    func lowerBound(of value: Element) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if self[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
