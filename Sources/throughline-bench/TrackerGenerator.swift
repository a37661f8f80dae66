#if canImport(Glibc)
import Glibc
#endif

/// Writes a seeded, messy strategy tracker: the same row count always gives the same bytes.
///
/// The layout follows `sample-data/strategy-tracker.csv`: a UTF-8 byte order mark, two title lines above the header,
/// CRLF line ends, owners and statuses typed many ways, dates in several formats, about 2% of notes quoted with
/// commas, doubled quotes and line breaks, and a `Budget (kEUR)` column no mapping knows.
struct TrackerGenerator {
    /// The levels of the hierarchy, each the child of the one before.
    enum Level: Int {
        case objective, keyResult, initiative, workstream, milestone
    }

    /// The newest item of one level: what the next rows below it point to.
    struct Item {
        var number = 0
        var subNumber = 0
        var topic = 0
    }

    private let vocabulary = TrackerVocabulary()
    private var random = SeededRandom(seed: 0x7468_726F_7567_686C)
    private var line: [UInt8] = []
    private var newest = [Item](repeating: Item(), count: 5)
    private var keyResultsInObjective = 0

    /// Bytes gathered before each write: big writes keep the generator far faster than the tools it feeds.
    private static let chunkSize = 8 << 20

    /// Writes the title lines, the header and `rows` data rows to `path`; returns the file's size in bytes.
    static func write(rows: Int, to path: String) throws -> Int {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            throw BenchFailure(message: "cannot create \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var generator = TrackerGenerator()
        var chunk: [UInt8] = []
        chunk.reserveCapacity(chunkSize + 4096)
        chunk += generator.vocabulary.preamble
        chunk += generator.vocabulary.columns
        var written = 0
        for _ in 0..<rows {
            generator.appendRow(to: &chunk)
            if chunk.count >= chunkSize {
                written += try writeAll(chunk, to: descriptor, path: path)
                chunk.removeAll(keepingCapacity: true)
            }
        }
        written += try writeAll(chunk, to: descriptor, path: path)
        return written
    }

    /// Writes every byte of `bytes`; returns how many.
    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws -> Int {
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

    // MARK: Rows

    /// Appends one data row, CRLF included.
    mutating func appendRow(to out: inout [UInt8]) {
        let level = chooseLevel()
        let item = startItem(level)
        let person = vocabulary.people[random.below(vocabulary.people.count)]

        appendReference(level, item, to: &out); out.append(0x2C)
        let spellings = vocabulary.levels[level.rawValue]
        out += spellings[random.chance(perMille: 800) ? 0 : random.below(spellings.count)]; out.append(0x2C)
        appendName(level, item, to: &out); out.append(0x2C)
        appendStrategicPriority(level, to: &out); out.append(0x2C)
        appendParent(level, to: &out); out.append(0x2C)
        appendOwner(person, to: &out); out.append(0x2C)
        out += person.department; out.append(0x2C)
        out += random.pick(vocabulary.statuses); out.append(0x2C)
        appendPercent(to: &out); out.append(0x2C)
        appendStartDate(to: &out); out.append(0x2C)
        appendTargetDate(to: &out); out.append(0x2C)
        if random.chance(perMille: 250) { appendISODate(year: 2027, to: &out) }
        out.append(0x2C)
        appendDayFirstDate(to: &out); out.append(0x2C)
        appendBlockers(level, to: &out); out.append(0x2C)
        if random.chance(perMille: 50) { appendNumber(1 + random.below(3), to: &out) }
        out.append(0x2C)
        if level == .keyResult { out += random.pick(vocabulary.metrics) } else { out += Self.emptyMetrics }
        out.append(0x2C)
        appendComment(to: &out); out.append(0x2C)
        appendBudget(to: &out); out.append(0x2C)
        if random.chance(perMille: 600) { out += Self.jiraPrefix; appendNumber(1000 + random.below(9000), to: &out) }
        out.append(0x0D); out.append(0x0A)
    }

    private static let emptyMetrics: [UInt8] = [0x2C, 0x2C, 0x2C, 0x2C]
    private static let jiraPrefix = Array("NW-".utf8)

    /// Mostly milestones under workstreams under initiatives, as real trackers grow.
    private mutating func chooseLevel() -> Level {
        let roll = random.below(1000)
        var level: Level = roll < 5 ? .objective : roll < 25 ? .keyResult : roll < 70 ? .initiative : roll < 200 ? .workstream : .milestone
        // The first rows must create the parents later rows point to.
        while level != .objective && newest[level.rawValue - 1].number == 0 {
            level = Level(rawValue: level.rawValue - 1)!
        }
        return level
    }

    /// Numbers a new item of `level` and remembers it as the newest of its level.
    private mutating func startItem(_ level: Level) -> Item {
        var item = Item()
        item.number = newest[level.rawValue].number + 1
        switch level {
        case .objective:
            item.topic = random.below(vocabulary.objectives.count)
            keyResultsInObjective = 0
        case .keyResult:
            keyResultsInObjective += 1
            item.subNumber = keyResultsInObjective
            item.topic = random.below(vocabulary.keyResults.count)
        case .initiative, .workstream:
            item.topic = random.below(vocabulary.topics.count)
        case .milestone:
            item.topic = newest[Level.workstream.rawValue].topic
            item.subNumber = random.below(vocabulary.phases.count)
        }
        newest[level.rawValue] = item
        return item
    }

    /// `O12`, `KR12.3`, `I-00045`, `WS-000123`, `M-0001234`.
    private func appendReference(_ level: Level, _ item: Item, to out: inout [UInt8]) {
        switch level {
        case .objective:
            out.append(0x4F)
            appendNumber(item.number, to: &out)
        case .keyResult:
            out.append(0x4B); out.append(0x52)
            appendNumber(newest[Level.objective.rawValue].number, to: &out)
            out.append(0x2E)
            appendNumber(item.subNumber, to: &out)
        case .initiative:
            out.append(0x49); out.append(0x2D)
            appendNumber(item.number, width: 5, to: &out)
        case .workstream:
            out.append(0x57); out.append(0x53); out.append(0x2D)
            appendNumber(item.number, width: 6, to: &out)
        case .milestone:
            out.append(0x4D); out.append(0x2D)
            appendNumber(item.number, width: 7, to: &out)
        }
    }

    /// The item's title; a milestone is its workstream's title and a phase.
    private func appendName(_ level: Level, _ item: Item, to out: inout [UInt8]) {
        switch level {
        case .objective: out += vocabulary.objectives[item.topic].proper
        case .keyResult: out += vocabulary.keyResults[item.topic].proper
        case .initiative, .workstream: out += vocabulary.topics[item.topic].proper
        case .milestone: out += vocabulary.milestoneNames[item.topic][item.subNumber]
        }
    }

    /// Key results and initiatives sometimes name their objective, by reference or by a hand-typed title.
    private mutating func appendStrategicPriority(_ level: Level, to out: inout [UInt8]) {
        guard level == .keyResult || level == .initiative, random.chance(perMille: 400) else { return }
        let objective = newest[Level.objective.rawValue]
        if random.chance(perMille: 500) {
            appendReference(.objective, objective, to: &out)
        } else {
            appendTitle(vocabulary.objectives[objective.topic], to: &out)
        }
    }

    /// The parent: usually its reference, sometimes its title typed in another case.
    private mutating func appendParent(_ level: Level, to out: inout [UInt8]) {
        guard level != .objective else { return }
        let parentLevel = Level(rawValue: level.rawValue - 1)!
        let parent = newest[parentLevel.rawValue]
        guard random.chance(perMille: 120) else {
            appendReference(parentLevel, parent, to: &out)
            return
        }
        switch parentLevel {
        case .objective: appendTitle(vocabulary.objectives[parent.topic], to: &out)
        case .keyResult: appendTitle(vocabulary.keyResults[parent.topic], to: &out)
        default: appendTitle(vocabulary.topics[parent.topic], to: &out)
        }
    }

    /// A title as typed, shouted or in lower case.
    private mutating func appendTitle(_ title: TrackerVocabulary.Title, to out: inout [UInt8]) {
        switch random.below(3) {
        case 0: out += title.proper
        case 1: out += title.upper
        default: out += title.lower
        }
    }

    /// The owner as people type them: mostly the proper name, sometimes a mail address, padded, shouted or "Last, First".
    private mutating func appendOwner(_ person: TrackerVocabulary.Person, to out: inout [UInt8]) {
        let roll = random.below(1000)
        let spelling = roll < 750 ? 0 : roll < 850 ? 1 : roll < 900 ? 2 : roll < 940 ? 3 : roll < 980 ? 4 : -1
        if spelling >= 0 { out += person.spellings[spelling] }
    }

    /// `90%`, `92`, `0.45` or empty.
    private mutating func appendPercent(to out: inout [UInt8]) {
        let roll = random.below(100)
        let value = random.below(101)
        if roll < 70 {
            appendNumber(value, to: &out)
            out.append(0x25)
        } else if roll < 85 {
            appendNumber(value, to: &out)
        } else if roll < 90 {
            out.append(0x30); out.append(0x2E)
            appendNumber(min(value, 99), width: 2, to: &out)
        }
    }

    /// ISO, `12-Jan-2026`, `2 May 2026` or empty.
    private mutating func appendStartDate(to out: inout [UInt8]) {
        let roll = random.below(100)
        if roll < 50 {
            appendISODate(year: 2026, to: &out)
        } else if roll < 65 {
            let (month, day) = randomDay()
            appendNumber(day, to: &out); out.append(0x2D)
            out += vocabulary.monthNames[month - 1]; out.append(0x2D)
            appendNumber(2026, to: &out)
        } else if roll < 75 {
            let (month, day) = randomDay()
            appendNumber(day, to: &out); out.append(0x20)
            out += vocabulary.monthNames[month - 1]; out.append(0x20)
            appendNumber(2026, to: &out)
        }
    }

    /// US `9/30/2026`, quoted `"Aug 10, 2026"` (the comma forces the quotes) or ISO.
    private mutating func appendTargetDate(to out: inout [UInt8]) {
        let roll = random.below(100)
        let year = 2026 + random.below(2)
        let (month, day) = randomDay()
        if roll < 60 {
            appendNumber(month, to: &out); out.append(0x2F)
            appendNumber(day, to: &out); out.append(0x2F)
            appendNumber(year, to: &out)
        } else if roll < 85 {
            out.append(0x22)
            out += vocabulary.monthNames[month - 1]; out.append(0x20)
            appendNumber(day, to: &out); out.append(0x2C); out.append(0x20)
            appendNumber(year, to: &out)
            out.append(0x22)
        } else {
            appendISODate(year: year, to: &out)
        }
    }

    /// `18/11/2026`: the European "Last Updated" column.
    private mutating func appendDayFirstDate(to out: inout [UInt8]) {
        let (month, day) = randomDay()
        appendNumber(day, width: 2, to: &out); out.append(0x2F)
        appendNumber(month, width: 2, to: &out); out.append(0x2F)
        appendNumber(2026, to: &out)
    }

    /// `2026-03-01`.
    private mutating func appendISODate(year: Int, to out: inout [UInt8]) {
        let (month, day) = randomDay()
        appendNumber(year, to: &out); out.append(0x2D)
        appendNumber(month, width: 2, to: &out); out.append(0x2D)
        appendNumber(day, width: 2, to: &out)
    }

    /// A valid month and day.
    private mutating func randomDay() -> (month: Int, day: Int) {
        let month = 1 + random.below(12)
        return (month, 1 + random.below(vocabulary.monthDays[month - 1]))
    }

    /// A few milestones wait on earlier ones: `M-0000136; M-0000247`.
    private mutating func appendBlockers(_ level: Level, to out: inout [UInt8]) {
        let newestMilestone = newest[Level.milestone.rawValue].number
        guard level == .milestone, newestMilestone > 2, random.chance(perMille: 30) else { return }
        var blocker = Item()
        blocker.number = 1 + random.below(newestMilestone - 1)
        appendReference(.milestone, blocker, to: &out)
        if random.chance(perMille: 300) {
            out.append(0x3B); out.append(0x20)
            blocker.number = 1 + random.below(newestMilestone - 1)
            appendReference(.milestone, blocker, to: &out)
        }
    }

    /// Empty mostly; a short note at times; about 2% a long quoted note with commas, doubled quotes and line breaks.
    private mutating func appendComment(to out: inout [UInt8]) {
        let roll = random.below(1000)
        if roll < 20 {
            out += random.pick(vocabulary.longNotes)
        } else if roll < 400 {
            out += random.pick(vocabulary.shortNotes)
        }
    }

    /// The column no mapping knows: `250`, a quoted `"1,250"`, or empty.
    private mutating func appendBudget(to out: inout [UInt8]) {
        let roll = random.below(100)
        if roll < 15 {
            appendNumber(10 * (1 + random.below(90)), to: &out)
        } else if roll < 20 {
            out.append(0x22)
            appendNumber(1 + random.below(9), to: &out); out.append(0x2C)
            appendNumber(random.below(1000), width: 3, to: &out)
            out.append(0x22)
        }
    }

    /// Appends `value` in decimal, zero-padded to `width` digits.
    @inline(__always)
    private func appendNumber(_ value: Int, width: Int = 1, to out: inout [UInt8]) {
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
            out.append(contentsOf: buffer[(20 - count)...])
        }
    }
}
