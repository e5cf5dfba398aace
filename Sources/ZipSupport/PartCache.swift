import Synchronization

/// Remembers package parts by the inputs they are made from, so a part that is the same
/// for every document of a template (styles, settings) is serialized once per process.
///
/// Writers keep one cache per part as a `static let`; the key holds everything the part is
/// built from, so a hit is exactly the bytes that building it again would give.
///
/// ```swift
/// static let stylesCache = PartCache<StyleSheet>()
/// let styles = Self.stylesCache.bytes(for: document.styles) { Self.stylesPart(document.styles) }
/// ```
public final class PartCache<Key: Hashable & Sendable>: Sendable {
    private let limit: Int
    private let parts: Mutex<[Key: [UInt8]]>

    /// `limit`: how many distinct keys to keep (the cache is emptied when it is full;
    /// a process renders few distinct templates, so this rarely happens).
    public init(limit: Int = 32) {
        self.limit = limit
        parts = Mutex([:])
    }

    /// The cached bytes for `key`, or those `make` returns (then cached).
    public func bytes<E: Error>(for key: Key, make: () throws(E) -> [UInt8]) throws(E) -> [UInt8] {
        if let hit = parts.withLock({ $0[key] }) { return hit }
        let made = try make()
        parts.withLock { parts in
            if parts.count >= limit { parts.removeAll(keepingCapacity: true) }
            parts[key] = made
        }
        return made
    }
}
