#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The text encodings a sheet can arrive in; everything is read as UTF-8 inside.
public enum TextEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case utf16LE = "utf-16le"
    case utf16BE = "utf-16be"
    case windows1252 = "windows-1252"

    /// Reads the names users type: `utf8`, `UTF-8`, `cp1252`, `latin1`, `utf16le`, …
    public init?(name: String) {
        let key = String(name.lowercased().unicodeScalars.filter { $0 != "-" && $0 != "_" && $0 != " " })
        switch key {
        case "utf8": self = .utf8
        case "utf16le", "utf16": self = .utf16LE
        case "utf16be": self = .utf16BE
        case "windows1252", "cp1252", "latin1", "iso88591", "ansi": self = .windows1252
        default: return nil
        }
    }

    /// The byte order mark that opens a file in this encoding, when it has one.
    public var byteOrderMark: [UInt8] {
        switch self {
        case .utf8: return [0xEF, 0xBB, 0xBF]
        case .utf16LE: return [0xFF, 0xFE]
        case .utf16BE: return [0xFE, 0xFF]
        case .windows1252: return []
        }
    }
}

/// What was found about a file's bytes before reading it as CSV.
public struct EncodingReport: Equatable, Sendable {
    /// The encoding the file is read in.
    public var encoding: TextEncoding
    /// Whether the file opens with a byte order mark (it is skipped, and written back).
    public var hasByteOrderMark: Bool
    /// Set when UTF-8 text holds some bytes that are not UTF-8; they are read as Windows-1252.
    public var strayBytesLine: Int?
    /// Set when text read as Windows-1252 (mostly bytes that are not UTF-8) also holds valid UTF-8 characters: each of
    /// those then reads as two to four characters.
    public var utf8AlsoSeen = false
    /// How the choice was made, for the report.
    public var reason: String

    /// Creates a report.
    public init(encoding: TextEncoding, hasByteOrderMark: Bool, strayBytesLine: Int? = nil, reason: String) {
        self.encoding = encoding
        self.hasByteOrderMark = hasByteOrderMark
        self.strayBytesLine = strayBytesLine
        self.reason = reason
    }
}

