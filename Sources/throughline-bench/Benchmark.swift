#if canImport(Glibc)
import Glibc
#endif

/// One thing to time: a command line and what it is compared with.
struct BenchTask {
    /// A short name other tasks and the checks refer to.
    let key: String
    /// The row's name in the table.
    let name: String
    /// What the task does with the file, in a few words.
    let work: String
    /// The command line, program first.
    let arguments: [String]
    /// The Python task doing the same job, whose time this one is divided into; nil for none.
    let baseline: String?
    /// Whether a failure of this task ends the benchmark (only the optional DuckDB rows may fail).
    let required: Bool
}

/// A task's runs: the fastest is what the table shows.
struct Measurement {
    /// The task that ran.
    let task: BenchTask
    /// The fastest run.
    let best: ChildRun
    /// The wall time of every run, in order.
    let times: [Double]
}

/// One correctness check and what it found.
struct CheckResult {
    /// What was checked.
    let name: String
    /// Whether it held.
    let passed: Bool
    /// The numbers behind the verdict.
    let detail: String
}

/// The full benchmark: generate the tracker, time every task in child processes, check the outputs, print the table.
struct Benchmark {
    let options: BenchOptions

    /// The generated tracker's fixed lines above the data: two title lines and the header.
    static let linesAboveData = 3
    /// The generated tracker's width, which DuckDB is told rather than left to sniff.
    static let columnCount = 23

    /// Runs everything; returns 0 when every run and check succeeded.
    func run() throws -> Int32 {
        let binaries = try Binaries.locate()
        let workspace = try Workspace(keepDirectory: options.keepDirectory, rows: options.rows)
        defer { workspace.removeTemporaryFiles() }

        let tools = ToolProbe.probe(in: workspace.folder)
        MachineFacts.printAll(tools: tools)

        let size = try generate(into: workspace.trackerPath)
        let measurements = try tasks(binaries: binaries, tools: tools, workspace: workspace).map { try measure($0, workspace: workspace) }
        let checks = verify(measurements, tools: tools, workspace: workspace)

        Console.out("")
        Console.out(ReportTable.render(measurements, rows: options.rows, inputBytes: size))
        Console.out("")
        Console.out("Correctness")
        for check in checks { Console.out("  [\(check.passed ? "ok" : "FAILED")] \(check.name): \(check.detail)") }
        Console.out("")
        Console.out("Targets")
        for target in TargetCheck.evaluate(measurements, inputBytes: size) {
            Console.out("  [\(target.passed ? "met" : "MISSED")] \(target.name): \(target.detail)")
        }
        if options.keepDirectory != nil { Console.out("\nGenerated file kept at \(workspace.trackerPath)") }
        if checks.contains(where: { !$0.passed }) {
            Console.err("throughline-bench: error: a correctness check failed (see above)")
            return 1
        }
        return 0
    }

    /// Writes the tracker and prints its size and how fast it was written.
    private func generate(into path: String) throws -> Int {
        let started = ChildProcess.monotonicSeconds()
        let size = try TrackerGenerator.write(rows: options.rows, to: path)
        let seconds = ChildProcess.monotonicSeconds() - started
        Console.out("Input      \(options.rows) data rows + \(Self.linesAboveData) lines above (2 title lines, header), "
                    + "\(Format.megabytes(size)) MB (\(size) bytes), \(Format.fixed(Double(size) / Double(options.rows), 1)) bytes/row")
        Console.out("           generated in \(Format.fixed(seconds, 2)) s at \(path)")
        Console.out("           (the file was just written, so every run reads it from the page cache)")
        Console.out("")
        return size
    }

