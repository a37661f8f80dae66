/// A fact about an item itself that decided its status; kept as values and put into words only when shown.
public enum Fact: Equatable, Sendable {
    /// Typed cancelled, on hold, blocked or another status no rule overrode.
    case typed(Status)
    /// Typed done.
    case done
    /// Progress at 100%.
    case complete
    /// No status typed and no rule fired.
    case noStatus
    /// A status typed that maps to no canonical status, and no rule fired.
    case statusNotUnderstood
    /// Past its due date.
    case overdue(days: Int, due: CalendarDate)
    /// Forecast later than due.
    case slip(forecast: CalendarDate, due: CalendarDate)
    /// Not started a while after its start.
    case lateStart(days: Int, start: CalendarDate)
    /// Progress trailing the time elapsed.
    case behindPace(progress: Double, elapsed: Double)
    /// The owner is over-allocated in a period the work still needs (boxed: it is rare, and would otherwise widen every fact).
    case ownerOverAllocated(OverAllocation)
    /// How the children stand (for a parent that is on track or done).
    case children
    /// A sentence, for KPI facts.
    case text(String)
}

/// Who is over-allocated, when, and by how much.
public final class OverAllocation: Equatable, Sendable {
    /// The person, as the capacity plan spells them.
    public let person: String
    /// The period's label.
    public let period: String
    /// Allocated over available.
    public let utilisation: Double

    /// Creates a note.
    public init(person: String, period: String, utilisation: Double) {
        self.person = person
        self.period = period
        self.utilisation = utilisation
    }

    public static func == (lhs: OverAllocation, rhs: OverAllocation) -> Bool {
        (lhs.person, lhs.period, lhs.utilisation) == (rhs.person, rhs.period, rhs.utilisation)
    }
}

/// Why an item has its derived status: a fact about itself, or the child or dependency that decided it.
public enum Cause: Equatable, Sendable {
    /// A fact about the item itself, such as "overdue 6 days (due 2026-11-12)".
    case fact(Fact)
    /// The child whose status decided the parent's.
    case child(Int)
    /// The dependency that blocks it.
    case dependency(Int)
}

/// An item's derived delivery status, progress and KPI impact, each with its cause.
public struct Derived: Equatable, Sendable {
    /// The delivery status derived from the work.
    public var status: Status
    /// Why.
    public var cause: Cause
    /// Percent complete, derived (the weighted mean of the children for a parent).
    public var progress: Double?
    /// The KPI impact status, kept apart from delivery; nil when there are no KPI values beneath.
    public var impact: Status?
    /// Why the impact status is what it is.
    public var impactCause: Cause?
}

/// Every item's derived result in 16 bytes (a `Derived` takes 72): `results[i]` is one `Derived`. A fact is stored as
/// its kind alone and told again from the item's own cells when asked for (an overdue fact is the item's due date and
/// the as-of date); the few facts that are not (an over-allocation, a KPI's sentence) and impact causes are kept apart.
public struct DerivedResults: RandomAccessCollection, Sendable {
    private struct Stored {
        /// NaN when there is none.
        var progress: Double
        /// The child or dependency of the cause, or the place of a fact kept apart.
        var link: Int32
        var status: Status
        var impact: Status?
        var kind: Kind
    }

    private enum Kind: UInt8 {
        case child, dependency, typed, done, complete, noStatus, statusNotUnderstood, overdue, slip, lateStart, behindPace, kept, children
    }

    private var stored: [Stored]
    private var keptFacts: [Fact] = []
    private var impactCauses: [Int32: Cause] = [:]
    private let items: ItemTable
    private let asOf: CalendarDate

