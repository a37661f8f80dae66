import ThroughlineCore

/// The options of the commands that derive statuses (`rollup`, `check`): the as-of date and every threshold, defined once.
enum AnalysisOptions {
    static let options: [OptionSpec] = [
        .value("--as-of", nil, "DATE", "the day the sheet is read at, YYYY-MM-DD (default: today)"),
        .value("--rule", nil, "RULE", "how parents roll up: escalate (default), worst or average"),
        .value("--stale-days", nil, "N", "active work not updated for more than N days is stale (default 30)"),
        .value("--late-start-days", nil, "N", "work not started more than N days after its start is at risk (default 7)"),
        .value("--pace-margin", nil, "PCT", "progress trailing time elapsed by more than PCT points is at risk (default 20)"),
        .value("--slip-share", nil, "SHARE", "a forecast slip above SHARE of the planned duration is off-track (default 0.5)"),
        .value("--escalate-share", nil, "SHARE", "escalate: more than this weighted share of off-track or blocked children is off-track (default 0.5)"),
        .value("--average-at-risk", nil, "SCORE", "average: a score below this is at-risk (default 0.8)"),
        .value("--average-off-track", nil, "SCORE", "average: a score below this is off-track (default 0.5)"),
        .value("--capacity", nil, "FILE", "a capacity sheet: adds capacity findings, and puts work at risk whose owner is over-allocated"),
        .value("--format", nil, "FORMAT", "table (default on a terminal), csv (default otherwise), md, json or html"),
    ] + CapacityArguments.options

    /// Reads the settings; the clock is read only here, through the context, when --as-of is not given.
    static func settings(_ arguments: ParsedArguments, _ context: Context) throws -> RollupSettings {
        var asOf = context.today
        if let text = arguments.value("--as-of") {
            guard let date = CalendarDate(iso: text) else { throw ThroughlineError.usage("--as-of takes a date as YYYY-MM-DD, not '\(text)'") }
            asOf = date
        }
        var settings = RollupSettings(asOf: asOf)
        if let rule = arguments.value("--rule") {
            guard let parsed = ParentRule(rawValue: rule) else { throw ThroughlineError.usage("--rule takes escalate, worst or average") }
            settings.rule = parsed
        }
        func whole(_ name: String, _ current: Int) throws -> Int {
            guard let text = arguments.value(name) else { return current }
            guard let value = Int(text), value >= 0 else { throw ThroughlineError.usage("\(name) takes a whole number of days, 0 or more") }
            return value
        }
        /// A share (`upTo` 1 or 10: `0.5`, or `50%`) or, up to 100, percentage points (`20` or `20%`).
        func fraction(_ name: String, _ current: Double, upTo limit: Double, meaning: String = "") throws -> Double {
            guard var text = arguments.value(name) else { return current }
            var scale = 1.0
            if text.hasSuffix("%") {
                text = String(text.dropLast()).trimmingSpaces
                if limit <= 10 { scale = 0.01 }
            }
            guard let read = Double(text), case let value = read * scale, value >= 0, value <= limit else {
                throw ThroughlineError.usage("\(name) takes a number from 0 to \(Derivation.format(limit))\(meaning)")
            }
            return value
        }
        settings.staleDays = try whole("--stale-days", settings.staleDays)
        settings.lateStartGraceDays = try whole("--late-start-days", settings.lateStartGraceDays)
        settings.paceMargin = try fraction("--pace-margin", settings.paceMargin, upTo: 100)
        // The other thresholds are shares: `0.2` here is almost surely meant as one, and would allow 0.2 points.
        if let text = arguments.value("--pace-margin"), !text.hasSuffix("%"), settings.paceMargin > 0, settings.paceMargin < 1 {
            throw ThroughlineError.usage("--pace-margin is in percentage points: \(text) would allow \(text) of a point; "
                                         + "write \(Derivation.format(settings.paceMargin * 100)) (or \(Derivation.format(settings.paceMargin * 100))%) for that share, or \(text)% for \(text) of a point")
        }
        settings.slipShare = try fraction("--slip-share", settings.slipShare, upTo: 10, meaning: ", a share of the planned duration (0.5 is half of it)")
        settings.escalateShare = try fraction("--escalate-share", settings.escalateShare, upTo: 1)
        settings.averageAtRisk = try fraction("--average-at-risk", settings.averageAtRisk, upTo: 1)
        settings.averageOffTrack = try fraction("--average-off-track", settings.averageOffTrack, upTo: 1)
        if settings.averageOffTrack > settings.averageAtRisk {
            throw ThroughlineError.usage("--average-off-track must not be above --average-at-risk")
        }
                return settings
    }

