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
        delimiter (keeping each cell's quotes and each line end, so an RFC 4180 file in UTF-8 comes back byte for byte, \
        less any byte order mark; a file in another encoding comes out in UTF-8), or with --format json as an array of \
        arrays of strings.
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
        context.phase("reading " + arguments.positionals.joined(separator: ", "))
        let sources = try TrackerSources.open(arguments.positionals, settings: &settings, context: context)
        let dryRun = arguments.flag("--dry-run")
        var report = ""
        for source in sources { report += TrackerSources.report(source) }
        if dryRun { try context.print(report) } else { try context.note(report.hasSuffix("\n") ? String(report.dropLast()) : report) }
        let printer = FindingPrinter(context)
        var leftOut = LeftOutRows()
        let rows = try context.withOutput(dryRun ? nil : arguments.value("--output")) { sink -> Int in
            let target: ByteSink = dryRun ? DiscardSink() : sink
            let out = OutputBuffer(target)
            let writer = CSVWriter(out, dialect: .comma)
            try writer.writeRecord(TrackerImport.columns(of: sources), terminator: .lf)
            let count = try TrackerImport.rows(sources, conventions: settings.conventions, onFinding: printer.print,
                                               onLeftOut: { leftOut.add(file: $0, line: $1, why: $2) }) { cells, _, _ in
                try writer.writeRecord(cells, terminator: .lf)
            }
            if !dryRun { try out.flush() }
            return count
        }
        printer.finish()
        // Rows among the data that hold no item, said so that a totals row or a note is not lost without a word.
        for line in leftOut.lines { if dryRun { try context.print(line + "\n") } else { try context.note(line) } }
        let summary = "\(rows) item\(rows == 1 ? "" : "s") from \(sources.count) sheet\(sources.count == 1 ? "" : "s"); \(printer.total) finding\(printer.total == 1 ? "" : "s") in cells (references and the work are checked by 'throughline check')"
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

/// The rows of each sheet that hold no item, as `import` reports them: the first five of a file, then how many more.
struct LeftOutRows {
    static let shown = 5
    private var files: [(file: String, rows: [String], count: Int)] = []

    mutating func add(file: String, line: Int, why: String) {
        if files.last?.file != file { files.append((file, [], 0)) }
        files[files.count - 1].count += 1
        if files[files.count - 1].rows.count < Self.shown { files[files.count - 1].rows.append("line \(line): \(why)") }
    }

    /// One line per file: `t.csv: left out line 29: a totals row; line 31: a note`.
    var lines: [String] { files.map { "\($0.file): left out " + Self.rows($0) } }

    /// The same as notes, for the commands that analyse the items: `t.csv: note: left out line 29: a totals row (not items)`.
    var notes: [String] { files.map { "\($0.file): note: left out " + Self.rows($0) + " (not items)" } }

    private static func rows(_ file: (file: String, rows: [String], count: Int)) -> String {
        file.rows.joined(separator: "; ") + (file.count > shown ? "; and \(file.count - shown) more" : "")
    }
}
