import ThroughlineCore

/// `throughline annotate SHEET`: the sheet back as it was, with its derived status, progress, findings and reason added.
enum AnnotateCommand: Command {
    static let name = "annotate"
    static let summary = "write the sheet back with Derived Status, Progress (derived), Findings and Why columns added"
    static let usage = "annotate [options] SHEET"
    static let discussion = """
        Writes SHEET back with every original row, cell and byte as it was (preamble rows, delimiter, quoting, line \
        ends, byte order mark and encoding) and four columns added after the widest row: Derived Status, Progress \
        (derived), Findings (the finding codes of the row, ;-separated) and Why (the reason chain). Run again on its \
        own output, it replaces those columns instead of adding more. A cell it adds that a spreadsheet would run as \
        a formula (starting with = + - @, tab or CR) gets a leading '; --sanitize does the same to every cell of the \
        sheet. --in-place replaces the file only once the new one is complete.
        """
    static let examples = [
        ("throughline annotate --as-of 2026-11-21 sample-data/strategy-tracker.csv -o annotated.csv", "an annotated copy"),
        ("throughline annotate --in-place tracker.csv", "annotate the sheet itself; running it again replaces its columns"),
    ]
    static let options: [OptionSpec] = SharedOptions.input + AnalysisOptions.options.filter { $0.name != "--format" } + [
        SharedOptions.output,
        .flag("--in-place", "-i", "replace SHEET with its annotated form"),
        .flag("--sanitize", nil, "neutralize formula-looking cells everywhere, not only in the added columns"),
    ]

    static func run(_ arguments: ParsedArguments, _ context: Context) throws -> Int32 {
        guard arguments.positionals.count == 1 else { throw ThroughlineError.usage("annotate takes one sheet", hint: "see 'throughline annotate --help'") }
        let path = arguments.positionals[0]
        if path != "-" && context.isFolder(path) {
            throw ThroughlineError.usage("annotate writes one sheet back, and \(path) is a folder",
                                         hint: "name one sheet of it; annotate reads that sheet alone, so links to the folder's other sheets are not followed")
        }
        let inPlace = arguments.flag("--in-place")
        if inPlace && path == "-" { throw ThroughlineError.usage("--in-place needs a file, not standard input") }
        if inPlace && arguments.value("--output") != nil { throw ThroughlineError.usage("--in-place and --output contradict each other") }
        let (analysis, input) = try AnalysisOptions.analyse(arguments, context)
        let sheet = try input.open(path, context: context)
        context.phase("checking and writing \(path) annotated")
        try context.withOutput(inPlace ? path : arguments.value("--output")) { sink in
            try SheetAnnotator.annotate(sheet, analysis: analysis, sanitize: arguments.flag("--sanitize"), to: sink)
        }
        if inPlace { try context.note("\(path): annotated \(analysis.derivation.portfolio.items.count) items") }
        return 0
    }
}
