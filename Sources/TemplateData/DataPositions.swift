import Synchronization

/// The positions of a document's values and keys, computed at most once and only on demand.
///
/// Shared by copies of a ``DataDocument`` (a class, so the work done for one copy serves all).
final class DataPositions: Sendable {
    typealias Table = (values: [String: TextPosition], keys: [String: TextPosition])

    private let locate: (@Sendable () -> Table)?
    private let state: Mutex<Table?>

    init(values: [String: TextPosition], keys: [String: TextPosition]) {
        locate = nil
        state = Mutex((values, keys))
    }

    init(locate: @escaping @Sendable () -> Table) {
        self.locate = locate
        state = Mutex(nil)
    }

    var table: Table {
        state.withLock { table in
            if let table { return table }
            let computed = locate?() ?? ([:], [:])
            table = computed
            return computed
        }
    }
}
