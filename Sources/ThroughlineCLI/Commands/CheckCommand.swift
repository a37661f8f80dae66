import ThroughlineCore

/// `throughline check SHEET...`: the exceptions leadership must see, each a named check.
enum CheckCommand: Command {
    static let name = "check"
    static let summary = "list the findings: data problems, ownership, alignment and execution exceptions"
    static let usage = "check [options] SHEET|FOLDER...  |  check --list"
    static let discussion = """
        Runs every check over the tracker and prints its findings, one a line, each with its code, severity, place, \
        id and owner. Prints nothing on a clean sheet. Exits 1 when a finding is at or above --fail-on (default: \
        error), else 0. --only and --ignore take comma-separated codes, and add up when repeated. --list prints every code with its severity \
        and meaning.
        """
    static let examples = [
        ("throughline check sample-data/", "every finding"),
        ("throughline check --only overdue,stale,watermelon tracker.csv", "only these"),
        ("throughline check --fail-on warning --format csv tracker.csv > findings.csv", "one finding a row; exit 1 on warnings"),
        ("throughline check --list", "what each code means"),
    ]
    static let options: [OptionSpec] = SharedOptions.input + AnalysisOptions.options + [
        .flag("--list", nil, "print every finding code with its severity and meaning"),
        .value("--only", nil, "CODES", "report only these codes (comma-separated)"),
        .value("--ignore", nil, "CODES", "leave out these codes (comma-separated)"),
        .value("--fail-on", nil, "LEVEL", "exit 1 when a finding is at least error (default), warning or info"),
        SharedOptions.output,
    ]

    static func run(_ arguments: ParsedArguments, _ context: Context) throws -> Int32 {
        if arguments.flag("--list") {
            let width = FindingCode.all.map(\.name.count).max() ?? 0
            try context.print(FindingCode.all.map { "\(TextFormat.pad($0.name, width))  \(TextFormat.pad($0.severity.rawValue, 7))  \($0.meaning)\n" }.joined())
            return 0
        }
        // Given more than once, --only and --ignore add up.
        let only = try codes(arguments.all("--only"), "--only")
        let ignore = try codes(arguments.all("--ignore"), "--ignore") ?? []
        let failOn = try arguments.value("--fail-on").map { name -> Severity in
            guard let severity = Severity(rawValue: name) else { throw ThroughlineError.usage("--fail-on takes error, warning or info") }
            return severity
        } ?? .error
        let format = try AnalysisOptions.format(arguments, context)
        let (analysis, _) = try AnalysisOptions.analyse(arguments, context)
        let wanted = { (code: FindingCode) in (only?.contains(code.name) ?? true) && !ignore.contains(code.name) }
        var failed = false
        context.phase("checking")
        try context.withOutput(arguments.value("--output")) { sink in
            let out = OutputBuffer(sink)
            try FindingRenderer.render(each: { body in
                try analysis.forEachFinding(where: wanted) { finding in
                    if finding.severity >= failOn { failed = true }
                    try body(finding)
                }
            }, asOf: analysis.derivation.settings.asOf, format: format, style: AnalysisOptions.style(context, arguments), to: out)
            try out.flush()
        }
        return failed ? 1 : 0
    }

    private static func codes(_ values: [String], _ option: String) throws -> Set<String>? {
        guard !values.isEmpty else { return nil }
        let names = values.flatMap { $0.split(separator: ",") }.map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
        let known = FindingCode.all.map(\.name)
        for name in names where !known.contains(name) {
            let guess = Suggestion.closest(to: name, among: known)
            throw ThroughlineError.usage("\(option): unknown code '\(name)'", hint: guess.map { "did you mean '\($0)'? see 'throughline check --list'" } ?? "see 'throughline check --list'")
        }
        return Set(names)
    }
}
