import ThroughlineCore

/// `throughline diff OLD NEW`: what changed between two snapshots of a sheet.
enum DiffCommand: Command {
    static let name = "diff"
    static let summary = "what changed between two snapshots: items added and removed, status moves, slipped dates, owners"
    static let usage = "diff [options] OLD NEW"
    static let discussion = """
        Matches the items of two snapshots of the same sheet by id, else by title, and lists what changed: items \
        added and removed, typed, derived and KPI impact status moves (better or worse), due and forecast dates moved \
        later or earlier (by how many days), owners changed, progress changes and KPI actuals moved, then a summary of \
        counts. The snapshots may have their columns in another order or other columns. Both are derived as of \
        --as-of (the old one as of --old-as-of when given), so a derived move reflects the sheet, not the calendar, \
        unless asked. Exits 1 when something changed, like diff(1).
        """
    static let examples = [
        ("throughline diff sample-data/last-week/strategy-tracker.csv sample-data/strategy-tracker.csv", "this week against last week"),
        ("throughline diff --format csv old.csv new.csv > changes.csv", "one change a row"),
    ]
    static let options: [OptionSpec] = SharedOptions.input + AnalysisOptions.options + [
        .value("--old-as-of", nil, "DATE", "derive the old snapshot as of DATE (default: --as-of)"),
        SharedOptions.output,
    ]

    static func run(_ arguments: ParsedArguments, _ context: Context) throws -> Int32 {
        guard arguments.positionals.count == 2 else { throw ThroughlineError.usage("diff takes two sheets: OLD NEW", hint: "see 'throughline diff --help'") }
        let format = try AnalysisOptions.format(arguments, context)
        if format == .html { throw ThroughlineError.usage("diff writes table, csv, md or json; for an HTML page use 'throughline brief --previous OLD NEW'") }
        let settings = try AnalysisOptions.settings(arguments, context)
        var oldSettings = settings
        if let text = arguments.value("--old-as-of") {
            guard let date = CalendarDate(iso: text) else { throw ThroughlineError.usage("--old-as-of takes a date as YYYY-MM-DD") }
            oldSettings.asOf = date
        }
        let (new, old) = try AnalysisOptions.analyse(arguments, context, paths: [arguments.positionals[1]], settings: settings,
                                                     previous: arguments.positionals[0], previousSettings: oldSettings, snapshot: true)
        let diff = SnapshotDiff(old: old.derivation, new: new.derivation)
        let text = diff.render(format, oldName: arguments.positionals[0], newName: arguments.positionals[1], style: AnalysisOptions.style(context, arguments))
        try context.write(text, to: arguments.value("--output"))
        return diff.changes.isEmpty ? 0 : 1
    }
}
