/// The pre-meeting briefing: objectives with delivery and impact status, what changed, the findings that need a
/// decision grouped by owner, and the work nobody owns (SPEC 6, `brief`).
public struct Briefing: Sendable {
    /// One objective's line.
    public struct Objective: Sendable {
        public let id, title, owner: String
        public let status: Status
        public let impact: Status?
        public let progress: Double?
        public let reason: String
        public let impactReason: String?
    }

    /// A milestone (or other item) whose dates slipped: due date passed, or forecast after due.
    public struct Slip: Sendable {
        public let id, title, owner: String
        public let due: CalendarDate
        public let expected: CalendarDate
        public let days: Int
        public let overdue: Bool
    }

    /// The as-of date.
    public let asOf: CalendarDate
    /// Objectives in sheet order; in a sheet that types none, its top-level items stand in for them.
    public let objectives: [Objective]
    /// Whether `objectives` are top-level items standing in for objectives.
    public let topLevelItems: Bool
    /// How many items have each derived status (active items only).
    public let statusCounts: [(Status, Int)]
    /// Slipped items, worst first.
    public let slips: [Slip]
    /// Findings that need a decision, grouped by owner (owner, findings); "(no owner)" last.
    public let decisions: [(owner: String, findings: [Finding])]
    /// Ownership findings: no owner, a team as owner, several owners.
    public let unowned: [Finding]
    /// Changes since the previous snapshot, when one was given.
    public let changes: SnapshotDiff?

    /// What a row of `objectives` is, in the singular.
    var noun: String { topLevelItems ? "top-level item" : "objective" }
    /// The heading of the objectives' section.
    var heading: String { topLevelItems ? "Top-level items (no objectives typed)" : "Objectives" }

    /// The codes that are about ownership; they go to their own section.
    static let ownershipCodes: Set<String> = [FindingCode.noOwner.name, FindingCode.teamOwner.name, FindingCode.sharedOwner.name]

    /// Gathers the briefing from an analysis, its findings and an optional comparison.
    public init(analysis: TrackerAnalysis, findings: [Finding], changes: SnapshotDiff?) {
        let derivation = analysis.derivation
        let items = derivation.portfolio.items
        asOf = derivation.settings.asOf
        let tops: [Int]
        (tops, topLevelItems) = derivation.portfolio.objectivesOrTops()
        objectives = tops.map { index in
            let result = derivation.results[index]
            return Objective(id: items[index].id, title: items[index].title, owner: items[index].owner, status: result.status, impact: result.impact,
                             progress: result.progress, reason: derivation.reason(index),
                             impactReason: result.impact == nil ? nil : derivation.impactReason(index))
        }
        statusCounts = Status.counts(derivation.results.map(\.status).filter { !$0.isInactive })
        var slips: [Slip] = []
        for (index, item) in items.enumerated() where derivation.portfolio.children[index].isEmpty {
            let status = derivation.results[index].status
            guard status != .done, !status.isInactive, let due = item.due else { continue }
            if due < asOf {
                slips.append(Slip(id: item.label, title: item.title, owner: item.owner, due: due, expected: max(item.forecast ?? asOf, asOf),
                                  days: max(item.forecast ?? asOf, asOf).days(since: due), overdue: true))
            } else if let forecast = item.forecast, forecast > due {
                slips.append(Slip(id: item.label, title: item.title, owner: item.owner, due: due, expected: forecast, days: forecast.days(since: due), overdue: false))
            }
        }
        self.slips = slips.sorted { $0.days > $1.days }
        let needing = findings.filter { $0.severity >= .warning && !Self.ownershipCodes.contains($0.code.name) }
        var groups: [String: [Finding]] = [:]
        for finding in needing { groups[finding.owner ?? "", default: []].append(finding) }
        // Owners in any case order alike; two spellings of one name ("HANA KOBAYASHI", "Hana Kobayashi") by their bytes,
        // so the page reads the same on every run.
        decisions = groups.keys.sorted { ($0.isEmpty ? 1 : 0, $0.lowercased(), $0) < ($1.isEmpty ? 1 : 0, $1.lowercased(), $1) }.map { ($0.isEmpty ? "(no owner)" : $0, groups[$0]!) }
        unowned = findings.filter { Self.ownershipCodes.contains($0.code.name) }
        self.changes = changes
    }

