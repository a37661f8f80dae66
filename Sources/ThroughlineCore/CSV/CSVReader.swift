/// One field's place in the reader's buffer: its raw bytes and its value.
struct FieldSpan {
    var rawStart: Int
    var rawEnd: Int
    var valueStart: Int
    var valueEnd: Int
    /// 0: unquoted; 1: quoted, value inside the buffer; 2: quoted with escapes, value in the scratch buffer.
    var kind: UInt8
}

/// One record as read. It points into the reader's buffer: use it only inside the callback that received it.
public struct CSVRecord {
    let base: UnsafePointer<UInt8>
    let scratch: UnsafePointer<UInt8>
    let spans: UnsafeBufferPointer<FieldSpan>
    let recordStart: Int
    let recordEnd: Int
    /// The line this record starts on, 1-based.
    public let line: Int
    /// How the record ended in the file.
    public let terminator: LineTerminator
    /// Where the record starts: bytes from the start of what the reader was given.
    public let offset: Int
    /// How many line breaks its quoted cells hold (the record runs over that many more lines).
    public let lineBreaks: Int

    /// How many cells the record has (0 for a blank line).
    public var count: Int { spans.count }

    /// The cell's value: quotes removed, doubled quotes undone.
    @inline(__always)
    public func bytes(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let span = spans[index]
        let origin = span.kind == 2 ? scratch : base
        return UnsafeBufferPointer(start: origin + span.valueStart, count: span.valueEnd - span.valueStart)
    }

    /// Calls `body` with the record's cells in another order: cell `i` of the record it is given is cell `order[i]` of
    /// this one, or an empty cell where `order[i]` is -1 or past the end.
    func withCells<Result>(from order: [Int], _ body: (CSVRecord) throws -> Result) rethrows -> Result {
        let empty = FieldSpan(rawStart: recordStart, rawEnd: recordStart, valueStart: recordStart, valueEnd: recordStart, kind: 0)
        let moved = order.map { $0 >= 0 && $0 < spans.count ? spans[$0] : empty }
        return try moved.withUnsafeBufferPointer { spans in
            try body(CSVRecord(base: base, scratch: scratch, spans: spans, recordStart: recordStart, recordEnd: recordEnd, line: line,
                               terminator: terminator, offset: offset, lineBreaks: lineBreaks))
        }
    }

    /// The cell's value as a string.
    public func string(_ index: Int) -> String {
        String(decoding: bytes(index), as: UTF8.self)
    }

    /// All cells as strings.
    public var strings: [String] { (0..<count).map(string) }

    /// Whether the cell was quoted in the file.
    public func wasQuoted(_ index: Int) -> Bool { spans[index].kind != 0 }

    /// The cell exactly as it stands in the file, quotes included.
    public func rawBytes(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let span = spans[index]
        return UnsafeBufferPointer(start: base + span.rawStart, count: span.rawEnd - span.rawStart)
    }

    /// The whole record as it stands in the file, without its line end.
    public var rawRecord: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base + recordStart, count: recordEnd - recordStart)
    }

    /// Byte offset of cell `index` from the start of the record's raw bytes, and its raw length.
    public func rawRange(_ index: Int) -> Range<Int> {
        let span = spans[index]
        return (span.rawStart - recordStart)..<(span.rawEnd - recordStart)
    }
}

/// A streaming, byte-level CSV reader (RFC 4180, lenient where real exports are messy).
///
/// Quotes open a quoted cell only at the start of a cell; a quote anywhere else is text.
/// Text after a closing quote is kept (`"a"b` reads `ab`), as Python's csv module does.
/// A blank line is a record with no cells. An unclosed quote at the end is an error
/// naming the line where it opened. Memory holds one record at a time (plus one chunk).
public final class CSVReader {
    /// The dialect being read.
    public let dialect: CSVDialect
    private let source: ByteSource
    private let file: String
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var start = 0
    private var end = 0
    /// Bytes moved out of the buffer so far: `consumed + start` is the offset of the record at `start`.
    private var consumed = 0
    private var ended = false
    private var line: Int
    private var spans: UnsafeMutablePointer<FieldSpan>
    private var spanCapacity = 64
    private var spanCount = 0
    private var scratch: UnsafeMutablePointer<UInt8>
    private var scratchCapacity = 256
    private var scratchCount = 0
    private var linesInRecord = 0
    private var terminator = LineTerminator.none
    /// 1 for the delimiter, CR and LF: the bytes that end an unquoted cell.
    private let stops: UnsafeMutablePointer<UInt8>

