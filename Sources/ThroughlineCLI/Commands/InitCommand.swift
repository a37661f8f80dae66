import ThroughlineCore

/// `throughline init [DIR]`: writes the starter sheets.
enum InitCommand: Command {
    static let name = "init"
    static let summary = "write the starter sheets (tracker, people, capacity, conventions) into a folder"
    static let usage = "init [--force] [DIR]"
    static let discussion = """
        Writes tracker.csv, people.csv, capacity.csv and conventions.csv into DIR (default: the current folder), \
        creating it when needed. Existing files are left alone unless --force is given.
        """
    static let examples = [
        ("throughline init strategy", "start a new tracker in ./strategy"),
        ("throughline init --force .", "rewrite the templates here, replacing existing files"),
    ]
    static let options: [OptionSpec] = [.flag("--force", "-f", "replace files that already exist")]

    static func run(_ arguments: ParsedArguments, _ context: Context) throws -> Int32 {
        guard arguments.positionals.count <= 1 else { throw ThroughlineError.usage("init takes at most one folder") }
        let folder = arguments.positionals.first ?? "."
        if context.exists(folder) && !context.isFolder(folder) {
            throw ThroughlineError.cannotWrite(folder, "exists and is not a folder", hint: "name a folder for the templates")
        }
        try context.makeFolder(folder)
        let paths = Templates.files.map { (folder == "." ? "" : (folder.hasSuffix("/") ? folder : folder + "/")) + $0.name }
        if !arguments.flag("--force"), let existing = paths.first(where: context.exists) {
            throw ThroughlineError.cannotWrite(existing, "already exists", hint: "give --force to replace it")
        }
        for (path, file) in zip(paths, Templates.files) {
            try context.withOutput(path) { sink in
                var text = file.text
                try text.withUTF8 { try sink.write(UnsafeRawBufferPointer($0)) }
            }
            try context.note("wrote \(path)")
        }
        return 0
    }
}
