import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a worker process of an isolated batch does (see ``BatchSupervisor``): which records
/// it renders, which it only plans, and where it reports.
///
/// A record is *planned* (loaded, validated and named) so that names taken by documents an
/// earlier worker already wrote stay taken: the first record in batch order keeps a name,
/// whichever process renders it. Records are numbered by their position in the batch, from 0.
public struct BatchWorkerPlan: Sendable, Hashable {
    /// The environment variable that makes `formwright render` a worker.
    public static let environmentKey = "FORMWRIGHT_BATCH_WORKER"

    /// The file descriptor the worker writes its report lines to.
    public var reportDescriptor: Int32
    /// Records planned but not rendered (done by an earlier worker); their problems are not
    /// reported again.
    public var planOnly: Set<Int>
    /// Records neither planned nor rendered (suspected of stopping an earlier worker).
    public var skip: Set<Int>
    /// Whether an earlier worker already reported the batch's start: the problems found
    /// before any record (a record file that cannot be read, warnings) are not repeated.
    public var isRerun: Bool
    /// Documents of records to render that an earlier worker wrote before it died, by record
    /// and slot (locale × format): not made, printed or counted again.
    public var written: [Int: Set<Int>]

    public init(reportDescriptor: Int32, planOnly: Set<Int> = [], skip: Set<Int> = [], isRerun: Bool = false, written: [Int: Set<Int>] = [:]) {
        self.reportDescriptor = reportDescriptor
        self.planOnly = planOnly
        self.skip = skip
        self.isRerun = isRerun
        self.written = written.filter { !$0.value.isEmpty }
    }

    /// `fd=3 rerun=1 plan=0-15,17 skip=16 written=18:0,2/19:1`.
    public var environmentValue: String {
        let documents = written.keys.sorted().map { "\($0):" + Self.ranges(written[$0]!) }.joined(separator: "/")
        return "fd=\(reportDescriptor) rerun=\(isRerun ? 1 : 0) plan=\(Self.ranges(planOnly)) skip=\(Self.ranges(skip)) written=\(documents)"
    }

    /// Reads ``environmentValue``; nil for anything else.
    public init?(environmentValue text: String) {
        var fields: [String: String] = [:]
        for part in text.split(separator: " ") {
            let pair = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pair.count == 2 else { return nil }
            fields[String(pair[0])] = String(pair[1])
        }
        guard let fd = fields["fd"].flatMap({ Int32($0) }), fd > 2,
              let plan = fields["plan"].flatMap(Self.parseRanges), let skip = fields["skip"].flatMap(Self.parseRanges)
        else { return nil }
        var written: [Int: Set<Int>] = [:]
        for entry in (fields["written"] ?? "").split(separator: "/") {
            let pair = entry.split(separator: ":", maxSplits: 1)
            guard pair.count == 2, let record = Int(pair[0]), let slots = Self.parseRanges(String(pair[1])) else { return nil }
            written[record] = slots
        }
        self.init(reportDescriptor: fd, planOnly: plan, skip: skip, isRerun: fields["rerun"] == "1", written: written)
    }

    /// The plan in this process's environment, if it is a worker.
    public static var current: BatchWorkerPlan? {
        ProcessInfo.processInfo.environment[environmentKey].flatMap { BatchWorkerPlan(environmentValue: $0) }
    }

    static func ranges(_ set: Set<Int>) -> String {
        let sorted = set.sorted()
        var parts: [String] = [], index = 0
        while index < sorted.count {
            var end = index
            while end + 1 < sorted.count, sorted[end + 1] == sorted[end] + 1 { end += 1 }
            parts.append(end == index ? "\(sorted[index])" : "\(sorted[index])-\(sorted[end])")
            index = end + 1
        }
        return parts.joined(separator: ",")
    }

    static func parseRanges(_ text: String) -> Set<Int>? {
        var result = Set<Int>()
        for part in text.split(separator: ",") {
            let bounds = part.split(separator: "-", maxSplits: 1).map { Int($0) }
            guard let low = bounds.first ?? nil, low >= 0 else { return nil }
            let high = bounds.count == 2 ? bounds[1] : low
            guard let high, high >= low, high - low < 100_000_000 else { return nil }
            result.formUnion(low...high)
        }
        return result
    }
}

