// Reading dates out of spreadsheet cells.
//
// Everything here works on UTF-8 bytes and does its own calendar arithmetic
// (proleptic Gregorian) because DateFormatter and Calendar are slow per cell
// and their results depend on the machine's locale and time zone.

// MARK: - CalendarDate

/// A calendar day with no time zone.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    // Days since 1970-01-01 in four bytes: a tracker holds four dates per item, a million items at a time, and the
    // rules compare and subtract dates far more often than they print them.
    private let storedDayNumber: Int32

    /// The year in the proleptic Gregorian calendar.
    public var year: Int { parts.year }
    /// The month, 1...12.
    public var month: Int { parts.month }
    /// The day of the month, 1...31.
    public var day: Int { parts.day }

    /// Year, month and day (civil_from_days, the inverse of `dayNumber`).
    public var parts: (year: Int, month: Int, day: Int) {
        let z = Int(storedDayNumber) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    // Bounds chosen so that the year fits its storage and day arithmetic can never overflow;
    // any dayNumber within the limit maps to a year within the year limit.
    static let yearLimit = 5_000_000
    static let dayNumberLimit = 1_800_000_000

    /// Creates a date, or nil when the parts do not name a real day (2026-02-30).
    public init?(year: Int, month: Int, day: Int) {
        guard year >= -Self.yearLimit, year <= Self.yearLimit,
              day >= 1, day <= Self.lastDay(year: year, month: month)
        else { return nil }
        storedDayNumber = Int32(Self.dayNumber(year: year, month: month, day: day))
    }

    /// Parts already known to be valid.
    init(unchecked year: Int, _ month: Int, _ day: Int) {
        storedDayNumber = Int32(Self.dayNumber(year: year, month: month, day: day))
    }

    /// Parses strict `YYYY-MM-DD` (exactly ten characters); nil for anything else.
    public init?(iso: String) {
        var text = iso
        let parsed = text.withUTF8 { b -> CalendarDate? in
            guard b.count == 10, b[4] == DateBytes.dash, b[7] == DateBytes.dash,
                  let y = DateBytes.number(b, 0, 4), let m = DateBytes.number(b, 5, 2), let d = DateBytes.number(b, 8, 2)
            else { return nil }
            return CalendarDate(year: y, month: m, day: d)
        }
        guard let parsed else { return nil }
        self = parsed
    }

    /// The date as `YYYY-MM-DD`, e.g. "2026-03-01".
    public var iso: String {
        let (year, month, day) = parts
        guard (0...9999).contains(year) else {
            // Outside four digits ISO 8601 needs a sign or more digits; keep it readable.
            let y = year < 0 ? "-" + Self.pad(-year, 4) : String(year)
            return y + "-" + Self.pad(month, 2) + "-" + Self.pad(day, 2)
        }
        // Ten bytes fit a small string, so this allocates nothing.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 10) { buf in
            let zero = UInt8(ascii: "0")
            buf[0] = zero + UInt8(year / 1000)
            buf[1] = zero + UInt8(year / 100 % 10)
            buf[2] = zero + UInt8(year / 10 % 10)
            buf[3] = zero + UInt8(year % 10)
            buf[4] = DateBytes.dash
            buf[5] = zero + UInt8(month / 10)
            buf[6] = zero + UInt8(month % 10)
            buf[7] = DateBytes.dash
            buf[8] = zero + UInt8(day / 10)
            buf[9] = zero + UInt8(day % 10)
            return String(decoding: UnsafeBufferPointer(buf), as: UTF8.self)
        }
    }

    /// The ISO form, so dates print the same everywhere.
    public var description: String { iso }

    /// Days since 1970-01-01; negative before it.
    public var dayNumber: Int { Int(storedDayNumber) }

    /// The day of the week, 1 for Monday to 7 for Sunday (1970-01-01 was a Thursday).
    public var weekday: Int { ((dayNumber + 3) % 7 + 7) % 7 + 1 }

    /// days_from_civil: shift the year to start in March so the leap day comes last.
    static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `dayNumber` days after 1970-01-01 (traps beyond about ±1.8e9 days).
    public init(dayNumber: Int) {
        precondition(dayNumber >= -Self.dayNumberLimit && dayNumber <= Self.dayNumberLimit,
                     "dayNumber out of range")
        storedDayNumber = Int32(dayNumber)
    }

    /// The date whose `dayNumber` is `storedDayNumber`, taken from a date made before (so within the year limit).
    init(storedDayNumber: Int32) {
        self.storedDayNumber = storedDayNumber
    }

    /// The date `days` days later (earlier when negative).
    public func adding(days: Int) -> CalendarDate {
        CalendarDate(dayNumber: dayNumber + days)
    }

    /// Whole days from `other` to `self` (positive when `self` is later).
    public func days(since other: CalendarDate) -> Int {
        dayNumber - other.dayNumber
    }

    /// The number of days in a month, or 0 when `month` is not 1...12.
    public static func lastDay(year: Int, month: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: return 31
        case 4, 6, 9, 11: return 30
        case 2: return isLeapYear(year) ? 29 : 28
        default: return 0
        }
    }

    static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// The calendar quarter, 1...4.
    public var quarter: Int { (month - 1) / 3 + 1 }

    /// Orders dates chronologically.
    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        lhs.storedDayNumber < rhs.storedDayNumber
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

