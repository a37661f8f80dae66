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

    /// Writes `findings` read at `asOf` in `format` to `out` a finding at a time, so a million findings never become one
    /// string in memory.
    public static func render(_ findings: [Finding], asOf: CalendarDate, format: ReportFormat, style: TerminalStyle, to out: OutputBuffer) throws {
        switch format {
        case .table:
            for finding in findings {
                let label = finding.severity == .info ? "note" : finding.severity.rawValue
                let coloured = style.colour ? "\u{1B}[\(finding.severity == .error ? "31" : finding.severity == .warning ? "33" : "36")m\(label)\u{1B}[0m" : label
                let who = [finding.id, finding.owner].compactMap { $0 }.joined(separator: ", ")
                try out.append("\(finding.location): \(coloured): \(finding.message) [\(finding.code.name)]" + (who.isEmpty ? "" : style.dim(" (\(who))")) + "\n")
            }
            if !findings.isEmpty { try out.append(summary(findings) + "\n") }
        case .csv:
            let writer = CSVWriter(out, dialect: .comma)
            try writer.writeRecord(csvColumns, terminator: .lf)
            for finding in findings {
                try writer.writeRecord([finding.code.name, finding.severity.rawValue, finding.id ?? "", finding.location.line.map(String.init) ?? "",
                                        finding.location.column ?? "", finding.owner ?? "", CSVSafety.neutralize(finding.message)].map(CSVSafety.neutralize),
                                       terminator: .lf)
            }
        case .md:
            try out.append("# Findings as of \(asOf.iso)\n\n" + (findings.isEmpty ? "No findings.\n" : summary(findings) + "\n\n| severity | code | id | where | owner | message |\n|---|---|---|---|---|---|\n"))
            for finding in findings {
                try out.append("| " + [finding.severity.rawValue, finding.code.name, finding.id ?? "", finding.location.description, finding.owner ?? "", finding.message]
                    .map(TextFormat.markdown).joined(separator: " | ") + " |\n")
            }
        case .json:
            try out.append("{\n  \"schema\": \"throughline.check/1\",\n  \"asOf\": \"\(asOf.iso)\",\n  \"findings\": " + (findings.isEmpty ? "[]" : "[\n"))
            for (position, finding) in findings.enumerated() {
                try out.append((position > 0 ? ",\n" : "")
                    + "    {\"code\": \(JSONText.quoted(finding.code.name)), \"severity\": \(JSONText.quoted(finding.severity.rawValue)), "
                    + "\"id\": \(finding.id.map(JSONText.quoted) ?? "null"), \"file\": \(JSONText.quoted(finding.location.file)), "
                    + "\"row\": \(finding.location.line.map(String.init) ?? "null"), \"column\": \(finding.location.column.map(JSONText.quoted) ?? "null"), "
                    + "\"owner\": \(finding.owner.map(JSONText.quoted) ?? "null"), \"message\": \(JSONText.quoted(finding.message))}")
            }
            try out.append((findings.isEmpty ? "" : "\n  ]") + "\n}\n")
        case .html:
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
    }

    /// "12 findings: 2 errors, 9 warnings, 1 note".
    public static func summary(_ findings: [Finding]) -> String {
        let errors = findings.filter { $0.severity == .error }.count
        let warnings = findings.filter { $0.severity == .warning }.count
        let notes = findings.count - errors - warnings
        return "\(findings.count) finding\(findings.count == 1 ? "" : "s"): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"), \(notes) note\(notes == 1 ? "" : "s")"
    }
}
