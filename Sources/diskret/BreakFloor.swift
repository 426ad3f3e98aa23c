import Diskret
import Foundation

/// `diskret bench --floor`: ICU's word and sentence break alone over a corpus's texts, in this process — the
/// share of the throughput budget that the design's ICU tokenisation takes before any rule runs.
enum BreakFloor {
    /// The median of `rounds` passes over `texts` (a corpus's, from `texts(of:)`), per MB of the corpus
    /// file (`bytes`), the unit the throughput figures use.
    static func measure(_ texts: [String], bytes: Int, rounds: Int) throws -> [String: Any] {
        let counter: BoundaryCounter
        do { counter = try BoundaryCounter() } catch { throw fail(error) }
        var seconds: [Double] = []
        var segments = 0
        for _ in 0..<rounds {
            segments = 0
            let start = DispatchTime.now()
            for text in texts {
                do { segments += try counter.count(in: text).segments } catch { throw fail(error) }
            }
            seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9)
        }
        let median = seconds.sorted()[seconds.count / 2]
        return [
            "icu_break_ms_per_mb": median * 1000 / (Double(bytes) / 1e6),
            "icu_break_mb_per_s": Double(bytes) / 1e6 / median,
            "icu_break_segments": segments,
        ]
    }

    /// The "text" of every line of a JSON-lines corpus; a line without one stops the benchmark before
    /// anything runs, since the floor would not cover the corpus that the throughput runs read.
    static func texts(of path: String) throws -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else {
            printError("error: cannot read the corpus")
            throw ExitStatus.noInput.code
        }
        var texts: [String] = []
        for (index, line) in data.split(separator: 0x0A).enumerated() {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                  let text = object["text"] as? String else {
                printError("error: corpus line \(index + 1) has no \"text\" string; nothing was measured")
                throw ExitStatus.dataError.code
            }
            texts.append(text)
        }
        return texts
    }
}
