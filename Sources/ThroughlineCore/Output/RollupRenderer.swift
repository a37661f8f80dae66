/// Writes a rollup in each format (SPEC 6 and 7).
public enum RollupRenderer {
    /// The CSV columns.
    public static let csvColumns = ["level", "id", "type", "title", "owner", "status", "derivedStatus", "progress", "impactStatus", "reason", "impactReason"]

    /// Renders `report` as text in `format`.
    public static func render(_ report: RollupReport, format: ReportFormat, style: TerminalStyle) -> String {
        switch format {
        case .table: return table(report, style)
        case .csv: return csv(report)
        case .md: return markdown(report)
        case .json: return json(report)
        case .html: return html(report)
        }
    }

    /// Rows deeper than this are indented no further in the table, Markdown, HTML and JSON (the CSV's level column,
    /// and JSON's nesting, still say how deep): a chain 10,000 levels deep stays a line a row, not megabytes of spaces.
    static let deepestIndent = 20

    /// How many levels a row at `level` is indented.
    static func indent(_ level: Int) -> Int { min(level, deepestIndent) }

    static func heading(_ report: RollupReport) -> String {
        (report.topLevelItems ? "Rollup of top-level items (no objectives typed)" : "Rollup by \(report.grouping.rawValue)")
            + " as of \(report.asOf.iso) (rule: \(report.rule.rawValue))"
    }

    static func table(_ report: RollupReport, _ style: TerminalStyle) -> String {
        let rows = report.rows
        guard !rows.isEmpty else { return heading(report) + "\n\nNo \(report.grouping.rawValue)s found.\n" }
        // Ids padded to the widest (up to 16), so that titles start in one column at each depth.
        let idWidth = min(16, rows.map { TextFormat.width($0.id) }.max() ?? 0)
        let labels = rows.map { String(repeating: "  ", count: indent($0.level))
            + ($0.id.isEmpty ? $0.title : TextFormat.pad($0.id, idWidth) + "  " + TextFormat.cut($0.title, 40)) }
        // What was typed, when it differs from the derived status: padded, so that the impact badges line up.
        let typedNotes = rows.map { row -> String in
            var note = ""
            if let typed = row.status, typed != row.derivedStatus { note += "  typed \(typed.rawValue)" }
            if row.statusUnread { note += "  typed status not understood" }
            return note
        }
        let typedWidth = typedNotes.map(TextFormat.width).max() ?? 0
        let labelWidth = min(60, labels.map(TextFormat.width).max() ?? 0)
        let statusWidth = Status.allCases.map(\.rawValue.count).max()! + (style.colour ? 2 : 0)
        var text = heading(report) + "\n\n"
        for (position, (row, label)) in zip(rows, labels).enumerated() {
            let level = row.level
            let badge = style.badge(row.derivedStatus)
            let visible = style.colour ? row.derivedStatus.rawValue.count + 2 : badge.count
            text += TextFormat.pad(TextFormat.cut(label, labelWidth), labelWidth) + "  "
            text += badge + String(repeating: " ", count: max(1, statusWidth - visible + 1))
            text += TextFormat.bar(row.progress) + " " + TextFormat.pad(TextFormat.percent(row.progress), 6)
            if let impact = row.impactStatus {
                text += TextFormat.pad(typedNotes[position], typedWidth) + "  impact " + style.badge(impact)
            } else {
                text += typedNotes[position]
            }
            text += "\n"
            let indent = String(repeating: "  ", count: Self.indent(level)) + "    "
            // The reason of every top row; beneath them, of a row in trouble, of one typed otherwise than derived, and
            // of one whose typed word was not understood.
            if level == 0 || row.derivedStatus.isTrouble || (row.status != nil && row.status != row.derivedStatus) || row.statusUnread {
                text += indent + style.dim("why: " + row.reason) + "\n"
            }
            if let impact = row.impactStatus, impact.isTrouble, let reason = row.impactReason {
                text += indent + style.dim("impact: " + reason) + "\n"
            }
        }
        let tops = report.topRows
        text += "\n\(tops.count) \(report.rowNoun)\(tops.count == 1 ? "" : "s"): " + Status.countText(tops.map(\.derivedStatus)) + "\n"
        return text
    }

    static func csv(_ report: RollupReport) -> String {
        let sink = MemorySink()
        let out = OutputBuffer(sink)
        let writer = CSVWriter(out, dialect: .comma)
        try? writer.writeRecord(csvColumns, terminator: .lf)
        for row in report.rows {
            try? writer.writeRecord([String(row.level), row.id, row.type, row.title, row.owner, row.status?.rawValue ?? "", row.derivedStatus.rawValue,
                                     row.progress.map { Derivation.format(($0 * 10).rounded() / 10) } ?? "", row.impactStatus?.rawValue ?? "",
                                     row.reason, row.impactReason ?? ""].map(CSVSafety.neutralize), terminator: .lf)
        }
        try? out.flush()
        return sink.text
    }

    static func markdown(_ report: RollupReport) -> String {
        var text = "# \(heading(report))\n\n| id | title | owner | typed | derived | progress | impact | reason |\n|---|---|---|---|---|---|---|---|\n"
        for row in report.rows {
            let indent = String(repeating: "&nbsp;&nbsp;", count: Self.indent(row.level))
            let cells = [row.id, indent + TextFormat.markdown(row.title), row.owner, row.status?.rawValue ?? "", "**\(row.derivedStatus.rawValue)**",
                         TextFormat.percent(row.progress), row.impactStatus?.rawValue ?? "", row.reason + (row.impactStatus?.isTrouble == true ? "; impact: " + (row.impactReason ?? "") : "")]
            text += "| " + cells.enumerated().map { $0.offset == 1 ? $0.element : TextFormat.markdown($0.element) }.joined(separator: " | ") + " |\n"
        }
        return text
    }

