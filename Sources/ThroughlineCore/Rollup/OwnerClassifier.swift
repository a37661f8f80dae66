/// What an owner cell names: one person, a team, several people, or nobody.
public enum OwnerKind: Equatable, Sendable {
    case person
    case team
    case shared([String])
    case nobody
}

/// Tells people from teams and from several people in one owner cell.
public final class OwnerClassifier: Sendable {
    private let teams: Set<String>
    private let people: PeopleDirectory
    private let conventions: Conventions
    private let soleOwners: Set<String>
    /// The first words of the whole names the sheet's owner cells hold (`ana` of `Ana Lopez / Ben Ode`): a lone
    /// `Ana, Ben` whose first half is one is two given names, not a family name and a given one.
    private let givenNames: Set<String>
    /// Whether the sheet writes every person `Last, First`: then each such cell is one person.
    private let writesLastFirst: Bool
    /// Whether the people the sheet names alone are mostly written whole (`Daniel Okafor`): then a lone `Okafor, Daniel`
    /// is one person written the other way round, not two people known by one name each.
    private let writesFullNames: Bool
    /// Every owner of the sheet, classified once: owners repeat on thousands of rows.
    private let known: [String: OwnerKind]

    /// Words that make a name a group: "Platform Team", "Finance Dept".
    static let groupWords: Set<String> = [
        "team", "teams", "dept", "department", "departments", "group", "squad", "guild", "committee", "board", "office", "unit",
        "division", "function", "council", "crew", "tribe", "chapter", "org", "organisation", "organization", "taskforce", "pmo", "leadership",
        "directorate", "directorates", "ministry", "agency", "bureau", "secretariat", "treasury", "services",
        // The same in German, French and Spanish sheets: "Team Vertrieb", "Équipe Digital", "Equipo Digital".
        "abteilung", "bereich", "équipe", "equipe", "équipes", "direction", "département", "departement", "equipo", "equipos",
        "departamento", "área", "dirección", "direccion",
    ]

    /// Words that open the title of one post: "Head of Housing", "DG Rail Services", "Director, Finance Dept".
    static let roleWords: Set<String> = [
        "head", "director", "dg", "chief", "deputy", "ceo", "cfo", "cio", "cto", "coo", "cdo", "sro", "vp", "svp", "evp",
        "minister", "secretary", "commissioner",
    ]

    /// Whether `key` names one post, held by one accountable person, whatever departments its title names: its first
    /// piece opens with a role word not followed by a group word ("Head Office" is a place), and no other piece opens
    /// with one ("Head of Housing & Head of Planning" is two posts). So does a name followed by its post after one
    /// comma, as government portfolios write their SROs ("Jane Smith, Director General").
    static func isRole(_ key: String) -> Bool {
        let pieces = split(key)
        let opensWithRole = { (piece: String) -> Bool in
            let words = piece.split(separator: " ")
            guard let first = words.first, roleWords.contains(String(first)) else { return false }
            return words.count < 2 || !groupWords.contains(String(words[1]))
        }
        guard let first = pieces.first else { return false }
        if opensWithRole(first) { return !pieces.dropFirst().contains(where: opensWithRole) }
        let names = first.split(separator: " ")
        return pieces.count == 2 && key.split(separator: ",").count == 2 && opensWithRole(pieces[1])
            && !names.contains { groupWords.contains(String($0)) } && !departmentWords.contains(first)
    }