    /// The changes worth reading in a meeting: everything but progress moves, which are only counted.
    var notableChanges: [SnapshotChange] { changes?.changes.filter { $0.kind != .progress } ?? [] }

    // MARK: Markdown

    /// The briefing as Markdown.
    public func markdown() -> String {
        var text = "# Briefing as of \(asOf.iso)\n\n"
        text += "\(objectives.count) \(noun)\(objectives.count == 1 ? "" : "s"): " + Status.countText(objectives.map(\.status)) + ". "
        text += "Items by derived status: " + statusCounts.map { "\($0.1) \($0.0.rawValue)" }.joined(separator: ", ") + ".\n\n"
        text += "## \(heading)\n\n| id | \(topLevelItems ? "item" : "objective") | owner | delivery | impact | progress |\n|---|---|---|---|---|---|\n"
        for objective in objectives {
            text += "| " + [objective.id, objective.title, objective.owner, objective.status.rawValue, objective.impact?.rawValue ?? "",
                            TextFormat.percent(objective.progress)].map(TextFormat.markdown).joined(separator: " | ") + " |\n"
        }
        let troubled = objectives.filter { $0.status.isTrouble || $0.impact?.isTrouble == true }
        if !troubled.isEmpty {
            text += "\n**Why:**\n\n"
            for objective in troubled {
                if objective.status.isTrouble { text += "- \(TextFormat.markdown(objective.reason))\n" }
                if objective.impact?.isTrouble == true, let reason = objective.impactReason { text += "- impact: \(TextFormat.markdown(reason))\n" }
            }
        }
        if let changes {
            text += "\n## What changed since the previous snapshot\n\n\(changes.summary).\n"
            if !notableChanges.isEmpty { text += "\n" }
            for change in notableChanges { text += "- " + TextFormat.markdown(Self.describe(change)) + "\n" }
        }
        if !slips.isEmpty {
            text += "\n## Slipped work\n\n| id | title | owner | due | expected | days late |\n|---|---|---|---|---|---|\n"
            for slip in slips.prefix(20) {
                // Overdue work is late by today, or by its forecast when that is later: the column names the date counted to.
                let expected = !slip.overdue ? slip.expected.iso : slip.expected > asOf ? "\(slip.expected.iso) (forecast; not done)" : "not done"
                text += "| " + [slip.id, slip.title, slip.owner, slip.due.iso, expected, String(slip.days)]
                    .map(TextFormat.markdown).joined(separator: " | ") + " |\n"
            }
            if slips.count > 20 { text += "\n…and \(slips.count - 20) more.\n" }
        }
        text += "\n## Decisions needed, by owner\n"
        if decisions.isEmpty { text += "\nNone.\n" }
        for group in decisions {
            text += "\n### \(TextFormat.markdown(group.owner)) (\(group.findings.count))\n\n"
            for finding in group.findings { text += "- `\(finding.code.name)` \(TextFormat.markdown(finding.id ?? "")): \(TextFormat.markdown(finding.message))\n" }
        }
        text += "\n## Work nobody owns\n\n"
        if unowned.isEmpty { text += "None.\n" }
        for finding in unowned { text += "- `\(finding.code.name)` \(TextFormat.markdown(finding.id ?? "")): \(TextFormat.markdown(finding.message))\n" }
        return text
    }

    static func describe(_ change: SnapshotChange) -> String {
        let what = "\(change.id) \(change.title)"
        switch change.kind {
        case .added: return "\(what): added"
        case .removed: return "\(what): removed"
        default:
            var line = "\(what): \(change.kind.rawValue) \(change.old.isEmpty ? "(none)" : change.old) → \(change.new.isEmpty ? "(none)" : change.new)"
            if !change.direction.isEmpty { line += " (\(change.direction)\(change.days.map { ", \(abs($0)) days" } ?? ""))" }
            return line
        }
    }

    // MARK: HTML

