/// What one pass over a sheet learned about its columns, so cells are read the same way top to bottom.
public struct ColumnProfile: Sendable, Equatable {
    /// Day/month evidence per date column.
    public var dates: [Int: DateOrderInference] = [:]
    /// Per progress column: the largest bare (no `%`) number seen.
    public var largestBarePercent: [Int: Double] = [:]
    /// Owners named alone (no comma), by word key, as first spelled: so `Lopez, Ana` can be read as the `Ana Lopez` the
    /// sheet names elsewhere, without a people sheet.
    public var soleOwners: [String: String] = [:]
    /// Owners typed with a comma, trimmed: the cells `soleOwners` can change the reading of.
    var commaOwners: Set<String> = []

    /// An empty profile.
    public init() {}

    /// Learns from every data row of `sheet`. Each distinct cell of a column is looked at once: what it says does not
    /// change with how often it is said. A large sheet is read in two halves at once, each learning on its own.
    public init(sheet: Sheet) throws {
        guard let learner = Learner(layout: sheet.layout) else { return }
        let parts = try sheet.readDataRows(parts: { learner }) { part, record in part.learn(record) }
        self = parts[0].profile
        for later in parts.dropFirst() { absorb(later.profile) }
    }

    /// Learns from the first `rows` data rows of `sheet` only, in one pass.
    public init(sheet: Sheet, firstRows rows: Int) throws {
        guard var learner = Learner(layout: sheet.layout) else { return }
        var seen = 0
        try sheet.forEachDataRow { record in
            learner.learn(record)
            seen += 1
            return seen < rows
        }
        self = learner.profile
    }

    /// Learns a profile a row at a time: what one pass over part of a sheet keeps. Each distinct cell of a column is
    /// learned from once (past 50,000 distinct cells, every cell is).
    struct Learner {
        private(set) var profile = ColumnProfile()
        private let dateColumns: [Int], progressColumns: [Int], ownerColumn: Int?
        /// Per column, whether its dates or percentages are learned.
        private let learnable: [Bool]
        private var seen: [ByteMemo<Bool>]

        /// A learner for the columns of `layout`; nil when no column has anything to learn.
        init?(layout: SheetLayout) {
            dateColumns = layout.columns.filter { $0.field?.isDate == true }.map(\.index)
            progressColumns = layout.columns.filter { $0.field == .progress }.map(\.index)
            ownerColumn = layout.column(for: .owner)?.index
            guard !dateColumns.isEmpty || !progressColumns.isEmpty || ownerColumn != nil else { return nil }
            for column in dateColumns { profile.dates[column] = DateOrderInference() }
            var learnable = [Bool](repeating: false, count: layout.columns.count)
            for column in dateColumns + progressColumns where column < learnable.count { learnable[column] = true }
            self.learnable = learnable
            seen = [ByteMemo<Bool>](repeating: ByteMemo(), count: layout.columns.count)
        }

        /// Learns what one row's cells say.
        mutating func learn(_ record: CSVRecord) {
            for column in dateColumns where column < record.count { learnCell(column, record.bytes(column)) }
            learnOwner(record)
            for column in progressColumns where column < record.count { learnCell(column, record.bytes(column)) }
        }

        /// Learns a date or percentage cell, if it is new to its column.
        mutating func learnCell(_ column: Int, _ bytes: UnsafeBufferPointer<UInt8>) {
            if ColumnProfile.isNew(bytes, in: &seen[column]) { learnNew(column, bytes) }
        }

        /// Learns a date or percentage cell known to be new to its column (a normalizer's memo of the column, which
        /// the reader consults anyway, says so: then this learner keeps no memo of its own for the column).
        mutating func learnNew(_ column: Int, _ bytes: UnsafeBufferPointer<UInt8>) {
            if profile.dates[column] != nil {
                profile.dates[column]!.observe(bytes: bytes)
            } else if case .bare(let number)? = PercentReading.read(String(decoding: bytes, as: UTF8.self)) {
                profile.largestBarePercent[column] = max(profile.largestBarePercent[column] ?? 0, number)
            }
        }

        /// The cells a normalizer's memo of `column` had seen when it let the column go: this learner's memo of the
        /// column starts from them, and tells what is new from here on.
        mutating func adopt<Value>(_ column: Int, seen memo: ByteMemo<Value>) {
            memo.forEachKey { seen[column].store(true, for: $0) }
        }