    /// The tasks in table order; Python and DuckDB rows only when they can run here.
    private func tasks(binaries: Binaries, tools: ToolProbe, workspace: Workspace) -> [BenchTask] {
        let file = workspace.trackerPath
        var list = [
            BenchTask(key: "import-raw", name: "throughline import --raw", work: "read + write",
                      arguments: [binaries.throughline, "import", "--raw", file, "-o", workspace.importOutput],
                      baseline: "python-read-write", required: true),
            BenchTask(key: "reader", name: "CSVReader alone (throughline-bench count)", work: "read, count",
                      arguments: [binaries.bench, CountCommand.name, file],
                      baseline: "python-read", required: true),
            BenchTask(key: "normalize", name: "throughline normalize", work: "read + normalize + write",
                      arguments: [binaries.throughline, "normalize", file, "-o", workspace.normalizeOutput],
                      baseline: nil, required: true),
        ]
        if tools.python != nil {
            list += [
                BenchTask(key: "python-read-write", name: "Python csv.reader + csv.writer", work: "read + write",
                          arguments: ["python3", "-c", PythonScripts.readWrite, file, workspace.pythonOutput],
                          baseline: nil, required: true),
                BenchTask(key: "python-read", name: "Python csv.reader, count", work: "read, count",
                          arguments: ["python3", "-c", PythonScripts.readOnly, file],
                          baseline: nil, required: true),
            ]
        }
        if tools.duckDB != nil {
            list += [
                BenchTask(key: "duckdb-read", name: "DuckDB \(tools.duckDB ?? "") read_csv, count(*)", work: "read, count",
                          arguments: ["python3", "-c", PythonScripts.duckDBCount, file, String(Self.columnCount)],
                          baseline: "python-read", required: false),
                BenchTask(key: "duckdb-read-write", name: "DuckDB \(tools.duckDB ?? "") COPY read_csv TO csv", work: "read + write",
                          arguments: ["python3", "-c", PythonScripts.duckDBCopy, file, String(Self.columnCount), workspace.duckDBOutput],
                          baseline: "python-read-write", required: false),
            ]
        }
        return list
    }

    /// Runs `task` the configured number of times and keeps the fastest run.
    private func measure(_ task: BenchTask, workspace: Workspace) throws -> Measurement {
        var runs: [ChildRun] = []
        for _ in 0..<options.runs {
            let run = try ChildProcess.run(task.arguments, captureIn: workspace.folder)
            guard run.succeeded else {
                let message = "\(task.name) exited with \(run.exitStatus): " + Format.tail(run.standardError)
                if task.required { throw BenchFailure(message: message) }
                Console.err("warning: " + message + " (left out of the table)")
                return Measurement(task: task, best: run, times: [])
            }
            runs.append(run)
        }
        let best = runs.min { $0.seconds < $1.seconds }!
        let times = runs.map { Format.fixed($0.seconds, 3) }.joined(separator: ", ")
        Console.out("ran \(task.name): \(times) s; best \(Format.fixed(best.seconds, 3)) s, "
                    + "peak RSS \(Format.mebibytes(best.peakResidentBytes)) MiB")
        return Measurement(task: task, best: best, times: runs.map(\.seconds))
    }

    /// Compares the record counts and has Python re-read the outputs.
    private func verify(_ measurements: [Measurement], tools: ToolProbe, workspace: Workspace) -> [CheckResult] {
        /// The first line a task printed, when it ran.
        func printed(_ key: String) -> String? {
            guard let found = measurements.first(where: { $0.task.key == key && !$0.times.isEmpty }) else { return nil }
            return found.best.standardOutput.split(separator: "\n").first.map(String.init)
        }
        var checks: [CheckResult] = []
        let expected = options.rows + Self.linesAboveData
        let counted = printed("reader").flatMap { Int($0) }
        checks.append(CheckResult(name: "CSVReader record count", passed: counted == expected,
                                  detail: "\(counted.map(String.init) ?? "none") records, \(expected) generated"))
        if tools.python == nil {
            checks.append(CheckResult(name: "Python comparison", passed: true, detail: "skipped: python3 is not on PATH"))
            return checks
        }
        let pythonCount = printed("python-read").flatMap { Int($0) }
        checks.append(CheckResult(name: "record count equals Python's csv module", passed: pythonCount != nil && counted == pythonCount,
                                  detail: "throughline \(counted.map(String.init) ?? "none"), Python \(pythonCount.map(String.init) ?? "none")"))
        if tools.duckDB != nil, let duckCount = printed("duckdb-read").flatMap({ Int($0) }) {
            checks.append(CheckResult(name: "DuckDB record count (information only)", passed: true,
                                      detail: "\(duckCount)" + (duckCount == pythonCount ? ", same as Python" : ", differs from Python")))
        }
        let identical = FileComparison.sameBytes(workspace.trackerPath, skippingPrefix: 3, workspace.importOutput)
        checks.append(CheckResult(name: "import --raw output bytes (information only)", passed: true,
                                  detail: identical ? "identical to the input without its byte order mark"
                                                    : "differ from the input (quoting or line ends changed)"))
        checks += pythonVerdicts(workspace)
        return checks
    }

