/// Everything a check may look at.
public struct CheckInput: Sendable {
    /// The derived portfolio.
    public let derivation: Derivation
    /// Tells people from teams.
    public let owners: OwnerClassifier

    /// Creates the input for the checks whose codes `wanted` keeps: what a check needs of the whole portfolio (which
    /// work reaches an objective, what lies beneath each item) is counted once, here, and only for a check that runs.
    public init(derivation: Derivation, owners: OwnerClassifier, headerNames: [String: [Field: String]] = [:],
                wanted: (FindingCode) -> Bool = { _ in true }) {
        self.derivation = derivation
        self.owners = owners
        portfolio = derivation.portfolio
        items = derivation.portfolio.items
        results = derivation.results
        settings = derivation.settings
        columnNames = items.texts.files.map { headerNames[$0] ?? [:] }
        // In a sheet with no objectives at all, its top-level items stand in for them (as in the rollup): no work is an orphan.
        orphanTops = !wanted(.orphan) ? [] : portfolio.hasObjectives ? Self.orphanTops(portfolio) : [Int32](repeating: -1, count: items.count)
        let order = wanted(.noWork) || wanted(.noKPI) ? Self.bottomUp(portfolio) : []
        activeWork = wanted(.noWork) ? Self.activeWork(portfolio, results, order) : []
        measured = wanted(.noKPI) ? Self.measured(portfolio, order) : []
    }

    // Stored, not computed: the checks read these once per item, and a computed struct copy would retain every array each time.
    let portfolio: Portfolio
    let items: ItemTable
    let results: DerivedResults
    let settings: RollupSettings
    /// Per file of the table, the header each field was read from.
    private let columnNames: [[Field: String]]
    /// Per item, -1 when its chain of parents and objectives reaches an objective, else the item at the top of its
    /// chain (`orphan`, which names what that item names).
    let orphanTops: [Int32]
    /// Per item, how much active work lies beneath it (`no-work`).
    let activeWork: [Int32]
    /// Per item, whether a key result or a KPI lies beneath it or is it (`no-kpi`).
    let measured: [Bool]

    /// A finding about `item`, the item at `index`, located at its row and the column of `field` as the sheet names it.
    func finding(_ code: FindingCode, _ item: Item, _ field: Field?, _ message: String) -> Finding {
        // The column as the sheet names it; none when the sheet has no such column.
        let column = field.flatMap { columnNames[Int(item.record.file)][$0] }
        return Finding(code, at: SourceLocation(file: item.file, line: item.line, column: column), id: item.id, owner: item.owner, message: message)
    }

    /// Not cancelled, not on hold, not done, and not typed done: a parent typed done over open work is
    /// `done-but-open`, not also overdue or late.
    func isOpen(_ index: Int) -> Bool {
        let status = results[index].status
        return status != .done && !status.isInactive && items.record(index).status != Status.done.recordCode
    }

    /// Children before parents, for counting what lies beneath each item.
    static func bottomUp(_ portfolio: Portfolio) -> [Int] {
        var order = portfolio.parent.indices.filter { portfolio.parent[$0] == nil }
        var index = 0
        while index < order.count { order += portfolio.children[order[index]]; index += 1 }
        return order.reversed()
    }

    /// For each item, -1 when its chain of parents and objectives reaches an objective, else the top of its chain;
    /// each chain is walked once.
    static func orphanTops(_ portfolio: Portfolio) -> [Int32] {
        let items = portfolio.items
        let unknown: Int32 = -2
        var tops = [Int32](repeating: unknown, count: items.count)
        var path: [Int] = []
        for start in items.indices where tops[start] == unknown {
            path.removeAll(keepingCapacity: true)
            var current: Int? = start
            var answer: Int32 = -1
            while let node = current {
                if tops[node] != unknown { answer = tops[node]; break }
                if items[node].type == .objective || portfolio.objective[node] != nil { answer = -1; break }
                path.append(node)
                current = portfolio.parent[node]
                if current == nil { answer = Int32(node) }
            }
            for node in path { tops[node] = answer }
            if tops[start] == unknown { tops[start] = answer }
        }
        return tops
    }

    /// How many active work items lie beneath each item, counted up the hierarchy in `order` (children first).
    static func activeWork(_ portfolio: Portfolio, _ results: DerivedResults, _ order: [Int]) -> [Int32] {
        var activeWork = [Int32](repeating: 0, count: portfolio.items.count)
        for index in order {
            for child in portfolio.children[index] where !results[child].status.isInactive {
                activeWork[index] += activeWork[child] + (Check.isWork(portfolio.items[child]) ? 1 : 0)
            }
        }
        return activeWork
    }

