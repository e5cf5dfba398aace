public import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a batch in a worker process, so that a record which stops the process with a signal
/// (a bug in Formwright, or memory exhausted) fails alone while the others are rendered.
///
/// The worker is the same program with the same arguments and ``BatchWorkerPlan`` in its
/// environment; it prints written paths and problems itself and reports each record's start
/// and end on a pipe. When it dies by a crash signal, the records it was working on are
/// suspects: a new worker renders the rest of the batch without them, then each suspect is
/// rendered alone in a worker of its own, and the one that stops that worker too is reported
/// as a failed record — an error in the summary, not a signal for the whole batch.
///
/// ```swift
/// let supervisor = BatchSupervisor(executable: URL(fileURLWithPath: "/proc/self/exe"),
///                                  arguments: Array(CommandLine.arguments.dropFirst()))
/// let outcome = try supervisor.run { failure in print(failure) }
/// ```
public struct BatchSupervisor: Sendable {
    public let executable: URL
    public let arguments: [String]
    public let environment: [String: String]

    public init(executable: URL, arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
    }

    /// How the batch ended.
    public struct Outcome: Sendable {
        /// The totals over all workers, or nil when no worker got as far as the batch (a
        /// usage error it printed, for example).
        public let summary: BatchSummary?
        /// The exit status the program should end with.
        public let status: Int32
        /// A signal from outside (Ctrl-C, `kill`) that stopped the worker: end with it too.
        public let externalSignal: Int32?
    }

    /// What the workers report, for the caller to print (as an in-process batch's events).
    public enum Event: Sendable {
        /// The batch makes this many documents (sent once, by the first worker).
        case started(documents: Int)
        case written(path: String)
        /// Documents not written, and why, as the CLI prints it.
        case failed(description: String, documents: Int)
        case warning(String)
    }

    /// What the supervisor knows of the records.
    private struct Progress {
        var records = 0
        var documentsPerRecord = 1
        var locations: [Int: String] = [:]
        /// Rendered, or failed before rendering (reported by the worker).
        var done = Set<Int>()
        var loading = Set<Int>()
        var rendering = Set<Int>()
        /// Documents written, by record and slot: a suspect rendered again makes only the others.
        var writtenDocuments: [Int: Set<Int>] = [:]
        var written = 0, failed = 0, replaced = 0, converterStarts = 0
        /// Whether a worker got as far as the batch (not stopped by a usage error, say).
        var started = false
    }

