/// Writes a sheet back exactly as it was, with the derived status, progress, findings and reason of each item added
/// as four columns (SPEC 6, `annotate`).
public enum SheetAnnotator {
    /// The columns annotate adds, in order. A sheet that already has them gets them replaced, not repeated.
    public static let columns = ["Derived Status", "Progress (derived)", "Findings", "Why"]
    /// The two of them that hold derived values: never read back as the sheet's own status or progress, wherever they
    /// stand (a team may have moved, renamed or dropped the others).
    static let derivedColumns: Set<String> = ["derived status", "progress (derived)"]

    /// The positions of annotate's own columns: the four names together, in order, as the last such block of the
    /// header. A team's own column that happens to be called `Why` or `Findings` is left alone.
    public static func ownColumns(_ headers: [String]) -> Set<Int> {
        let names = headers.map(\.trimmingSpaces)
        guard names.count >= columns.count else { return [] }
        for start in stride(from: names.count - columns.count, through: 0, by: -1) where Array(names[start..<start + columns.count]) == columns {
            return Set(start..<start + columns.count)
        }
        return []
    }

    /// Copies `sheet` to `sink` in its own encoding and dialect, every original cell byte for byte (unless `sanitize`),
    /// rows padded to the sheet's widest so the added columns line up, and the four columns appended.
    public static func annotate(_ sheet: Sheet, analysis: TrackerAnalysis, sanitize: Bool, to sink: ByteSink) throws {
        let file = sheet.input.file
        let own = ownColumns(sheet.layout.columns.map(\.header))
        // The width the original cells take: the header's or the widest row's, without annotate's own columns.
        var width = 0
        try sheet.forEachRecord { record, role in
            if role != .preamble { width = max(width, (0..<record.count).filter { !own.contains($0) }.count) }
            return true
        }
        // Each line's item, and the codes found on it as one bit each in catalogue order: a large sheet can have
        // millions of findings, and only each row's codes are kept.
        let items = analysis.derivation.portfolio.items
        let fileIndex = items.texts.files.firstIndex(of: file).map(UInt32.init)
        var itemAt: [Int32] = []
        for index in items.indices where items.record(index).file == fileIndex {
            let line = Int(items.record(index).line)
            if line >= itemAt.count { itemAt += repeatElement(-1, count: line + 1 - itemAt.count) }
            itemAt[line] = Int32(index)
        }
        var codeBits = [UInt64](repeating: 0, count: items.count)
        analysis.forEachFinding { finding in
            guard finding.location.file == file, let line = finding.location.line, line < itemAt.count, itemAt[line] >= 0 else { return }
            codeBits[Int(itemAt[line])] |= 1 << UInt64(FindingCode.rank(of: finding.code))
        }
        let itemOn = { (line: Int) -> Int? in line < itemAt.count && itemAt[line] >= 0 ? Int(itemAt[line]) : nil }

        let out = OutputBuffer(sink, encoding: sheet.input.encoding.encoding)
        if sheet.input.encoding.hasByteOrderMark { try out.append([0xEF, 0xBB, 0xBF]) }
        if let separatorLine = sheet.input.separatorLine { try out.append(separatorLine) }
        let writer = CSVWriter(out, dialect: sheet.input.dialect)
        let derivation = analysis.derivation
        try sheet.forEachRecord { record, role in
            let item = role == .data ? itemOn(record.line) : nil
            // The header repeated above each group of a board export names the added columns too.
            let namesColumns = role == .header || role == .data && item == nil && sheet.rows.repeatsHeader(record)
            guard namesColumns || item != nil else {
                try SheetRewriter.copy(record, to: out)
                return true
            }
            var written = 0
            for column in 0..<record.count where !own.contains(column) {
                if written > 0 { try writer.writeDelimiter() }
                let raw = record.rawBytes(column)
                if sanitize && role == .data, let first = record.bytes(column).first, CSVSafety.formulaStarts.contains(first) {
                    try writer.writeCell("'" + record.string(column), quoted: record.wasQuoted(column))
                } else {
                    try out.append(raw)
                }
                written += 1
            }
            while written < width {
                if written > 0 { try writer.writeDelimiter() }
                written += 1
            }
            let cells: [String]
            if let item {
                let result = derivation.results[item]
                let bits = codeBits[item]
                let codes = FindingCode.all.indices.filter { bits & 1 << UInt64($0) != 0 }.map { FindingCode.all[$0].name }
                cells = [result.status.rawValue, TextFormat.percent(result.progress), codes.joined(separator: ";"),
                         derivation.reason(item)]
            } else {
                cells = columns
            }
            for cell in cells {
                if written > 0 { try writer.writeDelimiter() }
                try writer.writeCell(CSVSafety.neutralize(cell))
                written += 1
            }
            try writer.writeTerminator(record.terminator == .none ? .none : record.terminator)
            return true
        }
        try out.flush()
    }
}
