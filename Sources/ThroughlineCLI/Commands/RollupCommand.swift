import ThroughlineCore

/// `throughline rollup SHEET...`: each objective's status derived from the work beneath it, with the reason.
enum RollupCommand: Command {
    static let name = "rollup"
    static let summary = "derive each objective's status, progress and KPI impact from the work beneath it, with the reason"
    static let usage = "rollup [options] SHEET|FOLDER..."
    static let discussion = """
        Reads the tracker, resolves parents, objectives and dependencies (by id, then by title), and derives every \
        item's status from the work beneath it as of --as-of (default today). Prints one row per objective (or per \
        initiative, team or owner with --by) with the typed and derived status, progress, KPI impact status and the \
        reason chain down to the item and fact that caused it. --depth N also shows N levels beneath each row. \
        The rules and every threshold are listed in the README.
        """
    static let examples = [
        ("throughline rollup sample-data/", "what is on track, what is not, and why"),
        ("throughline rollup --as-of 2026-11-21 --depth 2 tracker.csv", "objectives, key results and initiatives"),
        ("throughline rollup --by team --format md tracker.csv", "a Markdown table per team"),
        ("throughline rollup --format json tracker.csv > rollup.json", "for scripts"),
    ]
    static let options: [OptionSpec] = SharedOptions.input + AnalysisOptions.options + [
        .value("--by", nil, "GROUP", "objective (default), initiative, team or owner"),
        .value("--depth", nil, "N", "levels to show beneath each row (default 0)"),
        SharedOptions.output,
    ]

    static func run(_ arguments: ParsedArguments, _ context: Context) throws -> Int32 {
        let grouping = try arguments.value("--by").map { name -> RollupGrouping in
            guard let grouping = RollupGrouping(rawValue: name) else { throw ThroughlineError.usage("--by takes objective, initiative, team or owner") }
            return grouping
        } ?? .objective
        let depth = try arguments.value("--depth").map { text -> Int in
            guard let depth = Int(text), depth >= 0 else { throw ThroughlineError.usage("--depth takes a whole number, 0 or more") }
            return depth
        } ?? 0
        let format = try AnalysisOptions.format(arguments, context)
        let (analysis, input) = try AnalysisOptions.analyse(arguments, context)
        // Cells that could not be read change what is derived: say where they are, as import does.
        let printer = FindingPrinter(context)
        analysis.dataFindings.forEach(printer.print)
        printer.finish()
        let report = RollupReport(analysis.derivation, grouping: grouping, depth: depth, people: input.people)
        let text = RollupRenderer.render(report, format: format, style: AnalysisOptions.style(context, arguments))
        try context.write(text, to: arguments.value("--output"))
        return 0
    }
}
