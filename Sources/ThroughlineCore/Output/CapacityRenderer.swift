/// Writes a capacity report: per person and period, per team, and (with a tracker) where the capacity goes.
public enum CapacityRenderer {
    /// The CSV columns: one row per person and period.
    public static let csvColumns = ["person", "team", "period", "available", "allocated", "utilisation"]
    /// With a tracker, three more: a row per objective (and one for the share serving none) gives its share of the
    /// capacity, after the person rows, so the CSV stays one table.
    public static let alignmentColumns = ["objective", "objective title", "share"]

    /// Per team and period, summed.
    static func teams(_ plan: CapacityPlan) -> [(team: String, cells: [Period: CapacityPlan.Cell])] {
        var order: [String] = []
        var sums: [String: [Period: CapacityPlan.Cell]] = [:]
        for person in plan.people {
            let team = plan.teams[person].flatMap { $0.isEmpty ? nil : $0 } ?? "(no team)"
            if sums[team] == nil { order.append(team) }
            for (period, cell) in plan.cells[person] ?? [:] {
                sums[team, default: [:]][period, default: CapacityPlan.Cell(available: 0, allocated: 0)].available += cell.available
                sums[team]![period]!.allocated += cell.allocated
            }
        }
        return order.map { ($0, sums[$0]!) }
    }

    static func number(_ value: Double) -> String { Derivation.format((value * 100).rounded() / 100) }

    /// Renders the plan (and the alignment, when a tracker was given, read at `asOf`) in `format`.
    public static func render(_ plan: CapacityPlan, alignment: CapacityAlignment?, findings: [Finding], asOf: CalendarDate, format: ReportFormat,
                              style: TerminalStyle) -> String {
        switch format {
        case .csv:
            let sink = MemorySink()
            let out = OutputBuffer(sink)
            let writer = CSVWriter(out, dialect: .comma)
            let extra = alignment == nil ? [] : ["", "", ""]
            try? writer.writeRecord(csvColumns + (alignment == nil ? [] : alignmentColumns), terminator: .lf)
            for person in plan.people {
                for period in plan.periods {
                    guard let cell = plan.cells[person]?[period] else { continue }
                    try? writer.writeRecord(([person, plan.teams[person] ?? "", period.label, number(cell.available), number(cell.allocated),
                                              CapacityPlan.percent(cell.utilisation)] + extra).map(CSVSafety.neutralize), terminator: .lf)
                }
            }
            if let alignment {
                let blank = [String](repeating: "", count: csvColumns.count)
                for share in alignment.objectives {
                    try? writer.writeRecord((blank + [share.id, share.title, CapacityPlan.percent(share.share)]).map(CSVSafety.neutralize), terminator: .lf)
                }
                try? writer.writeRecord(blank + ["", "serves no objective", CapacityPlan.percent(alignment.unalignedShare)], terminator: .lf)
            }
            try? out.flush()
            return sink.text
        case .json:
            func cells(_ row: [Period: CapacityPlan.Cell]) -> String {
                plan.periods.compactMap { period in
                    row[period].map { "{\"period\": \(JSONText.quoted(period.label)), \"available\": \(number($0.available)), \"allocated\": \(number($0.allocated)), \"utilisation\": \($0.utilisation.isFinite ? number($0.utilisation) : "null")}" }
                }.joined(separator: ", ")
            }
            var text = "{\n  \"schema\": \"throughline.capacity/1\",\n  \"asOf\": \"\(asOf.iso)\",\n  \"form\": \(JSONText.quoted(plan.sheet.form.rawValue)),\n  \"unit\": \(JSONText.quoted(plan.sheet.unit.rawValue)),\n"
            text += "  \"people\": [\n" + plan.people.map { person in
                "    {\"person\": \(JSONText.quoted(person)), \"team\": \(JSONText.quoted(plan.teams[person] ?? "")), \"periods\": [\(cells(plan.cells[person] ?? [:]))]}"
            }.joined(separator: ",\n") + "\n  ],\n"
            text += "  \"teams\": [\n" + teams(plan).map { "    {\"team\": \(JSONText.quoted($0.team)), \"periods\": [\(cells($0.cells))]}" }.joined(separator: ",\n") + "\n  ]"
            if let alignment {
                text += ",\n  \"objectives\": [\n" + alignment.objectives.map {
                    "    {\"id\": \(JSONText.quoted($0.id)), \"title\": \(JSONText.quoted($0.title)), \"fteDays\": \(number($0.allocated)), \"share\": \(number($0.share))}"
                }.joined(separator: ",\n") + "\n  ],\n  \"unaligned\": {\"share\": \(number(alignment.unalignedShare)), \"items\": ["
                text += alignment.unaligned.map { "{\"item\": \(JSONText.quoted($0.item)), \"fteDays\": \(number($0.allocated))}" }.joined(separator: ", ") + "]}"
            }
            text += ",\n  \"findings\": [\n" + findings.map { finding in
                "    {\"code\": \(JSONText.quoted(finding.code.name)), \"severity\": \(JSONText.quoted(finding.severity.rawValue)), \"row\": \(finding.location.line.map(String.init) ?? "null"), \"column\": \(finding.location.column.map(JSONText.quoted) ?? "null"), \"owner\": \(finding.owner.map(JSONText.quoted) ?? "null"), \"message\": \(JSONText.quoted(finding.message))}"
            }.joined(separator: ",\n") + (findings.isEmpty ? "" : "\n") + "  ]\n}\n"
            return text
        case .table, .md, .html:
            return tables(plan, alignment: alignment, findings: findings, format: format, style: style)
        }
    }