        /// Whether a column is one whose dates or percentages are learned.
        func learnsCells(of column: Int) -> Bool { column < learnable.count && learnable[column] }

        /// Learns the owner cell of a row, if it is new to its column.
        mutating func learnOwner(_ record: CSVRecord) {
            guard let ownerColumn, ownerColumn < record.count else { return }
            let bytes = record.bytes(ownerColumn)
            guard !bytes.isEmpty, ColumnProfile.isNew(bytes, in: &seen[ownerColumn]) else { return }
            let owner = String(decoding: bytes, as: UTF8.self)
            if bytes.contains(UInt8(ascii: ",")) {
                profile.commaOwners.insert(owner.trimmingSpaces)
            } else {
                let key = Conventions.wordKey(owner)
                if profile.soleOwners[key] == nil { profile.soleOwners[key] = owner.collapsingSpaces }
            }
        }
    }

    /// Adds what a later part of the sheet taught: date evidence adds up, the largest number wins, and an owner keeps
    /// the spelling it was first seen with.
    mutating func absorb(_ later: ColumnProfile) {
        for (column, inference) in later.dates { dates[column, default: DateOrderInference()].add(inference) }
        for (column, number) in later.largestBarePercent { largestBarePercent[column] = max(largestBarePercent[column] ?? 0, number) }
        soleOwners.merge(later.soleOwners) { first, _ in first }
        commaOwners.formUnion(later.commaOwners)
    }
}

extension ColumnProfile {
    /// Whether `bytes` is new to a column's memo, remembering it; past 50,000 distinct values every cell counts as new.
    static func isNew(_ bytes: UnsafeBufferPointer<UInt8>, in seen: inout ByteMemo<Bool>) -> Bool {
        guard seen.count < 50_000 else { return true }
        if seen.value(for: bytes) != nil { return false }
        seen.store(true, for: bytes)
        return true
    }
}

/// A percentage cell as typed.
enum PercentReading: Equatable {
    /// `45%` or `45.5 %`: the number is in percent.
    case explicit(Double)
    /// `45` or `0.45`: the column decides the scale.
    case bare(Double)

    /// Also `3/6 (50%)`, as GitHub writes sub-issue progress: the percentage in the brackets.
    static func read(_ text: String) -> PercentReading? {
        var value = text.trimmingSpaces
        guard !value.isEmpty else { return nil }
        if value.hasSuffix("%)"), let open = value.lastIndex(of: "("), open > value.startIndex {
            value = String(value[value.index(after: open)..<value.index(before: value.endIndex)])
        }
        var explicit = false
        if value.hasSuffix("%") {
            explicit = true
            value = String(value.dropLast()).trimmingSpaces
        }
        guard let number = Double(value.replacingComma), number.isFinite else { return nil }
        return explicit ? .explicit(number) : .bare(number)
    }
}

/// What a cell reads as once the sheet's conventions are applied.
public enum CellReading: Equatable, Sendable {
    /// Nothing: an empty cell, a column kept as typed, or a cell that could not be read (a finding says why).
    case none
    /// A canonical status.
    case status(Status)
    /// A canonical status typed with a note after it (`Amber - waiting on legal`): the note as typed, from its separator on.
    case statusWithNote(Status, note: String)
    /// Percent complete, 0–100, to two decimals.
    case percent(Double)
    /// A calendar day.
    case date(CalendarDate)
    /// An owner, canonical.
    case owner(String)
    /// A number.
    case number(Double)
    /// A cell of a completion column (`Completed At`, `Done`, `Actual Finish`): a date or a ticked box is done work
    /// (true), an unticked box or a placeholder is work not done (false). Kept as typed by `normalize`.
    case completion(Bool)

    /// The canonical text `normalize` writes; nil for cells it keeps as typed.
    var canonicalText: String? {
        switch self {
        case .status(let status): return status.rawValue
        case .statusWithNote(let status, let note): return status.rawValue + note
        case .percent(let percent): return CellNormalizer.formatPercent(percent)
        case .date(let date): return date.iso
        case .owner(let owner): return owner
        case .none, .number, .completion: return nil
        }
    }

