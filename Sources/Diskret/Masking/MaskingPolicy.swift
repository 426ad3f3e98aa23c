import Foundation

/// How each category of finding is written to the output.
public struct MaskingPolicy: Sendable, Equatable {
    /// What happens to one finding.
    public enum Operator: String, Sendable, CaseIterable, Codable {
        /// A numbered placeholder in German: "[Person 1]", "[Datum 3]".
        case placeholder
        /// A fixed block that hides even the kind of data.
        case redact
        /// The original text stays (only for categories a policy deliberately keeps).
        case keep
        /// A keyed pseudonym, the same in every note of the case: "Person-7F3A" (needs a case key).
        case pseudonym
        /// A realistic replacement of the same kind: names, streets, drama phone numbers, IBANs (needs a case key).
        case surrogate
        /// Dates moved by the case's secret offset in the writer's format (needs a case key).
        case shift
        /// Dates as days from the anchor date: "Tag +10" (needs an anchor date).
        case relative
        /// Dates as month and year: "März 2024".
        case generalizeMonth = "generalize-month"
        /// Dates as year: "2024".
        case generalizeYear = "generalize-year"
        /// Ages as bands: "4–6".
        case ageBand = "age-band"
    }

    /// The operator per category; categories not listed use `placeholder`.
    public var operators: [Category: Operator]

    /// Placeholders for everything.
    public static let `default` = MaskingPolicy(operators: [:])

    /// A policy with these operators; categories left out get placeholders.
    public init(operators: [Category: Operator]) { self.operators = operators }

    /// The operator for `category`.
    public func `operator`(for category: Category) -> Operator { operators[category] ?? .placeholder }

    /// Reads "person=placeholder,date=redact" (the flag syntax); throws a message naming the bad part.
    public init(parsing text: String) throws(PolicyError) {
        var operators: [Category: Operator] = [:]
        for part in text.split(separator: ",") where !part.trimmingCharacters(in: .whitespaces).isEmpty {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2 else { throw PolicyError(message: "expected CATEGORY=OPERATOR, got '\(part)'") }
            let categories: [Category]
            if pair[0] == "all" { categories = Category.allCases } else {
                guard let category = Category(rawValue: pair[0]) else {
                    throw PolicyError(message: "unknown category '\(pair[0])' (one of \(Category.allCases.map(\.rawValue).joined(separator: ", ")), all)")
                }
                categories = [category]
            }
            guard let op = Operator(rawValue: pair[1]) else {
                throw PolicyError(message: "unknown operator '\(pair[1])' (one of \(Operator.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            let applicable = categories.filter { op.applies(to: $0) }
            guard !applicable.isEmpty else {
                throw PolicyError(message: "operator '\(op.rawValue)' does not apply to '\(pair[0])' (only to \(op.categories!.map(\.rawValue).sorted().joined(separator: ", ")))")
            }
            for category in applicable { operators[category] = op }
        }
        self.operators = operators
    }
}

/// A policy string that could not be read.
public struct PolicyError: Error, Sendable, CustomStringConvertible {
    /// What is wrong with the specification, without the note text.
    public let message: String
    /// The message.
    public var description: String { message }
}
