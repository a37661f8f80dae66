import ThroughlineCore

/// Opening the sheets of a tracker: files and folders, people and capacity sheets set aside, each with its normalizer.
enum TrackerSources {
    /// Words in a file name that mark a sheet that is not a tracker (`roadmap.csv` is a tracker; `column-map.csv` is not).
    static let notTrackers: Set<String> = ["capacity", "capacities", "map", "maps", "mapping", "mappings",
                                           "resource", "resources"]

    /// Opens the tracker sheets among `paths`. A people sheet in a folder, or among several files named, is used to match
    /// owners when --people is not given; capacity, conventions and map sheets there are set aside. A single file
    /// named is read as a tracker whatever its name.
    /// For loading items (`forItems`), each normalizer is planned from its sheet's first rows and checked as the items
    /// are read; else from a pass over the whole sheet.
    static func open(_ paths: [String], settings: inout InputSettings, context: Context, forItems: Bool = false) throws -> [ImportSource] {
        var files: [String] = []
        var peopleSheets: [String] = [], conventionsSheets: [String] = []
        /// A sheet of a set: a tracker, the people sheet, the conventions sheet, or one that is neither, by its name.
        func setAside(_ file: String) throws {
            let words = Sheet.fileNameWords(file)
            if words.contains("people") {
                peopleSheets.append(file)
            } else if words.contains("conventions") || words.contains("convention"), try Self.isConventionsSheet(file, context) {
                conventionsSheets.append(file)
            } else if words.contains(where: notTrackers.contains) {
                try context.note("\(file): skipped: a capacity or map sheet, not a tracker")
            } else {
                files.append(file)
            }
        }
        for path in paths {
            if path != "-" && context.isFolder(path) {
                let found = try context.files(in: path).filter { name in
                    let lower = name.lowercased()
                    return lower.hasSuffix(".csv") || lower.hasSuffix(".tsv") || lower.hasSuffix(".txt")
                }
                for file in found { try setAside(file) }
                if found.isEmpty { throw ThroughlineError.missingInput(path, "the folder holds no .csv, .tsv or .txt sheet") }
            } else if paths.count > 1 && path != "-" {
                try setAside(path)
            } else {
                files.append(path)
            }
        }
        // A sheet named twice (`check sheets sheets/a.csv`, `rollup - -`, a relative and an absolute path) is read once:
        // read twice, every row of it would be a duplicate.
        var seen = Set<String>()
        var once: [String] = []
        for file in files {
            if seen.insert(context.identity(of: file)).inserted {
                once.append(file)
            } else {
                try context.note("\(file): named more than once; read once")
            }
        }
        files = once
        // The conventions first: the people sheet is read with them.
        if let sheet = conventionsSheets.first, !settings.hasConventionsFile {
            try settings.loadConventions(sheet, context: context)
            try context.note("\(sheet): read as the conventions sheet (its words are added to the built-in ones)")
            for other in conventionsSheets.dropFirst() { try context.note("\(other): skipped: a second conventions sheet") }
        } else {
            for sheet in conventionsSheets { try context.note("\(sheet): skipped: a conventions sheet, not a tracker (--conventions names the one used)") }
        }
        // Each sheet is opened once; a people sheet named otherwise (`Team members.csv`, `staff.csv`) is known by its
        // columns, in a set of sheets.
        // A .txt file of a set that does not read as a sheet, or whose header names no field of a tracker (a README,
        // notes), is not a sheet of it.
        let inSet = paths.count > 1 || paths.contains { $0 != "-" && context.isFolder($0) }
        var opened: [(file: String, type: ItemType?, sheet: Sheet)] = []
        for file in files {
            let type = ItemType.fromFileName(file)
            let isText = inSet && file.lowercased().hasSuffix(".txt")
            guard isText else {
                opened.append((file, type, try settings.open(file, context: context, fileType: type)))
                continue
            }
            if let sheet = try? settings.open(file, context: context, fileType: type),
               sheet.layout.headerRow == nil || sheet.layout.columns.contains(where: { $0.field != nil }) {
                opened.append((file, type, sheet))
            } else {
                try context.note("\(file): skipped: a text file that does not read as a tracker sheet (no header naming its columns)")
            }
        }
        files = opened.map(\.file)
        if inSet, peopleSheets.isEmpty, !settings.hasPeople, let found = opened.firstIndex(where: { PeopleDirectory.isPeopleSheet($0.sheet.layout) }) {
            peopleSheets.append(opened.remove(at: found).file)
            files = opened.map(\.file)
        }
        if let people = peopleSheets.first, !settings.hasPeople {
            try settings.loadPeople(people, context: context)
            try context.note("\(people): read as the people sheet (owners are matched against it)")
        } else {
            for sheet in peopleSheets { try context.note("\(sheet): skipped: a people sheet, not a tracker") }
        }
        if files.isEmpty {
            guard !paths.isEmpty else { throw ThroughlineError.usage("no tracker sheet to read") }
            throw ThroughlineError.missingInput(paths.joined(separator: ", "), "holds no tracker sheet, only people, capacity, conventions, map or other text files")
        }
        // A --map row that names no header of any sheet read is said, not ignored: it is most likely misspelt.
        var unusedMap = Set(settings.sheetOptions.map.keys)
        let sources = try opened.map { _, type, sheet in
            unusedMap.subtract(sheet.layout.columns.map { Conventions.headerKey($0.header) })
            if sheet.layout.headerRow != nil, sheet.layout.column(for: .id) == nil, sheet.layout.column(for: .title) == nil, sheet.layout.outline.isEmpty {
                try context.note("\(sheet.input.file): no column reads as an id or a title, so items are named by their line; name one with --map (see 'throughline import --dry-run')")
            }
            if forItems {
                // How the header was read where it took a choice (a repeated name, two columns for one field): said,
                // as `import` reports it, not chosen silently.
                let place = sheet.input.file + (sheet.layout.headerLine.map { ":\($0)" } ?? "")
                for note in sheet.layout.notes { try context.note("\(place): note: \(note)") }
                // Stray bytes read as Windows-1252 are a reading, not the file's own text: said, as `import` says it.
                if sheet.input.encoding.strayBytesLine != nil {
                    try context.note("\(sheet.input.file): note: \(sheet.input.encoding.reason); a sheet written back (annotate) has them in UTF-8")
                } else if sheet.input.encoding.utf8AlsoSeen {
                    try context.note("\(sheet.input.file): note: \(sheet.input.encoding.reason): if the sheet is meant as UTF-8, mend the bytes that are not")
                }
                return try settings.itemSource(for: sheet, defaultType: type)
            }
            return ImportSource(sheet: sheet, normalizer: try settings.normalizer(for: sheet), defaultType: type)
        }
        for key in unusedMap.sorted() {
            try context.note("throughline: note: --map names the header '\(settings.mapHeaders[key] ?? key)', which no column of the sheet\(files.count == 1 ? "" : "s") read has")
        }
        if forItems { try noteMissingColumns(sources.map(\.sheet), context: context) }
        return sources
    }

