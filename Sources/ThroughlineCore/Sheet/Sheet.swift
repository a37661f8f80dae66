/// One column of a sheet: its header as typed, a unique name, and the field it maps to.
public struct SheetColumn: Equatable, Sendable {
    /// Position, 0-based.
    public let index: Int
    /// The header cell as it stands (empty for a sheet without a header).
    public let header: String
    /// A unique name for messages and output: the header, made unique with ` (2)` when repeated; a letter when there is no header.
    public let name: String
    /// The canonical field, when the header maps to one.
    public var field: Field?
    /// How the field was chosen: `synonym`, `last words` (the header ends in a synonym), `--map`, or empty when unmapped.
    public var mappedBy: String
}

/// Where a sheet's header is and what its columns mean.
public struct SheetLayout: Equatable, Sendable {
    /// The columns in order.
    public let columns: [SheetColumn]
    /// The row (1-based record number, blank lines counted) holding the header; nil when the sheet has none.
    public let headerRow: Int?
    /// The line the header starts on; nil when the sheet has none.
    public let headerLine: Int?
    /// How the header row was chosen, for the report.
    public let headerReason: String
    /// Notes for the report: repeated headers, columns that lost a field to an earlier one.
    public internal(set) var notes: [String]
    /// In a sheet laid out as an outline (an OKR sheet's `Objective` and `Key Result` columns, and no title or type
    /// column), the columns that name each row's level, shallowest first; empty for any other sheet.
    public var outline: [OutlineColumn] = []
    /// In a sheet with no id column whose rows each link to their issue (GitHub Projects' `URL`), that column: a row's
    /// id is its link's short form (`IssueLink`), the form references to it are written in. Nil for any other sheet.
    public var linkColumn: Int?
    /// In a sheet with no parent column whose rows number their place in an outline (Microsoft Project's `WBS` or
    /// `Outline Level`), that column; nil for any other sheet.
    public var numbering: OutlineNumbering?
    /// The reference columns (objective, parent) whose blank cells repeat the cell above, as a merged cell exports.
    public var filledDown: [Int] = []
    /// In a monday.com board that writes each item's subitems under it (`Sheet.findSubitems`): for each column, the
    /// column of a subitem row that holds its field (-1 for none), and the column that holds a subitem's title.
    public var subitems: Subitems?
    /// How a subitem row is read.
    public struct Subitems: Equatable, Sendable {
        /// For each of the sheet's columns, the subitem row's column that holds its field, or -1.
        public let cells: [Int]
        /// The subitem row's column that holds its title.
        public let title: Int
    }
    /// A column saying when or whether work was completed (Asana's `Completed At`) beside the status column: a row
    /// whose status cell is blank is done when it holds a date or a ticked box. Nil for any other sheet.
    public var completionColumn: Int?
    /// Columns that repeat the dependency column's header (Jira writes one `Inward issue link (Blocks)` column per
    /// link): their cells are more dependencies of the row, read after the dependency column's own.
    public var moreDependencies: [Int] = []
    /// Whether the sheet writes numbers with a decimal comma (`4,5`, as Excel does in Germany or France), from the
    /// number cells of the rows read: then `1.200` is 1200. Cells showing a decimal point as well leave it false.
    public var decimalComma = false
    /// Whether the status column rates confidence from 1 to 10 (its header says `1-10` or `/10`, or the rows read
    /// hold a whole number from 6 to 10 in it), rather than from 1 to 5: its numbers are then not read as ratings.
    public var confidenceOutOfTen = false

    /// The filled cells of `moreDependencies` on `record`, trimmed and joined with `; `; empty when there are none.
    func moreDependencies(in record: CSVRecord) -> String {
        var joined = ""
        for column in moreDependencies where column < record.count {
            let text = record.string(column).trimmingSpaces
            if !text.isEmpty { joined += (joined.isEmpty ? "" : "; ") + text }
        }
        return joined
    }

    /// Whether the rows must be read in sheet order, one after another: a row's place may depend on the rows above.
    var readsInOrder: Bool { !outline.isEmpty || numbering != nil || !filledDown.isEmpty || subitems != nil }

    /// A column numbering each row's place in an outline: `wbs` numbers (`1.2.3` sits under `1.2`) or `level`s (a row
    /// sits under the last row above at a shallower level).
    public struct OutlineNumbering: Equatable, Sendable {
        public enum Kind: Sendable { case wbs, level }
        public let column: Int
        public let kind: Kind
    }

    /// A level column of an outline sheet: a row that fills it (and no deeper one) is an item titled by the cell, of
    /// the type the header names (`Key Result`); nil for a numbered title (`Title 2`), whose rows' types come from the
    /// type column.
    public struct OutlineColumn: Equatable, Sendable {
        public let index: Int
        public let type: ItemType?
    }

    /// The column mapped to `field`.
    public func column(for field: Field) -> SheetColumn? { columns.first { $0.field == field } }

    /// How a row's id is read: its id cell, trimmed, or in a sheet whose ids are its links, its link's short form.
    public struct RowID: Sendable {
        let column: Int
        let fromLink: Bool

        /// Nil for a sheet whose rows have no ids.
        init?(_ layout: SheetLayout) {
            if let id = layout.column(for: .id)?.index {
                (column, fromLink) = (id, false)
            } else if let link = layout.linkColumn {
                (column, fromLink) = (link, true)
            } else {
                return nil
            }
        }

        /// The id of the item on `record`; nil when the row is too short to hold it. A cell that is no link gives none.
        func read(_ record: CSVRecord) -> String? {
            guard column < record.count else { return nil }
            let text = String(decoding: record.bytes(column), as: UTF8.self).trimmingSpaces
            return fromLink ? IssueLink.shortForm(text) ?? "" : text
        }
    }

    /// The name to use for column `index`, also past the header's width.
    public func columnName(_ index: Int) -> String {
        index < columns.count ? columns[index].name : SheetLayout.letters(index)
    }

