/// The columns of the tables in a note, read from their layout: lines of cells divided by "|" or tabs, at
/// least two such lines with the same number of cells, the first of them a header without digits. A column
/// is known by its header ("Alter", "wer", "verantwortlich"), so a cell is read by where it stands, not by
/// what a list knows of its words ("| 11 |" under "Alter" is an age, "| EM |" under "wer" a staff code,
/// "| Noel |" under "Name" a person).
struct TableLayout {
    /// What a column holds, by its header.
    enum ColumnKind { case age, staff, person, room, place, phone }

    /// One cell of a data row: its UTF-16 range, spaces trimmed, the kind of its column, and the column it stands in
    /// (the same number for every cell under one header of one table).
    struct Cell { let range: Range<Int>; let kind: ColumnKind; let column: Int }

    /// The cells of known columns in every table of the note.
    let cells: [Cell]
    /// The cells under a weekday's header ("Tag", "Wochentag"): "| Di |" there is Tuesday, not a name.
    let dayCells: [Range<Int>]

    init(_ units: [UInt16]) {
        // Most notes have no table: one pass for a divider decides.
        guard units.contains(where: { $0 == 0x7C || $0 == 0x09 }) else { cells = []; dayCells = []; return }
        var cells: [Cell] = []
        var dayCells: [Range<Int>] = []
        var header: [ColumnKind?]? = nil
        var dayColumns: [Bool] = []
        // The columns' numbers: each header line counts up, a table holds fewer than `columnsPerTable` columns.
        var headerNumber = 0
        var start = 0
        while start < units.count {
            var end = start
            while end < units.count && units[end] != 0x0A { end += 1 }
            let row = Self.cells(of: start..<end, in: units)
            if Self.isRuleLine(start..<end, in: units) {
                // "----+----" under a header: a rule drawn without dividers keeps the header too.
            } else if row.count < 2 {
                header = nil
            } else if Self.isRule(row, in: units) {
                // "|---|---|" under a header
            } else if let kinds = header, kinds.count == row.count {
                for (range, isDay) in zip(row, dayColumns) where isDay { dayCells.append(range) }
                for (position, (range, kind)) in zip(row, kinds).enumerated() {
                    if let kind { cells.append(Cell(range: range, kind: kind, column: headerNumber * Self.columnsPerTable + position)) }
                }
            } else if header != nil, row.count < header!.count, row.contains(where: { range in units[range].contains { (0x30...0x39).contains($0) } }) {
                // A row whose last cells are empty ("08/2018 | Polizei | Einsatz …" under "… | Bearb."): its
                // first cells still stand under their headers, and the table goes on.
                for (position, (range, kind)) in zip(row, header!).enumerated() {
                    if let kind { cells.append(Cell(range: range, kind: kind, column: headerNumber * Self.columnsPerTable + position)) }
                }
            } else if !row.contains(where: { range in units[range].contains { (0x30...0x39).contains($0) } && !Self.isDateHeading(units[range]) }) {
                // Digits in a header only as the dates of an attendance list's sessions ("| Vorname | 08.05. | 15.05. |").
                let kinds = row.map { Self.kind(of: units[$0]) }
                dayColumns = row.map { Self.isDayHeader(units[$0]) }
                header = kinds.contains { $0 != nil } || dayColumns.contains(true) ? kinds : nil
                headerNumber += 1
            } else {
                header = nil
            }
            start = end + 1
        }
        self.cells = cells
        self.dayCells = dayCells
    }

    private static let columnsPerTable = 1_000

    /// "Tag", "Wochentag" as a whole header cell.
    private static func isDayHeader(_ cell: ArraySlice<UInt16>) -> Bool {
        let word = cell.map(latinLowercased)
        return word.elementsEqual("tag".utf16) || word.elementsEqual("wochentag".utf16)
    }

    /// A cell that holds a day and month and nothing else: "08.05.", "8.5.", "15.05.25".
    private static func isDateHeading(_ cell: ArraySlice<UInt16>) -> Bool {
        let dots = cell.count(where: { $0 == 0x2E })
        return (2...3).contains(dots) && cell.count <= 10 && cell.allSatisfy { isASCIIDigit($0) || $0 == 0x2E }
    }

