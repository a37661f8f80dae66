/// A planning period: a month, a quarter or an ISO week, with its first and last day.
public struct Period: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// How long the period is.
    public enum Kind: String, Sendable { case week, month, quarter }

    /// Month, quarter or week.
    public let kind: Kind
    /// Its first day.
    public let start: CalendarDate
    /// Its last day.
    public let end: CalendarDate
    /// The canonical label: `2026-03`, `2026-Q1`, `2026-W09`.
    public let label: String

    public var description: String { label }

    public static func < (lhs: Period, rhs: Period) -> Bool { (lhs.start, lhs.end) < (rhs.start, rhs.end) }

    /// The calendar month `month` of `year`.
    public static func month(_ year: Int, _ month: Int) -> Period? {
        guard let start = CalendarDate(year: year, month: month, day: 1),
              let end = CalendarDate(year: year, month: month, day: CalendarDate.lastDay(year: year, month: month)) else { return nil }
        return Period(kind: .month, start: start, end: end, label: String(format4(year)) + "-" + two(month))
    }

    /// The calendar quarter `quarter` of `year`.
    public static func quarter(_ year: Int, _ quarter: Int) -> Period? {
        guard (1...4).contains(quarter), let start = CalendarDate(year: year, month: quarter * 3 - 2, day: 1),
              let end = CalendarDate(year: year, month: quarter * 3, day: CalendarDate.lastDay(year: year, month: quarter * 3)) else { return nil }
        return Period(kind: .quarter, start: start, end: end, label: "\(format4(year))-Q\(quarter)")
    }

    /// ISO week `week` of ISO year `year` (weeks start on Monday; week 1 holds the year's first Thursday).
    public static func isoWeek(_ year: Int, _ week: Int) -> Period? {
        guard (1...53).contains(week), let january4 = CalendarDate(year: year, month: 1, day: 4) else { return nil }
        // 1970-01-01 was a Thursday: day numbers give the weekday, Monday = 0.
        let weekday = ((january4.dayNumber + 3) % 7 + 7) % 7
        let week1Monday = january4.adding(days: -weekday)
        let start = week1Monday.adding(days: (week - 1) * 7)
        guard week < 53 || start.adding(days: 3).year == year else { return nil }
        return Period(kind: .week, start: start, end: start.adding(days: 6), label: "\(format4(year))-W" + two(week))
    }

    /// Working days in the period, given the days in a month (a quarter is three months, a week five days).
    public func workingDays(daysPerMonth: Double) -> Double {
        switch kind {
        case .week: return 5
        case .month: return daysPerMonth
        case .quarter: return daysPerMonth * 3
        }
    }

    static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
    static func format4(_ value: Int) -> String { value < 1000 ? String(repeating: "0", count: 4 - String(value).count) + String(value) : String(value) }
}

/// Reads period headers: `2026-03`, `Mar 2026`, `Mar-26`, `March 2026`, `2026-Q1`, `Q1 2026`, `Q1-26`, `FY26 Q1`, `2026-W09`.
public struct PeriodReader: Sendable {
    /// The month a fiscal year starts in (1 = January). FY26 is the fiscal year that ends in 2026.
    public var fiscalYearStart: Int

    /// A reader with the fiscal year starting in `fiscalYearStart`.
    public init(fiscalYearStart: Int = 1) { self.fiscalYearStart = fiscalYearStart }

    /// The period a header names, or nil.
    public func read(_ text: String) -> Period? {
        let key = Conventions.wordKey(text).replacingAll("_", with: " ").replacingAll(".", with: " ")
        let words = key.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "/" }).map(String.init)
        guard !words.isEmpty, words.count <= 3 else { return nil }
        // FY26 Q1 / Q1 FY26 / FY2026-Q1
        if words.count == 2, let fiscal = words.first(where: { $0.hasPrefix("fy") }), let quarterWord = words.first(where: { $0.hasPrefix("q") }),
           let fy = Self.year(String(fiscal.dropFirst(2))), let quarter = Int(quarterWord.dropFirst()), (1...4).contains(quarter) {
            return fiscalQuarter(fy, quarter)
        }
        if words.count == 2 {
            let (a, b) = (words[0], words[1])
            // 2026 Q1 / Q1 2026 / Q1 26
            if a.hasPrefix("q"), let quarter = Int(a.dropFirst()), let year = Self.year(b) { return Period.quarter(year, quarter) }
            if b.hasPrefix("q"), let quarter = Int(b.dropFirst()), let year = Self.year(a), a.count == 4 { return Period.quarter(year, quarter) }
            // 2026 W09
            if b.hasPrefix("w"), a.count == 4, let year = Int(a), let week = Int(b.dropFirst()) { return Period.isoWeek(year, week) }
            // 2026 03
            if a.count == 4, let year = Int(a), let month = Int(b), b.count <= 2 { return Period.month(year, month) }
            // Mar 2026 / Mar 26 / March 2026
            if let month = Self.month(a), let year = Self.year(b) { return Period.month(year, month) }
            // 2026 Mar
            if let month = Self.month(b), a.count == 4, let year = Int(a) { return Period.month(year, month) }
        }
        return nil
    }

    /// Quarter `quarter` of fiscal year `fiscalYear` (the one that ends in that calendar year).
    public func fiscalQuarter(_ fiscalYear: Int, _ quarter: Int) -> Period? {
        guard (1...4).contains(quarter), (1...12).contains(fiscalYearStart) else { return nil }
        let startYear = fiscalYearStart == 1 ? fiscalYear : fiscalYear - 1
        let monthIndex = (fiscalYearStart - 1) + (quarter - 1) * 3
        let year = startYear + monthIndex / 12
        let month = monthIndex % 12 + 1
        guard let start = CalendarDate(year: year, month: month, day: 1) else { return nil }
        let endMonthIndex = monthIndex + 2
        let endYear = startYear + endMonthIndex / 12, endMonth = endMonthIndex % 12 + 1
        guard let end = CalendarDate(year: endYear, month: endMonth, day: CalendarDate.lastDay(year: endYear, month: endMonth)) else { return nil }
        return Period(kind: .quarter, start: start, end: end, label: "FY\(fiscalYear % 100 < 10 ? "0" : "")\(fiscalYear % 100)-Q\(quarter)")
    }

    static func year(_ text: String) -> Int? {
        guard let value = Int(text) else { return nil }
        if text.count == 4, (1900...2200).contains(value) { return value }
        if text.count == 2 { return 2000 + value }
        return nil
    }

    /// The month a header's word names, as dates name them (`Mar`, `March`, `Okt`, `Dic`).
    static func month(_ text: String) -> Int? { DateReader.month(named: text) }
}
