/// The items of a tracker with their references resolved: hierarchy, objectives, dependencies, and what could not be resolved.
public struct Portfolio: Sendable {
    /// The items in sheet order.
    public let items: ItemTable
    /// Each item's parent in the hierarchy: its parent, else the objective it serves; nil at the top or when a cycle was cut.
    public let parent: IndexLinks
    /// The objective each item serves directly, when it names one.
    public let objective: IndexLinks
    /// Each item's children, in sheet order.
    public let children: IndexLists
    /// What each item waits for.
    public let dependencies: IndexLists
    /// Problems found while resolving: duplicate ids, unknown references, cycles.
    public let findings: [Finding]
    /// The items on a circle of dependencies.
    let circled: Set<Int>
    /// The items whose id an earlier row has already (references go to that first row).
    let repeatedIDs: Set<Int>

    /// Resolves references by id, then by title (ignoring case and spaces).
    public init(items given: ItemTable) { self.init(items: given, sharedFrom: 100_000) }

    /// Resolves references; from `sharedFrom` items on, the lookups that only read are done in two halves at once.
    /// A row of no type that another row names as its objective is an objective.
    init(items given: ItemTable, sharedFrom: Int) {
        let implicit = Self.implicitObjectives(given)
        var items = given.appending(implicit, isImplicit: true)
        var findings: [Finding] = []
        let (byID, repeats) = IDIndex.build(items, sharedFrom: sharedFrom)
        var repeatedIDs = Set<Int>()
        for (index, first) in repeats {
            let item = items[index]
            repeatedIDs.insert(index)
            findings.append(Finding(.duplicateID, at: Self.location(item, column: .id), id: item.id, owner: item.owner,
                                    message: "id \(item.id) is also used on line \(items[first].line)\(items[first].file == item.file ? "" : " of \(items[first].file)"); references go to the first"))
        }
        var resolver = ReferenceResolver(items: items, byID: byID, repeatedIDs: repeatedIDs, sharedFrom: sharedFrom)
        // Exact ids first; every other reference is announced, so that only the titles some reference names are indexed.
        // The lookups only read, so the two halves of the sheet are looked up at once; -2 marks a reference that is not
        // an exact id, and its hashes are taken there to be announced. Dependency cells whose every piece is an exact id
        // are resolved in the same go; the others are announced after, as strings.
        var parent = [Int32](repeating: -1, count: items.count)
        var objective = [Int32](repeating: -1, count: items.count)
        let lookups = resolver
        let exact = parent.withUnsafeMutableBufferPointer { parents in
            objective.withUnsafeMutableBufferPointer { objectives in
                inHalves(items.count, minimum: sharedFrom) { range in
                    var found = ExactDependencies(), announcements = ReferenceResolver.Announcements()
                    for index in range {
                        parents[index] = lookups.exactID(item: index, .parent)
                        if parents[index] == -2 { announcements.add(item: index, .parent, items) }
                        objectives[index] = lookups.exactID(item: index, .objective)
                        if objectives[index] == -2 { announcements.add(item: index, .objective, items) }
                        if items.names(index, ItemRecord.namesDependencies), !found.read(item: index, lookups) {
                            announcements.dependencyCells.append(Int32(index))
                        }
                    }
                    return (dependencies: found, announcements: announcements)
                }
            }
        }
        for part in exact {
            resolver.announce(part.announcements)
            for index in part.announcements.dependencyCells { _ = Self.dependencyReferences(items[Int(index)], &resolver, announcing: true) }
        }
        // The references announced are looked up from their bytes, in halves at once as well: most name one item by
        // title, or by id in another case. Any other (a shared title, none found) stays -2, to be resolved below as a
        // string, which says why.
        if exact.contains(where: \.announcements.namesReferences) {
            resolver.buildTitleIndexIfNeeded()
            let lookups = resolver
            parent.withUnsafeMutableBufferPointer { parents in
                objective.withUnsafeMutableBufferPointer { objectives in
                    _ = inHalves(items.count, minimum: sharedFrom) { range in
                        for index in range {
                            if parents[index] == -2, let found = lookups.lookupAnnounced(item: index, .parent) { parents[index] = found }
                            if objectives[index] == -2, let found = lookups.lookupAnnounced(item: index, .objective) { objectives[index] = found }
                        }
                    }
                }
            }
        }
        var dependencyCursor = ExactDependencies.Cursor(exact.map(\.dependencies))
        // Resolved links, -1 for none: the rest (-2) are resolved now. Only rows with such a reference, or with
        // dependencies, are read again.
        var dependencies = IndexLists()
        for index in items.indices {
            if parent[index] == -2 {
                parent[index] = resolver.resolve(items[index].parentReference, from: index, column: Field.parent, into: &findings).map(Int32.init) ?? -1
            }
            if objective[index] == -2 {
                objective[index] = resolver.resolve(items[index].objectiveReference, from: index, column: Field.objective, into: &findings).map(Int32.init) ?? -1
            }
            if parent[index] == index {
                let item = items[index]
                findings.append(Finding(.hierarchyCycle, at: Self.location(item, column: .parent), id: item.id, owner: item.owner, message: "\(item.label) names itself as its parent"))
                parent[index] = -1
            }
            if parent[index] < 0 && objective[index] >= 0 && objective[index] != index { parent[index] = objective[index] }
            dependencies.appendList()
            guard items.names(index, ItemRecord.namesDependencies) else { continue }
            if let targets = dependencyCursor.targets(of: index) {
                for target in targets {
                    if target == index { findings.append(Self.dependsOnItself(items[index])) } else { dependencies.appendMember(Int(target)) }
                }
                continue
            }
            let item = items[index]
            for reference in Self.dependencyReferences(item, &resolver, announcing: false) {
                if let target = resolver.resolve(reference, from: index, column: Field.dependsOn, into: &findings) {
                    if target == index { findings.append(Self.dependsOnItself(item)) } else { dependencies.appendMember(target) }
                }
            }
        }
        var named = Set<Int>()
        for index in objective.indices where objective[index] >= 0 && objective[index] != index {
            let target = Int(objective[index])
            if items.record(target).type == 0 { named.insert(target) }
        }
        items = items.settingType(.objective, at: named.sorted())
        self.items = items
        Self.cutHierarchyCycles(&parent, objective: objective, items: items, findings: &findings)
        let cycles = Self.dependencyCycles(dependencies, items: items)
        findings += cycles.findings
        circled = cycles.members
        self.children = IndexLists(inverting: parent)
        self.parent = IndexLinks(parent)
        self.objective = IndexLinks(objective)
        self.dependencies = dependencies
        self.findings = findings
        self.repeatedIDs = repeatedIDs
    }