    /// The output format: as given, else a table on a terminal and CSV otherwise.
    static func format(_ arguments: ParsedArguments, _ context: Context) throws -> ReportFormat {
        guard let name = arguments.value("--format") else { return context.stdoutIsTerminal && arguments.value("--output") == nil ? .table : .csv }
        guard let format = ReportFormat(rawValue: name) else {
            throw ThroughlineError.usage("unknown format '\(name)'", hint: "formats: " + ReportFormat.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return format
    }

    /// Colour on a terminal only, and never under NO_COLOR.
    static func style(_ context: Context, _ arguments: ParsedArguments) -> TerminalStyle {
        TerminalStyle(colour: context.stdoutIsTerminal && !context.noColor && arguments.value("--output") == nil)
    }

    /// Reads the tracker sheets (the positional arguments, or `paths`) and a previous snapshot of them, `previous`, both
    /// with the same people and conventions: a people or conventions sheet only the previous snapshot's folder holds
    /// applies to the current sheets too, which are then read again with it (their notes were given the first time).
    static func analyse(_ arguments: ParsedArguments, _ context: Context, paths: [String]? = nil, settings: RollupSettings,
                        previous: String, previousSettings: RollupSettings, snapshot: Bool = false) throws -> (TrackerAnalysis, TrackerAnalysis) {
        var (current, input) = try analyse(arguments, context, paths: paths, settings: settings, snapshot: snapshot)
        let (old, oldInput) = try analyse(arguments, context, paths: [previous], settings: previousSettings, reusing: input, snapshot: true)
        if (!input.hasPeople && oldInput.hasPeople) || (!input.hasConventionsFile && oldInput.hasConventionsFile) {
            context.notesMuted = true
            defer { context.notesMuted = false }
            current = try analyse(arguments, context, paths: paths, settings: settings, reusing: oldInput, snapshot: snapshot).0
        }
        return (current, old)
    }

    /// Reads the tracker sheets (the positional arguments, or `paths`) and runs the whole analysis.
    /// A second snapshot passes the first one's input settings, so both match owners against the same people. A
    /// snapshot may be `empty` (all its rows taken out is a change to report); a sheet to analyse may not.
    static func analyse(_ arguments: ParsedArguments, _ context: Context, paths: [String]? = nil,
                        settings given: RollupSettings? = nil, reusing: InputSettings? = nil, snapshot: Bool = false) throws -> (TrackerAnalysis, InputSettings) {
        var input = try reusing ?? InputSettings(arguments, context: context)
        let settings = try given ?? Self.settings(arguments, context)
        let paths = paths ?? arguments.positionals
        guard !paths.isEmpty else {
            throw ThroughlineError.usage("name a tracker sheet, a folder of sheets, or - for standard input")
        }
        context.phase("reading " + paths.joined(separator: ", "))
        let loaded = try TrackerSources.load(paths, settings: &input, context: context, mayBeEmpty: snapshot)
        let options = try CapacityArguments.options(arguments)
        let capacity = try arguments.value("--capacity").map { try CapacityArguments.plan($0, options: options, input: input, context: context) }
        context.phase("resolving references and deriving statuses")
        let analysis = TrackerAnalysis(loaded, settings: settings, people: input.people, conventions: input.conventions, capacity: capacity,
                                       underAllocatedAt: options.underAllocatedAt)
        let implicit = analysis.implicitObjectives
        if !implicit.isEmpty {
            let shown = implicit.prefix(8).joined(separator: ", ") + (implicit.count > 8 ? ", …" : "")
            try context.note("throughline: note: the sheet has no objective rows; the \(implicit.count) objective\(implicit.count == 1 ? "" : "s") its rows name are used: \(shown)")
        } else if !analysis.derivation.portfolio.items.isEmpty, !analysis.derivation.portfolio.hasObjectives {
            try context.note("throughline: note: no row is an objective and none names one: the top-level items stand in for objectives, and no work is reported as an orphan")
        }
        return (analysis, input)
    }
}
