#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where written bytes go: a file, standard output, or memory.
public protocol ByteSink: AnyObject {
    /// Takes the bytes in order.
    func write(_ bytes: UnsafeRawBufferPointer) throws
}

/// Collects written bytes in memory.
public final class MemorySink: ByteSink {
    /// Everything written so far.
    public private(set) var bytes: [UInt8] = []

    /// Creates an empty sink.
    public init() {}

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        self.bytes.append(contentsOf: bytes)
    }

    /// What was written, read as UTF-8.
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// Buffers UTF-8 output and hands it to a sink in large pieces, encoding it on the way when asked.
///
/// The bytes live in a buffer of its own rather than an array, so an append is a bounds check and a copy:
/// no copy-on-write or exclusivity check on every cell.
public final class OutputBuffer {
    private let sink: ByteSink
    private let encoding: TextEncoding
    private let storage: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var encoded: [UInt8] = []
    private let limit = 1 << 18

    /// Writes to `sink` in `encoding` (UTF-8 passes through untouched).
    public init(_ sink: ByteSink, encoding: TextEncoding = .utf8) {
        self.sink = sink
        self.encoding = encoding
        storage = .allocate(capacity: limit)
    }

    deinit { storage.deallocate() }

    /// Appends raw UTF-8 bytes.
    @inline(__always)
    public func append(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        let size = bytes.count
        if count + size > limit {
            try flush()
            if size > limit {
                try appendLarge(bytes)
                return
            }
        }
        if size > 0 { (storage + count).update(from: bytes.baseAddress!, count: size) }
        count += size
    }

    /// Appends bytes held in an array.
    public func append(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBufferPointer { try append($0) }
    }

    /// Appends one byte.
    @inline(__always)
    public func append(_ byte: UInt8) throws {
        if count == limit { try flush() }
        storage[count] = byte
        count += 1
    }

    /// Appends a line end.
    @inline(__always)
    public func append(_ terminator: LineTerminator) throws {
        switch terminator {
        case .none: break
        case .lf: try append(0x0A as UInt8)
        case .crlf: try append(0x0D as UInt8); try append(0x0A as UInt8)
        case .cr: try append(0x0D as UInt8)
        }
    }

    /// Appends text.
    public func append(_ text: String) throws {
        var text = text
        try text.withUTF8 { try append($0) }
    }

    /// Writes what is buffered to the sink. For another encoding, a character cut at the end waits for the next flush.
    public func flush() throws {
        guard count > 0 else { return }
        if encoding == .utf8 {
            try sink.write(UnsafeRawBufferPointer(start: storage, count: count))
            count = 0
            return
        }
        let whole = Self.completePrefix(storage, count)
        encoded.removeAll(keepingCapacity: true)
        TextEncoder.encode(UnsafeBufferPointer(start: storage, count: whole), as: encoding, into: &encoded)
        try encoded.withUnsafeBytes { try sink.write($0) }
        let rest = count - whole
        if rest > 0 { storage.update(from: storage + whole, count: rest) }
        count = rest
    }

    /// A piece larger than the buffer: UTF-8 goes straight through; other encodings go in buffer-sized steps.
    private func appendLarge(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        if encoding == .utf8 {
            try sink.write(UnsafeRawBufferPointer(bytes))
            return
        }
        var offset = 0
        while offset < bytes.count {
            let take = min(limit - count, bytes.count - offset)
            (storage + count).update(from: bytes.baseAddress! + offset, count: take)
            count += take
            offset += take
            try flush()
        }
    }

    /// How many bytes from the start end on a whole UTF-8 character.
    static func completePrefix(_ bytes: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int {
        var start = count
        // Step back over continuation bytes to the lead byte of the last character.
        while start > 0 && count - start < 4 && bytes[start - 1] & 0xC0 == 0x80 { start -= 1 }
        guard start > 0 else { return count }
        let lead = bytes[start - 1]
        let length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        return count - (start - 1) >= length ? count : start - 1
    }
}

/// How written sheets look: delimiter, line end, byte order mark.
public struct CSVWriteStyle: Equatable, Sendable {
    /// The dialect (delimiter) to write.
    public var dialect: CSVDialect
    /// The line end after each record.
    public var terminator: LineTerminator
    /// Whether the file opens with a UTF-8 byte order mark (Excel needs it to read UTF-8).
    public var byteOrderMark: Bool

    /// Creates a style.
    public init(dialect: CSVDialect, terminator: LineTerminator, byteOrderMark: Bool) {
        self.dialect = dialect
        self.terminator = terminator
        self.byteOrderMark = byteOrderMark
    }

