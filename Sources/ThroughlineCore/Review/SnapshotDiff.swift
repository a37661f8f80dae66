/// One difference between two snapshots of a sheet.
public struct SnapshotChange: Equatable, Sendable {
    /// What changed.
    public enum Kind: String, Sendable, CaseIterable {
        case added, removed
        /// The same item under another id (matched by the id in another case, or by its title).
        case id
        case status
        case derivedStatus = "derived-status"
        /// The KPI impact status, derived.
        case impactStatus = "impact-status"
        case due, forecast, owner, progress
        /// The KPI's actual value.
        case actual
    }

    /// What changed.
    public var kind: Kind
    /// The item's id (or title when it has no id).
    public var id: String
    /// The item's title (the new one, or the old one for a removed item).
    public var title: String
    /// The value before, as shown.
    public var old: String
    /// The value after, as shown.
    public var new: String
    /// `better` / `worse` for statuses, `later` / `earlier` for dates, `up` / `down` for progress; empty otherwise.
    public var direction: String
    /// For a date that moved, by how many days (positive is later).
    public var days: Int?
}

/// What changed between two snapshots of the same sheet: items matched by id (by title when they have none); an item
/// left over on both sides is then matched by its id in another case, else by its title, when only one item on each
/// side has it, and its new id is a change of its own.
public struct SnapshotDiff: Sendable {
    /// The changes: those of items in the new snapshot in its order, then the removed items in the old one's order.
    public let changes: [SnapshotChange]
    /// The days each snapshot was derived at.
    public let asOf: CalendarDate, oldAsOf: CalendarDate

    /// Compares two derived snapshots.
    public init(old: Derivation, new: Derivation) {
        asOf = new.settings.asOf
        oldAsOf = old.settings.asOf
        let oldItems = old.portfolio.items, newItems = new.portfolio.items
        // Each item's key: its id, or its title when it has none; the second item with a key is that key's second (a
        // sheet with no ids may name two rows `Go-live`: they pair in the order they stand).
        func keys(_ items: ItemTable) -> [String] {
            var count: [String: Int] = [:]
            return items.map { item in
                let key = item.id.isEmpty ? "title:" + Conventions.wordKey(item.title) : "id:" + item.id
                count[key, default: 0] += 1
                return count[key]! == 1 ? key : key + "#\(count[key]!)"
            }
        }
        let oldKeys = keys(oldItems), newKeys = keys(newItems)
        var oldIndex: [String: Int] = [:]
        for (index, key) in oldKeys.enumerated() { oldIndex[key] = index }
        // New item -> old item.
        var match = [Int](repeating: -1, count: newItems.count)
        var matchedOld = Set<Int>()
        for index in newItems.indices {
            if let before = oldIndex[newKeys[index]], matchedOld.insert(before).inserted { match[index] = before }
        }
        // What is left on both sides: the one old item with the same id in another case, else the same title, when
        // that id or title is had by one item only on each side (all ids in another case first, then titles).
        let leftOver = oldItems.indices.filter { !matchedOld.contains($0) }
        var byLowerID: [String: [Int]] = [:], byTitle: [String: [Int]] = [:]
        for index in leftOver {
            let item = oldItems[index]
            if !item.id.isEmpty { byLowerID[item.id.lowercased(), default: []].append(index) }
            let title = Conventions.wordKey(item.title)
            if !title.isEmpty { byTitle[title, default: []].append(index) }
        }
        func counts(_ items: ItemTable, _ name: (Item) -> String) -> [String: Int] {
            var counts: [String: Int] = [:]
            for item in items { counts[name(item), default: 0] += 1 }
            return counts
        }
        let newLowerIDs = counts(newItems) { $0.id.lowercased() }
        let oldTitles = counts(oldItems) { Conventions.wordKey($0.title) }, newTitles = counts(newItems) { Conventions.wordKey($0.title) }
        func pair(_ index: Int, _ candidates: [Int]?) {
            guard let candidates, candidates.count == 1, let before = candidates.first, matchedOld.insert(before).inserted else { return }
            match[index] = before
        }
        for index in newItems.indices where match[index] == -1 {
            let id = newItems[index].id.lowercased()
            if !id.isEmpty, newLowerIDs[id] == 1 { pair(index, byLowerID[id]) }
        }
        for index in newItems.indices where match[index] == -1 {
            let title = Conventions.wordKey(newItems[index].title)
            if !title.isEmpty, newTitles[title] == 1, oldTitles[title] == 1 { pair(index, byTitle[title]) }
        }
        var changes: [SnapshotChange] = []
        for (index, item) in newItems.enumerated() {
            guard match[index] >= 0 else {
                changes.append(SnapshotChange(kind: .added, id: item.label, title: item.title, old: "", new: new.results[index].status.rawValue, direction: "", days: nil))
                continue
            }
            let before = match[index]
            changes += Self.compare(oldItems[before], old.results[before], item, new.results[index])
        }
        for (index, item) in oldItems.enumerated() where !matchedOld.contains(index) {
            changes.append(SnapshotChange(kind: .removed, id: item.label, title: item.title, old: item.typedStatus?.rawValue ?? "", new: "", direction: "", days: nil))
        }
        self.changes = changes
    }

