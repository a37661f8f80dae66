/// One item's values packed into 56 bytes with no references: a million items are one flat run of memory that costs
/// no reference counting to read. Texts live in the table's arena; owners, teams and files are numbers into its lists.
struct ItemRecord: Sendable {
    /// Where the item's texts start in the arena: block << 32 | offset.
    var text: Int
    /// Percent complete in hundredths (cells are read to two decimals), `noProgress` when not given, `progressKept`
    /// when it is a value hundredths do not give back exactly (then the extras hold it).
    var progress: Int32
    /// The weight, or NaN when a Float does not hold it exactly (then the extras do).
    var weight: Float
    /// Day numbers (days since 1970-01-01), `noDate` when not given.
    var start: Int32, due: Int32, forecast: Int32, updated: Int32
    var line: Int32
    /// Positions in the table's names (0 is the empty name).
    var owner: UInt32, team: UInt32
    /// Position in the table's extras (`ItemExtras`), -1 when the row has none.
    var extras: Int32
    /// Position in the table's files.
    var file: UInt32
    /// `ItemType.recordCode`, 0 when unknown.
    var type: UInt8
    /// `Status.recordCode`, 0 when none.
    var status: UInt8
    var flags: UInt8

    static let statusUnread: UInt8 = 1, hasNotes: UInt8 = 2, isImplicit: UInt8 = 4
    /// Whether the parent, objective and depends-on cells hold anything: most rows need no more to be passed over.
    static let namesParent: UInt8 = 8, namesObjective: UInt8 = 16, namesDependencies: UInt8 = 32

    /// The flags for which of the three reference cells are filled.
    static func references(parent: Bool, objective: Bool, dependencies: Bool) -> UInt8 {
        (parent ? namesParent : 0) | (objective ? namesObjective : 0) | (dependencies ? namesDependencies : 0)
    }
    /// Below any day number a date can have.
    static let noDate = Int32.min
    static let noProgress: Int32 = -1, progressKept: Int32 = -2

    /// `progress` as hundredths, when they give it back exactly.
    static func hundredths(_ progress: Double) -> Int32? {
        let scaled = (progress * 100).rounded()
        guard scaled >= 0, scaled <= 10_000, scaled / 100 == progress, progress.sign == .plus else { return nil }
        return Int32(scaled)
    }

    static func day(_ date: CalendarDate?) -> Int32 { date.map { Int32($0.dayNumber) } ?? noDate }
    static func date(_ day: Int32) -> CalendarDate? { day == noDate ? nil : CalendarDate(storedDayNumber: day) }
}

/// The texts of an item's record, in the order they are stored in the arena.
enum ItemText: Int {
    case id, title, objective, parent, dependsOn
}

/// What the records of a table point into: the text arena, the names, the files and the extras. Never changed
/// once made; a table that grows makes a new one that shares the old one's blocks.
final class ItemTexts: Sendable {
    /// Blocks of texts: per item, each `ItemText` in order as a length (7 bits a byte) and its UTF-8 bytes.
    let arena: [[UInt8]]
    let names: [String]
    let files: [String]
    let extras: [ItemExtras]

    init(arena: [[UInt8]], names: [String], files: [String], extras: [ItemExtras]) {
        self.arena = arena
        self.names = names
        self.files = files
        self.extras = extras
    }

    /// Calls `body` with the bytes of one of an item's texts.
    @inline(__always)
    func withBytes<Result>(_ location: Int, _ field: ItemText, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        arena[location >> 32].withUnsafeBufferPointer { block in
            var position = location & 0xFFFF_FFFF
            var skip = field.rawValue
            while true {
                var length = 0, shift = 0
                while true {
                    let byte = block[position]
                    position += 1
                    length |= Int(byte & 0x7F) << shift
                    if byte < 0x80 { break }
                    shift += 7
                }
                if skip == 0 { return body(UnsafeBufferPointer(rebasing: block[position..<position + length])) }
                position += length
                skip -= 1
            }
        }
    }

    /// One of an item's texts.
    func text(_ location: Int, _ field: ItemText) -> String {
        withBytes(location, field) { $0.isEmpty ? "" : String(decoding: $0, as: UTF8.self) }
    }
}