/// One line of a worker's report to its supervisor.
enum BatchWorkerReport: Sendable, Hashable {
    /// The batch's size, sent first: records, and documents per record (locales × formats).
    case batch(records: Int, documentsPerRecord: Int)
    /// Record `index` (from 0) at `location` starts loading.
    case loading(Int, location: String)
    /// Record `index` is loaded and named (`planned`) or failed to load (`failed`: done).
    case loaded(Int, failed: Bool)
    case rendering(Int)
    case rendered(Int)
    /// A document was written (`replacing` a file of the same name) at `path`: document
    /// `slot` (locale × format) of `record`, or a converted one (PDF, PNG) without them.
    case written(record: Int?, slot: Int?, replacing: Bool, path: String)
    /// Documents that failed, and why (as the CLI prints it).
    case failed(documents: Int, description: String)
    case warning(String)
    /// LibreOffice processes started, sent at the end.
    case converterStarts(Int)

    var line: String {
        switch self {
        case .batch(let records, let n): "N \(records) \(n)"
        case .loading(let i, let location):
            // One line, and short enough for one atomic write to a pipe.
            "L \(i) " + String(location.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.prefix(1024))
        case .loaded(let i, let failed): failed ? "x \(i)" : "l \(i)"
        case .rendering(let i): "R \(i)"
        case .rendered(let i): "r \(i)"
        case .written(let record, let slot, let replacing, let path):
            (replacing ? "W" : "w") + " \(record.map(String.init) ?? "-") \(slot.map(String.init) ?? "-") " + Self.escaped(path)
        case .failed(let n, let description): "f \(n) " + Self.escaped(description)
        case .warning(let text): "v " + Self.escaped(text)
        case .converterStarts(let n): "c \(n)"
        }
    }

    /// Text on one line: `\` as `\\`, and control characters as `\u{…}`.
    static func escaped(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar == "\\" { result += "\\\\" } else if scalar.value < 0x20 || scalar.value == 0x7F { result += "\\u{\(String(scalar.value, radix: 16))}" } else { result.unicodeScalars.append(scalar) }
        }
        return result
    }

    static func unescaped(_ text: Substring) -> String? {
        var result = "", scalars = text.unicodeScalars[...]
        while let scalar = scalars.popFirst() {
            guard scalar == "\\" else { result.unicodeScalars.append(scalar); continue }
            guard let next = scalars.popFirst() else { return nil }
            if next == "\\" { result += "\\"; continue }
            guard next == "u", scalars.popFirst() == "{", let close = scalars.firstIndex(of: "}"),
                  let value = UInt32(String(String.UnicodeScalarView(scalars[..<close])), radix: 16), let decoded = Unicode.Scalar(value)
            else { return nil }
            result.unicodeScalars.append(decoded)
            scalars = scalars[scalars.index(after: close)...]
        }
        return result
    }

    init?(line: Substring) {
        let parts = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
        guard let tag = parts.first else { return nil }
        let rest = parts.count > 1 ? parts[1] : ""
        if tag == "L" {
            let fields = rest.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
            guard let i = fields.first.flatMap({ Int($0) }) else { return nil }
            self = .loading(i, location: fields.count > 1 ? String(fields[1]) : "")
            return
        }
        if tag == "w" || tag == "W" {
            let fields = rest.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3, let path = Self.unescaped(fields[2]) else { return nil }
            self = .written(record: Int(fields[0]), slot: Int(fields[1]), replacing: tag == "W", path: path)
            return
        }
        if tag == "f" {
            let fields = rest.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
            guard fields.count == 2, let n = Int(fields[0]), let text = Self.unescaped(fields[1]) else { return nil }
            self = .failed(documents: n, description: text)
            return
        }
        if tag == "v" {
            guard let text = Self.unescaped(rest) else { return nil }
            self = .warning(text)
            return
        }
        let numbers = rest.split(separator: " ").compactMap { Int($0) }
        switch (tag, numbers.count) {
        case ("c", 1): self = .converterStarts(numbers[0])
        case ("N", 2): self = .batch(records: numbers[0], documentsPerRecord: numbers[1])
        case ("l", 1): self = .loaded(numbers[0], failed: false)
        case ("x", 1): self = .loaded(numbers[0], failed: true)
        case ("R", 1): self = .rendering(numbers[0])
        case ("r", 1): self = .rendered(numbers[0])
        default: return nil
        }
    }
}