    /// The text a canonical tracker's cell holds for this reading of `typed` (`import`), nil to keep the cell as typed:
    /// a completion column becomes the status column, so its dates and boxes are written as `done` or nothing. A cell
    /// that holds only a number is written plainly, as it was read (`1.250,5` as `1250.5`, `(2.5)` as `-2.5`), so that
    /// any reader of the tracker reads what `rollup` did; one with a unit, currency or scale (`€40m`, `2.8%`) is kept as
    /// typed, since the tracker has no other place for what it says.
    func trackerText(typed: UnsafeBufferPointer<UInt8>) -> String? {
        switch self {
        case .completion(let done): return done ? Status.done.rawValue : ""
        case .number(let number):
            // Digits, separators, white space, a sign and accounting brackets: `,` `.` space tab `-` `+` `(` `)`.
            let onlyTheNumber = typed.allSatisfy {
                switch $0 {
                case 0x30...0x39, 0x2C, 0x2E, 0x20, 0x09, 0x2D, 0x2B, 0x28, 0x29: true
                default: false
                }
            }
            return onlyTheNumber ? CellNormalizer.plainNumber(number) : nil
        default: return canonicalText
        }
    }
}

/// Rewrites statuses, dates, percentages and owners to canonical form, and reports the cells it cannot read.
public struct CellNormalizer: Sendable {
    enum Plan: Sendable, Equatable {
        case keep
        case status(numericScale: NumericStatusScale?)
        /// A status column whose header says when, or whether, the work was completed (see `completionHeaders`).
        case completion
        case progress(fraction: Bool)
        /// `otherColumns`: the order the sheet's other date columns agree on, named in the finding for a date this
        /// column's order does not settle (never used to read it: that would be a guess).
        case date(order: DateOrder?, edge: PeriodEdge, otherColumns: DateOrder?)
        case owner
        case number
    }

    /// The headers of the status columns that say when, or whether, work was completed: Asana's `Completed At`,
    /// Microsoft Project's `Actual Finish`, a checkbox `Done`. The built-in conventions list them last among the
    /// status synonyms, so such a column is the status only where no plainer one is (`Status` wins).
    static let completionHeaderNames = [
        "Completed At", "Completed", "Completed On", "Completed Date", "Completion Date", "Date Completed", "Done", "Done Date",
        "Actual Finish", "Actual Finish Date", "Actual End", "Actual End Date", "Actual Completion Date", "Closed", "Closed At",
        "Closed On", "Closed Date", "Resolved", "Resolved At", "Resolution Date",
    ]
    /// The same headers as keys (`Conventions.headerKey`).
    static let completionHeaders = Set(completionHeaderNames.map(Conventions.headerKey))

    /// What a completion column's cell says: true for a ticked box or a date (in either order: only that it is one
    /// matters), false for an unticked box or a placeholder, nil for anything else (a status word, perhaps).
    static func completion(_ cell: String) -> Bool? {
        let key = Conventions.wordKey(cell)
        if tickedWords.contains(key) { return true }
        if untickedWords.contains(key) { return false }
        switch DateReader.read(Substring(cell), order: nil, edge: .start) {
        case .date, .ambiguous: return true
        case .empty, .invalid: return nil
        }
    }

    /// A completion column's cells that tick its box, and that leave it unticked or say nothing yet (as word keys).
    static let tickedWords: Set<String> = ["checked", "true", "yes", "y", "x", "✓", "✔", "☑", "✅", "1"]
    static let untickedWords: Set<String> = ["unchecked", "false", "no", "n", "0", "☐", "-", "–", "n/a", "na", "tbd", "tbc", "none", "not yet"]

    /// A rating typed in words, as the 1–5 it stands for (Australia's delivery confidence `Medium-High`, a risk `Low`).
    static let ratingWords: [String: Int] = [
        "very low": 1, "low": 1, "medium-low": 2, "medium low": 2, "med-low": 2, "low-medium": 2, "medium": 3, "med": 3,
        "moderate": 3, "medium-high": 4, "medium high": 4, "med-high": 4, "high-medium": 4, "high": 5, "very high": 5,
    ]