    /// Runs the batch, calling `events` (on this thread) as the workers report.
    public func run(events: (Event) -> Void) throws(FormwrightError) -> Outcome {
        func failure(_ failure: BatchFailure) {
            events(.failed(description: failure.description, documents: failure.documentCount))
        }
        let started = ContinuousClock.now
        var progress = Progress()
        var suspects: [Int] = [], stoppers = Set<Int>()
        var status: Int32 = 0
        var isRerun = false

        func summary() -> BatchSummary? {
            guard progress.started else { return nil }
            return BatchSummary(
                written: progress.written, failedDocuments: progress.failed,
                replaced: progress.replaced, duration: ContinuousClock.now - started, converterStarts: progress.converterStarts)
        }

        // The batch without the suspects, until a worker gets through it.
        while true {
            let plan = BatchWorkerPlan(reportDescriptor: 3, planOnly: progress.done, skip: Set(suspects).union(stoppers), isRerun: isRerun,
                                       written: progress.writtenDocuments.filter { !progress.done.contains($0.key) })
            let ending = try runWorker(plan, progress: &progress, events: events)
            isRerun = true
            switch ending {
            case .exited(let code):
                status = max(status, code)
            case .signalled(let signal) where !Self.isCrash(signal):
                return Outcome(summary: summary(), status: 128 + signal, externalSignal: signal)
            case .signalled(let signal):
                let inFlight = (progress.rendering.isEmpty ? progress.loading : progress.rendering).subtracting(progress.done)
                guard !inFlight.isEmpty else {
                    let left = progress.records - progress.done.count - stoppers.count - suspects.count
                    failure(BatchFailure(location: "batch", error: FormwrightError(.io,
                        "the batch stopped with \(Self.name(of: signal)) outside any record; \(max(0, left)) record(s) were not rendered\n  hint: this is a bug in Formwright: please report it (see SECURITY.md)"),
                        documentCount: max(0, left) * progress.documentsPerRecord))
                    progress.failed += max(0, left) * progress.documentsPerRecord
                    return Outcome(summary: summary(), status: 1, externalSignal: nil)
                }
                suspects += inFlight.sorted()
                continue
            }
            break
        }

        // Each suspect alone: the one that stops its worker again is the record at fault.
        for (n, suspect) in suspects.enumerated() {
            let others = Set(suspects[(n + 1)...]).union(stoppers)
            let plan = BatchWorkerPlan(reportDescriptor: 3, planOnly: progress.done, skip: others, isRerun: true,
                                       written: progress.writtenDocuments.filter { $0.key == suspect })
            switch try runWorker(plan, progress: &progress, events: events) {
            case .exited(let code):
                status = max(status, code)
            case .signalled(let signal) where !Self.isCrash(signal):
                return Outcome(summary: summary(), status: 128 + signal, externalSignal: signal)
            case .signalled(let signal):
                stoppers.insert(suspect)
                progress.done.insert(suspect)
                let phase = progress.rendering.contains(suspect) ? "rendering" : "loading"
                failure(BatchFailure(
                    location: progress.locations[suspect] ?? "record \(suspect + 1)",
                    error: FormwrightError(.data,
                        "Formwright stopped with \(Self.name(of: signal)) while \(phase) this record; the other records were rendered\n  hint: this is a bug in Formwright: please report it with this record (see SECURITY.md)"),
                    documentCount: progress.documentsPerRecord))
                progress.failed += progress.documentsPerRecord
                status = max(status, 1)
            }
        }
        return Outcome(summary: summary(), status: status, externalSignal: nil)
    }

    private enum Ending { case exited(Int32), signalled(Int32) }

    /// Signals that mean the worker broke, not that someone stopped it.
    static func isCrash(_ signal: Int32) -> Bool {
        [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGSYS, SIGKILL].contains(signal)
    }

    static func name(of signal: Int32) -> String {
        let names: [Int32: String] = [
            SIGSEGV: "SIGSEGV", SIGBUS: "SIGBUS", SIGILL: "SIGILL", SIGFPE: "SIGFPE", SIGABRT: "SIGABRT",
            SIGTRAP: "SIGTRAP", SIGSYS: "SIGSYS", SIGKILL: "SIGKILL (out of memory?)",
        ]
        return names[signal] ?? "signal \(signal)"
    }

