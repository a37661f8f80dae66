/// How much a finding matters.
public enum Severity: String, Sendable, CaseIterable, Comparable {
    case info, warning, error

    private var rank: Int { self == .info ? 0 : self == .warning ? 1 : 2 }
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A stable finding code with its severity and one line of meaning (SPEC section 5). A class: a million findings share
/// one instance of each code instead of carrying its texts.
public final class FindingCode: Hashable, Sendable, CustomStringConvertible {
    /// The stable identifier, such as `bad-date`.
    public let name: String
    /// The default severity.
    public let severity: Severity
    /// One line saying what it means.
    public let meaning: String
    /// For a problem in the sheet's own cells, one line saying how to mend it (shown under the finding on standard error).
    public let hint: String?

    init(name: String, severity: Severity, meaning: String, hint: String? = nil) {
        self.name = name
        self.severity = severity
        self.meaning = meaning
        self.hint = hint
    }

    public var description: String { name }

    public static func == (lhs: FindingCode, rhs: FindingCode) -> Bool { lhs.name == rhs.name }

    public func hash(into hasher: inout Hasher) { hasher.combine(name) }

    public static let duplicateID = FindingCode(name: "duplicate-id", severity: .error, meaning: "two rows share an id",
        hint: "give each row its own id")
    public static let unknownReference = FindingCode(name: "unknown-reference", severity: .error, meaning: "an objective, parent or dependency names no item in the sheet",
        hint: "name the item by its id or its title as the sheet writes it")
    public static let ambiguousReference = FindingCode(name: "ambiguous-reference", severity: .warning, meaning: "a reference by title that several items share, or a cell naming several parents or objectives; the first is used",
        hint: "name the item by its id")
    public static let hierarchyCycle = FindingCode(name: "hierarchy-cycle", severity: .error, meaning: "an item is its own ancestor through its parents",
        hint: "change the parent of one item on the circle")
    public static let dependencyCycle = FindingCode(name: "dependency-cycle", severity: .error, meaning: "items wait for each other in a circle",
        hint: "take out one of the dependencies on the circle")
    public static let badDate = FindingCode(name: "bad-date", severity: .error, meaning: "a date cell that cannot be read as a date",
        hint: "write a date such as 2026-03-01, 1/3/2026, 1-Mar-2026 or Q2 2026 (the README lists every form read)")
    public static let ambiguousDate = FindingCode(name: "ambiguous-date", severity: .warning, meaning: "a date that reads both day-first and month-first, and the column does not say which")
    public static let unknownStatus = FindingCode(name: "unknown-status", severity: .warning, meaning: "a status word that maps to no canonical status",
        hint: "map the word with a row status,WORD,STATUS in the conventions sheet (conventions.csv in the folder, or --conventions FILE)")
    public static let badNumber = FindingCode(name: "bad-number", severity: .error, meaning: "a number or percentage cell that cannot be read, or is out of range",
        hint: "write a number such as 45, 45% or 0.45; a percentage runs from 0 to 100, a weight from 0 to 1,000,000")
    public static let unknownType = FindingCode(name: "unknown-type", severity: .warning, meaning: "a type word that maps to no item type",
        hint: "map the word with a row type,WORD,TYPE in the conventions sheet (conventions.csv in the folder, or --conventions FILE)")
    public static let raggedRow = FindingCode(name: "ragged-row", severity: .warning, meaning: "a row with more or fewer cells than the header, or rows read into a quoted cell",
        hint: "look for a delimiter inside a cell that is not quoted, a cell missing, or a quote that opens a cell and closes lines later")

    public static let noOwner = FindingCode(name: "no-owner", severity: .warning, meaning: "a row with no named owner")
    public static let teamOwner = FindingCode(name: "team-owner", severity: .warning, meaning: "the owner is a team or department, not one accountable person")
    public static let sharedOwner = FindingCode(name: "shared-owner", severity: .warning, meaning: "several people named as owner; one person should be accountable")
    public static let orphan = FindingCode(name: "orphan", severity: .warning, meaning: "work that serves no objective")
    public static let noWork = FindingCode(name: "no-work", severity: .warning, meaning: "an objective or key result with no active work beneath it")
    public static let noKPI = FindingCode(name: "no-kpi", severity: .info, meaning: "an objective with no key result that measures it")
    public static let overdue = FindingCode(name: "overdue", severity: .warning, meaning: "past its due date and not done")
    public static let forecastSlip = FindingCode(name: "forecast-slip", severity: .warning, meaning: "forecast to finish after its due date")
    public static let lateStart = FindingCode(name: "late-start", severity: .warning, meaning: "not started a grace period after its start date")
    public static let behindPace = FindingCode(name: "behind-pace", severity: .warning, meaning: "progress trails the time elapsed by more than the margin")
    public static let stale = FindingCode(name: "stale", severity: .warning, meaning: "active work with no status update for longer than the stale period")
    public static let blocked = FindingCode(name: "blocked", severity: .warning, meaning: "typed blocked, or waiting for work that is off-track or blocked")
    public static let dependencyLate = FindingCode(name: "dependency-late", severity: .warning, meaning: "waits for something due after it, or already late")
    public static let crossTeamDependency = FindingCode(name: "cross-team-dependency", severity: .info, meaning: "waits for work owned by another team")
    public static let doneButOpen = FindingCode(name: "done-but-open", severity: .warning, meaning: "typed done while its progress or its children say otherwise")
    public static let abandonedWithoutReason = FindingCode(name: "abandoned-without-reason", severity: .warning, meaning: "cancelled with no note saying why")
    public static let watermelon = FindingCode(name: "watermelon", severity: .warning, meaning: "typed done, not-started, on-track or at-risk while the status derived from the work is worse: at-risk, blocked or off-track")
    public static let kpiOffTarget = FindingCode(name: "kpi-off-target", severity: .warning, meaning: "a KPI behind its paced target or worse than its baseline")