    static func compare(_ a: Item, _ da: Derived, _ b: Item, _ db: Derived) -> [SnapshotChange] {
        var changes: [SnapshotChange] = []
        func add(_ kind: SnapshotChange.Kind, _ old: String, _ new: String, _ direction: String, _ days: Int? = nil) {
            changes.append(SnapshotChange(kind: kind, id: b.label, title: b.title, old: old, new: new, direction: direction, days: days))
        }
        func move(_ from: Status?, _ to: Status?) -> String {
            guard let from, let to, !from.isInactive, !to.isInactive else { return "" }
            return to.severity < from.severity ? "better" : to.severity > from.severity ? "worse" : ""
        }
        if a.id != b.id { add(.id, a.id, b.id, "") }
        if a.typedStatus != b.typedStatus {
            add(.status, a.typedStatus?.rawValue ?? "", b.typedStatus?.rawValue ?? "", move(a.typedStatus, b.typedStatus))
        }
        if da.status != db.status { add(.derivedStatus, da.status.rawValue, db.status.rawValue, move(da.status, db.status)) }
        // Impact beside delivery, never blended (SPEC 4): a KPI that moves is a change of its own.
        if da.impact != db.impact { add(.impactStatus, da.impact?.rawValue ?? "", db.impact?.rawValue ?? "", move(da.impact, db.impact)) }
        for (kind, before, after) in [(SnapshotChange.Kind.due, a.due, b.due), (.forecast, a.forecast, b.forecast)] where before != after {
            let days = before.flatMap { old in after.map { $0.days(since: old) } }
            add(kind, before?.iso ?? "", after?.iso ?? "", days.map { $0 > 0 ? "later" : "earlier" } ?? "", days)
        }
        if Conventions.wordKey(a.owner) != Conventions.wordKey(b.owner) { add(.owner, a.owner, b.owner, "") }
        // The progress typed on the row: a parent's rolled-up progress drifts with every child and would drown the rest.
        let (pa, pb) = (a.progress, b.progress)
        if let pa, let pb, abs(pa - pb) >= 0.05 {
            add(.progress, TextFormat.percent(pa), TextFormat.percent(pb), pb > pa ? "up" : "down")
        } else if (pa == nil) != (pb == nil) {
            add(.progress, TextFormat.percent(pa), TextFormat.percent(pb), "")
        }
        if a.actual != b.actual {
            let shown = { (value: Double?) in value.map { Derivation.withUnit($0, b.unit) } ?? "" }
            let direction = a.actual.flatMap { old in b.actual.map { $0 > old ? "up" : "down" } } ?? ""
            add(.actual, shown(a.actual), shown(b.actual), direction)
        }
        return changes
    }

    /// "3 added, 1 removed, 8 status changes (3 better, 5 worse), …": counts of what changed.
    public var summary: String {
        func count(_ kind: SnapshotChange.Kind) -> [SnapshotChange] { changes.filter { $0.kind == kind } }
        var parts: [String] = []
        func moves(_ list: [SnapshotChange], _ noun: String, _ up: String, _ down: String) {
            guard !list.isEmpty else { return }
            let a = list.filter { $0.direction == up }.count, b = list.filter { $0.direction == down }.count
            parts.append("\(list.count) \(noun)\(list.count == 1 ? "" : "s") (\(a) \(up), \(b) \(down))")
        }
        if !count(.added).isEmpty { parts.append("\(count(.added).count) added") }
        if !count(.removed).isEmpty { parts.append("\(count(.removed).count) removed") }
        if !count(.id).isEmpty { parts.append("\(count(.id).count) id change\(count(.id).count == 1 ? "" : "s")") }
        moves(count(.status), "typed status change", "better", "worse")
        moves(count(.derivedStatus), "derived status change", "better", "worse")
        moves(count(.impactStatus), "impact status change", "better", "worse")
        moves(count(.due), "due date move", "later", "earlier")
        moves(count(.forecast), "forecast move", "later", "earlier")
        if !count(.owner).isEmpty { parts.append("\(count(.owner).count) owner change\(count(.owner).count == 1 ? "" : "s")") }
        moves(count(.progress), "progress change", "up", "down")
        moves(count(.actual), "KPI actual change", "up", "down")
        return parts.isEmpty ? "no changes" : parts.joined(separator: ", ")
    }