/// The worker's end of the report pipe.
public final class BatchWorkerChannel: Sendable {
    public let plan: BatchWorkerPlan
    /// Long lines (a failure with many problems) take several writes: one line at a time.
    private let writing = Mutex(())

    /// Opens the channel of ``BatchWorkerPlan/current``. The descriptor is closed on exec, so
    /// LibreOffice and other children do not hold the pipe open.
    ///
    /// The descriptor after it (report + 1) is the supervisor's lifeline: nothing is ever
    /// written to it, and a read returns when the supervisor is gone (killed, say), whatever
    /// the worker is doing then (waiting for LibreOffice, for example): the worker ends too,
    /// and its LibreOffice processes with it. The next (report + 2) brings one byte for each
    /// written document the supervisor has printed: a worker waits for it, so it is never
    /// more than one document per thread ahead of what was printed.
    public init(plan: BatchWorkerPlan) {
        self.plan = plan
        _ = fcntl(plan.reportDescriptor, F_SETFD, FD_CLOEXEC)
        _ = fcntl(plan.reportDescriptor + 2, F_SETFD, FD_CLOEXEC)
        let lifeline = plan.reportDescriptor + 1
        guard fcntl(lifeline, F_SETFD, FD_CLOEXEC) == 0 else { return }
        let watcher = Thread {
            var byte: UInt8 = 0
            while read(lifeline, &byte, 1) < 0 && errno == EINTR {}
            _exit(1)
        }
        watcher.start()
    }

    func send(_ report: BatchWorkerReport) {
        let bytes = Array((report.line + "\n").utf8)
        let awaitsPrinting: Bool
        if case .written = report { awaitsPrinting = true } else { awaitsPrinting = false }
        writing.withLock { _ in
            bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = write(plan.reportDescriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 && errno == EINTR { continue }
                // The supervisor is gone (killed): a worker does not go on alone.
                if n < 0 && errno == EPIPE { _exit(1) }
                guard n > 0 else { return }
                offset += n
            }
            }
            guard awaitsPrinting else { return }
            var byte: UInt8 = 0
            while true {
                let n = read(plan.reportDescriptor + 2, &byte, 1)
                if n < 0 && errno == EINTR { continue }
                // No supervisor to print it: end, as with the lifeline.
                if n <= 0 { _exit(1) }
                return
            }
        }
    }

    /// Reports a batch event instead of printing it.
    func send(event: BatchRenderer.Event) {
        let report: BatchWorkerReport
        switch event {
        case .written(let url): report = .written(record: nil, slot: nil, replacing: false, path: TemplatePackage.displayPath(url))
        case .failed(let failure): report = .failed(documents: failure.documentCount, description: failure.description)
        case .warning(let text): report = .warning(text)
        }
        send(report)
    }

    /// Ends the report: the supervisor prints the totals of all workers.
    public func finish(_ summary: BatchSummary) {
        send(.converterStarts(summary.converterStarts))
    }
}

extension BatchWorkerChannel {
    /// Debug builds only, for the tests of isolation: `FORMWRIGHT_DEBUG_TRAP=render:3,load:5`
    /// stops the process with a signal when record 3 (counted from 1, as in output names) is
    /// rendered or record 5 is loaded — as a bug in Formwright would. Release builds have no
    /// such switch.
    static func debugTrap(record index: Int, phase: String) {
        #if DEBUG
        guard let spec = ProcessInfo.processInfo.environment["FORMWRIGHT_DEBUG_TRAP"],
              spec.split(separator: ",").contains(Substring("\(phase):\(index)"))
        else { return }
        if phase == "load" {
            // A bad pointer, as a memory bug would make (SIGSEGV).
            UnsafeMutablePointer<Int>(bitPattern: 0x10)!.pointee = index
        }
        fatalError("debug trap on record \(index)")  // a failed precondition (SIGILL)
        #endif
    }
}
