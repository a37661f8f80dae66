/// A tracker read into items, with the findings its cells raised and each file's header names.
public struct LoadedTracker: Sendable {
    /// The items in sheet order.
    public var items: ItemTable
    /// Cell-level findings: unreadable dates, statuses and numbers, ragged rows.
    public var findings: [Finding]
    /// Per file, the header each field was read from, so findings can name the column as the sheet does.
    public var headerNames: [String: [Field: String]]
    /// The distinct owners and teams the rows name.
    public var owners: Set<String>, teams: Set<String>
    /// Per file, how many items its rows gave (a sheet with a header and no rows gives none).
    public var itemCounts: [String: Int] = [:]
    /// The tracker sheets read, in the order read.
    public var files: [String] = []
    /// The rows that hold no item and are not blank (headings, notes, totals), in file order, with why.
    public var leftOut: [(file: String, line: Int, why: String)] = []

    /// Reads every item of `sources` with the same conventions as `import`, straight from the cells' bytes; a large
    /// sheet is read in two halves at once.
    public init(sources: [ImportSource], conventions: Conventions) throws {
        var builder = ItemTableBuilder()
        var findings: [Finding] = []
        for source in sources {
            // A normalizer planned from the first rows is checked against the profile of the whole sheet, learned on the
            // way; if the whole sheet plans any cell differently, the sheet is read again with that plan.
            let learner = source.plan == nil ? nil : ColumnProfile.Learner(layout: source.sheet.layout)
            let file = source.sheet.input.file
            files.append(file)
            var left: [(file: String, line: Int, why: String)] = []
            var parts = try Self.read(source, normalizer: source.normalizer, learner: learner, conventions: conventions) { left.append((file, $0, $1)) }
            if let plan = source.plan, let whole = Self.wholeProfile(parts) {
                let planned = plan(whole)
                if !source.normalizer.readsCells(like: planned, commaOwners: whole.commaOwners) {
                    parts = []  // let the first reading go before the second is made
                    parts = try Self.read(source, normalizer: planned, learner: nil, conventions: conventions)
                }
            }
            // (Which rows hold items does not depend on how their cells are read: a second reading leaves out the same.)
            leftOut += left
            itemCounts[source.sheet.input.file, default: 0] += parts.reduce(0) { $0 + $1.items.count }
            for position in parts.indices {
                builder.absorb(&parts[position].items)
                findings += parts[position].findings
                parts[position].findings = []
            }
        }
        var headerNames: [String: [Field: String]] = [:]
        for source in sources {
            var names: [Field: String] = [:]
            for column in source.sheet.layout.columns { if let field = column.field { names[field] = column.name } }
            headerNames[source.sheet.input.file] = names
        }
        items = builder.table()
        (owners, teams) = items.ownersAndTeams()
        self.findings = findings
        self.headerNames = headerNames
    }

    /// What the parts learned of the sheet, together; nil when they learned nothing.
    private static func wholeProfile(_ parts: [Part]) -> ColumnProfile? {
        guard var whole = parts.first?.learner?.profile else { return nil }
        for later in parts.dropFirst() { if let profile = later.learner?.profile { whole.absorb(profile) } }
        return whole
    }

    /// The profile of `source`'s sheet as loading its items learns it (for tests: it must be the whole sheet's).
    static func learnedProfile(_ source: ImportSource, conventions: Conventions) throws -> ColumnProfile? {
        try wholeProfile(read(source, normalizer: source.normalizer, learner: ColumnProfile.Learner(layout: source.sheet.layout), conventions: conventions))
    }

    /// The parts of one sheet's items, read with `normalizer`; each part learns the sheet's profile too, given a learner.
    private static func read(_ source: ImportSource, normalizer: CellNormalizer, learner: ColumnProfile.Learner?,
                             conventions: Conventions, leftOut: (Int, String) -> Void = { _, _ in }) throws -> [Part] {
        try source.sheet.readDataRows(parts: { Part(reader: ItemReader(source: source, normalizer: normalizer, conventions: conventions), learner: learner) },
                                      leftOut: leftOut) { part, record in
            part.reader.read(record, into: &part.items, findings: &part.findings, learner: &part.learner)
        }
    }

    /// Items given as values, all from one file (for tests and callers that build them).
    init(values: [ItemValues], file: String) {
        var builder = ItemTableBuilder()
        let fileIndex = builder.file(file)
        for (offset, value) in values.enumerated() { builder.append(value, file: fileIndex, line: offset + 2) }
        items = builder.table()
        (owners, teams) = items.ownersAndTeams()
        findings = []
        headerNames = [:]
    }
}

