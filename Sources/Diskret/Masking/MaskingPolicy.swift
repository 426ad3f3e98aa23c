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

    /// Operators for finding types ("date.relative" = keep), over their category's: a type names its
    /// subtypes too ("date.relative" covers "date.relative.weekday").
    public var typeOperators: [String: Operator]

    /// Placeholders for everything.
    public static let `default` = MaskingPolicy(operators: [:])

    /// A policy with these operators; categories left out get placeholders.
    public init(operators: [Category: Operator], typeOperators: [String: Operator] = [:]) {
        self.operators = operators
        self.typeOperators = typeOperators
    }

    /// Whether every finding gets a placeholder.
    public var isDefault: Bool { operators.isEmpty && typeOperators.isEmpty }

    /// Every operator the policy names, for categories and types.
    public var namedOperators: [Operator] { Array(operators.values) + Array(typeOperators.values) }

    /// The operator for `category`.
    public func `operator`(for category: Category) -> Operator { operators[category] ?? .placeholder }

    /// The operator for a finding of `category` and `type`: the longest type entry that names it, else the
    /// category's.
    public func `operator`(for category: Category, type: String) -> Operator {
        if !typeOperators.isEmpty {
            var candidate = Substring(type)
            while !candidate.isEmpty {
                if let op = typeOperators[String(candidate)] { return op }
                guard let dot = candidate.lastIndex(of: ".") else { break }
                candidate = candidate[..<dot]
            }
        }
        return self.operator(for: category)
    }

    /// This policy with `other`'s operators on top.
    public func merging(_ other: MaskingPolicy) -> MaskingPolicy {
        MaskingPolicy(operators: operators.merging(other.operators) { $1 }, typeOperators: typeOperators.merging(other.typeOperators) { $1 })
    }

    /// Reads "person=placeholder,date=redact,date.relative=keep" (the flag syntax: categories, `all`, or finding
    /// types under a category); throws a message naming the bad part.
    public init(parsing text: String) throws(PolicyError) {
        var operators: [Category: Operator] = [:]
        var typeOperators: [String: Operator] = [:]
        for part in text.split(separator: ",") where !part.trimmingCharacters(in: .whitespaces).isEmpty {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2 else { throw PolicyError(message: "expected CATEGORY=OPERATOR, got '\(part)'") }
            let categories: [Category]
            let categoryName = pair[0].split(separator: ".", maxSplits: 1).first.map(String.init) ?? pair[0]
            let isType = categoryName != pair[0]
            if pair[0] == "all" { categories = Category.allCases } else {
                guard let category = Category(rawValue: categoryName),
                      !isType || pair[0].split(separator: ".", omittingEmptySubsequences: false).allSatisfy({ !$0.isEmpty }) else {
                    throw PolicyError(message: "unknown category '\(pair[0])' (one of \(Category.allCases.map(\.rawValue).joined(separator: ", ")), all, or a finding type such as date.relative)")
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
            if isType {
                // A type takes the operators that need nothing per entity; pseudonyms and surrogates are chosen per category.
                guard [.placeholder, .redact, .keep].contains(op) else {
                    throw PolicyError(message: "a finding type such as '\(pair[0])' takes placeholder, redact or keep, not '\(op.rawValue)'")
                }
                typeOperators[pair[0]] = op
            } else {
                for category in applicable { operators[category] = op }
            }
        }
        self.operators = operators
        self.typeOperators = typeOperators
    }
}

/// A policy string that could not be read.
public struct PolicyError: Error, Sendable, CustomStringConvertible {
    /// What is wrong with the specification, without the note text.
    public let message: String
    /// The message.
    public var description: String { message }
}