/// The items of a tracker in sheet order, stored as records in blocks (a table of a million items is never copied
/// whole to grow); `table[i]` is a view of one.
public struct ItemTable: RandomAccessCollection, Sendable {
    static let blockShift = 16
    static let blockMask = (1 << blockShift) - 1
    private var blocks: [[ItemRecord]]
    let texts: ItemTexts
    public let count: Int

    init(blocks: [[ItemRecord]], texts: ItemTexts, count: Int) {
        self.blocks = blocks
        self.texts = texts
        self.count = count
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    @inline(__always)
    func record(_ position: Int) -> ItemRecord { blocks[position >> Self.blockShift][position & Self.blockMask] }

    public subscript(position: Int) -> Item { Item(record: record(position), texts: texts) }

    /// The weight of the item at `position`, as `Item.weight` gives it, without making the item: a parent reads it for
    /// every child.
    @inline(__always)
    func weight(_ position: Int) -> Double {
        let weight = record(position).weight
        return weight.isNaN ? self[position].weight : Double(weight)
    }

    /// Whether the item at `position` has something in its parent, objective or depends-on cell (`ItemRecord` flags).
    @inline(__always)
    func names(_ position: Int, _ reference: UInt8) -> Bool { record(position).flags & reference != 0 }

    /// Whether the item at `position` has exactly the id `bytes` (no string made).
    func idEquals(_ position: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        texts.withBytes(record(position).text, .id) { $0.elementsEqual(bytes) }
    }

    /// Calls `body` with the bytes of a text of the item at `position`.
    func withBytes<Result>(_ position: Int, _ field: ItemText, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        texts.withBytes(record(position).text, field, body)
    }

    /// This table with items made from `values` added at the end, with no row (line 0); the records already stored are
    /// shared, not copied.
    func appending(_ values: [(values: ItemValues, file: String)], isImplicit: Bool) -> ItemTable {
        guard !values.isEmpty else { return self }
        var builder = ItemTableBuilder(continuing: self)
        for (value, file) in values { builder.append(value, file: builder.file(file), line: 0, isImplicit: isImplicit) }
        return builder.table()
    }

    /// This table with the items at `positions` given `type`; only the blocks holding them are copied.
    func settingType(_ type: ItemType, at positions: [Int]) -> ItemTable {
        guard !positions.isEmpty else { return self }
        var blocks = self.blocks
        for position in positions { blocks[position >> Self.blockShift][position & Self.blockMask].type = type.recordCode }
        return ItemTable(blocks: blocks, texts: texts, count: count)
    }

    /// The distinct owners and teams the items name.
    func ownersAndTeams() -> (owners: Set<String>, teams: Set<String>) {
        var ownerSeen = [Bool](repeating: false, count: texts.names.count)
        var teamSeen = ownerSeen
        for block in blocks {
            for record in block {
                ownerSeen[Int(record.owner)] = true
                teamSeen[Int(record.team)] = true
            }
        }
        let pick = { (seen: [Bool]) in Set(seen.indices.filter { seen[$0] }.map { self.texts.names[$0] }) }
        return (pick(ownerSeen), pick(teamSeen))
    }

    fileprivate var storedBlocks: [[ItemRecord]] { blocks }
}

/// Builds an item table: records appended in blocks, texts into arena blocks, names and files each stored once.
struct ItemTableBuilder {
    static let arenaBlockSize = 1 << 20
    private(set) var blocks: [[ItemRecord]] = []
    private var arena: [[UInt8]] = []
    private var names: [String] = [""]
    private var nameIndex: [String: UInt32] = ["": 0]
    private var files: [String] = []
    private var extras: [ItemExtras] = []
    private(set) var count = 0

    init() {}

    /// A builder that adds to `table`: its blocks are shared until one is written to.
    init(continuing table: ItemTable) {
        blocks = table.storedBlocks
        arena = table.texts.arena
        names = table.texts.names
        for (position, name) in names.enumerated() { nameIndex[name] = UInt32(position) }
        files = table.texts.files
        extras = table.texts.extras
        count = table.count
    }

    /// The number standing for an owner or team name.
    mutating func name(_ text: String) -> UInt32 {
        if let known = nameIndex[text] { return known }
        names.append(text)
        nameIndex[text] = UInt32(names.count - 1)
        return UInt32(names.count - 1)
    }

