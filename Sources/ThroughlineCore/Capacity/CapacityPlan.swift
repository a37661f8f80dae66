/// Capacity per person and period: available against allocated, with what the allocations serve.
public struct CapacityPlan: Sendable {
    /// One person's standing in one period, in FTE.
    public struct Cell: Sendable, Equatable {
        /// Available FTE.
        public var available: Double
        /// Allocated FTE.
        public var allocated: Double
        /// Allocated over available (0 when nothing is available).
        public var utilisation: Double { available > 0 ? allocated / available : (allocated > 0 ? .infinity : 0) }
    }

    /// The sheet it was read from.
    public let sheet: CapacitySheet
    /// Every period, in order.
    public let periods: [Period]
    /// Every person, in the order the sheet names them.
    public let people: [String]
    /// Each person's team.
    public let teams: [String: String]
    /// Person to period to cell.
    public let cells: [String: [Period: Cell]]
    /// Where each person first appears.
    public let firstLocation: [String: SourceLocation]
    /// Where each person's allocation for a period is first read (its column as the sheet names it).
    private let cellLocation: [String: [Period: SourceLocation]]
    private let byKey: [String: String]

    /// Adds up a capacity sheet. Availability comes from the sheet's available column, else the people sheet's FTE, else 1.0.
    public init(sheet: CapacitySheet, people directory: PeopleDirectory) {
        self.sheet = sheet
        var order: [String] = []
        var teams: [String: String] = [:]
        var cells: [String: [Period: Cell]] = [:]
        var stated: [String: [Period: Double]] = [:]
        var first: [String: SourceLocation] = [:]
        var cellLocation: [String: [Period: SourceLocation]] = [:]
        for allocation in sheet.allocations {
            if cellLocation[allocation.person]?[allocation.period] == nil { cellLocation[allocation.person, default: [:]][allocation.period] = allocation.location }
            if cells[allocation.person] == nil { order.append(allocation.person); first[allocation.person] = allocation.location }
            if teams[allocation.person, default: ""].isEmpty { teams[allocation.person] = allocation.team }
            cells[allocation.person, default: [:]][allocation.period, default: Cell(available: 0, allocated: 0)].allocated += allocation.allocated
            // Availability repeats on each of a person's rows for a period: it is the person's, not the row's, so take it once.
            if let available = allocation.available { stated[allocation.person, default: [:]][allocation.period] = max(stated[allocation.person]?[allocation.period] ?? 0, available) }
        }
        for person in order {
            let fte = directory.person(matching: person)?.fte ?? 1.0
            for period in cells[person]!.keys { cells[person]![period]!.available = stated[person]?[period] ?? fte }
        }
        periods = Array(Set(sheet.allocations.map(\.period))).sorted()
        people = order
        self.teams = teams
        self.cells = cells
        firstLocation = first
        self.cellLocation = cellLocation
        byKey = Dictionary(order.map { (Conventions.wordKey($0), $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The plan's spelling of a person typed as an owner, when the plan has them.
    public func person(named owner: String) -> String? { byKey[Conventions.wordKey(owner)] }

    /// The worst period in which `owner` is over-allocated between two dates, with the utilisation.
    public func overAllocation(of owner: String, from: CalendarDate, to: CalendarDate) -> (period: Period, utilisation: Double)? {
        guard let person = person(named: owner), let row = cells[person] else { return nil }
        var worst: (Period, Double)?
        for (period, cell) in row where period.end >= from && period.start <= to && cell.utilisation > 1.000_001 {
            if worst == nil || cell.utilisation > worst!.1 || (cell.utilisation == worst!.1 && period < worst!.0) { worst = (period, cell.utilisation) }
        }
        return worst
    }

    /// `over-allocated` and `under-allocated` findings, one per person.
    public func findings(underAllocatedAt: Double) -> [Finding] {
        var findings: [Finding] = []
        for person in people {
            let row = periods.compactMap { period in cells[person]?[period].map { (period, $0) } }
            let over = row.filter { $0.1.utilisation > 1.000_001 }
            let location = firstLocation[person] ?? SourceLocation(file: sheet.file)
            if !over.isEmpty {
                let where_ = cellLocation[person]?[over[0].0] ?? location
                let capacity = Derivation.format(over[0].1.available)
                findings.append(Finding(.overAllocated, at: where_, owner: person,
                                        message: "\(person) is allocated \(Self.runs(over)) (capacity \(capacity) FTE)"))
            } else if let peak = row.map({ $0.1.utilisation }).max(), peak <= underAllocatedAt {
                findings.append(Finding(.underAllocated, at: location, owner: person,
                                        message: "\(person) is allocated at most \(Self.percent(peak)) in \(row.count == 1 ? row[0].0.label : "\(row.first!.0.label) to \(row.last!.0.label)")"))
            }
        }
        return findings
    }

    /// "130% in 2026-10 to 2026-12; 105% in 2027-01": runs of periods with the same utilisation.
    static func runs(_ cells: [(Period, Cell)]) -> String {
        var parts: [String] = []
        var start = 0
        for index in cells.indices {
            let last = index == cells.count - 1 || percent(cells[index + 1].1.utilisation) != percent(cells[index].1.utilisation)
            guard last else { continue }
            let range = start == index ? cells[index].0.label : "\(cells[start].0.label) to \(cells[index].0.label)"
            parts.append("\(percent(cells[index].1.utilisation)) in \(range)")
            start = index + 1
        }
        return parts.joined(separator: "; ")
    }

    static func percent(_ share: Double) -> String {
        share.isInfinite ? "over 0 available" : CellNormalizer.formatPercent((share * 1000).rounded() / 10)
    }
}

/// Where capacity goes: the share allocated to each objective, and to work that serves none.
public struct CapacityAlignment: Sendable {
    /// One objective's share.
    public struct Share: Sendable {
        public let id: String
        public let title: String
        /// FTE-days allocated to work beneath it.
        public let allocated: Double
        /// Its share of all allocated capacity.
        public let share: Double
    }

    /// Objectives in sheet order, with the capacity that goes to them.
    public let objectives: [Share]
    /// Capacity that goes to no objective (buckets such as BAU, items not in the tracker, work that serves none), by what it went to.
    public let unaligned: [(item: String, allocated: Double)]
    /// The share of all capacity that serves no objective.
    public let unalignedShare: Double
    /// All allocated capacity, in FTE-days.
    public let total: Double

    /// Traces each allocation's item through the tracker to the objective it serves.
    public init(plan: CapacityPlan, derivation: Derivation, daysPerMonth: Double) {
        let portfolio = derivation.portfolio
        let items = portfolio.items
        var byID: [String: Int] = [:], byTitle: [String: Int] = [:]
        for (index, item) in items.enumerated() {
            if !item.id.isEmpty && byID[item.id.lowercased()] == nil { byID[item.id.lowercased()] = index }
            let key = Conventions.wordKey(item.title)
            if !key.isEmpty && byTitle[key] == nil { byTitle[key] = index }
        }
        func objective(of start: Int) -> Int? {
            var current: Int? = start
            var steps = 0
            while let node = current, steps <= items.count {
                if items[node].type == .objective { return node }
                if let served = portfolio.objective[node], items[served].type == .objective { return served }
                current = portfolio.parent[node]
                steps += 1
            }
            return nil
        }
        var perObjective: [Int: Double] = [:]
        var loose: [String: Double] = [:]
        var looseOrder: [String] = []
        var total = 0.0
        for allocation in plan.sheet.allocations where allocation.allocated > 0 {
            let amount = allocation.allocated * allocation.period.workingDays(daysPerMonth: daysPerMonth)
            total += amount
            let found = byID[allocation.item.lowercased()] ?? byTitle[Conventions.wordKey(allocation.item)]
            if let found, let served = objective(of: found) {
                perObjective[served, default: 0] += amount
            } else {
                let name = allocation.item.isEmpty ? "(no item)" : allocation.item
                if loose[name] == nil { looseOrder.append(name) }
                loose[name, default: 0] += amount
            }
        }
        self.total = total
        objectives = items.indices.filter { items[$0].type == .objective }.map { index in
            let amount = perObjective[index] ?? 0
            return Share(id: items[index].id, title: items[index].title, allocated: amount, share: total > 0 ? amount / total : 0)
        }
        unaligned = looseOrder.map { ($0, loose[$0]!) }
        unalignedShare = total > 0 ? loose.values.reduce(0, +) / total : 0
    }
}