// MARK: - Public reading API

/// Day/month order for numeric dates such as 3/1/2026.
public enum DateOrder: String, Sendable, CaseIterable {
    /// 3/1/2026 is 3 January.
    case dayFirst = "dmy"
    /// 3/1/2026 is 1 March.
    case monthFirst = "mdy"
}

/// Which end of a month or quarter a period-only value such as "Q2 2026" stands for.
public enum PeriodEdge: Sendable, Equatable {
    /// The first day of the period.
    case start
    /// The last day of the period.
    case end
}

/// What one cell says as a date.
public enum DateReading: Equatable, Sendable {
    /// A single day.
    case date(CalendarDate)
    /// Numeric d/m vs m/d that reads validly both ways and differs (3/1/2026); carries both readings.
    case ambiguous(dayFirst: CalendarDate, monthFirst: CalendarDate)
    /// Blank or only spaces.
    case empty
    /// Not a date we can read.
    case invalid
}

/// Reads dates out of spreadsheet cells.
public enum DateReader {
    /// Reads one cell. `order` resolves slash/dash numeric dates; when nil an ambiguous value yields `.ambiguous`.
    ///
    /// With an explicit `order` a numeric date is read only that way, and is `.invalid`
    /// if that is not a real day (13/1/2026 under `.monthFirst`): the caller has said how
    /// the column is written, so a value that breaks that is suspect rather than a hint.
    /// A fiscal quarter (`FY26 Q3`) is read with fiscal years starting in the month `fiscalYearStart`.
    public static func read(_ text: Substring, order: DateOrder?, edge: PeriodEdge, fiscalYearStart: Int = 1) -> DateReading {
        switch parse(text) {
        case .empty:
            return .empty
        case .invalid:
            // A range of two dates (monday.com's Timeline, Notion's `Oct 1, 2026 → Dec 31, 2026`) is a period too: its
            // first day in a start column, its last elsewhere. Both ends must read as dates.
            guard let (first, last) = rangeEnds(text) else { return .invalid }
            let from = read(first, order: order, edge: .start, fiscalYearStart: fiscalYearStart)
            let to = read(last, order: order, edge: .end, fiscalYearStart: fiscalYearStart)
            guard from != .invalid, from != .empty, to != .invalid, to != .empty else { return .invalid }
            return edge == .start ? from : to
        case .day(let date):
            return .date(date)
        case .month(let year, let month):
            let day = edge == .start ? 1 : CalendarDate.lastDay(year: year, month: month)
            return .date(CalendarDate(unchecked: year, month, day))
        case .quarter(let year, let quarter):
            let month = edge == .start ? quarter * 3 - 2 : quarter * 3
            let day = edge == .start ? 1 : CalendarDate.lastDay(year: year, month: month)
            return .date(CalendarDate(unchecked: year, month, day))
        case .fiscalQuarter(let fiscalYear, let quarter):
            guard let period = PeriodReader(fiscalYearStart: fiscalYearStart).fiscalQuarter(fiscalYear, quarter) else { return .invalid }
            return .date(edge == .start ? period.start : period.end)
        case .numeric(let first, let second, let year, let weekday):
            let dayFirst = CalendarDate(year: year, month: second, day: first)
            let monthFirst = CalendarDate(year: year, month: first, day: second)
            // A weekday typed with the date (Microsoft Project's `Mon 11/2/26`) picks the reading it names, when the
            // column gives no order.
            let order = order ?? (weekday != 0 ? evidence(first, second, year, weekday: weekday).order : nil)
            switch order {
            case .dayFirst?:
                return dayFirst.map(DateReading.date) ?? .invalid
            case .monthFirst?:
                return monthFirst.map(DateReading.date) ?? .invalid
            case nil:
                switch (dayFirst, monthFirst) {
                case let (d?, m?):
                    return d == m ? .date(d) : .ambiguous(dayFirst: d, monthFirst: m)
                case let (d?, nil):
                    return .date(d)
                case let (nil, m?):
                    return .date(m)
                case (nil, nil):
                    return .invalid
                }
            }
        }
    }

