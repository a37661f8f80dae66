/// The unit capacity values are given in.
public enum CapacityUnit: String, Sendable, CaseIterable {
    /// Full-time equivalents: 1.0 is one person's whole time in the period.
    case fte
    /// Percent of one person's time: 100 is 1.0 FTE.
    case percent
    /// Hours in the period.
    case hours
    /// Working days in the period.
    case days
}

/// How to read a capacity sheet.
public struct CapacityOptions: Sendable {
    /// The unit of bare numbers; nil to infer it from the sheet (a `%`, a word in the title or header, or values no larger than 1.5).
    public var unit: CapacityUnit?
    /// Hours in a working day.
    public var hoursPerDay = 8.0
    /// Working days in a month (a quarter is three months, a week five days).
    public var daysPerMonth = 21.0
    /// The month fiscal years start in.
    public var fiscalYearStart = 1
    /// A person whose every period is at or below this utilisation is under-allocated.
    public var underAllocatedAt = 0.75

    /// Default options.
    public init() {}
}

/// One allocation read from a capacity sheet, in FTE for its period.
public struct Allocation: Sendable {
    /// The person, as the people sheet spells them when matched.
    public var person: String
    /// Their team, when the sheet or the people sheet says.
    public var team: String
    /// The period.
    public var period: Period
    /// What the time goes to (a tracker id or title, or a bucket such as BAU); empty when the sheet does not say.
    public var item: String
    /// Allocated FTE.
    public var allocated: Double
    /// Available FTE, when the sheet gives it.
    public var available: Double?
    /// Where it was read.
    public var location: SourceLocation
}

/// A finance capacity sheet read into allocations: long form, wide form, or a resource plan (SPEC 2, people and capacity).
public struct CapacitySheet: Sendable {
    /// The shapes a capacity sheet comes in.
    public enum Form: String, Sendable {
        /// One row per person, period (and item): person, period, available, allocated, item.
        case long
        /// One row per person, one column per period.
        case wide
        /// One row per person and item, one column per period.
        case resourcePlan = "resource plan"
    }

    /// The form found.
    public let form: Form
    /// The unit the values were read in.
    public let unit: CapacityUnit
    /// Every allocation, in sheet order.
    public let allocations: [Allocation]
    /// Problems with cells and people: located, never a silent zero.
    public let findings: [Finding]
    /// What was recognised and left out: totals rows, subtotal columns.
    public let notes: [String]
    /// The sheet's file name.
    public let file: String

    static let personWords: Set<String> = ["person", "name", "employee", "resource", "owner", "fullname", "staff", "personname", "who", "resourcename"]
    static let teamWords: Set<String> = ["team", "department", "dept", "group", "function", "squad"]
    static let itemWords: Set<String> = ["item", "project", "initiative", "workitem", "allocatedto", "assignment", "activity", "workstream", "ref", "id", "task", "epic"]
    static let periodWords: Set<String> = ["period", "month", "quarter", "week"]
    /// The period headers read, for messages.
    static let periodForms = "period headers read: 2026-03, Mar 2026, Okt 2026, Mar-26, 2026-Q1, Q1 2026, FY26 Q1, 2026-W09"
    static let availableWords: Set<String> = ["available", "capacity", "availability", "availablefte", "availablehours", "hoursavailable"]
    static let allocatedWords: Set<String> = ["allocated", "allocation", "planned", "assigned", "booked", "demand", "allocatedfte", "allocatedhours", "hours", "fte"]

    /// Whether a header is a subtotal column: "H2 Total", "Sum", "YTD".
    static func isSubtotal(_ header: String) -> Bool {
        let key = Conventions.wordKey(header)
        return key.contains("total") || key.hasPrefix("sum") || key.contains("ytd") || key == "h1" || key == "h2" || key == "fy"
    }