    /// The objectives, in sheet order; in a sheet that types none, its top-level items stand in for them (`standIn`).
    public func objectivesOrTops() -> (indices: [Int], standIn: Bool) {
        // (From the records: making each item would cost a reference count per row.)
        let objectives = items.indices.filter { items.record($0).type == ItemType.objective.recordCode }
        return objectives.isEmpty ? (items.indices.filter { parent[$0] == nil }, true) : (objectives, false)
    }

    /// Whether any item is an objective, typed or named as one.
    public var hasObjectives: Bool { items.indices.contains { items.record($0).type == ItemType.objective.recordCode } }

    /// How reasons name the item at `index`: its label, with its line when an earlier row has the same id (so that
    /// `F46-BETA (line 21) blocked (waits for F46-BETA)` does not read as an item waiting for itself).
    func label(_ index: Int) -> String {
        let item = items[index]
        return repeatedIDs.contains(index) ? "\(item.label) (line \(item.line))" : item.label
    }

    /// The finding for an item that names itself among what it waits for.
    static func dependsOnItself(_ item: Item) -> Finding {
        Finding(.dependencyCycle, at: location(item, column: .dependsOn), id: item.id, owner: item.owner, message: "\(item.label) depends on itself")
    }

    /// What an item waits for, one reference each. A cell that names one item whole ("Pricing, packaging") is that item,
    /// not two references cut at its comma; only asked when a piece is not an id, so cells of ids never need titles.
    /// Announcing, the pieces and the whole cell that are not ids are announced to the resolver instead.
    static func dependencyReferences(_ item: Item, _ resolver: inout ReferenceResolver, announcing: Bool) -> [String] {
        let references = item.dependencyReferences
        guard references.count > 1 else {
            if announcing, let only = references.first { _ = resolver.exactIDOrAnnounce(only) }
            return references
        }
        var allIDs = true
        for reference in references where resolver.exactIDOrAnnounce(reference) < 0 { allIDs = false }
        if allIDs { return references }
        if announcing {
            _ = resolver.exactIDOrAnnounce(item.dependsOn)
            return references
        }
        return resolver.lookup(item.dependsOn) != nil ? [item.dependsOn] : references
    }

    /// The objectives a sheet with no objective rows names in its objective column: each distinct name (that is not
    /// an id or title of a row) becomes an objective of its own, so a flat list of work still rolls up per objective.
    /// Each is from the file of the first row naming it.
    static func implicitObjectives(_ items: ItemTable) -> [(values: ItemValues, file: String)] {
        guard !items.contains(where: { $0.type == .objective }), items.contains(where: { !$0.objectiveReference.isEmpty }) else { return [] }
        let ids = Set(items.map(\.id))
        let titles = Set(items.map { ReferenceResolver.spacelessKey($0.title) })
        // Where some name is that of a row of no type, the sheet has its objectives as rows: a name that is no row's is
        // then an unknown reference (a typo gets its "did you mean"), not an objective of its own.
        let untyped = items.filter { $0.type == nil }
        let untypedIDs = Set(untyped.map(\.id).filter { !$0.isEmpty }), untypedTitles = Set(untyped.map { ReferenceResolver.spacelessKey($0.title) })
        let names = items.filter { !$0.objectiveReference.isEmpty }.map(\.objectiveReference)
        guard !names.contains(where: { untypedIDs.contains($0) || untypedTitles.contains(ReferenceResolver.spacelessKey($0)) }) else { return [] }
        var seen = Set<String>()
        var implicit: [(values: ItemValues, file: String)] = []
        for item in items where !item.objectiveReference.isEmpty && !ids.contains(item.objectiveReference) {
            let key = ReferenceResolver.spacelessKey(item.objectiveReference)
            guard !titles.contains(key), seen.insert(key).inserted else { continue }
            var values = ItemValues()
            values.type = .objective
            values.title = item.objectiveReference.collapsingSpaces
            implicit.append((values, item.file))
        }
        return implicit
    }

    /// The place of an item's row.
    static func location(_ item: Item, column: Field? = nil) -> SourceLocation {
        SourceLocation(file: item.file, line: item.line, column: column?.rawValue)
    }

