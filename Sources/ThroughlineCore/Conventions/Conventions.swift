/// What an owner word means, beyond being a person's name.
public enum OwnerMeaning: Equatable, Sendable {
    /// A team or department, not a person.
    case team
    /// Nobody (`TBD`, `Unassigned`).
    case nobody
    /// Another spelling of a person's name.
    case person(String)
}

/// The vocabularies that turn what people typed into canonical values: a sheet of `kind,value,means` rows (SPEC section 3).
public struct Conventions: Sendable {
    /// Header words to fields.
    public private(set) var fields: [String: Field] = [:]
    /// How strongly each header word names its field: its place in the conventions (lower is stronger), so that when
    /// two columns name one field, `Status` beats `Risk` and `Task Name` beats `Project`.
    public private(set) var fieldRanks: [String: Int] = [:]
    /// Type words to item types.
    public private(set) var types: [String: ItemType] = [:]
    /// Status words to canonical statuses.
    public private(set) var statuses: [String: Status] = [:]
    /// Owner words that name a team, nobody, or another spelling of a person.
    public private(set) var owners: [String: OwnerMeaning] = [:]

    /// The built-in defaults (`templates/conventions.csv`).
    public static let builtIn: Conventions = {
        do { return try Conventions().adding(csv: Array(BuiltinConventions.csv.utf8), file: "built-in conventions") } catch {
            preconditionFailure("the built-in conventions do not parse: \(error)")
        }
    }()

    /// The text of the built-in conventions sheet.
    public static var builtInSheet: String { BuiltinConventions.csv }

    /// No conventions at all.
    public init() {}

    /// Whether `cells`, a sheet's first row that says anything, are a conventions sheet's header: kind, value, means.
    static func isHeader(_ cells: [String]) -> Bool {
        cells.count >= 3 && cells[0].lowercased() == "kind" && cells[1].lowercased() == "value" && cells[2].lowercased() == "means"
    }

    /// Whether `bytes`, the start of a sheet (its first few kilobytes do), open as a conventions sheet does; a sheet
    /// that does not would be refused by `adding(csv:file:)`.
    public static func startsAsSheet(_ bytes: [UInt8]) -> Bool {
        guard let reader = try? CSVInput(bytes: bytes, file: "", delimiter: nil).makeReader() else { return false }
        var header = false
        try? reader.forEach { record in
            let cells = record.strings.map { $0.trimmingSpaces }
            if cells.allSatisfy(\.isEmpty) { return true }
            header = isHeader(cells)
            return false
        }
        return header
    }

    /// These conventions with the rows of a `kind,value,means` sheet added over them (later rows win).
    public func adding(csv bytes: [UInt8], file: String) throws -> Conventions {
        var result = self
        let input = try CSVInput(bytes: bytes, file: file, delimiter: nil)
        let reader = try input.makeReader()
        var header: [String]?
        var problem: ThroughlineError?
        try reader.forEach { record in
            let cells = record.strings.map { $0.trimmingSpaces }
            if cells.allSatisfy(\.isEmpty) { return true }
            guard let columns = header else {
                guard Self.isHeader(cells) else {
                    problem = .data(SourceLocation(file: file, line: record.line), "a conventions sheet starts with the header kind,value,means",
                                    hint: "see templates/conventions.csv")
                    return false
                }
                header = cells
                return true
            }
            _ = columns
            guard cells.count >= 3 else {
                problem = .data(SourceLocation(file: file, line: record.line), "a conventions row needs three cells: kind, value, means")
                return false
            }
            let (kind, value, means) = (cells[0].lowercased(), cells[1], cells[2])
            let location = SourceLocation(file: file, line: record.line, column: "means")
            switch kind {
            case "field":
                guard let field = Field(rawValue: means.lowercased()) else {
                    problem = .data(location, "unknown field '\(means)'", hint: "fields are: " + Field.allCases.map(\.rawValue).joined(separator: ", "))
                    return false
                }
                result.fields[Self.headerKey(value)] = field
                result.fieldRanks[Self.headerKey(value)] = result.fieldRanks.count
            case "type":
                guard let type = ItemType(rawValue: means.lowercased()) else {
                    problem = .data(location, "unknown item type '\(means)'", hint: "types are: " + ItemType.allCases.map(\.rawValue).joined(separator: ", "))
                    return false
                }
                result.types[Self.wordKey(value)] = type
            case "status":
                guard let status = Status(rawValue: means.lowercased()) else {
                    problem = .data(location, "unknown status '\(means)'", hint: "statuses are: " + Status.allCases.map(\.rawValue).joined(separator: ", "))
                    return false
                }
                result.statuses[Self.wordKey(value)] = status
            case "owner":
                switch means.lowercased() {
                case "team": result.owners[Self.wordKey(value)] = .team
                case "nobody": result.owners[Self.wordKey(value)] = .nobody
                default: result.owners[Self.wordKey(value)] = .person(means.collapsingSpaces)
                }
            default:
                problem = .data(SourceLocation(file: file, line: record.line, column: "kind"), "unknown kind '\(cells[0])'",
                                hint: "kinds are: field, type, status, owner")
                return false
            }
            return true
        }
        if let problem { throw problem }
        return result
    }

