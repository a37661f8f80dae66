/// Writes findings in each format; CSV has one finding a row: `code,severity,id,row,column,owner,message`.
public enum FindingRenderer {
    /// The CSV columns (SPEC 6).
    public static let csvColumns = ["code", "severity", "id", "row", "column", "owner", "message"]

    /// Renders `findings` read at `asOf` in `format`, as one text.
    public static func render(_ findings: [Finding], asOf: CalendarDate, format: ReportFormat, style: TerminalStyle) -> String {
        let sink = MemorySink()
        let out = OutputBuffer(sink)
        try? render(findings, asOf: asOf, format: format, style: style, to: out)
        try? out.flush()
        return sink.text
    }

    /// Writes `findings` read at `asOf` in `format` to `out`.
    public static func render(_ findings: [Finding], asOf: CalendarDate, format: ReportFormat, style: TerminalStyle, to out: OutputBuffer) throws {
        try render(each: { body in try findings.forEach(body) }, asOf: asOf, format: format, style: style, to: out)
    }

    /// Writes the findings `each` gives, read at `asOf`, in `format` to `out` a finding at a time as they come, so a
    /// million findings are never held together: a table, CSV and JSON stream; Markdown and HTML, which open with the
    /// count, gather them first.
    public static func render(each: ((Finding) throws -> Void) throws -> Void, asOf: CalendarDate, format: ReportFormat, style: TerminalStyle,
                              to out: OutputBuffer) throws {
        switch format {
        case .table:
            var counts = Counts()
            try each { finding in
                counts.add(finding)
                try out.append(located(finding, style: style, naming: true) + "\n")
            }
            if counts.all > 0 { try out.append(counts.summary + "\n") }
        case .csv:
            let writer = CSVWriter(out, dialect: .comma)
            try writer.writeRecord(csvColumns, terminator: .lf)
            try each { finding in
                try writer.writeRecord([finding.code.name, finding.severity.rawValue, finding.id ?? "", finding.location.line.map(String.init) ?? "",
                                        finding.location.column ?? "", finding.owner ?? "", CSVSafety.neutralize(finding.message)].map(CSVSafety.neutralize),
                                       terminator: .lf)
            }
        case .json:
            try out.append("{\n  \"schema\": \"throughline.check/1\",\n  \"asOf\": \"\(asOf.iso)\",\n  \"findings\": ")
            var written = 0
            try each { finding in
                try out.append((written > 0 ? ",\n" : "[\n")
                    + "    {\"code\": \(JSONText.quoted(finding.code.name)), \"severity\": \(JSONText.quoted(finding.severity.rawValue)), "
                    + "\"id\": \(finding.id.map(JSONText.quoted) ?? "null"), \"file\": \(JSONText.quoted(finding.location.file)), "
                    + "\"row\": \(finding.location.line.map(String.init) ?? "null"), \"column\": \(finding.location.column.map(JSONText.quoted) ?? "null"), "
                    + "\"owner\": \(finding.owner.map(JSONText.quoted) ?? "null"), \"message\": \(JSONText.quoted(finding.message))}")
                written += 1
            }
            try out.append((written == 0 ? "[]" : "\n  ]") + "\n}\n")
        case .md: try markdown(gathered(each), asOf: asOf, to: out)
        case .html: try html(gathered(each), asOf: asOf, to: out)
        }
    }

    /// A finding as a located line, `FILE:LINE:COLUMN: warning: MESSAGE [code]`, followed by its item's id and owner
    /// when `naming`, and for a problem in the sheet's own cells by a `hint:` line saying how to mend it (SPEC 7): as
    /// `check` lists it, and as every command says it on standard error.
    public static func located(_ finding: Finding, style: TerminalStyle, naming: Bool) -> String {
        let label = finding.severity == .info ? "note" : finding.severity.rawValue
        let coloured = style.colour ? "\u{1B}[\(finding.severity == .error ? "31" : finding.severity == .warning ? "33" : "36")m\(label)\u{1B}[0m" : label
        let who = naming ? [finding.id, finding.owner].compactMap { $0 }.joined(separator: ", ") : ""
        return "\(finding.location): \(coloured): \(finding.message) [\(finding.code.name)]" + (who.isEmpty ? "" : style.dim(" (\(who))"))
            + (finding.code.hint.map { "\nhint: \($0)" } ?? "")
    }

    /// Every finding `each` gives, in one array.
    private static func gathered(_ each: ((Finding) throws -> Void) throws -> Void) rethrows -> [Finding] {
        var findings: [Finding] = []
        try each { findings.append($0) }
        return findings
    }

    /// The Markdown page: the count, then a table of one row a finding.
    private static func markdown(_ findings: [Finding], asOf: CalendarDate, to out: OutputBuffer) throws {
        try out.append("# Findings as of \(asOf.iso)\n\n" + (findings.isEmpty ? "No findings.\n" : summary(findings) + "\n\n| severity | code | id | where | owner | message |\n|---|---|---|---|---|---|\n"))
        for finding in findings {
            try out.append("| " + [finding.severity.rawValue, finding.code.name, finding.id ?? "", finding.location.description, finding.owner ?? "", finding.message]
                .map(TextFormat.markdown).joined(separator: " | ") + " |\n")
        }
    }

    /// The HTML page: the count, then a table of one row a finding.
    private static func html(_ findings: [Finding], asOf: CalendarDate, to out: OutputBuffer) throws {
        let title = "Findings as of \(asOf.iso)"
        try out.append("""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
            <title>\(title)</title><style>\(TextFormat.pageStyle)</style></head><body>
            <h1>\(title)</h1><p class="meta">\(TextFormat.html(findings.isEmpty ? "No findings." : summary(findings)))</p>
            <table><thead><tr><th>Severity</th><th>Code</th><th>Id</th><th>Where</th><th>Owner</th><th>Message</th></tr></thead><tbody>

            """)
        for finding in findings {
            try out.append("<tr><td><span class=\"b \(finding.severity == .error ? "off-track" : finding.severity == .warning ? "at-risk" : "")\">\(finding.severity.rawValue)</span></td>"
                + "<td>\(finding.code.name)</td><td>\(TextFormat.html(finding.id ?? ""))</td><td>\(TextFormat.html(finding.location.description))</td>"
                + "<td>\(TextFormat.html(finding.owner ?? ""))</td><td>\(TextFormat.html(finding.message))</td></tr>\n")
        }
        try out.append("</tbody></table></body></html>\n")
    }

    /// "12 findings: 2 errors, 9 warnings, 1 note".
    public static func summary(_ findings: [Finding]) -> String {
        var counts = Counts()
        findings.forEach { counts.add($0) }
        return counts.summary
    }

    /// Findings counted by severity as they go by.
    private struct Counts {
        var all = 0, errors = 0, warnings = 0

        mutating func add(_ finding: Finding) {
            all += 1
            if finding.severity == .error { errors += 1 } else if finding.severity == .warning { warnings += 1 }
        }

        var summary: String {
            let notes = all - errors - warnings
            return "\(all) finding\(all == 1 ? "" : "s"): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"), \(notes) note\(notes == 1 ? "" : "s")"
        }
    }
}
