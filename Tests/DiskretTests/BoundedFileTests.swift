import Foundation
import Testing
@testable import Diskret

/// Files are read up to a limit: a regular file refused by its size, a stream as soon as it delivers more.
@Suite struct BoundedFileTests {
    @Test func regularFilesAreReadWholeOrRefusedBySize() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bounded-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(FileManager.default.createFile(atPath: path, contents: Data(repeating: 0x41, count: 5000)))
        #expect(BoundedFile.read(path, limit: 5000) == .bytes([UInt8](repeating: 0x41, count: 5000)))
        #expect(BoundedFile.read(path, limit: 4999) == .tooLarge(atLeast: 5000))
        #expect(BoundedFile.read(path + ".missing", limit: 10) == .missing)
        #expect(BoundedFile.read(FileManager.default.temporaryDirectory.path, limit: 10) == .unreadable)
    }

    /// /dev/zero never ends: the read stops just past the limit instead of filling memory.
    @Test func anEndlessStreamStopsJustPastTheLimit() {
        guard case let .tooLarge(atLeast) = BoundedFile.read("/dev/zero", limit: 100_000) else {
            Issue.record("an endless stream was not refused")
            return
        }
        #expect(atLeast > 100_000 && atLeast <= 100_001)
    }
}
