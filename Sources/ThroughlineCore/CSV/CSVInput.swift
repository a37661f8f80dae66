/// A CSV source opened for reading: its encoding and dialect found once, readable from the start as often as needed.
public final class CSVInput {
    /// The name used in messages (`-` for standard input).
    public let file: String
    /// How the bytes are decoded.
    public let encoding: EncodingReport
    /// The delimiter in use.
    public let dialect: CSVDialect
    /// How the delimiter was chosen, for the report.
    public let dialectReason: String
    /// Excel's `sep=;` first line, exactly as it stands (line end included), when the file has one.
    public let separatorLine: [UInt8]?
    private let opener: () throws -> ByteSource
    /// For a file on disk: opens it from a byte offset, and its size.
    private let seeker: ((Int) throws -> ByteSource)?
    private let rawSize: Int
    /// What a scan in two halves counted in the first half, when the file was scanned so.
    private let scannedHalf: ScannedHalf?

    /// How many bytes are read ahead to sniff the encoding and the delimiter.
    static let sampleSize = 1 << 16

    /// Opens a source; `opener` must give the same bytes from the start each time it is called.
    /// `seeker`, when given, opens the same bytes from an offset, and `size` is their count: the sheet can then be read
    /// in parts.
    public init(file: String, encoding requested: TextEncoding? = nil, delimiter requestedDialect: CSVDialect? = nil,
                seeker: ((Int) throws -> ByteSource)? = nil, size: Int = 0,
                opener: @escaping () throws -> ByteSource) throws {
        self.file = file
        self.opener = opener
        self.seeker = seeker
        rawSize = size
        let prefix = try opener().readPrefix(Self.sampleSize)
        var scannedHalf: ScannedHalf?
        func scanWhole() throws -> EncodingReport {
            if let seeker, let scanned = try EncodingDetector.scanInHalves(opener: opener, seeker: seeker, size: size, file: file) {
                scannedHalf = scanned.firstHalf
                return scanned.report
            }
            return try EncodingDetector.scan(try opener(), file: file)
        }
        let report: EncodingReport
        if let requested {
            let bom = requested.byteOrderMark
            let hasMark = !bom.isEmpty && prefix.starts(with: bom)
            report = EncodingReport(encoding: requested, hasByteOrderMark: hasMark, reason: "as given by --encoding")
            if requested == .utf8 {
                let scanned = try scanWhole()
                if scanned.encoding != .utf8 || scanned.strayBytesLine != nil {
                    let line = scanned.strayBytesLine ?? 1
                    throw ThroughlineError.data(SourceLocation(file: file, line: line), "the file is not valid UTF-8",
                                                hint: "leave out --encoding to have it detected, or give --encoding windows-1252")
                }
            }
        } else if let found = try EncodingDetector.detectFromPrefix(prefix, file: file) {
            if found.encoding == .utf8 {
                var scanned = try scanWhole()
                // A UTF-8 mark settles the encoding; bytes that break it are strays.
                if scanned.encoding != .utf8 { scanned.strayBytesLine = scanned.strayBytesLine ?? 1 }
                report = EncodingReport(encoding: .utf8, hasByteOrderMark: true, strayBytesLine: scanned.strayBytesLine,
                                        reason: scanned.strayBytesLine == nil ? found.reason : found.reason + "; " + scanned.reason)
            } else {
                report = found
            }
        } else {
            report = try scanWhole()
        }
        encoding = report
        self.scannedHalf = scannedHalf

        let sample = try Self.decoded(opener(), report).readPrefix(Self.sampleSize)
        let sampleIsWhole = sample.count < Self.sampleSize
        let separator = Self.separatorLine(in: sample)
        separatorLine = separator?.line
        let body = Array(sample[(separator?.line.count ?? 0)...])
        if let requestedDialect {
            dialect = requestedDialect
            dialectReason = "as given by --delimiter"
        } else if let separator {
            dialect = CSVDialect(delimiter: separator.delimiter)
            dialectReason = "from the file's sep= line"
        } else {
            (dialect, dialectReason) = DelimiterSniffer.sniff(body, isWhole: sampleIsWhole)
        }
    }

    /// Opens a file on disk.
    public convenience init(path: String, displayName: String? = nil, encoding: TextEncoding? = nil, delimiter: CSVDialect? = nil) throws {
        let shown = displayName ?? path
        let size = try FileByteSource(path: path, displayName: shown).size
        try self.init(file: shown, encoding: encoding, delimiter: delimiter,
                      seeker: { try FileByteSource(path: path, displayName: shown, offset: $0) }, size: size) {
            try FileByteSource(path: path, displayName: shown)
        }
    }

    /// Reads bytes held in memory.
    public convenience init(bytes: [UInt8], file: String = "-", encoding: TextEncoding? = nil, delimiter: CSVDialect? = nil) throws {
        try self.init(file: file, encoding: encoding, delimiter: delimiter) { MemoryByteSource(bytes) }
    }

    /// A reader from the first record (after any byte order mark and `sep=` line).
    public func makeReader(chunkSize: Int = 1 << 20) throws -> CSVReader {
        let source = try Self.decoded(opener(), encoding)
        if let separatorLine { _ = try source.readPrefix(separatorLine.count) }
        return CSVReader(source: source, dialect: dialect, file: file, firstLine: firstLine, chunkSize: chunkSize)
    }