    /// The human formats share one layout: a utilisation grid per person, one per team, then the objective shares.
    static func tables(_ plan: CapacityPlan, alignment: CapacityAlignment?, findings: [Finding], format: ReportFormat, style: TerminalStyle) -> String {
        let title = "Capacity: \(plan.sheet.file) (\(plan.sheet.form.rawValue), read in \(plan.sheet.unit.rawValue))"
        let labels = plan.periods.map(\.label)
        func mark(_ cell: CapacityPlan.Cell?) -> String {
            guard let cell else { return "" }
            let text = CapacityPlan.percent(cell.utilisation)
            if cell.utilisation > 1.000_001 {
                if format == .table { return style.colour ? "\u{1B}[31m\(text)\u{1B}[0m" : text + "!" }
                if format == .md { return "**\(text)**" }
                return "<b class=\"over\">\(text)</b>"
            }
            return text
        }
        let rowsPeople: [[String]] = plan.people.map { person in [person, plan.teams[person] ?? ""] + plan.periods.map { mark(plan.cells[person]?[$0]) } }
        let rowsTeams: [[String]] = teams(plan).map { team in [team.team, ""] + plan.periods.map { mark(team.cells[$0]) } }
        var shareRows: [[String]] = []
        if let alignment {
            shareRows = alignment.objectives.map { [$0.id, $0.title, CapacityPlan.percent($0.share)] }
            shareRows.append(["", "serves no objective", CapacityPlan.percent(alignment.unalignedShare)])
        }
        let over = findings.filter { $0.code == .overAllocated }
        switch format {
        case .md:
            func table(_ head: [String], _ rows: [[String]]) -> String {
                "| " + head.joined(separator: " | ") + " |\n|" + head.map { _ in "---|" }.joined() + "\n"
                    + rows.map { "| " + $0.map(TextFormat.markdown).joined(separator: " | ") + " |\n" }.joined()
            }
            var text = "# \(TextFormat.markdown(title))\n\nUtilisation: allocated over available, per period.\n\n## People\n\n" + table(["person", "team"] + labels, rowsPeople)
            text += "\n## Teams\n\n" + table(["team", ""] + labels, rowsTeams)
            if let alignment {
                text += "\n## Where the capacity goes\n\n" + table(["id", "objective", "share"], shareRows)
                if !alignment.unaligned.isEmpty {
                    text += "\nServing no objective: " + alignment.unaligned.map { "\($0.item) (\(CapacityPlan.percent(alignment.total > 0 ? $0.allocated / alignment.total : 0)))" }.joined(separator: ", ") + "\n"
                }
            }
            if !over.isEmpty { text += "\n## Over-allocated\n\n" + over.map { "- \(TextFormat.markdown($0.message))\n" }.joined() }
            return text
        case .html:
            let h = TextFormat.html
            func table(_ head: [String], _ rows: [[String]]) -> String {
                "<table><thead><tr>" + head.map { "<th>\(h($0))</th>" }.joined() + "</tr></thead><tbody>\n"
                    + rows.map { "<tr>" + $0.enumerated().map { $0.offset < 2 ? "<td>\(h($0.element))</td>" : "<td class=\"num\">\($0.element)</td>" }.joined() + "</tr>\n" }.joined()
                    + "</tbody></table>"
            }
            var body = "<h1>\(h(title))</h1><p class=\"meta\">Utilisation: allocated over available, per period. Bold red: over-allocated.</p>"
            body += "<h2>People</h2>" + table(["Person", "Team"] + labels, rowsPeople) + "<h2>Teams</h2>" + table(["Team", ""] + labels, rowsTeams)
            if let alignment {
                body += "<h2>Where the capacity goes</h2><table><tbody>"
                for share in alignment.objectives + [CapacityAlignment.Share(id: "", title: "serves no objective", allocated: 0, share: alignment.unalignedShare)] {
                    let width = Int((share.share * 100).rounded())
                    body += "<tr><td>\(h(share.id)) \(h(share.title))</td><td class=\"num\"><svg class=\"dot\" style=\"width:8rem;height:.8rem\" viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\"><rect width=\"100\" height=\"10\" fill=\"#e4e7eb\"/><rect width=\"\(width)\" height=\"10\" fill=\"#3b6fb6\"/></svg> \(CapacityPlan.percent(share.share))</td></tr>"
                }
                body += "</tbody></table>"
            }
            if !over.isEmpty { body += "<h2>Over-allocated</h2><ul>" + over.map { "<li>\(h($0.message))</li>" }.joined() + "</ul>" }
            return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
                <title>\(h(title))</title><style>\(TextFormat.pageStyle)
                b.over{color:#c0392b}table{margin-bottom:1rem}h2{font-size:1.15rem;margin:1.4rem 0 .4rem}
                </style></head><body>
                \(body)
                </body></html>

                """
        default:
            func table(_ head: [String], _ rows: [[String]]) -> String {
                let all = [head] + rows
                let widths = head.indices.map { column in all.map { TextFormat.width(visible($0[column])) }.max() ?? 0 }
                return all.map { row in
                    row.enumerated().map { column, cell in
                        let padding = String(repeating: " ", count: max(0, widths[column] - TextFormat.width(visible(cell))))
                        return column < 2 ? cell + padding : padding + cell
                    }.joined(separator: "  ")
                }.joined(separator: "\n") + "\n"
            }
            var text = title + "\nUtilisation: allocated over available, per period" + (style.colour ? "" : "; ! marks over-allocated") + ".\n\n"
            text += table(["person", "team"] + labels, rowsPeople) + "\n" + table(["team", ""] + labels, rowsTeams)
            if let alignment {
                text += "\nWhere the capacity goes:\n" + table(["id", "objective", "share"], shareRows)
                if !alignment.unaligned.isEmpty {
                    text += "Serving no objective: " + alignment.unaligned.map { "\($0.item) (\(CapacityPlan.percent(alignment.total > 0 ? $0.allocated / alignment.total : 0)))" }.joined(separator: ", ") + "\n"
                }
            }
            if !over.isEmpty { text += "\n" + over.map { "over-allocated: \($0.message)\n" }.joined() }
            return text
        }
    }

    /// Text without terminal colour codes, for measuring.
    static func visible(_ text: String) -> String {
        guard text.contains("\u{1B}") else { return text }
        var out = ""
        var skipping = false
        for scalar in text.unicodeScalars {
            if scalar == "\u{1B}" { skipping = true; continue }
            if skipping { if scalar == "m" { skipping = false }; continue }
            out.unicodeScalars.append(scalar)
        }
        return out
    }
}
