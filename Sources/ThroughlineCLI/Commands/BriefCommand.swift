import ThroughlineCore

/// `throughline brief SHEET [--previous OLD]`: the briefing a leadership team reads before the review.
enum BriefCommand: Command {
    static let name = "brief"
    static let summary = "the pre-meeting briefing: objectives and why, what changed, decisions by owner, unowned work"
    static let usage = "brief [options] SHEET|FOLDER [--previous OLD]"
    static let discussion = """
        Writes the briefing for a review meeting: each objective with its derived delivery and KPI impact status, \
        progress and the reason when it is not on track; what changed since the previous snapshot (--previous); \
        the slipped work; the findings that need a decision, grouped by owner; and the work nobody owns. As \
        Markdown (the default), or with --format html as one self-contained page with inline SVG charts: no scripts, \
        no fonts or anything else fetched, readable printed and on a phone.
        """
    static let examples = [
        ("throughline brief --previous sample-data/last-week/strategy-tracker.csv sample-data/", "this week's briefing"),
        ("throughline brief --format html --previous last-week.csv tracker.csv -o brief.html", "one page to send round"),
    ]
    static let options: [OptionSpec] = SharedOptions.input + AnalysisOptions.options.filter { $0.name != "--format" } + [
        .value("--previous", nil, "OLD", "the previous snapshot, to say what changed"),
        .value("--format", nil, "FORMAT", "md (default) or html"),
        SharedOptions.output,
    ]

    static func run(_ arguments: ParsedArguments, _ context: Context) throws -> Int32 {
        let formatName = arguments.value("--format") ?? "md"
        guard formatName == "md" || formatName == "html" else { throw ThroughlineError.usage("brief writes md or html") }
        let settings = try AnalysisOptions.settings(arguments, context)
        let analysis: TrackerAnalysis
        var changes: SnapshotDiff?
        if let previous = arguments.value("--previous") {
            let (current, old) = try AnalysisOptions.analyse(arguments, context, settings: settings, previous: previous, previousSettings: settings)
            analysis = current
            changes = SnapshotDiff(old: old.derivation, new: analysis.derivation)
        } else {
            analysis = try AnalysisOptions.analyse(arguments, context, settings: settings).0
        }
        let briefing = Briefing(analysis: analysis, findings: analysis.findings(), changes: changes)
        let text = formatName == "html" ? briefing.html() : briefing.markdown()
        try context.write(text, to: arguments.value("--output"))
        return 0
    }
}
