import ThroughlineCore

/// The command line: finds the command, scans its options, runs it, and turns every error into its exit code.
public enum Throughline {
    /// The version `--version` prints.
    public static let version = "0.1.0"

    /// Every command, in the order the help lists them.
    static let commands: [CommandEntry] = [
        CommandEntry(InitCommand.self), CommandEntry(ImportCommand.self), CommandEntry(ExportCommand.self), CommandEntry(NormalizeCommand.self),
        CommandEntry(RollupCommand.self), CommandEntry(CheckCommand.self), CommandEntry(AnnotateCommand.self),
        CommandEntry(DiffCommand.self), CommandEntry(BriefCommand.self), CommandEntry(CapacityCommand.self),
    ]

    /// Runs one command line (without the program name) and returns the exit code. Never exits.
    public static func run(_ arguments: [String], context: Context) -> Int32 {
        defer { context.progress?.finish() }
        do {
            return try dispatch(arguments, context)
        } catch let error as ThroughlineError {
            try? context.note(String(error.rendered.dropLast()))
            return error.exitCode
        } catch {
            try? context.note("throughline: error: internal error: \(error)")
            return 70
        }
    }

    private static func dispatch(_ arguments: [String], _ context: Context) throws -> Int32 {
        guard let first = arguments.first else {
            try context.note(String(overview.dropLast()))
            return 64
        }
        switch first {
        case "--help", "-h":
            try context.print(overview)
            return 0
        case "--version", "-V", "version":
            try context.print("throughline \(version)\n")
            return 0
        case "help":
            guard arguments.count > 1 else { try context.print(overview); return 0 }
            try context.print(try command(named: arguments[1]).help)
            return 0
        default:
            let command = try command(named: first)
            let rest = Array(arguments.dropFirst())
            if rest.contains("--help") || rest.contains("-h") {
                try context.print(command.help)
                return 0
            }
            let parsed = try ParsedArguments.scan(rest, options: command.options, command: command.name)
            return try command.run(parsed, context)
        }
    }

    private static func command(named name: String) throws -> CommandEntry {
        if let command = commands.first(where: { $0.name == name }) { return command }
        let guess = Suggestion.closest(to: name, among: commands.map(\.name))
        throw ThroughlineError.usage("unknown command '\(name)'", hint: guess.map { "did you mean '\($0)'? see 'throughline --help'" } ?? "see 'throughline --help'")
    }

    static var overview: String {
        var text = """
            throughline: derive the real status of a strategy spreadsheet from the work beneath it.

            Usage: throughline COMMAND [options] [arguments]

            Commands:

            """
        let width = commands.map(\.name.count).max() ?? 0
        for command in commands {
            text += "  \(command.name)\(String(repeating: " ", count: width - command.name.count + 2))\(command.summary)\n"
        }
        text += """

            Every command reads - as standard input, writes to standard output unless -o FILE is given, and takes --help.
            'throughline help COMMAND' shows a command's options and examples. Exit codes: 0 success; 1 check found
            something; 64 usage error; 65 bad input data; 66 input missing or unreadable; 73 cannot write output; 70 internal error.

            """
        return text
    }
}
