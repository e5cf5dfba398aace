/// Where the validator is in the data, as a chain of keys and indices.
///
/// The escaped JSON Pointer text is built only when a problem is reported: building it for
/// every value of a 10 000-row table cost more than checking the values.
indirect enum PointerPath: CustomStringConvertible {
    case root
    case member(PointerPath, String)
    case element(PointerPath, Int)

    /// The escaped pointer, as in ``DataError/pointer`` (`/rows/3/name`; "" for the root).
    var description: String {
        var steps: [String] = []
        var current = self
        while true {
            switch current {
            case .root:
                return steps.reversed().map { "/" + $0 }.joined()
            case .member(let parent, let key):
                steps.append(JSONPointer.escape(key))
                current = parent
            case .element(let parent, let index):
                steps.append(String(index))
                current = parent
            }
        }
    }
}
