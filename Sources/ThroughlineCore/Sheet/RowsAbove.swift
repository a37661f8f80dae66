extension Sheet {
    /// In a sheet with no parent column, a column that numbers each row's place in an outline gives the hierarchy:
    /// Microsoft Project's `WBS` or `Outline Number` (`1.2.3` sits under `1.2`), whether it is the id column or beside
    /// one, else a column of outline levels (`Outline Level`, Smartsheet's `Level`: a row sits under the last row above
    /// at a shallower level). WBS numbers must fill every row read, one at least with a dot; levels must be whole
    /// numbers, not all the same.
    static func findNumbering(_ layout: inout SheetLayout, headers: [String], rows: [[String]], levelColumn: Int?) {
        guard layout.column(for: .parent) == nil else { return }
        let cells = { (column: Int) in rows.compactMap { $0.count > column ? $0[column].trimmingSpaces : nil }.filter { !$0.isEmpty } }
        let named: Set<String> = ["wbs", "wbsid", "wbscode", "wbsnumber", "outlinenumber"]
        let candidates = [layout.column(for: .id)?.index].compactMap { $0 }
            + headers.indices.filter { named.contains(Conventions.headerKey(headers[$0])) }
        for column in candidates {
            let numbers = cells(column)
            guard numbers.count >= 2, numbers.allSatisfy({ OutlineNumber.parts($0) != nil }), numbers.contains(where: { $0.contains(".") }) else { continue }
            layout.numbering = .init(column: column, kind: .wbs)
            layout.notes.append("column '\(layout.columnName(column))' numbers each row's place in the outline: a row sits under the row above whose number is its own without the last part (1.2.3 under 1.2)")
            return
        }
        let levelNames: Set<String> = ["outlinelevel", "level", "hierarchylevel", "indentlevel", "indent", "depth"]
        let levels = [levelColumn].compactMap { $0 }
            + headers.indices.filter { layout.columns[$0].field == nil && levelNames.contains(Conventions.headerKey(headers[$0])) }
        for column in levels {
            let numbers = cells(column)
            guard numbers.allSatisfy({ Int($0) != nil }), Set(numbers).count >= 2 else { continue }
            layout.numbering = .init(column: column, kind: .level)
            layout.notes.append("column '\(layout.columnName(column))' gives each row's depth in the outline: a row sits under the last row above at a shallower level")
            return
        }
    }

    /// A reference column (objective, parent) exported from merged cells: it names a group's value on the group's first
    /// row only and leaves the rows below blank. Seen in the rows read: the first item row (objective rows aside) fills
    /// it, no value is named twice (a sheet that names its references on every row repeats them), and two or more item
    /// rows below a filled one name neither a parent nor an objective. Each such blank then repeats the cell above.
    static func findFilledDown(_ layout: inout SheetLayout, rows: [[String]], conventions: Conventions) {
        guard let name = layout.column(for: .title)?.index ?? layout.column(for: .id)?.index else { return }
        let cell = { (row: [String], column: Int?) -> String in
            guard let column, column < row.count else { return "" }
            return row[column].trimmingSpaces
        }
        let type = layout.column(for: .type)?.index
        let parent = layout.column(for: .parent)?.index, objective = layout.column(for: .objective)?.index
        let items = rows.filter { !cell($0, name).isEmpty && conventions.type(for: cell($0, type)) != .objective }
        for field in [Field.objective, .parent] {
            guard let column = layout.column(for: field)?.index, let first = items.first, !cell(first, column).isEmpty else { continue }
            let values = items.map { cell($0, column) }.filter { !$0.isEmpty }.map(Conventions.wordKey)
            let blanks = items.filter { cell($0, parent).isEmpty && cell($0, objective).isEmpty }.count
            guard Set(values).count == values.count, blanks >= 2 else { continue }
            layout.filledDown.append(column)
            layout.notes.append("column '\(layout.columnName(column))' names each value once, on the first row of its group, and leaves the rows below blank, as a merged cell exports: a blank there is read as the cell above it (a row that names its own parent or objective keeps it)")
        }
    }

    /// `Subitems`, `Sub-items`, `Sub items`, in any case, with spaces around: the word that opens monday.com's
    /// subitems (the row filter that leaves that row out and the layout that reads the rows below ask the same).
    /// (Asked of every row's title cell: most are ruled out by their length, the rest byte by byte, with nothing made.)
    static func isSubitemsWord<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
        guard bytes.count >= 8, bytes.count <= 24 else { return false }
        var matched = 0
        for byte in bytes where byte != 0x20 && byte != 0x2D && byte != 0x09 {
            guard matched < subitemsWord.count, byte | 0x20 == subitemsWord[matched] else { return false }
            matched += 1
        }
        return matched == subitemsWord.count
    }
    private static let subitemsWord = Array("subitems".utf8)

    /// monday.com writes an item's subitems under it: a row `Subitems,Name,Owner,Status,Date` (the word in the title
    /// column, the subitems' own headers beside it), then a row per subitem, its title column blank and its cells under
    /// those headers. The first such header in the rows read gives the columns of every subitem row.
    static func findSubitems(_ layout: inout SheetLayout, rows: [[String]], conventions: Conventions, options: SheetOptions) {
        guard let title = layout.column(for: .title)?.index else { return }
        for row in rows where title < row.count && isSubitemsWord(Array(row[title].utf8)) {
            var fields: [Field: Int] = [:]
            for (column, header) in row.enumerated() where column != title {
                if let field = candidate(header, conventions, options)?.field, fields[field] == nil { fields[field] = column }
            }
            // A subitem's one plain `Date` (monday.com's default subitem column) is when it is due.
            if fields[.due] == nil, let date = row.indices.first(where: { $0 != title && Conventions.headerKey(row[$0]) == "date" }) { fields[.due] = date }
            guard let subitemTitle = fields[.title], fields.count >= 2 else { continue }
            layout.subitems = .init(cells: layout.columns.map { column in column.field.flatMap { fields[$0] } ?? -1 }, title: subitemTitle)
            // A field is read where the sheet's own header has a column for it; the others are said to be left unread.
            let named = fields.sorted { $0.value < $1.value }
            let read = named.filter { layout.column(for: $0.key) != nil }.map { "\(row[$0.value].trimmingSpaces) as \($0.key.rawValue)" }
            let unread = named.filter { layout.column(for: $0.key) == nil }.map { "\(row[$0.value].trimmingSpaces) (the sheet has no \($0.key.rawValue) column)" }
            layout.notes.append("rows under a '\(row[title].trimmingSpaces)' row are the subitems of the item above them, read by that row's headers: \(read.joined(separator: ", "))"
                                + (unread.isEmpty ? "" : "; not read: " + unread.joined(separator: ", ")))
            return
        }
    }
}