    /// Follows parents from every item; a walk that meets itself is a cycle, cut at its most senior item's link to its parent.
    /// The item cut loose goes under the objective it names, when that does not lead back to it.
    static func cutHierarchyCycles(_ parent: inout [Int32], objective: [Int32], items: ItemTable, findings: inout [Finding]) {
        // 0: not seen, 1: on the current walk, 2: known to reach the top.
        var state = [UInt8](repeating: 0, count: parent.count)
        var path: [Int] = []
        for start in parent.indices where state[start] == 0 {
            path.removeAll(keepingCapacity: true)
            var current: Int? = start
            while let node = current, state[node] == 0 {
                state[node] = 1
                path.append(node)
                current = parent[node] < 0 ? nil : Int(parent[node])
            }
            if let node = current, state[node] == 1 {
                // The walk came back to `node`: the cycle is path[from node ...].
                let cycle = Array(path[path.firstIndex(of: node)!...])
                // Cut the link of the most senior item (an objective typed with a parent, say), else the one that closes
                // the circle: the hierarchy above it stays as the sheet means it.
                let level = { (index: Int) in items[index].type?.level ?? Int.max }
                let closing = cycle.reversed().min { level($0) < level($1) }!
                let names = (cycle + [node]).map { items[$0].label }.joined(separator: " -> ")
                parent[closing] = -1
                var message = "parents go round in a circle: \(names); the link from \(items[closing].label) is ignored"
                if objective[closing] >= 0, case let served = Int(objective[closing]), reachesTheTop(from: served, avoiding: closing, parent, state) {
                    parent[closing] = Int32(served)
                    message += "; it is placed under its objective \(items[served].label)"
                }
                findings.append(Finding(.hierarchyCycle, at: location(items[closing], column: .parent), id: items[closing].id,
                                        owner: items[closing].owner, message: message))
            }
            for node in path { state[node] = 2 }
        }
    }

    /// Whether following parents from `start` ends at the top or at an item known to, without meeting `avoided`, an item
    /// on the walk in progress (`state` 1), or a circle not cut yet.
    private static func reachesTheTop(from start: Int, avoiding avoided: Int, _ parent: [Int32], _ state: [UInt8]) -> Bool {
        var seen = Set<Int>()
        var current: Int? = start
        while let node = current {
            if node == avoided || state[node] == 1 || !seen.insert(node).inserted { return false }
            if state[node] == 2 { return true }
            current = parent[node] < 0 ? nil : Int(parent[node])
        }
        return true
    }

    /// How many items of a circle of dependencies its findings name.
    static let circleNamesShown = 12

    /// Finds circles of dependencies (Tarjan's algorithm, iterative so deep chains cannot overflow the stack).
    static func dependencyCycles(_ dependencies: IndexLists, items: ItemTable) -> (findings: [Finding], members: Set<Int>) {
        let count = dependencies.count
        var index = [Int](repeating: -1, count: count)
        var lowLink = [Int](repeating: 0, count: count)
        var onStack = [Bool](repeating: false, count: count)
        var stack: [Int] = []
        var next = 0
        var findings: [Finding] = []
        var members = Set<Int>()
        for root in 0..<count where index[root] < 0 && !dependencies[root].isEmpty {
            var work: [(node: Int, edge: Int)] = [(root, 0)]
            index[root] = next; lowLink[root] = next; next += 1
            stack.append(root); onStack[root] = true
            while let (node, edge) = work.last {
                if edge < dependencies[node].count {
                    work[work.count - 1].edge += 1
                    let target = dependencies[node][edge]
                    if index[target] < 0 {
                        index[target] = next; lowLink[target] = next; next += 1
                        stack.append(target); onStack[target] = true
                        work.append((target, 0))
                    } else if onStack[target] {
                        lowLink[node] = min(lowLink[node], index[target])
                    }
                    continue
                }
                work.removeLast()
                if let caller = work.last { lowLink[caller.node] = min(lowLink[caller.node], lowLink[node]) }
                if lowLink[node] == index[node] {
                    var component: [Int] = []
                    while let top = stack.popLast() {
                        onStack[top] = false
                        component.append(top)
                        if top == node { break }
                    }
                    if component.count > 1 {
                        // Every item of the circle is on it, and each says so on its own row.
                        members.formUnion(component)
                        let sorted = component.sorted()
                        let names = sorted.prefix(Self.circleNamesShown).map { items[$0].label }.joined(separator: ", ")
                            + (sorted.count > Self.circleNamesShown ? ", … (\(sorted.count) items)" : "")
                        for member in sorted {
                            let item = items[member]
                            findings.append(Finding(.dependencyCycle, at: location(item, column: .dependsOn), id: item.id, owner: item.owner,
                                                    message: "these items wait for each other in a circle: \(names)"))
                        }
                    }
                }
            }
        }
        return (findings, members)
    }
}

/// The dependency cells of one part of the sheet whose every piece is an exact id, resolved from their bytes: on a
/// sheet whose dependencies are ids, no string is made for any of them.
struct ExactDependencies {
    /// Each resolved item, and where its targets end in `targets`; in sheet order.
    private var entries: [(item: Int32, end: Int32)] = []
    private var targets: [Int32] = []

    /// Resolves the dependency cell of item `position` when it is ASCII with no CR (so that its bytes split and trim as
    /// its characters do) and every piece is an exact id; any other cell is left to be read as strings (false).
    mutating func read(item position: Int, _ resolver: ReferenceResolver) -> Bool {
        let start = targets.count
        let resolved = resolver.items.withBytes(position, .dependsOn) { bytes -> Bool in
            var pieceStart = 0
            for offset in 0...bytes.count {
                let byte = offset < bytes.count ? bytes[offset] : UInt8(ascii: ";")
                if byte >= 0x80 || byte == 0x0D { return false }
                guard byte == UInt8(ascii: ";") || byte == UInt8(ascii: ",") || byte == 0x0A else { continue }
                // ASCII, so trimmed as `trimmingSpaces` trims it.
                let piece = ItemReader.asciiTrimmed(UnsafeBufferPointer(rebasing: bytes[pieceStart..<offset]))!
                pieceStart = offset + 1
                guard !piece.isEmpty else { continue }
                guard let target = resolver.exactID(bytes: piece) else { return false }
                targets.append(Int32(target))
            }
            return targets.count > start
        }
        if resolved { entries.append((Int32(position), Int32(targets.count))) } else { targets.removeSubrange(start...) }
        return resolved
    }