    /// Where the first record starts in the raw bytes, and how many bytes follow it, when the records can be read from
    /// any offset: a file on disk, in UTF-8 with no stray bytes (its bytes are then the reader's bytes).
    var body: (start: Int, count: Int)? {
        guard seeker != nil, encoding.encoding == .utf8, encoding.strayBytesLine == nil else { return nil }
        let start = (encoding.hasByteOrderMark ? encoding.encoding.byteOrderMark.count : 0) + (separatorLine?.count ?? 0)
        return rawSize > start ? (start, rawSize - start) : nil
    }

    /// Where the sheet can be read in two halves, from what the encoding scan counted in its first half: a line feed
    /// past the middle with the quotes before it balanced. Nil when the scan was one pass or the quotes are not balanced
    /// there (`SplitPoint.find` then looks further).
    var scannedSplit: SplitPoint? {
        // (At or after the middle of the records, where the first half starts looking for the join.)
        guard let body, let half = scannedHalf, dialect.quote == 0x22, half.quotes & 1 == 0, half.end - body.start >= body.count / 2,
              half.end < rawSize else { return nil }
        // The `sep=` line's end is counted by the scan, not by the reader's line numbers, which start after it.
        return SplitPoint(offset: half.end - body.start, line: firstLine + half.lineEnds - (separatorLine == nil ? 0 : 1))
    }

    /// The bytes from `offset` (counted from the first record, as `CSVRecord.offset` is) to the end; nil when the
    /// input has no `body`.
    func bodyBytes(from offset: Int) throws -> ByteSource? {
        guard let body, let seeker else { return nil }
        return try seeker(body.start + offset)
    }

    /// A reader from `offset` (counted as `CSVRecord.offset` is), which must be where a record starts, numbering
    /// lines from `line`; nil when the input has no `body`.
    func makeReader(from offset: Int, line: Int, chunkSize: Int = 1 << 20) throws -> CSVReader? {
        guard let source = try bodyBytes(from: offset) else { return nil }
        return CSVReader(source: source, dialect: dialect, file: file, firstLine: line, chunkSize: chunkSize)
    }

    /// The line the first record starts on: 2 after a `sep=` line.
    public var firstLine: Int { separatorLine == nil ? 1 : 2 }

    /// The source decoded to UTF-8, with its byte order mark skipped.
    static func decoded(_ raw: ByteSource, _ report: EncodingReport) throws -> ByteSource {
        if report.hasByteOrderMark { _ = try raw.readPrefix(report.encoding.byteOrderMark.count) }
        if report.encoding == .utf8 && report.strayBytesLine == nil { return raw }
        return DecodingByteSource(raw, encoding: report.encoding, repairUTF8: report.encoding == .utf8)
    }

    /// Excel's `sep=X` line: `sep=`, one delimiter byte, then a line end or the end of the file.
    static func separatorLine(in sample: [UInt8]) -> (line: [UInt8], delimiter: UInt8)? {
        guard sample.count >= 5 else { return nil }
        let head = sample[0..<4].map { $0 | 0x20 }
        guard head == Array("sep=".utf8) else { return nil }
        let delimiter = sample[4]
        guard delimiter != 0x0A && delimiter != 0x0D && delimiter != 0x22 else { return nil }
        var end = 5
        if end < sample.count {
            if sample[end] == 0x0D { end += 1; if end < sample.count && sample[end] == 0x0A { end += 1 } }
            else if sample[end] == 0x0A { end += 1 }
            else { return nil }
        }
        return (Array(sample[0..<end]), delimiter)
    }
}

/// Chooses the delimiter that splits the first records most consistently.
public enum DelimiterSniffer {
    /// Tries `,` `;` tab and `|` on `sample`; the winner gives the most records the same number (above one) of cells.
    public static func sniff(_ sample: [UInt8], isWhole: Bool) -> (CSVDialect, String) {
        var best: (dialect: CSVDialect, agreeing: Int, width: Int, records: Int)?
        for candidate in CSVDialect.candidates {
            var counts: [Int] = []
            let reader = CSVReader(source: MemoryByteSource(sample), dialect: candidate, chunkSize: sample.count + 16)
            try? reader.forEach { record in
                if record.count > 0 { counts.append(record.count) }
                return counts.count < 200
            }
            // The last record of a cut sample may be cut too.
            if !isWhole && counts.count > 1 { counts.removeLast() }
            var frequency: [Int: Int] = [:]
            for count in counts where count > 1 { frequency[count, default: 0] += 1 }
            guard let mode = frequency.max(by: { $0.value == $1.value ? $0.key < $1.key : $0.value < $1.value }) else { continue }
            if best == nil || mode.value > best!.agreeing || (mode.value == best!.agreeing && mode.key > best!.width) {
                best = (candidate, mode.value, mode.key, counts.count)
            }
        }
        guard let best else { return (.comma, "no delimiter found in the first records; read as one column") }
        return (best.dialect, "detected: \(best.agreeing) of the first \(best.records) records have \(best.width) cells")
    }
}
