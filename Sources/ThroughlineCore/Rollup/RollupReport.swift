/// What a rollup is grouped by.
public enum RollupGrouping: String, Sendable, CaseIterable {
    /// One row per objective (the default).
    case objective
    /// One row per initiative.
    case initiative
    /// One row per owning team.
    case team
    /// One row per owner.
    case owner
}

/// One row of a rollup: an item, or a group of items (a team, an owner), at its level beneath the top row.
public struct RollupRow: Sendable {
    /// How deep the row is: 0 for a top row, 1 for its children, and so on.
    public var level: Int
    /// The item's id, or empty for a group.
    public var id: String
    /// The item's type, or `team` / `owner` for a group.
    public var type: String
    /// The item's title, or the group's name.
    public var title: String
    /// The owner.
    public var owner: String
    /// The status as typed (canonical), when there is one.
    public var status: Status?
    /// The status derived from the work.
    public var derivedStatus: Status
    /// Derived percent complete.
    public var progress: Double?
    /// KPI impact status, apart from delivery.
    public var impactStatus: Status?
    /// The reason chain.
    public var reason: String
    /// The impact reason chain, when there is an impact status.
    public var impactReason: String?
    /// Whether the status cell holds a word no convention maps: the derived status then rests on the work alone.
    public var statusUnread = false
}

/// A rollup ready to render: the rows and how they were made.
public struct RollupReport: Sendable {
    /// The as-of date.
    public let asOf: CalendarDate
    /// The parent rule.
    public let rule: ParentRule
    /// The grouping.
    public let grouping: RollupGrouping
    /// Every row, top-down: each top row followed by what lies beneath it to the chosen depth, each with its level. A
    /// flat list, not a tree of rows: a chain a hundred thousand levels deep is neither built nor freed by recursion.
    public let rows: [RollupRow]
    /// Whether the rows are the sheet's top-level items, standing in for objectives in a sheet that types none.
    public let topLevelItems: Bool

    /// The top rows (level 0).
    public var topRows: [RollupRow] { rows.filter { $0.level == 0 } }

    /// What a top row is, in the singular: `objective`, `team`, or `top-level item`.
    public var rowNoun: String { topLevelItems ? "top-level item" : grouping.rawValue }

    /// Builds the rows: items of the grouping's type (or groups of items) with `depth` levels beneath each. `people`
    /// gives the team of an owner whose row names none.
    public init(_ derivation: Derivation, grouping: RollupGrouping, depth: Int, people: PeopleDirectory = PeopleDirectory()) {
        asOf = derivation.settings.asOf
        rule = derivation.settings.rule
        self.grouping = grouping
        let portfolio = derivation.portfolio
        let items = portfolio.items
        switch grouping {
        case .objective:
            let tops: [Int]
            (tops, topLevelItems) = portfolio.objectivesOrTops()
            rows = tops.flatMap { Self.rows($0, derivation, depth: depth) }
        case .initiative:
            topLevelItems = false
            rows = items.indices.filter { items[$0].type == .initiative }.flatMap { Self.rows($0, derivation, depth: depth) }
        case .team, .owner:
            topLevelItems = false
            let names = grouping == .team ? Self.teams(portfolio, people: people) : items.map(\.owner)
            var groups: [String: [Int]] = [:]
            var order: [String] = []
            for index in items.indices where !derivation.results[index].status.isInactive {
                let key = names[index].isEmpty ? "" : Conventions.wordKey(names[index])
                // Count an item once per group: leave out those whose parent is in the same group.
                if let up = portfolio.parent[index] {
                    if Conventions.wordKey(names[up]) == key && !derivation.results[up].status.isInactive { continue }
                }
                if groups[key] == nil { order.append(key) }
                groups[key, default: []].append(index)
            }
            rows = order.flatMap { key in
                let members = groups[key]!
                let combined = Derivation.combine(members.map { (derivation.results[$0].status, items[$0].weight, derivation.results[$0].progress) },
                                                  settings: derivation.settings) { derivation.results.status(derivation.rootCause(members[$0])).severity }
                let explaining = members[combined.explaining]
                let name = names[members[0]]
                let title = name.isEmpty ? "(no \(grouping.rawValue))" : name
                let reason = combined.status.isTrouble
                    ? "\(title) \(combined.status.rawValue) <- " + derivation.reason(explaining)
                    : "\(title) \(combined.status.rawValue): \(members.count) item\(members.count == 1 ? "" : "s")"
                let group = RollupRow(level: 0, id: "", type: grouping.rawValue, title: title, owner: grouping == .owner ? name : "", status: nil,
                                      derivedStatus: combined.status, progress: combined.progress, impactStatus: nil, reason: reason, impactReason: nil)
                return [group] + (depth > 0 ? members.flatMap { Self.rows($0, derivation, depth: depth - 1, level: 1) } : [])
            }
        }
    }

    /// The team each item counts under: its own, else its owner's in the people sheet, else that of the nearest item
    /// above it that has one (a milestone sheet without a team column counts under its initiative's team).
    static func teams(_ portfolio: Portfolio, people: PeopleDirectory) -> [String] {
        var teams = portfolio.items.map { item in item.team.isEmpty ? people.person(matching: item.owner)?.team ?? "" : item.team }
        var settled = teams.map { !$0.isEmpty }
        for index in teams.indices where !settled[index] {
            // Walk up to an item whose team is known; every item on the way takes it. The hierarchy has no circles left.
            var path: [Int] = []
            var node = index
            while !settled[node], let up = portfolio.parent[node], path.count < teams.count {
                path.append(node)
                node = up
            }
            let team = teams[node]
            for member in path + [node] where !settled[member] {
                teams[member] = team
                settled[member] = true
            }
        }
        return teams
    }

    /// An item's row at `level`, then the rows beneath it to `depth` levels, top-down (iteratively, so deep hierarchies
    /// cannot overflow the stack).
    static func rows(_ top: Int, _ derivation: Derivation, depth: Int, level: Int = 0) -> [RollupRow] {
        var rows: [RollupRow] = []
        var pending: [(index: Int, below: Int)] = [(top, 0)]
        while let (index, below) = pending.popLast() {
            let item = derivation.portfolio.items[index]
            let result = derivation.results[index]
            rows.append(RollupRow(level: level + below, id: item.id, type: item.type?.rawValue ?? "", title: item.title, owner: item.owner,
                                  status: item.typedStatus, derivedStatus: result.status, progress: result.progress, impactStatus: result.impact,
                                  reason: derivation.reason(index), impactReason: result.impact == nil ? nil : derivation.impactReason(index),
                                  statusUnread: item.statusUnread))
            if below < depth { pending += derivation.portfolio.children[index].reversed().map { ($0, below + 1) } }
        }
        return rows
    }
}