    /// Says when no sheet of the tracker has a column read as the due date, or as the status: the rules that need one
    /// then never fire, and every item reads on track. Most likely the column has a header the conventions do not know.
    static func noteMissingColumns(_ sheets: [Sheet], context: Context) throws {
        let read = sheets.filter { $0.layout.headerRow != nil }
        guard !read.isEmpty else { return }
        let place = read.count == 1 ? "\(read[0].input.file): note: no column" : "throughline: note: no column of the \(read.count) sheets"
        if !read.contains(where: { $0.layout.column(for: .due) != nil }) {
            try context.note("\(place) reads as the due date, so no work can be found overdue or slipping; "
                             + "name one with --map (a row 'HEADER,due'; see 'throughline import --dry-run')")
        }
        if !read.contains(where: { $0.layout.column(for: .status) != nil }) {
            try context.note("\(place) reads as the status, so no status typed is compared with the work; "
                             + "name one with --map (a row 'HEADER,status'; see 'throughline import --dry-run')")
        }
        // (A sheet with neither ids nor titles is said on its own, as it is opened.)
        if !read.contains(where: { $0.layout.column(for: .title) != nil || !$0.layout.outline.isEmpty }),
           read.contains(where: { $0.layout.column(for: .id) != nil }) {
            try context.note("\(place) reads as the title, so items are shown by their ids alone and no reference can name one by its title; "
                             + "name one with --map (a row 'HEADER,title'; see 'throughline import --dry-run')")
        }
    }