    /// The name a number stands for.
    func nameText(_ index: UInt32) -> String { names[Int(index)] }

    /// The number standing for a file.
    mutating func file(_ name: String) -> UInt32 {
        if let known = files.lastIndex(of: name) { return UInt32(known) }
        files.append(name)
        return UInt32(files.count - 1)
    }

    /// Room for `byteCount` more bytes of texts; returns where they go (block << 32 | offset).
    private mutating func reserveText(_ byteCount: Int) -> Int {
        if arena.isEmpty || arena[arena.count - 1].count + byteCount > arena[arena.count - 1].capacity {
            var block: [UInt8] = []
            block.reserveCapacity(max(Self.arenaBlockSize, byteCount))
            arena.append(block)
        }
        return (arena.count - 1) << 32 | arena[arena.count - 1].count
    }

    private mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        let last = arena.count - 1
        var length = bytes.count
        while length >= 0x80 {
            arena[last].append(UInt8(length & 0x7F) | 0x80)
            length >>= 7
        }
        arena[last].append(UInt8(length))
        arena[last].append(contentsOf: bytes)
    }

    /// Stores an item's five texts, in `ItemText` order; returns where they start.
    mutating func storeTexts(_ id: UnsafeBufferPointer<UInt8>, _ title: UnsafeBufferPointer<UInt8>, _ objective: UnsafeBufferPointer<UInt8>,
                             _ parent: UnsafeBufferPointer<UInt8>, _ dependsOn: UnsafeBufferPointer<UInt8>) -> Int {
        let location = reserveText(id.count + title.count + objective.count + parent.count + dependsOn.count + 25)
        write(id)
        write(title)
        write(objective)
        write(parent)
        write(dependsOn)
        return location
    }

    /// Appends a record; `record.text` must come from `storeTexts`.
    mutating func append(_ record: ItemRecord) {
        openBlockIfFull()
        blocks[blocks.count - 1].append(record)
        count += 1
    }

    /// Starts a new block when the last is full (or there is none): a block is never grown past its size.
    private mutating func openBlockIfFull() {
        guard count & ItemTable.blockMask == 0 else { return }
        var block: [ItemRecord] = []
        block.reserveCapacity(1 << ItemTable.blockShift)
        blocks.append(block)
    }

    /// The extras' position, -1 when the row needs none: a KPI value, or a progress or weight the record cannot hold.
    mutating func extras(_ values: ItemValues, progressKept: Bool, weightKept: Bool) -> Int32 {
        let hasMeasure = values.baseline != nil || values.target != nil || values.actual != nil || !values.unit.isEmpty || values.direction != nil
        guard hasMeasure || progressKept || weightKept else { return -1 }
        extras.append(ItemExtras(baseline: values.baseline, target: values.target, actual: values.actual, unit: values.unit, direction: values.direction,
                                 progress: progressKept ? values.progress : nil, weight: weightKept ? values.weight : nil))
        return Int32(extras.count - 1)
    }

    /// Appends an item from its values, its texts included.
    mutating func append(_ values: ItemValues, file: UInt32, line: Int, isImplicit: Bool = false) {
        var (id, title, objective, parent, dependsOn) = (values.id, values.title, values.objectiveReference, values.parentReference, values.dependsOn)
        let location = id.withUTF8 { a in title.withUTF8 { b in objective.withUTF8 { c in parent.withUTF8 { d in dependsOn.withUTF8 { e in
            storeTexts(a, b, c, d, e)
        } } } } }
        let references = ItemRecord.references(parent: !values.parentReference.isEmpty, objective: !values.objectiveReference.isEmpty,
                                               dependencies: !values.dependsOn.isEmpty)
        append(record(values, text: location, file: file, line: line, isImplicit: isImplicit, references: references))
    }