    /// Starts a worker with `plan`, reads its reports until it ends, and reaps it.
    private func runWorker(_ plan: BatchWorkerPlan, progress: inout Progress, events: (Event) -> Void) throws(FormwrightError) -> Ending {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw FormwrightError(.io, "cannot start a batch worker: \(String(cString: strerror(errno)))") }
        let (readEnd, writeEnd) = (fds[0], fds[1])
        _ = fcntl(readEnd, F_SETFD, FD_CLOEXEC)
        _ = fcntl(writeEnd, F_SETFD, FD_CLOEXEC)
        // The lifeline: the worker reads it, this process never writes it, and when this
        // process dies the worker's read returns and it ends too.
        guard pipe(&fds) == 0 else {
            close(readEnd)
            close(writeEnd)
            throw FormwrightError(.io, "cannot start a batch worker: \(String(cString: strerror(errno)))")
        }
        let (lifelineRead, lifelineWrite) = (fds[0], fds[1])
        _ = fcntl(lifelineRead, F_SETFD, FD_CLOEXEC)
        _ = fcntl(lifelineWrite, F_SETFD, FD_CLOEXEC)
        defer { close(lifelineWrite) }
        // One byte back for each written document once its path is printed.
        guard pipe(&fds) == 0 else {
            close(readEnd)
            close(writeEnd)
            close(lifelineRead)
            throw FormwrightError(.io, "cannot start a batch worker: \(String(cString: strerror(errno)))")
        }
        let (ackRead, ackWrite) = (fds[0], fds[1])
        _ = fcntl(ackRead, F_SETFD, FD_CLOEXEC)
        _ = fcntl(ackWrite, F_SETFD, FD_CLOEXEC)
        defer { close(ackWrite) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // dup2 clears close-on-exec on the copy: the worker gets the write end as descriptor 3.
        posix_spawn_file_actions_adddup2(&actions, writeEnd, plan.reportDescriptor)
        posix_spawn_file_actions_adddup2(&actions, lifelineRead, plan.reportDescriptor + 1)
        posix_spawn_file_actions_adddup2(&actions, ackRead, plan.reportDescriptor + 2)
        var env = environment
        env[BatchWorkerPlan.environmentKey] = plan.environmentValue
        // The failure is reported as a failed record; Swift's crash report (hundreds of lines)
        // only when asked for with SWIFT_BACKTRACE.
        if env["SWIFT_BACKTRACE"] == nil { env["SWIFT_BACKTRACE"] = "enable=no" }
        let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        let envp = env.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable.path, &actions, nil, argv, envp)
        close(writeEnd)
        close(lifelineRead)
        close(ackRead)
        guard spawned == 0 else {
            close(readEnd)
            throw FormwrightError(.io, "cannot start a batch worker (\(executable.path)): \(String(cString: strerror(spawned)))")
        }
        progress.loading = []
        progress.rendering = []

        var pending: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(readEnd, $0.baseAddress!, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { break }
            pending += buffer[..<n]
            while let newline = pending.firstIndex(of: 0x0A) {
                let line = String(decoding: pending[..<newline], as: UTF8.self)
                pending.removeSubrange(...newline)
                guard let report = BatchWorkerReport(line: Substring(line)) else { continue }
                apply(report, to: &progress, events: events)
                if case .written = report {
                    var byte: UInt8 = 1
                    while write(ackWrite, &byte, 1) < 0 && errno == EINTR {}
                }
            }
        }
        close(readEnd)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // WIFSIGNALED / WTERMSIG / WEXITSTATUS, which Swift does not import (macros).
        let signal = status & 0x7F
        if signal != 0 && signal != 0x7F { return .signalled(signal) }
        return .exited((status >> 8) & 0xFF)
    }

    private func apply(_ report: BatchWorkerReport, to progress: inout Progress, events: (Event) -> Void) {
        switch report {
        case .batch(let records, let perRecord):
            if !progress.started { events(.started(documents: records * perRecord)) }
            progress.started = true
            progress.records = records
            progress.documentsPerRecord = perRecord
        case .loading(let i, let location):
            progress.loading.insert(i)
            progress.locations[i] = location
        case .loaded(let i, let failed):
            progress.loading.remove(i)
            if failed { progress.done.insert(i) }
        case .rendering(let i):
            progress.rendering.insert(i)
        case .rendered(let i):
            progress.rendering.remove(i)
            progress.done.insert(i)
        case .written(let record, let slot, let replacing, let path):
            progress.written += 1
            if replacing { progress.replaced += 1 }
            if let record, let slot { progress.writtenDocuments[record, default: []].insert(slot) }
            events(.written(path: path))
        case .failed(let documents, let description):
            progress.failed += documents
            events(.failed(description: description, documents: documents))
        case .warning(let text):
            events(.warning(text))
        case .converterStarts(let starts):
            progress.converterStarts += starts
        }
    }
}