    /// The scale a status column's header names: a CIO's rating (the US federal IT Dashboard's `CIO Rating`, `CIO Risk
    /// Rating`: 5 is the lowest risk), a risk, a confidence.
    static func numericScale(headerKey key: String) -> NumericStatusScale? {
        if key.hasPrefix("cio") && (key.contains("rating") || key.contains("evaluation")) { return .confidence }
        if key.contains("risk") { return .risk }
        return key.contains("confidence") || key == "dca" ? .confidence : nil
    }

    /// How a 1–5 number in a status column reads, when its header says so.
    enum NumericStatusScale: Sendable, Equatable {
        /// `Risk`: 1 is the lowest risk.
        case risk
        /// `Confidence`: 5 is the highest confidence.
        case confidence
    }

    private let plans: [Plan]
    private var memo: Memo
    private let layout: SheetLayout
    private let conventions: Conventions
    private let people: PeopleDirectory
    private let soleOwners: [String: String]
    private let file: String
    private let fiscalYearStart: Int

    /// Plans each column from the layout and the profile; `dateOrder` reads the date columns whose own values do not
    /// settle their order; `fiscalYearStart` is the month fiscal years start in, for `FY26 Q3`.
    public init(layout: SheetLayout, profile: ColumnProfile, conventions: Conventions, people: PeopleDirectory = PeopleDirectory(),
                dateOrder: DateOrder? = nil, fiscalYearStart: Int = 1, file: String) {
        self.fiscalYearStart = fiscalYearStart
        self.layout = layout
        self.conventions = conventions
        self.people = people
        soleOwners = profile.soleOwners
        self.file = file
        // The order the sheet's date columns agree on, when they do: named in an ambiguous date's finding.
        let dayFirst = profile.dates.values.map(\.dayFirstVotes).reduce(0, +)
        let monthFirst = profile.dates.values.map(\.monthFirstVotes).reduce(0, +)
        let sheetOrder: DateOrder? = dayFirst > 0 && monthFirst == 0 ? .dayFirst : monthFirst > 0 && dayFirst == 0 ? .monthFirst : nil
        plans = layout.columns.map { column in
            guard let field = column.field else { return .keep }
            switch field {
            case .status:
                let key = Conventions.headerKey(column.header)
                if Self.completionHeaders.contains(key) { return .completion }
                return .status(numericScale: Self.numericScale(headerKey: key))
            case .progress:
                return .progress(fraction: (profile.largestBarePercent[column.index] ?? 0) <= 1)
            case .start, .due, .forecast, .updated:
                // A column's own evidence decides; `--date-order`, the user's word, decides a column with none (or with
                // evidence both ways). What is left is ambiguous (SPEC 3: never a silent guess).
                let inference = profile.dates[column.index] ?? DateOrderInference()
                let proven = inference.isConflicting ? nil : inference.inferredOrder
                return .date(order: proven ?? dateOrder, edge: field.periodEdge, otherColumns: inference.isConflicting ? nil : sheetOrder)
            case .owner:
                return .owner
            case .weight, .baseline, .target, .actual:
                return .number
            default:
                return .keep
            }
        }
        memo = Memo(columns: plans.count)
    }

    /// Whether this normalizer reads every cell as `other` does, given the owners typed with a comma that the sheet
    /// holds: the same plan for each column, and the same reading of each such owner.
    func readsCells(like other: CellNormalizer, commaOwners: Set<String>) -> Bool {
        plans == other.plans && commaOwners.allSatisfy { canonicalOwner($0) == other.canonicalOwner($0) }
    }

    /// The same normalizer with a memo of its own, for another thread.
    func withOwnMemo() -> CellNormalizer {
        var copy = self
        copy.memo = Memo(columns: plans.count)
        return copy
    }

    /// Whether column `index` is a completion column: a date or a ticked box in it is done work.
    public func readsCompletion(column index: Int) -> Bool { index < plans.count && plans[index] == .completion }

    /// How status column `index` reads a number from 1 to 5, in words; nil when its header names no rating.
    public func ratingScale(column index: Int) -> String? {
        guard index < plans.count, case .status(let scale?) = plans[index] else { return nil }
        // Said of any cell it holds: a column of words (Green, Amber) reads them as words, and a number as a rating.
        if scale == .risk { return "a number 1-5 is a rating: 1 is the lowest risk, 5 the highest" }
        return layout.confidenceOutOfTen ? "a number 1-10 is a confidence the conventions sheet maps: not the 1-5 rating"
            : "a number 1-5 is a rating: 5 is the highest confidence, 1 the lowest"
    }