    /// Plain comma-separated with LF line ends: the default for output meant for other tools.
    public static let plain = CSVWriteStyle(dialect: .comma, terminator: .lf, byteOrderMark: false)
    /// RFC 4180: comma-separated, CRLF line ends.
    public static let rfc4180 = CSVWriteStyle(dialect: .comma, terminator: .crlf, byteOrderMark: false)
    /// What Excel's "CSV UTF-8" reads and writes: byte order mark, comma, CRLF.
    public static let excel = CSVWriteStyle(dialect: .comma, terminator: .crlf, byteOrderMark: true)
    /// Tab-separated, LF line ends.
    public static let tsv = CSVWriteStyle(dialect: .tab, terminator: .lf, byteOrderMark: false)

    /// Reads a style name: `plain`, `rfc4180`, `excel`, `tsv`.
    public init?(name: String) {
        switch name.lowercased() {
        case "plain", "csv": self = .plain
        case "rfc4180", "rfc": self = .rfc4180
        case "excel": self = .excel
        case "tsv", "tab": self = .tsv
        default: return nil
        }
    }
}

/// Writes records with minimal RFC 4180 quoting: a cell is quoted only when it holds the delimiter, a quote, CR or LF
/// (or when asked to keep the quotes it had).
public final class CSVWriter {
    /// The delimiter written between cells.
    public let dialect: CSVDialect
    private let out: OutputBuffer
    private var needsQuote = [Bool](repeating: false, count: 256)

    /// Writes to `out`.
    public init(_ out: OutputBuffer, dialect: CSVDialect) {
        self.out = out
        self.dialect = dialect
        for byte in [dialect.delimiter, dialect.quote, 0x0A, 0x0D] { needsQuote[Int(byte)] = true }
    }

    /// Whether a cell must be quoted to read back as itself.
    @inline(__always)
    public func mustQuote(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in value where needsQuote[Int(byte)] { return true }
        return false
    }

    /// Writes one cell; `quoted` forces quotes (to keep a cell as the file had it).
    @inline(__always)
    public func writeCell(_ value: UnsafeBufferPointer<UInt8>, quoted: Bool = false) throws {
        if quoted || mustQuote(value) {
            try out.append(dialect.quote)
            var runStart = 0
            for index in 0..<value.count where value[index] == dialect.quote {
                try out.append(UnsafeBufferPointer(rebasing: value[runStart...index]))
                try out.append(dialect.quote)
                runStart = index + 1
            }
            try out.append(UnsafeBufferPointer(rebasing: value[runStart...]))
            try out.append(dialect.quote)
        } else {
            try out.append(value)
        }
    }

    /// Writes one cell given as text.
    public func writeCell(_ value: String, quoted: Bool = false) throws {
        var value = value
        try value.withUTF8 { try writeCell($0, quoted: quoted) }
    }

    /// Writes the delimiter between two cells.
    @inline(__always)
    public func writeDelimiter() throws { try out.append(dialect.delimiter) }

    /// Ends a record.
    @inline(__always)
    public func writeTerminator(_ terminator: LineTerminator) throws { try out.append(terminator) }

    /// Writes a whole record of text cells. A record of one empty cell is written `""` so it does not read back as a blank line.
    public func writeRecord(_ cells: [String], terminator: LineTerminator) throws {
        for (index, cell) in cells.enumerated() {
            if index > 0 { try writeDelimiter() }
            try writeCell(cell, quoted: cells.count == 1 && cell.isEmpty)
        }
        try writeTerminator(terminator)
    }

    /// Writes a record exactly as it stood, when it was read in this writer's dialect: a record with no quote byte
    /// is copied whole (its cells cannot hold a delimiter or line break), any other cell by cell with its quotes kept.
    public func writeRecordAsRead(_ record: CSVRecord) throws {
        let raw = record.rawRecord
        if record.count > 1, raw.count > 0, memchr(raw.baseAddress!, Int32(dialect.quote), raw.count) == nil {
            try out.append(raw)
            try writeTerminator(record.terminator)
            return
        }
        try writeRecord(record)
    }

    /// Writes a record as read, keeping the quotes each cell had and its line end.
    public func writeRecord(_ record: CSVRecord, terminator: LineTerminator? = nil) throws {
        let count = record.count
        for index in 0..<count {
            if index > 0 { try writeDelimiter() }
            let value = record.bytes(index)
            try writeCell(value, quoted: record.wasQuoted(index) || (count == 1 && value.isEmpty))
        }
        try writeTerminator(terminator ?? record.terminator)
    }
}