    /// Whether the sheet at `path` opens as a conventions sheet does (its first 4 KB are read): a tracker whose name
    /// happens to hold the word (`conventions-tracker.csv`) is read as a tracker.
    static func isConventionsSheet(_ path: String, _ context: Context) throws -> Bool {
        let source = try FileByteSource(path: context.reading(path), displayName: path)
        var head = [UInt8](repeating: 0, count: 4096)
        let count = try head.withUnsafeMutableBytes { try source.read(into: $0) }
        return Conventions.startsAsSheet(Array(head.prefix(count)))
    }

    /// The items of the tracker sheets among `paths`, opened as `open` does. Sheets that gave none (a header and no rows
    /// under it) are said; when none gave any, there is nothing to analyse, and an empty report would read as a clean
    /// one: that is an input error at the first sheet's header, unless the tracker is a snapshot that may be `empty`.
    static func load(_ paths: [String], settings: inout InputSettings, context: Context, mayBeEmpty: Bool = false) throws -> LoadedTracker {
        let sources = try open(paths, settings: &settings, context: context, forItems: true)
        let loaded = try LoadedTracker(sources: sources, conventions: settings.conventions)
        // The rows read as headings, notes or totals are said, as import says them: none is left out without a word.
        var leftOut = LeftOutRows()
        for row in loaded.leftOut { leftOut.add(file: row.file, line: row.line, why: row.why) }
        for note in leftOut.notes { try context.note(note) }
        if !mayBeEmpty { try requireItems(loaded, from: sources, context: context) }
        return loaded
    }

    private static func requireItems(_ loaded: LoadedTracker, from sources: [ImportSource], context: Context) throws {
        let empty = sources.filter { (loaded.itemCounts[$0.sheet.input.file] ?? 0) == 0 }
        guard !empty.isEmpty else { return }
        let place = { (source: ImportSource) in SourceLocation(file: source.sheet.input.file, line: source.sheet.layout.headerLine) }
        let message = "the sheet has a header row but no rows of work under it"
        if empty.count == sources.count, let first = empty.first {
            throw ThroughlineError.data(place(first), message, hint: "add a row for each objective, key result, initiative or milestone under the header")
        }
        for source in empty { try context.note("\(place(source)): note: \(message)") }
    }

    /// How a sheet was read, for people to check.
    static func report(_ source: ImportSource) -> String {
        let sheet = source.sheet
        let input = sheet.input
        let layout = sheet.layout
        var text = "sheet \(input.file)\n"
        text += "  encoding   \(input.encoding.encoding.rawValue) (\(input.encoding.reason))\n"
        text += "  delimiter  \(input.dialect.delimiterName) (\(input.dialectReason))\n"
        if input.separatorLine != nil { text += "  sep= line  line 1, skipped\n" }
        if let row = layout.headerRow, let line = layout.headerLine {
            let skipped = row - 1
            text += "  header     row \(row) (line \(line)): \(layout.headerReason)" + (skipped > 0 ? "; \(skipped) row\(skipped == 1 ? "" : "s") above it skipped" : "") + "\n"
        } else {
            text += "  header     none (\(layout.headerReason))\n"
        }
        if layout.column(for: .type) == nil {
            text += "  type       " + (source.defaultType.map { "\($0.rawValue), from the file's name" } ?? "none: no type column and the file's name names no type") + "\n"
        }
        text += "  columns\n"
        let width = min(28, layout.columns.map { TextFormat.width($0.name) }.max() ?? 0)
        for column in layout.columns {
            let padding = String(repeating: " ", count: max(1, width - TextFormat.width(column.name) + 1))
            var target = column.field.map { $0.rawValue + (column.mappedBy == "synonym" ? "" : " (\(column.mappedBy))") } ?? "(kept as is)"
            if source.normalizer.readsCompletion(column: column.index) { target += " (completion: a date or a ticked box is done)" }
            if let scale = source.normalizer.ratingScale(column: column.index) { target += " (\(scale))" }
            text += "    \(column.name)\(padding)-> \(target)\n"
        }
        for note in layout.notes { text += "  note: \(note)\n" }
        return text
    }
}
