/// The people a sheet's owners can be matched against: names, e-mail addresses, teams (from a people sheet).
public struct PeopleDirectory: Sendable {
    /// One person.
    public struct Person: Equatable, Sendable {
        /// The name as the people sheet spells it.
        public var name: String
        /// The team, when given.
        public var team: String?
        /// The e-mail address, when given.
        public var email: String?
        /// Full-time equivalent, 1.0 when not given.
        public var fte: Double
    }

    /// Everyone, in the sheet's order.
    public private(set) var people: [Person] = []
    private var byKey: [String: Int] = [:]

    /// An empty directory: owners are only trimmed.
    public init() {}

    /// The headers (as `Conventions.headerKey` gives them) a people sheet's columns are known by.
    static let nameHeaders = ["person", "name", "fullname", "employee", "owner", "resource", "personname"]
    static let teamHeaders = ["team", "department", "dept", "group", "function"]
    static let emailHeaders = ["email", "emailaddress", "mail"]
    static let fteHeaders = ["fte", "capacity", "availability"]

    /// Whether a sheet of a set, whatever its file is called, is a people sheet: a person column with an e-mail or FTE
    /// column beside it, and no column of work (status, dates, progress, references, type, KPI values, weight).
    public static func isPeopleSheet(_ layout: SheetLayout) -> Bool {
        let headers = Set(layout.columns.map { Conventions.headerKey($0.header) })
        let work: Set<Field> = [.type, .status, .progress, .start, .due, .forecast, .updated, .parent, .objective, .dependsOn, .weight,
                                .baseline, .target, .actual]
        return !headers.isDisjoint(with: nameHeaders) && !(headers.isDisjoint(with: emailHeaders) && headers.isDisjoint(with: fteHeaders))
            && !layout.columns.contains { $0.field.map(work.contains) ?? false }
    }

    /// Reads a people sheet: a person or name column, and optionally team, e-mail and FTE columns.
    public init(sheet: Sheet) throws {
        let headers = sheet.layout.columns.map { Conventions.headerKey($0.header) }
        func column(_ names: [String]) -> Int? { headers.firstIndex { names.contains($0) } }
        guard let nameColumn = column(Self.nameHeaders) else {
            throw ThroughlineError.data(SourceLocation(file: sheet.input.file, line: sheet.layout.headerLine),
                                        "a people sheet needs a Person (or Name) column",
                                        hint: "columns read: Person, Team, Email, FTE")
        }
        let teamColumn = column(Self.teamHeaders)
        let emailColumn = column(Self.emailHeaders)
        let fteColumn = column(Self.fteHeaders)
        try sheet.forEachDataRow { record in
            func cell(_ index: Int?) -> String? {
                guard let index, index < record.count else { return nil }
                let value = record.string(index).collapsingSpaces
                return value.isEmpty ? nil : value
            }
            guard let name = cell(nameColumn) else { return true }
            let fte = cell(fteColumn).flatMap { NumberReading.read($0) } ?? 1.0
            add(Person(name: name, team: cell(teamColumn), email: cell(emailColumn), fte: fte))
            return true
        }
    }

    /// Adds a person, matchable by name, `Last, First` and e-mail address.
    /// A people sheet may write its names either way: `Ana Silva` is also found as `Silva, Ana`, and `Silva, Ana` as
    /// `Ana Silva`.
    public mutating func add(_ person: Person) {
        let index = people.count
        people.append(person)
        byKey[Self.key(person.name)] = index
        let halves = person.name.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
        if halves.count == 2, !halves[0].isEmpty, !halves[1].isEmpty {
            let key = Self.key(halves[1] + " " + halves[0])
            if byKey[key] == nil { byKey[key] = index }
        } else {
            // The family name may be more than the last word (`Jan van der Berg` is `van der Berg, Jan`): every split is
            // a way to write the name, none taking a key another person's name already has.
            let parts = person.name.split(separator: " ")
            for cut in parts.indices.dropFirst() {
                let key = Self.key(parts[cut...].joined(separator: " ") + ", " + parts[..<cut].joined(separator: " "))
                if byKey[key] == nil { byKey[key] = index }
            }
        }
        if let email = person.email { byKey[Self.key(email)] = index }
    }

