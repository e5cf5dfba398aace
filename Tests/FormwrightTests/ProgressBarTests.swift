@testable import formwright
import Testing

/// The terminal progress bar is the command line's, not the library's.
@Suite struct ProgressBarTests {
    @Test func progressLineShowsCountRateAndTimeLeft() {
        let line = ProgressBar.line(done: 250, total: 1000, elapsed: .seconds(2), width: 10)
        #expect(line == "[##--------] 250/1000  125.0 docs/s  ETA 6 s")
        #expect(ProgressBar.line(done: 1000, total: 1000, elapsed: .seconds(4), width: 4) == "[####] 1000/1000  250.0 docs/s")
    }

    @Test func progressIsSilentWhenNotATerminal() {
        // The test runner's standard error is a pipe or a file, never a terminal.
        #expect(ProgressBar(total: 3).isEnabled == false)
    }
}
