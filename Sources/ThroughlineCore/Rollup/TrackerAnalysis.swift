/// A tracker read, resolved and derived: everything `rollup` and `check` report.
public struct TrackerAnalysis: Sendable {
    /// The derived portfolio.
    public let derivation: Derivation
    /// Findings from reading the cells and resolving references (data problems), before any check runs.
    public let dataFindings: [Finding]
    /// The capacity plan, when one was given.
    public let capacity: CapacityPlan?
    private let owners: OwnerClassifier
    private let headerNames: [String: [Field: String]]
    private let underAllocatedAt: Double

    /// Reads, resolves and derives a loaded tracker; the checks run only when `findings()` is asked for.
    public init(_ loaded: LoadedTracker, settings: RollupSettings, people: PeopleDirectory, conventions: Conventions,
                capacity: CapacityPlan? = nil, underAllocatedAt: Double = 0.75) {
        let portfolio = Portfolio(items: loaded.items)
        derivation = Derivation(portfolio: portfolio, settings: settings, capacity: capacity)
        self.capacity = capacity
        self.underAllocatedAt = underAllocatedAt
        owners = OwnerClassifier(owners: loaded.owners, teams: loaded.teams, people: people, conventions: conventions)
        headerNames = loaded.headerNames
        // References are found by field; name the column as the sheet does ("Belongs To", not "parent").
        let located = portfolio.findings.map { finding -> Finding in
            var finding = finding
            if let column = finding.location.column, let field = Field(rawValue: column), let header = loaded.headerNames[finding.location.file]?[field] {
                finding.location.column = header
            }
            return finding
        }
        dataFindings = loaded.findings + located
    }

    /// Calls `body` with every finding, check by check, without keeping them: for callers that need only part of each.
    public func forEachFinding(_ body: (Finding) -> Void) {
        dataFindings.forEach(body)
        let input = CheckInput(derivation: derivation, owners: owners, headerNames: headerNames)
        // Implicit objectives have no row to fix (line 0): what the checks say of them is left out.
        for check in Check.all { check.run(input).forEach { if $0.location.line != 0 { body($0) } } }
        capacityFindings().forEach(body)
    }

    /// The objectives taken from the objective column of a sheet with no objective rows.
    public var implicitObjectives: [String] { derivation.portfolio.items.filter(\.isImplicit).map(\.title) }

    /// The capacity findings alone: the capacity sheet's cells, over- and under-allocation, unstaffed owners.
    public func capacityFindings() -> [Finding] {
        guard let capacity else { return [] }
        return capacity.sheet.findings + capacity.findings(underAllocatedAt: underAllocatedAt) + unstaffed(capacity)
    }

    /// Every finding: cells, references, then the checks; in file and line order, then in catalogue order.
    public func findings() -> [Finding] {
        var all: [Finding] = []
        forEachFinding { all.append($0) }
        let rank = Dictionary(uniqueKeysWithValues: FindingCode.all.enumerated().map { ($1.name, $0) })
        // Sort keys are computed once, not per comparison.
        let files = Dictionary(Set(all.map(\.location.file)).sorted().enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let keys = all.enumerated().map { offset, finding in
            (file: files[finding.location.file]!, line: finding.location.line ?? 0, rank: rank[finding.code.name] ?? 0, offset: offset)
        }
        return keys.sorted { ($0.file, $0.line, $0.rank, $0.offset) < ($1.file, $1.line, $1.rank, $1.offset) }.map { all[$0.offset] }
    }

    /// `unstaffed`: each person who owns open work but has no capacity in the plan, found at their first open item.
    func unstaffed(_ capacity: CapacityPlan) -> [Finding] {
        let items = derivation.portfolio.items
        var firstItem: [String: Int] = [:]
        var count: [String: Int] = [:]
        var order: [String] = []
        for (index, item) in items.enumerated() {
            let status = derivation.results[index].status
            guard status != .done, !status.isInactive, owners.classify(item.owner) == .person, capacity.person(named: item.owner) == nil else { continue }
            let key = Conventions.wordKey(item.owner)
            if firstItem[key] == nil { firstItem[key] = index; order.append(key) }
            count[key, default: 0] += 1
        }
        return order.map { key in
            let item = items[firstItem[key]!]
            let column = headerNames[item.file]?[.owner] ?? Field.owner.rawValue
            return Finding(.unstaffed, at: SourceLocation(file: item.file, line: item.line, column: column), id: item.id, owner: item.owner,
                           message: "\(item.owner) owns \(count[key]!) open item\(count[key]! == 1 ? "" : "s") but has no capacity in \(capacity.sheet.file)")
        }
    }
}