    init(items: ItemTable, asOf: CalendarDate) {
        stored = [Stored](repeating: Stored(progress: .nan, link: 0, status: .onTrack, impact: nil, kind: .noStatus), count: items.count)
        self.items = items
        self.asOf = asOf
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { stored.count }

    public subscript(index: Int) -> Derived {
        let value = stored[index]
        return Derived(status: value.status, cause: cause(index), progress: value.progress.isNaN ? nil : value.progress,
                       impact: value.impact, impactCause: value.impact == nil ? nil : impactCauses[Int32(index)])
    }

    /// The derived status alone.
    func status(_ index: Int) -> Status { stored[index].status }

    /// The derived progress alone.
    func progress(_ index: Int) -> Double? { stored[index].progress.isNaN ? nil : stored[index].progress }

    /// The impact status alone.
    func impact(_ index: Int) -> Status? { stored[index].impact }

    /// The child or dependency the cause names; nil for a fact.
    func link(_ index: Int) -> Int? {
        let value = stored[index]
        return value.kind == .child || value.kind == .dependency ? Int(value.link) : nil
    }

    /// The cause, its fact told again from the item.
    func cause(_ index: Int) -> Cause {
        let value = stored[index]
        switch value.kind {
        case .child: return .child(Int(value.link))
        case .dependency: return .dependency(Int(value.link))
        case .kept: return .fact(keptFacts[Int(value.link)])
        default: return .fact(fact(value.kind, of: items[index]))
        }
    }

    /// A fact of `kind` about `item`, as `Derivation` found it.
    private func fact(_ kind: Kind, of item: Item) -> Fact {
        switch kind {
        case .typed: return .typed(item.typedStatus!)
        case .done: return .done
        case .complete: return .complete
        case .statusNotUnderstood: return .statusNotUnderstood
        case .overdue: return .overdue(days: asOf.days(since: item.due!), due: item.due!)
        case .slip: return .slip(forecast: item.forecast!, due: item.due!)
        case .lateStart: return .lateStart(days: asOf.days(since: item.start!), start: item.start!)
        case .behindPace:
            let (start, due) = (item.start!, item.due!)
            return .behindPace(progress: item.progress!, elapsed: Derivation.elapsedShare(asOf: asOf, start: start, due: due).rounded())
        case .children: return .children
        default: return .noStatus
        }
    }

    mutating func set(_ index: Int, _ result: Derived) {
        var (value, kept) = Self.stored(result)
        if let kept {
            value.link = Int32(keptFacts.count)
            keptFacts.append(kept)
        }
        stored[index] = value
        // Each item is set once, as it is derived: nothing to take out.
        if result.impact != nil, let cause = result.impactCause { impactCauses[Int32(index)] = cause }
        assert(self[index] == result, "a derived fact is not told again as it was found")
    }

    /// Sets every item `derive` has a result for (nil for one that must wait), from `sharedFrom` items on in two halves
    /// at once: `derive` must only read what it shares. Returns whether each item was set.
    mutating func setEach(sharedFrom: Int, _ derive: (Int) -> Derived?) -> [Bool] {
        var set = [Bool](repeating: false, count: stored.count)
        // Each half writes its own items' places; the few facts kept apart and the impact causes are joined after.
        let halves = stored.withUnsafeMutableBufferPointer { stored in
            set.withUnsafeMutableBufferPointer { set in
                inHalves(stored.count, minimum: sharedFrom) { range -> (kept: [(Int, Fact)], impacts: [(Int32, Cause)]) in
                    var kept: [(Int, Fact)] = [], impacts: [(Int32, Cause)] = []
                    for index in range {
                        guard let result = derive(index) else { continue }
                        let (value, fact) = Self.stored(result)
                        stored[index] = value
                        set[index] = true
                        if let fact { kept.append((index, fact)) }
                        if result.impact != nil, let cause = result.impactCause { impacts.append((Int32(index), cause)) }
                    }
                    return (kept, impacts)
                }
            }
        }
        for half in halves {
            for (index, fact) in half.kept {
                stored[index].link = Int32(keptFacts.count)
                keptFacts.append(fact)
            }
            for (index, cause) in half.impacts { impactCauses[index] = cause }
        }
        return set
    }

    /// A result as stored, and the fact to keep apart when its kind cannot be told again from the item (the stored
    /// link is then to be the fact's place).
    private static func stored(_ result: Derived) -> (Stored, kept: Fact?) {
        var kind = Kind.kept
        var link: Int32 = 0
        var kept: Fact?
        switch result.cause {
        case .child(let child): (kind, link) = (.child, Int32(child))
        case .dependency(let dependency): (kind, link) = (.dependency, Int32(dependency))
        case .fact(let fact):
            switch fact {
            case .typed: kind = .typed
            case .done: kind = .done
            case .complete: kind = .complete
            case .noStatus: kind = .noStatus
            case .statusNotUnderstood: kind = .statusNotUnderstood
            case .overdue: kind = .overdue
            case .slip: kind = .slip
            case .lateStart: kind = .lateStart
            case .behindPace: kind = .behindPace
            case .children: kind = .children
            case .ownerOverAllocated, .text: kept = fact
            }
        }
        return (Stored(progress: result.progress ?? .nan, link: link, status: result.status, impact: result.impact, kind: kind), kept)
    }
}

/// Derives every item's status from the work beneath it (SPEC 4). Pure: the same portfolio and settings give the same answer.
public struct Derivation: Sendable {
    /// The portfolio derived.
    public let portfolio: Portfolio
    /// The settings used.
    public let settings: RollupSettings
    /// One result per item, in sheet order.
    public let results: DerivedResults
    /// For each item, the item at the end of its reason chain, and how many links the chain has (so chains are never walked twice).
    private let chainEnd: [ChainEnd]

    struct ChainEnd {
        var root: Int32
        var links: Int32
    }

    /// The results known so far while deriving: one array filled in evaluation order, without an optional per item.
    struct Known {
        var results: DerivedResults
        var evaluated: [Bool]
        /// Each item's reason chain's end, found as it is derived (a cause points to an item derived before it).
        var ends: [ChainEnd]
        /// Whether any item gives its progress: where none does, progress is not known rather than 0%.
        let sheetHasProgress: Bool

        /// The severity of the status at the end of the item's reason chain.
        func rootSeverity(_ index: Int) -> Int { results.status(Int(ends[index].root)).severity }

        /// The derived status, once known.
        func status(_ index: Int) -> Status? { evaluated[index] ? results.status(index) : nil }
    }

    /// Derives all items: children and dependencies before the items that rest on them, without recursion. With a capacity
    /// plan, work whose owner is over-allocated in its remaining periods is at risk.
    public init(portfolio: Portfolio, settings: RollupSettings, capacity: CapacityPlan? = nil) {
        self.init(portfolio: portfolio, settings: settings, capacity: capacity, sharedFrom: 5_000)
    }