    /// Walks the resolved cells of the parts in sheet order.
    struct Cursor {
        private let parts: [ExactDependencies]
        private var part = 0, entry = 0

        init(_ parts: [ExactDependencies]) { self.parts = parts }

        /// The targets of item `position` when its cell was resolved; asked with rising positions.
        mutating func targets(of position: Int) -> ArraySlice<Int32>? {
            while part < parts.count {
                guard entry < parts[part].entries.count else {
                    part += 1
                    entry = 0
                    continue
                }
                let item = Int(parts[part].entries[entry].item)
                if item > position { return nil }
                entry += 1
                guard item == position else { continue }
                let start = entry == 1 ? 0 : Int(parts[part].entries[entry - 2].end)
                return parts[part].targets[start..<Int(parts[part].entries[entry - 1].end)]
            }
            return nil
        }
    }
}

/// Resolves a typed reference to an item, with a "did you mean" when it names none.
struct ReferenceResolver {
    let items: ItemTable
    let byID: IDIndex
    /// Rows whose id an earlier row has already: references never go to them.
    let repeatedIDs: Set<Int>
    /// Titles by word key, and ids in lower case, built the first time a reference is not an exact id (most sheets never need them).
    private var byTitle: ItemIndex?
    /// The hashes of the word keys and lower-case forms of the references announced before the first lookup: only titles
    /// and ids with those are indexed. Nil once a reference that was not announced is looked up: then every one is.
    /// `sums` holds their letter sums (`LetterSum`), which screen titles before their keys are hashed; nil once a
    /// reference that is not ASCII is announced.
    private var announced: (titles: HashFilter, lowerIDs: HashFilter, sums: HashFilter?)? = (HashFilter(), HashFilter(), HashFilter())
    private var byLowerID = ItemIndex(capacity: 0)
    /// For a title several items share: its first item, and how many share it.
    private var sharedTitles: [Int: Int] = [:]
    /// Non-ASCII ids as strings (in lower case), built the first time a non-ASCII reference is found no other way.
    private var unicodeIDs: [String: Int]?
    /// Titles without spaces, built the first time a reference is found no other way.
    private var spacelessTitles: [String: (first: Int, count: Int)]?
    /// Per file, where its items start, how many there are and whether any has an id; built the first time a number
    /// is found no other way.
    private var fileRows: [UInt32: FileRows]?
    /// Per file, the items whose ids are issues' short forms, by issue number, with how many share it; built the first
    /// time an issue number is found no other way.
    private var issueNumbers: [UInt32: [Substring: (first: Int, count: Int)]]?
    /// Suggestions scan every item (about 0.1 s a suggestion in a million-row sheet); past a budget of items scanned,
    /// unknown references get none, so a broken large sheet stays fast: 200 suggestions up to 50,000 items, 10 in a
    /// sheet of a million.
    private var suggestionsLeft: Int
    private static let suggestionBudget = 10_000_000

    /// From this many items on, the title index is hashed in two halves at once.
    private let sharedFrom: Int

    init(items: ItemTable, byID: IDIndex, repeatedIDs: Set<Int>, sharedFrom: Int = 100_000) {
        self.sharedFrom = sharedFrom
        self.items = items
        self.byID = byID
        self.repeatedIDs = repeatedIDs
        suggestionsLeft = min(200, max(1, Self.suggestionBudget / max(1, items.count)))
    }

    /// The item whose id is exactly `reference`.
    func exactID(_ reference: String) -> Int? {
        var reference = reference
        return reference.withUTF8 { exactID(bytes: $0) }
    }

    /// The item whose id is exactly the UTF-8 `bytes`.
    func exactID(bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        byID.find(IDIndex.hash(bytes), matches: { items.idEquals($0, bytes) })
    }

    /// The item whose id is exactly what item `position` has in its `field`: -1 when the cell is empty, -2 when it is
    /// not an exact id.
    func exactID(item position: Int, _ field: ItemText) -> Int32 {
        items.withBytes(position, field) { bytes in bytes.isEmpty ? -1 : exactID(bytes: bytes).map(Int32.init) ?? -2 }
    }

    /// References known not to be exact ids, as the hashes `lookup` screens titles and ids by; and the dependency cells
    /// not resolved by exact ids, to be announced as strings.
    struct Announcements {
        var titles: [UInt64] = [], lowerIDs: [UInt64] = []
        /// The titles' letter sums; nil once a reference is not ASCII.
        var sums: [UInt64]? = []
        var dependencyCells: [Int32] = []

        /// Whether a parent or objective reference was announced (each gives a hash of its lower-case form).
        var namesReferences: Bool { !lowerIDs.isEmpty }

        /// Adds what item `position` has in its `field`.
        mutating func add(item position: Int, _ field: ItemText, _ items: ItemTable) {
            let (title, lower, sum) = items.withBytes(position, field) { (KeyHash.wordKey(bytes: $0), KeyHash.lowercased(bytes: $0), LetterSum.of($0)) }
            if let title {
                titles.append(title)
                if let sum { sums?.append(sum) } else { sums = nil }
            }
            lowerIDs.append(lower)
        }
    }

    /// Announces references known not to be exact ids, for `lookup`.
    mutating func announce(_ announcements: Announcements) {
        guard byTitle == nil, announced != nil else { return }
        for title in announcements.titles { announced!.titles.insert(title) }
        for lower in announcements.lowerIDs { announced!.lowerIDs.insert(lower) }
        if let sums = announcements.sums { for sum in sums { announced!.sums?.insert(sum) } } else { announced!.sums = nil }
    }