    /// The first quoted cell of `record` with lines after its first that read as rows (as many of the sheet's
    /// `delimiter` as the header has columns less two, three at least): its column, the line it opens on, and those
    /// lines. A quote that opened the cell is likely stray, and the rows after it were read as the cell's text, not as
    /// items; a note written over several lines seldom has so many. Nil for a record on one line, or a header of fewer
    /// than four columns.
    func rowsInside(_ record: CSVRecord, delimiter: UInt8) -> (column: Int, opens: Int, lines: [Int])? {
        guard record.lineBreaks > 0, columns.count >= 4 else { return nil }
        let wanted = max(3, columns.count - 2)
        var line = record.line
        for column in 0..<record.count {
            let raw = record.rawBytes(column)
            let start = line
            var found: [Int] = []
            var index = 0, separators = 0
            // A line of the cell after its first, ended at `line`, read as a row when it has enough delimiters.
            func lineEnded() {
                guard line > start, separators >= wanted else { return }
                found.append(line)
            }
            // Line ends as the reader counts them (LF, CR LF, a lone CR).
            while index < raw.count {
                let byte = raw[index]
                if byte == 0x0A || byte == 0x0D {
                    if byte == 0x0D, index + 1 < raw.count, raw[index + 1] == 0x0A { index += 1 }
                    lineEnded()
                    line += 1
                    separators = 0
                } else if byte == delimiter { separators += 1 }
                index += 1
            }
            lineEnded()
            if !found.isEmpty { return (column, start, found) }
        }
        return nil
    }

    /// `error` as the CSV reader gave it, with the column letter of a cell below the header replaced by the header's name.
    func namingColumn(of error: Error) -> Error {
        Self.namingColumn(of: error, below: headerLine) { $0 < columns.count ? columnName($0) : nil }
    }

    /// `error` as the CSV reader gave it, with the column letter of a cell below `headerLine` replaced by `name` of
    /// its index, when there is one.
    static func namingColumn(of error: Error, below headerLine: Int?, _ name: (Int) -> String?) -> Error {
        guard case let .data(location?, message, hint) = error as? ThroughlineError, let line = location.line, let headerLine,
              line > headerLine, let letters = location.column, let index = index(ofLetters: letters), let header = name(index)
        else { return error }
        var named = location
        named.column = header
        return ThroughlineError.data(named, message, hint: hint)
    }

    /// The column that spreadsheet letters name (`A` is 0, `AA` is 26); nil for anything but capital letters.
    static func index(ofLetters letters: String) -> Int? {
        var number = 0
        for byte in letters.utf8 {
            guard byte >= 0x41, byte <= 0x5A, number < Int.max / 26 - 26 else { return nil }
            number = number * 26 + Int(byte - 0x40)
        }
        return number == 0 ? nil : number - 1
    }

    /// Spreadsheet column letters: 0 is A, 25 is Z, 26 is AA.
    public static func letters(_ index: Int) -> String {
        var number = index + 1
        var letters = ""
        while number > 0 {
            let remainder = (number - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
            number = (number - 1) / 26
        }
        return letters
    }
}

/// How to find the header and map the columns.
public struct SheetOptions: Sendable {
    /// False when the sheet has no header row: columns are named A, B, C …
    public var hasHeader = true
    /// The header's row (1-based, blank lines counted), instead of finding it.
    public var headerRow: Int?
    /// Header (as matched by `Conventions.headerKey`) to field, or to nil to leave a column unmapped; from `--map`.
    public var map: [String: Field?] = [:]
    /// The type of the sheet's rows when its file name says (initiatives.csv): then a header naming that type is the
    /// title, and a header naming a higher type is the parent (or the objective).
    public var fileType: ItemType?

    /// Default options: find the header, map by synonyms.
    public init() {}
}

/// What each record of a sheet is.
public enum RecordRole: Sendable {
    /// A row above the header: a title, totals, notes.
    case preamble
    /// The header row.
    case header
    /// A row of data (possibly blank).
    case data
}

/// A CSV source with its header found and its columns mapped.
public final class Sheet {
    /// The opened source.
    public let input: CSVInput
    /// Header and columns.
    public let layout: SheetLayout
    /// The size from which `readDataRows` reads the sheet in two halves.
    var minimumSplitSize = Sheet.partThreshold
    /// Where `readDataRows` split the sheet the first time (nil inside when no split was found): later passes reuse it.
    var split: SplitPoint??
    /// A search for the split started ahead of the first pass (`startFindingSplit`), which that pass waits for.
    var pendingSplit: PendingSplit?
    /// Which data rows hold items.
    let rows: RowFilter

    /// How many rows above the header are searched for it.
    static let headerSearchRows = 30

    /// Finds the header of `input` and maps its columns.
    public init(input: CSVInput, conventions: Conventions, options: SheetOptions = SheetOptions()) throws {
        self.input = input
        var firstRows: [(cells: [String], line: Int)] = []
        let wanted = max(Self.headerSearchRows, options.headerRow ?? 0, options.hasHeader ? 0 : Self.headerSearchRows)
        do {
            try input.makeReader(chunkSize: 1 << 16).forEach { record in
                firstRows.append((record.strings, record.line))
                return firstRows.count < wanted
            }
        } catch {
            // A cell that cannot be read below a header already read is named by that header; rows that map no column
            // are no header (a title row above one the error cut off, say).
            guard let layout = try? Self.layout(of: firstRows, file: input.file, conventions: conventions, options: options),
                  layout.columns.contains(where: { $0.field != nil }) else { throw error }
            throw layout.namingColumn(of: error)
        }
        layout = try Self.layout(of: firstRows, file: input.file, conventions: conventions, options: options)
        rows = RowFilter(layout: layout)
    }

    /// Calls `body` with every record and what it is, from the start of the file.
    public func forEachRecord(_ body: (CSVRecord, RecordRole) throws -> Bool) throws {
        var row = 0
        let headerRow = layout.headerRow ?? 0
        do {
            try input.makeReader().forEach { record in
                row += 1
                let role: RecordRole = row < headerRow ? .preamble : row == headerRow ? .header : .data
                return try body(record, role)
            }
        } catch {
            throw layout.namingColumn(of: error)
        }
    }

    /// Calls `body` with every data row that holds an item; blank rows are skipped, and `leftOut`, when given, is told
    /// of every other row that holds none (a totals row, a note) and why, in a few words (such rows are rare).
    public func forEachDataRow(leftOut: (Int, String) -> Void = { _, _ in }, _ body: (CSVRecord) throws -> Bool) throws {
        try forEachRecord { record, role in
            guard role == .data, rows.holdsItem(record, leftOut: leftOut) else { return true }
            return try body(record)
        }
    }