    /// The briefing as one self-contained HTML page: inline CSS and SVG, no scripts, nothing fetched.
    public func html() -> String {
        let h = TextFormat.html
        var body = "<h1>Briefing as of \(asOf.iso)</h1>\n<p class=\"meta\">\(objectives.count) \(noun)\(objectives.count == 1 ? "" : "s"): \(h(Status.countText(objectives.map(\.status))))</p>\n"
        body += "<h2>\(h(heading))</h2>\n" + objectiveChart() + "\n"
        body += "<table><thead><tr><th>\(topLevelItems ? "Item" : "Objective")</th><th>Owner</th><th>Delivery</th><th>Impact</th><th>Progress</th><th>Why</th></tr></thead><tbody>\n"
        for objective in objectives {
            var why = objective.status.isTrouble ? h(objective.reason) : ""
            if objective.impact?.isTrouble == true, let reason = objective.impactReason { why += (why.isEmpty ? "" : "<br>") + "impact: " + h(reason) }
            body += "<tr><td><b>\(h(objective.id))</b> \(h(objective.title))</td><td data-k=\"owner\">\(h(objective.owner))</td>"
            body += "<td data-k=\"delivery\">\(RollupRenderer.badgeHTML(objective.status))</td><td data-k=\"impact\">\(RollupRenderer.badgeHTML(objective.impact))</td>"
            body += "<td class=\"num\" data-k=\"progress\">\(TextFormat.percent(objective.progress))</td><td class=\"why\">\(why)</td></tr>\n"
        }
        body += "</tbody></table>\n<h2>All work by derived status</h2>\n" + statusChart() + "\n"
        if let changes {
            body += "<h2>What changed since the previous snapshot</h2>\n<p>\(h(changes.summary)).</p>\n"
            if !notableChanges.isEmpty {
                body += "<ul>\n" + notableChanges.map { "<li class=\"\($0.direction == "worse" || $0.direction == "later" ? "bad" : $0.direction == "better" ? "good" : "")\">\(h(Self.describe($0)))</li>" }.joined(separator: "\n") + "\n</ul>\n"
            }
        }
        if !slips.isEmpty {
            body += "<h2>Slipped work</h2>\n" + slipChart() + "\n"
        }
        body += "<h2>Decisions needed, by owner</h2>\n"
        if decisions.isEmpty { body += "<p>None.</p>\n" }
        for group in decisions {
            body += "<details open><summary><b>\(h(group.owner))</b> (\(group.findings.count))</summary><ul>\n"
            for finding in group.findings { body += "<li><code>\(finding.code.name)</code> <b>\(h(finding.id ?? ""))</b> \(h(finding.message))</li>\n" }
            body += "</ul></details>\n"
        }
        body += "<h2>Work nobody owns</h2>\n"
        body += unowned.isEmpty ? "<p>None.</p>\n" : "<ul>\n" + unowned.map { "<li><code>\($0.code.name)</code> <b>\(h($0.id ?? ""))</b> \(h($0.message))</li>" }.joined(separator: "\n") + "\n</ul>\n"
        return """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
            <title>Briefing as of \(asOf.iso)</title><style>\(TextFormat.pageStyle)
            h2{font-size:1.15rem;margin:1.6rem 0 .5rem;border-bottom:2px solid #e4e7eb;padding-bottom:.2rem}
            .chart{display:grid;grid-template-columns:minmax(0,40%) minmax(4rem,1fr) auto;gap:.35rem .6rem;align-items:center;margin:.5rem 0}
            .chart>span{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}.chart svg{width:100%;height:.9rem;display:block}
            svg.dot{display:inline-block;width:.7rem;height:.7rem;vertical-align:baseline}svg.stack{width:100%;height:1.2rem;display:block}
            p.legend span{margin-right:1rem;white-space:nowrap}
            @media (max-width:40rem){td[data-k]::before{content:attr(data-k) ": ";color:#5b6470}td.num{text-align:left}}
            li.bad{color:#a1281b}li.good{color:#21703a}details{margin:.3rem 0}ul{padding-left:1.2rem}li{margin:.15rem 0}code{font-size:.85em;background:#f3f5f7;padding:0 .25rem;border-radius:.2rem}
            </style></head><body>
            \(body)</body></html>

            """
    }

    static func colour(_ status: Status?) -> String {
        switch status {
        case .onTrack?, .done?: return "#2f8f4e"
        case .atRisk?: return "#b7791f"
        case .offTrack?, .blocked?: return "#c0392b"
        default: return "#8a929c"
        }
    }