    /// Derives all items; a wave (`Waves`) of at least `sharedFrom` items is derived in two halves at once.
    init(portfolio: Portfolio, settings: RollupSettings, capacity: CapacityPlan?, sharedFrom: Int) {
        self.portfolio = portfolio
        self.settings = settings
        let count = portfolio.items.count
        // The waves and the order first: what the order needs while it is found is let go before the results are made.
        let waves = Waves(portfolio)
        let order = Self.evaluationOrder(portfolio, after: waves.wave, settings)
        let sheetHasProgress = portfolio.items.contains { $0.progress != nil }
        var known = Known(results: DerivedResults(items: portfolio.items, asOf: settings.asOf), evaluated: [],
                          ends: [ChainEnd](repeating: ChainEnd(root: -1, links: 0), count: count), sheetHasProgress: sheetHasProgress)
        // Wave one, decided by each item's own cells alone, is set in place; each item is its own chain's end.
        known.evaluated = known.results.setEach(sharedFrom: sharedFrom) { index in
            waves.wave[index] == 1 ? Self.deriveAlone(index, portfolio, settings, capacity, sheetHasProgress: sheetHasProgress) : nil
        }
        for index in 0..<count where known.evaluated[index] { known.ends[index] = ChainEnd(root: Int32(index), links: 1) }
        // Each later wave reads only the waves before it while it is derived, then is set; the rest goes in order.
        // (In parts, so that the results waiting to be set stay few.)
        let partSize = 16_384
        for members in waves.later {
            for part in stride(from: 0, to: members.count, by: partSize) {
                let halves = Self.derive(members[part..<min(part + partSize, members.count)], portfolio, settings, capacity, known, sharedFrom: sharedFrom)
                for half in halves {
                    for (index, result) in zip(half.members, half.results) { Self.set(Int(index), result, &known) }
                }
            }
        }
        for position in order { Self.set(Int(position), Self.derive(Int(position), portfolio, settings, capacity, known), &known) }
        results = known.results
        chainEnd = known.ends
    }

    /// Records an item's result and its reason chain's end: the cause's, one link further (causes point to items
    /// derived before), or the item itself for a fact.
    private static func set(_ index: Int, _ result: Derived, _ known: inout Known) {
        known.results.set(index, result)
        known.evaluated[index] = true
        if let next = known.results.link(index), known.ends[next].root >= 0 {
            known.ends[index] = ChainEnd(root: known.ends[next].root, links: known.ends[next].links + 1)
        } else {
            known.ends[index] = ChainEnd(root: Int32(index), links: 1)
        }
    }

    /// The items that can be derived many at once, wave after wave: wave 1 rests on nothing (no children, no
    /// dependencies: most rows of a large sheet, decided by their own cells); each later wave has all its children
    /// and dependencies in the waves before it (the level above the leaves, and so on up). An item on a circle of
    /// waiting, or above one, is in no wave (0), nor is one the waves stop short of: `evaluationOrder` takes those.
    struct Waves {
        /// Each item's wave, 0 for none.
        let wave: [UInt8]
        /// The members of waves 2, 3 and on, each in sheet order.
        let later: [[Int32]]

        init(_ portfolio: Portfolio) {
            let count = portfolio.items.count
            var wave = [UInt8](repeating: 0, count: count)
            var left: [Int32] = []
            for index in 0..<count {
                if portfolio.children[index].isEmpty && portfolio.dependencies[index].isEmpty { wave[index] = 1 } else { left.append(Int32(index)) }
            }
            var later: [[Int32]] = []
            // Each wave is a pass over the items left. A sheet of long chains (one link a wave) would make that a pass
            // per link: the waves end once they have looked at three times the items, or at a wave that takes few of
            // those left, and `evaluationOrder` takes the rest, as it would take every item.
            var looked = 0
            while !left.isEmpty && later.count < 250 && looked + left.count <= 3 * count {
                looked += left.count
                let number = UInt8(later.count + 2)
                var members: [Int32] = [], still: [Int32] = []
                for position in left {
                    let index = Int(position)
                    if Self.all(portfolio.children[index], before: number, wave) && Self.all(portfolio.dependencies[index], before: number, wave) {
                        wave[index] = number
                        members.append(position)
                    } else {
                        still.append(position)
                    }
                }
                guard !members.isEmpty else { break }
                later.append(members)
                if members.count * 64 < still.count { break }
                left = still
            }
            self.wave = wave
            self.later = later
        }

        /// Whether every item of `list` is in a wave before `number`.
        private static func all(_ list: IndexList, before number: UInt8, _ wave: [UInt8]) -> Bool {
            for other in list where wave[other] == 0 || wave[other] >= number { return false }
            return true
        }
    }

    /// The results of `members` of one wave, in two halves at once from `sharedFrom` members on: `known` holds the
    /// waves before, all they read.
    private static func derive(_ members: ArraySlice<Int32>, _ portfolio: Portfolio, _ settings: RollupSettings, _ capacity: CapacityPlan?,
                               _ known: Known, sharedFrom: Int) -> [(members: ArraySlice<Int32>, results: [Derived])] {
        inHalves(members.count, minimum: sharedFrom) { range in
            let part = members[members.startIndex + range.lowerBound ..< members.startIndex + range.upperBound]
            return (part, part.map { derive(Int($0), portfolio, settings, capacity, known) })
        }
    }

