/// How much a finding matters.
public enum Severity: String, Sendable, CaseIterable, Comparable {
    case info, warning, error

    private var rank: Int { self == .info ? 0 : self == .warning ? 1 : 2 }
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A stable finding code with its severity and one line of meaning (SPEC section 5).
public struct FindingCode: Hashable, Sendable, CustomStringConvertible {
    /// The stable identifier, such as `bad-date`.
    public let name: String
    /// The default severity.
    public let severity: Severity
    /// One line saying what it means.
    public let meaning: String

    public var description: String { name }

    public static let duplicateID = FindingCode(name: "duplicate-id", severity: .error, meaning: "two rows share an id")
    public static let unknownReference = FindingCode(name: "unknown-reference", severity: .error, meaning: "an objective, parent or dependency names no item in the sheet")
    public static let hierarchyCycle = FindingCode(name: "hierarchy-cycle", severity: .error, meaning: "an item is its own ancestor through its parents")
    public static let dependencyCycle = FindingCode(name: "dependency-cycle", severity: .error, meaning: "items wait for each other in a circle")
    public static let badDate = FindingCode(name: "bad-date", severity: .error, meaning: "a date cell that cannot be read as a date")
    public static let ambiguousDate = FindingCode(name: "ambiguous-date", severity: .warning, meaning: "a date that reads both day-first and month-first, and the column does not say which")
    public static let unknownStatus = FindingCode(name: "unknown-status", severity: .warning, meaning: "a status word that maps to no canonical status")
    public static let badNumber = FindingCode(name: "bad-number", severity: .error, meaning: "a number or percentage cell that cannot be read, or is out of range")
    public static let unknownType = FindingCode(name: "unknown-type", severity: .warning, meaning: "a type word that maps to no item type")
    public static let raggedRow = FindingCode(name: "ragged-row", severity: .warning, meaning: "a row with more or fewer cells than the header")

    /// Every code that concerns the sheet's own cells, in the order `check --list` shows them.
    public static let sheetCodes: [FindingCode] = [
        .duplicateID, .unknownReference, .hierarchyCycle, .dependencyCycle, .badDate, .ambiguousDate, .unknownStatus, .unknownType, .badNumber, .raggedRow,
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
        self.id = id
        self.location = location
        self.owner = owner
        self.message = message
    }
}
