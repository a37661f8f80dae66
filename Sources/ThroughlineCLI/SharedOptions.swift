import ThroughlineCore

/// The options every command that reads sheets shares, defined and documented once.
enum SharedOptions {
    static let input: [OptionSpec] = [
        .value("--delimiter", "-d", "CHAR", "cell delimiter: , ; | tab (default: detected)"),
        .value("--encoding", nil, "NAME", "utf-8, utf-16le, utf-16be or windows-1252 (default: detected)"),
        .flag("--no-header", nil, "the sheet has no header row; columns are named A, B, C …"),
        .value("--header-row", nil, "N", "the header is row N (default: found among the first 30 rows)"),
        .value("--map", nil, "MAP.csv", "a sheet of header,field rows that overrides how columns map (field - leaves a column unmapped)"),
        .value("--conventions", nil, "FILE", "a kind,value,means sheet added over the built-in conventions"),
        .value("--people", nil, "FILE", "a people sheet (Person, Team, Email, FTE) to match owners against"),
        .value("--date-order", nil, "ORDER", "dmy or mdy for numeric dates like 3/1/2026 (default: inferred per column)"),
        .value("--fiscal-year-start", nil, "MONTH", "the month (1-12) fiscal years start in; FY26 is the one ending in 2026 (default 1)"),
    ]

    static let output: OptionSpec = .value("--output", "-o", "FILE", "write to FILE instead of standard output (replaced only when complete)")
}

/// The shared input options, read and checked once.
struct InputSettings {
    var dialect: CSVDialect?
    var encoding: TextEncoding?
    var sheetOptions = SheetOptions()
    /// The headers of the --map sheet as it spells them, by the key they are matched by (for notes about them).
    var mapHeaders: [String: String] = [:]
    var conventions = Conventions.builtIn
    /// Whether a conventions sheet was given with --conventions (a folder's own is then set aside).
    var hasConventionsFile = false
    var people = PeopleDirectory()
    var dateOrder: DateOrder?
    /// The month fiscal years start in, for `FY26 Q3` as a date or a capacity period.
    var fiscalYearStart = 1
    let spool = StandardInputSpool()

    init(_ arguments: ParsedArguments, context: Context) throws {
        if let name = arguments.value("--delimiter") {
            guard let dialect = CSVDialect(delimiterName: name) else {
                throw ThroughlineError.usage("--delimiter takes one character, or tab", hint: "for example: -d ';'")
            }
            self.dialect = dialect
        }
        if let name = arguments.value("--encoding") {
            guard let encoding = TextEncoding(name: name) else {
                throw ThroughlineError.usage("unknown encoding '\(name)'", hint: "encodings: " + TextEncoding.allCases.map(\.rawValue).joined(separator: ", "))
            }
            self.encoding = encoding
        }
        sheetOptions.hasHeader = !arguments.flag("--no-header")
        if let row = arguments.value("--header-row") {
            guard let number = Int(row), number >= 1 else { throw ThroughlineError.usage("--header-row takes a row number from 1") }
            if !sheetOptions.hasHeader { throw ThroughlineError.usage("--header-row and --no-header contradict each other") }
            sheetOptions.headerRow = number
        }
        if let order = arguments.value("--date-order") {
            guard let parsed = DateOrder(rawValue: order.lowercased()) else {
                throw ThroughlineError.usage("--date-order takes dmy (day first) or mdy (month first)")
            }
            dateOrder = parsed
        }
        if let text = arguments.value("--fiscal-year-start") {
            guard let month = Int(text), (1...12).contains(month) else { throw ThroughlineError.usage("--fiscal-year-start takes a month number, 1 to 12") }
            fiscalYearStart = month
        }
        // Conventions come first: the map and the people sheet are read with them.
        for path in arguments.all("--conventions") {
            conventions = try conventions.adding(csv: try Self.bytes(of: path, context), file: path)
            hasConventionsFile = true
        }
        if let path = arguments.value("--map") {
            (sheetOptions.map, mapHeaders) = try Self.readMap(path, context: context, settings: self)
        }
        if let path = arguments.value("--people") {
            try loadPeople(path, context: context)
        }
    }

    /// Adds a conventions sheet found beside the trackers to the conventions.
    mutating func loadConventions(_ path: String, context: Context) throws {
        conventions = try conventions.adding(csv: try Self.bytes(of: path, context), file: path)
        hasConventionsFile = true
    }

    /// Whether a people sheet has been read.
    var hasPeople: Bool { !people.people.isEmpty }

    /// Reads a people sheet to match owners against.
    mutating func loadPeople(_ path: String, context: Context) throws {
        let input = try CSVInput(path: context.reading(path), displayName: path, encoding: encoding)
        people = try PeopleDirectory(sheet: Sheet(input: input, conventions: conventions))
    }