    /// The items of no wave (`waves` 0), children and dependencies first (Kahn's algorithm on both kinds of edge);
    /// the waves' items count as derived already. When only items waiting on a circle are left, one whose children
    /// are all derived goes next (`ChildrenDone`), judged with the dependencies known so far: a circle never keeps a
    /// parent from its children (the hierarchy itself has no circles left).
    static func evaluationOrder(_ portfolio: Portfolio, after waves: [UInt8], _ settings: RollupSettings) -> [Int32] {
        let count = portfolio.items.count
        // Who waits on each item, as one flat list cut into runs (a list per item would be a million small arrays);
        // a parent is stored as its index, an item waiting through a dependency as the complement of its index.
        var waitingChildren = [Int32](repeating: 0, count: count)
        var waitingDependencies = [Int32](repeating: 0, count: count)
        var runEnd = [Int32](repeating: 0, count: count + 1)
        var left = 0
        for index in 0..<count where waves[index] == 0 {
            left += 1
            for child in portfolio.children[index] where waves[child] == 0 { waitingChildren[index] += 1; runEnd[child + 1] += 1 }
            for dependency in portfolio.dependencies[index] where waves[dependency] == 0 { waitingDependencies[index] += 1; runEnd[dependency + 1] += 1 }
        }
        for index in 0..<count { runEnd[index + 1] += runEnd[index] }
        var fill = Array(runEnd[0..<count])
        var dependents = [Int32](repeating: 0, count: Int(runEnd[count]))
        for index in 0..<count where waves[index] == 0 {
            for child in portfolio.children[index] where waves[child] == 0 { dependents[Int(fill[child])] = Int32(index); fill[child] += 1 }
            for dependency in portfolio.dependencies[index] where waves[dependency] == 0 { dependents[Int(fill[dependency])] = ~Int32(index); fill[dependency] += 1 }
        }
        var order: [Int32] = []
        order.reserveCapacity(left)
        var ready: [Int32] = []
        // Items whose children are all derived but that still wait on a dependency, to break a circle with.
        // (Kept as plain values, not captured by nested functions: a captured variable is checked for exclusive
        // access on every use, and `done` is used for every item.)
        var childrenDone = ChildrenDone(portfolio, settings)
        var done = waves.map { $0 != 0 }
        for index in 0..<count where waves[index] == 0 && waitingChildren[index] == 0 {
            if waitingDependencies[index] == 0 { ready.append(Int32(index)) } else { childrenDone.add(index) }
        }
        while order.count < left {
            guard let popped = ready.popLast() else {
                // Everything left waits on a circle: break it (`ChildrenDone.firstUndone` says where).
                guard let forced = childrenDone.firstUndone(done) else { break }
                ready.append(Int32(forced))
                continue
            }
            let next = Int(popped)
            guard !done[next] else { continue }
            order.append(popped)
            done[next] = true
            for position in Int(runEnd[next])..<Int(runEnd[next + 1]) {
                let entry = dependents[position]
                let dependent = Int(entry >= 0 ? entry : ~entry)
                if entry >= 0 {
                    waitingChildren[dependent] -= 1
                    if waitingChildren[dependent] == 0 && waitingDependencies[dependent] > 0 { childrenDone.add(dependent) }
                } else {
                    waitingDependencies[dependent] -= 1
                }
                if waitingChildren[dependent] == 0 && waitingDependencies[dependent] == 0 && !done[dependent] { ready.append(Int32(dependent)) }
            }
        }
        // Only a circle in the hierarchy could leave items here, and the portfolio cuts those; kept as a safeguard.
        if order.count < left { order += (0..<count).filter { !done[$0] }.map(Int32.init) }
        return order
    }

    /// Items whose children are all derived but that still wait on a dependency, kept to break a circle of waiting
    /// where it costs least: first an item whose status does not rest on its dependencies at all (so nothing is
    /// judged without what it waits for), on a circle of dependencies before the others; then one that does, on a
    /// circle first. Each in sheet order, whenever it got there, so the outcome depends on the sheet alone.
    struct ChildrenDone {
        private var waiting = [SheetOrder](repeating: SheetOrder(), count: 4)
        private let portfolio: Portfolio
        private let settings: RollupSettings

        init(_ portfolio: Portfolio, _ settings: RollupSettings) {
            self.portfolio = portfolio
            self.settings = settings
        }

        mutating func add(_ index: Int) {
            let free = Derivation.decidedWithoutDependencies(index, portfolio, settings)
            waiting[(free ? 0 : 2) + (portfolio.circled.contains(index) ? 0 : 1)].insert(Int32(index))
        }

        /// The item to go next, taken out: the first not yet done, in the order above.
        mutating func firstUndone(_ done: [Bool]) -> Int? {
            for kind in waiting.indices {
                while let first = waiting[kind].removeFirst() {
                    if !done[Int(first)] { return Int(first) }
                }
            }
            return nil
        }
    }

    /// Whether an item's status is decided without its dependencies: a parent with active work (its children speak
    /// for it), or work done, complete, cancelled, on hold or past due (the rules that come before the dependencies').
    static func decidedWithoutDependencies(_ index: Int, _ portfolio: Portfolio, _ settings: RollupSettings) -> Bool {
        // A parent whose every child is typed cancelled or on hold is judged as a leaf, dependencies and all.
        if portfolio.children[index].contains(where: { portfolio.items[$0].typedStatus?.isInactive != true }) { return true }
        // The leaf rules themselves say (no capacity plan: an over-allocation comes after the dependencies).
        let own = byOwnCells(portfolio.items[index], settings, nil, sheetHasProgress: false)
        return own.status.isInactive || decidedBeforeDependencies(own)
    }

    /// Item indices given back smallest first (a binary heap): any number of circles costs a logarithm each.
    struct SheetOrder {
        private var heap: [Int32] = []

