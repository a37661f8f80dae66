#if canImport(Glibc)
import Glibc
#endif

/// What the generator wrote: the file's size and how its rows reference each other.
struct GeneratedTracker {
    /// The file's size in bytes.
    let bytes: Int
    /// How many items each tier has.
    let shape: TrackerShape
    /// Rows per `TrackerLevel`.
    let rowsPerLevel: [Int]
    /// `Belongs To` cells filled, and those naming the parent by title instead of id.
    let parentReferences: Int, parentReferencesByTitle: Int
    /// `Strategic Priority` cells filled, and those naming the objective by title.
    let objectiveReferences: Int, objectiveReferencesByTitle: Int
    /// Rows with a `Blocked By` cell, and the references in those cells.
    let blockedRows: Int, blockerReferences: Int
}

/// Writes a seeded, messy strategy tracker that is a real hierarchy: the same row count always gives the same bytes.
///
/// The layout follows `sample-data/strategy-tracker.csv`: a UTF-8 byte order mark, two title lines above the header,
/// CRLF line ends, owners and statuses typed many ways, dates in several formats, about 2% of notes quoted with
/// commas, doubled quotes and line breaks, and a `Budget (kEUR)` column no mapping knows.
///
/// Rows come depth first (objective, its key results, each one's initiatives, workstreams, milestones and tasks), as
/// `TrackerShape` lays them out. Every title in the sheet is unique, so a reference by title names one item:
/// `Belongs To` names the parent by id, about 5% by title (cased or spaced differently at times) and 1% by id in
/// lower case; `Strategic Priority` names the objective on key results and initiatives, by id or title; about 2% of
/// rows are `Blocked By` one or two earlier items of their level (never an ancestor, so there are no cycles); key
/// results carry KPI values.
struct TrackerGenerator {
    private let vocabulary = TrackerVocabulary()
    private let shape: TrackerShape
    private var random = SeededRandom(seed: 0x7468_726F_7567_686C)
    /// Bytes not yet written.
    private var chunk: [UInt8] = []
    /// Scratch space for one title or id.
    private var scratch: [UInt8] = []
    private var rowsPerLevel = [Int](repeating: 0, count: TrackerLevel.allCases.count)
    private var parentReferences = 0, parentReferencesByTitle = 0
    private var objectiveReferences = 0, objectiveReferencesByTitle = 0
    private var blockedRows = 0, blockerReferences = 0

    /// Bytes gathered before each write: big writes keep the generator far faster than the tools it feeds.
    private static let chunkSize = 8 << 20

    private init(rows: Int) {
        shape = TrackerShape(rows: rows)
        chunk.reserveCapacity(Self.chunkSize + 4096)
        scratch.reserveCapacity(256)
    }