/// An outline number, `1.2.3`: whole numbers joined by dots.
enum OutlineNumber {
    /// The parts of `text`; nil when it is not an outline number.
    static func parts(_ text: String) -> [Substring]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 64, parts.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }) else { return nil }
        return parts
    }
}

/// What a row of a sheet read in order (`SheetLayout.readsInOrder`) takes from the rows above it: its parent, by its
/// outline number or level, and the reference cells a merged cell above left blank. One reader per sheet, fed every
/// item row in sheet order.
struct RowsAbove {
    /// A row's parent (named as references name it: by id, else by title) and the texts its blank filled-down cells take.
    struct Taken {
        var parent: String?
        var filled: [(column: Int, text: String)] = []
    }

    private let numbering: SheetLayout.OutlineNumbering?
    private let filledDown: [Int]
    private let parentColumn: Int?, objectiveColumn: Int?
    /// By WBS number, the name of the row that has it (the first such row).
    private var numbered: [String: String] = [:]
    /// The rows above at shallower levels, shallowest first.
    private var open: [(level: Int, name: String)] = []
    /// Per filled-down column, the last text it held.
    private var last: [Int: String] = [:]

    /// Nil for a layout whose rows take nothing from the rows above.
    init?(_ layout: SheetLayout) {
        guard layout.numbering != nil || !layout.filledDown.isEmpty else { return nil }
        numbering = layout.numbering
        filledDown = layout.filledDown
        parentColumn = layout.column(for: .parent)?.index
        objectiveColumn = layout.column(for: .objective)?.index
    }

    /// The row on `record`, named `name` (its id, else its title; empty when it has neither), an objective or not.
    mutating func read(_ record: CSVRecord, name: String, isObjective: Bool) -> Taken {
        var taken = Taken()
        let text = { (column: Int) in column < record.count ? String(decoding: record.bytes(column), as: UTF8.self).trimmingSpaces : "" }
        if let numbering {
            let number = text(numbering.column)
            switch numbering.kind {
            case .wbs:
                if var parts = OutlineNumber.parts(number) {
                    // The nearest number above it that a row has: a missing level is skipped.
                    while parts.count > 1, taken.parent == nil {
                        parts.removeLast()
                        taken.parent = numbered[parts.joined(separator: ".")]
                    }
                    if !name.isEmpty, numbered[number] == nil { numbered[number] = name }
                }
            case .level:
                if let level = Int(number) {
                    while let top = open.last, top.level >= level { open.removeLast() }
                    taken.parent = open.last?.name
                    if !name.isEmpty { open.append((level, name)) }
                }
            }
        }
        guard !filledDown.isEmpty else { return taken }
        // A row that names its own parent or objective is not under a merged cell's blank.
        let ownReference = taken.parent != nil || [parentColumn, objectiveColumn].contains { $0.map { !text($0).isEmpty } ?? false }
        for column in filledDown {
            let cell = text(column)
            if isObjective {
                last[column] = nil
            } else if !cell.isEmpty {
                last[column] = cell
            } else if let above = last[column], !ownReference {
                taken.filled.append((column, above))
            }
        }
        return taken
    }
}

/// Which rows of a board with subitems (`SheetLayout.subitems`) are subitems, and the item each sits under: a row
/// with its title column blank and a title under the subitems' header, below the last item row (named by its id,
/// else its title). One reader per sheet, fed every item row in sheet order, as `rollup` and `import` read them.
struct SubitemRows {
    /// For each of the sheet's columns, the subitem row's column that holds its field (-1 for none).
    let cells: [Int]
    private let subitemTitle: Int, title: Int, id: Int?
    private var itemAbove: String?

    /// Nil for a sheet with no subitems.
    init?(_ layout: SheetLayout) {
        guard let subitems = layout.subitems, let title = layout.column(for: .title)?.index else { return nil }
        cells = subitems.cells
        subitemTitle = subitems.title
        self.title = title
        id = layout.column(for: .id)?.index
    }

    /// For a subitem row, `true` and the item above it (nil when there is none); for an item row, `false`, and the row
    /// is the item above the subitems that follow.
    mutating func read(_ record: CSVRecord) -> (isSubitem: Bool, parent: String?) {
        let text = { (column: Int) in column < record.count ? String(decoding: record.bytes(column), as: UTF8.self).trimmingSpaces : "" }
        let titleText = text(title)
        if titleText.isEmpty && !text(subitemTitle).isEmpty { return (true, itemAbove) }
        let name = id.map(text) ?? ""
        itemAbove = !name.isEmpty ? name : titleText.isEmpty ? nil : titleText
        return (false, nil)
    }
}