    /// The two ends of a range typed as `A - B`, `A – B`, `A — B`, `A → B` or `A to B` (spaces around the separator, so
    /// that an ISO date's own dashes are not taken for one); nil for any other text.
    static func rangeEnds(_ text: Substring) -> (Substring, Substring)? {
        for separator in [" - ", " – ", " — ", " → ", " -> ", " to "] {
            guard let range = text.firstRange(of: separator) else { continue }
            let first = text[..<range.lowerBound], last = text[range.upperBound...]
            guard !first.isEmpty, !last.isEmpty, last.firstRange(of: separator) == nil else { return nil }
            return (first, last)
        }
        return nil
    }

    /// What a numeric date can tell about the column's order: .dayFirst when only d/m works (13/1/2026), .monthFirst when only m/d works (1/13/2026), nil otherwise (not numeric, or both or neither).
    public static func orderEvidence(_ text: Substring) -> DateOrder? {
        guard case .numeric(let first, let second, let year, let weekday) = parse(text) else { return nil }
        return evidence(first, second, year, weekday: weekday).order
    }

    /// Both readings of a numeric date, reduced to what they say about the order; a weekday typed with it (1 for
    /// Monday to 7 for Sunday, 0 for none) rules out the reading that falls on another day.
    static func evidence(_ first: Int, _ second: Int, _ year: Int, weekday: Int = 0) -> (order: DateOrder?, ambiguous: Bool) {
        let dayFirst = CalendarDate(year: year, month: second, day: first)
        let monthFirst = CalendarDate(year: year, month: first, day: second)
        switch (dayFirst, monthFirst) {
        case (_?, nil): return (.dayFirst, false)
        case (nil, _?): return (.monthFirst, false)
        case let (d?, m?) where d != m && weekday != 0 && (d.weekday == weekday) != (m.weekday == weekday):
            return (d.weekday == weekday ? .dayFirst : .monthFirst, false)
        case let (d?, m?): return (nil, d != m)
        case (nil, nil): return (nil, false)
        }
    }
}

/// Infers one column's day/month order from the values that can only be read one way.
public struct DateOrderInference: Sendable, Equatable {
    /// Values that only read as day-first (13/1/2026).
    public private(set) var dayFirstVotes = 0
    /// Values that only read as month-first (1/13/2026).
    public private(set) var monthFirstVotes = 0
    /// Values that read both ways with different results (3/1/2026).
    public private(set) var ambiguousCount = 0

    /// Starts with no evidence.
    public init() {}

    /// Counts what one cell says about the order; non-numeric values say nothing.
    public mutating func observe(_ text: Substring) {
        let parsed = DateReader.parse(text)
        if parsed == .invalid, let (first, last) = DateReader.rangeEnds(text) {
            // Each end of a range says what a date alone would.
            record(DateReader.parse(first))
            record(DateReader.parse(last))
        } else {
            record(parsed)
        }
    }

    /// Counts what one cell's bytes say about the order.
    public mutating func observe(bytes: UnsafeBufferPointer<UInt8>) {
        let parsed = DateReader.parse(bytes: bytes)
        // Only a cell with a space can be a range (`rangeEnds`): no other is made a string.
        if parsed == .invalid, bytes.contains(0x20) {
            observe(Substring(String(decoding: bytes, as: UTF8.self)))
        } else {
            record(parsed)
        }
    }

    /// Adds the evidence another part of the column gave.
    mutating func add(_ other: DateOrderInference) {
        dayFirstVotes += other.dayFirstVotes
        monthFirstVotes += other.monthFirstVotes
        ambiguousCount += other.ambiguousCount
    }

    private mutating func record(_ parsed: DateReader.Parsed) {
        guard case .numeric(let first, let second, let year, let weekday) = parsed else { return }
        let evidence = DateReader.evidence(first, second, year, weekday: weekday)
        switch evidence.order {
        case .dayFirst?: dayFirstVotes += 1
        case .monthFirst?: monthFirstVotes += 1
        case nil: if evidence.ambiguous { ambiguousCount += 1 }
        }
    }

