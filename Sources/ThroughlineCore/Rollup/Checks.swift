/// Everything a check may look at.
public struct CheckInput: Sendable {
    /// The derived portfolio.
    public let derivation: Derivation
    /// Tells people from teams.
    public let owners: OwnerClassifier
    /// Per file, the header each field came from.
    public let headerNames: [String: [Field: String]]

    /// Creates the input for the checks.
    public init(derivation: Derivation, owners: OwnerClassifier, headerNames: [String: [Field: String]] = [:]) {
        self.derivation = derivation
        self.owners = owners
        self.headerNames = headerNames
        portfolio = derivation.portfolio
        items = derivation.portfolio.items
        results = derivation.results
        settings = derivation.settings
    }

    // Stored, not computed: the checks read these once per item, and a computed struct copy would retain every array each time.
    let portfolio: Portfolio
    let items: ItemTable
    let results: DerivedResults
    let settings: RollupSettings

    /// A finding about item `index`, located at its row and the column of `field` as the sheet names it.
    func finding(_ code: FindingCode, _ index: Int, _ field: Field?, _ message: String) -> Finding {
        let item = items[index]
        // The column as the sheet names it; none when the sheet has no such column.
        let column = field.flatMap { headerNames[item.file]?[$0] }
        return Finding(code, at: SourceLocation(file: item.file, line: item.line, column: column), id: item.id.isEmpty ? nil : item.id,
                       owner: item.owner.isEmpty ? nil : item.owner, message: message)
    }

    /// Not cancelled, not on hold, not done, and not typed done: a parent typed done over open work is
    /// `done-but-open`, not also overdue or late.
    func isOpen(_ index: Int) -> Bool {
        let status = results[index].status
        return status != .done && !status.isInactive && items[index].typedStatus != .done
    }
}

/// One named check: a code and a pure function from the portfolio to findings (SPEC 5).
public struct Check: Sendable {
    /// The code its findings carry.
    public let code: FindingCode
    /// The check itself.
    public let run: @Sendable (CheckInput) -> [Finding]

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

    static func noOwner(_ input: CheckInput) -> [Finding] {
        input.items.indices.filter { input.isOpen($0) && input.owners.classify(input.items[$0].owner) == .nobody }.map {
            input.finding(.noOwner, $0, .owner, input.items[$0].owner.isEmpty ? "no owner named" : "owner '\(input.items[$0].owner)' names nobody")
        }
    }

    /// `team-owner` and `shared-owner`: both come from reading the owner cell once.
    static func ownerShape(_ input: CheckInput) -> [Finding] {
        input.items.indices.filter(input.isOpen).compactMap { index in
            let owner = input.items[index].owner
            switch input.owners.classify(owner) {
            case .team: return input.finding(.teamOwner, index, .owner, "owner '\(owner)' is a team or department, not one accountable person")
            case .shared(let people): return input.finding(.sharedOwner, index, .owner, "owner names \(people.count) people ('\(owner)'); name one accountable person")
            default: return nil
            }
        }
    }

    /// Work whose chain of parents and objectives reaches no objective.
    static func orphan(_ input: CheckInput) -> [Finding] {
        let items = input.items
        var serves = [Bool?](repeating: nil, count: items.count)
        var path: [Int] = []
        for start in items.indices {
            path.removeAll(keepingCapacity: true)
            var current: Int? = start
            var answer = false
            while let node = current {
                if let known = serves[node] { answer = known; break }
                if items[node].type == .objective || input.portfolio.objective[node] != nil { answer = true; break }
                path.append(node)
                current = input.portfolio.parent[node]
            }
            for node in path { serves[node] = answer }
            serves[start] = serves[start] ?? answer
        }
        return items.indices.filter { items[$0].type != .objective && serves[$0] == false && !input.results[$0].status.isInactive }.map {
            input.finding(.orphan, $0, .objective, "serves no objective: no objective is named on it or on any item above it")
        }
    }

    /// Children before parents, for counting what lies beneath each item.
    static func bottomUp(_ portfolio: Portfolio) -> [Int] {
        var order = portfolio.parent.indices.filter { portfolio.parent[$0] == nil }
        var index = 0
        while index < order.count { order += portfolio.children[order[index]]; index += 1 }
        return order.reversed()
    }

    static func isWork(_ item: Item) -> Bool { item.type != .objective && item.type != .keyResult }