        mutating func insert(_ index: Int32) {
            heap.append(index)
            var child = heap.count - 1
            while child > 0, heap[child] < heap[(child - 1) / 2] {
                heap.swapAt(child, (child - 1) / 2)
                child = (child - 1) / 2
            }
        }

        /// The smallest index, taken out; nil when there is none.
        mutating func removeFirst() -> Int32? {
            guard let first = heap.first else { return nil }
            let last = heap.removeLast()
            guard !heap.isEmpty else { return first }
            heap[0] = last
            var parent = 0
            while true {
                var smallest = parent
                let left = 2 * parent + 1, right = left + 1
                if left < heap.count && heap[left] < heap[smallest] { smallest = left }
                if right < heap.count && heap[right] < heap[smallest] { smallest = right }
                guard smallest != parent else { return first }
                heap.swapAt(parent, smallest)
                parent = smallest
            }
        }
    }

    /// An item with no children and no dependencies (wave 1): its own cells decide, as `derive` would decide them.
    static func deriveAlone(_ index: Int, _ portfolio: Portfolio, _ settings: RollupSettings, _ capacity: CapacityPlan?,
                            sheetHasProgress: Bool) -> Derived {
        var result = byOwnCells(portfolio.items[index], settings, capacity, sheetHasProgress: sheetHasProgress)
        let impact = ownImpact(index, portfolio, settings)
        result.impact = impact?.0
        result.impactCause = impact?.1
        return result
    }

    /// The status an item's own cells give, for one with no active children: typed cancelled or on hold, else the leaf
    /// rules (before any dependency is looked at).
    static func byOwnCells(_ item: Item, _ settings: RollupSettings, _ capacity: CapacityPlan?, sheetHasProgress: Bool) -> Derived {
        if let typed = item.typedStatus, typed.isInactive { return Derived(status: typed, cause: .fact(.typed(typed)), progress: item.progress) }
        return leaf(item, settings, capacity, sheetHasProgress: sheetHasProgress)
    }

    static func derive(_ index: Int, _ portfolio: Portfolio, _ settings: RollupSettings, _ capacity: CapacityPlan?, _ known: Known) -> Derived {
        let item = portfolio.items[index]
        let impact = impactStatus(index, portfolio, settings, known)
        // Typed cancelled or on hold, an item is judged by its own cells, whatever is beneath it.
        // (A closure, not `known.status` itself: that would copy `known` into a box for every item.)
        let active = portfolio.children[index].isEmpty || item.typedStatus?.isInactive == true ? []
            : deliveryChildren(index, portfolio, known.results) { known.status($0) }
        var result: Derived
        if active.isEmpty {
            result = byOwnCells(item, settings, capacity, sheetHasProgress: known.sheetHasProgress)
            // Rule 4 comes after done (2) and overdue (3), and before a slip, a late start or slow progress (5) and the
            // typed status (6): an item typed off-track that waits for late work is blocked, and says what it waits for.
            if !result.status.isInactive, !Self.decidedBeforeDependencies(result), let blocker = blockingDependency(index, portfolio, known) {
                result.status = .blocked
                result.cause = .dependency(blocker)
            }
        } else {
            result = parent(index, active, portfolio, settings, known)
        }
        result.impact = impact?.0
        result.impactCause = impact?.1
        return result
    }

    /// The children that speak for an item's delivery: derived (`status` gives them), not cancelled or on hold, and not
    /// key results that only measure, unless their own dates put them in trouble (past due, a forecast slip) while
    /// their KPI's impact is not on track (neither met nor on pace): a missed deadline is delivery's news, and a parent
    /// on track over it would hide it. (`results` holds the children's causes and impacts.)
    static func deliveryChildren(_ index: Int, _ portfolio: Portfolio, _ results: DerivedResults, status: (Int) -> Status?) -> [Int] {
        portfolio.children[index].filter { child in
            guard let status = status(child), !status.isInactive else { return false }
            guard isMeasureOnly(child, portfolio) else { return true }
            guard status.isTrouble, results.impact(child) != .onTrack else { return false }
            switch results.cause(child) {
            case .fact(.overdue), .fact(.slip): return true
            default: return false
            }
        }
    }

    /// A key result that only measures: KPI values (a baseline, target or actual), no status or progress typed, and
    /// no work beneath it. Its KPI speaks for the impact status, never for delivery (SPEC 4: the two are never
    /// blended), so its parent's delivery status and progress leave it out rather than count it on track at 0%. A key
    /// result typed with a status (an OKR sheet's confidence) still speaks for delivery.
    static func isMeasureOnly(_ index: Int, _ portfolio: Portfolio) -> Bool {
        // The type from the record first: this is asked of every child of every parent.
        guard portfolio.items.record(index).type == ItemType.keyResult.recordCode, portfolio.children[index].isEmpty else { return false }
        let item = portfolio.items[index]
        return item.typedStatus == nil && !item.statusUnread && item.progress == nil
            && (item.target != nil || item.actual != nil || item.baseline != nil)
    }

    /// Whether a leaf's status was decided by a rule that comes before its dependencies: done, overdue. (Typed blocked
    /// and blocked by a dependency are one rule: the dependency, when there is one, says what it waits for.)
    static func decidedBeforeDependencies(_ result: Derived) -> Bool {
        if result.status == .done { return true }
        if case .fact(.overdue) = result.cause { return true }
        return false
    }

    /// The first dependency that is off-track or blocked.
    static func blockingDependency(_ index: Int, _ portfolio: Portfolio, _ known: Known) -> Int? {
        portfolio.dependencies[index].first { dependency in
            guard let status = known.status(dependency) else { return false }
            return status == .offTrack || status == .blocked
        }
    }

