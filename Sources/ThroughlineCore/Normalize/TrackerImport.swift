/// One sheet going into a canonical tracker, with how to read its cells.
public struct ImportSource {
    /// The opened sheet.
    public let sheet: Sheet
    /// How its cells are made canonical.
    public let normalizer: CellNormalizer
    /// The type of rows without a type column: from the file's name, or nil.
    public let defaultType: ItemType?

    /// When `normalizer` was planned from the sheet's first rows only: how to plan it from a whole sheet's profile.
    /// Loading the items learns that profile on the way and reads the sheet again only if it plans a cell differently.
    let plan: (@Sendable (ColumnProfile) -> CellNormalizer)?

    /// Creates a source.
    public init(sheet: Sheet, normalizer: CellNormalizer, defaultType: ItemType?) {
        self.sheet = sheet
        self.normalizer = normalizer
        self.defaultType = defaultType
        plan = nil
    }

    /// A source whose normalizer is planned, by `plan`, from the profile of the sheet's first `firstRows` rows; for
    /// loading items (`LoadedTracker`), which checks that plan against the whole sheet's. Saves a pass over a large
    /// sheet whose first rows already say how its dates, percentages and owners read.
    public init(sheet: Sheet, defaultType: ItemType?, firstRows: Int = 20_000, plan: @escaping @Sendable (ColumnProfile) -> CellNormalizer) throws {
        self.sheet = sheet
        // Where a large sheet splits in two is found meanwhile, for the loading pass.
        sheet.startFindingSplit()
        normalizer = plan(try ColumnProfile(sheet: sheet, firstRows: firstRows))
        self.defaultType = defaultType
        self.plan = plan
    }
}

/// Writes one canonical tracker from one or more sheets: the canonical fields in SPEC order, then every other column kept as is.
public enum TrackerImport {
    /// The canonical columns, then the unmapped columns of all sources by name, in order of first appearance.
    public static func columns(of sources: [ImportSource]) -> [String] {
        var names = Field.allCases.map(\.rawValue)
        var seen = Set(names.map { $0.lowercased() })
        for source in sources {
            for column in source.sheet.layout.columns where column.field == nil {
                let name = extraName(column.name)
                if seen.insert(name.lowercased()).inserted { names.append(name) }
            }
        }
        return names
    }

    /// The output name of a column kept as is: its own, unless that is a canonical field's (a `Status` column mapped
    /// away with `--map Status,-`), which becomes `Status (kept)` so that neither column overwrites the other.
    static func extraName(_ name: String) -> String {
        Field(rawValue: name.lowercased()) == nil ? name : name + " (kept)"
    }