    /// Runs the Python check of the `import --raw` and `normalize` outputs and reads its verdict lines.
    private func pythonVerdicts(_ workspace: Workspace) -> [CheckResult] {
        let arguments = ["python3", "-c", PythonScripts.verify, workspace.trackerPath, workspace.importOutput, workspace.normalizeOutput]
        guard let run = try? ChildProcess.run(arguments, captureIn: workspace.folder), run.succeeded else {
            return [CheckResult(name: "Python re-read of the outputs", passed: false, detail: "the Python check did not run")]
        }
        let names = ["import": "import --raw output re-read by Python's csv module",
                     "normalize": "normalize output re-read by Python's csv module"]
        return run.standardOutput.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
            guard parts.count == 2, let name = names[parts[0]] else { return nil }
            return CheckResult(name: name, passed: parts[1].hasPrefix("ok"), detail: parts[1])
        }
    }
}

/// The two programs being measured: `throughline` and this benchmark, side by side in one build folder.
struct Binaries {
    /// The release `throughline` next to this binary.
    let throughline: String
    /// This binary, re-run for the `count` child.
    let bench: String

    /// Finds both through `/proc/self/exe`, or fails saying how to build `throughline`.
    static func locate() throws -> Binaries {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else { throw BenchFailure(message: "cannot find this program's path through /proc/self/exe") }
        let bench = String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let folder = bench.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let throughline = folder + "/throughline"
        guard access(throughline, X_OK) == 0 else {
            throw BenchFailure(message: """
                the throughline binary is missing: \(throughline)
                  build it first with 'swift build -c release' (use the same --scratch-path as for this benchmark, if any)
                """)
        }
        return Binaries(throughline: throughline, bench: bench)
    }
}

/// Compares files without loading them whole.
enum FileComparison {
    /// Whether `first` with its first `skippingPrefix` bytes left out has exactly the bytes of `second`.
    static func sameBytes(_ first: String, skippingPrefix: Int, _ second: String) -> Bool {
        let one = open(first, O_RDONLY), two = open(second, O_RDONLY)
        defer { if one >= 0 { close(one) }; if two >= 0 { close(two) } }
        guard one >= 0, two >= 0, lseek(one, off_t(skippingPrefix), SEEK_SET) == off_t(skippingPrefix) else { return false }
        var left = [UInt8](repeating: 0, count: 1 << 20), right = left
        while true {
            let leftCount = readFull(one, &left), rightCount = readFull(two, &right)
            if leftCount != rightCount || leftCount < 0 { return false }
            if leftCount == 0 { return true }
            if memcmp(left, right, leftCount) != 0 { return false }
        }
    }

    /// Fills `buffer` unless the file ends first; returns the bytes read, or -1 on an error.
    private static func readFull(_ descriptor: Int32, _ buffer: inout [UInt8]) -> Int {
        var filled = 0
        while filled < buffer.count {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0 && errno == EINTR { continue }
            if count < 0 { return -1 }
            if count == 0 { break }
            filled += count
        }
        return filled
    }
}

/// The performance goals the numbers are held against; a miss is reported, not a failure, since it depends on the machine.
enum TargetCheck {
    /// The reader alone should read at least this many MB/s.
    static let readerMegabytesPerSecond = 500.0
    /// `import --raw` should be at least this many times faster than Python doing the same.
    static let importSpeedup = 5.0
    /// `normalize` should stay under this peak memory, whatever the file's size.
    static let normalizePeakMebibytes = 64.0

    /// Each goal whose task ran, with the measured value.
    static func evaluate(_ measurements: [Measurement], inputBytes: Int) -> [CheckResult] {
        /// The fastest run of the task with `key`, when it ran.
        func best(_ key: String) -> ChildRun? {
            measurements.first { $0.task.key == key && !$0.times.isEmpty }?.best
        }
        var results: [CheckResult] = []
        if let reader = best("reader") {
            let rate = Double(inputBytes) / 1e6 / reader.seconds
            results.append(CheckResult(name: "CSVReader alone >= \(Int(readerMegabytesPerSecond)) MB/s",
                                       passed: rate >= readerMegabytesPerSecond, detail: Format.fixed(rate, 1) + " MB/s"))
        }
        if let raw = best("import-raw"), let python = best("python-read-write") {
            let ratio = python.seconds / raw.seconds
            results.append(CheckResult(name: "import --raw >= \(Int(importSpeedup))x Python read + write",
                                       passed: ratio >= importSpeedup, detail: Format.fixed(ratio, 2) + "x"))
        }
        if let normalize = best("normalize") {
            let peak = Double(normalize.peakResidentBytes) / 1_048_576
            results.append(CheckResult(name: "normalize peak RSS < \(Int(normalizePeakMebibytes)) MiB",
                                       passed: peak < normalizePeakMebibytes, detail: Format.fixed(peak, 1) + " MiB"))
        }
        return results
    }
}
