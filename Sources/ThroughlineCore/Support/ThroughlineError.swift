/// Where in an input a problem is: file, line (1-based, the line a record starts on) and column header.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    /// The file as the user named it (`-` for standard input).
    public var file: String
    /// The line, 1-based; nil when the problem concerns the whole file.
    public var line: Int?
    /// The column's header text, or its letter when the sheet has no header.
    public var column: String?

    /// Creates a location.
    public init(file: String, line: Int? = nil, column: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `FILE:LINE:COLUMN`, leaving out the parts that are unknown.
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if let column { text += ":\(column)" }
        return text
    }
}

/// Every way a run can fail; each kind has one exit code (SPEC section 7).
public enum ThroughlineError: Error, Equatable, Sendable {
    /// The command line is wrong (exit 64).
    case usage(String, hint: String? = nil)
    /// The input cannot be read as a sheet (exit 65).
    case data(SourceLocation?, String, hint: String? = nil)
    /// The input is missing or unreadable (exit 66).
    case missingInput(String, String)
    /// The output cannot be written (exit 73); without a hint of its own, the hint is to check the folder.
    case cannotWrite(String, String, hint: String? = nil)
    /// A fault in throughline itself (exit 70).
    case internalFailure(String)

    /// The process exit code that goes with this error.
    public var exitCode: Int32 {
        switch self {
        case .usage: return 64
        case .data: return 65
        case .missingInput: return 66
        case .cannotWrite: return 73
        case .internalFailure: return 70
        }
    }

    /// The error as printed: `FILE:LINE:COLUMN: error: MESSAGE` plus a hint line, or `throughline: error: MESSAGE`.
    public var rendered: String {
        switch self {
        case let .usage(message, hint):
            return Self.lines("throughline: error: \(message)", hint)
        case let .data(location, message, hint):
            let head = location.map { "\($0): error: \(message)" } ?? "throughline: error: \(message)"
            return Self.lines(head, hint)
        case let .missingInput(path, reason):
            return Self.lines("\(path): error: \(reason)", "hint: check the path; use - to read standard input")
        case let .cannotWrite(path, reason, hint):
            return Self.lines("\(path): error: cannot write: \(reason)", hint ?? "hint: check that its folder exists and can be written to, or name another path")
        case let .internalFailure(message):
            return Self.lines("throughline: error: internal error: \(message)", "hint: this is a bug in throughline; please report it with the input that caused it")
        }
    }

    private static func lines(_ head: String, _ hint: String?) -> String {
        guard let hint else { return head + "\n" }
        return head + "\n" + (hint.hasPrefix("hint:") ? hint : "hint: " + hint) + "\n"
    }
}
