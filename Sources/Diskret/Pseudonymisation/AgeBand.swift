/// Age bands that keep what a case conference needs (infant, pre-school, primary school, teenager; adults by
/// decade) and hide the exact age: "4–6", "35–44", "ab 75".
enum AgeBand {
    /// Lower bounds of the bands; each band ends before the next one starts.
    static let lowerBounds = [0, 2, 4, 7, 11, 14, 18, 25, 35, 45, 55, 65, 75]

    /// The band of `age` in years, written with an en dash ("4–6"); "ab 75" for the last.
    static func band(for age: Int) -> String {
        let index = lowerBounds.lastIndex { $0 <= max(age, 0) } ?? 0
        guard index + 1 < lowerBounds.count else { return "ab \(lowerBounds[index])" }
        return "\(lowerBounds[index])–\(lowerBounds[index + 1] - 1)"
    }

    /// The age written as digits ("7") or as a German number word ("fünf", "Fünfzig", "dreiundzwanzig").
    static func value(of text: String) -> Int? {
        if let number = Int(text) { return number }
        var word = String(text.lowercased().replacing("ß", with: "ss"))
        let units = ["ein": 1, "eins": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9,
                     "zehn": 10, "elf": 11, "zwölf": 12, "dreizehn": 13, "vierzehn": 14, "fünfzehn": 15, "sechzehn": 16,
                     "siebzehn": 17, "achtzehn": 18, "neunzehn": 19]
        let tens = ["zwanzig": 20, "dreissig": 30, "vierzig": 40, "fünfzig": 50, "fünfig": 50, "sechzig": 60, "siebzig": 70,
                    "achtzig": 80, "neunzig": 90]
        if let value = units[word] ?? tens[word] { return value }
        for (tenWord, ten) in tens where word.hasSuffix(tenWord) {
            word.removeLast(tenWord.count)
            guard word.hasSuffix("und") else { return nil }
            word.removeLast(3)
            return units[word].map { ten + $0 }
        }
        return nil
    }
}