    /// A record with no cells, or only empty ones.
    public static func isBlank(_ record: CSVRecord) -> Bool {
        for index in 0..<record.count where !record.bytes(index).isEmpty { return false }
        return true
    }

    /// Whether a data row is one to read (see `RowFilter`).
    public func holdsItem(_ record: CSVRecord) -> Bool { rows.holdsItem(record) }


    /// A totals row: its first cell that says anything is a totals word (`Total`, `Grand total`, `Subtotal Q3` …) and
    /// every other cell is empty or a figure.
    static func isTotals(_ record: CSVRecord) -> Bool {
        var column = 0
        while column < record.count && !hasText(record.bytes(column)) { column += 1 }
        guard column < record.count else { return false }
        // Cheap screen before any string is made: every totals word has "tot", "sum", "som" or "ges" in it, in any case.
        let first = record.bytes(column)
        guard first.count <= 40, mayBeTotalsWord(first) else { return false }
        guard isTotalsWord(String(decoding: first, as: UTF8.self)) else { return false }
        for other in (column + 1)..<max(column + 1, record.count) {
            let bytes = record.bytes(other)
            if hasText(bytes) && !isFigure(bytes) { return false }
        }
        return true
    }

    /// Whether `bytes` hold "tot", "sum", "som" or "ges", in any case: every totals word does (`Total`, `Summe`,
    /// `Somme`, `Gesamt`).
    static func mayBeTotalsWord(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 3 else { return false }
        for start in 0...(bytes.count - 3) {
            let (a, b, c) = (bytes[start] | 0x20, bytes[start + 1] | 0x20, bytes[start + 2] | 0x20)
            if (a, b, c) == (0x74, 0x6F, 0x74) || (a, b, c) == (0x73, 0x75, 0x6D) || (a, b, c) == (0x73, 0x6F, 0x6D) || (a, b, c) == (0x67, 0x65, 0x73) {
                return true
            }
        }
        return false
    }

    /// A figure: digits, with at most a unit's three letters (`£1.2m`, `40 EUR`, `$231,000`), or a formula saved as its
    /// text (`=AVERAGE(I2:I22)`).
    static func isFigure(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if bytes.first(where: { !$0.isASCIISpace }) == 0x3D { return true }
        let letters = bytes.lazy.filter { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }.count
        return letters <= 3 && bytes.contains(where: { $0 >= 0x30 && $0 <= 0x39 })
    }

    /// Whether a cell names a totals row: "Total", "Totals", "Grand total", "Sum", "Subtotal …", "… total", and the same
    /// in the languages whose dates and decimal commas are read: "Summe", "Gesamt", "Zwischensumme", "Somme",
    /// "Sous-total", "Totaal", "Totale", "Suma", "Summa".
    static func isTotalsWord(_ cell: String) -> Bool {
        let key = Conventions.wordKey(cell)
        // A qualifier in brackets after the word says which total: "Total (weighted)", "Sum (kEUR)".
        var word = key
        if key.hasSuffix(")"), let open = key.lastIndex(of: "(") { word = String(key[..<open]).trimmingSpaces }
        return totalsWords.contains(word) || key.hasPrefix("subtotal") || key.hasPrefix("sous-total") || key.hasPrefix("zwischensumme")
            || word.hasSuffix(" total") || word.hasSuffix("summe")
    }

    static let totalsWords: Set<String> = [
        "total", "totals", "grand total", "sum", "summe", "gesamt", "insgesamt", "somme", "totaal", "totale", "suma", "soma", "summa", "totalt",
    ]

    /// Whether a cell holds anything but white space.
    static func hasText(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes {
            if byte >= 0x80 { return !String(decoding: bytes, as: UTF8.self).trimmingSpaces.isEmpty }
            if !byte.isASCIISpace { return true }
        }
        return false
    }