    /// The record for `values`, its texts already stored at `text`; `references` flags the reference cells that are filled.
    /// `owner` and `team`, when given, are the numbers of the names already (`values.owner` and `values.team` are not read).
    mutating func record(_ values: ItemValues, text: Int, file: UInt32, line: Int, isImplicit: Bool = false, references: UInt8,
                         owner: UInt32? = nil, team: UInt32? = nil) -> ItemRecord {
        var flags: UInt8 = references
        if values.statusUnread { flags |= ItemRecord.statusUnread }
        if values.hasNotes { flags |= ItemRecord.hasNotes }
        if isImplicit { flags |= ItemRecord.isImplicit }
        let progress = values.progress.map { ItemRecord.hundredths($0) ?? ItemRecord.progressKept } ?? ItemRecord.noProgress
        let weight = Float(values.weight)
        let weightKept = Double(weight) != values.weight
        return ItemRecord(text: text, progress: progress, weight: weightKept ? .nan : weight,
                          start: ItemRecord.day(values.start), due: ItemRecord.day(values.due),
                          forecast: ItemRecord.day(values.forecast), updated: ItemRecord.day(values.updated),
                          line: Int32(clamping: line), owner: owner ?? name(values.owner), team: team ?? name(values.team),
                          extras: extras(values, progressKept: progress == ItemRecord.progressKept, weightKept: weightKept), file: file,
                          type: values.type?.recordCode ?? 0, status: values.typedStatus?.recordCode ?? 0, flags: flags)
    }

    /// Moves every item of `other` to the end of this builder, block by block, so the two are never held whole twice.
    mutating func absorb(_ other: inout ItemTableBuilder) {
        let arenaShift = arena.count
        arena += other.arena
        other.arena = []
        let nameMap = other.names.map { name($0) }
        let fileMap = other.files.map { file($0) }
        let extrasShift = Int32(extras.count)
        extras += other.extras
        for position in other.blocks.indices {
            // Each block is made to point into this builder's lists where it lies, then copied in runs that fill blocks.
            other.blocks[position].withUnsafeMutableBufferPointer { records in
                nameMap.withUnsafeBufferPointer { nameMap in
                    for index in records.indices {
                        records[index].text += arenaShift << 32
                        records[index].owner = nameMap[Int(records[index].owner)]
                        records[index].team = nameMap[Int(records[index].team)]
                        records[index].file = fileMap[Int(records[index].file)]
                        if records[index].extras >= 0 { records[index].extras += extrasShift }
                    }
                }
            }
            append(contentsOf: other.blocks[position])
            other.blocks[position] = []
        }
        other = ItemTableBuilder()
    }

    /// Appends records whose texts and names already point into this builder, a block's room at a time.
    private mutating func append(contentsOf records: [ItemRecord]) {
        var start = 0
        while start < records.count {
            openBlockIfFull()
            let room = (1 << ItemTable.blockShift) - (count & ItemTable.blockMask)
            let end = min(records.count, start + room)
            blocks[blocks.count - 1].append(contentsOf: records[start..<end])
            count += end - start
            start = end
        }
    }

    /// The table built so far.
    func table() -> ItemTable {
        ItemTable(blocks: blocks, texts: ItemTexts(arena: arena, names: names, files: files, extras: extras), count: count)
    }
}

extension ItemType {
    /// The type's code in a record (0 stands for none). A switch, not a place in `allCases`: that array is made anew
    /// each time it is asked for.
    var recordCode: UInt8 {
        switch self {
        case .objective: 1
        case .keyResult: 2
        case .initiative: 3
        case .workstream: 4
        case .milestone: 5
        case .task: 6
        }
    }

    /// The type a record's code stands for; nil for 0.
    init?(recordCode: UInt8) {
        switch recordCode {
        case 1: self = .objective
        case 2: self = .keyResult
        case 3: self = .initiative
        case 4: self = .workstream
        case 5: self = .milestone
        case 6: self = .task
        default: return nil
        }
    }
}

extension Status {
    /// The status's code in a record (0 stands for none).
    var recordCode: UInt8 {
        switch self {
        case .notStarted: 1
        case .onTrack: 2
        case .atRisk: 3
        case .offTrack: 4
        case .blocked: 5
        case .done: 6
        case .cancelled: 7
        case .onHold: 8
        }
    }

    /// The status a record's code stands for; nil for 0.
    init?(recordCode: UInt8) {
        switch recordCode {
        case 1: self = .notStarted
        case 2: self = .onTrack
        case 3: self = .atRisk
        case 4: self = .offTrack
        case 5: self = .blocked
        case 6: self = .done
        case 7: self = .cancelled
        case 8: self = .onHold
        default: return nil
        }
    }
}