/// Decides how to read a file's bytes: byte order marks, UTF-16 without one, UTF-8, else Windows-1252.
public enum EncodingDetector {
    /// Looks at the opening bytes: a byte order mark, a workbook signature, or UTF-16 without a mark.
    /// Returns nil when the whole file must be scanned to choose between UTF-8 and Windows-1252.
    public static func detectFromPrefix(_ prefix: [UInt8], file: String) throws -> EncodingReport? {
        if prefix.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            throw ThroughlineError.data(SourceLocation(file: file), "this is a zip archive (an .xlsx or .ods workbook?), not a CSV file",
                                        hint: "save the sheet as CSV (File > Save As > CSV UTF-8) and read that file")
        }
        if prefix.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw ThroughlineError.data(SourceLocation(file: file), "this is a binary Excel workbook (.xls), not a CSV file",
                                        hint: "save the sheet as CSV (File > Save As > CSV UTF-8) and read that file")
        }
        if prefix.starts(with: [0xEF, 0xBB, 0xBF]) {
            return EncodingReport(encoding: .utf8, hasByteOrderMark: true, reason: "UTF-8 byte order mark")
        }
        if prefix.starts(with: [0xFF, 0xFE]) {
            return EncodingReport(encoding: .utf16LE, hasByteOrderMark: true, reason: "UTF-16 little-endian byte order mark")
        }
        if prefix.starts(with: [0xFE, 0xFF]) {
            return EncodingReport(encoding: .utf16BE, hasByteOrderMark: true, reason: "UTF-16 big-endian byte order mark")
        }
        // UTF-16 text without a mark: ASCII characters leave a zero byte in every other position.
        if prefix.count >= 4 {
            var evenZeros = 0, oddZeros = 0
            let pairs = prefix.count / 2
            for index in 0..<pairs {
                if prefix[2 * index] == 0 { evenZeros += 1 }
                if prefix[2 * index + 1] == 0 { oddZeros += 1 }
            }
            if oddZeros * 10 >= pairs * 7 && evenZeros * 10 <= pairs {
                return EncodingReport(encoding: .utf16LE, hasByteOrderMark: false, reason: "UTF-16 little-endian pattern, no byte order mark")
            }
            if evenZeros * 10 >= pairs * 7 && oddZeros * 10 <= pairs {
                return EncodingReport(encoding: .utf16BE, hasByteOrderMark: false, reason: "UTF-16 big-endian pattern, no byte order mark")
            }
        }
        return nil
    }

    /// Scans a whole byte stream to choose between UTF-8 and Windows-1252, and rejects NUL bytes.
    public static func scan(_ source: ByteSource, file: String) throws -> EncodingReport {
        var validator = UTF8Scan()
        try feed(source, limit: Int.max, to: &validator)
        return try report(validator, file: file)
    }

    /// Scans a large file on disk as `scan` does, in two halves at once: the first from `opener`, the second from
    /// `seeker` at the first line feed past the middle (no UTF-8 sequence spans a line feed, so the halves' findings
    /// add up to one scan's). Also counts the first half's line ends and quotes (`ScannedHalf`). Nil when the file is
    /// small, there is one core, or no line feed is near the middle: `scan` then reads it in one pass.
    static func scanInHalves(opener: () throws -> ByteSource, seeker: (Int) throws -> ByteSource, size: Int,
                             file: String) throws -> (report: EncodingReport, firstHalf: ScannedHalf)? {
        guard size >= halfScanThreshold, sysconf(Int32(_SC_NPROCESSORS_ONLN)) > 1 else { return nil }
        let window = try seeker(size / 2).readPrefix(1 << 20)
        guard let lineFeed = window.firstIndex(of: 0x0A), size / 2 + lineFeed + 1 < size else { return nil }
        let cut = size / 2 + lineFeed + 1
        let second = try seeker(cut)
        let first = try opener()
        let box = HalfScanBox()
        guard let thread = SecondThread({
            do {
                var validator = UTF8Scan()
                try Self.feed(second, limit: Int.max, to: &validator)
                box.validator = validator
            } catch {
                box.error = error
            }
        }) else { return nil }
        var validator = UTF8Scan()
        var tally = LineTally(quote: 0x22)
        let read: Result<Void, Error> = Result { try Self.feed(first, limit: cut, to: &validator) { tally.feed($0) } }
        thread.join()
        try read.get()
        if let error = box.error { throw error }
        validator.append(box.validator)
        return (try report(validator, file: file), ScannedHalf(end: cut, lineEnds: tally.lineEnds, quotes: tally.quotes))
    }

    /// Files from this size are scanned in two halves.
    static let halfScanThreshold = 4 << 20

    /// Feeds `source` to `validator`, up to `limit` bytes, handing each piece to `also` as well.
    private static func feed(_ source: ByteSource, limit: Int, to validator: inout UTF8Scan,
                             also: (UnsafeBufferPointer<UInt8>) -> Void = { _ in }) throws {
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 8)
        defer { chunk.deallocate() }
        var left = limit
        while left > 0 {
            let count = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: chunk[0..<min(chunk.count, left)]))
            if count == 0 { break }
            let bytes = UnsafeBufferPointer(start: chunk.bindMemory(to: UInt8.self).baseAddress, count: count)
            validator.feed(bytes)
            also(bytes)
            left -= count
        }
        validator.finish()
    }

    /// The encoding a whole scan points to; throws at a NUL byte.
    private static func report(_ validator: UTF8Scan, file: String) throws -> EncodingReport {
        if let nulLine = validator.firstNULLine {
            throw ThroughlineError.data(SourceLocation(file: file, line: nulLine), "NUL byte in the text: this looks like a binary file, not a CSV sheet",
                                        hint: "if it is UTF-16 text, say so with --encoding utf-16le or --encoding utf-16be")
        }
        if validator.invalidCount == 0 {
            return EncodingReport(encoding: .utf8, hasByteOrderMark: false, reason: "valid UTF-8")
        }
        if validator.multibyteCount == 0 || validator.invalidCount > validator.multibyteCount {
            var report = EncodingReport(encoding: .windows1252, hasByteOrderMark: false,
                                        reason: "not valid UTF-8 (first at line \(validator.firstInvalidLine ?? 1)); read as Windows-1252")
            if validator.typicalCount > 0 {
                report.utf8AlsoSeen = true
                let count = validator.typicalCount, line = validator.firstTypicalLine ?? 1
                report.reason += count == 1 ? ", where the UTF-8 character it also holds (at line \(line)) reads as two to four characters"
                    : ", where the \(count) UTF-8 characters it also holds (first at line \(line)) read as two to four characters each"
            }
            return report
        }
        return EncodingReport(encoding: .utf8, hasByteOrderMark: false, strayBytesLine: validator.firstInvalidLine,
                              reason: "UTF-8 with stray non-UTF-8 bytes (first at line \(validator.firstInvalidLine ?? 1)), read as Windows-1252 characters")
    }
}