    /// The order the evidence supports: nil when there is none, or when both orders have votes (conflict).
    public var inferredOrder: DateOrder? {
        switch (dayFirstVotes > 0, monthFirstVotes > 0) {
        case (true, false): return .dayFirst
        case (false, true): return .monthFirst
        default: return nil
        }
    }

    /// True when both orders have votes, so the column mixes conventions.
    public var isConflicting: Bool { dayFirstVotes > 0 && monthFirstVotes > 0 }
}

// MARK: - Parsing

extension DateReader {
    /// A cell's shape before an order or period edge is applied.
    enum Parsed: Equatable {
        case empty
        case invalid
        case day(CalendarDate)
        /// d/m or m/d with the two leading numbers as written; the year is already expanded; the weekday typed
        /// before it, 1 (Monday) to 7, or 0.
        case numeric(first: Int, second: Int, year: Int, weekday: Int)
        case month(year: Int, month: Int)
        case quarter(year: Int, quarter: Int)
        /// `FY26 Q3`: the fiscal year as written (the one that ends in that calendar year), and the quarter.
        case fiscalQuarter(fiscalYear: Int, quarter: Int)
    }

    static let years = 1900...2200

    /// Words a date cell holds for a date that does not apply: Microsoft Project's `NA`, `N/A`, `none`, a dash. Such a
    /// cell is empty, not a bad date. (`TBD` and `TBC` say a date is missing that should be there: they stay `bad-date`.)
    static let placeholders: Set<[UInt8]> = Set(["na", "n/a", "n.a.", "n.a", "none", "-", "--", "\u{2013}", "\u{2014}"].map { Array($0.utf8) })