    /// A text as JSON, null when empty: an item with no id or owner says so as `check`'s findings do.
    static func orNull(_ text: String) -> String { text.isEmpty ? "null" : JSONText.quoted(text) }

    static func json(_ report: RollupReport) -> String {
        var text = "{\n  \"schema\": \"throughline.rollup/1\",\n  \"asOf\": \"\(report.asOf.iso)\",\n  \"rule\": \"\(report.rule.rawValue)\",\n  \"by\": \"\(report.grouping.rawValue)\",\n  \"items\": "
        guard !report.rows.isEmpty else { return text + "[]\n}\n" }
        // Written in one go from the flat rows, with a note per array still open of whether it holds a row yet: each
        // row's object, then its children's array when the next row is one level deeper, closed when the levels rise.
        text += "[\n"
        let spaces = { (depth: Int) in String(repeating: " ", count: 2 + 4 * indent(depth)) }
        var open = [false]
        func close() {
            let depth = open.count - 1
            open.removeLast()
            text += "\n" + spaces(depth) + "]" + (depth > 0 ? "}" : "")
        }
        for (position, row) in report.rows.enumerated() {
            while open.count - 1 > row.level { close() }
            if open[row.level] { text += ",\n" }
            open[row.level] = true
            var fields = [
                "\"id\": \(orNull(row.id))", "\"type\": \(JSONText.quoted(row.type))", "\"title\": \(JSONText.quoted(row.title))",
                "\"owner\": \(orNull(row.owner))", "\"status\": \(row.status.map { JSONText.quoted($0.rawValue) } ?? "null")",
                "\"derivedStatus\": \(JSONText.quoted(row.derivedStatus.rawValue))",
                "\"progress\": \(row.progress.map { Derivation.format(($0 * 10).rounded() / 10) } ?? "null")",
                "\"impactStatus\": \(row.impactStatus.map { JSONText.quoted($0.rawValue) } ?? "null")",
                "\"reason\": \(JSONText.quoted(row.reason))",
            ]
            if let impact = row.impactReason { fields.append("\"impactReason\": \(JSONText.quoted(impact))") }
            text += spaces(row.level) + "  {" + fields.joined(separator: ", ") + ", \"children\": "
            if position + 1 < report.rows.count, report.rows[position + 1].level > row.level {
                text += "[\n"
                open.append(false)
            } else {
                text += "[]}"
            }
        }
        while !open.isEmpty { close() }
        return text + "\n}\n"
    }

    static func html(_ report: RollupReport) -> String {
        var body = ""
        for row in report.rows {
            let progress = TextFormat.clamped(row.progress)
            let title = String(repeating: "&emsp;", count: indent(row.level)) + TextFormat.html(row.title)
            body += "<tr><td>\(TextFormat.html(row.id))</td><td>\(title)</td><td>\(TextFormat.html(row.owner))</td>"
            body += "<td>\(badgeHTML(row.status))</td><td>\(badgeHTML(row.derivedStatus))</td>"
            body += "<td class=\"num\"><span class=\"bar\"><i style=\"width:\(Int(progress.rounded()))%\"></i></span> \(TextFormat.percent(row.progress))</td>"
            body += "<td>\(badgeHTML(row.impactStatus))</td><td class=\"why\">\(TextFormat.html(row.reason))"
            if let impact = row.impactReason, row.impactStatus?.isTrouble == true { body += "<br>impact: \(TextFormat.html(impact))" }
            body += "</td></tr>\n"
        }
        return """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
            <title>\(TextFormat.html(heading(report)))</title><style>\(TextFormat.pageStyle)</style></head><body>
            <h1>\(TextFormat.html(heading(report)))</h1>
            <table><thead><tr><th>Id</th><th>Title</th><th>Owner</th><th>Typed</th><th>Derived</th><th>Progress</th><th>Impact</th><th>Why</th></tr></thead><tbody>
            \(body)</tbody></table></body></html>

            """
    }

    static func badgeHTML(_ status: Status?) -> String {
        guard let status else { return "" }
        return "<span class=\"b \(status.rawValue)\">\(status.rawValue)</span>"
    }
}

/// Cells a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) get a leading `'` in the columns the tool writes.
public enum CSVSafety {
    /// The first bytes that make a spreadsheet read a cell as a formula.
    public static let formulaStarts: Set<UInt8> = [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D]

    /// `text`, made inert if a spreadsheet would read it as a formula; a plain signed number (`-91`, `+2.5`, a
    /// date moved earlier by days) is a number, not a formula, and stays one.
    public static func neutralize(_ text: String) -> String {
        guard let first = text.utf8.first, formulaStarts.contains(first) else { return text }
        if isSignedNumber(text.utf8) { return text }
        return "'" + text
    }

    /// `+` or `-`, digits, and at most one point with digits after it.
    private static func isSignedNumber(_ bytes: String.UTF8View) -> Bool {
        guard let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") else { return false }
        let rest = bytes.dropFirst()
        let parts = rest.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty }) else { return false }
        return rest.allSatisfy { $0 == UInt8(ascii: ".") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }
}