    /// Whether column `index` is one this normalizer reads.
    public func reads(column index: Int) -> Bool {
        guard index < plans.count else { return false }
        if case .keep = plans[index] { return false }
        return true
    }

    /// What the cell `bytes` of column `column` reads as; an unreadable cell reads as `.none` and adds a finding.
    public func read(_ bytes: UnsafeBufferPointer<UInt8>, column: Int, line: Int, id: String?, findings: inout [Finding]) -> CellReading {
        var novelty = Novelty.unknown
        return read(bytes, column: column, line: line, id: id, findings: &findings, novelty: &novelty)
    }

    /// Whether a cell read was new to its column, as far as this normalizer's memo of the column can tell.
    enum Novelty {
        /// Read before.
        case seen
        /// Not read before.
        case new
        /// Not read before, and the memo lets the column go on it: these are the cells read before.
        case newLettingGo(ByteMemo<Memo.Packed>)
        /// The column is not remembered.
        case unknown
    }

    /// `read`, saying in `novelty` whether the cell was new to its column (a profile learned on the way uses it).
    /// Inlined into the item reader: it runs for most cells of a million-row sheet, and most cells are found in the memo.
    @inline(__always)
    func read(_ bytes: UnsafeBufferPointer<UInt8>, column: Int, line: Int, id: String?, findings: inout [Finding],
              novelty: inout Novelty) -> CellReading {
        guard reads(column: column) else {
            novelty = .unknown
            return .none
        }
        // Statuses, owners and dates repeat across rows: each distinct cell is read once per column.
        if let known = memo.lookup(column, bytes) {
            novelty = .seen
            if known.problem >= 0 {
                let problem = memo.problem(known)
                findings.append(Finding(problem.code, at: SourceLocation(file: file, line: line, column: layout.columnName(column)), id: id, message: problem.message))
            }
            return memo.reading(known)
        }
        let before = findings.count
        let reading = readAnew(String(decoding: bytes, as: UTF8.self), column: column, line: line, id: id, findings: &findings)
        let problem = findings.count > before ? findings.last.map { (code: $0.code, message: $0.message) } : nil
        novelty = memo.remembers(column) ? .new : .unknown
        if let letGo = memo.store(column, bytes, reading: reading, problem: problem) { novelty = .newLettingGo(letGo) }
        return reading
    }

    /// The canonical form of the cell `bytes` in column `column`, or nil when it stays as it is; unreadable cells add a finding.
    public func normalize(_ bytes: UnsafeBufferPointer<UInt8>, column: Int, line: Int, id: String?, findings: inout [Finding]) -> String? {
        guard let canonical = read(bytes, column: column, line: line, id: id, findings: &findings).canonicalText,
              !canonical.utf8.elementsEqual(bytes) else { return nil }
        return canonical
    }

    /// The canonical form of `value` in column `column`, or nil when it stays as it is; unreadable cells add a finding.
    public func normalize(_ value: String, column: Int, line: Int, id: String?, findings: inout [Finding]) -> String? {
        var value = value
        return value.withUTF8 { normalize($0, column: column, line: line, id: id, findings: &findings) }
    }

    /// Remembers what each distinct cell of a column read as. One normalizer serves one pass on one thread.
    final class Memo: @unchecked Sendable {
        /// A reading and its finding as plain values, so a cell found in the memo is copied as bytes: a note, an owner
        /// and a finding's message are kept apart and looked up only for the cells that have them.
        struct Packed {
            enum Kind: UInt8 { case none, status, statusWithNote, percent, date, owner, number, completion }
            var kind: Kind
            var status: Status = .onTrack
            var done = false
            var date: CalendarDate?
            var number = 0.0
            /// The note or owner's place in `texts`, and the finding's in `problems`; -1 when there is none.
            var text: Int32 = -1
            var problem: Int32 = -1
        }
        // One pass on one thread uses a memo (see above), so the run-time exclusivity checks on every lookup are not needed.
        /// Per column; nil once a column is no longer remembered.
        @exclusivity(unchecked) private var columns: [ByteMemo<Packed>?]
        /// Per column, how many cells were found in the memo (counted on every lookup: kept out of an array's
        /// copy-on-write check).
        private let hits: UnsafeMutableBufferPointer<Int>
        @exclusivity(unchecked) private var texts: [String] = []
        @exclusivity(unchecked) private var problems: [(code: FindingCode, message: String)] = []
        /// A column with more distinct values than this stops being remembered.
        private let limit = 20_000