    /// Whether the trimmed cell is one of the `placeholders`; a cell starting with a digit, as every date does, is
    /// ruled out before any copy is made.
    static func isPlaceholder(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        guard s.count <= 8, let first = s.first, !DateBytes.isDigit(first) else { return false }
        return placeholders.contains(s.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 })
    }

    static func parse(_ text: Substring) -> Parsed {
        if let parsed = text.utf8.withContiguousStorageIfAvailable(parse(bytes:)) {
            return parsed
        }
        return ContiguousArray(text.utf8).withUnsafeBufferPointer(parse(bytes:))
    }

    static func parse(bytes all: UnsafeBufferPointer<UInt8>) -> Parsed {
        let trimmed = DateBytes.trimmed(all)
        if trimmed.isEmpty { return .empty }
        let s = UnsafeBufferPointer(rebasing: all[trimmed])
        if isPlaceholder(s) { return .empty }

        if let serial = excelSerial(s) { return serial }

        var dateEnd = s.count
        var hasTime = false
        if let colon = s.firstIndex(of: DateBytes.colon) {
            // The time is the one- or two-digit hour before the first colon and all after it.
            var hourStart = colon
            while hourStart > 0, colon - hourStart < 2, DateBytes.isDigit(s[hourStart - 1]) { hourStart -= 1 }
            guard hourStart < colon, hourStart > 0,
                  validTime(UnsafeBufferPointer(rebasing: s[hourStart...]))
            else { return .invalid }
            switch s[hourStart - 1] {
            case DateBytes.space, DateBytes.tab:
                dateEnd = hourStart - 1
                while dateEnd > 0, DateBytes.isSpace(s[dateEnd - 1]) { dateEnd -= 1 }
            case UInt8(ascii: "T"), UInt8(ascii: "t"):
                // "T" only joins an ISO date and time; elsewhere it is just a stray letter.
                guard hourStart - 1 == 10, s[4] == DateBytes.dash, s[7] == DateBytes.dash else { return .invalid }
                dateEnd = 10
            default:
                return .invalid
            }
            hasTime = true
        }

        guard let tokens = tokenize(UnsafeBufferPointer(rebasing: s[..<dateEnd])) else { return .invalid }
        return interpret(tokens, hasTime: hasTime)
    }

    /// Excel's 1900 date system, or a Unix time of 10 digits (seconds) or 13 (milliseconds, as ClickUp exports dates)
    /// between 2000 and 2100, read as its UTC day; nil when the text is not a plain number at all.
    static func excelSerial(_ s: UnsafeBufferPointer<UInt8>) -> Parsed? {
        var i = 0
        var whole = 0
        while i < s.count, DateBytes.isDigit(s[i]) {
            if i < 13 { whole = whole * 10 + Int(s[i] &- DateBytes.zero) }
            i += 1
        }
        let wholeDigits = i
        guard wholeDigits > 0 else { return nil }
        if i == s.count && (wholeDigits == 10 || wholeDigits == 13) {
            let seconds = wholeDigits == 13 ? whole / 1000 : whole
            guard (946_684_800..<4_102_444_800).contains(seconds) else { return .invalid }
            return .day(CalendarDate(dayNumber: seconds / 86_400))
        }
        if i < s.count {
            // Only a fraction (the time of day, ignored) may follow.
            guard s[i] == DateBytes.dot, i + 1 < s.count else { return nil }
            i += 1
            while i < s.count {
                guard DateBytes.isDigit(s[i]) else { return nil }
                i += 1
            }
        }
        guard wholeDigits <= 9, (20_000...80_000).contains(whole) else { return .invalid }
        // Serial 60 is Excel's phantom 1900-02-29, so from serial 61 on day 0 is 1899-12-30.
        return .day(CalendarDate(dayNumber: excelEpochDayNumber + whole))
    }

    /// 1899-12-30 as a day number.
    static let excelEpochDayNumber = -25_569

    /// `H:MM`, optional `:SS` and fraction, optional AM/PM, optional `Z` or numeric offset.
    static func validTime(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        func digits(_ count: Int) -> Int? {
            guard i + count <= s.count, let value = DateBytes.number(s, i, count) else { return nil }
            i += count
            return value
        }
        func skipSpaces() { while i < s.count, DateBytes.isSpace(s[i]) { i += 1 } }

        guard let hour = (i + 1 < s.count && DateBytes.isDigit(s[i + 1])) ? digits(2) : digits(1),
              i < s.count, s[i] == DateBytes.colon
        else { return false }
        i += 1
        guard let minute = digits(2), minute < 60 else { return false }
        if i < s.count, s[i] == DateBytes.colon {
            i += 1
            guard let second = digits(2), second <= 60 else { return false }
            if i < s.count, s[i] == DateBytes.dot || s[i] == DateBytes.comma {
                i += 1
                let start = i
                while i < s.count, DateBytes.isDigit(s[i]) { i += 1 }
                guard i > start else { return false }
            }
        }
        skipSpaces()
        var twelveHour = false
        if i + 1 < s.count, s[i + 1] | 0x20 == UInt8(ascii: "m"),
           s[i] | 0x20 == UInt8(ascii: "a") || s[i] | 0x20 == UInt8(ascii: "p") {
            twelveHour = true
            i += 2
            skipSpaces()
        }
        guard twelveHour ? (1...12).contains(hour) : hour < 24 else { return false }
        if i < s.count {
            switch s[i] {
            case UInt8(ascii: "Z"), UInt8(ascii: "z"):
                i += 1
            case UInt8(ascii: "+"), DateBytes.dash:
                i += 1
                guard let offsetHours = digits(2), offsetHours < 24 else { return false }
                if i < s.count, s[i] == DateBytes.colon { i += 1 }
                if i < s.count {
                    guard let offsetMinutes = digits(2), offsetMinutes < 60 else { return false }
                }
            default:
                return false
            }
        }
        return i == s.count
    }

    // MARK: Tokens

    enum Separator: UInt8 {
        case none, space, dash, slash, dot, comma
    }

    struct Token {
        enum Kind: UInt8 {
            case number, ordinal, month, weekday, quarter, fiscalYear
        }
        var kind: Kind = .number
        /// The number's value, the month 1...12, or the quarter's number.
        var value = 0
        /// How many digits were written, which tells years from days.
        var digits = 0
        /// What separated this token from the previous one.
        var separator: Separator = .none
    }

    /// At most four tokens (weekday, day, month, year); kept inline so reading a cell doesn't allocate.
    struct Tokens {
        private var t0 = Token(), t1 = Token(), t2 = Token(), t3 = Token()
        private(set) var count = 0

        mutating func append(_ token: Token) -> Bool {
            switch count {
            case 0: t0 = token
            case 1: t1 = token
            case 2: t2 = token
            case 3: t3 = token
            default: return false
            }
            count += 1
            return true
        }

        subscript(_ i: Int) -> Token {
            switch i {
            case 0: return t0
            case 1: return t1
            case 2: return t2
            default: return t3
            }
        }
    }

    static func tokenize(_ s: UnsafeBufferPointer<UInt8>) -> Tokens? {
        var tokens = Tokens()
        var separator = Separator.none
        var i = 0
        while i < s.count {
            let byte = s[i]
            var token = Token()
            token.separator = separator
            if DateBytes.isDigit(byte) {
                guard let (value, count) = DateBytes.digitRun(s, &i) else { return nil }
                token.value = value
                token.digits = count
                if i < s.count, DateBytes.isLetter(s[i]) {
                    guard i + 2 <= s.count, DateBytes.isOrdinalSuffix(s[i], s[i + 1]),
                          i + 2 == s.count || !DateBytes.isLetter(s[i + 2])
                    else { return nil }
                    token.kind = .ordinal
                    i += 2
                }
            } else if DateBytes.isLetter(byte) {
                let start = i
                var key: UInt64 = 0
                while i < s.count, DateBytes.isLetter(s[i]) {
                    guard i - start < 12 else { return nil }
                    key = key << 5 | UInt64((s[i] | 0x20) &- UInt8(ascii: "a") &+ 1)
                    i += 1
                }
                let fiscalYear = i - start == 2 && byte | 0x20 == UInt8(ascii: "f") && s[start + 1] | 0x20 == UInt8(ascii: "y")
                if fiscalYear || (i - start == 1 && byte | 0x20 == UInt8(ascii: "q")) {
                    // Q2, or FY26 (a fiscal year): the letters, then the number.
                    guard i < s.count, DateBytes.isDigit(s[i]),
                          let (value, count) = DateBytes.digitRun(s, &i)
                    else { return nil }
                    token.kind = fiscalYear ? .fiscalYear : .quarter
                    token.value = value
                    token.digits = count
                } else {
                    guard let word = DateWords.table[key] else { return nil }
                    token.kind = word.isMonth ? .month : .weekday
                    token.value = word.value
                }
            } else {
                // A separator: spaces, or one of - / . , with the spacing people actually type.
                guard tokens.count > 0, separator == .none else { return nil }
                var spaceBefore = false, spaceAfter = false
                var mark: UInt8? = nil
                while i < s.count, DateBytes.isSpace(s[i]) { spaceBefore = true; i += 1 }
                if i < s.count, s[i] == DateBytes.dash || s[i] == DateBytes.slash || s[i] == DateBytes.dot || s[i] == DateBytes.comma {
                    mark = s[i]
                    i += 1
                    while i < s.count, DateBytes.isSpace(s[i]) { spaceAfter = true; i += 1 }
                }
                guard i < s.count, spaceBefore || mark != nil else { return nil }
                switch mark {
                case nil:
                    separator = .space
                case DateBytes.comma?:
                    guard !spaceBefore else { return nil }
                    separator = .comma
                case DateBytes.dot? where !spaceBefore && spaceAfter
                    && (tokens[tokens.count - 1].kind == .month || tokens[tokens.count - 1].kind == .weekday):
                    // An abbreviation's dot, as in "Sept. 1, 2026".
                    separator = .space
                case let m?:
                    guard !spaceBefore, !spaceAfter else { return nil }
                    separator = m == DateBytes.dash ? .dash : m == DateBytes.slash ? .slash : .dot
                }
                continue
            }
            guard tokens.append(token) else { return nil }
            separator = .none
        }
        return tokens
    }

    // MARK: Shapes

    static func interpret(_ tokens: Tokens, hasTime: Bool) -> Parsed {
        switch tokens.count {
        case 2 where !hasTime:
            return period(tokens[0], tokens[1])
        case 3:
            return fullDate(tokens[0], tokens[1], tokens[2])
        case 4 where tokens[0].kind == .weekday
            && (tokens[1].separator == .space || tokens[1].separator == .comma):
            // The weekday is not checked against the date: the date is what the cell means. It only tells the two
            // readings of a numeric date apart.
            let date = fullDate(tokens[1], tokens[2], tokens[3])
            guard case .numeric(let first, let second, let year, _) = date else { return date }
            return .numeric(first: first, second: second, year: year, weekday: tokens[0].value)
        default:
            return .invalid
        }
    }

    /// `2026-03`, `2026/03`, `Mar 2026`, `Mar-26`, `Q2 2026`, `2026-Q2` and kin.
    static func period(_ a: Token, _ b: Token) -> Parsed {
        switch (a.kind, b.kind) {
        case (.number, .number) where a.digits == 4 && (b.separator == .dash || b.separator == .slash):
            guard let year = year(a), isSmall(b), (1...12).contains(b.value) else { return .invalid }
            return .month(year: year, month: b.value)
        case (.month, .number):
            // "Mar 26" with a space is too easily 26 March, so two-digit years need the dash.
            guard b.separator == .dash || (b.separator == .space && b.digits == 4),
                  let year = year(b)
            else { return .invalid }
            return .month(year: year, month: a.value)
        case (.quarter, .number):
            guard b.separator == .space || b.separator == .dash || b.separator == .slash,
                  let quarter = quarterNumber(a),
                  let year = year(b)
            else { return .invalid }
            return .quarter(year: year, quarter: quarter)
        case (.fiscalYear, .quarter), (.quarter, .fiscalYear):
            // FY26 Q3, FY26-Q3, Q3 FY26.
            let (fiscal, quarter) = a.kind == .fiscalYear ? (a, b) : (b, a)
            guard b.separator == .space || b.separator == .dash, let number = quarterNumber(quarter),
                  let year = year(Token(kind: .number, value: fiscal.value, digits: fiscal.digits))
            else { return .invalid }
            return .fiscalQuarter(fiscalYear: year, quarter: number)
        case (.number, .quarter) where a.digits == 4:
            guard b.separator == .dash || b.separator == .space, let quarter = quarterNumber(b),
                  let year = year(a)
            else { return .invalid }
            return .quarter(year: year, quarter: quarter)
        default:
            return .invalid
        }
    }

    /// Every three-part form that names one day.
    static func fullDate(_ a: Token, _ b: Token, _ c: Token) -> Parsed {
        switch (a.kind, b.kind, c.kind) {
        case (.number, .number, .number):
            guard b.separator == c.separator, isSmall(b) else { return .invalid }
            if a.digits == 4 {
                // Year first is never ambiguous.
                guard b.separator == .dash || b.separator == .slash, isSmall(c), let year = year(a)
                else { return .invalid }
                return day(year, b.value, c.value)
            }
            guard isSmall(a), let year = year(c) else { return .invalid }
            switch b.separator {
            case .dot: return day(year, b.value, a.value) // dotted dates are European, day first
            case .dash, .slash: return .numeric(first: a.value, second: b.value, year: year, weekday: 0)
            default: return .invalid
            }
        case (.number, .month, .number), (.ordinal, .month, .number):
            // 1-Mar-2026, 1 Mar 2026, 1st March, 2026
            guard isSmall(a), b.separator == .space || b.separator == .dash || b.separator == .slash,
                  c.separator == b.separator || (b.separator == .space && c.separator == .comma),
                  let year = year(c)
            else { return .invalid }
            return day(year, b.value, a.value)
        case (.month, .number, .number), (.month, .ordinal, .number):
            // Mar 1, 2026, March 1st 2026
            guard isSmall(b), b.separator == .space,
                  c.separator == .space || c.separator == .comma,
                  let year = year(c)
            else { return .invalid }
            return day(year, a.value, b.value)
        default:
            return .invalid
        }
    }

    static func day(_ year: Int, _ month: Int, _ day: Int) -> Parsed {
        CalendarDate(year: year, month: month, day: day).map(Parsed.day) ?? .invalid
    }

    /// A day or month written with one or two digits; callers have already checked where an ordinal may stand.
    static func isSmall(_ t: Token) -> Bool {
        (t.kind == .number || t.kind == .ordinal) && (t.digits == 1 || t.digits == 2)
    }

    /// Four-digit years as written; two-digit years pivot at 70 (69 → 2069, 70 → 1970).
    static func year(_ t: Token) -> Int? {
        guard t.kind == .number else { return nil }
        let year: Int
        switch t.digits {
        case 4: year = t.value
        case 2: year = t.value < 70 ? 2000 + t.value : 1900 + t.value
        default: return nil
        }
        return years.contains(year) ? year : nil
    }

    static func quarterNumber(_ t: Token) -> Int? {
        t.digits == 1 && (1...4).contains(t.value) ? t.value : nil
    }
}