    /// SPEC 4's leaf rules, first match wins (cancelled and on-hold are handled before).
    static func leaf(_ item: Item, _ settings: RollupSettings, _ capacity: CapacityPlan?, sheetHasProgress: Bool) -> Derived {
        let asOf = settings.asOf
        // Work with no progress typed counts as not begun, so a rollup never reads fuller than its parts. In a sheet
        // that gives no progress anywhere, progress is not known, done work's included: 0% would be a guess read as a
        // fact, and a parent's mean of its done children alone would read fuller than its parts.
        if item.typedStatus == .done { return Derived(status: .done, cause: .fact(.done), progress: sheetHasProgress ? 100 : nil) }
        if let progress = item.progress, progress >= 100 { return Derived(status: .done, cause: .fact(.complete), progress: 100) }
        let progress = item.progress ?? (sheetHasProgress ? 0 : nil)
        if let due = item.due, due < asOf {
            return Derived(status: .offTrack, cause: .fact(.overdue(days: asOf.days(since: due), due: due)), progress: progress)
        }
        if item.typedStatus == .blocked { return Derived(status: .blocked, cause: .fact(.typed(.blocked)), progress: progress) }
        if let risk = riskFact(item, settings) { return Derived(status: risk.0, cause: .fact(risk.1), progress: progress) }
        if let capacity, !item.owner.isEmpty, item.typedStatus.map({ $0.severity < Status.atRisk.severity }) ?? true {
            // The periods the work still needs: from today (or its start) to its due date, or to the end of the plan.
            let from = max(settings.asOf, item.start ?? settings.asOf)
            let to = item.forecast ?? item.due ?? capacity.periods.last?.end ?? from
            if let over = capacity.overAllocation(of: item.owner, from: from, to: to) {
                let person = capacity.person(named: item.owner) ?? item.owner
                return Derived(status: .atRisk, cause: .fact(.ownerOverAllocated(OverAllocation(person: person, period: over.period.label, utilisation: over.utilisation))), progress: progress)
            }
        }
        if let typed = item.typedStatus { return Derived(status: typed, cause: .fact(.typed(typed)), progress: progress) }
        return Derived(status: .onTrack, cause: .fact(item.statusUnread ? .statusNotUnderstood : .noStatus), progress: progress)
    }

    /// Rule 5: a forecast slip, a late start, or progress behind the time elapsed.
    /// A forecast later than the due date: at-risk, or off-track past the slip share of the planned duration.
    static func forecastSlip(_ item: Item, _ settings: RollupSettings) -> (Status, Fact)? {
        guard let due = item.due, let forecast = item.forecast, forecast > due else { return nil }
        let slip = forecast.days(since: due)
        var status = Status.atRisk
        if let start = item.start, due > start, Double(slip) > settings.slipShare * Double(due.days(since: start)) { status = .offTrack }
        return (status, .slip(forecast: forecast, due: due))
    }

    static func riskFact(_ item: Item, _ settings: RollupSettings) -> (Status, Fact)? {
        let asOf = settings.asOf
        if let slip = forecastSlip(item, settings) { return slip }
        if item.isNotStarted, let start = item.start, asOf.days(since: start) > settings.lateStartGraceDays {
            return (.atRisk, .lateStart(days: asOf.days(since: start), start: start))
        }
        if let progress = item.progress, let start = item.start, let due = item.due, due > start, asOf > start {
            let elapsed = elapsedShare(asOf: asOf, start: start, due: due)
            if progress + settings.paceMargin < elapsed {
                return (.atRisk, .behindPace(progress: progress, elapsed: elapsed.rounded()))
            }
        }
        return nil
    }

    /// The percent of the time from `start` to `due` that has passed by `asOf`, at most 100.
    static func elapsedShare(asOf: CalendarDate, start: CalendarDate, due: CalendarDate) -> Double {
        min(100, Double(asOf.days(since: start)) * 100 / Double(due.days(since: start)))
    }

