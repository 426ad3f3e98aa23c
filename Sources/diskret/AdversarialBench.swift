import Diskret
import Foundation

/// `diskret bench --adversarial`: times pathological notes at 100 KB and 1 MB and fails when one costs more
/// than `maximumRatio` times as much at ten times the size — the mark of a path that grows faster than
/// N log N. 'Dr. ' repeated had taken 0.75 / 2.84 / 12.1 / 47.3 s at 50 / 100 / 200 / 400 KB: each title
/// walked the whole chain of titles after it. A benchmark, not a timed unit test: its figures depend on the
/// machine and are recorded in docs/performance-adversarial.md.
enum AdversarialBench {
    /// A pathological input: a unit repeated to the size, filtered in one mode.
    struct Case {
        var name: String
        /// The text repeated (a note), or the generator of distinct words.
        var unit: String
        /// `filter`, `filter --jsonl` or `check`.
        var mode: Mode
    }

    /// How a case's note reaches the filter.
    enum Mode: String { case filter, jsonl, check }

    /// The largest ratio of 1 MB to 100 KB time that passes: 10 for linear work, ~12 for
    /// N log N, and room for the noise of a shared machine; a quadratic path gives ~100.
    static let maximumRatio = 15.0

    /// Title and honorific chains (the issue's), repeated words each rule can chain (names, particles,
    /// initials, hyphens, roles, places, dates, numbers, ages in brackets), distinct capitalised words, many
    /// persons sharing a surname (entity linking), one endless token and one name per line.
    static let cases: [Case] = {
        var cases: [Case] = []
        for (name, unit) in [("Dr. chain", "Dr. "), ("PD Dr. chain", "PD Dr. "), ("Prof. chain", "Prof. "), ("Dr.med. chain", "Dr.med. "),
                             ("Dr chain", "Dr ")] {
            cases.append(Case(name: name, unit: unit, mode: .filter))
        }
        cases.append(Case(name: "Dr. chain", unit: "Dr. ", mode: .jsonl))
        cases.append(Case(name: "Dr. chain", unit: "Dr. ", mode: .check))
        cases.append(Case(name: "PD Dr. chain", unit: "PD Dr. ", mode: .jsonl))
        cases.append(Case(name: "PD Dr. chain", unit: "PD Dr. ", mode: .check))
        for (name, unit) in [("Frau chain", "Frau "), ("Frau comma chain", "Frau , "), ("Frau colon chain", "Frau: "),
                             ("first name repeated", "Anna "), ("full name repeated", "Anna Müller "), ("particle chain", "von "),
                             ("Frau von chain", "Frau von "), ("initials", "A. "), ("hyphen chain", "Müller-"),
                             ("roles", "KM KV "), ("unknown capitalised word", "Xyzabc "), ("street and number", "Lindenstraße 12, "),
                             ("phone trigger", "Tel. 0170 "), ("dates", "12.03.2024 "), ("digits", "1 "), ("ages in brackets", "(12) "),
                             ("full stops", ". "), ("one name per line", "Frau Müller\n"), ("title before name", "Dr. med. Anna Müller, "),
                             ("distinct names", "{} "), ("distinct first names, one surname", "Frau {} Müller, "),
                             ("distinct names, bare surname", "Herr {} Müller und Müller. "),
                             ("distinct names, two shared words", "Anna {}, Müller {}, Anna Müller. "),
                             ("e-mail-like chain", "a.b@c."), ("identifier-like chain", "AB-12/"), ("capitals hyphen chain", "AB-"),
                             ("one endless token", "x")] {
            cases.append(Case(name: name, unit: unit, mode: .filter))
        }
        return cases
    }()

    /// The note of `bytes` bytes for `unit`, repeated; where the unit holds "{}", a new capitalised word takes
    /// its place in every repetition ("Bakodu", "Femira", …), so that no name repeats while the rest of the
    /// unit does (distinct persons sharing a surname, for instance).
    static func note(unit: String, bytes: Int) -> [UInt8] {
        var text: [UInt8] = []
        text.reserveCapacity(bytes + 64)
        let parts = unit.components(separatedBy: "{}").map { Array($0.utf8) }
        let consonants = Array("bdfgklmnprstvz".utf8), vowels = Array("aeiou".utf8)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        while true {
            var piece = parts[0]
            for part in parts.dropFirst() {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                var word = state >> 20
                for syllable in 0..<3 {
                    piece.append(consonants[Int(word % UInt64(consonants.count))] - (syllable == 0 ? 0x20 : 0))
                    word /= UInt64(consonants.count)
                    piece.append(vowels[Int(word % UInt64(vowels.count))])
                    word /= UInt64(vowels.count)
                }
                piece += part
            }
            guard text.count + piece.count <= bytes else { return text }
            text += piece
        }
    }

