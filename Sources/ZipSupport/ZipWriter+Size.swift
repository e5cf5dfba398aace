internal import CLibZip

extension ZipWriter {
    /// The total uncompressed size of the entries of an archive, read from its central
    /// directory (no entry is inflated), or nil when `archive` is not a ZIP archive.
    ///
    /// What a reader will have to expand: a small file can hold a part of gigabytes.
    ///
    /// ```swift
    /// let bytes = try ZipWriter.archive(entries)
    /// ZipWriter.uncompressedSize(of: bytes)   // the sum of the entries' sizes
    /// ```
    public static func uncompressedSize(of archive: [UInt8]) -> Int? {
        archive.withUnsafeBytes { bytes in
            guard !bytes.isEmpty, let reader = try? ArchiveReader(bytes) else { return nil }
            return uncompressedSize(reader)
        }
    }

    private static func uncompressedSize(_ reader: ArchiveReader) -> Int? {
        var total = 0
        for index in 0..<reader.count {
            guard let stat = try? reader.stat(index), stat.valid & zip_uint64_t(ZIP_STAT_SIZE) != 0 else { return nil }
            let (sum, overflow) = total.addingReportingOverflow(Int(clamping: stat.size))
            guard !overflow else { return Int.max }
            total = sum
        }
        return total
    }
}
