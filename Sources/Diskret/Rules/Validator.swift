/// Checksum and plausibility checks that pattern rules name with `validator:`.
enum Validator {
    static let allNames: Set<String> = ["iban", "steuer-id", "kvnr", "rvnr", "luhn", "date", "phone"]

    /// Whether `text` (the matched span) passes the validator called `name`.
    static func check(_ name: String, _ text: String) -> Bool {
        switch name {
        case "iban": return iban(text)
        case "steuer-id": return steuerID(digits(text))
        case "kvnr": return krankenversichertennummer(text)
        case "rvnr": return rentenversicherungsnummer(text)
        case "luhn": return luhn(digits(text))
        case "date": return plausibleDate(text)
        case "phone": return (6...15).contains(phoneDigitCount(text))
        default: return false
        }
    }

    /// The values of the digits in `text`, any script's.
    static func digits(_ text: String) -> [Int] {
        // ASCII, by far the most common, without Unicode property look-ups (its only numerals are 0–9).
        if text.isASCII { return text.utf8.compactMap { (0x30...0x39).contains($0) ? Int($0 - 0x30) : nil } }
        return text.unicodeScalars.compactMap { $0.properties.numericType == nil ? nil : Int($0.properties.numericValue ?? -1) }.filter { $0 >= 0 }
    }

    /// The digits of a phone number as E.164 counts them (at most 15): without the international prefix
    /// "00" and without a trunk 0 written in brackets ("+49 (0)800 …"), which are dialled but not numbered.
    static func phoneDigitCount(_ text: String) -> Int {
        if text.isASCII { return asciiPhoneDigitCount(text.utf8) }
        var count = digits(text).count
        let start = text.drop { $0 == " " || $0 == "(" }
        if start.hasPrefix("00") { count -= 2 }
        if text.contains("(0)") { count -= 1 }
        return count
    }

    /// `phoneDigitCount` of ASCII text, on its bytes: each byte is a Character there (but "\r\n", which is
    /// neither a space, a bracket nor a digit), and the Character and substring tests had cost 11 000
    /// instructions a phone number.
    private static func asciiPhoneDigitCount(_ bytes: String.UTF8View) -> Int {
        var count = 0
        for byte in bytes where (0x30...0x39).contains(byte) { count += 1 }
        let start = bytes.drop { $0 == 0x20 || $0 == 0x28 }
        if start.starts(with: [0x30, 0x30]) { count -= 2 }
        // "(0)" anywhere.
        var previous2: UInt8 = 0, previous: UInt8 = 0
        for byte in bytes {
            if previous2 == 0x28 && previous == 0x30 && byte == 0x29 { count -= 1; break }
            previous2 = previous
            previous = byte
        }
        return count
    }

    /// ISO 13616: move the country code and check digits to the end, letters to numbers, mod 97 == 1.
    static func iban(_ text: String) -> Bool {
        let chars = text.uppercased().unicodeScalars.filter { $0 != " " && $0 != "\u{A0}" && $0 != "-" }
        guard chars.count >= 15, chars.count <= 34 else { return false }
        let rearranged = Array(chars.dropFirst(4)) + Array(chars.prefix(4))
        var remainder = 0
        for scalar in rearranged {
            let value: Int
            switch scalar.value {
            case 0x30...0x39: value = Int(scalar.value - 0x30)
            case 0x41...0x5A: value = Int(scalar.value - 0x41 + 10)
            default: return false
            }
            remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97
        }
        return remainder == 1
    }

    /// Steuerliche Identifikationsnummer: 11 digits, ISO 7064 MOD 11,10 check digit, first digit not 0.
    static func steuerID(_ digits: [Int]) -> Bool {
        guard digits.count == 11, digits[0] != 0 else { return false }
        var product = 10
        for digit in digits.prefix(10) {
            var sum = (digit + product) % 10
            if sum == 0 { sum = 10 }
            product = (sum * 2) % 11
        }
        let check = (11 - product) % 10
        return check == digits[10]
    }

    /// Krankenversichertennummer: a letter and nine digits; the letter as two digits, weights 1,2,1,2…, cross sums.
    static func krankenversichertennummer(_ text: String) -> Bool {
        let scalars = Array(text.uppercased().unicodeScalars.filter { $0 != " " })
        guard scalars.count == 10, (0x41...0x5A).contains(scalars[0].value) else { return false }
        let letter = Int(scalars[0].value - 0x40)
        var numbers = [letter / 10, letter % 10]
        for scalar in scalars.dropFirst() {
            guard (0x30...0x39).contains(scalar.value) else { return false }
            numbers.append(Int(scalar.value - 0x30))
        }
        var sum = 0
        for (index, digit) in numbers.prefix(10).enumerated() {
            let product = digit * (index % 2 == 0 ? 1 : 2)
            sum += product / 10 + product % 10
        }
        return sum % 10 == numbers[10]
    }

    /// Rentenversicherungsnummer: 2 digits area, 6 digits birth date, a letter, 2 digits serial, 1 check digit.
    static func rentenversicherungsnummer(_ text: String) -> Bool {
        let scalars = Array(text.uppercased().unicodeScalars.filter { $0 != " " })
        guard scalars.count == 12, (0x41...0x5A).contains(scalars[8].value) else { return false }
        let letter = Int(scalars[8].value - 0x40)
        var numbers: [Int] = []
        for (index, scalar) in scalars.enumerated() where index != 8 {
            guard (0x30...0x39).contains(scalar.value) else { return false }
            numbers.append(Int(scalar.value - 0x30))
            if index == 7 { numbers += [letter / 10, letter % 10] }
        }
        let weights = [2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1]
        var sum = 0
        for (index, weight) in weights.enumerated() {
            let product = numbers[index] * weight
            sum += product / 10 + product % 10
        }
        return sum % 10 == numbers[12]
    }

    /// The Luhn check used by payment cards.
    static func luhn(_ digits: [Int]) -> Bool {
        guard digits.count >= 12 else { return false }
        var sum = 0
        for (index, digit) in digits.reversed().enumerated() {
            let value = index % 2 == 1 ? digit * 2 : digit
            sum += value > 9 ? value - 9 : value
        }
        return sum % 10 == 0
    }

    /// Days per month, February of a leap year.
    private static let monthLengths = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

    /// A day.month(.year) or year-month-day whose day and month exist.
    static func plausibleDate(_ text: String) -> Bool {
        // The runs of digits as numbers; ASCII on bytes (its only numerals are 0–9), the rest by Character.
        let ascii = text.isASCII
        let numbers = ascii
            ? GermanDate.readASCII(text, namesMonth: false).numbers
            : text.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        guard numbers.count >= 2 else { return false }
        // Month and year: "04/2024", "11/28". (In ASCII a slash is its own Character.)
        if numbers.count == 2 && (numbers[1] >= 1000 || (ascii ? text.utf8.contains(0x2F) : text.contains("/"))) {
            return (1...12).contains(numbers[0])
        }
        let (day, month): (Int, Int) = numbers[0] > 31 ? (numbers.count > 2 ? numbers[2] : 1, numbers[1]) : (numbers[0], numbers[1])
        guard (1...12).contains(month), day >= 1 else { return false }
        return day <= monthLengths[month - 1]
    }
}
