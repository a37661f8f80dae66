/// Counts of what a rewrite changed.
public struct RewriteSummary: Equatable, Sendable {
    /// Data rows read (blank rows not counted).
    public var rows = 0
    /// Rows with at least one changed cell.
    public var changedRows = 0
    /// Cells changed.
    public var changedCells = 0
}

/// Writes a sheet back byte for byte, replacing only the cells a normalizer rewrites.
public enum SheetRewriter {
    /// Copies `sheet` to `out` (its own encoding, byte order mark, `sep=` line, preamble, quoting and line ends), with
    /// statuses, dates, percentages and owners in canonical form. Unreadable cells stay as they are and are reported.
    public static func normalize(_ sheet: Sheet, with normalizer: CellNormalizer, to sink: ByteSink,
                                 onFinding: (Finding) -> Void) throws -> RewriteSummary {
        let out = OutputBuffer(sink, encoding: sheet.input.encoding.encoding)
        if sheet.input.encoding.hasByteOrderMark {
            // The mark is written in the file's own encoding by the buffer: U+FEFF.
            try out.append([0xEF, 0xBB, 0xBF])
        }
        if let separatorLine = sheet.input.separatorLine { try out.append(separatorLine) }
        let writer = CSVWriter(out, dialect: sheet.input.dialect)
        let width = sheet.layout.columns.count
        let rowID = SheetLayout.RowID(sheet.layout)
        var summary = RewriteSummary()
        var findings: [Finding] = []
        var replacements: [(Int, String)] = []
        var subitemRows = SubitemRows(sheet.layout)
        try sheet.forEachRecord { record, role in
            guard role == .data, sheet.holdsItem(record) else {
                try copy(record, to: out)
                return true
            }
            summary.rows += 1
            let id = rowID?.read(record)
            if let ragged = Finding.raggedRow(record, layout: sheet.layout, delimiter: sheet.input.dialect.delimiter, file: sheet.input.file, id: id) { onFinding(ragged) }
            replacements.removeAll(keepingCapacity: true)
            findings.removeAll(keepingCapacity: true)
            // A subitem row holds each field in the column its own header gives (`rollup` reads it so).
            let subitemCells = subitemRows?.read(record).isSubitem == true ? subitemRows!.cells : nil
            for column in 0..<width where normalizer.reads(column: column) {
                let at = subitemCells?[column] ?? column
                guard at >= 0, at < record.count else { continue }
                if let value = normalizer.normalize(record.bytes(at), column: column, line: record.line, id: id, findings: &findings) {
                    replacements.append((at, value))
                }
            }
            if subitemCells != nil { replacements.sort { $0.0 < $1.0 } }
            findings.forEach(onFinding)
            if replacements.isEmpty {
                try copy(record, to: out)
                return true
            }
            summary.changedRows += 1
            summary.changedCells += replacements.count
            var next = 0
            for column in 0..<record.count {
                if column > 0 { try writer.writeDelimiter() }
                if next < replacements.count && replacements[next].0 == column {
                    try writer.writeCell(replacements[next].1, quoted: record.wasQuoted(column))
                    next += 1
                } else {
                    try out.append(record.rawBytes(column))
                }
            }
            try writer.writeTerminator(record.terminator)
            return true
        }
        try out.flush()
        return summary
    }

    /// Copies a record's bytes and line end exactly.
    static func copy(_ record: CSVRecord, to out: OutputBuffer) throws {
        try out.append(record.rawRecord)
        try out.append(record.terminator)
    }
}