    /// The same note as one `--jsonl` line.
    static func jsonLine(_ note: [UInt8]) throws -> [UInt8] {
        Array((try FindingJSON.serialize(["id": "adversarial", "text": String(decoding: note, as: UTF8.self)]) + "\n").utf8)
    }

    /// Runs every case and prints a table; returns whether all passed. Timed in this process by the thread's
    /// CPU time, with a new session per run (as each `diskret filter` has), the fastest of `rounds` (at least
    /// 5) rounds: the work of the note
    /// alone, since a process's start-up (~20 ms, and noisy on a shared machine) is as long as the whole
    /// 100 KB run and would hide growth. A run that fails (a regex's time limit) fails its case.
    static func run(engine: Engine, rounds: Int, json: Bool) throws -> Bool {
        var rows: [[String: Any]] = []
        var passed = true
        if !json { print(String(format: "limit: time at 1 MB / time at 100 KB ≤ %.0f (in-process CPU time, fastest of %d rounds)", maximumRatio, max(rounds, 5))) }
        for item in cases {
            var seconds: [Double] = []
            var failure: String?
            for size in [100_000, 1_000_000] {
                let note = note(unit: item.unit, bytes: size)
                let text = String(decoding: note, as: UTF8.self)
                let line = item.mode == .jsonl ? Data(try jsonLine(note).dropLast()) : Data()
                var best = Double.infinity
                // At 100 KB a round is ten runs, averaged: a run takes a few milliseconds, in which a shared
                // machine's noise is as large as the run.
                let repeats = size == 100_000 ? 10 : 1
                for _ in 0..<max(rounds, 5) {
                  var total = 0.0
                  for _ in 0..<repeats {
                    let session: Session
                    do { session = try engine.makeSession() } catch { throw fail(error) }
                    let start = threadSeconds()
                    do throws(DiskretError) {
                        switch item.mode {
                        case .filter:
                            _ = try session.anonymize(text)
                        case .jsonl:
                            let record = try JSONLinesRecord(line: line, number: 1, byteOffset: 0)
                            let result = try session.anonymize(record.text)
                            _ = try record.outputBytes(text: result.text, findings: result.findings, number: 1)
                        case .check:
                            _ = try session.check(text)
                        }
                    } catch {
                        failure = error.description
                    }
                    total += threadSeconds() - start
                    if failure != nil { break }
                  }
                  best = min(best, total / Double(repeats))
                  if failure != nil { break }
                }
                seconds.append(best)
                if failure != nil { break }
            }
            let ratio = seconds.count == 2 ? seconds[1] / max(seconds[0], 1e-6) : .infinity
            let ok = failure == nil && ratio <= maximumRatio
            passed = passed && ok
            rows.append(["case": item.name, "mode": item.mode.rawValue, "seconds_100kb": seconds[0],
                         "seconds_1mb": seconds.count == 2 ? seconds[1] : -1, "ratio": ratio.isFinite ? ratio : -1,
                         "passed": ok, "error": failure ?? ""])
            if !json {
                if let failure {
                    print("\(pad(item.name, 26)) \(pad(item.mode.rawValue, 7)) FAILED: \(failure)")
                } else {
                    print(String(format: "%@ %@ 100 KB %7.3f s   1 MB %7.3f s   ratio %5.1f%@", pad(item.name, 26), pad(item.mode.rawValue, 7),
                                 seconds[0], seconds[1], ratio, ok ? "" : "   ABOVE \(Int(maximumRatio))"))
                }
            }
        }
        if json {
            print(try FindingJSON.serialize(["maximum_ratio": maximumRatio, "cases": rows, "passed": passed]))
        } else {
            print(passed ? "all \(cases.count) cases within the ratio" : "FAILED: a case grows faster than N log N or fails")
        }
        return passed
    }

    /// The CPU time of the calling thread: unlike wall time, it does not count the time other processes of
    /// a shared machine hold the core (at a load of five on two cores, wall-time ratios of linear cases
    /// varied from 10 to 16).
    private static func threadSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
