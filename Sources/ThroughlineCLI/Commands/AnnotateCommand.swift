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
        let inPlace = arguments.flag("--in-place"), output = arguments.value("--output")
        if inPlace && output != nil { throw ThroughlineError.usage("--in-place and --output contradict each other") }
        // A set (a folder, or several sheets) is read whole, and each of its tracker sheets written into the folder
        // -o names, under its own name, or in place; one sheet is written to -o, standard output, or in place.
        let isSet = paths.count > 1 || (paths[0] != "-" && context.isFolder(paths[0]))
        if isSet {
            if paths.contains("-") { throw ThroughlineError.usage("annotate reads a set of sheets from files, not from standard input") }
            guard inPlace || (output != nil && output != "-") else {
                throw ThroughlineError.usage("annotate writes each sheet of a set back, so it needs a folder to write them into",
                                             hint: "name one with -o FOLDER, or use --in-place")
            }
            if let output, context.exists(output), !context.isFolder(output) {
                throw ThroughlineError.cannotWrite(output, "is a file; annotate writes the sheets of a set into a folder", hint: "name a folder with -o")
            }
        } else if inPlace && paths[0] == "-" {
            throw ThroughlineError.usage("--in-place needs a file, not standard input")
        }
        let (analysis, input) = try AnalysisOptions.analyse(arguments, context)
        let name = { (file: String) in String(file.split(separator: "/", omittingEmptySubsequences: false).last ?? Substring(file)) }
        let targets = analysis.files.map { file -> String? in
            inPlace ? file : isSet ? output.map { ($0.hasSuffix("/") ? $0 : $0 + "/") + name(file) } : output
        }
        if isSet, !inPlace {
            // Two sheets of one name would overwrite each other in the folder written to.
            var seen: [String: String] = [:]
            for file in analysis.files {
                if let other = seen.updateValue(file, forKey: name(file)) {
                    throw ThroughlineError.usage("\(other) and \(file) would both be written as \(name(file))", hint: "annotate them in place, or one folder at a time")
                }
            }
            try context.makeFolder(output!)
        }
        // Every target is checked before the first is written: a set is never left half annotated.
        if !inPlace { for case let target? in targets where target != "-" { try context.refuseInput(target) } }
        for (file, target) in zip(analysis.files, targets) {
            // Opened as the analysis opened it: the file's name may give its rows a type.
            let sheet = try input.open(file, context: context, fileType: ItemType.fromFileName(file))
            context.phase("checking and writing \(file) annotated")
            try context.withOutput(target, replacingInput: inPlace) { sink in
                try SheetAnnotator.annotate(sheet, analysis: analysis, sanitize: arguments.flag("--sanitize"), to: sink)
            }
            if isSet || inPlace, let target {
                let count = analysis.itemCounts[file] ?? 0
                try context.note("\(target): annotated \(count) item\(count == 1 ? "" : "s")\(target == file ? "" : " of \(file)")")
            }
        }
        return 0
    }
}