    static func layout(of rows: [(cells: [String], line: Int)], file: String, conventions: Conventions, options: SheetOptions) throws -> SheetLayout {
        guard options.hasHeader else {
            let width = rows.map(\.cells.count).max() ?? 0
            let columns = (0..<width).map { SheetColumn(index: $0, header: "", name: SheetLayout.letters($0), field: nil, mappedBy: "") }
            return SheetLayout(columns: columns, headerRow: nil, headerLine: nil, headerReason: "--no-header", notes: [])
        }
        guard rows.contains(where: { $0.cells.contains { !$0.trimmingSpaces.isEmpty } }) else {
            throw ThroughlineError.data(SourceLocation(file: file), rows.isEmpty ? "the file is empty: there is no header row" : "the file has only blank rows: there is no header row",
                                        hint: "a sheet needs a header row naming its columns")
        }
        let chosen: Int
        let reason: String
        if let requested = options.headerRow {
            guard requested >= 1, requested <= rows.count else {
                throw ThroughlineError.usage("--header-row \(requested) is past the end of the sheet (it has \(rows.count) rows)")
            }
            chosen = requested - 1
            reason = "as given by --header-row"
        } else {
            // The header is the row naming the most known fields; failing that, the first row about as wide as the widest.
            // (The columns `annotate` adds name no field of the sheet's own.)
            let scores = rows.map { row in
                let added = SheetAnnotator.ownColumns(row.cells)
                return Set(row.cells.indices.compactMap { added.contains($0) ? nil : candidate(row.cells[$0], conventions, options, byEnding: false)?.field }).count
            }
            if let best = scores.max(), best >= 2, let index = scores.firstIndex(of: best) {
                chosen = index
                reason = "it names \(best) known fields"
            } else {
                let filled = rows.map { $0.cells.filter { !$0.trimmingSpaces.isEmpty }.count }
                let widest = filled.max() ?? 0
                chosen = filled.firstIndex { $0 * 2 >= widest && $0 > 0 } ?? 0
                reason = "the first row about as full as the widest (few headers are known names)"
            }
        }
        let headers = rows[chosen].cells
        var columns: [SheetColumn] = []
        var notes: [String] = []
        var seenNames: [String: Int] = [:]
        let annotateColumns = SheetAnnotator.ownColumns(headers)
        // What each column could be, and how strongly; `--map` and type headers are the strongest.
        var candidates: [(field: Field, rank: Int, via: String)?] = []
        for (index, header) in headers.enumerated() {
            let derived = SheetAnnotator.derivedColumns.contains(header.trimmingSpaces.lowercased())
            candidates.append(annotateColumns.contains(index) || derived ? nil : candidate(header, conventions, options))
        }
        // Each field goes to its strongest column, the first among equals.
        var winner: [Field: Int] = [:]
        for (index, candidate) in candidates.enumerated() {
            guard let candidate else { continue }
            if let current = winner[candidate.field], candidates[current]!.rank <= candidate.rank { continue }
            winner[candidate.field] = index
        }
        // A column empty in every row read does not take a field from another that names it too and is filled; what
        // `--map` says stands.
        let sampled = rows[(chosen + 1)...]
        /// The filled cells of a column in the rows read, trimmed.
        let cells = { (column: Int) in sampled.compactMap { $0.cells.count > column ? $0.cells[column].trimmingSpaces : nil }.filter { !$0.isEmpty } }
        let filled = { (column: Int) in sampled.contains { $0.cells.count > column && !$0.cells[column].trimmingSpaces.isEmpty } }
        for (field, column) in winner where candidates[column]?.via != "--map" && !filled(column) {
            if let other = candidates.indices.first(where: { $0 != column && candidates[$0]?.field == field && filled($0) }) { winner[field] = other }
        }
        // A title column that holds one value on every row read (a release tracker's `Milestone` of `v1.35`) names no
        // item: another column read as the title whose values differ is used.
        var oneValued: Int?
        if let column = winner[.title], candidates[column]?.via != "--map" {
            let values = cells(column)
            if values.count >= 3, Set(values).count == 1,
               let other = candidates.indices.first(where: { $0 != column && candidates[$0]?.field == .title && Set(cells($0)).count > 1 }) {
                winner[.title] = other
                oneValued = column
            }
        }
        // A progress column of status words (Microsoft Planner's Progress: Not started, In progress, Completed) is the
        // status, when no other column is but one saying when work was completed (Planner's Completed Date), which
        // then stays that.
        let completionStatus = winner[.status].flatMap { CellNormalizer.completionHeaders.contains(Conventions.headerKey(headers[$0])) && candidates[$0]?.via != "--map" ? $0 : nil }
        if winner[.status] == nil || completionStatus != nil, let column = winner[.progress], candidates[column]?.via != "--map" {
            let cells = cells(column)
            // (At least half status words, none a percentage: a word the conventions lack, as Asana's `Waiting`, is then
            // an unknown status, not a reason to read every status as a bad number.)
            if !cells.isEmpty, !cells.contains(where: { PercentReading.read($0) != nil }),
               cells.filter({ conventions.status(for: $0) != nil }).count * 2 >= cells.count {
                if let completionStatus { candidates[completionStatus] = nil }
                candidates[column] = (.status, candidates[column]!.rank, "synonym")
                winner[.progress] = nil
                winner[.status] = column
                notes.append("column '\(headers[column].collapsingSpaces)' holds status words, not percentages: it is read as the status")
            }
        }
        // A type column of numbers (Smartsheet's or Microsoft Project's Level: 0, 1, 2) gives outline levels, not types.
        var levelColumn: Int?
        if let column = winner[.type], candidates[column]?.via != "--map" {
            let cells = cells(column)
            if !cells.isEmpty, cells.allSatisfy({ Int($0) != nil && conventions.type(for: $0) == nil }) {
                candidates[column] = nil
                winner[.type] = nil
                levelColumn = column
                notes.append("column '\(headers[column].collapsingSpaces)' holds numbers (outline levels), not item types: it is kept as is")
            }
        }
        // A parent column of numbers beside ids that are not (Jira's Parent holds the parent's Issue id, while Issue key is
        // the id): another column that names the parent (Jira's Parent summary, its title) is read instead.
        let isNumber = { (cell: String) in !cell.isEmpty && cell.allSatisfy { $0.isASCII && $0.isNumber } }
        if let parent = winner[.parent], let id = winner[.id], candidates[parent]?.via != "--map",
           !cells(parent).isEmpty, cells(parent).allSatisfy(isNumber), !cells(id).allSatisfy(isNumber),
           let other = candidates.indices.first(where: { $0 != parent && candidates[$0]?.field == .parent && !cells($0).isEmpty }) {
            winner[.parent] = other
            candidates[parent] = nil
            notes.append("column '\(headers[parent].collapsingSpaces)' holds numbers, not the ids in '\(headers[id].collapsingSpaces)': '\(headers[other].collapsingSpaces)' is read as the parent")
        }
        // Beside a baseline finish, a plain finish is the current plan (Microsoft Project's Finish and Baseline Finish):
        // it is the forecast, when no column is.
        let plainFinishes: Set<String> = ["finish", "finishdate", "end", "enddate", "scheduledfinish", "currentfinish"]
        if winner[.forecast] == nil, let baseline = winner[.due], Conventions.headerKey(headers[baseline]).hasPrefix("baseline"),
           let other = candidates.indices.first(where: { $0 != baseline && candidates[$0]?.field == .due && candidates[$0]?.via != "--map"
               && plainFinishes.contains(Conventions.headerKey(headers[$0])) }) {
            candidates[other] = (.forecast, candidates[other]!.rank, candidates[other]!.via)
            winner[.forecast] = other
            notes.append("column '\(headers[other].collapsingSpaces)' is the finish planned now, beside the baseline in '\(headers[baseline].collapsingSpaces)': it is read as the forecast")
        }
        var names: [String] = []
        var moreDependencies: [Int] = []
        for (index, header) in headers.enumerated() {
            let trimmed = header.collapsingSpaces
            var name = trimmed.isEmpty ? SheetLayout.letters(index) : trimmed
            let key = name.lowercased()
            if let count = seenNames[key] {
                seenNames[key] = count + 1
                name = "\(name) (\(count + 1))"
                notes.append("header '\(trimmed)' is repeated: column \(SheetLayout.letters(index)) is named '\(name)'")
            } else {
                seenNames[key] = 1
            }
            names.append(name)
        }
        for (index, header) in headers.enumerated() {
            var column = SheetColumn(index: index, header: header, name: names[index], field: nil, mappedBy: "")
            if let candidate = candidates[index] {
                if winner[candidate.field] == index {
                    column.field = candidate.field
                    column.mappedBy = candidate.via
                } else if let chosen = winner[candidate.field] {
                    if candidate.field == .dependsOn && Conventions.headerKey(header) == Conventions.headerKey(headers[chosen]) {
                        moreDependencies.append(index)
                        notes.append("column '\(names[index])' repeats '\(names[chosen])': its cells are more dependencies of the row")
                    } else if index == oneValued {
                        notes.append("column '\(names[index])' also reads as \(candidate.field.rawValue), but holds '\(cells(index)[0].collapsingSpaces)' on every row: '\(names[chosen])' is used, '\(names[index])' is kept as an extra column")
                    } else {
                        let why = !filled(index) && filled(chosen) ? "is filled while it is empty" : "names it more plainly"
                        notes.append("column '\(names[index])' also reads as \(candidate.field.rawValue); '\(names[chosen])' \(why) and is used, '\(names[index])' is kept as an extra column")
                    }
                }
            }
            columns.append(column)
        }
        // With no id column, a column linking each row to its issue (GitHub Projects' URL) gives the ids: references
        // name issues by the links' short form (`acme/widget#12` in GitHub's Parent issue). A column so named is
        // preferred; another must be filled in at least half the rows (not a sparse column of linked pull requests).
        var linkColumn: Int?
        if winner[.id] == nil {
            let rowsFilled = sampled.filter { $0.cells.contains { !$0.trimmingSpaces.isEmpty } }.count
            let linking = headers.indices.filter { index in
                if let candidate = candidates[index], winner[candidate.field] == index { return false }
                let cells = cells(index)
                return !cells.isEmpty && cells.allSatisfy { IssueLink.shortForm($0) != nil }
            }
            let named: Set<String> = ["url", "link", "issueurl", "issuelink", "weburl", "htmlurl"]
            linkColumn = linking.first { named.contains(Conventions.headerKey(headers[$0])) }
                ?? linking.first { cells($0).count * 2 >= rowsFilled }
            if let linkColumn {
                let example = cells(linkColumn).first.flatMap(IssueLink.shortForm) ?? ""
                notes.append("no column holds ids, and column '\(names[linkColumn])' links each row to its issue: a row's id is its link's short form (\(example)), as references to it are written")
            }
        }
        var layout = SheetLayout(columns: columns, headerRow: chosen + 1, headerLine: rows[chosen].line, headerReason: reason, notes: notes)
        Self.findOutline(&layout, headers: headers, rows: sampled.map(\.cells), conventions: conventions, options: options)
        layout.linkColumn = linkColumn
        layout.moreDependencies = moreDependencies
        if let status = layout.column(for: .status), !CellNormalizer.completionHeaders.contains(Conventions.headerKey(status.header)),
           let completion = layout.columns.first(where: { $0.field == nil && CellNormalizer.completionHeaders.contains(Conventions.headerKey($0.header)) }) {
            layout.completionColumn = completion.index
            layout.notes.append("column '\(completion.name)' says when work was completed: a row whose '\(status.name)' is blank is done when it holds a date or a ticked box")
        }
        let sampledCells = sampled.map(\.cells)
        Self.findDecimalComma(&layout, rows: sampledCells)
        Self.findConfidenceOutOfTen(&layout, rows: sampledCells)
        if layout.outline.isEmpty {
            Self.findNumbering(&layout, headers: headers, rows: sampledCells, levelColumn: levelColumn)
            Self.findFilledDown(&layout, rows: sampledCells, conventions: conventions)
        }
        Self.findSubitems(&layout, rows: sampledCells, conventions: conventions, options: options)
        return layout
    }