/// What one part of a sheet read.
private struct Part {
    var reader: ItemReader
    var learner: ColumnProfile.Learner?
    var items = ItemTableBuilder()
    var findings: [Finding] = []

    init(reader: ItemReader, learner: ColumnProfile.Learner?) {
        self.reader = reader
        self.learner = learner
    }
}

/// Reads one sheet's rows into items: each mapped cell straight into its value, through the sheet's normalizer, so
/// `rollup` reads a cell exactly as `import` writes it. Texts that repeat (teams, units) are one shared string.
struct ItemReader {
    private let layout: SheetLayout
    private let normalizer: CellNormalizer
    private let defaultType: ItemType?
    private let conventions: Conventions
    private let fields: [Field?]
    private let idColumn: Int?
    /// How findings name the row: its id, or in a sheet whose ids are its links, the link's short form.
    private let rowID: SheetLayout.RowID?
    private let typeColumn: Int?
    private let file: String
    private let delimiter: UInt8
    private var types = ByteMemo<ItemType?>()
    private var directions = ByteMemo<KPIDirection?>()
    private var units = ByteMemo<String>()
    /// Owner and team cells, as the number of the name they stand for in the table being built (an owner through the
    /// normalizer): most rows repeat a cell seen before, and cost one lookup of its bytes. Past `nameMemoLimit`
    /// distinct cells, a column is read each time instead.
    private var ownerNames = ByteMemo<UInt32>(), teamNames = ByteMemo<UInt32>()
    private static let nameMemoLimit = 100_000
    /// The number of this sheet's file in the table being built, found at the first row.
    private var fileIndex: UInt32?
    /// For an outline sheet, each row's type, title and place (the sheet is then read in one part, in order).
    private var outline: OutlineReader?
    /// For a sheet whose rows take their parent or a blank reference from the rows above (read in one part, in order).
    private var rowsAbove: RowsAbove?
    /// In a board with subitems under their items (read in one part, in order): which rows are subitems, and under what.
    private var subitemRows: SubitemRows?

    init(source: ImportSource, normalizer: CellNormalizer, conventions: Conventions) {
        layout = source.sheet.layout
        self.normalizer = normalizer.withOwnMemo()
        defaultType = source.defaultType
        self.conventions = conventions
        fields = layout.columns.map(\.field)
        idColumn = layout.column(for: .id)?.index
        rowID = SheetLayout.RowID(layout)
        typeColumn = layout.column(for: .type)?.index
        file = source.sheet.input.file
        delimiter = source.sheet.input.dialect.delimiter
        outline = layout.outline.isEmpty ? nil : OutlineReader(layout.outline)
        rowsAbove = RowsAbove(layout)
        subitemRows = SubitemRows(layout)
    }

