/// A cheap pass over YAML text that estimates nesting depth before libyaml sees it.
///
/// Yams composes recursively, so a file of a million `[` (or `- - - …`) would exhaust the
/// stack before any limit could be checked on the composed nodes. The estimate counts
/// indentation levels, block entries opened on one line and flow brackets; it can only
/// over-count in contrived files (block scalars with staircase indentation are skipped).
/// The exact depth is checked again while converting nodes.
enum YAMLNestingScan {
    /// The byte offset where the estimated depth first exceeds `limit`, or nil.
    static func firstOffsetDeeperThan(_ depthLimit: Int, in bytes: UnsafeBufferPointer<UInt8>, start: Int) -> Int? {
        // A line's own indentation level is counted even when it holds only a flow collection
        // or a scalar continuation, so the estimate may be one too high: allow for that.
        let limit = depthLimit + 1
        var indents: [Int] = []
        var flowDepth = 0
        var quote: UInt8?  // open quoted scalar carried across lines
        var blockScalarParentIndent: Int?
        var lineStart = start
        let n = bytes.count
        let space = UInt8(ascii: " ")

        while lineStart < n {
            var lineEnd = lineStart
            while lineEnd < n, bytes[lineEnd] != 0x0A, bytes[lineEnd] != 0x0D { lineEnd += 1 }
            defer {
                lineStart = lineEnd
                if lineStart < n, bytes[lineStart] == 0x0D { lineStart += 1 }
                if lineStart < n, bytes[lineStart] == 0x0A { lineStart += 1 }
            }
            var i = lineStart
            while i < lineEnd, bytes[i] == space { i += 1 }
            let indent = i - lineStart
            let isBlank = i == lineEnd || (bytes[i] == UInt8(ascii: "#") && quote == nil)
            if let parent = blockScalarParentIndent {
                if isBlank || indent > parent { continue }
                blockScalarParentIndent = nil
            }
            if isBlank { continue }
            if quote == nil && flowDepth == 0 {
                while let last = indents.last, last > indent { indents.removeLast() }
                if indents.last != indent { indents.append(indent) }
            }
            var entries = 0
            if quote == nil && flowDepth == 0 {
                while i < lineEnd, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "?"),
                    i + 1 == lineEnd || bytes[i + 1] == space
                {
                    entries += 1
                    i += 1
                    while i < lineEnd, bytes[i] == space { i += 1 }
                }
            }
            var deepestFlow = flowDepth
            var lastSignificant: UInt8 = 0
            var previous: UInt8 = space
            while i < lineEnd {
                let byte = bytes[i]
                if let open = quote {
                    if open == UInt8(ascii: "\"") && byte == UInt8(ascii: "\\") {
                        i += 2
                        continue
                    }
                    if byte == open {
                        if open == UInt8(ascii: "'"), i + 1 < lineEnd, bytes[i + 1] == open {
                            i += 2
                            continue
                        }
                        quote = nil
                    }
                    previous = byte
                    i += 1
                    continue
                }
                let atTokenStart = [
                    space, 0x09, UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ","), UInt8(ascii: ":"),
                ]
                .contains(previous)
                switch byte {
                case UInt8(ascii: "#") where previous == space || previous == 0x09:
                    i = lineEnd
                    continue
                case UInt8(ascii: "\""), UInt8(ascii: "'"):
                    if atTokenStart { quote = byte }
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    flowDepth += 1
                    deepestFlow = max(deepestFlow, flowDepth)
                    if indents.count + entries + deepestFlow > limit { return i }
                case UInt8(ascii: "]"), UInt8(ascii: "}"):
                    flowDepth = max(0, flowDepth - 1)
                default:
                    break
                }
                if byte != space && byte != 0x09 { lastSignificant = byte }
                previous = byte
                i += 1
            }
            if indents.count + entries + deepestFlow > limit { return lineStart + indent }
            if quote == nil, flowDepth == 0, isBlockScalarIndicator(lastSignificant, line: bytes, lineStart, lineEnd) {
                blockScalarParentIndent = indent
            }
        }
        return nil
    }

    /// True when the line ends with `|` or `>` (plus optional indentation/chomping indicators).
    private static func isBlockScalarIndicator(
        _ last: UInt8, line bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int
    ) -> Bool {
        var j = end - 1
        // Strip a trailing comment and spaces.
        if let hash = (start..<end).last(where: {
            bytes[$0] == UInt8(ascii: "#") && $0 > start && bytes[$0 - 1] == 0x20
        }) {
            j = hash - 1
        }
        while j >= start, bytes[j] == 0x20 || bytes[j] == 0x09 { j -= 1 }
        while j >= start,
            bytes[j] == UInt8(ascii: "+") || bytes[j] == UInt8(ascii: "-")
                || (bytes[j] >= UInt8(ascii: "1") && bytes[j] <= UInt8(ascii: "9"))
        {
            j -= 1
        }
        guard j >= start, bytes[j] == UInt8(ascii: "|") || bytes[j] == UInt8(ascii: ">") else { return false }
        return j == start || bytes[j - 1] == 0x20
    }
}
