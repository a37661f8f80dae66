import ThroughlineCore

/// `throughline annotate SHEET`: the sheet back as it was, with its derived status, progress, findings and reason added.
enum AnnotateCommand: Command {
    static let name = "annotate"
    static let summary = "write the sheet back with Derived Status, Progress (derived), Findings and Why columns added"
    static let usage = "annotate [options] SHEET | FOLDER | SHEET..."
    static let discussion = """
        Writes SHEET back with every original row, cell and byte as it was (preamble rows, delimiter, quoting, line \
        ends, byte order mark and encoding) and four columns added after the widest row: Derived Status, Progress \
        (derived), Findings (the finding codes of the row, ;-separated) and Why (the reason chain). Run again on its \
        own output, it replaces those columns instead of adding more. A cell it adds that a spreadsheet would run as \
        a formula (starting with = + - @, tab or CR) gets a leading '; --sanitize does the same to every cell of the \
        sheet. --in-place replaces the file only once the new one is complete. \
        A tracker kept as a set of sheets (a folder, or several sheets named) is read whole, and each of its tracker \
        sheets is written back: into the folder -o names, under its own file name, or in place with --in-place. Its \
        people, capacity, conventions and map sheets are left as they are.
        """
    static let examples = [
        ("throughline annotate --as-of 2026-11-21 sample-data/strategy-tracker.csv -o annotated.csv", "an annotated copy"),
        ("throughline annotate --in-place tracker.csv", "annotate the sheet itself; running it again replaces its columns"),
        ("throughline annotate tracker/ -o annotated/", "each sheet of a set, annotated from the whole set, into annotated/"),
    ]
    static let options: [OptionSpec] = SharedOptions.input + AnalysisOptions.options.filter { $0.name != "--format" } + [
        SharedOptions.output,
        .flag("--in-place", "-i", "replace SHEET (each sheet of a set) with its annotated form"),
        .flag("--sanitize", nil, "neutralize formula-looking cells everywhere, not only in the added columns"),
    ]

    static func run(_ arguments: ParsedArguments, _ context: Context) throws -> Int32 {
        let paths = arguments.positionals
        guard !paths.isEmpty else { throw ThroughlineError.usage("annotate takes a sheet, or a folder of sheets", hint: "see 'throughline annotate --help'") }
        let inPlace = arguments.flag("--in-place")
        if inPlace && arguments.value("--output") != nil { throw ThroughlineError.usage("--in-place and --output contradict each other") }
        if paths.count > 1 || (paths[0] != "-" && context.isFolder(paths[0])) { return try annotateSet(paths, arguments, context, inPlace: inPlace) }
        let path = paths[0]
        if inPlace && path == "-" { throw ThroughlineError.usage("--in-place needs a file, not standard input") }
        let (analysis, input) = try AnalysisOptions.analyse(arguments, context)
        let sheet = try input.open(path, context: context)
        context.phase("checking and writing \(path) annotated")
        try context.withOutput(inPlace ? path : arguments.value("--output")) { sink in
            try SheetAnnotator.annotate(sheet, analysis: analysis, sanitize: arguments.flag("--sanitize"), to: sink)
        }
        if inPlace { try context.note("\(path): annotated \(analysis.derivation.portfolio.items.count) items") }
        return 0
    }

    /// Annotates every tracker sheet of a set from one analysis of the whole set (links between its sheets followed):
    /// into the folder `--output` names, each under its own file name, or each in place.
    private static func annotateSet(_ paths: [String], _ arguments: ParsedArguments, _ context: Context, inPlace: Bool) throws -> Int32 {
        if paths.contains("-") { throw ThroughlineError.usage("annotate reads a set of sheets from files, not from standard input") }
        let folder = arguments.value("--output")
        guard inPlace || (folder != nil && folder != "-") else {
            throw ThroughlineError.usage("annotate writes each sheet of a set back, so it needs a folder to write them into",
                                         hint: "name one with -o FOLDER, or use --in-place")
        }
        if let folder, context.exists(folder), !context.isFolder(folder) {
            throw ThroughlineError.cannotWrite(folder, "is a file; annotate writes the sheets of a set into a folder", hint: "name a folder with -o")
        }
        let (analysis, input) = try AnalysisOptions.analyse(arguments, context)
        let files = analysis.files
        // Each sheet keeps its own name in the folder written to: two sheets of one name would overwrite each other.
        let name = { (file: String) in String(file.split(separator: "/", omittingEmptySubsequences: false).last ?? Substring(file)) }
        if folder != nil {
            var seen: [String: String] = [:]
            for file in files {
                if let other = seen.updateValue(file, forKey: name(file)) {
                    throw ThroughlineError.usage("\(other) and \(file) would both be written as \(name(file))", hint: "annotate them in place, or one folder at a time")
                }
            }
        }
        if let folder { try context.makeFolder(folder) }
        for file in files {
            let sheet = try input.open(file, context: context, fileType: ItemType.fromFileName(file))
            let target = folder.map { ($0.hasSuffix("/") ? $0 : $0 + "/") + name(file) } ?? file
            context.phase("checking and writing \(file) annotated")
            try context.withOutput(target) { sink in
                try SheetAnnotator.annotate(sheet, analysis: analysis, sanitize: arguments.flag("--sanitize"), to: sink)
            }
            let count = analysis.itemCounts[file] ?? 0
            try context.note("\(target): annotated \(count) item\(count == 1 ? "" : "s")\(inPlace ? "" : " of \(file)")")
        }
        return 0
    }
}