    /// Reads a capacity sheet. People are matched against `people` (by name, e-mail, `Last, First`).
    public init(input: CSVInput, people: PeopleDirectory, conventions: Conventions, options: CapacityOptions) throws {
        file = input.file
        let periods = PeriodReader(fiscalYearStart: options.fiscalYearStart)
        // Find the header: the row with the most period columns or capacity words among the first 30.
        var rows: [(cells: [String], line: Int)] = []
        try input.makeReader(chunkSize: 1 << 16).forEach { record in
            rows.append((record.strings, record.line))
            return rows.count < 30
        }
        func score(_ cells: [String]) -> Int {
            cells.reduce(0) { total, cell in
                let key = Conventions.headerKey(cell)
                let known = periods.read(cell) != nil || Self.personWords.contains(key) || Self.periodWords.contains(key)
                    || Self.allocatedWords.contains(key) || Self.availableWords.contains(key)
                return total + (known ? 1 : 0)
            }
        }
        let scores = rows.map { score($0.cells) }
        guard let best = scores.max(), best >= 2, let headerIndex = scores.firstIndex(of: best) else {
            throw ThroughlineError.data(SourceLocation(file: input.file), "no header row with a person column and period or allocation columns in the first 30 rows",
                                        hint: "accepted shapes: long (person, period, available, allocated, item), wide (person, one column per period) or a resource plan (person, item, one column per period); see the README")
        }
        let header = rows[headerIndex].cells
        let keys = header.map(Conventions.headerKey)
        func column(_ words: Set<String>) -> Int? { keys.firstIndex { words.contains($0) } }
        guard let personColumn = column(Self.personWords) else {
            throw ThroughlineError.data(SourceLocation(file: input.file, line: rows[headerIndex].line), "the capacity sheet has no person column",
                                        hint: "name it Person, Name, Employee or Resource")
        }
        let teamColumn = column(Self.teamWords)
        var notes: [String] = []
        var periodColumns: [(index: Int, period: Period)] = []
        for (index, cell) in header.enumerated() where index != personColumn && index != teamColumn {
            if Self.isSubtotal(cell) {
                notes.append("column '\(cell.trimmingSpaces)' is a subtotal: skipped, not counted twice")
            } else if let period = periods.read(cell) {
                periodColumns.append((index, period))
            }
        }
        let itemColumn = column(Self.itemWords)
        // A column beside the periods whose header holds a number but reads as no period (`Mär 2027`) would be left
        // out without a word.
        if !periodColumns.isEmpty {
            let read = Set(periodColumns.map(\.index))
            let unread = header.indices.filter { index in
                !read.contains(index) && index != personColumn && index != teamColumn && index != itemColumn
                    && header[index].contains(where: \.isNumber) && !Self.isSubtotal(header[index])
            }
            for index in unread {
                notes.append("column '\(header[index].trimmingSpaces)' holds a number but reads as no period: its values are not counted (\(Self.periodForms))")
            }
        }
        let form: Form
        var periodColumn: Int?, allocatedColumn: Int?, availableColumn: Int?
        if !periodColumns.isEmpty {
            form = itemColumn == nil ? .wide : .resourcePlan
        } else {
            periodColumn = column(Self.periodWords)
            allocatedColumn = column(Self.allocatedWords)
            availableColumn = column(Self.availableWords)
            guard periodColumn != nil, allocatedColumn != nil else {
                throw ThroughlineError.data(SourceLocation(file: input.file, line: rows[headerIndex].line),
                                            "cannot tell the capacity sheet's shape: no period columns, and no period and allocated columns",
                                            hint: Self.periodForms)
            }
            form = .long
        }
        self.form = form

        // The unit: as given, else a % in the values, else a word in the title rows or header, else small values mean FTE.
        var unit = options.unit
        var sawPercent = false
        var largest = 0.0
        let valueColumns = form == .long ? [allocatedColumn!] + (availableColumn.map { [$0] } ?? []) : periodColumns.map(\.index)
        for row in rows[(headerIndex + 1)...] {
            for index in valueColumns where index < row.cells.count {
                let text = row.cells[index].trimmingSpaces
                if text.hasSuffix("%") { sawPercent = true }
                if let number = Double(text.replacingComma.filter { $0 != "%" && $0 != " " }) { largest = max(largest, abs(number)) }
            }
        }
        if unit == nil {
            let words = (rows[0...headerIndex].flatMap(\.cells)).map { Conventions.wordKey($0) }.joined(separator: " ")
            if sawPercent { unit = .percent }
            else if words.contains("fte") { unit = .fte }
            else if words.contains("hours") || words.contains("hrs") { unit = .hours }
            else if words.contains("days") { unit = .days }
            else if words.contains("%") || words.contains("percent") { unit = .percent }
            else if largest <= 1.5 { unit = .fte }
            else {
                throw ThroughlineError.data(SourceLocation(file: input.file, line: rows[headerIndex].line),
                                            "cannot tell whether the capacity values are hours, days, FTE or percent (the largest is \(Derivation.format(largest)))",
                                            hint: "give --unit hours, days, fte or percent")
            }
        }
        self.unit = unit!

        var allocations: [Allocation] = []
        var findings: [Finding] = []
        var skippedTotals = 0
        var suggestionsLeft = 50
        // A percentage is a share of the person's own time: 50% of a 0.5 FTE person is 0.25 FTE.
        func fte(_ text: String, period: Period, location: SourceLocation, blankIsZero: Bool, personFTE: Double) -> Double? {
            var value = text.trimmingSpaces
            if value.isEmpty {
                if blankIsZero { return 0 }
                findings.append(Finding(.badNumber, at: location, message: "no value"))
                return nil
            }
            var cellUnit = unit!
            if value.hasSuffix("%") { cellUnit = .percent; value = String(value.dropLast()).trimmingSpaces }
            guard let number = Double(value.replacingComma), number.isFinite else {
                findings.append(Finding(.badNumber, at: location, message: "'\(text.trimmingSpaces)' is not a number"))
                return nil
            }
            guard number >= 0 else {
                findings.append(Finding(.badNumber, at: location, message: "'\(text.trimmingSpaces)' is negative"))
                return nil
            }
            switch cellUnit {
            case .fte: return number
            case .percent: return number / 100 * personFTE
            case .hours: return number / (options.hoursPerDay * period.workingDays(daysPerMonth: options.daysPerMonth))
            case .days: return number / period.workingDays(daysPerMonth: options.daysPerMonth)
            }
        }
        var rowNumber = 0
        do {
            try input.makeReader().forEach { record in
                rowNumber += 1
                guard rowNumber > headerIndex + 1 else { return true }
                let cells = record.strings
                if cells.allSatisfy({ $0.trimmingSpaces.isEmpty }) { return true }
                let typedPerson = personColumn < cells.count ? cells[personColumn].collapsingSpaces : ""
                if Sheet.isTotalsWord(typedPerson) || (typedPerson.isEmpty && cells.contains(where: Sheet.isTotalsWord)) {
                    skippedTotals += 1
                    return true
                }
                guard !typedPerson.isEmpty else {
                    findings.append(Finding(.badNumber, at: SourceLocation(file: input.file, line: record.line, column: header[personColumn].trimmingSpaces),
                                            message: "a row with values but no person"))
                    return true
                }
                var person = typedPerson
                var team = teamColumn.flatMap { $0 < cells.count ? cells[$0].collapsingSpaces : nil } ?? ""
                if case .person(let alias)? = conventions.owners[Conventions.wordKey(typedPerson)] { person = alias }
                if let match = people.person(matching: person) {
                    person = match.name
                    if team.isEmpty { team = match.team ?? "" }
                } else if !people.people.isEmpty {
                    var message = "'\(typedPerson)' is not in the people sheet"
                    if suggestionsLeft > 0 {
                        suggestionsLeft -= 1
                        let names = people.people.map(\.name)
                        let lowered = typedPerson.lowercased()
                        if let guess = names.min(by: { EditDistance.between(lowered, $0.lowercased()) < EditDistance.between(lowered, $1.lowercased()) }),
                           EditDistance.between(lowered, guess.lowercased()) <= max(2, lowered.count / 4) {
                            message += "; did you mean '\(guess)'?"
                        }
                    }
                    findings.append(Finding(.unknownReference, at: SourceLocation(file: input.file, line: record.line, column: header[personColumn].trimmingSpaces),
                                            message: message))
                }
                let item = itemColumn.flatMap { $0 < cells.count ? cells[$0].trimmingSpaces : nil } ?? ""
                let personFTE = people.person(matching: person)?.fte ?? 1.0
                switch form {
                case .long:
                    let periodText = periodColumn! < cells.count ? cells[periodColumn!] : ""
                    let periodLocation = SourceLocation(file: input.file, line: record.line, column: header[periodColumn!].trimmingSpaces)
                    guard let period = periods.read(periodText) else {
                        findings.append(Finding(.badDate, at: periodLocation, message: "'\(periodText.trimmingSpaces)' is not a period (2026-03, Mar 2026, 2026-Q1, FY26 Q1, 2026-W09)"))
                        return true
                    }
                    let allocatedText = allocatedColumn! < cells.count ? cells[allocatedColumn!] : ""
                    guard let allocated = fte(allocatedText, period: period, location: SourceLocation(file: input.file, line: record.line, column: header[allocatedColumn!].trimmingSpaces), blankIsZero: false, personFTE: personFTE) else { return true }
                    var available: Double?
                    if let availableColumn, availableColumn < cells.count, !cells[availableColumn].trimmingSpaces.isEmpty {
                        available = fte(cells[availableColumn], period: period, location: SourceLocation(file: input.file, line: record.line, column: header[availableColumn].trimmingSpaces), blankIsZero: false, personFTE: personFTE)
                    }
                    allocations.append(Allocation(person: person, team: team, period: period, item: item, allocated: allocated, available: available,
                                                  location: SourceLocation(file: input.file, line: record.line, column: header[allocatedColumn!].trimmingSpaces)))
                case .wide, .resourcePlan:
                    for (index, period) in periodColumns {
                        let location = SourceLocation(file: input.file, line: record.line, column: header[index].trimmingSpaces)
                        // In a plan, a blank cell is no allocation that period: the sheet means zero.
                        guard let value = fte(index < cells.count ? cells[index] : "", period: period, location: location, blankIsZero: true, personFTE: personFTE) else { continue }
                        allocations.append(Allocation(person: person, team: team, period: period, item: item, allocated: value, available: nil, location: location))
                    }
                }
                return true
            }
        } catch {
            // A cell that cannot be read below the header is named by it.
            throw SheetLayout.namingColumn(of: error, below: rows[headerIndex].line) { index in
                index < header.count && !header[index].trimmingSpaces.isEmpty ? header[index].trimmingSpaces : nil
            }
        }
        if skippedTotals > 0 { notes.append("\(skippedTotals) totals row\(skippedTotals == 1 ? "" : "s") skipped, not counted twice") }
        self.allocations = allocations
        self.findings = findings
        self.notes = notes
    }
}