    /// Whether each item is, or has beneath it, a key result or an item with KPI values; counted in `order` (children first).
    static func measured(_ portfolio: Portfolio, _ order: [Int]) -> [Bool] {
        var measured = [Bool](repeating: false, count: portfolio.items.count)
        for index in order {
            if portfolio.items[index].type == .keyResult || portfolio.items[index].hasKPI { measured[index] = true }
            if measured[index], let up = portfolio.parent[index] { measured[up] = true }
        }
        return measured
    }
}

/// One named check: a code and a pure function from an item of the portfolio to what it finds there (SPEC 5). Checks
/// run item by item, so findings come out in sheet order without being gathered and sorted.
public struct Check: Sendable {
    /// The code its findings carry.
    public let code: FindingCode
    /// Every code its findings carry (`team-owner` also finds `shared-owner`).
    public var codes: [FindingCode] { code == .teamOwner ? [.teamOwner, .sharedOwner] : [code] }
    /// The check itself: appends what it finds about `item`, the item at the index given, in the order found.
    public let run: @Sendable (CheckInput, Int, Item, inout [Finding]) -> Void

    /// Every check, in the order of `FindingCode.all`. Sheet-level codes come from reading and resolving instead.
    public static let all: [Check] = [
        Check(code: .noOwner, run: noOwner), Check(code: .teamOwner, run: ownerShape), Check(code: .orphan, run: orphan),
        Check(code: .noWork, run: noWork), Check(code: .noKPI, run: noKPI), Check(code: .overdue, run: overdue),
        Check(code: .forecastSlip, run: forecastSlip), Check(code: .lateStart, run: lateStart), Check(code: .behindPace, run: behindPace),
        Check(code: .stale, run: stale), Check(code: .blocked, run: blocked), Check(code: .dependencyLate, run: dependencyLate),
        Check(code: .crossTeamDependency, run: crossTeamDependency), Check(code: .doneButOpen, run: doneButOpen),
        Check(code: .abandonedWithoutReason, run: abandonedWithoutReason), Check(code: .watermelon, run: watermelon),
        Check(code: .kpiOffTarget, run: kpiOffTarget),
    ]

    /// Every row is asked for one accountable person, whatever its status: who owned done, paused or cancelled work is
    /// still asked at a review.
    static func noOwner(_ input: CheckInput, _ index: Int, _ item: Item, _ found: inout [Finding]) {
        let owner = item.owner
        guard input.owners.classify(owner) == .nobody else { return }
        found.append(input.finding(.noOwner, item, .owner, owner.isEmpty ? "no owner named" : "owner '\(owner)' names nobody"))
    }

    /// `team-owner` and `shared-owner`: both come from reading the owner cell once.
    static func ownerShape(_ input: CheckInput, _ index: Int, _ item: Item, _ found: inout [Finding]) {
        let owner = item.owner
        switch input.owners.classify(owner) {
        case .team: found.append(input.finding(.teamOwner, item, .owner, "owner '\(owner)' is a team or department, not one accountable person"))
        case .shared(let people): found.append(input.finding(.sharedOwner, item, .owner, "owner names \(people.count) people ('\(owner)'); name one accountable person"))
        default: break
        }
    }

    /// Work whose chain of parents and objectives reaches no objective.
    static func orphan(_ input: CheckInput, _ index: Int, _ item: Item, _ found: inout [Finding]) {
        guard item.type != .objective, input.orphanTops[index] >= 0, !input.results[index].status.isInactive else { return }
        found.append(input.finding(.orphan, item, .objective, "serves no objective: " + orphanCause(input, index)))
    }

    /// Why an orphan serves no objective: the nearest objective named on its chain that is no item (looked for over
    /// a few items up), else what the top of its chain names, or that it names nothing.
    static func orphanCause(_ input: CheckInput, _ index: Int) -> String {
        var node: Int? = index
        for _ in 0..<20 {
            guard let current = node else { break }
            let item = input.items[current]
            if !item.objectiveReference.isEmpty && input.portfolio.objective[current] == nil {
                return "\(current == index ? "it" : "\(item.label) above it") names objective '\(item.objectiveReference)', which leads to no objective"
            }
            node = input.portfolio.parent[current]
        }
        let top = Int(input.orphanTops[index])
        let item = input.items[top]
        let named = !item.objectiveReference.isEmpty ? ("objective", item.objectiveReference) : !item.parentReference.isEmpty ? ("parent", item.parentReference) : nil
        guard let (field, reference) = named else { return "no objective is named on it or on any item above it" }
        return "\(top == index ? "it" : "\(item.label) above it") names \(field) '\(reference)', which leads to no objective"
    }

