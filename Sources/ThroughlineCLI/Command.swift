import ThroughlineCore

/// A subcommand: its help text and option table (which also drive the scanner), and what it does.
protocol Command: Sendable {
    /// The name typed after `throughline`.
    static var name: String { get }
    /// One line for the command list.
    static var summary: String { get }
    /// The usage line, after `throughline `.
    static var usage: String { get }
    /// What it does, a short paragraph.
    static var discussion: String { get }
    /// Example command lines with a comment each.
    static var examples: [(String, String)] { get }
    /// Options besides --help.
    static var options: [OptionSpec] { get }
    /// Runs with scanned arguments; returns the exit code (errors are thrown).
    static func run(_ arguments: ParsedArguments, _ context: Context) throws -> Int32
}

extension Command {
    /// The help text, made from the same table the scanner uses.
    static var help: String {
        var text = "throughline \(name): \(summary)\n\nUsage: throughline \(usage)\n\n\(discussion)\n"
        let all = options + [.flag("--help", "-h", "show this help")]
        if !all.isEmpty {
            text += "\nOptions:\n"
            let labels = all.map { spec -> String in
                var label = spec.short.map { "\($0), " } ?? "    "
                label += spec.name
                if let value = spec.value { label += " " + value }
                return label
            }
            let width = min(34, labels.map(\.count).max() ?? 0)
            for (label, spec) in zip(labels, all) {
                let padding = String(repeating: " ", count: max(1, width - label.count + 2))
                text += "  \(label)\(padding)\(spec.help)\n"
            }
        }
        if !examples.isEmpty {
            text += "\nExamples:\n"
            for (line, comment) in examples { text += "  # \(comment)\n  \(line)\n" }
        }
        return text
    }
}

/// A registered command: what the dispatcher needs, taken from a `Command` type once.
struct CommandEntry: Sendable {
    let name: String
    let summary: String
    let help: String
    let options: [OptionSpec]
    let run: @Sendable (ParsedArguments, Context) throws -> Int32

    init<C: Command>(_ command: C.Type) {
        name = C.name
        summary = C.summary
        help = C.help
        options = C.options
        run = { try C.run($0, $1) }
    }
}
