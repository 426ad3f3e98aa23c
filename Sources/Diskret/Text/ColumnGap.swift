/// Three spaces or more, or a tab: the gap between the columns of a line laid out by hand, which parts what one
/// column says from the next (a name from a code, a code from its role).
func isColumnGap(_ gap: ArraySlice<UInt16>) -> Bool {
    gap.count >= 3 && gap.allSatisfy { $0 == 0x20 || $0 == 0x09 } || gap.contains(0x09)
}
