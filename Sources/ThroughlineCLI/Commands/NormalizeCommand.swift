import ThroughlineCore

/// `throughline normalize SHEET`: statuses, dates, percentages and owners in canonical form; nothing else touched.
enum NormalizeCommand: Command {
    static let name = "normalize"
    static let summary = "rewrite statuses, dates, percentages and owners to canonical form, changing nothing else"
    static let usage = "normalize [options] SHEET"
    static let discussion = """
        Writes SHEET back with statuses (on-track, at-risk, …), dates (2026-03-01), percentages (45%) and owners \
        (spaces collapsed; e-mail addresses and "Last, First" matched against --people) in canonical form. Every other \
        byte stays as it was: the columns and their order, the rows above the header, quoting, line ends, the byte \
        order mark and the encoding. Cells that cannot be read are left as typed and reported on standard error.

        --check changes nothing and exits 1 when something would change, like a formatter's check mode. \
        --in-place replaces the file only once the new one is complete.
        """
    static let examples = [
        ("throughline normalize tracker.csv -o clean.csv", "write a normalized copy"),
        ("throughline normalize --in-place tracker.csv", "normalize the sheet itself"),
        ("throughline normalize --check tracker.csv", "in CI: fail when the sheet is not normalized"),
        ("throughline normalize --date-order dmy tracker.csv", "read 3/1/2026 as 3 January where the column cannot tell"),
    ]
    static let options: [OptionSpec] = SharedOptions.input + [
        SharedOptions.output,
        .flag("--check", nil, "change nothing; exit 1 when something would change"),
        .flag("--in-place", "-i", "replace SHEET with its normalized form"),
    ]

    static func run(_ arguments: ParsedArguments, _ context: Context) throws -> Int32 {
        let settings = try InputSettings(arguments, context: context)
        guard arguments.positionals.count == 1 else {
            throw ThroughlineError.usage("normalize takes one sheet", hint: "see 'throughline normalize --help'")
        }
        let path = arguments.positionals[0]
        let check = arguments.flag("--check")
        let inPlace = arguments.flag("--in-place")
        if inPlace && path == "-" { throw ThroughlineError.usage("--in-place needs a file, not standard input") }
        if [check, inPlace, arguments.value("--output") != nil].filter({ $0 }).count > 1 {
            throw ThroughlineError.usage("--check, --in-place and --output go one at a time")
        }
        context.phase("normalizing \(path)")
        let sheet = try settings.open(path, context: context)
        let normalizer = try settings.normalizer(for: sheet)
        let printer = FindingPrinter(context)
        defer { printer.finish() }
        if sheet.input.encoding.strayBytesLine != nil {
            try context.note("\(path): note: \(sheet.input.encoding.reason); they are written back as UTF-8")
        } else if sheet.input.encoding.encoding != .utf8 {
            try context.note("\(path): note: read as \(sheet.input.encoding.encoding.rawValue); written back in the same encoding")
        }
        if check {
            let summary = try SheetRewriter.normalize(sheet, with: normalizer, to: DiscardSink(), onFinding: printer.print)
            guard summary.changedCells > 0 else { return 0 }
            try context.note("\(path): \(summary.changedCells) cell\(summary.changedCells == 1 ? "" : "s") in \(summary.changedRows) row\(summary.changedRows == 1 ? "" : "s") would change")
            return 1
        }
        let summary = try context.withOutput(inPlace ? path : arguments.value("--output"), replacingInput: inPlace) { sink in
            try SheetRewriter.normalize(sheet, with: normalizer, to: sink, onFinding: printer.print)
        }
        if inPlace {
            try context.note("\(path): normalized \(summary.changedCells) cell\(summary.changedCells == 1 ? "" : "s") in \(summary.changedRows) row\(summary.changedRows == 1 ? "" : "s")")
        }
        return 0
    }
}