extension DateReader {
    /// The month a word in lower case names (`mar`, `march`, `sept`, `okt`, `dic`); nil for any other word.
    static func month(named word: some StringProtocol) -> Int? {
        guard !word.isEmpty, word.utf8.count <= 12, word.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }),
              let found = DateWords.table[DateWords.key(String(word))], found.isMonth else { return nil }
        return found.value
    }
}

// MARK: - Words and bytes

/// Month and weekday names, keyed by their lowercase letters packed five bits each.
private enum DateWords {
    struct Word: Sendable {
        var isMonth: Bool
        var value: Int
    }

    static let table: [UInt64: Word] = {
        let months = [
            ["jan", "january"], ["feb", "february"], ["mar", "march"], ["apr", "april"],
            ["may"], ["jun", "june"], ["jul", "july"], ["aug", "august"],
            ["sep", "sept", "september"], ["oct", "october"], ["nov", "november"], ["dec", "december"],
        ]
        // The same months in German, French and Spanish, as far as they are written in ASCII (`Okt 2026`, `Mai 2027`,
        // `Dic 2026`): a name with an accent (`März`, `févr`, `août`, `déc`) is not read.
        let otherMonths = [
            ["januar", "janv", "janvier", "ene", "enero"], ["februar", "fev", "fevr", "fevrier", "febrero"], ["maerz", "mrz", "mars", "marzo"],
            ["avr", "avril", "abr", "abril"], ["mai", "mayo"], ["juni", "juin", "junio"], ["juli", "juil", "juillet", "julio"],
            ["aout", "ago", "agosto"], ["septembre", "septiembre", "set", "setiembre"], ["okt", "oktober", "octobre", "octubre"],
            ["novembre", "noviembre"], ["dez", "dezember", "decembre", "dic", "diciembre"],
        ]
        let weekdays = [
            ["mon", "monday"], ["tue", "tues", "tuesday"], ["wed", "wednesday"], ["thu", "thur", "thurs", "thursday"],
            ["fri", "friday"], ["sat", "saturday"], ["sun", "sunday"],
        ]
        var table: [UInt64: Word] = [:]
        for (index, names) in months.enumerated() {
            for name in names + otherMonths[index] { table[key(name)] = Word(isMonth: true, value: index + 1) }
        }
        for (index, names) in weekdays.enumerated() {
            for name in names { table[key(name)] = Word(isMonth: false, value: index + 1) }
        }
        return table
    }()

