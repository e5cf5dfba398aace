import Foundation
import Synchronization

/// A one-line progress bar on standard error: done/total, documents per second and the time
/// left. Drawn only when standard error is a terminal (so logs and pipes stay clean), at
/// most ten times a second, from any thread.
///
/// ```swift
/// let progress = ProgressBar(total: 10_000)
/// progress.advance()                      // from any worker
/// progress.message("error: cases.csv:12: …")  // printed above the bar
/// progress.finish()
/// ```
final class ProgressBar: Sendable {
    let total: Int
    /// False when standard error is not a terminal: nothing is drawn.
    let isEnabled: Bool

    private struct State {
        var done = 0
        var lastDraw: ContinuousClock.Instant?
        var shown = false
    }

    private let state = Mutex(State())
    private let start = ContinuousClock.now

    init(total: Int, enabled: Bool = isatty(STDERR_FILENO) == 1) {
        self.total = total
        self.isEnabled = enabled
    }

    /// Counts `count` more documents done (written or failed).
    func advance(by count: Int = 1) {
        state.withLock { state in
            state.done += count
            guard isEnabled else { return }
            let now = ContinuousClock.now
            if let last = state.lastDraw, now - last < .milliseconds(100), state.done < total { return }
            state.lastDraw = now
            state.shown = true
            Self.write("\r" + Self.line(done: state.done, total: total, elapsed: now - start) + "\u{1B}[K")
        }
    }

    /// Prints a message on its own line(s) above the bar, on standard error or (for output
    /// that belongs on standard output, when that is the same terminal) standard output.
    func message(_ text: String, toStandardOutput: Bool = false) {
        state.withLock { state in
            if state.shown { Self.write("\r\u{1B}[K") }
            let line = Data((text.hasSuffix("\n") ? text : text + "\n").utf8)
            if toStandardOutput { FileHandle.standardOutput.write(line) } else { FileHandle.standardError.write(line) }
            if state.shown { Self.write(Self.line(done: state.done, total: total, elapsed: .now - start)) }
        }
    }

    /// Removes the bar, leaving the terminal as it was.
    func finish() {
        state.withLock { state in
            if state.shown { Self.write("\r\u{1B}[K") }
            state.shown = false
        }
    }

    /// The bar's text: `[#########-----------]  450/1000  312.4 docs/s  ETA 2 s`.
    static func line(done: Int, total: Int, elapsed: Duration, width: Int = 24) -> String {
        let fraction = total > 0 ? min(1, Double(done) / Double(total)) : 1
        let filled = Int((fraction * Double(width)).rounded(.down))
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let rate = seconds > 0 ? Double(done) / seconds : 0
        var text = "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "] "
        text += "\(done)/\(total)  " + String(format: "%.1f", rate) + " docs/s"
        if rate > 0 && done < total {
            text += "  ETA " + formatSeconds(Double(total - done) / rate)
        }
        return text
    }

    static func formatSeconds(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.up))
        if whole < 60 { return "\(whole) s" }
        if whole < 3600 { return "\(whole / 60) min \(whole % 60) s" }
        return "\(whole / 3600) h \(whole % 3600 / 60) min"
    }

    private static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