    /// How a set of members stands together under a rule: the combined status, the member that explains it, the weighted
    /// progress. `rootSeverity` gives, by position, the severity at the end of a member's own reason chain: among
    /// members of equal status, the one over the worse leaf explains (an initiative at risk over an overdue milestone
    /// before one at risk over a slow task).
    public static func combine(_ members: [(status: Status, weight: Double, progress: Double?)], settings: RollupSettings,
                               rootSeverity: (Int) -> Int = { _ in 0 }) -> (status: Status, explaining: Int, progress: Double?) {
        // Children weighing 0 count for nothing, unless all of them do: then each counts the same.
        if !members.isEmpty, !members.contains(where: { $0.weight > 0 }) {
            return combine(members.map { ($0.status, 1, $0.progress) }, settings: settings, rootSeverity: rootSeverity)
        }
        // Loops rather than map and reduce: a parent is combined for every parent of a million-row sheet.
        var total = 0.0
        var progressSum = 0.0, progressWeight = 0.0
        for member in members {
            total += member.weight
            if let progress = member.progress { progressSum += progress * member.weight; progressWeight += member.weight }
        }
        // The member that explains the result: the worst, among equals the one over the worst leaf, then the heaviest,
        // then the first.
        var worst = 0
        for position in members.indices.dropFirst() {
            let (a, b) = (members[position].status.severity, members[worst].status.severity)
            guard a >= b else { continue }
            let (rootA, rootB) = a > b ? (0, 0) : (rootSeverity(position), rootSeverity(worst))
            if a > b || rootA > rootB || (rootA == rootB && members[position].weight > members[worst].weight) { worst = position }
        }
        let worstStatus = members[worst].status
        let share = { (matching: (Status) -> Bool) -> Double in
            var sum = 0.0
            for member in members where matching(member.status) { sum += member.weight }
            return sum / total
        }
        var status: Status
        switch settings.rule {
        case .worst:
            status = worstStatus
        case .escalate:
            if share({ $0 == .offTrack || $0 == .blocked }) > settings.escalateShare {
                status = .offTrack
            } else if worstStatus.isTrouble {
                status = .atRisk
            } else {
                status = worstStatus
            }
        case .average:
            var points = 0.0
            for member in members {
                switch member.status {
                case .done, .onTrack, .notStarted: points += member.weight
                case .atRisk: points += member.weight * 0.5
                default: break
                }
            }
            let score = points / total
            status = score < settings.averageOffTrack ? .offTrack : score < settings.averageAtRisk ? .atRisk : worstStatus.isTrouble ? .onTrack : worstStatus
        }
        // All done, or none started: say so rather than on-track.
        if members.allSatisfy({ $0.status == .done }) {
            status = .done
        } else if status == .done {
            status = .onTrack
        } else if status == .notStarted && !members.allSatisfy({ $0.status == .notStarted }) {
            status = .onTrack
        }
        return (status, worst, progressWeight > 0 ? progressSum / progressWeight : nil)
    }

    /// A parent: its active children combined by the chosen rule.
    static func parent(_ index: Int, _ active: [Int], _ portfolio: Portfolio, _ settings: RollupSettings, _ known: Known) -> Derived {
        // A key result that only measures counts for its status alone: its 0% is no progress of the work.
        let members = active.map { (status: known.results.status($0), weight: portfolio.items.weight($0),
                                    progress: isMeasureOnly($0, portfolio) ? nil : known.results.progress($0)) }
        let combined = combine(members, settings: settings) { known.rootSeverity(active[$0]) }
        // Only the children speak for a parent (SPEC 4): its own dates, progress and dependencies are the leaf rules'.
        // Its own overdue or slipped dates are still findings of their own (`overdue`, `forecast-slip`).
        let cause: Cause = combined.status.isTrouble ? .child(active[combined.explaining]) : .fact(.children)
        return Derived(status: combined.status, cause: cause, progress: combined.progress ?? portfolio.items[index].progress)
    }

    /// "3 of 5 done, 2 on-track": how the children stand.
    static func summary(_ statuses: [Status]) -> String {
        "has \(statuses.count) active \(statuses.count == 1 ? "child" : "children"): " + Status.countText(statuses)
    }

    /// KPI impact: actual against target along the direction, paced from the baseline; a parent takes its children's by the same rule.
    static func impactStatus(_ index: Int, _ portfolio: Portfolio, _ settings: RollupSettings, _ known: Known) -> (Status, Cause)? {
        if let own = ownImpact(index, portfolio, settings) { return own }
        // A parent's impact: its measured children's by the same rule as delivery.
        let measured = portfolio.children[index].filter { known.status($0).map { !$0.isInactive } ?? false && known.results.impact($0) != nil }
        guard !measured.isEmpty else { return nil }
        let members = measured.map { (status: known.results.impact($0)!, weight: portfolio.items.weight($0), progress: Double?.none) }
        let combined = combine(members, settings: settings)
        return (combined.status, .child(measured[combined.explaining]))
    }

    /// The impact of the item's own KPI, when it has both a target and an actual.
    static func ownImpact(_ index: Int, _ portfolio: Portfolio, _ settings: RollupSettings) -> (Status, Cause)? {
        // Most items have no KPI values (no extras): nothing to measure.
        if portfolio.items.record(index).extras < 0 { return nil }
        let item = portfolio.items[index]
        if let target = item.target, let actual = item.actual {
            let direction = item.direction ?? (item.baseline.map { target < $0 ? .down : .up } ?? .up)
            let better = { (a: Double, b: Double) -> Bool in direction == .up ? a >= b : a <= b }
            let values = "actual \(withUnit(actual, item.unit)) vs target \(withUnit(target, item.unit))"
                + (item.baseline.map { " (baseline \(withUnit($0, item.unit)), \(direction == .up ? "higher" : "lower") is better)" } ?? "")
            if better(actual, target) { return (.onTrack, .fact(.text("\(values): target met"))) }
            guard let baseline = item.baseline else { return (.atRisk, .fact(.text("\(values): short of target"))) }
            if !better(actual, baseline) { return (.offTrack, .fact(.text("\(values): worse than baseline"))) }
            // Paced over its own start and due, else over those of the nearest item above it that has both (a key
            // result usually runs over its objective's period); with neither, there is nothing to pace by.
            guard let (start, due, from) = pacingPeriod(index, portfolio) else {
                return (.atRisk, .fact(.text("\(values): short of target (no start and due date to pace it by)")))
            }
            let elapsed = min(1, max(0, Double(settings.asOf.days(since: start)) / Double(due.days(since: start))))
            let expected = baseline + (target - baseline) * elapsed
            let period = from == index ? "" : ", paced over \(portfolio.items[from].label)'s dates"
            if better(actual, expected) { return (.onTrack, .fact(.text("\(values): on pace (expected \(withUnit(expected, item.unit)) by now\(period))"))) }
            return (.atRisk, .fact(.text("\(values): behind pace (expected \(withUnit(expected, item.unit)) by now\(period))")))
        }
        return nil
    }

