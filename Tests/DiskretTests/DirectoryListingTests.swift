import Foundation
import Testing
@testable import Diskret

/// The rule loader lists rule files with `DirectoryListing`; it must list what Foundation's enumerator lists.
@Suite struct DirectoryListingTests {
    private static func foundationListing(_ directory: String) -> [String] {
        var paths: [String] = []
        if let enumerator = FileManager.default.enumerator(atPath: directory) {
            for case let relative as String in enumerator { paths.append(relative) }
        }
        return paths.sorted()
    }

    @Test func listsWhatFoundationsEnumeratorLists() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("diskret-listing-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: base) }
        let root = base + "/rules", outside = base + "/outside"
        let manager = FileManager.default
        for directory in [root + "/de/lists", root + "/.hidden", root + "/x.yaml", outside] {
            try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        for file in [root + "/a.yaml", root + "/de/b.yml", root + "/de/lists/c.txt", root + "/.hidden/d.yaml", root + "/.e.yaml",
                     outside + "/f.yaml"] {
            try "rules: []\n".write(toFile: file, atomically: true, encoding: .utf8)
        }
        try manager.createSymbolicLink(atPath: root + "/linked", withDestinationPath: outside)
        try manager.createSymbolicLink(atPath: root + "/g.yaml", withDestinationPath: outside + "/f.yaml")
        try manager.createSymbolicLink(atPath: root + "/dangling.yaml", withDestinationPath: base + "/missing")
        try manager.createSymbolicLink(atPath: base + "/rules-link", withDestinationPath: root)

        for directory in [root, root + "/", base + "/rules-link", root + "/a.yaml", base + "/missing"] {
            let listed = DirectoryListing.relativePaths(below: directory).sorted()
            #expect(listed == Self.foundationListing(directory), "\(directory)")
        }
        #expect(DirectoryListing.relativePaths(below: root).count == 12)
        // As Foundation's: a rule directory given as a symbolic link lists nothing (today's behaviour, kept).
        #expect(DirectoryListing.relativePaths(below: base + "/rules-link").isEmpty)
    }
}