    /// Opens a sheet path (`-` is standard input) with these settings; `fileType` is the type its name gives its rows.
    func open(_ path: String, context: Context, fileType: ItemType? = nil) throws -> Sheet {
        var options = sheetOptions
        options.fileType = fileType
        return try Sheet(input: openRaw(path, context: context), conventions: conventions, options: options)
    }

    /// Opens a raw CSV input (no header detection).
    func openRaw(_ path: String, context: Context) throws -> CSVInput {
        if path == "-" {
            return try CSVInput(path: spool.path(in: context), displayName: "-", encoding: encoding, delimiter: dialect)
        }
        return try CSVInput(path: context.reading(path), displayName: path, encoding: encoding, delimiter: dialect)
    }

    /// A normalizer for `sheet`, after a first pass that learns its date orders and percentage scales.
    func normalizer(for sheet: Sheet) throws -> CellNormalizer {
        CellNormalizer(layout: sheet.layout, profile: try ColumnProfile(sheet: sheet), conventions: conventions, people: people,
                       dateOrder: dateOrder, fiscalYearStart: fiscalYearStart, file: sheet.input.file)
    }

    /// A source for loading items (rollup, check and the like): its normalizer is planned from the sheet's first rows
    /// and checked against the whole sheet as the items are read, instead of after a pass of its own.
    func itemSource(for sheet: Sheet, defaultType: ItemType?) throws -> ImportSource {
        let (layout, conventions, people, dateOrder, fiscalYearStart, file) = (sheet.layout, conventions, people, dateOrder, fiscalYearStart, sheet.input.file)
        return try ImportSource(sheet: sheet, defaultType: defaultType) { profile in
            CellNormalizer(layout: layout, profile: profile, conventions: conventions, people: people, dateOrder: dateOrder,
                           fiscalYearStart: fiscalYearStart, file: file)
        }
    }

    private static func bytes(of path: String, _ context: Context) throws -> [UInt8] {
        try FileByteSource(path: context.reading(path), displayName: path).readAll()
    }

    /// Reads a `header,field` sheet: the field by header key, and each header as the sheet spells it.
    private static func readMap(_ path: String, context: Context, settings: InputSettings) throws -> ([String: Field?], [String: String]) {
        let input = try CSVInput(path: context.reading(path), displayName: path)
        var map: [String: Field?] = [:], spelt: [String: String] = [:]
        var sawHeader = false
        var problem: ThroughlineError?
        try input.makeReader().forEach { record in
            let cells = record.strings.map(\.trimmingSpaces)
            if cells.allSatisfy(\.isEmpty) { return true }
            if !sawHeader {
                sawHeader = true
                if cells.count >= 2 && cells[0].lowercased() == "header" && cells[1].lowercased() == "field" { return true }
                problem = .data(SourceLocation(file: path, line: record.line), "a map sheet starts with the header header,field")
                return false
            }
            guard cells.count >= 2 else {
                problem = .data(SourceLocation(file: path, line: record.line), "a map row needs two cells: the sheet's header and a field")
                return false
            }
            let key = Conventions.headerKey(cells[0])
            if spelt[key] == nil { spelt[key] = cells[0] }
            if cells[1].isEmpty || cells[1] == "-" {
                map[key] = .some(nil)
            } else if let field = Field(rawValue: cells[1].lowercased()) {
                map[key] = field
            } else {
                problem = .data(SourceLocation(file: path, line: record.line, column: "field"), "unknown field '\(cells[1])'",
                                hint: "fields are: " + Field.allCases.map(\.rawValue).joined(separator: ", ") + ", or - for none")
                return false
            }
            return true
        }
        if let problem { throw problem }
        return (map, spelt)
    }
}

/// Prints findings to standard error as `FILE:LINE:COLUMN: warning: MESSAGE [code]`, a problem in the sheet's cells
/// followed by a hint line, at most a few per code, then counts.
final class FindingPrinter {
    private let context: Context
    private let limit: Int
    private var counts: [String: Int] = [:]
    private(set) var total = 0

    init(_ context: Context, limit: Int = 20) {
        self.context = context
        self.limit = limit
    }

    func print(_ finding: Finding) {
        total += 1
        let seen = counts[finding.code.name, default: 0]
        counts[finding.code.name] = seen + 1
        guard seen < limit else { return }
        try? context.note(FindingRenderer.located(finding, style: TerminalStyle(colour: false), naming: false))
    }

    /// Says how many findings were not shown.
    func finish() {
        for (code, count) in counts.sorted(by: { $0.key < $1.key }) where count > limit {
            try? context.note("throughline: \(count - limit) more \(code) findings not shown")
        }
    }
}