    /// The start and due a KPI is paced over, and the item they are from: its own, else the nearest ancestor's.
    static func pacingPeriod(_ index: Int, _ portfolio: Portfolio) -> (CalendarDate, CalendarDate, Int)? {
        var current: Int? = index
        var steps = 0
        while let node = current, steps <= portfolio.items.count {
            let item = portfolio.items[node]
            if let start = item.start, let due = item.due, due > start { return (start, due, node) }
            current = portfolio.parent[node]
            steps += 1
        }
        return nil
    }

    static func days(_ count: Int) -> String { count == 1 ? "1 day" : "\(count) days" }

    /// A number without a trailing ".0".
    public static func format(_ value: Double) -> String {
        guard value.isFinite else { return String(value) }
        // Two decimals for ordinary magnitudes, four below one, so 39.0659… reads 39.07 and 0.0351 reads 0.0351.
        let scale = abs(value) >= 1 ? 100.0 : 10_000.0
        let rounded = (value * scale).rounded() / scale
        if rounded == rounded.rounded() && abs(rounded) < 1e15 { return String(Int(rounded)) }
        return String(rounded)
    }

    /// A KPI value with its unit: `38.1 EUR m`, `35%`, `9 days`.
    static func withUnit(_ value: Double, _ unit: String) -> String {
        guard let first = unit.unicodeScalars.first else { return format(value) }
        return format(value) + (first.properties.isAlphabetic ? " " : "") + unit
    }

    /// The reason chain, e.g. `O2 at-risk <- I7 off-track <- M31 overdue 6 days (due 2026-11-12)`; long chains keep both ends.
    public func reason(_ index: Int) -> String { chain(index, impact: false) }

    /// The impact reason chain, down to the KPI that decided it.
    public func impactReason(_ index: Int) -> String { chain(index, impact: true) }

    /// A fact in words: "overdue 9 days (due 2026-11-12)".
    public func describe(_ fact: Fact, of index: Int) -> String {
        switch fact {
        case .typed(let status): return "typed \(status.rawValue)"
        case .done: return "done"
        case .complete: return "progress 100%"
        case .noStatus: return "no status typed"
        case .statusNotUnderstood: return "status typed is not understood (unknown-status)"
        case .overdue(let count, let due): return "overdue \(Self.days(count)) (due \(due.iso))"
        case .slip(let forecast, let due):
            let text = "forecast \(forecast.iso) is \(Self.days(forecast.days(since: due))) after due \(due.iso)"
            // Off-track rather than at-risk: the slip is more than its share of the time planned.
            guard results.status(index) == .offTrack, let start = portfolio.items[index].start, due > start else { return text }
            return text + ", more than \(CellNormalizer.formatPercent(settings.slipShare * 100)) of the \(Self.days(due.days(since: start))) planned"
        case .lateStart(let count, let start): return "not started \(Self.days(count)) after its start (\(start.iso))"
        case .behindPace(let progress, let elapsed):
            return "progress \(CellNormalizer.formatPercent(progress)) trails \(CellNormalizer.formatPercent(elapsed)) of time elapsed"
        case .ownerOverAllocated(let note):
            return "owner \(note.person) is allocated \(CapacityPlan.percent(note.utilisation)) in \(note.period)"
        case .children:
            return Self.summary(Self.deliveryChildren(index, portfolio, results) { results.status($0) }.map { results.status($0) })
        case .text(let text): return text
        }
    }

    /// The item at the end of the reason chain: the one whose own fact decided the status.
    public func rootCause(_ index: Int) -> Int { Int(chainEnd[index].root) }

    /// The chain's links: the first few walked, then the last one; a chain of any depth costs the same.
    private func chain(_ index: Int, impact: Bool) -> String {
        var links: [String] = []
        var current = index
        var seen = Set<Int>()
        let total = impact ? Int.max : Int(chainEnd[index].links)
        while seen.insert(current).inserted {
            let label = portfolio.label(current)
            let result = results[current]
            let status = impact ? result.impact : result.status
            let cause = impact ? result.impactCause : result.cause
            var next: Int?
            switch cause {
            case .child(let child)?:
                links.append("\(label) \(status?.rawValue ?? "")")
                next = child
            case .dependency(let dependency)?:
                links.append("\(label) \(status?.rawValue ?? "") (waits for \(portfolio.label(dependency)))")
                next = dependency
            case .fact(let fact)?:
                // A parent whose work is all cancelled or on hold is judged as a leaf: say why its children did not count.
                let children = portfolio.children[current].map { results.status($0) }
                let idle = impact || children.isEmpty || !children.allSatisfy(\.isInactive) ? ""
                    : ", with no active work beneath (" + Status.countText(children) + ")"
                links.append("\(label) \(describe(fact, of: current))\(idle)")
            case nil:
                links.append("\(label) \(status?.rawValue ?? "")")
            }
            guard let next else { break }
            if !impact && links.count == 4 && total > 6 {
                // Skip to the end: the root's own fact is what the reader needs.
                let root = Int(chainEnd[index].root)
                links.append("… \(total - 5) more …")
                current = root
                continue
            }
            current = next
        }
        return links.joined(separator: " <- ")
    }
}

extension Status {
    /// Cancelled or on hold.
    var isInactive: Bool { self == .cancelled || self == .onHold }
}