    /// The cell as text, trimmed.
    @inline(__always)
    static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self).trimmingSpaces
    }

    /// The cell's bytes without the white space around them, when they are plain ASCII (nil otherwise: such a cell is
    /// read through a string, which trims Unicode spaces as `trimmingSpaces` does).
    @inline(__always)
    static func asciiTrimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
        var low = 0, high = bytes.count
        while low < high && bytes[low].isASCIISpace { low += 1 }
        while high > low && bytes[high - 1].isASCIISpace { high -= 1 }
        // Eight bytes at a time: any byte above ASCII sets a high bit.
        var position = low
        if let base = bytes.baseAddress {
            while position + 8 <= high {
                if UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return nil }
                position += 8
            }
        }
        while position < high {
            if bytes[position] >= 0x80 { return nil }
            position += 1
        }
        return UnsafeBufferPointer(rebasing: bytes[low..<high])
    }

    /// Reads the item on `record` into `items`, with the findings its cells raise appended in column order; `learner`,
    /// when given, learns the sheet's profile from the row (from the normalizer's memo, which says which date and
    /// percentage cells are new to their column).
    mutating func read(_ record: CSVRecord, into items: inout ItemTableBuilder, findings: inout [Finding],
                       learner: inout ColumnProfile.Learner?) {
        guard let subitem = subitemRows?.read(record), subitem.isSubitem else {
            return read(record, into: &items, findings: &findings, learner: &learner, under: nil)
        }
        // (With no item above it, a subitem is read by its own header all the same, at the top.)
        record.withCells(from: subitemRows!.cells) { read($0, into: &items, findings: &findings, learner: &learner, under: subitem.parent) }
    }

    /// Reads one row; `parent`, when given, is the item above that a subitem row sits under.
    private mutating func read(_ record: CSVRecord, into items: inout ItemTableBuilder, findings: inout [Finding],
                               learner: inout ColumnProfile.Learner?, under parent: String?) {
        let width = fields.count
        let line = record.line
        let firstFinding = findings.count
        // The id as findings name it; made only for a row that raises one (see the end).
        let rowID = self.rowID
        let id = { rowID?.read(record) }
        if let ragged = Finding.raggedRow(record, layout: layout, delimiter: delimiter, file: file, id: nil) { findings.append(ragged) }
        var values = ItemValues()
        var owner: UInt32 = 0, team: UInt32 = 0
        // The five texts, as the cells' bytes when they need no more than trimming; else as strings, below.
        var texts = TextCells()
        if let idColumn, idColumn < record.count { texts.set(.id, column: idColumn, Self.asciiTrimmed(record.bytes(idColumn))) }
        // An id made from the row's link is read as a string, below.
        let linkID = rowID?.fromLink == true ? id() : nil
        if linkID != nil { texts.plain = false }
        for column in 0..<min(record.count, width) {
            guard let field = fields[column], field != .id, field != .type else { continue }
            let bytes = record.bytes(column)
            switch field {
            case .title, .objective, .parent, .dependsOn:
                let slot = field == .title ? ItemText.title : field == .objective ? .objective : field == .parent ? .parent : .dependsOn
                texts.set(slot, column: column, Self.asciiTrimmed(bytes))
            case .team:
                if let known = teamNames.value(for: bytes) {
                    team = known
                } else {
                    team = items.name(Self.text(bytes))
                    if teamNames.count < Self.nameMemoLimit { teamNames.store(team, for: bytes) }
                }
            case .owner:
                if let known = ownerNames.value(for: bytes) {
                    owner = known
                } else {
                    // An owner cell reads the same wherever it is, and never raises a finding.
                    if case .owner(let name) = normalizer.read(bytes, column: column, line: line, id: nil, findings: &findings) { owner = items.name(name) }
                    if ownerNames.count < Self.nameMemoLimit { ownerNames.store(owner, for: bytes) }
                }
            case .unit: values.unit = units.value(for: bytes, Self.text)
            case .direction: values.direction = directions.value(for: bytes) { KPIDirection(typed: Self.text($0)) }
            case .notes: values.hasNotes = Sheet.hasText(bytes)
            default:
                var novelty = CellNormalizer.Novelty.unknown
                let reading = normalizer.read(bytes, column: column, line: line, id: nil, findings: &findings, novelty: &novelty)
                if learner?.learnsCells(of: column) == true {
                    switch novelty {
                    case .seen: break
                    case .new: learner!.learnNew(column, bytes)
                    case .newLettingGo(let seen):
                        learner!.adopt(column, seen: seen)
                        learner!.learnCell(column, bytes)
                    case .unknown: learner!.learnCell(column, bytes)
                    }
                }
                switch reading {
                case .none: if field == .status && Sheet.hasText(bytes) { values.statusUnread = true }
                case .status(let status), .statusWithNote(let status, _): values.typedStatus = status
                case .completion(let done): if done { values.typedStatus = .done }
                case .percent(let percent): values.progress = percent
                case .owner(let name): owner = items.name(name)
                case .date(let date):
                    switch field {
                    case .start: values.start = date
                    case .due: values.due = date
                    case .forecast: values.forecast = date
                    default: values.updated = date
                    }
                case .number(let number):
                    switch field {
                    case .weight: if Item.isUsableWeight(number) { values.weight = number }
                    case .baseline: values.baseline = number
                    case .target: values.target = number
                    default: values.actual = number
                    }
                }
            }
        }
        // Columns repeating the dependency column's header: more dependencies, joined to the first as a string.
        let moreDependencies = layout.moreDependencies.isEmpty ? "" : layout.moreDependencies(in: record)
        if !moreDependencies.isEmpty { texts.plain = false }
        if let typeColumn, typeColumn < record.count, Sheet.hasText(record.bytes(typeColumn)) {
            let bytes = record.bytes(typeColumn)
            if let type = types.value(for: bytes, { conventions.type(for: Self.text($0)) }) {
                values.type = type
            } else {
                findings.append(.unknownType(Self.text(bytes), at: SourceLocation(file: file, line: line, column: layout.columnName(typeColumn)), id: nil))
            }
        } else {
            values.type = defaultType
        }
        if values.typedStatus == nil, !values.statusUnread, let completion = layout.completionColumn, completion < record.count,
           Sheet.hasText(record.bytes(completion)), CellNormalizer.completion(Self.text(record.bytes(completion))) == true {
            values.typedStatus = .done
        }
        learner?.learnOwner(record)
        // The row's id and owner are known only once its cells are read: its findings name them as every other finding does.
        if findings.count > firstFinding {
            // As `Finding.init` takes it: an empty id names nothing.
            let id = id().flatMap { $0.isEmpty ? nil : $0 }, ownerName = items.nameText(owner)
            for position in firstFinding..<findings.count {
                findings[position].id = id
                if !ownerName.isEmpty { findings[position].owner = ownerName }
            }
        }
        let fileIndex = self.fileIndex ?? items.file(file)
        self.fileIndex = fileIndex
        // An outline row's type, title and place come from its outline columns: its texts are read as strings.
        let place = outline?.read(record, id: id() ?? "")
        if let place {
            if typeColumn == nil, let type = place.type { values.type = type }
            texts.plain = false
            texts.columns.title = place.titleColumn
        }
        // A row's parent by its outline number, and the references a merged cell above left blank: read as strings.
        let taken = rowsAbove?.read(record, name: id().flatMap { $0.isEmpty ? nil : $0 } ?? (texts.columns.title >= 0 ? Self.text(record.bytes(texts.columns.title)) : ""),
                                    isObjective: values.type == .objective)
        if let taken, taken.parent != nil || !taken.filled.isEmpty { texts.plain = false }
        if parent != nil { texts.plain = false }
        if texts.plain {
            let location = items.storeTexts(texts.id, texts.title, texts.objective, texts.parent, texts.dependsOn)
            let references = ItemRecord.references(parent: !texts.parent.isEmpty, objective: !texts.objective.isEmpty,
                                                   dependencies: !texts.dependsOn.isEmpty)
            items.append(items.record(values, text: location, file: fileIndex, line: line, references: references, owner: owner, team: team))
        } else {
            values.owner = items.nameText(owner)
            values.team = items.nameText(team)
            let text = { (column: Int) in column >= 0 ? Self.text(record.bytes(column)) : "" }
            values.id = linkID ?? text(texts.columns.id)
            values.title = text(texts.columns.title)
            values.objectiveReference = text(texts.columns.objective)
            values.parentReference = text(texts.columns.parent)
            values.dependsOn = text(texts.columns.dependsOn)
            if !moreDependencies.isEmpty { values.dependsOn += (values.dependsOn.isEmpty ? "" : "; ") + moreDependencies }
            if let place, let parent = place.parent(unlessNamedIn: values.parentReference, values.objectiveReference) {
                if place.underObjective { values.objectiveReference = parent } else { values.parentReference = parent }
            }
            if let taken {
                if let parent = taken.parent { values.parentReference = parent }
                for (column, text) in taken.filled {
                    if column == texts.columns.objective { values.objectiveReference = text } else { values.parentReference = text }
                }
            }
            if let parent { values.parentReference = parent }
            items.append(values, file: fileIndex, line: line)
        }
    }
}

/// A row's five texts: their trimmed bytes while every one is plain ASCII, and the columns they are in.
private struct TextCells {
    static var empty: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: nil, count: 0) }
    var id = empty, title = empty, objective = empty, parent = empty, dependsOn = empty
    var columns = (id: -1, title: -1, objective: -1, parent: -1, dependsOn: -1)
    /// False once a text is not plain ASCII: the row's texts are then read as strings.
    var plain = true

    @inline(__always)
    mutating func set(_ text: ItemText, column: Int, _ bytes: UnsafeBufferPointer<UInt8>?) {
        if bytes == nil { plain = false }
        let bytes = bytes ?? Self.empty
        switch text {
        case .id: id = bytes; columns.id = column
        case .title: title = bytes; columns.title = column
        case .objective: objective = bytes; columns.objective = column
        case .parent: parent = bytes; columns.parent = column
        case .dependsOn: dependsOn = bytes; columns.dependsOn = column
        }
    }
}