        init(columns count: Int) {
            columns = [ByteMemo<Packed>?](repeating: ByteMemo(), count: count)
            hits = .allocate(capacity: count)
            hits.initialize(repeating: 0)
        }

        deinit { hits.deallocate() }

        @inline(__always)
        func lookup(_ column: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Packed? {
            guard let found = columns[column]?.value(for: bytes) else { return nil }
            hits[column] += 1
            return found
        }

        /// The reading `packed` stands for.
        @inline(__always)
        func reading(_ packed: Packed) -> CellReading {
            switch packed.kind {
            case .none: return .none
            case .status: return .status(packed.status)
            case .statusWithNote: return .statusWithNote(packed.status, note: texts[Int(packed.text)])
            case .percent: return .percent(packed.number)
            case .date: return .date(packed.date!)
            case .owner: return .owner(texts[Int(packed.text)])
            case .number: return .number(packed.number)
            case .completion: return .completion(packed.done)
            }
        }

        /// The finding `packed` raises (only for one that has one).
        func problem(_ packed: Packed) -> (code: FindingCode, message: String) { problems[Int(packed.problem)] }

        /// Whether the column is still remembered.
        func remembers(_ column: Int) -> Bool { columns[column] != nil }

        /// Remembers what `bytes` read as; when the column is let go instead, returns what it remembered.
        @discardableResult
        func store(_ column: Int, _ bytes: UnsafeBufferPointer<UInt8>, reading: CellReading,
                   problem: (code: FindingCode, message: String)?) -> ByteMemo<Packed>? {
            guard let stored = columns[column]?.count else { return nil }
            // Columns whose values hardly repeat (free text, exact numbers) cost more to remember than they save: after
            // a thousand distinct values, a column stays remembered only if it has had a repeat for every four. (A due
            // date column of two thousand dates, each used hundreds of times, has seen only a few hundred repeats by
            // its thousandth distinct date.)
            if stored >= limit || (stored >= 1_000 && hits[column] * 4 < stored) {
                defer { columns[column] = nil }
                return columns[column]
            }
            var packed: Packed
            switch reading {
            case .none: packed = Packed(kind: .none)
            case .status(let status): packed = Packed(kind: .status, status: status)
            case .statusWithNote(let status, let note):
                packed = Packed(kind: .statusWithNote, status: status, text: Int32(texts.count))
                texts.append(note)
            case .percent(let percent): packed = Packed(kind: .percent, number: percent)
            case .date(let date): packed = Packed(kind: .date, date: date)
            case .owner(let owner):
                packed = Packed(kind: .owner, text: Int32(texts.count))
                texts.append(owner)
            case .number(let number): packed = Packed(kind: .number, number: number)
            case .completion(let done): packed = Packed(kind: .completion, done: done)
            }
            if let problem {
                packed.problem = Int32(problems.count)
                problems.append(problem)
            }
            columns[column]!.store(packed, for: bytes)
            return nil
        }
    }