    /// The item whose id is exactly `reference` (-1 when none); when none, the reference is announced for `lookup`.
    mutating func exactIDOrAnnounce(_ reference: String) -> Int32 {
        if let found = exactID(reference) { return Int32(found) }
        if byTitle == nil, announced != nil {
            if let hash = KeyHash.wordKey(reference) {
                announced!.titles.insert(hash)
                var reference = reference
                if let sum = reference.withUTF8(LetterSum.of) { announced!.sums?.insert(sum) } else { announced!.sums = nil }
            }
            announced!.lowerIDs.insert(KeyHash.lowercased(reference))
        }
        return -1
    }

    /// The item `reference` names, without a word: by exact id, then by title (ignoring case and spaces), then by id in
    /// another case; with how many items share the title, when several do.
    mutating func lookup(_ reference: String) -> (index: Int, sharedBy: Int?)? {
        if let found = exactID(reference) { return (found, nil) }
        let titleHash = KeyHash.wordKey(reference)
        if let wanted = announced, !wanted.lowerIDs.contains(KeyHash.lowercased(reference)) || titleHash.map({ !wanted.titles.contains($0) }) == true {
            announced = nil
            byTitle = nil
        }
        if byTitle == nil { buildTitleIndex() }
        if let hash = titleHash {
            let key = Conventions.wordKey(reference)
            if let found = byTitle!.find(hash, matches: { Conventions.wordKey(items[$0].title) == key }) { return (found, sharedTitles[found]) }
        }
        let lowered = reference.lowercased()
        if let found = byLowerID.find(KeyHash.lowercased(reference), matches: { items[$0].id.lowercased() == lowered }) { return (found, nil) }
        return nil
    }

    /// The item whose id `reference` is in another Unicode form (an accent typed as a mark of its own, as macOS writes
    /// names): the byte hashes of `lookup` differ, but strings compare and hash such texts as equal (`lookupWithoutSpaces`
    /// finds titles so). Asked only of a reference about to be reported unknown, so a sheet pays for the table only when
    /// it needs it.
    mutating func lookupOtherForm(_ reference: String) -> (index: Int, sharedBy: Int?)? {
        guard reference.utf8.contains(where: { $0 >= 0x80 }) else { return nil }
        if unicodeIDs == nil { unicodeIDs = buildUnicodeIDs() }
        return unicodeIDs![reference.lowercased()].map { ($0, nil) }
    }

    /// The item whose title `reference` is once spaces are taken out too (SPEC 2: titles match ignoring case and
    /// spaces), so `Lift renewal to 92 %` names `Lift renewal to 92%`; with how many items share it, when several do.
    /// Asked only of a reference about to be reported unknown, so a sheet pays for the table only when it needs it.
    mutating func lookupWithoutSpaces(_ reference: String) -> (index: Int, sharedBy: Int?)? {
        let key = Self.spacelessKey(reference)
        guard !key.isEmpty else { return nil }
        if spacelessTitles == nil {
            var titles: [String: (first: Int, count: Int)] = [:]
            titles.reserveCapacity(items.count)
            for position in items.indices {
                let title = items.withBytes(position, .title) { $0.isEmpty ? "" : String(decoding: $0, as: UTF8.self) }
                guard !title.isEmpty else { continue }
                let key = Self.spacelessKey(title)
                titles[key] = titles[key].map { ($0.first, $0.count + 1) } ?? (position, 1)
            }
            spacelessTitles = titles
        }
        return spacelessTitles![key].map { ($0.first, $0.count > 1 ? $0.count : nil) }
    }

