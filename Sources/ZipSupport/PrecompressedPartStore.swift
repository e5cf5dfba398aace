import Synchronization

/// Package parts built and compressed once per key, for the writer that owns the store.
///
/// A writer keeps one store per part that depends only on the template (styles, numbering,
/// the font table); the key holds everything the part is made from, so a hit is exactly the
/// bytes building it again would give. The store belongs to the writer value: whoever keeps
/// the writer (a compiled template, a renderer) keeps its parts, and two of them never share
/// or evict each other's. There is no process-wide store.
///
/// ```swift
/// let styles = PrecompressedPartStore<StyleSheet>()          // a stored property of the writer
/// let part = try styles.part(for: document.styles) { ZipEntry(path: "styles.xml", data: stylesXML(document)) }
/// try ZipWriter.archive([.entry(mimetype), .copy(part.entry.path, from: part.compressed)])
/// ```
public final class PrecompressedPartStore<Key: Hashable & Sendable>: Sendable {
    /// A part as it was built, and compressed into its own in-memory archive.
    public struct Part: Sendable {
        public let entry: ZipEntry
        public let compressed: PrecompressedParts
    }

    private let limit: Int
    private let parts: Mutex<[Key: Part]>
    /// Digests of entries met once (see ``repeated(_:)``).
    private let seen = Mutex(Set<Int>())

    /// `limit`: how many distinct keys to keep. One template gives one key or a few; the store
    /// is emptied when it is full, so a writer fed ever-different documents stays bounded.
    public init(limit: Int = 16) {
        self.limit = limit
        parts = Mutex([:])
    }

    /// The part for `key`: the stored one, or the entry `make` returns, compressed and stored.
    public func part(for key: Key, make: () throws -> ZipEntry) throws -> Part {
        if let hit = parts.withLock({ $0[key] }) { return hit }
        let entry = try make()
        let made = Part(entry: entry, compressed: try PrecompressedParts([entry]))
        parts.withLock { parts in
            if parts.count >= limit { parts.removeAll(keepingCapacity: true) }
            parts[key] = made
        }
        return made
    }

    /// The compressed form of `entry` once the same entry has been asked for before, or nil
    /// the first time (the caller writes it as it is then). For small parts that are the same
    /// in most documents of a template (metadata, content types, settings) but are built per
    /// document: only their bytes say whether they repeat. Remembers a bounded set of digests.
    public func repeated(_ entry: ZipEntry) throws -> PrecompressedParts? where Key == ZipEntry {
        if let hit = parts.withLock({ $0[entry] }) { return hit.compressed }
        var hasher = Hasher()
        hasher.combine(entry)
        let digest = hasher.finalize()
        let seenBefore = seen.withLock { seen in
            if seen.count >= 4 * limit { seen.removeAll(keepingCapacity: true) }
            return !seen.insert(digest).inserted
        }
        guard seenBefore else { return nil }
        return try part(for: entry) { entry }.compressed
    }

    /// How many parts the store holds (for tests and diagnostics).
    public var count: Int { parts.withLock { $0.count } }
}