    private func readAnew(_ value: String, column: Int, line: Int, id: String?, findings: inout [Finding]) -> CellReading {
        let trimmed = value.trimmingSpaces
        if trimmed.isEmpty { return .none }
        let location = SourceLocation(file: file, line: line, column: layout.columnName(column))
        func report(_ code: FindingCode, _ message: String) {
            findings.append(Finding(code, at: location, id: id, message: message))
        }
        switch plans[column] {
        case .keep:
            return .none
        case .completion:
            // A box or a date, then a status word.
            if let done = Self.completion(trimmed) { return .completion(done) }
            if let status = conventions.exactStatus(for: trimmed) ?? conventions.status(for: trimmed) { return .status(status) }
            report(.unknownStatus, "'\(trimmed)' in the completion column is not a date, a ticked or unticked box, or a status")
            return .none
        case .status(let scale):
            if Conventions.isSpreadsheetError(trimmed) {
                report(.unknownStatus, "status '\(trimmed)' is a spreadsheet error (a formula that failed), not a status")
                return .none
            }
            // A word the conventions name, then a status with a note after it (the note kept for normalize), then a
            // status beside an emoji or a symbol.
            if let status = conventions.exactStatus(for: trimmed) { return .status(status) }
            if let (status, note) = conventions.statusWithNote(trimmed) { return .statusWithNote(status, note: String(note)) }
            if let status = conventions.status(for: trimmed) { return .status(status) }
            // A confidence from 1 to 10 has no canonical reading: 3 is not the 1-5 rating's 3 (the conventions sheet maps it).
            if scale == .confidence, layout.confidenceOutOfTen, let number = Int(Conventions.wordKey(trimmed)), (1...10).contains(number) {
                report(.unknownStatus, "status '\(trimmed)' is a confidence from 1 to 10, which maps to no canonical status")
                return .none
            }
            // A rating is matched as words are: "4." and "4!" are 4, "Medium-High" is 4.
            if let scale, case let key = Conventions.wordKey(trimmed), let number = Int(key) ?? Self.ratingWords[key], (1...5).contains(number) {
                let risk = scale == .risk ? number : 6 - number
                return .status(risk <= 2 ? .onTrack : risk == 3 ? .atRisk : .offTrack)
            }
            report(.unknownStatus, "status '\(trimmed)' maps to no canonical status")
            return .none
        case .progress(let fraction):
            guard let reading = PercentReading.read(trimmed) else {
                report(.badNumber, "'\(trimmed)' is not a percentage")
                return .none
            }
            let percent: Double
            switch reading {
            case .explicit(let number): percent = number
            case .bare(let number): percent = fraction ? number * 100 : number
            }
            guard percent >= 0 && percent <= 100 else {
                report(.badNumber, "progress '\(trimmed)' is outside 0% to 100%")
                return .none
            }
            return .percent(Self.roundedPercent(percent))
        case .date(let order, let edge, let otherColumns):
            switch DateReader.read(Substring(trimmed), order: order, edge: edge, fiscalYearStart: fiscalYearStart) {
            case .date(let date):
                return .date(date)
            case .ambiguous(let dayFirst, let monthFirst):
                let advice = otherColumns.map { "the sheet's other date columns are \($0 == .dayFirst ? "day first: give --date-order dmy" : "month first: give --date-order mdy") to read it so" }
                    ?? "give --date-order dmy or mdy"
                report(.ambiguousDate, "'\(trimmed)' reads as \(dayFirst.iso) (day first) or \(monthFirst.iso) (month first), and the column does not say which; \(advice)")
                return .none
            case .empty:
                return .none
            case .invalid:
                // Say so when the value is a date in the other order: the column's order is what rules it out.
                var impossible = ""
                if let order, DateReader.read(Substring(trimmed), order: nil, edge: edge) != .invalid {
                    impossible = " in the column's \(order == .dayFirst ? "day-first" : "month-first") order"
                }
                report(.badDate, "'\(trimmed)' is not a date\(impossible)")
                return .none
            }
        case .owner:
            return .owner(canonicalOwner(trimmed))
        case .number:
            guard let number = NumberReading.read(trimmed, decimalComma: layout.decimalComma) else {
                report(.badNumber, "'\(trimmed)' is not a number")
                return .none
            }
            if layout.columns[column].field == .weight && !Item.isUsableWeight(number) {
                report(.badNumber, "weight '\(trimmed)' is not between 0 and 1,000,000; 1 is used")
            }
            return .number(number)
        }
    }