    /// A sheet whose number cells (progress, weight, KPI values) in the rows read show a decimal comma (`4,5`) and none
    /// a decimal point writes its numbers so: `1.200` there is 1200, not 1.2.
    static func findDecimalComma(_ layout: inout SheetLayout, rows: [[String]]) {
        let numeric: Set<Field> = [.progress, .weight, .baseline, .target, .actual]
        let columns = layout.columns.filter { $0.field.map(numeric.contains) ?? false }
        var example: (cell: String, column: String)?
        for row in rows {
            for column in columns where column.index < row.count {
                let cell = row[column.index]
                switch NumberReading.decimalSeparator(in: cell) {
                case ","?: if example == nil { example = (cell.trimmingSpaces, column.name) }
                case "."?: return
                default:
                    // `12,000` groups thousands with a comma, as English sheets do: no decimal comma there.
                    if NumberReading.groupsThousands(cell, by: ",") { return }
                }
            }
        }
        guard let example else { return }
        layout.decimalComma = true
        layout.notes.append("numbers are written with a decimal comma ('\(example.cell)' in '\(example.column)'): a point between groups of three digits separates thousands ('1.200' is 1200) and a lone comma is the decimal one ('1,250' is 1.25)")
    }

    /// A status column of confidence (`Confidence`, `DCA`) rated from 1 to 10: its header says so (`Confidence (1-10)`,
    /// `Confidence /10`), or a cell of the rows read is a whole number from 6 to 10.
    static func findConfidenceOutOfTen(_ layout: inout SheetLayout, rows: [[String]]) {
        guard let status = layout.column(for: .status), case let key = Conventions.headerKey(status.header),
              CellNormalizer.numericScale(headerKey: key) == .confidence else { return }
        // `1-10`, `out of 10`, `/10` (the header key keeps letters and digits only).
        let saysTen = key.hasSuffix("110") || key.hasSuffix("of10") || key.hasSuffix("confidence10")
        let example = rows.lazy.compactMap { $0.count > status.index ? Int($0[status.index].trimmingSpaces) : nil }.first { (6...10).contains($0) }
        guard saysTen || example != nil else { return }
        layout.confidenceOutOfTen = true
        let why = saysTen ? "its header says so" : "it holds \(example!)"
        layout.notes.append("column '\(status.name)' rates confidence from 1 to 10 (\(why)): its numbers are not read as the 1-5 rating, and each is unknown-status unless the conventions sheet maps it (status,8,on-track)")
    }

