// Formwright benchmarks. Run in release:
//
//   swift run -c release formwright-bench [NAME ...]
//
// Each benchmark prints one line: name, iterations, time per operation. Figures and the
// machine they were measured on are recorded in docs/PERFORMANCE.md. Speed targets live
// here, never in timed unit tests.
import Foundation
import Localization

struct Benchmark {
    let name: String
    let summary: String
    let run: () -> Void
}

/// Runs `body` repeatedly for at least `minimum` seconds (after a warm-up) and returns the
/// median of five timed batches, in nanoseconds per call.
func measure(iterations: Int, _ body: () -> Void) -> Double {
    for _ in 0..<min(iterations, 1000) { body() }
    var samples: [Double] = []
    for _ in 0..<5 {
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<iterations { body() }
        let end = DispatchTime.now().uptimeNanoseconds
        samples.append(Double(end - start) / Double(iterations))
    }
    return samples.sorted()[2]
}

func report(_ name: String, _ nanoseconds: Double, iterations: Int) {
    let per = nanoseconds >= 1_000_000 ? String(format: "%.2f ms", nanoseconds / 1_000_000)
        : nanoseconds >= 1_000 ? String(format: "%.3f µs", nanoseconds / 1_000) : String(format: "%.0f ns", nanoseconds)
    print("\(name.padding(toLength: 28, withPad: " ", startingAt: 0)) \(String(iterations).padding(toLength: 9, withPad: " ", startingAt: 0)) \(per) per op")
}

/// Formatting an already-parsed message with two arguments, one of them a plural.
let messageBenchmark = Benchmark(name: "message-format", summary: "ICU message, 2 arguments, 1 plural (ro)") {
    let message = try! MessageFormat("{name} are {count, plural, one {# copil} few {# copii} other {# de copii}} în grijă.")
    let counts: [Decimal] = [1, 3, 20, 101]
    var i = 0
    var sink = 0
    let iterations = 200_000
    let ns = measure(iterations: iterations) {
        let text = try! message.format(["name": .string("Ana"), "count": .number(counts[i & 3])], locale: .ro)
        sink &+= text.utf8.count
        i &+= 1
    }
    report("message-format", ns, iterations: iterations)
    if sink == 42 { print("") }  // keeps the work observable
}

let benchmarks = [messageBenchmark]
let wanted = Set(CommandLine.arguments.dropFirst())
if wanted.contains("--help") || wanted.contains("-h") {
    print("usage: formwright-bench [NAME ...]\n")
    for b in benchmarks { print("  \(b.name.padding(toLength: 20, withPad: " ", startingAt: 0)) \(b.summary)") }
    exit(0)
}
let unknown = wanted.subtracting(benchmarks.map(\.name))
if !unknown.isEmpty {
    FileHandle.standardError.write(Data("unknown benchmark(s): \(unknown.sorted().joined(separator: ", "))\n".utf8))
    exit(2)
}
#if DEBUG
FileHandle.standardError.write(Data("warning: debug build; run with `swift run -c release formwright-bench`\n".utf8))
#endif
for benchmark in benchmarks where wanted.isEmpty || wanted.contains(benchmark.name) {
    benchmark.run()
}