    /// A header as matched: lower case, `%` read as "percent", `#` as "number", everything but letters and digits left out.
    public static func headerKey(_ header: String) -> String {
        var key = ""
        for scalar in header.lowercased().unicodeScalars {
            if scalar == "%" { key += "percent" } else if scalar == "#" { key += "number" }
            else if scalar.value >= 0xC0, let plain = latinLetters[scalar] { key += plain }
            else if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) { key.unicodeScalars.append(scalar) }
            // A combining accent typed after its letter (`e` and U+0301) is left out as the accented letter's is.
        }
        return key
    }

    /// Accented Latin letters as their plain letters, so that a header matches with or without its accents (`Réf` is
    /// `Ref`, `Échéance` is `echeance`).
    static let latinLetters: [Unicode.Scalar: String] = {
        let groups = [
            "a": "àáâãäåāăą", "c": "çćĉċč", "d": "ďđ", "e": "èéêëēĕėęě", "g": "ĝğġģ", "h": "ĥħ", "i": "ìíîïĩīĭįı", "j": "ĵ",
            "k": "ķ", "l": "ĺļľŀł", "n": "ñńņňŉ", "o": "òóôõöøōŏő", "r": "ŕŗř", "s": "śŝşš", "t": "ţťŧ",
            "u": "ùúûüũūŭůűų", "w": "ŵ", "y": "ýÿŷ", "z": "źżž", "ae": "æ", "oe": "œ", "ss": "ß",
        ]
        var table: [Unicode.Scalar: String] = [:]
        for (plain, accented) in groups { for scalar in accented.unicodeScalars { table[scalar] = plain } }
        return table
    }()

    /// A typed word as matched: lower case, spaces collapsed, trailing punctuation and emoji variation selectors left out.
    public static func wordKey(_ text: some StringProtocol) -> String {
        if let ascii = asciiWordKey(text) { return ascii }
        var scalars: [Unicode.Scalar] = []
        // Spreadsheets turn ' into a curly apostrophe as people type: "Won’t do" is "won't do".
        var pendingSpace = false
        for var scalar in text.lowercased().unicodeScalars {
            if scalar == "\u{FE0F}" { continue }
            if scalar == "\u{2019}" || scalar == "\u{2018}" { scalar = "'" }
            if scalar.properties.isWhitespace {
                pendingSpace = !scalars.isEmpty
                continue
            }
            if pendingSpace {
                // No space around a slash: "Amber / Green" is "amber/green".
                if scalar != "/" && scalars.last != "/" { scalars.append(" ") }
                pendingSpace = false
            }
            scalars.append(scalar)
        }
        while let last = scalars.last, ".!,;:?".unicodeScalars.contains(last) { scalars.removeLast() }
        var key = ""
        key.unicodeScalars.append(contentsOf: scalars)
        return key
    }

    /// `wordKey` for ASCII text, byte by byte (the common case, and far cheaper than Unicode properties); nil otherwise.
    static func asciiWordKey(_ text: some StringProtocol) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        let isASCII = text.utf8.withContiguousStorageIfAvailable { asciiWordKey($0) { bytes.append($0) } }
            ?? ContiguousArray(text.utf8).withUnsafeBufferPointer { asciiWordKey($0) { bytes.append($0) } }
        return isASCII ? String(decoding: bytes, as: UTF8.self) : nil
    }

    /// Gives the word key of ASCII `text` to `emit` a byte at a time: runs of white space become one space (none at
    /// the ends or beside a slash), letters are lower-cased, trailing `.!,;:?` are dropped. Returns false, part way,
    /// when `text` is not ASCII. Emitting rather than building lets a caller hash a key without ever writing it.
    @inline(__always)
    static func asciiWordKey(_ text: UnsafeBufferPointer<UInt8>, emit: (UInt8) -> Void) -> Bool {
        var written = false
        var last: UInt8 = 0
        var pendingSpace = false
        // Punctuation is held back until something follows it, since at the end it is dropped: a run of input bytes.
        var heldStart = 0, heldCount = 0
        for position in 0..<text.count {
            let byte = text[position]
            if byte >= 0x80 { return false }
            if byte.isASCIISpace {
                pendingSpace = written
                continue
            }
            func releaseHeld() {
                for offset in 0..<heldCount { emit(text[heldStart + offset]) }
                heldCount = 0
            }
            if pendingSpace {
                pendingSpace = false
                if byte != 0x2F && last != 0x2F {
                    releaseHeld()
                    emit(0x20)
                }
            }
            let output = byte.asciiLowercased
            if output == 0x2E || output == 0x21 || output == 0x2C || output == 0x3B || output == 0x3A || output == 0x3F {
                if heldCount == 0 { heldStart = position }
                heldCount += 1
            } else {
                releaseHeld()
                emit(output)
            }
            written = true
            last = output
        }
        return true
    }

    /// The field a header names, if any.
    /// A header with a parenthesised part, `Risk (1-5)` or `Budget (kEUR)`, also matches without it.
    public func field(forHeader header: String) -> Field? { fieldAndRank(forHeader: header)?.field }

    /// The field a header names and how strongly (lower is stronger).
    public func fieldAndRank(forHeader header: String) -> (field: Field, rank: Int)? {
        let key = Self.headerKey(header)
        if let field = fields[key] { return (field, fieldRanks[key] ?? Int.max) }
        // A percent sign after the name reads as before it, or as no sign: `Progress %` is `% Progress`, `Complete %` is
        // `% Complete`.
        if key.hasSuffix("percent"), key.count > 7 {
            let name = String(key.dropLast(7))
            for other in ["percent" + name, name] { if let field = fields[other] { return (field, fieldRanks[other] ?? Int.max) } }
        }
        guard let open = header.firstIndex(of: "(") else { return nil }
        let close = header[open...].firstIndex(of: ")").map { header.index(after: $0) } ?? header.endIndex
        let shorter = Self.headerKey(String(header[..<open] + header[close...]))
        guard !shorter.isEmpty, let field = fields[shorter] else { return nil }
        return (field, fieldRanks[shorter] ?? Int.max)
    }

    /// How much weaker a header matched by its last words is than any header matched whole.
    static let endingRank = 1_000_000

    /// The field a header of two to four words names by its last words, as English names a thing by its last noun:
    /// `Workstream Lead` and `Initiative Owner` are owners, `Delivery Status` a status. When the last words only say
    /// it is a name or a key (`Objective ID`, `Team Name`, `Initiative Name`), the words before them say what of:
    /// the objective, the team, the title; `Jira Key` is an id, `Enhancement Title` the title, `List Name` nothing. Not a header that starts with a
    /// word saying it is another value (`Actual Finish` is not the due date, `Previous Status` not the status), nor
    /// an e-mail address, nor a type (`Outline Level` is a number). Weaker than any whole match.
    /// Words that make a dependency header name the work waiting on the row rather than what the row waits for.
    static let waitingOnIt: Set<String> = ["blocking", "blocks", "successor", "successors", "dependent", "dependents", "unblocks", "enables", "outward"]

    func fieldByEnding(forHeader header: String) -> (field: Field, rank: Int)? {
        let words = header.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "%" || $0 == "#") }.map(String.init)
        guard (2...4).contains(words.count), !header.contains("@"),
              !["actual", "previous", "prior", "old", "former", "last"].contains(words[0]) else { return nil }
        for start in 1..<words.count {
            let ending = Self.headerKey(words[start...].joined(separator: " "))
            // A type column is named plainly; `Outline Level` holds numbers, not types.
            guard let named = fields[ending], named != .type else { continue }
            // What waits on the row, not what it waits for: Asana's `Blocking (Dependencies)`, `Successor Dependencies`.
            if named == .dependsOn, words[..<start].contains(where: { Self.waitingOnIt.contains($0) }) { return nil }
            var field = named
            if named == .id || named == .title {
                // A name or key of what the words before it name; a bare key is an id, a bare name nothing.
                // A bare title is the title (`Enhancement Title`, `Story Title`), but not a person's (`Job Title`).
                let bare: Field? = named == .id ? .id : ending == "title" && words[..<start] != ["job"] ? .title : nil
                guard let whose = fields[Self.headerKey(words[..<start].joined(separator: " "))] ?? bare else { return nil }
                field = whose
            }
            return (field, Self.endingRank + (fieldRanks[ending] ?? 0))
        }
        return nil
    }

    /// The item type a typed word names, if any.
    public func type(for text: some StringProtocol) -> ItemType? {
        let key = Self.wordKey(text)
        if let type = types[key] ?? ItemType(rawValue: key) { return type }
        // "Key Result (KR)", "Milestone (M)": the word before the brackets.
        guard let open = key.firstIndex(of: "("), open > key.startIndex else { return nil }
        let shorter = Self.wordKey(key[..<open])
        return types[shorter] ?? ItemType(rawValue: shorter)
    }

    /// Whether a cell holds what a spreadsheet shows for a formula that failed (`#N/A`, `#REF!`, `#VALUE!`, `#DIV/0!`,
    /// `Err:502`, …): not a value the team typed, whatever words it happens to contain (`#N/A` is not "n/a").
    public static func isSpreadsheetError(_ text: some StringProtocol) -> Bool {
        let upper = text.uppercased()
        if upper.hasPrefix("ERR:"), upper.count > 4, upper.dropFirst(4).allSatisfy(\.isNumber) { return true }
        return spreadsheetErrors.contains(upper)
    }

    private static let spreadsheetErrors: Set<String> = [
        "#N/A", "#REF!", "#NAME?", "#VALUE!", "#DIV/0!", "#NULL!", "#NUM!", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!",
        "#BUSY!", "#CONNECT!", "#UNKNOWN!", "#GETTING_DATA", "#ERROR!",
    ]

    /// A status followed by a note, as people type one in a RAG cell: `Amber - waiting on legal`, `Red – vendor
    /// slipped`, `Done (shipped 3 Nov)`, `Blocked: API`, `Green; watch Q4`. The note starts at the first `:`, `;`, `,`,
    /// `(` or line break, or at a dash with white space before it (so `at-risk` stays one word). Gives the status and
    /// the note as typed from its separator on; nil when the words before the note name no status, or a piece of the
    /// note is itself a status word, or the note names another colour (`Green, Amber`, `Green - Red - vendor slipped`
    /// and `Green (was Red)` say two things, not one). With no separator, a note may start at a word that links it to
    /// the status: `Blocked by legal`, `At risk for code freeze`, `On hold pending budget`, `Red since October`; not
    /// after a done word (`Done by Friday` is a plan, not done work).
    public func statusWithNote(_ text: String) -> (status: Status, note: Substring)? {
        var pieces = Self.notePieces(text)
        if pieces.count == 1, let linked = linkedNote(text) { pieces = [text.startIndex..<linked, linked..<text.endIndex] }
        guard pieces.count > 1, let typed = status(for: String(text[pieces[0]]).trimmingSpaces) else { return nil }
        // A status typed as a colour whose note names another colour: `Green (was Red)`, `Red -> Green next week`
        // (`Blocked: waiting on Red Hat` names a company, not a colour).
        let typedAsColour = Self.typedColours.contains(Self.wordKey(text[pieces[0]]))
        for piece in pieces.dropFirst() {
            if let other = exactStatus(for: text[piece]), other != typed { return nil }
            // Done work whose note opens by saying it is not finished (`Done - pending QA`, `Done (partially)`) says two
            // things too; a note that only mentions such a word (`Done - nothing outstanding`) does not.
            if typed == .done, let first = text[piece].split(whereSeparator: { !$0.isLetter }).first, Self.unfinishedWords.contains(first.lowercased()) {
                return nil
            }
            guard typedAsColour else { continue }
            for word in text[piece].split(whereSeparator: { !$0.isLetter }) where Self.colourWords.contains(word.lowercased()) {
                if let other = exactStatus(for: word), other != typed { return nil }
            }
        }
        let cut = pieces[0].upperBound
        let start = text[..<cut].lastIndex { !$0.isWhitespace }.map { text.index(after: $0) } ?? cut
        return (typed, text[start...])
    }

    /// Where the note of `text` starts when a status of one to four words is followed by a linking word
    /// (`linkingWords`): the space before that word; nil when no such status starts the text, or it is a done word.
    private func linkedNote(_ text: String) -> String.Index? {
        var words: [Range<String.Index>] = []
        var start: String.Index?
        for index in text.indices {
            if text[index].isWhitespace {
                if let begun = start { words.append(begun..<index); start = nil }
            } else if start == nil {
                start = index
            }
            if words.count > 5 { break }
        }
        if let begun = start, words.count <= 5 { words.append(begun..<text.endIndex) }
        for length in stride(from: min(4, words.count - 1), through: 1, by: -1) {
            guard Self.linkingWords.contains(text[words[length]].lowercased()),
                  let status = exactStatus(for: text[words[0].lowerBound..<words[length - 1].upperBound]), status != .done else { continue }
            // `On` may start a status of its own (`🟢 On track`): then it links nothing.
            let after = words[length...].prefix(3)
            if after.indices.contains(where: { exactStatus(for: text[words[length].lowerBound..<words[$0].upperBound]) != nil }) { continue }
            return words[length - 1].upperBound
        }
        return nil
    }

    /// Words that tie a note to the status before them, in a cell with no separator.
    private static let linkingWords: Set<String> = [
        "for", "by", "due", "until", "till", "pending", "awaiting", "waiting", "since", "because", "on", "after", "as", "per", "with", "from", "yet",
    ]

    /// Words that, opening a note, take back a done word before it: the work is not finished.
    private static let unfinishedWords: Set<String> = [
        "pending", "partial", "partially", "partly", "except", "excluding", "almost", "nearly", "mostly", "awaiting", "waiting",
        "outstanding", "remaining", "incomplete", "unfinished", "not", "tbc",
    ]

    /// The RAG colours, which a note cannot name without saying a second status.
    private static let colourWords: Set<String> = ["red", "amber", "green", "yellow", "orange"]
    /// A status typed as a colour, its letter included (`G - was Red`).
    private static let typedColours = colourWords.union(["r", "a", "g", "y"])

    /// The ranges of `text` between note separators (see `statusWithNote`), separators and the white space around
    /// them left out; the first is what comes before the first separator, and is empty when the text starts with one.
    private static func notePieces(_ text: String) -> [Range<String.Index>] {
        var pieces: [Range<String.Index>] = []
        var start = text.startIndex
        var previous: Character?
        for index in text.indices {
            let character = text[index]
            defer { previous = character }
            let separates: Bool
            switch character {
            case ":", ";", ",", "(", ")", "\n", "\r\n": separates = true
            case "-", "–", "—", "−": separates = previous?.isWhitespace == true
            default: separates = false
            }
            guard separates else { continue }
            pieces.append(start..<index)
            start = text.index(after: index)
        }
        pieces.append(start..<text.endIndex)
        // The first piece is kept even when empty (a cell that starts with a separator has no status before it).
        return [pieces[0]] + pieces.dropFirst().filter { !text[$0].allSatisfy { $0.isWhitespace || "-–—−".contains($0) } }
    }

    /// The canonical status a word names exactly (after `wordKey`): no emoji or symbol reading, so a tag such as `R2`
    /// or `Y26` is not taken for a colour.
    public func exactStatus(for text: some StringProtocol) -> Status? {
        let key = Self.wordKey(text)
        return statuses[key] ?? Status(rawValue: key)
    }

    /// The canonical status a typed word names, if any; canonical names themselves always match, and so does an emoji
    /// with a word beside it ("🟢 On track", "Completed ✅") when the two agree or only one is known.
    public func status(for text: some StringProtocol) -> Status? {
        if let status = exactStatus(for: text) { return status }
        let key = Self.wordKey(text)
        let words = key.unicodeScalars.split { !($0.properties.isAlphabetic || $0 == " " || $0 == "'" || $0 == "/" || $0 == "-") }
        let symbols = key.unicodeScalars.filter { !($0.properties.isAlphabetic || $0.properties.isWhitespace || $0 == "'" || $0 == "/" || $0 == "-") }
        guard !symbols.isEmpty else { return nil }
        let word = words.map { Self.wordKey(String(String.UnicodeScalarView($0))) }.filter { !$0.isEmpty }
        let fromWord = word.count == 1 ? statuses[word[0]] ?? Status(rawValue: word[0]) : nil
        var symbolText = ""
        symbolText.unicodeScalars.append(contentsOf: symbols)
        let fromSymbol = statuses[symbolText]
        switch (fromWord, fromSymbol) {
        case let (a?, b?): return a == b ? a : nil
        case let (a?, nil): return a
        case let (nil, b?): return word.isEmpty ? b : nil
        default: return nil
        }
    }
}

extension String {
    /// The text without spaces, tabs or line breaks at either end.
    public var trimmingSpaces: String {
        // Most cells have nothing to trim: a first and last byte that are ASCII and not white space settle it.
        let utf8 = self.utf8
        guard let head = utf8.first, let tail = utf8.last else { return self }
        if head < 0x80 && tail < 0x80 && !head.isASCIISpace && !tail.isASCIISpace { return self }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }

    /// The text trimmed, with every run of white space inside it made one space.
    public var collapsingSpaces: String {
        // ASCII text with single inner spaces and none at the ends is already collapsed.
        var previousSpace = true
        var clean = true
        for byte in utf8 {
            if byte >= 0x80 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C || (byte == 0x20 && previousSpace) {
                clean = false
                break
            }
            previousSpace = byte == 0x20
        }
        if clean && !previousSpace || isEmpty { return self }
        var result = ""
        var pendingSpace = false
        for scalar in unicodeScalars {
            if scalar.properties.isWhitespace { pendingSpace = !result.isEmpty; continue }
            if pendingSpace { result.unicodeScalars.append(" "); pendingSpace = false }
            result.unicodeScalars.append(scalar)
        }
        return result
    }
}