    /// A sheet with no title and no type column, and two or more columns whose headers name item types (an OKR sheet's
    /// `Objective` and `Key Result`), is an outline: each row is an item of the deepest of those columns it fills,
    /// titled by that cell, under the item the shallower cell of its row names, else under the last row above at a
    /// shallower level. Those columns then name no field. The title column may be the deepest of them (`Task`,
    /// `Initiative`) when the rows read show an outline: some rows (two or more, a tenth of them at least) fill a
    /// shallower column and leave it empty. Where every row fills it, each row is one item of a flat sheet.
    static func findOutline(_ layout: inout SheetLayout, headers: [String], rows: [[String]], conventions: Conventions, options: SheetOptions) {
        if let numbered = numberedTitles(layout, headers: headers, options: options) {
            outline(&layout, numbered)
            return
        }
        guard options.fileType == nil, layout.column(for: .type) == nil else { return }
        let title = layout.column(for: .title)
        if let title, title.mappedBy != "synonym" || conventions.type(for: title.header) == nil { return }
        var typed: [(index: Int, type: ItemType)] = []
        for (index, header) in headers.enumerated() where Conventions.headerKey(header).count > 1 && options.map[Conventions.headerKey(header)] == nil {
            guard let type = conventions.type(for: header), !typed.contains(where: { $0.type == type }) else { continue }
            typed.append((index, type))
        }
        guard typed.count >= 2 else { return }
        let levels = typed.sorted { $0.type.level < $1.type.level }.map { SheetLayout.OutlineColumn(index: $0.index, type: $0.type) }
        if let title {
            guard levels.last?.index == title.index else { return }
            let filled = { (row: [String], column: Int) in column < row.count && !row[column].trimmingSpaces.isEmpty }
            let leveled = rows.filter { row in levels.contains { filled(row, $0.index) } }
            let heads = leveled.filter { row in !filled(row, title.index) }.count
            guard heads >= 2, heads * 10 >= leveled.count else { return }
        }
        outline(&layout, levels)
    }

    /// Azure DevOps' tree queries export each work item's title in the column of its depth, `Title 1`, `Title 2`, …:
    /// those columns, numbered from 1 with none left out, when there are two or more and no column is the title.
    static func numberedTitles(_ layout: SheetLayout, headers: [String], options: SheetOptions) -> [SheetLayout.OutlineColumn]? {
        guard layout.column(for: .title) == nil else { return nil }
        var numbered: [(number: Int, index: Int)] = []
        for (index, header) in headers.enumerated() {
            let key = Conventions.headerKey(header)
            guard key.hasPrefix("title"), options.map[key] == nil, let number = Int(key.dropFirst(5)) else { continue }
            numbered.append((number, index))
        }
        numbered.sort { $0.number < $1.number }
        guard numbered.count >= 2, numbered.map(\.number) == Array(1...numbered.count) else { return nil }
        return numbered.map { .init(index: $0.index, type: nil) }
    }

    /// Makes `layout` an outline of `levels`, shallowest first: those columns then name no field.
    static func outline(_ layout: inout SheetLayout, _ levels: [SheetLayout.OutlineColumn]) {
        var columns = layout.columns
        for level in levels {
            columns[level.index].field = nil
            columns[level.index].mappedBy = ""
        }
        let names = levels.map { "'\(columns[$0.index].name)'" }.joined(separator: ", ")
        // A row's own parent cell (Azure DevOps exports a `Parent` id beside its `Title 1`, `Title 2`) places it first.
        let references = columns.filter { $0.field == .parent || $0.field == .objective }.map { "'\($0.name)'" }
        let own = references.isEmpty ? "" : "under the item its \(references.joined(separator: " or ")) cell names, else "
        var outlined = SheetLayout(columns: columns, headerRow: layout.headerRow, headerLine: layout.headerLine, headerReason: layout.headerReason,
                                   notes: layout.notes + ["columns \(names) give each row's level and title: a row is the deepest of them it fills, \(own)under the item its shallower cell names, else under the last row above at a shallower level"])
        outlined.outline = levels
        layout = outlined
    }

    /// Header cells longer than this many bytes name no field (90 Japanese characters are 270 bytes; a note pasted
    /// into the first rows is longer).
    static let longestHeader = 4096

    /// In a sheet of one item type, a header that names a type: `Objective` in objectives.csv is the title, `Initiative`
    /// in milestones.csv the parent.
    static func typeHeaderField(_ header: String, _ fileType: ItemType?, _ conventions: Conventions) -> Field? {
        guard let fileType, Conventions.headerKey(header).count > 1, let named = conventions.type(for: header) else { return nil }
        if named == fileType { return .title }
        guard named.level < fileType.level else { return nil }
        return named == .objective ? .objective : .parent
    }

    /// The field a header could be and how strongly (lower is stronger): `--map` first, then a type header in a sheet
    /// of one type, then the synonyms by rank, then (`byEnding`) a header read by its last words. Used both to find
    /// the header row, where only whole names count (a data row's cells may end in any word), and to map its columns.
    static func candidate(_ header: String, _ conventions: Conventions, _ options: SheetOptions,
                          byEnding: Bool = true) -> (field: Field, rank: Int, via: String)? {
        // A cell this long is a note, not a column's name; reading it word by word would take seconds on a cell of megabytes.
        guard header.utf8.count <= Self.longestHeader else { return nil }
        if let mapped = options.map[Conventions.headerKey(header)] { return mapped.map { ($0, -2, "--map") } }
        if let typed = typeHeaderField(header, options.fileType, conventions) {
            // A header naming a higher type is the parent (or the objective) where no column says so plainly: a `Parent`
            // column beside Linear's `Project` in tasks.csv wins. Among such headers, the first; a header that is the
            // field's own synonym (`Objective`) ranks as one.
            if typed == .title { return (typed, -1, "synonym") }
            if let plain = conventions.fieldAndRank(forHeader: header), plain.field == typed { return (typed, plain.rank, "synonym") }
            return (typed, Conventions.endingRank - 1, "synonym")
        }
        if let whole = conventions.fieldAndRank(forHeader: header) { return (whole.field, whole.rank, "synonym") }
        guard byEnding else { return nil }
        return conventions.fieldByEnding(forHeader: header).map { ($0.field, $0.rank, "last words") }
    }
}

extension Sheet {
    /// The words of a file's name without its folder and extension, in lower case: `Q4 Key-Results.csv` is `q`, `key`,
    /// `results`.
    public static func fileNameWords(_ path: String) -> [String] {
        var stem = Substring(path)
        if let slash = stem.lastIndex(of: "/") { stem = stem[stem.index(after: slash)...] }
        if let dot = stem.lastIndex(of: ".") { stem = stem[..<dot] }
        return stem.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
    }
}

extension ItemType {
    /// Depth in the usual hierarchy: objective 0, key result 1, initiative 2, workstream 3, milestone 4, task 5.
    public var level: Int {
        switch self {
        case .objective: return 0
        case .keyResult: return 1
        case .initiative: return 2
        case .workstream: return 3
        case .milestone: return 4
        case .task: return 5
        }
    }