    /// Reads UTF-8 bytes from `source`; `file` and `firstLine` place messages.
    public init(source: ByteSource, dialect: CSVDialect, file: String = "-", firstLine: Int = 1, chunkSize: Int = 1 << 20) {
        self.source = source
        self.dialect = dialect
        self.file = file
        self.line = firstLine
        capacity = max(chunkSize, 16)
        buffer = .allocate(capacity: capacity)
        spans = .allocate(capacity: spanCapacity)
        scratch = .allocate(capacity: scratchCapacity)
        stops = .allocate(capacity: 256)
        stops.initialize(repeating: 0, count: 256)
        stops[Int(dialect.delimiter)] = 1
        stops[0x0A] = 1
        stops[0x0D] = 1
    }

    deinit {
        buffer.deallocate()
        spans.deallocate()
        scratch.deallocate()
        stops.deallocate()
    }

    /// Calls `body` with each record in order; stops early when `body` returns false.
    public func forEach(_ body: (CSVRecord) throws -> Bool) throws {
        while true {
            if start == end {
                if ended { return }
                try refill()
                continue
            }
            let next = try parseRecord()
            if next < 0 {
                if ended {
                    throw ThroughlineError.internalFailure("CSV reader asked for more input after the end")
                }
                try refill()
                continue
            }
            let record = CSVRecord(
                base: UnsafePointer(buffer), scratch: UnsafePointer(scratch),
                spans: UnsafeBufferPointer(start: spans, count: spanCount),
                recordStart: start, recordEnd: recordEnd, line: line, terminator: terminator, offset: consumed + start,
                lineBreaks: linesInRecord)
            line += linesInRecord + (terminator == .none ? 0 : 1)
            start = next
            if try !body(record) { return }
        }
    }

    /// Reads every record as strings (for small sheets and tests).
    public func readAll() throws -> [[String]] {
        var rows: [[String]] = []
        try forEach { rows.append($0.strings); return true }
        return rows
    }

    private var recordEnd = 0

    /// Moves the unread bytes to the front, grows the buffer when one record fills it, and reads more.
    private func refill() throws {
        let pending = end - start
        if start > 0 {
            if pending > 0 { buffer.update(from: buffer + start, count: pending) }
            consumed += start
            start = 0
            end = pending
        }
        if end == capacity {
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
            grown.update(from: buffer, count: end)
            buffer.deallocate()
            buffer = grown
            capacity *= 2
        }
        let count = try source.read(into: UnsafeMutableRawBufferPointer(start: buffer + end, count: capacity - end))
        if count == 0 { ended = true } else { end += count }
    }

    @inline(__always)
    private func appendSpan(_ span: FieldSpan) {
        if spanCount == spanCapacity {
            let grown = UnsafeMutablePointer<FieldSpan>.allocate(capacity: spanCapacity * 2)
            grown.moveInitialize(from: spans, count: spanCount)
            spans.deallocate()
            spans = grown
            spanCapacity *= 2
        }
        (spans + spanCount).initialize(to: span)
        spanCount += 1
    }

    private func appendScratch(_ bytes: UnsafePointer<UInt8>, _ count: Int) {
        if scratchCount + count > scratchCapacity {
            var newCapacity = scratchCapacity * 2
            while newCapacity < scratchCount + count { newCapacity *= 2 }
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
            grown.update(from: scratch, count: scratchCount)
            scratch.deallocate()
            scratch = grown
            scratchCapacity = newCapacity
        }
        (scratch + scratchCount).update(from: bytes, count: count)
        scratchCount += count
    }

