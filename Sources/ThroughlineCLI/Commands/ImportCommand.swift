import ThroughlineCore

/// `throughline import SHEET...`: any sheet or set of sheets in, the canonical tracker out.
enum ImportCommand: Command {
    static let name = "import"
    static let summary = "read any sheet or set of sheets and write the canonical tracker"
    static let usage = "import [options] SHEET|FOLDER..."
    static let discussion = """
        Reads each sheet (a folder means the CSV, TSV and TXT files in it), finds its encoding, delimiter and header row, \
        maps its columns to canonical fields and writes one canonical tracker: the canonical columns, then every other \
        column as it was. Statuses, dates, percentages and owners are made canonical; cells that cannot be read stay as \
        typed and are reported. Files named people, capacity, conventions or map are not trackers and are skipped. \
        The report (which header row, encoding, delimiter and mapping were used) goes to standard error, or to \
        standard output with --dry-run.

        --raw prints the records exactly as read, with no header detection or mapping: as CSV in the file's own \
        delimiter (keeping each cell's quotes and each line end, so an RFC 4180 file comes back byte for byte), or with \
        --format json as an array of arrays of strings.
        """
    static let examples = [
        ("throughline import sample-data/", "import the sample folder and see how its columns were understood"),
        ("throughline import --dry-run export.csv", "only report the mapping"),
        ("throughline import --map map.csv -o tracker.csv export.csv", "override the mapping, write the tracker to a file"),
        ("throughline import --raw --format json export.csv", "see the records exactly as read"),
    ]
    static let options: [OptionSpec] = SharedOptions.input + [
        SharedOptions.output,
        .flag("--dry-run", nil, "only report how the sheets are read; write no tracker"),
        .flag("--raw", nil, "print the records exactly as read (no header, no mapping)"),
        .value("--format", nil, "FORMAT", "with --raw: csv (default) or json"),
    ]

    static func run(_ arguments: ParsedArguments, _ context: Context) throws -> Int32 {
        var settings = try InputSettings(arguments, context: context)
        guard !arguments.positionals.isEmpty else {
            throw ThroughlineError.usage("import needs a sheet, a folder, or - for standard input", hint: "see 'throughline import --help'")
        }
        if arguments.flag("--raw") {
            guard arguments.positionals.count == 1 else { throw ThroughlineError.usage("--raw reads one sheet at a time") }
            return try raw(arguments.positionals[0], format: arguments.value("--format") ?? "csv", settings: settings, arguments, context)
        }
        if arguments.value("--format") != nil { throw ThroughlineError.usage("--format goes with --raw; the tracker is CSV") }
        let sources = try TrackerSources.open(arguments.positionals, settings: &settings, context: context)
        let dryRun = arguments.flag("--dry-run")
        var report = ""
        for source in sources { report += TrackerSources.report(source) }
        if dryRun { try context.print(report) } else { try context.note(report.hasSuffix("\n") ? String(report.dropLast()) : report) }
        let printer = FindingPrinter(context)
        let rows = try context.withOutput(dryRun ? nil : arguments.value("--output")) { sink -> Int in
            let target: ByteSink = dryRun ? MemorySink() : sink
            let out = OutputBuffer(target)
            let writer = CSVWriter(out, dialect: .comma)
            try writer.writeRecord(TrackerImport.columns(of: sources), terminator: .lf)
            let count = try TrackerImport.rows(sources, conventions: settings.conventions, onFinding: printer.print) { cells, _, _ in
                try writer.writeRecord(cells, terminator: .lf)
            }
            if !dryRun { try out.flush() }
            return count
        }
        printer.finish()
        let summary = "\(rows) item\(rows == 1 ? "" : "s") from \(sources.count) sheet\(sources.count == 1 ? "" : "s"); \(printer.total) finding\(printer.total == 1 ? "" : "s")"
        if dryRun { try context.print(summary + "\n") } else { try context.note(summary) }
        return 0
    }