    /// Department names that stand for a group even alone: "Marketing & Sales", "Ops/Infra".
    static let departmentWords: Set<String> = [
        "marketing", "sales", "finance", "engineering", "ops", "operations", "infra", "infrastructure", "platform", "legal", "hr", "it",
        "security", "product", "design", "data", "analytics", "support", "success", "growth", "payments", "procurement", "facilities",
        "research", "qa", "devops", "sre", "compliance", "r&d", "r and d", "it ops", "customer success", "people ops", "people", "management", "executive", "exec",
        // A council's or a health body's departments: "Revenues & Benefits", "Estates and Facilities".
        "revenues", "benefits", "housing", "planning", "estates", "communications", "comms", "digital", "strategy", "policy",
        "transformation", "commercial", "audit", "governance", "human resources", "partnerships", "highways", "regeneration",
        "public health", "nursing", "pharmacy",
        // German, French and Spanish departments: "Vertrieb", "Finanzen", "Ventes", "Ressources humaines", "Ventas".
        "vertrieb", "einkauf", "finanzen", "buchhaltung", "controlling", "personal", "personalabteilung", "entwicklung", "produktion",
        "logistik", "qualität", "geschäftsführung", "ventes", "achats", "finances", "juridique", "ressources humaines",
        "informatique", "ventas", "compras", "finanzas", "recursos humanos", "sistemas", "logística", "logistica",
    ]

    /// Short forms of departments that count only beside a department word: "Data Eng", "Product Dev", "Growth Mktg"
    /// ("Dev" alone is also a given name). (`ops` and `infra` are departments of their own.)
    static let departmentShortWords: Set<String> = ["eng", "dev", "mktg", "sec", "biz"]

    /// Teams are the sheet's team column values and the people sheet's teams; sole owners are owners named alone elsewhere.
    public convenience init(items: some Sequence<Item>, people: PeopleDirectory, conventions: Conventions) {
        self.init(owners: Set(items.map(\.owner)), teams: Set(items.map(\.team)), people: people, conventions: conventions)
    }

    /// Classifies the sheet's distinct owners once; `teams` are the distinct values of its team column.
    public init(owners distinct: Set<String>, teams sheetTeams: Set<String>, people: PeopleDirectory, conventions: Conventions) {
        var teams = Set(sheetTeams.map { Conventions.wordKey($0) }.filter { !$0.isEmpty })
        for person in people.people { if let team = person.team { teams.insert(Conventions.wordKey(team)) } }
        self.teams = teams
        self.people = people
        self.conventions = conventions
        soleOwners = Set(distinct.map { Conventions.wordKey($0) }.filter { !$0.isEmpty && !$0.contains(",") && !$0.contains("/") })
        // Owners that name no team and no known person: when at least two are there, and every one of them is two
        // names around one comma ("Müller, Jörg", "van Dijk, Anna"), the sheet writes its people `Last, First`.
        let unknown = Set(distinct.filter { people.person(matching: $0) == nil }.map { Conventions.wordKey($0) }.filter { key in
            !key.isEmpty && conventions.owners[key] == nil && !Self.isGroup(key, teams: teams) && !Self.split(key).contains { Self.isGroup($0, teams: teams) }
        })
        // Names written whole without a comma do not speak against it ("Anna Schmidt" beside "Meier, Hans"), but then
        // a pair is one family name or two and one given name ("Carla Diaz, Dev Patel" is two people), and its first
        // half opens no name written whole ("Ana" of "Ana Lopez" beside "Ana, Ben"). A name of one word (a given name
        // alone: "Ben") says the sheet writes people by given names: its pairs are lists.
        let plain = unknown.filter { !$0.contains(",") }.map { $0.split(separator: " ").map(String.init) }
        let opening = Set(plain.compactMap(\.first)), writesWhole = !plain.isEmpty
        // (Each name of a list joined with `;` counts: "Koch, Lena; Wagner, Paul".)
        let names = unknown.filter { $0.contains(",") }.flatMap { $0.split(separator: ";").map { String($0).trimmingSpaces } }
        writesLastFirst = names.count >= 2 && !plain.contains { $0.count == 1 } && names.allSatisfy { name in
            let family = name.split(separator: ",").first.map { $0.split(separator: " ").map(String.init) } ?? []
            let shaped = writesWhole ? Self.isLastFirst(name, family: 1...2, given: 1...1) : Self.isLastFirst(name)
            return shaped && !family.contains(where: opening.contains)
        }
        let named = soleOwners.filter { conventions.owners[$0] == nil && !Self.isGroup($0, teams: teams) && !Self.isAddress($0) && Self.split($0).count == 1 }
        writesFullNames = named.count >= 2 && named.filter { $0.split(separator: " ").count >= 2 }.count * 3 >= named.count * 2
        var givenNames = Set<String>()
        for key in distinct.map({ Conventions.wordKey($0) }) {
            for piece in Self.split(key) where !piece.contains(",") {
                let words = piece.split(separator: " ")
                if words.count >= 2 { givenNames.insert(String(words[0])) }
            }
        }
        self.givenNames = givenNames
        var known: [String: OwnerKind] = [:]
        for owner in distinct { known[owner] = Self.classify(owner, teams: teams, people: people, conventions: conventions, soleOwners: soleOwners,
                                                             lastFirst: writesLastFirst, fullNames: writesFullNames, givenNames: givenNames) }
        self.known = known
    }

