import Testing
@testable import Diskret

/// The look-alike table agrees with ICU's confusable data (UTS #39) for every character it covers.
@Suite struct HomoglyphTests {
    @Test func everyLookAlikeHasItsLatinLettersSkeletonAndCase() throws {
        let folder = try KeyFolder()
        for (lookAlike, latin) in Homoglyphs.table {
            let other = Unicode.Scalar(lookAlike)!, letter = Unicode.Scalar(latin)!
            #expect(try folder.exactSkeleton(of: String(other)) == folder.exactSkeleton(of: String(letter)),
                    "U+\(String(lookAlike, radix: 16, uppercase: true)) is not confusable with \(letter) in ICU's data")
            #expect(other.properties.isUppercase == letter.properties.isUppercase, "U+\(String(lookAlike, radix: 16)) has another case")
            #expect(letter.isASCII && other.properties.isAlphabetic)
        }
    }

    @Test func theTableIsSortedForBinarySearch() {
        #expect(zip(Homoglyphs.table, Homoglyphs.table.dropFirst()).allSatisfy { $0.lookAlike < $1.lookAlike })
        for (lookAlike, latin) in Homoglyphs.table { #expect(Homoglyphs.latin(of: lookAlike) == latin) }
        #expect(Homoglyphs.latin(of: 0x0431) == nil)   // б looks like no Latin letter
        #expect(Homoglyphs.latin(of: 0x61) == nil)
    }
}