    public static let overAllocated = FindingCode(name: "over-allocated", severity: .warning, meaning: "a person allocated more than their capacity, by how much and when")
    public static let underAllocated = FindingCode(name: "under-allocated", severity: .info, meaning: "a person allocated well below their capacity in every period")
    public static let unstaffed = FindingCode(name: "unstaffed", severity: .warning, meaning: "an owner of active work with no capacity in the capacity sheet")

    /// Every code, in the order `check --list` shows them.
    public static let all: [FindingCode] = sheetCodes + [
        .noOwner, .teamOwner, .sharedOwner, .orphan, .noWork, .noKPI, .overdue, .forecastSlip, .lateStart, .behindPace, .stale, .blocked,
        .dependencyLate, .crossTeamDependency, .doneButOpen, .abandonedWithoutReason, .watermelon, .overAllocated, .underAllocated,
        .unstaffed, .kpiOffTarget,
    ]

    /// The code's place in `all`: findings on one row are listed in that order.
    /// There are fewer than 64 codes, so a row's codes fit in one 64-bit word, a bit each (see `SheetAnnotator`).
    static func rank(of code: FindingCode) -> Int { ranks[ObjectIdentifier(code)] ?? all.count }

    // Codes are shared objects: their place is found by identity, not by hashing their names.
    private static let ranks = Dictionary(uniqueKeysWithValues: all.enumerated().map { (ObjectIdentifier($1), $0) })

    /// Every code that concerns the sheet's own cells, in the order `check --list` shows them.
    public static let sheetCodes: [FindingCode] = [
        .duplicateID, .unknownReference, .ambiguousReference, .hierarchyCycle, .dependencyCycle, .badDate, .ambiguousDate, .unknownStatus, .unknownType, .badNumber, .raggedRow,
    ]
}

/// One thing worth telling about the sheet: data, never an error (SPEC section 5).
public struct Finding: Hashable, Sendable {
    /// What kind of finding.
    public var code: FindingCode
    /// Its severity (the code's default unless a rule says otherwise).
    public var severity: Severity
    /// The item's id, when the row has one.
    public var id: String?
    /// Where it is: file, the line the record starts on, the column's header.
    public var location: SourceLocation
    /// The item's owner, when known.
    public var owner: String?
    /// What is wrong, in a sentence.
    public var message: String

    /// Creates a finding with the code's severity.
    public init(_ code: FindingCode, at location: SourceLocation, id: String? = nil, owner: String? = nil, message: String) {
        self.code = code
        self.severity = code.severity
        self.id = id?.isEmpty == true ? nil : id
        self.location = location
        self.owner = owner?.isEmpty == true ? nil : owner
        self.message = message
    }
}

extension Finding {
    /// `ragged-row` for a data row whose cells do not match the header's count, located at the first cell the row
    /// lacks (by its header) or the first it has beyond the header (by its letter); or for one with rows read into a
    /// quoted cell (`SheetLayout.rowsInside`, `delimiter` being the sheet's), located where that cell opens. Nil otherwise.
    static func raggedRow(_ record: CSVRecord, layout: SheetLayout, delimiter: UInt8, file: String, id: String?) -> Finding? {
        // Rows read into a quoted cell: named where the cell opens, so the stray quote can be found.
        if let inside = layout.rowsInside(record, delimiter: delimiter) {
            let runs = inside.lines.last! - inside.lines[0] + 1 == inside.lines.count
            let lines = inside.lines.count == 1 ? "line \(inside.lines[0]) reads"
                : runs ? "lines \(inside.lines[0])–\(inside.lines.last!) read" : "lines \(inside.lines.map(String.init).joined(separator: ", ")) read"
            return Finding(.raggedRow, at: SourceLocation(file: file, line: inside.opens, column: layout.columnName(inside.column)), id: id,
                           message: "the quoted cell under \(layout.columnName(inside.column)) runs on past its line, and \(lines) as "
                               + "\(inside.lines.count == 1 ? "a row" : "rows") inside it (a stray quote?): not as items")
        }
        let width = layout.columns.count
        guard record.count != width, width > 0 else { return nil }
        let first = layout.columnName(min(record.count, width))
        let missing = width - record.count, extra = record.count - width
        let detail = missing > 0 ? "no cell under \(first)" + (missing > 1 ? " and the \(missing - 1) column\(missing == 2 ? "" : "s") after it" : "")
            : extra == 1 ? "cell \(first) has no header" : "cells \(first) to \(SheetLayout.letters(record.count - 1)) have no header"
        return Finding(.raggedRow, at: SourceLocation(file: file, line: record.line, column: first), id: id,
                       message: "row has \(record.count) cell\(record.count == 1 ? "" : "s"), the header has \(width): \(detail)")
    }

    /// `unknown-type` for a type cell that no convention names.
    static func unknownType(_ typed: String, at location: SourceLocation, id: String?) -> Finding {
        Finding(.unknownType, at: location, id: id, message: "type '\(typed)' maps to no item type")
    }
}