    /// Calls `body` with each item row's cells (in the order of `columns(of:)`), its file and the line it starts on,
    /// and `onLeftOut` with each row that is not blank and holds no item, and why; returns how many item rows there were.
    public static func rows(_ sources: [ImportSource], conventions: Conventions, onFinding: (Finding) -> Void,
                            onLeftOut: (_ file: String, _ line: Int, _ why: String) -> Void = { _, _, _ in },
                            _ body: (_ cells: [String], _ file: String, _ line: Int) throws -> Void) throws -> Int {
        let names = columns(of: sources)
        let index = Dictionary(names.enumerated().map { ($1.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        var rows = 0
        var cells = [String](repeating: "", count: names.count)
        var findings: [Finding] = []
        for source in sources {
            let layout = source.sheet.layout
            let file = source.sheet.input.file
            let width = layout.columns.count
            let targets = layout.columns.map { column in index[(column.field?.rawValue ?? extraName(column.name)).lowercased()] ?? -1 }
            let typeColumn = layout.column(for: .type)?.index
            let rowID = SheetLayout.RowID(layout)
            // In a sheet whose ids are its links, the id column written is filled from them.
            let idSlot = rowID?.fromLink == true ? index[Field.id.rawValue] : nil
            var outline = layout.outline.isEmpty ? nil : OutlineReader(layout.outline)
            var rowsAbove = RowsAbove(layout)
            let titleColumn = layout.column(for: .title)?.index
            var subitemRows = SubitemRows(layout)
            try source.sheet.forEachDataRow(leftOut: { onLeftOut(file, $0, $1) }) { record in
                // A subitem row is read by its own header, under the item above it, as `rollup` reads it.
                guard let subitem = subitemRows?.read(record), subitem.isSubitem else { return try readRow(record, under: nil) }
                return try record.withCells(from: subitemRows!.cells) { try readRow($0, under: subitem.parent) }
            }
            func readRow(_ record: CSVRecord, under parentAbove: String?) throws -> Bool {
                for slot in cells.indices { cells[slot] = "" }
                findings.removeAll(keepingCapacity: true)
                let id = rowID?.read(record)
                if let idSlot, let id { cells[idSlot] = id }
                if let ragged = Finding.raggedRow(record, layout: layout, delimiter: source.sheet.input.dialect.delimiter, file: file, id: id) { findings.append(ragged) }
                for column in 0..<min(record.count, width) where targets[column] >= 0 {
                    if layout.columns[column].field != nil {
                        let bytes = record.bytes(column)
                        let reading = source.normalizer.read(bytes, column: column, line: record.line, id: id, findings: &findings)
                        cells[targets[column]] = reading.trackerText(typed: bytes) ?? String(decoding: bytes, as: UTF8.self).trimmingSpaces
                    } else {
                        cells[targets[column]] = record.string(column)
                    }
                }
                let typeSlot = index[Field.type.rawValue]!
                if let typeColumn, typeColumn < record.count, !cells[typeSlot].isEmpty {
                    if let type = conventions.type(for: cells[typeSlot]) {
                        cells[typeSlot] = type.rawValue
                    } else {
                        findings.append(.unknownType(cells[typeSlot], at: SourceLocation(file: file, line: record.line, column: layout.columnName(typeColumn)), id: id))
                    }
                } else if let type = source.defaultType {
                    cells[typeSlot] = type.rawValue
                }
                // Columns repeating the dependency column's header are more dependencies, as `rollup` reads them.
                let dependsSlot = index[Field.dependsOn.rawValue]!
                let moreDependencies = layout.moreDependencies(in: record)
                if !moreDependencies.isEmpty { cells[dependsSlot] += (cells[dependsSlot].isEmpty ? "" : "; ") + moreDependencies }
                // A blank status beside a completion date is done, as `rollup` reads it.
                let statusSlot = index[Field.status.rawValue]!
                if cells[statusSlot].isEmpty, let completion = layout.completionColumn, completion < record.count,
                   CellNormalizer.completion(record.string(completion).trimmingSpaces) == true {
                    cells[statusSlot] = Status.done.rawValue
                }
                // An outline row's type, title and place, as `rollup` reads them.
                if let place = outline?.read(record, id: id ?? "") {
                    if typeColumn == nil, let type = place.type { cells[typeSlot] = type.rawValue }
                    cells[index[Field.title.rawValue]!] = record.string(place.titleColumn).trimmingSpaces
                    let (parentSlot, objectiveSlot) = (index[Field.parent.rawValue]!, index[Field.objective.rawValue]!)
                    if let parent = place.parent(unlessNamedIn: cells[parentSlot], cells[objectiveSlot]) {
                        cells[place.underObjective ? objectiveSlot : parentSlot] = parent
                    }
                }
                // A parent by outline number, and the references a merged cell above left blank, as `rollup` reads them.
                if rowsAbove != nil {
                    let name = id.flatMap { $0.isEmpty ? nil : $0 } ?? titleColumn.map { record.string($0).trimmingSpaces } ?? ""
                    let taken = rowsAbove!.read(record, name: name, isObjective: cells[typeSlot] == ItemType.objective.rawValue)
                    if let parent = taken.parent { cells[index[Field.parent.rawValue]!] = parent }
                    for (column, text) in taken.filled { cells[targets[column]] = text }
                }
                if let parentAbove { cells[index[Field.parent.rawValue]!] = parentAbove }
                findings.forEach(onFinding)
                try body(cells, file, record.line)
                rows += 1
                return true
            }
        }
        return rows
    }
}
