import Foundation
import Synchronization

/// Runs `body(index)` for every index of `0..<count` on `workers` threads.
///
/// Plain threads rather than Swift tasks: rendering is blocking CPU work plus file writes,
/// `--jobs` must mean that many workers whatever the cooperative pool's width, and each
/// thread gets a main-thread-sized stack for deeply nested data.
enum ParallelWorkers {
    private final class Counter: Sendable {
        let next = Atomic<Int>(0)
    }

    static func forEach(_ count: Int, workers: Int, _ body: @escaping @Sendable (Int) -> Void) {
        guard count > 0 else { return }
        let workers = max(1, min(workers, count))
        let counter = Counter()
        let group = DispatchGroup()
        for _ in 0..<workers {
            group.enter()
            let thread = Thread {
                while true {
                    let index = counter.next.wrappingAdd(1, ordering: .relaxed).oldValue
                    guard index < count else { break }
                    body(index)
                }
                group.leave()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        group.wait()
    }
}
