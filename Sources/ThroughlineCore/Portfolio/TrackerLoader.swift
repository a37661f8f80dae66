/// A tracker read into items, with the findings its cells raised and each file's header names.
public struct LoadedTracker: Sendable {
    /// The items in sheet order.
    public var items: [Item]
    /// Cell-level findings: unreadable dates, statuses and numbers, ragged rows.
    public var findings: [Finding]
    /// Per file, the header each field was read from, so findings can name the column as the sheet does.
    public var headerNames: [String: [Field: String]]
    /// The distinct owners and teams the rows name.
    public var owners: Set<String>, teams: Set<String>

    /// Reads every item of `sources` with the same conventions as `import`, straight from the cells' bytes; a large
    /// sheet is read in two halves at once.
    public init(sources: [ImportSource], conventions: Conventions) throws {
        var items: [Item] = []
        var findings: [Finding] = []
        var owners = Set<String>(), teams = Set<String>()
        for source in sources {
            let parts = try source.sheet.readDataRows(parts: { Part(reader: ItemReader(source: source, conventions: conventions)) }) { part, record in
                part.read(record)
            }
            for part in parts {
                items += part.items
                findings += part.findings
                owners.formUnion(part.owners)
                teams.formUnion(part.teams)
            }
        }
        var headerNames: [String: [Field: String]] = [:]
        for source in sources {
            var names: [Field: String] = [:]
            for column in source.sheet.layout.columns { if let field = column.field { names[field] = column.name } }
            headerNames[source.sheet.input.file] = names
        }
        self.items = items
        self.findings = findings
        self.headerNames = headerNames
        self.owners = owners
        self.teams = teams
    }

    /// Items given directly (for tests and callers that build them).
    public init(items: [Item]) {
        self.items = items
        findings = []
        headerNames = [:]
        owners = Set(items.map(\.owner))
        teams = Set(items.map(\.team))
    }
}

/// What one part of a sheet read.
private struct Part {
    var reader: ItemReader
    var items: [Item] = []
    var findings: [Finding] = []
    var owners = Set<String>(), teams = Set<String>()

    mutating func read(_ record: CSVRecord) {
        let item = reader.item(record, findings: &findings)
        // Consecutive rows usually share owner and team: only a change costs a set insertion.
        if items.last?.owner != item.owner { owners.insert(item.owner) }
        if items.last?.team != item.team { teams.insert(item.team) }
        items.append(item)
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
    private let typeColumn: Int?
    private let file: String
    private var types = ByteMemo<ItemType?>()
    private var directions = ByteMemo<KPIDirection?>()
    private var teams = ByteMemo<String>(), units = ByteMemo<String>()

    init(source: ImportSource, conventions: Conventions) {
        layout = source.sheet.layout
        normalizer = source.normalizer.withOwnMemo()
        defaultType = source.defaultType
        self.conventions = conventions
        fields = layout.columns.map(\.field)
        idColumn = layout.column(for: .id)?.index
        typeColumn = layout.column(for: .type)?.index
        file = source.sheet.input.file
    }

    /// The cell as text, trimmed.
    @inline(__always)
    static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self).trimmingSpaces
    }

    /// The item on `record`, with the findings its cells raise appended in column order.
    mutating func item(_ record: CSVRecord, findings: inout [Finding]) -> Item {
        let width = fields.count
        let line = record.line
        let firstFinding = findings.count
        let id = idColumn.flatMap { $0 < record.count ? Self.text(record.bytes($0)) : nil }
        if let ragged = Finding.raggedRow(record, width: width, file: file, id: id) { findings.append(ragged) }
        var values = ItemValues()
        values.id = id ?? ""
        for column in 0..<min(record.count, width) {
            guard let field = fields[column], field != .id, field != .type else { continue }
            let bytes = record.bytes(column)
            switch field {
            case .title: values.title = Self.text(bytes)
            case .objective: values.objectiveReference = Self.text(bytes)
            case .parent: values.parentReference = Self.text(bytes)
            case .dependsOn: values.dependsOn = bytes.isEmpty ? "" : Self.text(bytes)
            case .team: values.team = teams.value(for: bytes, Self.text)
            case .unit: values.unit = units.value(for: bytes, Self.text)
            case .direction: values.direction = directions.value(for: bytes) { KPIDirection(typed: Self.text($0)) }
            case .notes: values.hasNotes = Sheet.hasText(bytes)
            default:
                switch normalizer.read(bytes, column: column, line: line, id: id, findings: &findings) {
                case .none: if field == .status && Sheet.hasText(bytes) { values.statusUnread = true }
                case .status(let status): values.typedStatus = status
                case .percent(let percent): values.progress = percent
                case .owner(let owner): values.owner = owner
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
        if let typeColumn, typeColumn < record.count, Sheet.hasText(record.bytes(typeColumn)) {
            let bytes = record.bytes(typeColumn)
            if let type = types.value(for: bytes, { conventions.type(for: Self.text($0)) }) {
                values.type = type
            } else {
                findings.append(.unknownType(Self.text(bytes), at: SourceLocation(file: file, line: line, column: layout.columnName(typeColumn)), id: id))
            }
        } else {
            values.type = defaultType
        }
        // The row's owner is known only once its cells are read: its findings name the owner as every other finding does.
        if findings.count > firstFinding && !values.owner.isEmpty {
            for position in firstFinding..<findings.count { findings[position].owner = values.owner }
        }
        return Item(values, file: file, line: line)
    }
}