    /// Parses the record at `start`. Returns the offset after it, or -1 when the buffer ends inside it.
    private func parseRecord() throws -> Int {
        let bytes = UnsafePointer(buffer)
        let end = self.end
        let ended = self.ended
        let delimiter = dialect.delimiter
        let quote = dialect.quote
        let stops = UnsafePointer(self.stops)
        var index = start
        spanCount = 0
        scratchCount = 0
        linesInRecord = 0

        // A blank line is a record with no cells.
        let first = bytes[index]
        if first == 0x0A || first == 0x0D {
            recordEnd = index
            return finishLine(at: index, bytes: bytes, end: end, ended: ended)
        }

        while true {
            let fieldStart = index
            if index < end && bytes[index] == quote {
                index += 1
                let contentStart = index
                var escaped = false
                var contentEnd = 0
                // Scan the quoted part, counting the line breaks inside it.
                while true {
                    while index < end {
                        let byte = bytes[index]
                        if byte == quote { break }
                        if byte == 0x0A {
                            linesInRecord += 1
                        } else if byte == 0x0D && (index + 1 >= end || bytes[index + 1] != 0x0A) {
                            linesInRecord += 1
                        }
                        index += 1
                    }
                    if index == end {
                        if !ended { return -1 }
                        throw unclosedQuote(openedAt: fieldStart, bytes: bytes)
                    }
                    if index + 1 < end && bytes[index + 1] == quote {
                        escaped = true
                        index += 2
                        continue
                    }
                    if index + 1 == end && !ended { return -1 }
                    contentEnd = index
                    index += 1
                    break
                }
                // Text after the closing quote is kept, up to the end of the cell.
                if index < end && stops[Int(bytes[index])] == 0 {
                    escaped = true
                    while index < end && stops[Int(bytes[index])] == 0 { index += 1 }
                }
                if index == end && !ended { return -1 }
                if escaped {
                    let valueStart = scratchCount
                    unescape(bytes + contentStart, contentEnd - contentStart, quote: quote)
                    if contentEnd + 1 < index { appendScratch(bytes + contentEnd + 1, index - contentEnd - 1) }
                    appendSpan(FieldSpan(rawStart: fieldStart, rawEnd: index, valueStart: valueStart, valueEnd: scratchCount, kind: 2))
                } else {
                    appendSpan(FieldSpan(rawStart: fieldStart, rawEnd: index, valueStart: contentStart, valueEnd: contentEnd, kind: 1))
                }
            } else {
                while index < end && stops[Int(bytes[index])] == 0 { index += 1 }
                if index == end && !ended { return -1 }
                appendSpan(FieldSpan(rawStart: fieldStart, rawEnd: index, valueStart: fieldStart, valueEnd: index, kind: 0))
            }
            if index == end {
                recordEnd = index
                terminator = .none
                return index
            }
            let byte = bytes[index]
            if byte == delimiter {
                index += 1
                continue
            }
            recordEnd = index
            return finishLine(at: index, bytes: bytes, end: end, ended: ended)
        }
    }

    /// Consumes the line end at `index`; -1 when a CR is the last byte read so far.
    @inline(__always)
    private func finishLine(at index: Int, bytes: UnsafePointer<UInt8>, end: Int, ended: Bool) -> Int {
        if bytes[index] == 0x0A {
            terminator = .lf
            return index + 1
        }
        if index + 1 < end {
            if bytes[index + 1] == 0x0A {
                terminator = .crlf
                return index + 2
            }
        } else if !ended {
            return -1
        }
        terminator = .cr
        return index + 1
    }

    private func unescape(_ content: UnsafePointer<UInt8>, _ count: Int, quote: UInt8) {
        var runStart = 0
        var index = 0
        while index < count {
            if content[index] == quote {
                // A doubled quote: keep one, skip the other.
                appendScratch(content + runStart, index - runStart + 1)
                index += 2
                runStart = index
            } else {
                index += 1
            }
        }
        if runStart < count { appendScratch(content + runStart, count - runStart) }
    }

    private func unclosedQuote(openedAt offset: Int, bytes: UnsafePointer<UInt8>) -> ThroughlineError {
        // Count the line breaks between the record's start and the opening quote.
        var openLine = line
        var index = start
        while index < offset {
            if bytes[index] == 0x0A || (bytes[index] == 0x0D && (index + 1 >= offset || bytes[index + 1] != 0x0A)) { openLine += 1 }
            index += 1
        }
        return .data(SourceLocation(file: file, line: openLine, column: SheetLayout.letters(spanCount)),
                     "unclosed quote: the quoted cell that opens here never closes before the end of the file",
                     hint: "a cell that starts with \" must end with \"; write a quote inside a quoted cell as \"\"")
    }
}
