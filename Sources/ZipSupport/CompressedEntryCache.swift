import Synchronization

/// Remembers the compressed form of entries that recur unchanged from one archive to the next.
///
/// A template's static parts (styles, manifest, settings, font table) are the same bytes in
/// every document rendered from it. Hashing an entry costs a small fraction of deflating it,
/// so ``ZipWriter`` looks each entry up here first: an entry seen a second time is compressed
/// once more and kept, and from then on reused. Entries seen only once (the content of each
/// document) are just remembered by hash, in a bounded table that is emptied when full. The
/// cached bytes are exactly what compressing again would give, so output is unchanged.
final class CompressedEntryCache: Sendable {
    static let shared = CompressedEntryCache()

    /// Entries larger than this are not cached: they are the documents' content, not styles.
    static let maximumEntrySize = 512 * 1024
    private static let maximumCompressed = 64
    private static let maximumSeen = 1024

    private struct Key: Hashable {
        let path: String
        let compression: ZipEntry.Compression
        let digest: Int
    }

    /// The entry with the bytes it was made from, to tell a real hit from a hash collision.
    private struct CachedEntry {
        let entry: CompressedZipEntry
        let source: [UInt8]
    }

    private struct State {
        var compressed: [Key: CachedEntry] = [:]
        var seen: Set<Key> = []
    }

    private let state = Mutex(State())

    func compressed(_ entry: ZipEntry) throws(ZipError) -> CompressedZipEntry {
        guard entry.data.count <= Self.maximumEntrySize else { return try entry.compressed() }
        var hasher = Hasher()
        entry.data.withUnsafeBytes { hasher.combine(bytes: $0) }
        let key = Key(path: entry.path, compression: entry.compression, digest: hasher.finalize())
        let (cached, seenBefore) = state.withLock { state -> (CachedEntry?, Bool) in
            if let hit = state.compressed[key] { return (hit, true) }
            if state.seen.count >= Self.maximumSeen { state.seen.removeAll(keepingCapacity: true) }
            return (nil, !state.seen.insert(key).inserted)
        }
        // A hash match is checked against the bytes: equal hashes are not proof.
        if let cached, cached.source == entry.data { return cached.entry }
        let fresh = try entry.compressed()
        if seenBefore {
            state.withLock { state in
                if state.compressed.count >= Self.maximumCompressed { state.compressed.removeAll(keepingCapacity: true) }
                state.compressed[key] = CachedEntry(entry: fresh, source: entry.data)
            }
        }
        return fresh
    }
}
