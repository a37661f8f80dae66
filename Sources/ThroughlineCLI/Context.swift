import ThroughlineCore

/// Everything a command may touch outside itself: streams, the working folder, today's date, the terminal.
/// The real one is made in `main.swift`; tests make one in memory.
/// It is handed from the dispatcher to one command on one thread; nothing in it is shared across threads.
public final class Context: @unchecked Sendable {
    /// Standard output.
    public let stdout: ByteSink
    /// Standard error.
    public let stderr: ByteSink
    /// Reads all of standard input (called at most once, and only when a command reads `-`).
    public let readStandardInput: () throws -> ByteSource
    /// The folder relative paths are read from and written to.
    public let workingDirectory: String
    /// Today, for `--as-of` defaults.
    public let today: CalendarDate
    /// Whether standard output is a terminal (tables and colour by default).
    public let stdoutIsTerminal: Bool
    /// Whether standard error is a terminal (for progress).
    public let stderrIsTerminal: Bool
    /// Whether `NO_COLOR` is set.
    public let noColor: Bool
    /// The folder for temporary files.
    public let temporaryDirectory: String
    /// The progress line on standard error, when it is a terminal.
    public let progress: Progress?

    /// Creates a context.
    public init(stdout: ByteSink, stderr: ByteSink, readStandardInput: @escaping () throws -> ByteSource, workingDirectory: String,
                today: CalendarDate, stdoutIsTerminal: Bool = false, stderrIsTerminal: Bool = false, noColor: Bool = false, temporaryDirectory: String = "/tmp",
                progress: Progress? = nil) {
        self.stdout = stdout
        self.stderr = stderr
        self.readStandardInput = readStandardInput
        self.workingDirectory = workingDirectory
        self.today = today
        self.stdoutIsTerminal = stdoutIsTerminal
        self.stderrIsTerminal = stderrIsTerminal
        self.noColor = noColor
        self.temporaryDirectory = temporaryDirectory
        self.progress = progress
    }

    /// A path as given, made absolute against the working folder.
    public func resolve(_ path: String) -> String {
        path.hasPrefix("/") ? path : (workingDirectory.hasSuffix("/") ? workingDirectory : workingDirectory + "/") + path
    }

    /// The files read as input, by `identity(of:)`: `-o` never replaces one.
    private var inputsRead: Set<String> = []

    /// The full path of an input file, remembered as read.
    func reading(_ path: String) -> String {
        inputsRead.insert(identity(of: path))
        return resolve(path)
    }

    /// Whether `path` is a file this run has read as input.
    func isInputRead(_ path: String) -> Bool { path != "-" && inputsRead.contains(identity(of: path)) }

    /// Set while a sheet already read is read again (its notes were given the first time).
    var notesMuted = false

    /// Writes a line (a newline is added) to standard error, above the progress line when there is one.
    public func note(_ text: String) throws {
        if notesMuted { return }
        if let progress { return try progress.write(text + "\n") }
        var line = text + "\n"
        try line.withUTF8 { try stderr.write(UnsafeRawBufferPointer($0)) }
    }

    /// Names what the run does now, for the progress line ("reading tracker.csv").
    public func phase(_ text: String) {
        progress?.phase(text)
    }

    /// Writes text to standard output as it is.
    public func print(_ text: String) throws {
        var text = text
        try text.withUTF8 { try stdout.write(UnsafeRawBufferPointer($0)) }
    }
}