/// What a scan in two halves counted in the first half: where it ends (just after a line feed), its line ends as the
/// CSV reader counts them, and its double quotes. With the quotes balanced, a record starts where the half ends.
struct ScannedHalf: Equatable {
    let end: Int
    let lineEnds: Int
    let quotes: Int
}

/// The second half's scan, handed back from its thread once joined.
private final class HalfScanBox: @unchecked Sendable {
    var validator = UTF8Scan()
    var error: Error?
}

/// Counts valid multi-byte sequences and invalid bytes in a UTF-8 stream fed in chunks.
struct UTF8Scan {
    private(set) var multibyteCount = 0
    /// The multi-byte sequences that are the usual UTF-8 of a sheet (an accented Latin letter, typographic punctuation,
    /// an emoji), not two Windows-1252 characters that happen to form one (`ß“`, `É’`), and the line of the first.
    private(set) var typicalCount = 0
    private(set) var firstTypicalLine: Int?
    private(set) var invalidCount = 0
    private(set) var firstInvalidLine: Int?
    private(set) var firstNULLine: Int?
    private var line = 1
    private var pending: [UInt8] = []

    mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>) {
        guard !chunk.isEmpty else { return }
        var start = 0
        if !pending.isEmpty {
            // Finish a sequence split across chunks with the first bytes of this one.
            let carried = pending.count
            let joined = pending + Array(chunk[0..<min(3, chunk.count)])
            pending.removeAll()
            var index = 0
            let truncated: Bool = joined.withUnsafeBufferPointer { bytes in
                while index < carried {
                    let consumed = scanSequence(bytes, at: index)
                    if consumed == 0 { return true }
                    index += consumed
                }
                return false
            }
            if truncated {
                pending = Array(joined[index...])
                return
            }
            start = index - carried
        }
        feedRest(chunk, from: start)
    }

    private mutating func feedRest(_ chunk: UnsafeBufferPointer<UInt8>, from start: Int) {
        var index = start
        let count = chunk.count
        guard let base = chunk.baseAddress else { return }
        while index < count {
            // Fast path: eight ASCII bytes at a time, their line feeds counted; a NUL or a byte above ASCII goes the slow way.
            while index + 8 <= count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 || Self.hasZeroByte(word) { break }
                line += SplitPoint.zeroBytes(word ^ 0x0A0A_0A0A_0A0A_0A0A).nonzeroBitCount
                index += 8
            }
            guard index < count else { break }
            let byte = base[index]
            if byte < 0x80 {
                if byte == 0x0A { line += 1 } else if byte == 0 && firstNULLine == nil { firstNULLine = line }
                index += 1
                continue
            }
            let consumed = scanSequence(chunk, at: index)
            if consumed == 0 {
                pending = Array(chunk[index..<count])
                return
            }
            index += consumed
        }
    }

    /// Adds the findings of `later`, a scan of the bytes that follow this one's (from the start of a line).
    mutating func append(_ later: UTF8Scan) {
        multibyteCount += later.multibyteCount
        typicalCount += later.typicalCount
        firstTypicalLine = firstTypicalLine ?? later.firstTypicalLine.map { $0 + line - 1 }
        invalidCount += later.invalidCount
        firstInvalidLine = firstInvalidLine ?? later.firstInvalidLine.map { $0 + line - 1 }
        firstNULLine = firstNULLine ?? later.firstNULLine.map { $0 + line - 1 }
        line += later.line - 1
    }

    mutating func finish() {
        if !pending.isEmpty {
            invalidCount += pending.count
            if firstInvalidLine == nil { firstInvalidLine = line }
            pending.removeAll()
        }
    }

    /// A sequence opening with these two bytes: a Latin letter with an accent (U+0080 to U+017F), typographic
    /// punctuation and currency (U+2000 to U+20CF, `’`, `–`, `€`), `™`, or an emoji.
    static func isTypical(_ lead: UInt8, _ next: UInt8) -> Bool {
        (0xC2...0xC5).contains(lead) || lead == 0xE2 && (0x80...0x84).contains(next) || lead == 0xF0 && next == 0x9F
    }

    @inline(__always) static func hasZeroByte(_ value: UInt64) -> Bool {
        (value &- 0x0101_0101_0101_0101) & ~value & 0x8080_8080_8080_8080 != 0
    }

    /// Checks the sequence at `index`; returns the bytes it covers (1 for an invalid byte), or 0 when the chunk ends inside it.
    private mutating func scanSequence(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let length = UTF8Decoding.sequenceLength(bytes, at: index)
        switch length {
        case .valid(let count):
            multibyteCount += count > 1 ? 1 : 0
            if count > 1, Self.isTypical(bytes[index], bytes[index + 1]) {
                typicalCount += 1
                if firstTypicalLine == nil { firstTypicalLine = line }
            }
            if count == 1 {
                if bytes[index] == 0x0A { line += 1 } else if bytes[index] == 0 && firstNULLine == nil { firstNULLine = line }
            }
            return count
        case .truncated:
            return 0
        case .invalid:
            invalidCount += 1
            if firstInvalidLine == nil { firstInvalidLine = line }
            return 1
        }
    }
}