    static func noWork(_ input: CheckInput) -> [Finding] {
        var activeWork = [Int](repeating: 0, count: input.items.count)
        for index in bottomUp(input.portfolio) {
            for child in input.portfolio.children[index] where !input.results[child].status.isInactive {
                activeWork[index] += activeWork[child] + (isWork(input.items[child]) ? 1 : 0)
            }
        }
        return input.items.indices.filter { index in
            let type = input.items[index].type
            return (type == .objective || type == .keyResult) && !input.results[index].status.isInactive && activeWork[index] == 0
        }.map { input.finding(.noWork, $0, nil, "\(input.items[$0].type == .objective ? "objective" : "key result") has no active work beneath it") }
    }

    static func noKPI(_ input: CheckInput) -> [Finding] {
        var measured = [Bool](repeating: false, count: input.items.count)
        for index in bottomUp(input.portfolio) {
            if input.items[index].type == .keyResult || input.items[index].hasKPI { measured[index] = true }
            if measured[index], let up = input.portfolio.parent[index] { measured[up] = true }
        }
        return input.items.indices.filter { input.items[$0].type == .objective && !measured[$0] && !input.results[$0].status.isInactive }
            .map { input.finding(.noKPI, $0, nil, "objective has no key result or KPI beneath it") }
    }

    static func overdue(_ input: CheckInput) -> [Finding] {
        input.items.indices.compactMap { index in
            guard input.isOpen(index), let due = input.items[index].due, due < input.settings.asOf else { return nil }
            return input.finding(.overdue, index, .due, "overdue \(Derivation.days(input.settings.asOf.days(since: due))) (due \(due.iso))")
        }
    }

    static func forecastSlip(_ input: CheckInput) -> [Finding] {
        input.items.indices.compactMap { index in
            let item = input.items[index]
            guard input.isOpen(index), let due = item.due, let forecast = item.forecast, forecast > due else { return nil }
            return input.finding(.forecastSlip, index, .forecast, "forecast \(forecast.iso) is \(Derivation.days(forecast.days(since: due))) after due \(due.iso)")
        }
    }

    static func lateStart(_ input: CheckInput) -> [Finding] {
        input.items.indices.compactMap { index in
            let item = input.items[index]
            guard input.isOpen(index), input.portfolio.children[index].isEmpty, let start = item.start else { return nil }
            let late = input.settings.asOf.days(since: start)
            guard item.isNotStarted, late > input.settings.lateStartGraceDays else { return nil }
            return input.finding(.lateStart, index, .start, "not started \(Derivation.days(late)) after its start (\(start.iso))")
        }
    }

    static func behindPace(_ input: CheckInput) -> [Finding] {
        input.items.indices.compactMap { index in
            let item = input.items[index]
            let asOf = input.settings.asOf
            // A leaf with progress typed on its row, as the rollup's own pace rule reads it; a parent's pace is its children's.
            guard input.isOpen(index), input.portfolio.children[index].allSatisfy({ input.results[$0].status.isInactive }), let start = item.start, let due = item.due, due > start, asOf > start, asOf <= due,
                  let progress = item.progress else { return nil }
            let elapsed = Double(asOf.days(since: start)) * 100 / Double(due.days(since: start))
            guard progress + input.settings.paceMargin < elapsed else { return nil }
            return input.finding(.behindPace, index, .progress,
                                 "progress \(CellNormalizer.formatPercent(progress)) trails \(CellNormalizer.formatPercent(elapsed.rounded())) of the time from \(start.iso) to \(due.iso)")
        }
    }

    static func stale(_ input: CheckInput) -> [Finding] {
        input.items.indices.compactMap { index in
            guard input.isOpen(index), let updated = input.items[index].updated else { return nil }
            let age = input.settings.asOf.days(since: updated)
            guard age > input.settings.staleDays else { return nil }
            return input.finding(.stale, index, .updated, "last updated \(Derivation.days(age)) ago (\(updated.iso)); the limit is \(input.settings.staleDays)")
        }
    }

    /// Derived blocked, or typed blocked and still open whatever else its status says (an overdue item someone marked
    /// blocked, a parent whose children look fine): who needs unblocking is the point of the finding.
    static func blocked(_ input: CheckInput) -> [Finding] {
        input.items.indices.compactMap { index in
            if input.results[index].status == .blocked, case .dependency(let blocker) = input.results[index].cause {
                let status = input.results[blocker].status.rawValue
                return input.finding(.blocked, index, .dependsOn, "waits for \(input.items[blocker].label), which is \(status)")
            }
            if input.items[index].typedStatus == .blocked && input.isOpen(index) {
                return input.finding(.blocked, index, .status, "typed blocked")
            }
            guard input.results[index].status == .blocked else { return nil }
            // Blocked through its children (the worst child's status, under --rule worst).
            return input.finding(.blocked, index, nil, "blocked beneath: \(input.derivation.reason(index))")
        }
    }