    /// The type a file's name suggests: `objectives.csv`, `key-results.csv`, `kpis.csv`, `milestones.csv` … A word of the
    /// name (or two written together, `KeyResults`, `key-results`) must be the type's, singular or plural: `msproject.csv`
    /// names no type.
    public static func fromFileName(_ name: String) -> ItemType? {
        let words = Sheet.fileNameWords(name)
        let pairs = zip(words, words.dropFirst()).map { $0 + $1 }
        let types: [String: ItemType] = [
            "keyresult": .keyResult, "kpi": .keyResult, "kr": .keyResult, "objective": .objective, "goal": .objective,
            "initiative": .initiative, "project": .initiative, "workstream": .workstream, "milestone": .milestone, "task": .task,
        ]
        for word in pairs + words {
            if let type = types[word] { return type }
            if word.hasSuffix("s"), let type = types[String(word.dropLast())] { return type }
        }
        return nil
    }
}

/// Tells the data rows that hold items from those that only sit among them: blank rows, a heading of one cell, a
/// totals row under the data, the header repeated (Monday.com repeats it above every group), a row of figures with
/// no id and no title (a group's sums), and an outline sheet's note of one cell. Such rows are copied as they are by
/// `normalize` and `annotate` and raise nothing.
struct RowFilter: Sendable {
    /// Each column's header, trimmed, as bytes.
    private let headers: [[UInt8]]
    /// The id and title columns, when the sheet has them.
    private let nameColumns: [Int]
    private let firstColumnIsID: Bool
    private let idColumn: Int?
    /// The title column, and whether a lone cell in it (the row's other cells empty) is a heading: where the sheet has
    /// an id or a type column, which such a row leaves empty while its items fill it.
    private let titleColumn: Int?
    private let loneTitleIsHeading: Bool
    /// An outline sheet's level columns (`SheetLayout.outline`).
    private let outlineColumns: [Int]

    init(layout: SheetLayout) {
        headers = layout.columns.map { Array($0.header.trimmingSpaces.utf8) }
        outlineColumns = layout.outline.map(\.index)
        nameColumns = [layout.column(for: .id)?.index ?? layout.linkColumn, layout.column(for: .title)?.index].compactMap { $0 } + outlineColumns
        firstColumnIsID = layout.column(for: .id)?.index == 0
        idColumn = layout.column(for: .id)?.index
        titleColumn = layout.column(for: .title)?.index
        loneTitleIsHeading = titleColumn != nil && layout.outline.isEmpty && headers.count >= 3
            && (layout.column(for: .id) != nil || layout.linkColumn != nil || layout.column(for: .type) != nil)
    }

    /// Whether a data row holds an item: it is not blank, and nothing leaves it out.
    func holdsItem(_ record: CSVRecord) -> Bool { !Sheet.isBlank(record) && leftOutReason(record) == nil }

    /// Whether a data row holds an item, telling `leftOut` what it leaves out: the row itself and why (a totals row, a
    /// note). (Rows read into a quoted cell are the item's own `ragged-row`: `SheetLayout.rowsInside`.)
    func holdsItem(_ record: CSVRecord, leftOut: (Int, String) -> Void) -> Bool {
        if Sheet.isBlank(record) { return false }
        guard let why = leftOutReason(record) else { return true }
        leftOut(record.line, why)
        return false
    }

    /// Why a data row holds no item, in a few words (for the notes that list such rows); nil for a row that holds one or
    /// is blank. `holdsItem` asks the same questions, so the two never disagree.
    @inline(__always)
    func leftOutReason(_ record: CSVRecord) -> String? {
        if Sheet.isBlank(record) { return nil }
        if isNote(record) { return "a note" }
        if isHeading(record) { return Self.readsAsSentence(record) ? "a note" : "a heading" }
        if Sheet.isTotals(record) { return "a totals row" }
        if repeatsHeader(record) { return "the header repeated" }
        if isUnnamedFigures(record) { return "figures with no id or title" }
        if isSubitemsHeader(record) { return "the header of subitems" }
        return nil
    }

    /// A note under or among the table, not an item. In an outline sheet, a row of one cell that is in no level column
    /// ("Confidence: 1 = very unlikely"). In any sheet, a row of one cell that opens as a footnote does ("Source: …",
    /// "Note: …") or is a footnote's word alone ("Notes", "Legend:"). In another sheet with an id or title column, a row
    /// of one cell outside them, or in the id column beside a title column, that reads as a sentence, four words or more
    /// ("Entity submissions to the DTA, September 2026."): a lone status or date is still an item's, nameless.
    private func isNote(_ record: CSVRecord) -> Bool {
        if !outlineColumns.isEmpty {
            var filled = 0
            for column in 0..<record.count where Sheet.hasText(record.bytes(column)) {
                if outlineColumns.contains(column) { return false }
                filled += 1
            }
            return filled == 1
        }
        guard let lone = Self.loneCell(record) else { return false }
        if Self.startsAsNote(Self.trimmed(record.bytes(lone))) || Self.isNoteHeading(Self.trimmed(record.bytes(lone))) { return true }
        // Four words are not an id: in a sheet with titles, such a lone cell in the id column is a note too.
        let outsideNames = !nameColumns.isEmpty && !nameColumns.contains(lone)
        return (outsideNames || lone == idColumn && titleColumn != nil) && Self.wordCount(record.bytes(lone)) >= 4
    }