/// The pieces of UTF-8 decoding shared by the scanner and the transcoder.
enum UTF8Decoding {
    enum Length { case valid(Int), truncated, invalid }

    /// The length of the well-formed sequence at `index` (RFC 3629: no overlongs, no surrogates, at most U+10FFFF).
    static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Length {
        let lead = bytes[index]
        if lead < 0x80 { return .valid(1) }
        let need: Int
        var low: UInt8 = 0x80, high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: need = 1
        case 0xE0: need = 2; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: need = 2
        case 0xED: need = 2; high = 0x9F
        case 0xF0: need = 3; low = 0x90
        case 0xF1...0xF3: need = 3
        case 0xF4: need = 3; high = 0x8F
        default: return .invalid
        }
        for offset in 1...need {
            guard index + offset < bytes.count else { return .truncated }
            let byte = bytes[index + offset]
            let (min, max) = offset == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
            if byte < min || byte > max { return .invalid }
        }
        return .valid(need + 1)
    }
}

/// Windows-1252's bytes 0x80–0x9F; the rest of the code page equals Latin-1. Unassigned bytes map to C1 controls, so every byte round-trips.
let windows1252High: [UInt16] = [
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
]

/// Turns a stream in another encoding into UTF-8, chunk by chunk.
public final class DecodingByteSource: ByteSource {
    private let source: ByteSource
    private let encoding: TextEncoding
    /// UTF-8 input: invalid bytes are read as Windows-1252 characters instead of failing.
    private let repairUTF8: Bool
    private var input: [UInt8] = []
    private var carry: [UInt8] = []
    private var ended = false

    /// Decodes `source` from `encoding`; with `repairUTF8`, stray bytes in UTF-8 are read as Windows-1252.
    public init(_ source: ByteSource, encoding: TextEncoding, repairUTF8: Bool = false) {
        self.source = source
        self.encoding = encoding
        self.repairUTF8 = repairUTF8
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        // Decoded bytes are served from a buffer of their own, so a caller may ask for any amount, even a few bytes.
        while decodedOffset >= decoded.count {
            guard try decodeMore() else { return 0 }
        }
        let count = min(buffer.count, decoded.count - decodedOffset)
        decoded.withUnsafeBytes { source in
            buffer.baseAddress!.copyMemory(from: source.baseAddress! + decodedOffset, byteCount: count)
        }
        decodedOffset += count
        return count
    }

    private var decoded: [UInt8] = []
    private var decodedOffset = 0

