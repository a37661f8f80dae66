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

    /// Reads a people sheet: a person or name column, and optionally team, e-mail and FTE columns.
    public init(sheet: Sheet) throws {
        let headers = sheet.layout.columns.map { Conventions.headerKey($0.header) }
        func column(_ names: [String]) -> Int? { headers.firstIndex { names.contains($0) } }
        guard let nameColumn = column(["person", "name", "fullname", "employee", "owner", "resource", "personname"]) else {
            throw ThroughlineError.data(SourceLocation(file: sheet.input.file, line: sheet.layout.headerLine),
                                        "a people sheet needs a Person (or Name) column",
                                        hint: "columns read: Person, Team, Email, FTE")
        }
        let teamColumn = column(["team", "department", "dept", "group", "function"])
        let emailColumn = column(["email", "emailaddress", "mail"])
        let fteColumn = column(["fte", "capacity", "availability"])
        try sheet.forEachDataRow { record in
            func cell(_ index: Int?) -> String? {
                guard let index, index < record.count else { return nil }
                let value = record.string(index).collapsingSpaces
                return value.isEmpty ? nil : value
            }
            guard let name = cell(nameColumn) else { return true }
            let fte = cell(fteColumn).flatMap { Double($0.replacingComma) } ?? 1.0
            add(Person(name: name, team: cell(teamColumn), email: cell(emailColumn), fte: fte))
            return true
        }
    }

    /// Adds a person, matchable by name, `Last, First` and e-mail address.
    public mutating func add(_ person: Person) {
        let index = people.count
        people.append(person)
        byKey[Conventions.wordKey(person.name)] = index
        let parts = person.name.split(separator: " ")
        if parts.count >= 2 {
            byKey[Conventions.wordKey(parts.last! + ", " + parts.dropLast().joined(separator: " "))] = index
        }
        if let email = person.email { byKey[Conventions.wordKey(email)] = index }
    }

    /// The person a typed owner names: by name in any case and spacing, by `Last, First`, or by e-mail address.
    public func person(matching typed: String) -> Person? {
        byKey[Conventions.wordKey(typed)].map { people[$0] }
    }

    /// Whether any team in the directory has this name.
    public func isTeam(_ typed: String) -> Bool {
        let key = Conventions.wordKey(typed)
        return people.contains { $0.team.map(Conventions.wordKey) == key }
    }
}

extension String {
    /// The text with a decimal comma read as a point (`45,5` is `45.5`) when it has no point already.
    var replacingComma: String {
        contains(".") ? self : String(unicodeScalars.map { $0 == "," ? "." : Character($0) })
    }
}
