import ThroughlineCore

/// `throughline export TRACKER`: the canonical tracker out for a spreadsheet, as one sheet or one sheet per type.
enum ExportCommand: Command {
    static let name = "export"
    static let summary = "write the tracker as one flat sheet or a folder of sheets, for Excel, RFC 4180 or TSV"
    static let usage = "export [options] TRACKER... [--split DIR]"
    static let discussion = """
        Reads the tracker (any sheet import reads) and writes it in canonical form. --dialect excel (the default) \
        writes UTF-8 with a byte order mark and CRLF line ends, which Excel opens with accents intact; rfc4180 writes \
        plain comma-separated CRLF; tsv writes tab-separated LF; plain writes comma-separated LF. --split DIR writes one \
        sheet per item type (objectives.csv, key-results.csv, initiatives.csv, workstreams.csv, milestones.csv, \
        tasks.csv, and untyped.csv for rows with no type) into DIR instead.
        """
    static let examples = [
        ("throughline export tracker.csv -o for-excel.csv", "a sheet Excel opens with accents intact"),
        ("throughline export --dialect tsv tracker.csv", "tab-separated, to paste into a spreadsheet"),
        ("throughline export --split sheets/ tracker.csv", "one sheet per item type"),
    ]
    static let options: [OptionSpec] = SharedOptions.input + [
        SharedOptions.output,
        .value("--dialect", nil, "NAME", "excel (default), rfc4180, tsv or plain"),
        .value("--split", nil, "DIR", "write one sheet per item type into DIR"),
    ]

    static func run(_ arguments: ParsedArguments, _ context: Context) throws -> Int32 {
        var settings = try InputSettings(arguments, context: context)
        guard !arguments.positionals.isEmpty else { throw ThroughlineError.usage("export needs a tracker sheet", hint: "see 'throughline export --help'") }
        let dialectName = arguments.value("--dialect") ?? "excel"
        guard let style = CSVWriteStyle(name: dialectName) else {
            throw ThroughlineError.usage("unknown dialect '\(dialectName)'", hint: "dialects: excel, rfc4180, tsv, plain")
        }
        if arguments.value("--split") != nil && arguments.value("--output") != nil {
            throw ThroughlineError.usage("--split and --output contradict each other")
        }
        let sources = try TrackerSources.open(arguments.positionals, settings: &settings, context: context)
        let columns = TrackerImport.columns(of: sources)
        let printer = FindingPrinter(context)
        defer { printer.finish() }
        guard let folder = arguments.value("--split") else {
            try context.withOutput(arguments.value("--output")) { sink in
                let out = OutputBuffer(sink)
                let writer = start(out, style: style, columns: columns)
                _ = try TrackerImport.rows(sources, conventions: settings.conventions, onFinding: printer.print) { cells, _, _ in
                    try writer.writeRecord(cells, terminator: style.terminator)
                }
                try out.flush()
            }
            return 0
        }
        // One pass, one open file per type met; each is put in place only when the pass succeeds.
        try context.makeFolder(folder)
        let typeSlot = columns.firstIndex(of: Field.type.rawValue)!
        let extensionName = style.dialect == .tab ? "tsv" : "csv"
        var files: [String: (file: AtomicFile, out: OutputBuffer, writer: CSVWriter)] = [:]
        do {
            _ = try TrackerImport.rows(sources, conventions: settings.conventions, onFinding: printer.print) { cells, _, _ in
                let type = ItemType(rawValue: cells[typeSlot])
                let base = type.map { $0 == .keyResult ? "key-results" : $0.rawValue + "s" } ?? "untyped"
                if files[base] == nil {
                    let path = (folder.hasSuffix("/") ? folder : folder + "/") + base + "." + extensionName
                    try context.refuseInput(path)
                    let file = try AtomicFile(path: context.resolve(path), shown: path)
                    let out = OutputBuffer(file)
                    files[base] = (file, out, start(out, style: style, columns: columns))
                }
                try files[base]!.writer.writeRecord(cells, terminator: style.terminator)
            }
            for (_, entry) in files.sorted(by: { $0.key < $1.key }) {
                try entry.out.flush()
                try entry.file.commit()
                try context.note("wrote \(entry.file.shown)")
            }
        } catch {
            for entry in files.values { entry.file.abandon() }
            throw error
        }
        return 0
    }

    private static func start(_ out: OutputBuffer, style: CSVWriteStyle, columns: [String]) -> CSVWriter {
        if style.byteOrderMark { try? out.append([0xEF, 0xBB, 0xBF]) }
        let writer = CSVWriter(out, dialect: style.dialect)
        try? writer.writeRecord(columns, terminator: style.terminator)
        return writer
    }
}