    /// Decodes the next piece of input; false at the end.
    private func decodeMore() throws -> Bool {
        let want = 1 << 16
        if input.count < want { input = [UInt8](repeating: 0, count: want) }
        var filled = carry.count
        for (offset, byte) in carry.enumerated() { input[offset] = byte }
        carry.removeAll(keepingCapacity: true)
        if !ended {
            let count = try input.withUnsafeMutableBytes { raw in
                try source.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[filled..<want]))
            }
            if count == 0 { ended = true }
            filled += count
        }
        if filled == 0 { return false }
        // Each input byte becomes at most 3 output bytes (Windows-1252 and UTF-16 alike; a surrogate pair's 4 become 4).
        decoded = [UInt8](repeating: 0, count: filled * 3 + 4)
        decodedOffset = 0
        let written = input.withUnsafeBufferPointer { chunk in
            decoded.withUnsafeMutableBufferPointer { out in convert(UnsafeBufferPointer(rebasing: chunk[0..<filled]), into: out) }
        }
        decoded.removeLast(decoded.count - written)
        return written > 0 || !ended || !carry.isEmpty
    }

    /// Converts what it can; keeps an incomplete tail in `carry` unless the stream has ended.
    private func convert(_ chunk: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var written = 0
        func put(_ scalar: UInt32) {
            if scalar < 0x80 {
                out[written] = UInt8(scalar); written += 1
            } else if scalar < 0x800 {
                out[written] = UInt8(0xC0 | (scalar >> 6)); out[written + 1] = UInt8(0x80 | (scalar & 0x3F)); written += 2
            } else if scalar < 0x10000 {
                out[written] = UInt8(0xE0 | (scalar >> 12)); out[written + 1] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
                out[written + 2] = UInt8(0x80 | (scalar & 0x3F)); written += 3
            } else {
                out[written] = UInt8(0xF0 | (scalar >> 18)); out[written + 1] = UInt8(0x80 | ((scalar >> 12) & 0x3F))
                out[written + 2] = UInt8(0x80 | ((scalar >> 6) & 0x3F)); out[written + 3] = UInt8(0x80 | (scalar & 0x3F)); written += 4
            }
        }
        func windows1252(_ byte: UInt8) -> UInt32 {
            byte >= 0x80 && byte < 0xA0 ? UInt32(windows1252High[Int(byte - 0x80)]) : UInt32(byte)
        }
        var index = 0
        let count = chunk.count
        switch encoding {
        case .windows1252:
            while index < count { put(windows1252(chunk[index])); index += 1 }
        case .utf8:
            while index < count {
                switch UTF8Decoding.sequenceLength(chunk, at: index) {
                case .valid(let length):
                    for offset in 0..<length { out[written + offset] = chunk[index + offset] }
                    written += length; index += length
                case .truncated where !ended:
                    carry = Array(chunk[index...]); return written
                case .truncated, .invalid:
                    put(repairUTF8 ? windows1252(chunk[index]) : 0xFFFD); index += 1
                }
            }
        case .utf16LE, .utf16BE:
            let little = encoding == .utf16LE
            while index + 1 < count {
                let unit = little ? UInt32(chunk[index]) | UInt32(chunk[index + 1]) << 8 : UInt32(chunk[index]) << 8 | UInt32(chunk[index + 1])
                if unit >= 0xD800 && unit < 0xDC00 {
                    guard index + 3 < count else {
                        if !ended { carry = Array(chunk[index...]); return written }
                        put(0xFFFD); index += 2; continue
                    }
                    let next = little ? UInt32(chunk[index + 2]) | UInt32(chunk[index + 3]) << 8 : UInt32(chunk[index + 2]) << 8 | UInt32(chunk[index + 3])
                    if next >= 0xDC00 && next < 0xE000 {
                        put(0x10000 + ((unit - 0xD800) << 10) + (next - 0xDC00)); index += 4
                    } else {
                        put(0xFFFD); index += 2
                    }
                } else if unit >= 0xDC00 && unit < 0xE000 {
                    put(0xFFFD); index += 2
                } else {
                    put(unit); index += 2
                }
            }
            if index < count {
                if !ended { carry = [chunk[index]] } else { put(0xFFFD) }
            }
        }
        return written
    }
}

/// Encodes UTF-8 text back into a file's own encoding, so a rewritten sheet keeps its bytes.
public enum TextEncoder {
    /// Encodes `utf8` in `encoding`; characters Windows-1252 cannot hold become `?`.
    public static func encode(_ utf8: UnsafeBufferPointer<UInt8>, as encoding: TextEncoding, into out: inout [UInt8]) {
        if encoding == .utf8 { out.append(contentsOf: utf8); return }
        var iterator = utf8.makeIterator()
        var decoder = UTF8()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): append(scalar.value, encoding, &out)
            case .emptyInput: break loop
            case .error: append(0xFFFD, encoding, &out)
            }
        }
    }

    private static func append(_ value: UInt32, _ encoding: TextEncoding, _ out: inout [UInt8]) {
        switch encoding {
        case .utf8:
            out.append(contentsOf: Array(String(Unicode.Scalar(value)!).utf8))
        case .windows1252:
            if value < 0x80 || (value >= 0xA0 && value < 0x100) {
                out.append(UInt8(value))
            } else if let index = windows1252High.firstIndex(of: UInt16(truncatingIfNeeded: value)), value < 0x10000 {
                out.append(UInt8(0x80 + index))
            } else {
                out.append(0x3F)
            }
        case .utf16LE, .utf16BE:
            var units: [UInt16] = []
            if value >= 0x10000 {
                let v = value - 0x10000
                units = [UInt16(0xD800 + (v >> 10)), UInt16(0xDC00 + (v & 0x3FF))]
            } else {
                units = [UInt16(value)]
            }
            for unit in units {
                if encoding == .utf16LE { out.append(UInt8(unit & 0xFF)); out.append(UInt8(unit >> 8)) }
                else { out.append(UInt8(unit >> 8)); out.append(UInt8(unit & 0xFF)) }
            }
        }
    }
}