    /// How many words a cell holds, between spaces, tabs and line breaks.
    private static func wordCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var words = 0, inWord = false
        for byte in bytes {
            let space = byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
            if !space && !inWord { words += 1 }
            inWord = !space
        }
        return words
    }

    /// Whether a row's one filled cell reads as a sentence: four words or more with a full stop, or eight words or more.
    private static func readsAsSentence(_ record: CSVRecord) -> Bool {
        guard let lone = loneCell(record) else { return false }
        let words = wordCount(record.bytes(lone))
        return words >= 8 || (words >= 4 && record.bytes(lone).contains(0x2E))
    }

    /// The one filled cell of a row, when it has exactly one.
    private static func loneCell(_ record: CSVRecord) -> Int? {
        var lone: Int?
        for column in 0..<record.count where Sheet.hasText(record.bytes(column)) {
            guard lone == nil else { return nil }
            lone = column
        }
        return lone
    }

    /// Whether a cell opens as a footnote does, in whatever column: `Source: …`, `Note: …`, `NB …`, `* …`, or a
    /// note's word and a colon in another language (`Hinweis:`, `Quelle:`, `Remarque :`, `Nota:`).
    private static func startsAsNote(_ cell: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        let lowered = cell.prefix(16).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        for opening in ["nb ", "footnote", "* "] where lowered.starts(with: opening.utf8) {
            return cell.count > opening.utf8.count + 2
        }
        // A word, then a colon (French puts a space before it), then more.
        let word = lowered.prefix { $0 >= 0x61 && $0 <= 0x7A }
        var rest = lowered.dropFirst(word.count)
        if rest.first == 0x20 { rest = rest.dropFirst() }
        guard rest.first == 0x3A, noteWords.contains(String(decoding: word, as: UTF8.self)) else { return false }
        return cell.count > word.count + 3
    }

    /// Whether a cell is a footnote's word alone, as the heading of notes under the table: `Notes`, `Notes:`, `Legend`,
    /// `Anmerkungen:`.
    private static func isNoteHeading(_ cell: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard cell.count <= 16 else { return false }
        var word = cell.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        if word.last == 0x3A { word.removeLast() }
        while word.last == 0x20 { word.removeLast() }
        return noteWords.contains(String(decoding: word, as: UTF8.self))
    }

    /// The words a footnote opens with, before a colon.
    static let noteWords: Set<String> = [
        "source", "sources", "note", "notes", "nb", "hinweis", "hinweise", "anmerkung", "anmerkungen", "quelle", "quellen", "bemerkung",
        "remarque", "remarques", "nota", "notas", "fuente", "fuentes", "opmerking", "bron", "fonte",
        // A RAG legend under the table: "Key: G = on track, A = some concerns".
        "key", "legend", "legende", "leyenda", "legenda",
    ]

    /// A group's or section's heading, in a sheet of three columns or more: a row of one cell and no delimiter at all,
    /// where the first column is not the id (there, a lone cell is an item's id, ragged); or a row whose one filled cell
    /// is its title, padded with delimiters as a spreadsheet saves it (`Growth Initiatives,,,,`), where the sheet has ids
    /// or types (its items have them, a heading does not). In a sheet with titles, a lone cell in the id column that
    /// reads as words, not as an id (`SIG Node`, a footnote's sentence), is one too: an item would have its title.
    private func isHeading(_ record: CSVRecord) -> Bool {
        if record.count == 1 {
            return headers.count >= 3 && (!firstColumnIsID || titleColumn != nil && Self.readsAsWords(record.bytes(0)))
        }
        guard let lone = Self.loneCell(record) else { return false }
        if lone == idColumn, titleColumn != nil, headers.count >= 3, outlineColumns.isEmpty { return Self.readsAsWords(record.bytes(lone)) }
        guard loneTitleIsHeading, let titleColumn else { return false }
        return lone == titleColumn
    }

    /// Whether a cell reads as words rather than an id: two words or more, starting with a letter, and no digit in the
    /// last (`SIG API Machinery`, `Release milestones`; not `IN 07`, `Phase 2` or `OKR-3`).
    static func readsAsWords(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let cell = trimmed(bytes)
        guard let first = cell.first, first >= 0x80 || (first | 0x20) >= 0x61 && (first | 0x20) <= 0x7A else { return false }
        let words = cell.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D })
        guard words.count >= 2, let last = words.last else { return false }
        return !last.contains { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// monday.com's header of an item's subitems, written under the item in the title column: `Subitems,Name,Owner,…`.
    private func isSubitemsHeader(_ record: CSVRecord) -> Bool {
        guard let titleColumn, titleColumn < record.count else { return false }
        guard Sheet.isSubitemsWord(record.bytes(titleColumn)) else { return false }
        var filled = 0
        for column in 0..<record.count where column != titleColumn && Sheet.hasText(record.bytes(column)) { filled += 1 }
        return filled >= 2
    }

    /// Every filled cell is its column's header, and at least two are.
    func repeatsHeader(_ record: CSVRecord) -> Bool {
        var matched = 0
        for column in 0..<min(record.count, headers.count) {
            let cell = Self.trimmed(record.bytes(column))
            if cell.isEmpty { continue }
            guard cell.elementsEqual(headers[column]) else { return false }
            matched += 1
        }
        return matched >= 2
    }

    /// No id, no title, and every filled cell a figure.
    private func isUnnamedFigures(_ record: CSVRecord) -> Bool {
        guard !nameColumns.isEmpty else { return false }
        for column in nameColumns where column < record.count && Sheet.hasText(record.bytes(column)) { return false }
        for column in 0..<record.count {
            let bytes = record.bytes(column)
            if Sheet.hasText(bytes) && !Sheet.isFigure(bytes) { return false }
        }
        return true
    }

    private static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> Slice<UnsafeBufferPointer<UInt8>> {
        var start = bytes.startIndex, end = bytes.endIndex
        while start < end && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
        while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
        return bytes[start..<end]
    }
}
