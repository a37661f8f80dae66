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
        // Codes are shared objects: their place in the catalogue is found by identity, not by hashing their names.
        let rank = Dictionary(uniqueKeysWithValues: FindingCode.all.enumerated().map { (ObjectIdentifier($1), UInt64($0)) })
        var names = Set<String>()
        var previous: String?
        for finding in all where finding.location.file != previous {
            names.insert(finding.location.file)
            previous = finding.location.file
        }
        let fileRank = Dictionary(uniqueKeysWithValues: names.sorted().enumerated().map { ($1, UInt64($0)) })
        // One 64-bit key per finding (file, line, catalogue place), and its offset, which keeps equal keys in the order found.
        var keys: [(key: UInt64, offset: UInt32)] = []
        keys.reserveCapacity(all.count)
        var lastFile = "", lastFileRank: UInt64 = 0
        for (offset, finding) in all.enumerated() {
            if offset == 0 || finding.location.file != lastFile {
                lastFile = finding.location.file
                lastFileRank = fileRank[lastFile]!
            }
            let line = UInt64(UInt32(clamping: finding.location.line ?? 0))
            keys.append((lastFileRank << 40 | line << 8 | min(255, rank[ObjectIdentifier(finding.code)] ?? 0), UInt32(offset)))
        }
        keys.sort { $0.key != $1.key ? $0.key < $1.key : $0.offset < $1.offset }
        // Move the findings into that order in place, one cycle of the permutation at a time: no second array of them.
        var placed = [Bool](repeating: false, count: all.count)
        for start in all.indices where !placed[start] {
            let held = all[start]
            var position = start
            while true {
                placed[position] = true
                let source = Int(keys[position].offset)
                if source == start { all[position] = held; break }
                all[position] = all[source]
                position = source
            }
        }
        return all
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