    /// One bar per objective: progress filled in the colour of its delivery status, a mark for its impact. The labels are
    /// HTML and each bar its own small SVG, so the text stays readable from a phone to a printed page.
    func objectiveChart() -> String {
        var html = "<div class=\"chart\" role=\"img\" aria-label=\"Progress and status by objective\">"
        for objective in objectives {
            let filled = Derivation.format(TextFormat.clamped(objective.progress))
            html += "<span>\(TextFormat.html(objective.id + " " + objective.title))</span>"
            html += "<svg viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\"><rect width=\"100\" height=\"10\" fill=\"#e4e7eb\"/>"
            html += "<rect width=\"\(filled)\" height=\"10\" fill=\"\(Self.colour(objective.status))\"><title>\(objective.status.rawValue)</title></rect></svg>"
            html += "<span class=\"num\">\(TextFormat.percent(objective.progress))"
            if let impact = objective.impact {
                html += " <svg class=\"dot\" viewBox=\"0 0 10 10\"><circle cx=\"5\" cy=\"5\" r=\"5\" fill=\"\(Self.colour(impact))\"><title>impact \(impact.rawValue)</title></circle></svg>"
            }
            html += "</span>"
        }
        return html + "</div><p class=\"meta\">Bar: progress, coloured by delivery status. Dot: KPI impact status.</p>"
    }

    /// A stacked bar of every active item by derived status, with a legend.
    func statusChart() -> String {
        let total = max(1, statusCounts.map(\.1).reduce(0, +))
        var x = 0.0
        var svg = "<svg class=\"stack\" viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"Items by derived status\">"
        for (status, count) in statusCounts {
            let share = Double(count) / Double(total) * 100
            svg += "<rect x=\"\(Derivation.format(x))\" width=\"\(Derivation.format(share))\" height=\"10\" fill=\"\(Self.colour(status))\"><title>\(count) \(status.rawValue)</title></rect>"
            x += share
        }
        svg += "</svg><p class=\"legend\">"
        for (status, count) in statusCounts {
            svg += "<span><svg class=\"dot\" viewBox=\"0 0 10 10\"><rect width=\"10\" height=\"10\" fill=\"\(Self.colour(status))\"/></svg> \(count) \(status.rawValue)</span> "
        }
        return svg + "</p>"
    }

    /// A timeline of the worst slips: for each, a bar from its due date to the date now expected (its forecast, or
    /// today when it is overdue with none), on one scale; the dashed mark is today.
    func slipChart() -> String {
        let shown = Array(slips.prefix(15))
        guard let first = shown.map(\.due).min(), let last = shown.map(\.expected).max() else { return "" }
        let span = Double(max(1, last.days(since: first)))
        func x(_ date: CalendarDate) -> String { Derivation.format(Double(date.days(since: first)) / span * 100) }
        var html = "<div class=\"chart\" role=\"img\" aria-label=\"Slipped work: due date to expected date\">"
        for slip in shown {
            let start = Double(slip.due.days(since: first)) / span * 100
            let width = max(0.8, Double(slip.expected.days(since: slip.due)) / span * 100)
            html += "<span>\(TextFormat.html(slip.id + " " + slip.title))</span>"
            html += "<svg viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\"><rect width=\"100\" height=\"10\" fill=\"#f3f5f7\"/>"
            html += "<rect x=\"\(Derivation.format(start))\" y=\"2\" width=\"\(Derivation.format(width))\" height=\"6\" fill=\"\(slip.overdue ? "#c0392b" : "#b7791f")\">"
            html += "<title>due \(slip.due.iso), expected \(slip.expected.iso)</title></rect>"
            html += "<rect x=\"\(x(slip.due))\" width=\"0.6\" height=\"10\" fill=\"#1d232b\"/><rect x=\"\(x(asOf))\" width=\"0.3\" height=\"10\" fill=\"#6b7480\"/></svg>"
            html += "<span class=\"num\">+\(slip.days)d</span>"
        }
        html += "</div><p class=\"meta\">From the due date (black mark) to the date now expected; red: overdue, amber: forecast late. "
        html += "Scale \(first.iso) to \(last.iso); grey mark: \(asOf.iso).\(slips.count > shown.count ? " \(slips.count - shown.count) more slipped items are listed under Decisions needed." : "")</p>"
        return html
    }
}