    static func key(_ word: String) -> UInt64 {
        word.utf8.reduce(0) { $0 << 5 | UInt64($1 - UInt8(ascii: "a") + 1) }
    }
}

private enum DateBytes {
    static let zero = UInt8(ascii: "0")
    static let dash = UInt8(ascii: "-")
    static let slash = UInt8(ascii: "/")
    static let dot = UInt8(ascii: ".")
    static let comma = UInt8(ascii: ",")
    static let colon = UInt8(ascii: ":")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")

    static func isDigit(_ b: UInt8) -> Bool { b &- zero < 10 }
    static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) &- UInt8(ascii: "a") < 26 }
    static func isSpace(_ b: UInt8) -> Bool { b == space || b == tab }

    static func isOrdinalSuffix(_ a: UInt8, _ b: UInt8) -> Bool {
        // Any of the four suffixes on any number: spreadsheets are not proofread.
        switch (a | 0x20, b | 0x20) {
        case (UInt8(ascii: "s"), UInt8(ascii: "t")), (UInt8(ascii: "n"), UInt8(ascii: "d")),
             (UInt8(ascii: "r"), UInt8(ascii: "d")), (UInt8(ascii: "t"), UInt8(ascii: "h")):
            return true
        default:
            return false
        }
    }

    /// Exactly `count` digits starting at `start`.
    static func number(_ s: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int? {
        var value = 0
        for i in start..<(start + count) {
            guard isDigit(s[i]) else { return nil }
            value = value * 10 + Int(s[i] - zero)
        }
        return value
    }

    /// Reads the digits at `i` (at most nine, so the value cannot overflow) and moves past them.
    static func digitRun(_ s: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> (value: Int, count: Int)? {
        let start = i
        var value = 0
        while i < s.count, isDigit(s[i]) {
            guard i - start < 9 else { return nil }
            value = value * 10 + Int(s[i] - zero)
            i += 1
        }
        return (value, i - start)
    }

    /// The range left after dropping surrounding spaces, tabs, line breaks and no-break spaces.
    static func trimmed(_ s: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var lo = 0, hi = s.count
        while lo < hi {
            if s[lo] == space || s[lo] == tab || s[lo] == 0x0A || s[lo] == 0x0D {
                lo += 1
            } else if s[lo] == 0xC2, lo + 1 < hi, s[lo + 1] == 0xA0 {
                lo += 2
            } else {
                break
            }
        }
        while hi > lo {
            if s[hi - 1] == space || s[hi - 1] == tab || s[hi - 1] == 0x0A || s[hi - 1] == 0x0D {
                hi -= 1
            } else if s[hi - 1] == 0xA0, hi - 2 >= lo, s[hi - 2] == 0xC2 {
                hi -= 2
            } else {
                break
            }
        }
        return lo..<hi
    }
}