    /// An id's letters and digits alone, lower-cased: how ids match when their separators differ.
    static func bareID(_ text: String) -> String {
        String(String.UnicodeScalarView(text.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }))
    }

    /// In a sheet with no ids, the item a whole number names by its row, as Smartsheet's predecessors (`3`, `3FS +2d`)
    /// name rows: row 1 is the sheet's first row of items, and a blank row is a row too; where a cell of several lines
    /// shifts the lines, the number counts the rows of items instead. Asked only of a reference found no other way.
    mutating func lookupRowNumber(_ reference: String, from index: Int) -> (index: Int, sharedBy: Int?)? {
        guard let number = Int(reference.trimmingSpaces), number > 0, number < Int(Int32.max) else { return nil }
        let file = items.record(index).file
        if fileRows == nil {
            var rows: [UInt32: FileRows] = [:]
            for position in items.indices where !items[position].isImplicit {
                let record = items.record(position)
                let hasID = items.withBytes(position, .id) { !$0.isEmpty }
                rows[record.file, default: FileRows(start: position, firstLine: Int(record.line))].add(position, line: Int(record.line), hasID: hasID)
            }
            fileRows = rows
        }
        guard let rows = fileRows?[file], !rows.hasIDs else { return nil }
        if let found = rows.byLine[rows.firstLine + number - 1] { return (found, nil) }
        return number <= rows.count ? (rows.start + number - 1, nil) : nil
    }

    /// The item an issue reference names in a sheet whose ids are issues' short forms (`acme/widget#12`, from their
    /// links): a link to the issue, or its number alone (`#12`, `12`) when one issue of the reference's file has it.
    /// Asked only of a reference found no other way.
    mutating func lookupIssue(_ reference: String, from index: Int) -> (index: Int, sharedBy: Int?)? {
        if let short = IssueLink.shortForm(reference), let found = exactID(short) { return (found, nil) }
        guard let number = IssueLink.number(inReference: reference) else { return nil }
        let file = items.record(index).file
        if issueNumbers == nil {
            var numbers: [UInt32: [Substring: (first: Int, count: Int)]] = [:]
            for position in items.indices where !repeatedIDs.contains(position) {
                let id = items[position].id
                // A short form: `OWNER/REPO#N` (a merge request's `!N` is never named by a number alone).
                guard let mark = id.lastIndex(where: { $0 == "#" || $0 == "!" }), id[mark] == "#", id[..<mark].contains("/"),
                      let number = IssueLink.number(inReference: String(id[mark...])) else { continue }
                let record = items.record(position)
                numbers[record.file, default: [:]][number] = numbers[record.file]?[number].map { ($0.first, $0.count + 1) } ?? (position, 1)
            }
            issueNumbers = numbers
        }
        guard let found = issueNumbers?[file]?[number], found.count == 1 else { return nil }
        return (found.first, nil)
    }

    /// One file's items, for `lookupRowNumber`.
    struct FileRows {
        let start: Int, firstLine: Int
        var count = 0
        var hasIDs = false
        var byLine: [Int: Int] = [:]

        init(start: Int, firstLine: Int) {
            self.start = start
            self.firstLine = firstLine
        }

        mutating func add(_ position: Int, line: Int, hasID: Bool) {
            count += 1
            hasIDs = hasIDs || hasID
            byLine[line] = position
        }
    }

    /// A title or reference as titles are matched when spaces do not count: its word key without spaces.
    static func spacelessKey(_ text: String) -> String { String(decoding: Conventions.wordKey(text).utf8.filter { $0 != 0x20 }, as: UTF8.self) }

    /// The sheet's ids that are not ASCII, in lower case, with the first item of each.
    private func buildUnicodeIDs() -> [String: Int] {
        var ids: [String: Int] = [:]
        for position in items.indices where items.withBytes(position, .id, { $0.contains { $0 >= 0x80 } }) && !repeatedIDs.contains(position) {
            let id = items[position].id.lowercased()
            if ids[id] == nil { ids[id] = position }
        }
        return ids
    }

    /// `lookup` of what item `position` has in `field`, an announced reference that is not an exact id, from its bytes:
    /// the one item it names by title, else by id in another case; nil when it is not ASCII, names a title several
    /// items share, or names nothing (`resolve` then tells which).
    /// The title index must be built (`buildTitleIndexIfNeeded`).
    func lookupAnnounced(item position: Int, _ field: ItemText) -> Int32? {
        let items = self.items
        return items.withBytes(position, field) { reference -> Int32? in
            var key: [UInt8] = []
            guard Conventions.asciiWordKey(reference, emit: { key.append($0) }) else { return nil }
            if !key.isEmpty {
                let hash = KeyHash.of(key)
                let found = key.withUnsafeBufferPointer { key in
                    byTitle!.find(hash) { candidate in
                        items.withBytes(candidate, .title) { Self.wordKey(of: $0, is: key) }
                            ?? (Conventions.wordKey(items[candidate].title) == String(decoding: key, as: UTF8.self))
                    }
                }
                if let found { return sharedTitles[found] == nil ? Int32(found) : nil }
            }
            let lowered = reference.map(\.asciiLowercased)
            return byLowerID.find(KeyHash.of(lowered)) { candidate in
                items.withBytes(candidate, .id) { id in
                    id.allSatisfy { $0 < 0x80 } ? id.map(\.asciiLowercased) == lowered
                        : items[candidate].id.lowercased() == String(decoding: lowered, as: UTF8.self)
                }
            }.map(Int32.init)
        }
    }

    /// Whether the word key of `text` is `key`; nil when `text` is not ASCII.
    private static func wordKey(of text: UnsafeBufferPointer<UInt8>, is key: UnsafeBufferPointer<UInt8>) -> Bool? {
        var length = 0, same = true
        guard Conventions.asciiWordKey(text, emit: { byte in
            if length >= key.count || key[length] != byte { same = false }
            length += 1
        }) else { return nil }
        return same && length == key.count
    }

    /// The item `reference` names; a title several items share, or a name no item has, adds a finding.
    mutating func resolve(_ reference: String, from index: Int, column: Field, into findings: inout [Finding]) -> Int? {
        if let (found, shared) = find(reference, from: index) {
            if let count = shared {
                let item = items[index]
                findings.append(Finding(.ambiguousReference, at: Portfolio.location(item, column: column), id: item.id, owner: item.owner,
                                        message: "\(column.rawValue) '\(reference)' matches \(count) items by title; the first (line \(items[found].line)) is used; name it by id"))
            }
            return found
        }
        let item = items[index]
        // A cell that lists several items, as an Airtable or Notion relation to two goals: an item has one place in the
        // hierarchy, so the first is used, and said so.
        let pieces = column == .dependsOn ? [] : Self.listPieces(reference)
        let found = pieces.count > 1 ? pieces.map { find($0, from: index)?.index } : []
        if !found.isEmpty {
            if let first = found[0], !found.contains(nil) {
                findings.append(Finding(.ambiguousReference, at: Portfolio.location(item, column: column), id: item.id, owner: item.owner,
                                        message: "\(column.rawValue) '\(reference)' names \(pieces.count) items; the first, \(items[first].label), is used: an item has one \(column.rawValue)"))
                return first
            }
        }
        var message = "\(column.rawValue) '\(reference)' names no item in the sheet"
        if suggestionsLeft > 0 {
            suggestionsLeft -= 1
            // A list is suggested for piece by piece; failing that (`Generate 1,200 leads` is no list), as a whole.
            let guesses = zip(pieces, found).map { piece, item in item == nil ? suggestion(for: piece, excluding: index) : piece }
            if !guesses.isEmpty, guesses.allSatisfy({ $0 != nil }) {
                message += "; did you mean '\(guesses.map { $0! }.joined(separator: "', '"))'?"
            } else if let guess = suggestion(for: reference, excluding: index) {
                message += "; did you mean '\(guess)'?"
            }
        }
        findings.append(Finding(.unknownReference, at: Portfolio.location(item, column: column), id: item.id, owner: item.owner, message: message))
        return nil
    }

    /// The item `reference` names, by every means short of a suggestion: id, title, the bare name of a tool's form,
    /// another Unicode form, the title without spaces, a row number, an issue.
    private mutating func find(_ reference: String, from index: Int) -> (index: Int, sharedBy: Int?)? {
        if let found = lookup(reference) { return found }
        // (The bare name only for a reference that names nothing as typed: most do, and it costs strings to find.)
        let bare = Self.bareReference(reference)
        return bare.flatMap({ lookup($0) }) ?? lookupOtherForm(reference)
            ?? lookupWithoutSpaces(reference) ?? lookupRowNumber(bare ?? reference, from: index) ?? lookupIssue(reference, from: index)
    }

    /// The pieces of a cell that lists several names (split at `,`, `;` and line breaks), trimmed, empty ones left out.
    static func listPieces(_ reference: String) -> [String] {
        reference.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "\n" || $0 == "\r\n" }).map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
    }

    /// The name in a reference as some tools write it, for when the reference as typed names nothing: Notion's
    /// `Website Revamp (https://www.notion.so/…)` is `Website Revamp`; a predecessor with its link type and lag, as
    /// Microsoft Project and Smartsheet write it (`5FS+2 days`, `3SS -1d`, `12FF`), is `5`.
    static func bareReference(_ reference: String) -> String? {
        if reference.hasSuffix(")"), let open = reference.lastIndex(of: "(") {
            let inside = reference[reference.index(after: open)...].lowercased()
            let name = String(reference[..<open]).trimmingSpaces
            if inside.hasPrefix("http://") || inside.hasPrefix("https://"), !name.isEmpty { return name }
        }
        let scalars = Array(reference.unicodeScalars)
        var position = 1
        while position + 1 < scalars.count {
            let type = String(String.UnicodeScalarView(scalars[position...position + 1])).uppercased()
            if ["FS", "SS", "FF", "SF"].contains(type), Self.isLag(scalars[(position + 2)...]) {
                let name = String(String.UnicodeScalarView(scalars[..<position]))
                if !name.contains(where: \.isWhitespace) { return name }
            }
            position += 1
        }
        return nil
    }

    /// Nothing, or a lag: `+2 days`, `-1d`, `+ 3 wks`, `+1.5h`.
    private static func isLag(_ rest: ArraySlice<Unicode.Scalar>) -> Bool {
        let text = String(String.UnicodeScalarView(rest)).trimmingSpaces
        guard let sign = text.first else { return true }
        guard sign == "+" || sign == "-" else { return false }
        let amount = text.dropFirst().drop { $0 == " " }
        let digits = amount.prefix { $0.isNumber || $0 == "." }
        guard !digits.isEmpty else { return false }
        return amount.dropFirst(digits.count).allSatisfy { $0.isLetter || $0 == " " }
    }

    /// Builds the title index, unless it is built.
    mutating func buildTitleIndexIfNeeded() {
        if byTitle == nil { buildTitleIndex() }
    }

    /// Indexes every title by its word key, counting titles several items share, and every id in lower case; only those
    /// an announced reference could name, while there are announced references.
    private mutating func buildTitleIndex() {
        var titles = ItemIndex(capacity: announced?.titles.count ?? items.count)
        var lowerIDs = ItemIndex(capacity: announced?.lowerIDs.count ?? items.count)
        sharedTitles = [:]
        let items = self.items
        // Taken out once: read through the optional on every item, the two filters would be copied each time.
        let wantedTitles = announced?.titles, wantedIDs = announced?.lowerIDs, wantedSums = announced?.sums
        let checkRepeats = !repeatedIDs.isEmpty, repeatedIDs = self.repeatedIDs
        // The titles and ids to index, with their hashes, found in two halves at once (hashing every title is most of
        // the work); indexed in sheet order after. When every title is wanted, the lists would hold every item: one go.
        let halves = inHalves(items.count, minimum: wantedTitles == nil ? .max : sharedFrom) { range -> (titles: [(Int32, UInt64)], ids: [(Int32, UInt64)]) in
            var titles: [(Int32, UInt64)] = [], ids: [(Int32, UInt64)] = []
            for position in range {
                // A title whose letter sum no reference has is not named by any: its key is never hashed.
                if let hash = items.withBytes(position, .title, { title in
                    wantedSums.map { wanted in LetterSum.of(title).map(wanted.contains) ?? true } ?? true ? KeyHash.wordKey(bytes: title) : nil
                }), wantedTitles?.contains(hash) ?? true {
                    titles.append((Int32(position), hash))
                }
                // Only the item an exact id finds: a later row repeating an id is never its target.
                guard let hash = items.withBytes(position, .id, { $0.isEmpty ? nil : KeyHash.lowercased(bytes: $0) }),
                      !(checkRepeats && repeatedIDs.contains(position)), wantedIDs?.contains(hash) ?? true else { continue }
                ids.append((Int32(position), hash))
            }
            return (titles, ids)
        }
        for half in halves {
            for (stored, hash) in half.titles {
                let position = Int(stored)
                let key = { Conventions.wordKey(items[position].title) }
                if let first = titles.insert(position, hash: hash, matches: { Conventions.wordKey(items[$0].title) == key() }) {
                    sharedTitles[first, default: 1] += 1
                }
            }
            for (stored, hash) in half.ids {
                let position = Int(stored)
                let lowered = items[position].id.lowercased()
                _ = lowerIDs.insert(position, hash: hash, matches: { items[$0].id.lowercased() == lowered })
            }
        }
        byTitle = titles
        byLowerID = lowerIDs
    }

    /// The nearest id or title by edit distance, when close enough to be a typo; ties go to the first in the sheet. An id
    /// typed with other separators (`in-07` for `IN 07`) is the one meant, before any id one letter away. Every item is
    /// looked at from its stored bytes: plain ASCII is measured as it is, and only a text in other Unicode is made a
    /// string first.
    func suggestion(for reference: String, excluding origin: Int) -> String? {
        let bare = Array(Self.bareID(reference).utf8)
        let typed = reference.lowercased()
        let length = typed.count
        let limit = max(1, length / 4)
        let typedBytes = typed.utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D } ? Array(typed.utf8) : nil
        var rows: [Int] = []
        /// The distance from what was typed to a candidate's bytes, when close enough.
        func distance(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
            guard !bytes.isEmpty else { return nil }
            // Plain ASCII with no CR has as many characters as bytes: most are ruled out by their length alone.
            if !bytes.contains(where: { $0 >= 0x80 || $0 == 0x0D }) {
                guard abs(bytes.count - length) <= limit else { return nil }
                if let typedBytes {
                    let found = EditDistance.between(lowered: typedBytes, ascii: bytes, limit: limit, rows: &rows)
                    return found <= limit ? found : nil
                }
            }
            let lowered = String(decoding: bytes, as: UTF8.self).lowercased()
            guard abs(lowered.count - length) <= limit else { return nil }
            let found = EditDistance.between(typed, lowered, limit: limit)
            return found <= limit ? found : nil
        }
        var best: (position: Int, field: ItemText, distance: Int)?
        for position in items.indices where position != origin {
            let id = items.withBytes(position, .id) { bytes in (meant: !bare.isEmpty && Self.hasBareID(bytes, bare), distance: distance(bytes)) }
            if id.meant { return items[position].id }
            if let found = id.distance, best == nil || found < best!.distance { best = (position, .id, found) }
            if let found = items.withBytes(position, .title, distance), best == nil || found < best!.distance { best = (position, .title, found) }
        }
        if let best { return items.texts.text(items.record(best.position).text, best.field) }
        // A remark in brackets after the name (a Trello label's colour: `Faster checkout (green)`): the name without it.
        if reference.hasSuffix(")"), let open = reference.lastIndex(of: "("), case let name = String(reference[..<open]).trimmingSpaces, !name.isEmpty {
            return suggestion(for: name, excluding: origin)
        }
        // A title with such a remark, named without it (`Localize pricing pages` for `Localize pricing pages (DE/FR)`).
        var closest: (position: Int, distance: Int)?
        for position in items.indices where position != origin {
            let found = items.withBytes(position, .title) { bytes -> Int? in
                guard bytes.last == UInt8(ascii: ")"), let open = bytes.lastIndex(of: UInt8(ascii: "(")) else { return nil }
                var end = open
                while end > 0, bytes[end - 1] == 0x20 { end -= 1 }
                return distance(UnsafeBufferPointer(rebasing: bytes[..<end]))
            }
            if let found, closest == nil || found < closest!.distance { closest = (position, found) }
        }
        return closest.map { items[$0.position].title }
    }

    /// Whether an id's bytes have exactly the letters and digits `bare` holds (lower case), whatever separates them.
    static func hasBareID(_ id: UnsafeBufferPointer<UInt8>, _ bare: [UInt8]) -> Bool {
        guard id.count >= bare.count else { return false }
        var matched = 0
        for byte in id {
            if byte >= 0x80 { return Array(bareID(String(decoding: id, as: UTF8.self)).utf8) == bare }
            let lowered = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            guard (lowered >= 0x61 && lowered <= 0x7A) || (lowered >= 0x30 && lowered <= 0x39) else { continue }
            guard matched < bare.count, bare[matched] == lowered else { return false }
            matched += 1
        }
        return matched == bare.count
    }
}