    /// A line drawn of "-", "=", "+" and ":" alone (spaces aside), at least three of them.
    private static func isRuleLine(_ line: Range<Int>, in units: [UInt16]) -> Bool {
        var marks = 0
        for offset in line {
            switch units[offset] {
            case 0x2D, 0x3D, 0x2B, 0x3A, 0x2500: marks += 1
            case 0x20, 0x09, 0x7C: continue
            default: return false
            }
        }
        return marks >= 3
    }

    /// The trimmed cells of a line divided by "|" or tabs; a leading or trailing divider opens no cell.
    private static func cells(of line: Range<Int>, in units: [UInt16]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var cellStart = line.lowerBound
        var dividers = 0
        for offset in line where units[offset] == 0x7C || units[offset] == 0x09 {
            dividers += 1
            result.append(trimmed(cellStart..<offset, in: units))
            cellStart = offset + 1
        }
        guard dividers > 0 else { return [] }
        result.append(trimmed(cellStart..<line.upperBound, in: units))
        if result.first?.isEmpty == true { result.removeFirst() }
        if result.last?.isEmpty == true { result.removeLast() }
        return result
    }

    private static func trimmed(_ range: Range<Int>, in units: [UInt16]) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper && (units[lower] == 0x20 || units[lower] == 0x09 || units[lower] == 0x0D) { lower += 1 }
        while upper > lower && (units[upper - 1] == 0x20 || units[upper - 1] == 0x09 || units[upper - 1] == 0x0D) { upper -= 1 }
        return lower..<upper
    }

    /// A row of dashes and colons only: the rule under a Markdown header.
    private static func isRule(_ row: [Range<Int>], in units: [UInt16]) -> Bool {
        row.allSatisfy { range in !range.isEmpty && units[range].allSatisfy { $0 == 0x2D || $0 == 0x3A || $0 == 0x20 } }
    }

    /// The kind of a column whose header cell holds one of the known header words.
    private static func kind(of header: ArraySlice<UInt16>) -> ColumnKind? {
        var word: [UInt16] = []
        for unit in header + [0x20] {
            if isLatinUpper(unit) || isLatinLower(unit) {
                word.append(latinLowercased(unit))
                continue
            }
            if Self.ageHeaders.contains(word) { return .age }
            if Self.staffHeaders.contains(word) { return .staff }
            if Self.personHeaders.contains(word) { return .person }
            if Self.roomHeaders.contains(word) { return .room }
            if Self.placeHeaders.contains(word) { return .place }
            if Self.phoneHeaders.contains(word) { return .phone }
            word.removeAll(keepingCapacity: true)
        }
        return nil
    }

    private static let personHeaders: Set<[UInt16]> = Set([
        "name", "vorname", "nachname", "kind", "kinder", "person", "personen", "teilnehmer", "teilnehmerin", "klient",
        "klientin", "bewohnerin", "bewohner", "geschwister", "mutter", "vater", "jugendl", "jugendliche", "jugendlicher",
        "schüler", "schülerin", "proband", "probandin", "patient", "patientin", "pat", "rufname", "spitzname", "kosename",
    ].map { Array($0.utf16) })
    private static let ageHeaders: Set<[UInt16]> = Set(["alter", "lebensalter"].map { Array($0.utf16) })
    private static let placeHeaders: Set<[UInt16]> = Set(["ort", "wohnort", "stadtteil", "herkunft", "wohnhaft", "aufenthalt",
        "aufenthaltsort", "ortsteil", "gemeinde", "geburtsort", "anschrift", "adresse"].map { Array($0.utf16) })
    private static let phoneHeaders: Set<[UInt16]> = Set(["tel", "telefon", "telefonnummer", "dw", "durchwahl", "fon", "mobil",
        "handy", "nebenstelle", "telnr"].map { Array($0.utf16) })
    private static let roomHeaders: Set<[UInt16]> = Set(["zi", "zimmer", "raum", "whg", "wohnung", "app", "apartment",
        "etage", "bett"].map { Array($0.utf16) })
    private static let staffHeaders: Set<[UInt16]> = Set([
        "wer", "verantwortlich", "verantw", "zuständig", "zust", "mitarbeiter", "mitarbeiterin", "mitarbeitende", "ma",
        "fachkraft", "kürzel", "kürz", "hz", "handzeichen", "durch", "bearbeiter", "bearbeiterin", "bearb",
        "fallf", "fallführend", "fallführende", "fallführung", "ff", "bezugsperson", "bezugsbetreuerin", "bezugsbetreuer",
        "bezugsbetreuung", "bezugserzieher", "bezugserzieherin", "bzb",
    ].map { Array($0.utf16) })
}