    /// `--raw`: records exactly as read.
    private static func raw(_ path: String, format: String, settings: InputSettings, _ arguments: ParsedArguments, _ context: Context) throws -> Int32 {
        guard format == "csv" || format == "json" else {
            throw ThroughlineError.usage("--format takes csv or json with --raw")
        }
        let input = try settings.openRaw(path, context: context)
        if input.encoding.encoding != .utf8 || input.encoding.strayBytesLine != nil {
            try context.note("\(input.file): note: \(input.encoding.reason); records are written as UTF-8")
        }
        try context.withOutput(arguments.value("--output")) { sink in
            let out = OutputBuffer(sink)
            let reader = try input.makeReader()
            if format == "json" {
                var first = true
                var line: [UInt8] = []
                try out.append("[")
                try reader.forEach { record in
                    line.removeAll(keepingCapacity: true)
                    line.append(contentsOf: first ? [0x0A, 0x5B] : [0x2C, 0x0A, 0x5B])
                    first = false
                    for index in 0..<record.count {
                        if index > 0 { line.append(0x2C) }
                        JSONText.appendQuoted(record.bytes(index), to: &line)
                    }
                    line.append(0x5D)
                    try out.append(line)
                    return true
                }
                try out.append(first ? "]\n" : "\n]\n")
            } else {
                let writer = CSVWriter(out, dialect: input.dialect)
                try reader.forEach { record in
                    try writer.writeRecordAsRead(record)
                    return true
                }
            }
            try out.flush()
        }
        return 0
    }
}

/// Opening the sheets of a tracker: files and folders, people and capacity sheets set aside, each with its normalizer.
enum TrackerSources {
    /// Words in a file name that mark a sheet that is not a tracker.
    static let notTrackers = ["people", "capacity", "convention", "map", "resource"]

    /// Opens the tracker sheets among `paths`. A folder's people sheet is used to match owners when --people is not given.
    static func open(_ paths: [String], settings: inout InputSettings, context: Context) throws -> [ImportSource] {
        var files: [String] = []
        var peopleSheets: [String] = []
        for path in paths {
            if path != "-" && context.isFolder(path) {
                let found = try context.files(in: path).filter { name in
                    let lower = name.lowercased()
                    return lower.hasSuffix(".csv") || lower.hasSuffix(".tsv") || lower.hasSuffix(".txt")
                }
                for file in found {
                    let base = file.split(separator: "/").last.map { $0.lowercased() } ?? ""
                    if base.contains("people") {
                        peopleSheets.append(file)
                    } else if notTrackers.contains(where: base.contains) {
                        try context.note("\(file): skipped: a capacity, conventions or map sheet, not a tracker")
                    } else {
                        files.append(file)
                    }
                }
                if found.isEmpty { throw ThroughlineError.missingInput(path, "the folder holds no .csv, .tsv or .txt sheet") }
            } else {
                files.append(path)
            }
        }
        if let people = peopleSheets.first, !settings.hasPeople {
            try settings.loadPeople(people, context: context)
            try context.note("\(people): read as the people sheet (owners are matched against it)")
        } else {
            for sheet in peopleSheets { try context.note("\(sheet): skipped: a people sheet, not a tracker") }
        }
        if files.isEmpty { throw ThroughlineError.usage("no tracker sheet to read") }
        return try files.map { file in
            let type = ItemType.fromFileName(file)
            let sheet = try settings.open(file, context: context, fileType: type)
            return ImportSource(sheet: sheet, normalizer: try settings.normalizer(for: sheet), defaultType: type)
        }
    }

    /// How a sheet was read, for people to check.
    static func report(_ source: ImportSource) -> String {
        let sheet = source.sheet
        let input = sheet.input
        let layout = sheet.layout
        var text = "sheet \(input.file)\n"
        text += "  encoding   \(input.encoding.encoding.rawValue) (\(input.encoding.reason))\n"
        text += "  delimiter  \(input.dialect.delimiterName) (\(input.dialectReason))\n"
        if input.separatorLine != nil { text += "  sep= line  line 1, skipped\n" }
        if let row = layout.headerRow, let line = layout.headerLine {
            let skipped = row - 1
            text += "  header     row \(row) (line \(line)): \(layout.headerReason)" + (skipped > 0 ? "; \(skipped) row\(skipped == 1 ? "" : "s") above it skipped" : "") + "\n"
        } else {
            text += "  header     none (\(layout.headerReason))\n"
        }
        if layout.column(for: .type) == nil {
            text += "  type       " + (source.defaultType.map { "\($0.rawValue), from the file's name" } ?? "none: no type column and the file's name names no type") + "\n"
        }
        text += "  columns\n"
        let width = min(28, layout.columns.map(\.name.count).max() ?? 0)
        for column in layout.columns {
            let padding = String(repeating: " ", count: max(1, width - column.name.count + 1))
            let target = column.field.map { $0.rawValue + (column.mappedBy == "--map" ? " (--map)" : "") } ?? "(kept as is)"
            text += "    \(column.name)\(padding)-> \(target)\n"
        }
        for note in layout.notes { text += "  note: \(note)\n" }
        return text
    }
}