    /// The person a typed owner names: by name in any case and spacing, by `Last, First` (with or without a space after
    /// the comma), or by e-mail address.
    public func person(matching typed: String) -> Person? {
        byKey[Self.key(typed)].map { people[$0] }
    }

    /// How a name is looked up: its word key, with one space after a single comma (`Silva,Ana` is `silva, ana`).
    private static func key(_ text: String) -> String {
        let key = Conventions.wordKey(text)
        let halves = key.split(separator: ",", omittingEmptySubsequences: false)
        guard halves.count == 2 else { return key }
        return String(halves[0]).trimmingSpaces + ", " + String(halves[1]).trimmingSpaces
    }

}

extension String {
    /// The text with a decimal comma read as a point (`45,5` is `45.5`) when it has no point already.
    var replacingComma: String {
        contains(".") ? self : String(unicodeScalars.map { $0 == "," ? "." : Character($0) })
    }
}

/// Numbers as people type them in sheets.
public enum NumberReading {
    /// Reads `1250`, `1,250`, `1 250`, `1.250,5`, `45,5`, `€40.5`, `$1,200`, `95%` (the percent sign is dropped), `-3`,
    /// and the number in a cell typed with a scale or a unit (see `withAffixes`); nil for anything else. Thousands
    /// separators are recognised only in groups of three digits.
    ///
    /// In a sheet written with decimal commas (`decimalComma`), a point between groups of three digits is a thousands
    /// separator (`1.200` is 1200) and a lone comma is the decimal one (`1,250` is 1.25).
    public static func read(_ text: String, decimalComma: Bool = false) -> Double? {
        // Most cells are plain numbers or empty: settle those without building a cleaned copy.
        if text.isEmpty { return nil }
        if !(decimalComma && text.contains(".")), let plain = Double(text), plain.isFinite { return plain }
        return separated(text, decimalComma: decimalComma) ?? withAffixes(text, decimalComma: decimalComma)
    }