    static func dependencyLate(_ input: CheckInput) -> [Finding] {
        var findings: [Finding] = []
        let asOf = input.settings.asOf
        for index in input.items.indices where input.isOpen(index) {
            let item = input.items[index]
            for dependency in input.portfolio.dependencies[index] where input.isOpen(dependency) {
                let other = input.items[dependency]
                let finish = other.forecast.map { ("forecast for", $0) } ?? other.due.map { ("due", $0) }
                // Late: past its due date, whatever its forecast says, else past its forecast.
                let late = other.due.flatMap { $0 < asOf ? ("due", $0) : nil } ?? finish.flatMap { $0.1 < asOf ? $0 : nil }
                if let (word, date) = late {
                    findings.append(input.finding(.dependencyLate, index, .dependsOn, "waits for \(other.label), which was \(word) \(date.iso) and is not done"))
                } else if let mine = item.due, let (word, theirs) = finish, theirs > mine {
                    findings.append(input.finding(.dependencyLate, index, .dependsOn, "waits for \(other.label), \(word) \(theirs.iso), after this item's own due date \(mine.iso)"))
                }
            }
        }
        return findings
    }

    static func crossTeamDependency(_ input: CheckInput) -> [Finding] {
        var findings: [Finding] = []
        for index in input.items.indices where input.isOpen(index) {
            let team = Conventions.wordKey(input.items[index].team)
            for dependency in input.portfolio.dependencies[index] {
                let other = input.items[dependency]
                if !team.isEmpty, !other.team.isEmpty, Conventions.wordKey(other.team) != team {
                    findings.append(input.finding(.crossTeamDependency, index, .dependsOn, "waits for \(other.label), owned by \(other.team)"))
                }
            }
        }
        return findings
    }

    static func doneButOpen(_ input: CheckInput) -> [Finding] {
        input.items.indices.compactMap { index in
            let item = input.items[index]
            guard item.typedStatus == .done else { return nil }
            if let progress = item.progress, progress < 100 {
                return input.finding(.doneButOpen, index, .progress, "typed done at \(CellNormalizer.formatPercent(progress)) complete")
            }
            let open = input.portfolio.children[index].filter(input.isOpen)
            guard !open.isEmpty else { return nil }
            let names = open.prefix(5).map { input.items[$0].label }.joined(separator: ", ")
            return input.finding(.doneButOpen, index, .status, "typed done, but \(open.count) item\(open.count == 1 ? "" : "s") beneath it \(open.count == 1 ? "is" : "are") open: \(names)\(open.count > 5 ? ", …" : "")")
        }
    }

    static func abandonedWithoutReason(_ input: CheckInput) -> [Finding] {
        input.items.indices.filter { input.items[$0].typedStatus == .cancelled && !input.items[$0].hasNotes }.map {
            input.finding(.abandonedWithoutReason, $0, .notes, "cancelled with no note saying why")
        }
    }

    static func watermelon(_ input: CheckInput) -> [Finding] {
        input.items.indices.compactMap { index in
            // A dashboard colour better than the truth: typed not-started, on-track or at-risk; typed blocked already says "stuck".
            guard let typed = input.items[index].typedStatus, (1...Status.atRisk.severity).contains(typed.severity) else { return nil }
            let derived = input.results[index]
            guard derived.status.isTrouble, derived.status.severity > typed.severity else { return nil }
            return input.finding(.watermelon, index, .status, "typed \(typed.rawValue), derived \(derived.status.rawValue): \(input.derivation.reason(index))")
        }
    }

    static func kpiOffTarget(_ input: CheckInput) -> [Finding] {
        input.items.indices.compactMap { index in
            guard input.items[index].hasKPI, let impact = input.results[index].impact, impact.isTrouble,
                  case .fact(let fact)? = input.results[index].impactCause else { return nil }
            return input.finding(.kpiOffTarget, index, .actual, "KPI \(impact.rawValue): \(input.derivation.describe(fact, of: index))")
        }
    }
}
