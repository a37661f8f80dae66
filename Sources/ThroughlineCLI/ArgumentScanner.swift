import ThroughlineCore

/// One option a command accepts: the table that both scans the command line and writes the help.
public struct OptionSpec: Sendable {
    /// The long name, with its dashes: `--delimiter`.
    public let name: String
    /// The short name, with its dash: `-d`.
    public let short: String?
    /// The value's placeholder (`CHAR`), or nil for a flag.
    public let value: String?
    /// One line for the help.
    public let help: String

    /// An option that takes a value.
    public static func value(_ name: String, _ short: String? = nil, _ placeholder: String, _ help: String) -> OptionSpec {
        OptionSpec(name: name, short: short, value: placeholder, help: help)
    }

    /// An option that is on or off.
    public static func flag(_ name: String, _ short: String? = nil, _ help: String) -> OptionSpec {
        OptionSpec(name: name, short: short, value: nil, help: help)
    }
}

/// A scanned command line: option values by long name, and the positional arguments.
public struct ParsedArguments: Sendable {
    /// Values by long name (`--map` → [values]); flags hold an empty string.
    public private(set) var values: [String: [String]] = [:]
    /// Positional arguments in order (`-` included).
    public private(set) var positionals: [String] = []

    /// Whether a flag was given.
    public func flag(_ name: String) -> Bool { values[name] != nil }

    /// The last value given for an option.
    public func value(_ name: String) -> String? { values[name]?.last }

    /// Every value given for a repeatable option.
    public func all(_ name: String) -> [String] { values[name] ?? [] }

    /// Scans `arguments` against `options`: `--name value`, `--name=value`, `-x value`, flags, `--` ending options.
    public static func scan(_ arguments: [String], options: [OptionSpec], command: String) throws -> ParsedArguments {
        var parsed = ParsedArguments()
        var index = 0
        var optionsEnded = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
                parsed.positionals.append(argument)
                continue
            }
            if argument == "--" { optionsEnded = true; continue }
            var name = argument
            var inline: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inline = String(argument[argument.index(after: equals)...])
            }
            guard let spec = options.first(where: { $0.name == name || $0.short == name }) else {
                let known = options.map(\.name) + ["--help"]
                let guess = Suggestion.closest(to: name, among: known)
                throw ThroughlineError.usage("unknown option '\(name)' for '\(command)'",
                                             hint: guess.map { "did you mean '\($0)'? see 'throughline \(command) --help'" } ?? "see 'throughline \(command) --help'")
            }
            if spec.value == nil {
                if inline != nil { throw ThroughlineError.usage("option '\(spec.name)' takes no value") }
                parsed.values[spec.name, default: []].append("")
                continue
            }
            if let inline {
                parsed.values[spec.name, default: []].append(inline)
            } else if index < arguments.count {
                parsed.values[spec.name, default: []].append(arguments[index])
                index += 1
            } else {
                throw ThroughlineError.usage("option '\(spec.name)' needs a value (\(spec.value!))", hint: "see 'throughline \(command) --help'")
            }
        }
        return parsed
    }
}

/// "Did you mean" for mistyped commands and options.
enum Suggestion {
    /// The candidate nearest to `typed` by edit distance, when it is near enough to be a likely typo.
    static func closest(to typed: String, among candidates: [String]) -> String? {
        let scored = candidates.map { ($0, EditDistance.between(typed.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        let allowed = max(2, typed.count / 3)
        if best.1 <= allowed { return best.0 }
        // A prefix that names one candidate: `--delim` for `--delimiter`.
        let prefixed = candidates.filter { $0.hasPrefix(typed) }
        return prefixed.count == 1 ? prefixed[0] : nil
    }
}