    /// The decimal separator a cell shows beyond doubt: a comma in `4,5`, `0,125` and `1.200,5`, a point in `4.5` and
    /// `1,200.5`. `1.200` and `1,250` show none (the separator may group thousands), nor does a cell with no separator.
    static func decimalSeparator(in text: String) -> Character? {
        var core = Substring(text.trimmingSpaces)
        while let last = core.last, last == "%" || last == " " { core = core.dropLast() }
        if core.first == "-" || core.first == "+" { core = core.dropFirst() }
        guard !core.isEmpty, core.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "," || $0 == ".") }),
              let last = core.lastIndex(where: { $0 == "," || $0 == "." }) else { return nil }
        let separator = core[last], before = core[..<last], after = core[core.index(after: last)...]
        guard !before.isEmpty, !after.isEmpty, after.allSatisfy(\.isNumber) else { return nil }
        // Both kinds: the last is the decimal one. One kind, more than once: it groups thousands.
        if before.contains(separator == "," ? "." : ",") { return separator }
        if before.contains(separator) { return nil }
        return after.count == 3 && before != "0" ? nil : separator
    }

    /// Whether `text` is digits in groups of three after the first (`1,250`, `-12,000,000`), joined by `separator`. A
    /// first group of 0 groups nothing: `0,125` and `0.125` are fractions.
    static func groupsThousands(_ text: String, by separator: Character) -> Bool {
        var core = Substring(text.trimmingSpaces)
        if core.first == "-" || core.first == "+" { core = core.dropFirst() }
        let parts = core.split(separator: separator, omittingEmptySubsequences: false)
        guard parts.count > 1, let first = parts.first, first != "0", (1...3).contains(first.filter(\.isNumber).count) else { return false }
        return parts.dropFirst().allSatisfy { $0.count == 3 && $0.allSatisfy(\.isNumber) }
    }

    /// A number with its separators, currency signs and percent sign, and nothing else.
    private static func separated(_ text: String, decimalComma: Bool) -> Double? {
        var core = ""
        for scalar in text.unicodeScalars where !scalar.properties.isWhitespace && !"€$£¥%".unicodeScalars.contains(scalar) {
            core.unicodeScalars.append(scalar)
        }
        guard !core.isEmpty else { return nil }
        if !(decimalComma && core.contains(".")), let plain = Double(core), plain.isFinite { return plain }
        let commas = core.filter { $0 == "," }.count, dots = core.filter { $0 == "." }.count
        var normalized: String?
        if decimalComma && (commas == 0 || dots == 0) {
            // `1.200` and `1.200.000` group thousands, `3.5` keeps its point; `1,250` is 1.25, `1,250,000` still a million.
            if dots > 0 {
                normalized = groupsThousands(core, by: ".") ? core.filter { $0 != "." } : (dots == 1 ? core : nil)
            } else {
                normalized = commas == 1 ? core.replacingComma : (groupsThousands(core, by: ",") ? core.filter { $0 != "," } : nil)
            }
        } else if commas > 0 && dots == 0 {
            // "1,250" is a thousand; "45,5" a decimal comma.
            normalized = groupsThousands(core, by: ",") ? core.filter { $0 != "," } : (commas == 1 ? core.replacingComma : nil)
        } else if commas > 0 && dots > 0 {
            let lastComma = core.lastIndex(of: ",")!, lastDot = core.lastIndex(of: ".")!
            if lastDot > lastComma {
                let whole = String(core[..<lastDot])
                normalized = groupsThousands(whole, by: ",") ? core.filter { $0 != "," } : nil
            } else {
                let whole = String(core[..<lastComma])
                normalized = groupsThousands(whole, by: ".") ? String(core.filter { $0 != "." }).replacingComma : nil
            }
        } else if dots > 1, groupsThousands(core, by: ".") {
            normalized = core.filter { $0 != "." }
        }
        guard let normalized, let value = Double(normalized), value.isFinite else { return nil }
        return value
    }

    /// A number typed the way KPI cells often are: in brackets for a negative (`(1.5)`), after a currency code
    /// (`USD 1,200`), with a scale (`$1.2M`, `€40m`, `950k`, `2bn`) and with a unit after it (`4.5 days`, `30 ms`,
    /// `1.2M users`, `40 EUR`) or before it (`NPS 42`). `k` and `K` are thousands, `M`, `MM`, `mn` and `Mio` millions,
    /// `B`, `bn` and `Mrd` billions; a lone `m` or `b` is a scale only beside a currency (`15m` may be minutes: it reads
    /// as 15). A word before the number must stand apart from it (`Q3`, `v2` stay unread), and what comes after may hold
    /// no digit (`3/6`, `2026-01` stay unread).
    static func withAffixes(_ text: String, decimalComma: Bool = false) -> Double? {
        var rest = Substring(text.trimmingSpaces.replacingAll("\u{2212}", with: "-"))
        var negative = false
        if rest.count > 2, rest.hasPrefix("("), rest.hasSuffix(")") {
            negative = true
            rest = trimmed(rest.dropFirst().dropLast())
            // `(-5)` says its sign twice: not read.
            if rest.contains("-") || rest.contains("+") { return nil }
        }
        // A minus before a currency: `-$5`.
        if rest.first == "-", let next = rest.dropFirst().first, !(next.isASCII && (next.isNumber || next == "-" || next == "+")) {
            negative.toggle()
            rest = trimmed(rest.dropFirst())
        }
        guard let start = rest.firstIndex(where: { $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "+") }) else { return nil }
        let prefix = trimmed(rest[..<start])
        let currency = isCurrency(prefix)
        // Else a word set apart from the number (`NPS 42`), not one written against it (`Q3`, `v2`), nor one that makes
        // the number a date or a place in a sequence (`March 2026`, `FY 2026`, `Sprint 3`).
        if !prefix.isEmpty, !currency {
            guard prefix.count <= 30, prefix.allSatisfy({ $0.isLetter || $0 == " " }), rest[rest.index(before: start)] == " ",
                  !prefix.split(separator: " ").contains(where: { Self.notMeasures.contains($0.lowercased()) }) else { return nil }
        }
        // The number, with the separators `separated` reads (a space only between digits, as in `1 250`).
        var end = rest.index(after: start)
        while end < rest.endIndex {
            let character = rest[end]
            if character.isASCII && (character.isNumber || character == "." || character == ",") {
                end = rest.index(after: end)
            } else if character == " ", rest[rest.index(before: end)].isNumber, let next = rest[rest.index(after: end)...].first, next.isASCII, next.isNumber {
                end = rest.index(after: end)
            } else {
                break
            }
        }
        guard let number = separated(String(rest[start..<end]), decimalComma: decimalComma) else { return nil }
        var suffix = trimmed(rest[end...])
        if suffix.hasPrefix("%") { suffix = trimmed(suffix.dropFirst()) }
        let word = suffix.prefix { $0.isLetter }
        let after = suffix.dropFirst(word.count)
        var scale = 1.0
        // A scale of one letter is written against the number (`1.2M`, `950k`), or beside a currency (`$1.2 M`): `500 B`
        // may be bytes. A word (`bn`, `Mio`, `Mrd`) says what it is anywhere.
        let attached = end < rest.endIndex && !rest[end].isWhitespace
        let besideCurrency = currency || isCurrency(trimmed(after))
        if after.first.map({ !$0.isLetter }) ?? true, word.count > 1 || attached || besideCurrency {
            switch word {
            case "k", "K": scale = 1e3
            case "M", "MM", "mn", "Mn", "MN", "Mio": scale = 1e6
            case "B", "bn", "Bn", "BN", "Mrd": scale = 1e9
            case "m": scale = besideCurrency ? 1e6 : 1
            case "b": scale = besideCurrency ? 1e9 : 1
            default: break
            }
        }
        let unit = scale == 1 ? suffix : trimmed(after)
        guard unit.count <= 30, unit.allSatisfy({ $0.isLetter || " ./%°'’-".contains($0) || isCurrency(Substring(String($0))) }) else { return nil }
        return (negative ? -1 : 1) * number * scale
    }

    /// Words before a number that make it no measure: months, periods and places in a sequence.
    private static let notMeasures: Set<String> = [
        "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul", "july", "aug",
        "august", "sep", "sept", "september", "oct", "october", "nov", "november", "dec", "december", "fy", "q", "h", "cy",
        "sprint", "phase", "week", "wave", "release", "version", "v", "stage", "step", "round", "tier", "level", "year",
        "quarter", "month", "day", "iteration", "pi", "no", "number",
    ]

    /// Currency signs and the codes most often typed beside an amount.
    private static let currencies: Set<String> = [
        "$", "€", "£", "¥", "₹", "₩", "₽", "₺", "₪", "₫", "฿", "₦", "US$", "A$", "C$", "NZ$", "R$", "HK$", "S$",
        "USD", "EUR", "GBP", "CHF", "JPY", "CNY", "INR", "AUD", "CAD", "NZD", "SEK", "NOK", "DKK", "PLN", "ZAR", "BRL", "MXN", "SGD", "HKD",
    ]

    private static func isCurrency(_ text: Substring) -> Bool { currencies.contains(text.uppercased()) }

    private static func trimmed(_ text: Substring) -> Substring { Substring(String(text).trimmingSpaces) }
}