    static func isWork(_ item: Item) -> Bool { item.type != .objective && item.type != .keyResult }

    static func noWork(_ input: CheckInput, _ index: Int, _ item: Item, _ found: inout [Finding]) {
        let type = item.type
        guard type == .objective || type == .keyResult, !input.results[index].status.isInactive, input.activeWork[index] == 0 else { return }
        found.append(input.finding(.noWork, item, nil, "\(type == .objective ? "objective" : "key result") has no active work beneath it"))
    }

    static func noKPI(_ input: CheckInput, _ index: Int, _ item: Item, _ found: inout [Finding]) {
        guard item.type == .objective, !input.measured[index], !input.results[index].status.isInactive else { return }
        found.append(input.finding(.noKPI, item, nil, "objective has no key result or KPI beneath it"))
    }

    static func overdue(_ input: CheckInput, _ index: Int, _ item: Item, _ found: inout [Finding]) {
        guard let due = item.due, due < input.settings.asOf, input.isOpen(index) else { return }
        found.append(input.finding(.overdue, item, .due, "overdue \(Derivation.days(input.settings.asOf.days(since: due))) (due \(due.iso))"))
    }

    static func forecastSlip(_ input: CheckInput, _ index: Int, _ item: Item, _ found: inout [Finding]) {
        guard let due = item.due, let forecast = item.forecast, forecast > due, input.isOpen(index) else { return }
        found.append(input.finding(.forecastSlip, item, .forecast, "forecast \(forecast.iso) is \(Derivation.days(forecast.days(since: due))) after due \(due.iso)"))
    }

    static func lateStart(_ input: CheckInput, _ index: Int, _ item: Item, _ found: inout [Finding]) {
        guard let start = item.start, input.isOpen(index), input.portfolio.children[index].isEmpty else { return }
        let late = input.settings.asOf.days(since: start)
        guard item.isNotStarted, late > input.settings.lateStartGraceDays else { return }
        found.append(input.finding(.lateStart, item, .start, "not started \(Derivation.days(late)) after its start (\(start.iso))"))
    }

    static func behindPace(_ input: CheckInput, _ index: Int, _ item: Item, _ found: inout [Finding]) {
        let asOf = input.settings.asOf
        // A leaf with progress typed on its row, as the rollup's own pace rule reads it; a parent's pace is its children's.
        guard let start = item.start, let due = item.due, due > start, asOf > start, asOf <= due, let progress = item.progress, input.isOpen(index),
              input.portfolio.children[index].allSatisfy({ input.results[$0].status.isInactive }) else { return }
        let elapsed = Double(asOf.days(since: start)) * 100 / Double(due.days(since: start))
        guard progress + input.settings.paceMargin < elapsed else { return }
        found.append(input.finding(.behindPace, item, .progress,
                                   "progress \(CellNormalizer.formatPercent(progress)) trails \(CellNormalizer.formatPercent(elapsed.rounded())) of the time from \(start.iso) to \(due.iso)"))
    }

    static func stale(_ input: CheckInput, _ index: Int, _ item: Item, _ found: inout [Finding]) {
        guard let updated = item.updated else { return }
        let age = input.settings.asOf.days(since: updated)
        guard age > input.settings.staleDays, input.isOpen(index) else { return }
        found.append(input.finding(.stale, item, .updated, "last updated \(Derivation.days(age)) ago (\(updated.iso)); the limit is \(input.settings.staleDays)"))
    }

    /// Derived blocked, or typed blocked and still open whatever else its status says (an overdue item someone marked
    /// blocked, a parent whose children look fine): who needs unblocking is the point of the finding.
    static func blocked(_ input: CheckInput, _ index: Int, _ item: Item, _ found: inout [Finding]) {
        if input.results[index].status == .blocked, case .dependency(let blocker) = input.results[index].cause {
            let status = input.results[blocker].status.rawValue
            found.append(input.finding(.blocked, item, .dependsOn, "waits for \(input.items[blocker].label), which is \(status)"))
        } else if item.typedStatus == .blocked && input.isOpen(index) {
            found.append(input.finding(.blocked, item, .status, "typed blocked"))
        } else if input.results[index].status == .blocked {
            // Blocked through its children (the worst child's status, under --rule worst).
            found.append(input.finding(.blocked, item, nil, "blocked beneath: \(input.derivation.reason(index))"))
        }
    }

