import ThroughlineCore

/// The options that say how to read a capacity sheet, shared by `capacity` and the `--capacity` of other commands.
enum CapacityArguments {
    static let options: [OptionSpec] = [
        .value("--unit", nil, "UNIT", "capacity values are fte, percent, hours or days (default: inferred, or an error when it cannot be)"),
        .value("--hours-per-day", nil, "N", "hours in a working day, for --unit hours (default 8)"),
        .value("--days-per-month", nil, "N", "working days in a month; a quarter is three months, a week five days (default 21)"),
        .value("--under-allocated", nil, "PCT", "a person at or below PCT% in every period is under-allocated (default 75)"),
    ]

    static func options(_ arguments: ParsedArguments) throws -> CapacityOptions {
        var options = CapacityOptions()
        if let unit = arguments.value("--unit") {
            guard let parsed = CapacityUnit(rawValue: unit.lowercased()) else { throw ThroughlineError.usage("--unit takes fte, percent, hours or days") }
            options.unit = parsed
        }
        func positive(_ name: String) throws -> Double? {
            guard let text = arguments.value(name) else { return nil }
            guard let value = Double(text), value > 0 else { throw ThroughlineError.usage("\(name) takes a number above 0") }
            return value
        }
        options.hoursPerDay = try positive("--hours-per-day") ?? options.hoursPerDay
        options.daysPerMonth = try positive("--days-per-month") ?? options.daysPerMonth
        if let percent = try positive("--under-allocated") { options.underAllocatedAt = percent / 100 }
        return options
    }

    /// Reads and adds up a capacity sheet (`-` is standard input).
    static func plan(_ path: String, options given: CapacityOptions, input: InputSettings, context: Context) throws -> CapacityPlan {
        var options = given
        options.fiscalYearStart = input.fiscalYearStart
        let csv = try input.openRaw(path, context: context)
        let sheet = try CapacitySheet(input: csv, people: input.people, conventions: input.conventions, options: options)
        for note in sheet.notes { try context.note("\(path): \(note)") }
        return CapacityPlan(sheet: sheet, people: input.people)
    }
}

/// `throughline capacity CAPACITY [--tracker SHEET]`: who is over-committed, by how much and when, and where capacity goes.
enum CapacityCommand: Command {
    static let name = "capacity"
    static let summary = "available against allocated per person and period, per team, and (with --tracker) by objective"
    static let usage = "capacity [options] CAPACITY [--tracker SHEET|FOLDER]"
    static let discussion = """
        Reads finance's capacity sheet as it is: long (person, period, available, allocated, item), wide (a row per \
        person, a column per period) or a resource plan (a row per person and item, a column per period), with title \
        rows, totals rows and subtotal columns recognised and skipped. Prints each person's utilisation per period \
        and each team's; with --tracker, the share of capacity going to each objective (through the items the plan \
        names) and the share going to work that serves none. Over-allocation is said by how much and in which \
        periods. Findings (over-allocated, under-allocated, unstaffed, unreadable cells, unknown people) go to \
        standard error; 'check --capacity' reports them with the rest.
        """
    static let examples = [
        ("throughline capacity --tracker sample-data/ sample-data/capacity-plan.csv", "utilisation and where the capacity goes"),
        ("throughline capacity --unit hours --format csv hours.csv", "a long sheet in hours, one row per person and period"),
        ("throughline capacity --fiscal-year-start 4 plan.csv", "FY26 Q1 is April to June 2025"),
    ]
    static let options: [OptionSpec] = SharedOptions.input + CapacityArguments.options + [
        .value("--tracker", nil, "SHEET", "the tracker, to trace allocations to objectives and find unstaffed owners"),
        .value("--as-of", nil, "DATE", "the day the tracker is read at, YYYY-MM-DD (default: today)"),
        .value("--format", nil, "FORMAT", "table (default on a terminal), csv (default otherwise), md, json or html"),
        SharedOptions.output,
    ]

    static func run(_ arguments: ParsedArguments, _ context: Context) throws -> Int32 {
        guard arguments.positionals.count == 1 else { throw ThroughlineError.usage("capacity takes one capacity sheet", hint: "see 'throughline capacity --help'") }
        let format = try AnalysisOptions.format(arguments, context)
        let options = try CapacityArguments.options(arguments)
        var input = try InputSettings(arguments, context: context)
        let settings = try AnalysisOptions.settings(arguments, context)
        var alignment: CapacityAlignment?
        var findings: [Finding]
        let plan: CapacityPlan
        if let tracker = arguments.value("--tracker") {
            let loaded = try TrackerSources.load([tracker], settings: &input, context: context)
            plan = try CapacityArguments.plan(arguments.positionals[0], options: options, input: input, context: context)
            let analysis = TrackerAnalysis(loaded, settings: settings, people: input.people, conventions: input.conventions, capacity: plan,
                                           underAllocatedAt: options.underAllocatedAt)
            alignment = CapacityAlignment(plan: plan, derivation: analysis.derivation, daysPerMonth: options.daysPerMonth)
            findings = analysis.capacityFindings()
        } else {
            plan = try CapacityArguments.plan(arguments.positionals[0], options: options, input: input, context: context)
            findings = plan.sheet.findings + plan.findings(underAllocatedAt: options.underAllocatedAt)
        }
        let printer = FindingPrinter(context)
        findings.forEach(printer.print)
        printer.finish()
        let text = CapacityRenderer.render(plan, alignment: alignment, findings: findings, asOf: settings.asOf, format: format, style: AnalysisOptions.style(context, arguments))
        try context.write(text, to: arguments.value("--output"))
        return 0
    }
}