    /// The CSV columns.
    public static let csvColumns = ["change", "id", "title", "old", "new", "direction", "days"]

    /// Renders the diff in `format` (HTML is not offered for a diff: use `brief`).
    public func render(_ format: ReportFormat, oldName: String, newName: String, style: TerminalStyle) -> String {
        switch format {
        case .csv:
            let sink = MemorySink()
            let out = OutputBuffer(sink)
            let writer = CSVWriter(out, dialect: .comma)
            try? writer.writeRecord(Self.csvColumns, terminator: .lf)
            for change in changes {
                try? writer.writeRecord([change.kind.rawValue, change.id, change.title, change.old, change.new, change.direction,
                                         change.days.map(String.init) ?? ""].map(CSVSafety.neutralize), terminator: .lf)
            }
            try? out.flush()
            return sink.text
        case .json:
            let rows = changes.map { change in
                "    {\"change\": \(JSONText.quoted(change.kind.rawValue)), \"id\": \(JSONText.quoted(change.id)), \"title\": \(JSONText.quoted(change.title)), "
                    + "\"old\": \(JSONText.quoted(change.old)), \"new\": \(JSONText.quoted(change.new)), \"direction\": \(JSONText.quoted(change.direction)), "
                    + "\"days\": \(change.days.map(String.init) ?? "null")}"
            }
            return "{\n  \"schema\": \"throughline.diff/1\",\n  \"asOf\": \"\(asOf.iso)\",\n  \"oldAsOf\": \"\(oldAsOf.iso)\",\n"
                + "  \"old\": \(JSONText.quoted(oldName)),\n  \"new\": \(JSONText.quoted(newName)),\n"
                + "  \"summary\": \(JSONText.quoted(summary)),\n  \"changes\": " + (rows.isEmpty ? "[]" : "[\n" + rows.joined(separator: ",\n") + "\n  ]") + "\n}\n"
        case .md, .html:
            var text = "# Changes from \(TextFormat.markdown(oldName)) to \(TextFormat.markdown(newName))\n\n\(summary)\n"
            if !changes.isEmpty {
                text += "\n| change | id | title | old | new | direction |\n|---|---|---|---|---|---|\n"
                for change in changes {
                    let direction = change.direction + (change.days.map { " (\($0 > 0 ? "+" : "")\($0) days)" } ?? "")
                    text += "| " + [change.kind.rawValue, change.id, change.title, change.old, change.new, direction].map(TextFormat.markdown).joined(separator: " | ") + " |\n"
                }
            }
            return text
        case .table:
            var text = "Changes from \(oldName) to \(newName)\n\n"
            // Columns padded to their widest: id, title (cut at 36), what changed, and which way.
            let idWidth = min(16, changes.map { TextFormat.width($0.id) }.max() ?? 0)
            let titleWidth = changes.map { TextFormat.width(TextFormat.cut($0.title, 36)) }.max() ?? 0
            let arrows = changes.map { change -> String in
                switch change.kind {
                case .added: return "added (\(change.new))"
                case .removed: return "removed"
                default: return "\(change.kind.rawValue): \(change.old.isEmpty ? "(none)" : change.old) -> \(change.new.isEmpty ? "(none)" : change.new)"
                }
            }
            let arrowWidth = arrows.map(TextFormat.width).max() ?? 0
            for (change, arrow) in zip(changes, arrows) {
                var detail = change.direction
                if let days = change.days { detail += " by \(Derivation.days(abs(days)))" }
                let marked = style.colour && (change.direction == "worse" || change.direction == "later") ? "\u{1B}[31m\(detail)\u{1B}[0m"
                    : style.colour && (change.direction == "better") ? "\u{1B}[32m\(detail)\u{1B}[0m" : detail
                text += TextFormat.pad(change.id, idWidth) + "  " + TextFormat.pad(TextFormat.cut(change.title, 36), titleWidth) + "  "
                    + (detail.isEmpty ? arrow : TextFormat.pad(arrow, arrowWidth) + "  " + marked) + "\n"
            }
            return text + (changes.isEmpty ? "" : "\n") + summary + "\n"
        }
    }
}