    /// Classifies one owner cell.
    public func classify(_ owner: String) -> OwnerKind {
        known[owner] ?? Self.classify(owner, teams: teams, people: people, conventions: conventions, soleOwners: soleOwners,
                                      lastFirst: writesLastFirst, fullNames: writesFullNames, givenNames: givenNames)
    }

    /// Whether an owner's word key is a family name and given names around one comma, no digits: by default one to
    /// three words each; `Okafor, Daniel` and `van Dijk, Anna` are one or two family names and one given name.
    static func isLastFirst(_ key: String, family: ClosedRange<Int> = 1...3, given: ClosedRange<Int> = 1...3) -> Bool {
        let sides = key.split(separator: ",", omittingEmptySubsequences: false).map { $0.split(separator: " ") }
        guard sides.count == 2, split(key).count == 2, family.contains(sides[0].count), given.contains(sides[1].count) else { return false }
        // A handle or an address (`@alice, @bob`) is never half of a name.
        return !key.contains(where: \.isNumber) && !key.contains("@")
    }

    private static func classify(_ owner: String, teams: Set<String>, people: PeopleDirectory, conventions: Conventions, soleOwners: Set<String>,
                                 lastFirst: Bool, fullNames: Bool, givenNames: Set<String>) -> OwnerKind {
        let key = Conventions.wordKey(owner)
        if key.isEmpty || Conventions.isSpreadsheetError(owner.trimmingSpaces) { return .nobody }
        switch conventions.owners[key] {
        case .team?: return .team
        case .nobody?: return .nobody
        case .person?: return .person
        case nil: break
        }
        if people.person(matching: owner) != nil { return .person }
        // (A team the sheet or the people sheet names stays a team, whatever word opens it.)
        if !teams.contains(key), Self.isRole(key) { return .person }
        let isGroup = { (key: String) in Self.isGroup(key, teams: teams) }
        if isGroup(key) { return .team }
        // "Sharma, Priya" is one person when the people sheet names them, when "Priya Sharma" is named alone elsewhere,
        // or when every person is written so, or when the others are written whole and it is one family name and one
        // given name (and not a given name the sheet uses, as `Ana` in `Ana, Ben` beside `Ana Lopez`); so is each such name in a list ("Brennan, Liam; Okoro, Ada" is two people).
        let isOnePerson = { (piece: String) -> Bool in
            let halves = piece.split(separator: ",").map { String($0).trimmingSpaces }
            guard halves.count == 2, !isGroup(piece), !halves.contains(where: isGroup) else { return false }
            return people.person(matching: piece) != nil || lastFirst && isLastFirst(piece) || soleOwners.contains(halves[1] + " " + halves[0])
                || fullNames && isLastFirst(piece, family: 1...2, given: 1...1) && !givenNames.contains(halves[0])
        }
        // A list joined with `;` whose every piece is `Last, First` is a list of people written so, as Outlook writes one.
        let pieces = key.split(separator: ";").map { String($0).trimmingSpaces }
        let listOfLastFirst = pieces.count > 1 && pieces.allSatisfy { isLastFirst($0) && !isGroup($0) }
        let parts = Self.split(key, keeping: { listOfLastFirst || isOnePerson($0) })
        if parts.count <= 1 { return .person }
        if parts.contains(where: isGroup) { return .team }
        return .shared(parts)
    }