    /// An owner as canonical: spaces collapsed, aliases and e-mail addresses and `Last, First` resolved against the people sheet.
    public func canonicalOwner(_ typed: String) -> String {
        var collapsed = typed.collapsingSpaces
        // A list as some tools export it: `[Mei Chen]`, `[]` for nobody.
        if collapsed.hasPrefix("["), collapsed.hasSuffix("]") { collapsed = String(collapsed.dropFirst().dropLast()).trimmingSpaces }
        // Names in quotes, as a list written as JSON: `["Ana Ruiz","Ben Okafor"]` is Ana Ruiz and Ben Okafor.
        collapsed = Self.unquotedNames(collapsed)
        // Microsoft Project's share of a resource: `Ben Okafor[50%]` is Ben Okafor.
        collapsed = Self.withoutShares(collapsed)
        // `Aisha Okafor <aisha@contoso.com>`: the address finds the person in the people sheet, else the name before it is the owner.
        if let (name, address) = Self.nameAndAddress(collapsed) {
            if let person = people.person(matching: address) { return person.name }
            collapsed = name.isEmpty ? address : name
        }
        if case .person(let name)? = conventions.owners[Conventions.wordKey(collapsed)] { return name }
        if let person = people.person(matching: collapsed) { return person.name }
        // "Lopez, Ana" where the sheet also names "Ana Lopez" alone is that person, not two.
        let parts = collapsed.split(separator: ",").map { String($0).trimmingSpaces }
        if parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, let spelled = soleOwners[Conventions.wordKey(parts[1] + " " + parts[0])] {
            return spelled
        }
        return collapsed
    }

    /// The names of a comma-separated list without the quotes around each (`"Ana Ruiz", 'Ben'`); the text as it is
    /// when no name is quoted.
    static func unquotedNames(_ text: String) -> String {
        guard text.contains("\"") || text.contains("'") else { return text }
        var changed = false
        let names = text.split(separator: ",", omittingEmptySubsequences: false).map { piece -> String in
            let name = String(piece).trimmingSpaces
            guard name.count >= 2, let quote = name.first, quote == "\"" || quote == "'", name.last == quote else { return name }
            changed = true
            return String(name.dropFirst().dropLast()).trimmingSpaces
        }
        return changed ? names.joined(separator: ", ") : text
    }

    /// The text without Microsoft Project's resource shares, `[50%]` after a name.
    static func withoutShares(_ text: String) -> String {
        guard text.contains("%]") else { return text }
        var result = "", rest = Substring(text)
        while let open = rest.firstIndex(of: "["), let close = rest[open...].firstIndex(of: "]") {
            let inside = rest[rest.index(after: open)..<close]
            let isShare = inside.hasSuffix("%") && inside.dropLast().allSatisfy { $0.isNumber || $0 == "." || $0 == "," }
            result += rest[..<open]
            if !isShare { result += rest[open...close] }
            rest = rest[rest.index(after: close)...]
        }
        return (result + rest).collapsingSpaces
    }

    /// `Name <address@host>` split into the name (possibly empty) and the address; nil for any other text.
    static func nameAndAddress(_ text: String) -> (name: String, address: String)? {
        guard text.hasSuffix(">"), let open = text.lastIndex(of: "<") else { return nil }
        let address = String(text[text.index(after: open)..<text.index(before: text.endIndex)]).trimmingSpaces
        guard address.contains("@"), !address.contains(where: { $0 == " " || $0 == "<" || $0 == "," }) else { return nil }
        var name = String(text[..<open]).trimmingSpaces
        if name.count >= 2, name.first == "\"", name.last == "\"" { name = String(name.dropFirst().dropLast()).trimmingSpaces }
        return (name, address)
    }

    /// A percentage as canonical text keeps it: at most two decimals.
    static func roundedPercent(_ percent: Double) -> Double {
        guard percent.isFinite, abs(percent) < 1e12 else { return percent }
        return (percent * 100).rounded() / 100
    }

    /// A number as a plain decimal with a point and no separators, exactly: `12.5`, `1250`, `-2.5`.
    static func plainNumber(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) }
        return String(number)
    }

    /// `45%`, `45.5%`, `33.33%`: at most two decimals, none when whole.
    static func formatPercent(_ percent: Double) -> String {
        // Out of any sensible range (a typed 1e308): say it as it is rather than round it into an integer.
        guard percent.isFinite, abs(percent) < 1e12 else { return "\(percent)%" }
        let rounded = (percent * 100).rounded() / 100
        if rounded == rounded.rounded() { return String(Int(rounded)) + "%" }
        var text = String(rounded)
        if let dot = text.firstIndex(of: "."), text.distance(from: dot, to: text.endIndex) > 3 {
            text = String(text[...text.index(dot, offsetBy: 2)])
        }
        return text + "%"
    }
}
