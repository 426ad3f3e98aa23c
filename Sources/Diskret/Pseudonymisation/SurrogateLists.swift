import Foundation

/// The word lists surrogates are drawn from: first names by gender, surnames, streets, places and postcodes of
/// the rule pack (`lists/first-names-f.txt`, `first-names-m.txt`, `surnames.txt`, `streets.txt`,
/// `cities.txt`, `postcodes.txt`). Only single entries of letters are used for names (no "Anna-Lena").
public struct SurrogateLists: Sendable {
    /// Female first names as written in the list.
    public var femaleFirstNames: [String]
    /// Male first names as written in the list.
    public var maleFirstNames: [String]
    /// Surnames.
    public var surnames: [String]
    /// Street names ("Lindenweg", "Am Markt").
    public var streets: [String]
    /// Places ("Lippstadt", "Bad Sassendorf").
    public var cities: [String]
    /// Five-digit postcodes.
    public var postcodes: [String]
    /// Lower-cased female and male first names, for telling a name's gender.
    let femaleKeys: Set<String>
    let maleKeys: Set<String>

    /// Lists given directly (tests, other languages).
    public init(femaleFirstNames: [String], maleFirstNames: [String], surnames: [String], streets: [String] = [],
                cities: [String] = [], postcodes: [String] = []) {
        self.femaleFirstNames = femaleFirstNames; self.maleFirstNames = maleFirstNames; self.surnames = surnames
        self.streets = streets; self.cities = cities; self.postcodes = postcodes
        femaleKeys = Set(femaleFirstNames.map { $0.lowercased() })
        maleKeys = Set(maleFirstNames.map { $0.lowercased() })
    }

    /// The list file names, in the order of the properties.
    public static let fileNames = ["first-names-f.txt", "first-names-m.txt", "surnames.txt", "streets.txt", "cities.txt", "postcodes.txt"]

    /// Loads the lists from the `lists` directory of a rule pack (`PACK/lists` or `PACK/<language>/lists`);
    /// `names` and `places` choose which (the place lists are big: leave them out when only names are needed).
    public static func load(packDirectory: String, names: Bool = true, places: Bool = true) throws(PseudonymisationError) -> SurrogateLists {
        let candidates = ["\(packDirectory)/de/lists", "\(packDirectory)/lists"]
            + ((try? FileManager.default.contentsOfDirectory(atPath: packDirectory)) ?? []).sorted().map { "\(packDirectory)/\($0)/lists" }
        let directory = candidates.first { FileManager.default.fileExists(atPath: "\($0)/\(fileNames[0])") } ?? candidates[0]
        func read(_ name: String, _ wanted: Bool) throws(PseudonymisationError) -> [String] {
            guard wanted else { return [] }
            let path = "\(directory)/\(name)"
            guard let data = FileManager.default.contents(atPath: path) else { throw .listUnreadable(path: path) }
            return entries(of: Array(data))
        }
        return SurrogateLists(
            femaleFirstNames: try read(fileNames[0], names), maleFirstNames: try read(fileNames[1], names),
            surnames: try read(fileNames[2], names), streets: try read(fileNames[3], places), cities: try read(fileNames[4], places),
            postcodes: try read(fileNames[5], places))
    }

    /// The entries of a list file's UTF-8 bytes: one a line, `#` comments and anything after a TAB left out,
    /// surrounding spaces trimmed.
    static func entries(of bytes: [UInt8]) -> [String] {
        var result: [String] = []
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            var stop = start
            while stop < end && bytes[stop] != 0x09 && bytes[stop] != 0x0D { stop += 1 }
            var first = start
            while first < stop && bytes[first] == 0x20 { first += 1 }
            while stop > first && bytes[stop - 1] == 0x20 { stop -= 1 }
            if stop > first && bytes[first] != 0x23 { result.append(String(decoding: bytes[first..<stop], as: UTF8.self)) }
            start = end + 1
        }
        return result
    }

    /// The gender a first-name list gives `name`: "f", "m", or nil when both or neither list it.
    func gender(ofFirstName name: String) -> String? {
        let key = name.lowercased()
        switch (femaleKeys.contains(key), maleKeys.contains(key)) {
        case (true, false): return "f"
        case (false, true): return "m"
        default: return nil
        }
    }
}