    private static func isGroup(_ key: String, teams: Set<String>) -> Bool {
        if teams.contains(key) || Self.departmentWords.contains(key) { return true }
        // An e-mail address is one mailbox: `omar.haddad@example.org` is not a team for its `org`.
        if Self.isAddress(key) { return false }
        // A GitHub team's handle, `@kubernetes/sig-docs-leads`: an organisation's team, not two people.
        if Self.isTeamHandle(key) { return true }
        let words = key.split(whereSeparator: { $0.isWhitespace || ",/&+;".contains($0) }).filter { !Self.isAddress(String($0)) }
            .flatMap { $0.split(whereSeparator: { !$0.isLetter }) }
        if words.contains(where: { Self.groupWords.contains(String($0)) }) { return true }
        // "Finance Ops", "Data Eng", "Customer Success Ops": two or more words, each a department's (or a department
        // of several words, and one more word).
        let plain = key.split(separator: " ").map(String.init)
        let isDepartmentWord = { (word: String) in Self.departmentWords.contains(word) || Self.departmentShortWords.contains(word) }
        if plain.count > 1, plain.allSatisfy(isDepartmentWord)
            || (plain.count > 2 && isDepartmentWord(plain[plain.count - 1]) && Self.departmentWords.contains(plain.dropLast().joined(separator: " "))) {
            return true
        }
        // "Ops/Infra", "Marketing & Sales": every part is a department.
        let parts = Self.split(key)
        return parts.count > 1 && parts.allSatisfy { teams.contains($0) || Self.departmentWords.contains($0) }
    }

    /// Whether `key` is one handle of an organisation's team: `@`, the organisation, one `/`, the team, no spaces.
    static func isTeamHandle(_ key: String) -> Bool {
        guard key.hasPrefix("@") else { return false }
        let rest = key.dropFirst()
        guard !rest.contains(where: { $0.isWhitespace || ",;&+@".contains($0) }) else { return false }
        let halves = rest.split(separator: "/", omittingEmptySubsequences: false)
        return halves.count == 2 && !halves[0].isEmpty && !halves[1].isEmpty
    }

    /// Whether `key` is one e-mail address: no spaces, one `@`, a dot in what follows it.
    static func isAddress(_ key: String) -> Bool {
        let halves = key.split(separator: "@", omittingEmptySubsequences: false)
        return halves.count == 2 && !halves[0].isEmpty && halves[1].contains(".") && !key.contains(where: \.isWhitespace)
    }

    /// Splits on `,` `/` `&` `+` `;` and the word "and"; a piece between the others that `keeping` says is one name
    /// (`Okoro, Ada`) is not split at its comma.
    static func split(_ key: String, keeping: (String) -> Bool = { _ in false }) -> [String] {
        var parts: [String] = []
        for strong in key.split(whereSeparator: { "/&+;\n".contains($0) }) {
            let text = String(strong).trimmingSpaces
            if text.contains(","), !text.split(separator: " ").contains(where: { andWords.contains(String($0)) }), keeping(text) {
                parts.append(text)
                continue
            }
            parts += splitWeak(Substring(text))
        }
        return parts
    }

    /// The word "and" in German and French too: "Lena Koch und Paul Wagner", "Ana et Luc". (Not the Spanish "y", which
    /// joins the two family names of one person: "José Ortega y Gasset".)
    static let andWords: Set<String> = ["and", "und", "et"]

    /// Splits on `,` and the word "and".
    private static func splitWeak(_ text: Substring) -> [String] {
        var parts: [String] = []
        for piece in text.split(separator: ",") {
            // "ana and ben": the word "and" between names separates them too.
            var words: [Substring] = []
            for word in piece.split(separator: " ") {
                if andWords.contains(String(word)) {
                    if !words.isEmpty { parts.append(words.joined(separator: " ")) }
                    words.removeAll()
                } else {
                    words.append(word)
                }
            }
            if !words.isEmpty { parts.append(words.joined(separator: " ")) }
        }
        return parts
    }
}

extension String {
    /// Every occurrence of `target` replaced by `replacement` (Foundation-free).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