    /// Writes the title lines, the header and `rows` data rows to `path`.
    static func write(rows: Int, to path: String) throws -> GeneratedTracker {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            throw BenchFailure(message: "cannot create \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var generator = TrackerGenerator(rows: rows)
        generator.chunk += generator.vocabulary.preamble
        generator.chunk += generator.vocabulary.columns
        var written = 0
        try generator.forEachRow { generator in
            if generator.chunk.count >= chunkSize {
                written += try writeAll(generator.chunk, to: descriptor, path: path)
                generator.chunk.removeAll(keepingCapacity: true)
            }
        }
        written += try writeAll(generator.chunk, to: descriptor, path: path)
        precondition(generator.rowsPerLevel.reduce(0, +) == rows, "the shape must account for every row")
        return GeneratedTracker(
            bytes: written, shape: generator.shape, rowsPerLevel: generator.rowsPerLevel,
            parentReferences: generator.parentReferences, parentReferencesByTitle: generator.parentReferencesByTitle,
            objectiveReferences: generator.objectiveReferences, objectiveReferencesByTitle: generator.objectiveReferencesByTitle,
            blockedRows: generator.blockedRows, blockerReferences: generator.blockerReferences)
    }

    /// Writes every byte of `bytes`; returns how many.
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws -> Int {
        try bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let count = Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    throw BenchFailure(message: "cannot write \(path): \(String(cString: strerror(errno)))")
                }
                offset += count
            }
            return raw.count
        }
    }

    // MARK: The hierarchy, depth first

    /// Appends every data row in sheet order, calling `afterRow` after each (to flush the chunk).
    private mutating func forEachRow(_ afterRow: (inout TrackerGenerator) throws -> Void) throws {
        for objective in 0..<shape.count(0) {
            appendRow(.objective, objective, parent: nil, objective: objective)
            try afterRow(&self)
            for keyResult in shape.children(of: objective, tier: 0) {
                appendRow(.keyResult, keyResult, parent: (.objective, objective), objective: objective)
                try afterRow(&self)
                for initiative in shape.children(of: keyResult, tier: 1) {
                    appendRow(.initiative, initiative, parent: (.keyResult, keyResult), objective: objective)
                    try afterRow(&self)
                    for workstream in shape.children(of: initiative, tier: 2) {
                        appendRow(.workstream, workstream, parent: (.initiative, initiative), objective: objective)
                        try afterRow(&self)
                        var lastMilestone: Int?
                        for leaf in shape.children(of: workstream, tier: 3) {
                            if TrackerShape.isMilestone(leaf: leaf) {
                                appendRow(.milestone, leaf, parent: (.workstream, workstream), objective: objective)
                                lastMilestone = leaf
                            } else if let milestone = lastMilestone, random.chance(perMille: 400) {
                                // Some tasks sit under a milestone, making that milestone a parent too.
                                appendRow(.task, leaf, parent: (.milestone, milestone), objective: objective)
                            } else {
                                appendRow(.task, leaf, parent: (.workstream, workstream), objective: objective)
                            }
                            try afterRow(&self)
                        }
                    }
                }
            }
        }
    }

    // MARK: Rows

    /// Appends one data row, CRLF included.
    private mutating func appendRow(_ level: TrackerLevel, _ index: Int, parent: (TrackerLevel, Int)?, objective: Int) {
        rowsPerLevel[level.rawValue] += 1
        let person = vocabulary.people[random.below(vocabulary.people.count)]

        appendID(level, index)
        chunk.append(0x2C)
        let spellings = vocabulary.levels[level.rawValue]
        chunk += spellings[random.chance(perMille: 800) ? 0 : random.below(spellings.count)]; chunk.append(0x2C)
        makeTitle(level, index)
        appendScratch(spelling: 0); chunk.append(0x2C)
        appendStrategicPriority(level, objective: objective); chunk.append(0x2C)
        if let (parentLevel, parentIndex) = parent { appendParent(parentLevel, parentIndex) }
        chunk.append(0x2C)
        appendOwner(person); chunk.append(0x2C)
        chunk += person.department; chunk.append(0x2C)
        chunk += random.pick(vocabulary.statuses); chunk.append(0x2C)
        appendPercent(); chunk.append(0x2C)
        appendStartDate(); chunk.append(0x2C)
        appendTargetDate(); chunk.append(0x2C)
        if random.chance(perMille: 250) { appendISODate(year: 2027) }
        chunk.append(0x2C)
        appendDayFirstDate(); chunk.append(0x2C)
        appendBlockers(level, index); chunk.append(0x2C)
        if random.chance(perMille: 50) { appendNumber(1 + random.below(3)) }
        chunk.append(0x2C)
        if level == .keyResult { appendKPI(index) } else { chunk += Self.emptyKPI }
        chunk.append(0x2C)
        appendComment(); chunk.append(0x2C)
        appendBudget(); chunk.append(0x2C)
        if random.chance(perMille: 600) { chunk += Self.jiraPrefix; appendNumber(1000 + random.below(9000)) }
        chunk.append(0x0D); chunk.append(0x0A)
    }

    /// The five KPI cells of a row that has none.
    private static let emptyKPI: [UInt8] = [0x2C, 0x2C, 0x2C, 0x2C]
    private static let jiraPrefix = Array("NW-".utf8)

    // MARK: Ids, titles and references

    /// `O12`, `KR12.3`, `I-00045`, `WS-000123`, `M-0001234` / `T-0001235` (milestones and tasks numbered together).
    private mutating func appendID(_ level: TrackerLevel, _ index: Int) {
        switch level {
        case .objective:
            chunk.append(0x4F)
            appendNumber(index + 1)
        case .keyResult:
            let objective = shape.parent(of: index, tier: 1)
            chunk.append(0x4B); chunk.append(0x52)
            appendNumber(objective + 1)
            chunk.append(0x2E)
            appendNumber(index - shape.children(of: objective, tier: 0).lowerBound + 1)
        case .initiative:
            chunk.append(0x49); chunk.append(0x2D)
            appendNumber(index + 1, width: 5)
        case .workstream:
            chunk.append(0x57); chunk.append(0x53); chunk.append(0x2D)
            appendNumber(index + 1, width: 6)
        case .milestone, .task:
            chunk.append(TrackerShape.isMilestone(leaf: index) ? 0x4D : 0x54); chunk.append(0x2D)
            appendNumber(index + 1, width: 7)
        }
    }

    /// Puts the item's title, unquoted, in `scratch`: a stem and a number that makes it unique (`Partner portal 17`);
    /// a milestone or task is its workstream's title and its phase or task (`Partner portal 17: go-live`).
    private mutating func makeTitle(_ level: TrackerLevel, _ index: Int) {
        scratch.removeAll(keepingCapacity: true)
        switch level {
        case .objective: appendStem(vocabulary.objectiveStems, index)
        case .keyResult: appendStem(vocabulary.keyResultStems, index)
        case .initiative: appendStem(vocabulary.initiativeStems, index)
        case .workstream: appendStem(vocabulary.workstreamStems, index)
        case .milestone, .task:
            let workstream = shape.parent(of: index, tier: TrackerShape.leafTier)
            appendStem(vocabulary.workstreamStems, workstream)
            scratch.append(0x3A); scratch.append(0x20)
            // The leaf's place among the earlier leaves of its kind in its workstream picks its phase or task.
            let milestone = TrackerShape.isMilestone(leaf: index)
            var place = 0
            for earlier in shape.children(of: workstream, tier: TrackerShape.leafTier - 1).lowerBound..<index
            where TrackerShape.isMilestone(leaf: earlier) == milestone {
                place += 1
            }
            appendStem(milestone ? vocabulary.phases : vocabulary.taskNames, place)
        }
    }

    /// `stems[index % count]`, followed by ` 2`, ` 3` … from the second time round the list.
    private mutating func appendStem(_ stems: [[UInt8]], _ index: Int) {
        scratch += stems[index % stems.count]
        let round = index / stems.count
        if round > 0 {
            scratch.append(0x20)
            let start = scratch.count
            var rest = round + 1
            while rest > 0 { scratch.append(UInt8(0x30 + rest % 10)); rest /= 10 }
            scratch[start...].reverse()
        }
    }

    /// Appends `scratch` as a cell: as typed (0), upper case (1), lower case (2) or with a doubled space (3); quoted
    /// when it holds a comma (stems have no quotes or line breaks).
    private mutating func appendScratch(spelling: Int) {
        let quoted = scratch.contains(0x2C)
        if quoted { chunk.append(0x22) }
        var doubled = spelling != 3
        for byte in scratch {
            switch spelling {
            case 1: chunk.append(byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte)
            case 2: chunk.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
            default:
                chunk.append(byte)
                if byte == 0x20 && !doubled { chunk.append(0x20); doubled = true }
            }
        }
        if quoted { chunk.append(0x22) }
    }

    /// A reference by title, spelled as people type a name they remember: mostly as typed, else cased or spaced differently.
    private mutating func appendTitleReference(_ level: TrackerLevel, _ index: Int) {
        makeTitle(level, index)
        let roll = random.below(100)
        appendScratch(spelling: roll < 50 ? 0 : roll < 65 ? 1 : roll < 85 ? 2 : 3)
    }

    /// An id typed in lower case (`ws-000123`), which the tool matches after an exact id and a title.
    private mutating func appendLowerCaseID(_ level: TrackerLevel, _ index: Int) {
        let start = chunk.count
        appendID(level, index)
        for position in start..<chunk.count where chunk[position] >= 0x41 && chunk[position] <= 0x5A {
            chunk[position] += 0x20
        }
    }

    /// `Belongs To`: the parent's id; about 5% its title, 1% its id in lower case.
    private mutating func appendParent(_ level: TrackerLevel, _ index: Int) {
        parentReferences += 1
        let roll = random.below(1000)
        if roll < 50 {
            parentReferencesByTitle += 1
            appendTitleReference(level, index)
        } else if roll < 60 {
            appendLowerCaseID(level, index)
        } else {
            appendID(level, index)
        }
    }

    /// `Strategic Priority` on 90% of key results and initiatives: the objective's id, or half the time its title.
    private mutating func appendStrategicPriority(_ level: TrackerLevel, objective: Int) {
        guard level == .keyResult || level == .initiative, random.chance(perMille: 900) else { return }
        objectiveReferences += 1
        if random.chance(perMille: 500) {
            objectiveReferencesByTitle += 1
            appendTitleReference(.objective, objective)
        } else {
            appendID(.objective, objective)
        }
    }

    /// `Blocked By` on about 2% of rows: one earlier item of the same level (a leaf: one in an earlier workstream),
    /// sometimes two joined by `; `; half near by, half anywhere before; mostly by id, some by title.
    private mutating func appendBlockers(_ level: TrackerLevel, _ index: Int) {
        let tier = level.tier
        guard tier >= 1 else { return }
        let before = tier == TrackerShape.leafTier
            ? shape.children(of: shape.parent(of: index, tier: tier), tier: tier - 1).lowerBound
            : index
        guard before > 0, random.chance(perMille: 20) else { return }
        blockedRows += 1
        let count = random.chance(perMille: 250) ? 2 : 1
        for number in 0..<count {
            if number > 0 { chunk.append(0x3B); chunk.append(0x20) }
            blockerReferences += 1
            let blocker = random.chance(perMille: 500)
                ? max(0, before - 500) + random.below(min(500, before))
                : random.below(before)
            let blockerLevel: TrackerLevel = tier < TrackerShape.leafTier ? level
                : TrackerShape.isMilestone(leaf: blocker) ? .milestone : .task
            if random.chance(perMille: 100) {
                makeTitle(blockerLevel, blocker)
                // A `Blocked By` cell is split at commas, so a title with one is named by id.
                if !scratch.contains(0x2C) {
                    appendScratch(spelling: 0)
                    continue
                }
            }
            appendID(blockerLevel, blocker)
        }
    }

    /// Baseline, target, current, unit and direction of key result `index`: its stem's metric, the current value
    /// anywhere from a bit worse than the baseline to a bit past the target.
    private mutating func appendKPI(_ index: Int) {
        let metric = vocabulary.metrics[index % vocabulary.metrics.count]
        let share = Double(random.below(121) - 15) / 100
        let current = metric.baseline + (metric.target - metric.baseline) * share
        chunk += Array(Format.fixed(metric.baseline, metric.decimals).utf8); chunk.append(0x2C)
        chunk += Array(Format.fixed(metric.target, metric.decimals).utf8); chunk.append(0x2C)
        chunk += Array(Format.fixed(current, metric.decimals).utf8); chunk.append(0x2C)
        chunk += metric.unit; chunk.append(0x2C)
        chunk += random.pick(metric.down ? vocabulary.downWords : vocabulary.upWords)
    }

    // MARK: Cells typed by hand

    /// The owner as people type them: mostly the proper name, sometimes a mail address, padded, shouted or "Last, First".
    private mutating func appendOwner(_ person: TrackerVocabulary.Person) {
        let roll = random.below(1000)
        let spelling = roll < 750 ? 0 : roll < 850 ? 1 : roll < 900 ? 2 : roll < 940 ? 3 : roll < 980 ? 4 : -1
        if spelling >= 0 { chunk += person.spellings[spelling] }
    }

    /// `90%`, `92`, `0.45` or empty.
    private mutating func appendPercent() {
        let roll = random.below(100)
        let value = random.below(101)
        if roll < 70 {
            appendNumber(value)
            chunk.append(0x25)
        } else if roll < 85 {
            appendNumber(value)
        } else if roll < 90 {
            chunk.append(0x30); chunk.append(0x2E)
            appendNumber(min(value, 99), width: 2)
        }
    }

    /// ISO, `12-Jan-2026`, `2 May 2026` or empty.
    private mutating func appendStartDate() {
        let roll = random.below(100)
        if roll < 50 {
            appendISODate(year: 2026)
        } else if roll < 65 {
            let (month, day) = randomDay()
            appendNumber(day); chunk.append(0x2D)
            chunk += vocabulary.monthNames[month - 1]; chunk.append(0x2D)
            appendNumber(2026)
        } else if roll < 75 {
            let (month, day) = randomDay()
            appendNumber(day); chunk.append(0x20)
            chunk += vocabulary.monthNames[month - 1]; chunk.append(0x20)
            appendNumber(2026)
        }
    }

    /// US `9/30/2026`, quoted `"Aug 10, 2026"` (the comma forces the quotes) or ISO.
    private mutating func appendTargetDate() {
        let roll = random.below(100)
        let year = 2026 + random.below(2)
        let (month, day) = randomDay()
        if roll < 60 {
            appendNumber(month); chunk.append(0x2F)
            appendNumber(day); chunk.append(0x2F)
            appendNumber(year)
        } else if roll < 85 {
            chunk.append(0x22)
            chunk += vocabulary.monthNames[month - 1]; chunk.append(0x20)
            appendNumber(day); chunk.append(0x2C); chunk.append(0x20)
            appendNumber(year)
            chunk.append(0x22)
        } else {
            appendISODate(year: year)
        }
    }

    /// `18/11/2026`: the European "Last Updated" column.
    private mutating func appendDayFirstDate() {
        let (month, day) = randomDay()
        appendNumber(day, width: 2); chunk.append(0x2F)
        appendNumber(month, width: 2); chunk.append(0x2F)
        appendNumber(2026)
    }

    /// `2026-03-01`.
    private mutating func appendISODate(year: Int) {
        let (month, day) = randomDay()
        appendNumber(year); chunk.append(0x2D)
        appendNumber(month, width: 2); chunk.append(0x2D)
        appendNumber(day, width: 2)
    }

    /// A valid month and day.
    private mutating func randomDay() -> (month: Int, day: Int) {
        let month = 1 + random.below(12)
        return (month, 1 + random.below(vocabulary.monthDays[month - 1]))
    }

    /// Empty mostly; a short note at times; about 2% a long quoted note with commas, doubled quotes and line breaks.
    private mutating func appendComment() {
        let roll = random.below(1000)
        if roll < 20 {
            chunk += random.pick(vocabulary.longNotes)
        } else if roll < 400 {
            chunk += random.pick(vocabulary.shortNotes)
        }
    }

    /// The column no mapping knows: `250`, a quoted `"1,250"`, or empty.
    private mutating func appendBudget() {
        let roll = random.below(100)
        if roll < 15 {
            appendNumber(10 * (1 + random.below(90)))
        } else if roll < 20 {
            chunk.append(0x22)
            appendNumber(1 + random.below(9)); chunk.append(0x2C)
            appendNumber(random.below(1000), width: 3)
            chunk.append(0x22)
        }
    }

    /// Appends `value` in decimal, zero-padded to `width` digits.
    @inline(__always)
    private mutating func appendNumber(_ value: Int, width: Int = 1) {
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[19 - count] = UInt8(0x30 + rest % 10)
                rest /= 10
                count += 1
            } while rest > 0 || count < width
            chunk.append(contentsOf: buffer[(20 - count)...])
        }
    }
}