/// Levenshtein distance, stopping early once it exceeds a limit.
public enum EditDistance {
    /// The distance between `a` and `b`, or `limit + 1` once it is known to exceed `limit`.
    public static func between(_ a: String, _ b: String, limit: Int = .max) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// The distance between `a`, ASCII in lower case, and the ASCII bytes `b` in any case, as `between` measures their
    /// strings in lower case, or `limit + 1` once it is known to exceed `limit`; `rows` is room to work in, kept between
    /// calls so that measuring a million candidates allocates nothing.
    static func between(lowered a: [UInt8], ascii b: UnsafeBufferPointer<UInt8>, limit: Int, rows: inout [Int]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let width = b.count + 1
        if rows.count < 2 * width { rows = [Int](repeating: 0, count: 2 * width) }
        return rows.withUnsafeMutableBufferPointer { rows in
            var previous = 0, current = width
            for j in 0...b.count { rows[previous + j] = j }
            for i in 1...a.count {
                rows[current] = i
                var rowMinimum = i
                for j in 1...b.count {
                    let byte = b[j - 1], folded = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                    let value = min(rows[previous + j] + 1, rows[current + j - 1] + 1, rows[previous + j - 1] + (a[i - 1] == folded ? 0 : 1))
                    rows[current + j] = value
                    rowMinimum = min(rowMinimum, value)
                }
                if rowMinimum > limit { return limit + 1 }
                swap(&previous, &current)
            }
            return rows[previous + b.count]
        }
    }
}