    static func dependencyLate(_ input: CheckInput, _ index: Int, _ item: Item, _ found: inout [Finding]) {
        guard !input.portfolio.dependencies[index].isEmpty, input.isOpen(index) else { return }
        let asOf = input.settings.asOf
        for dependency in input.portfolio.dependencies[index] where input.isOpen(dependency) {
            let other = input.items[dependency]
            let finish = other.forecast.map { ("forecast for", $0) } ?? other.due.map { ("due", $0) }
            // Late: past its due date, whatever its forecast says, else past its forecast.
            let late = other.due.flatMap { $0 < asOf ? ("due", $0) : nil } ?? finish.flatMap { $0.1 < asOf ? $0 : nil }
            if let (word, date) = late {
                found.append(input.finding(.dependencyLate, item, .dependsOn, "waits for \(other.label), which was \(word) \(date.iso) and is not done"))
            } else if let mine = item.due, let (word, theirs) = finish, theirs > mine {
                found.append(input.finding(.dependencyLate, item, .dependsOn, "waits for \(other.label), \(word) \(theirs.iso), after this item's own due date \(mine.iso)"))
            }
        }
    }

    static func crossTeamDependency(_ input: CheckInput, _ index: Int, _ item: Item, _ found: inout [Finding]) {
        guard !input.portfolio.dependencies[index].isEmpty, input.isOpen(index) else { return }
        let team = Conventions.wordKey(item.team)
        for dependency in input.portfolio.dependencies[index] {
            let other = input.items[dependency]
            if !team.isEmpty, !other.team.isEmpty, Conventions.wordKey(other.team) != team {
                found.append(input.finding(.crossTeamDependency, item, .dependsOn, "waits for \(other.label), owned by \(other.team)"))
            }
        }
    }

    static func doneButOpen(_ input: CheckInput, _ index: Int, _ item: Item, _ found: inout [Finding]) {
        guard item.typedStatus == .done else { return }
        if let progress = item.progress, progress < 100 {
            found.append(input.finding(.doneButOpen, item, .progress, "typed done at \(CellNormalizer.formatPercent(progress)) complete"))
            return
        }
        // Children as derived: a key result typed done over work still open is not done either.
        let open = input.portfolio.children[index].filter { !input.results[$0].status.isInactive && input.results[$0].status != .done }
        guard !open.isEmpty else { return }
        let names = open.prefix(5).map { input.items[$0].label }.joined(separator: ", ")
        found.append(input.finding(.doneButOpen, item, .status,
                                   "typed done, but \(open.count) item\(open.count == 1 ? "" : "s") beneath it \(open.count == 1 ? "is" : "are") open: \(names)\(open.count > 5 ? ", …" : "")"))
    }

    static func abandonedWithoutReason(_ input: CheckInput, _ index: Int, _ item: Item, _ found: inout [Finding]) {
        guard item.typedStatus == .cancelled && !item.hasNotes else { return }
        found.append(input.finding(.abandonedWithoutReason, item, .notes, "cancelled with no note saying why"))
    }

    static func watermelon(_ input: CheckInput, _ index: Int, _ item: Item, _ found: inout [Finding]) {
        // A dashboard colour better than the truth: typed done, not-started, on-track or at-risk over work in trouble
        // (a parent typed done over open work is also `done-but-open`); typed blocked already says "stuck".
        guard let typed = item.typedStatus, (Status.done.severity...Status.atRisk.severity).contains(typed.severity) else { return }
        let derived = input.results[index]
        guard derived.status.isTrouble, derived.status.severity > typed.severity else { return }
        found.append(input.finding(.watermelon, item, .status, "typed \(typed.rawValue), derived \(derived.status.rawValue): \(input.derivation.reason(index))"))
    }

    static func kpiOffTarget(_ input: CheckInput, _ index: Int, _ item: Item, _ found: inout [Finding]) {
        guard item.hasKPI, let impact = input.results[index].impact, impact.isTrouble,
              case .fact(let fact)? = input.results[index].impactCause else { return }
        found.append(input.finding(.kpiOffTarget, item, .actual, "KPI \(impact.rawValue): \(input.derivation.describe(fact, of: index))"))
    }
}
