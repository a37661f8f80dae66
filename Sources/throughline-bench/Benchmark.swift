#if canImport(Glibc)
import Glibc
#endif

/// What a task's row is compared with in the table.
enum Comparison {
    /// Nothing does the same work.
    case none
    /// The task others are compared with; the text says for what.
    case baseline(String)
    /// `6.25x faster than Python`: the other task's wall time divided by this one's.
    case speedup(over: String, label: String)
    /// `2.10x DuckDB GROUP BY's time, 3.20x its peak RSS`: this task's time and memory divided by the other's.
    case ratio(to: String, label: String)
}

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
    /// What the table compares it with.
    let comparison: Comparison
    /// Whether a failure of this task ends the benchmark (only the optional DuckDB rows may fail).
    let required: Bool
    /// The exit statuses that mean it worked (`check` exits 1 when it has findings).
    var accepted: [Int32] = [0]
    /// Runs to make, when not the `--runs` default.
    var runs: Int? = nil
    /// The size of the file it reads, for MB/s.
    let inputBytes: Int
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

/// The full benchmark: generate the trackers, time every task in child processes, check the outputs, print the table.
struct Benchmark {
    let options: BenchOptions

    /// The generated tracker's fixed lines above the data: two title lines and the header.
    static let linesAboveData = 3
    /// The title lines above the header, which DuckDB is told to skip.
    static let preambleLines = 2
    /// The generated tracker's width, which DuckDB is told rather than left to sniff.
    static let columnCount = TrackerVocabulary.header.count
    /// Rows of the small tracker `rollup` is also timed on.
    static let smallRows = 10_000
    /// Runs of the small `rollup`, whatever `--runs` says: one run of a few milliseconds is noise.
    static let smallRuns = 5
    /// The date every analysis reads the sheet at, so results do not change with the day the benchmark runs.
    static let asOf = "2026-11-21"

    /// Runs everything; returns 0 when every run and check succeeded.
    func run() throws -> Int32 {
        let binaries = try Binaries.locate()
        let workspace = try Workspace(keepDirectory: options.keepDirectory, rows: options.rows)
        defer { workspace.removeTemporaryFiles() }

        let tools = ToolProbe.probe(in: workspace.folder)
        MachineFacts.printAll(tools: tools)

        let tracker = try generate(rows: options.rows, into: workspace.trackerPath, label: "Input")
        let small = try generate(rows: Self.smallRows, into: workspace.smallTrackerPath, label: "Small")
        let capacity = try generateCapacity(for: tracker, into: workspace.capacityPath)
        let measurements = try tasks(binaries: binaries, tools: tools, workspace: workspace, tracker: tracker, small: small,
                                     capacity: capacity)
            .map { try measure($0, workspace: workspace) }
        let checks = verify(measurements, tools: tools, workspace: workspace, tracker: tracker, small: small, capacity: capacity)

        Console.out("")
        Console.out(ReportTable.render(measurements, rows: options.rows, inputBytes: tracker.bytes, runs: options.runs))
        Console.out("")
        Console.out("Correctness")
        for check in checks { Console.out("  [\(check.passed ? "ok" : "FAILED")] \(check.name): \(check.detail)") }
        Console.out("")
        Console.out("Targets")
        for target in TargetCheck.evaluate(measurements, inputBytes: tracker.bytes) {
            Console.out("  [\(target.passed ? "met" : "MISSED")] \(target.name): \(target.detail)")
        }
        let notes = NextToRollup.notes(measurements)
        if !notes.isEmpty {
            Console.out("")
            Console.out("Reported next to rollup (no target)")
            for note in notes { Console.out("  \(note.name): \(note.detail)") }
        }
        if options.keepDirectory != nil {
            Console.out("\nGenerated files kept at \(workspace.trackerPath) and \(workspace.capacityPath)")
        }
        if checks.contains(where: { !$0.passed }) {
            Console.err("throughline-bench: error: a correctness check failed (see above)")
            return 1
        }
        return 0
    }

    /// Writes a tracker and prints its size, its hierarchy and how fast it was written.
    private func generate(rows: Int, into path: String, label: String) throws -> GeneratedTracker {
        let started = ChildProcess.monotonicSeconds()
        let tracker = try TrackerGenerator.write(rows: rows, to: path)
        let seconds = ChildProcess.monotonicSeconds() - started
        let size = tracker.bytes
        let pad = String(repeating: " ", count: 11)
        let head = (label + pad).prefix(11)
        Console.out("\(head)\(Format.grouped(rows)) data rows + \(Self.linesAboveData) lines above (2 title lines, header), "
                    + "\(Format.megabytes(size)) MB (\(size) bytes), \(Format.fixed(Double(size) / Double(rows), 1)) bytes/row, "
                    + "generated in \(Format.fixed(seconds, 2)) s")
        let levels = tracker.rowsPerLevel
        Console.out(pad + "hierarchy: \(Format.grouped(levels[0])) objectives, \(Format.grouped(levels[1])) key results, "
                    + "\(Format.grouped(levels[2])) initiatives, \(Format.grouped(levels[3])) workstreams, "
                    + "\(Format.grouped(levels[4])) milestones, \(Format.grouped(levels[5])) tasks")
        Console.out(pad + "Belongs To on \(Format.grouped(tracker.parentReferences)) rows "
                    + "(\(Format.percent(tracker.parentReferencesByTitle, of: tracker.parentReferences)) by title), "
                    + "Strategic Priority on \(Format.grouped(tracker.objectiveReferences)) "
                    + "(\(Format.percent(tracker.objectiveReferencesByTitle, of: tracker.objectiveReferences)) by title), "
                    + "Blocked By on \(Format.grouped(tracker.blockedRows)) (\(Format.percent(tracker.blockedRows, of: rows)) of rows, "
                    + "\(Format.grouped(tracker.blockerReferences)) references)")
        Console.out(pad + "at \(path)")
        return tracker
    }

    /// Writes the long-form capacity sheet for `tracker` (its owners, its initiative and workstream ids) and prints its shape.
    private func generateCapacity(for tracker: GeneratedTracker, into path: String) throws -> GeneratedCapacity {
        let started = ChildProcess.monotonicSeconds()
        let capacity = try CapacityGenerator.write(shape: tracker.shape, people: TrackerVocabulary().people, to: path)
        let seconds = ChildProcess.monotonicSeconds() - started
        let pad = String(repeating: " ", count: 11)
        Console.out("Capacity   \(Format.grouped(capacity.rows)) data rows + header (long form: \(CapacityGenerator.header.joined(separator: ",")); "
                    + "values in FTE), \(Format.megabytes(capacity.bytes)) MB (\(capacity.bytes) bytes), generated in \(Format.fixed(seconds, 2)) s")
        Console.out(pad + "\(capacity.people) people (the tracker's owners, \"First Last\") x \(capacity.periods) months "
                    + "(\(CapacityGenerator.year)-01 to \(CapacityGenerator.year)-12) = \(capacity.pairs) (person, period) pairs; "
                    + "\(capacity.overAllocatedPeople) people over-allocated in \(capacity.overAllocatedPairs) pairs "
                    + "(highest \(Format.fixed(capacity.highestPercent, 1))%)")
        Console.out(pad + "items: \(Format.grouped(capacity.initiativeRows)) rows name an initiative id, "
                    + "\(Format.grouped(capacity.workstreamRows)) a workstream id, \(Format.grouped(capacity.bucketRows)) a bucket (BAU, Support)")
        Console.out(pad + "at \(path)")
        return capacity
    }

    /// The tasks in table order; Python and DuckDB rows only when they can run here.
    private func tasks(binaries: Binaries, tools: ToolProbe, workspace: Workspace,
                       tracker: GeneratedTracker, small: GeneratedTracker, capacity: GeneratedCapacity) -> [BenchTask] {
        let file = workspace.trackerPath
        let size = tracker.bytes
        let analysis = ["--as-of", Self.asOf, "--format", "csv", "-o"]
        var list = [
            BenchTask(key: "import-raw", name: "throughline import --raw", work: "read + write",
                      arguments: [binaries.throughline, "import", "--raw", file, "-o", workspace.importOutput],
                      comparison: .speedup(over: "python-read-write", label: "Python"), required: true, inputBytes: size),
            BenchTask(key: "reader", name: "CSVReader alone (throughline-bench count)", work: "read, count",
                      arguments: [binaries.bench, CountCommand.name, file],
                      comparison: .speedup(over: "python-read", label: "Python"), required: true, inputBytes: size),
            BenchTask(key: "normalize", name: "throughline normalize", work: "read + normalize + write",
                      arguments: [binaries.throughline, "normalize", file, "-o", workspace.normalizeOutput],
                      comparison: .none, required: true, inputBytes: size),
            BenchTask(key: "rollup", name: "throughline rollup", work: "read all + resolve + roll up",
                      arguments: [binaries.throughline, "rollup", file] + analysis + [workspace.rollupOutput],
                      comparison: .ratio(to: "duckdb-group-by", label: "DuckDB GROUP BY"), required: true, inputBytes: size),
            BenchTask(key: "annotate", name: "throughline annotate", work: "read all + resolve + write sheet back, 4 columns added",
                      arguments: [binaries.throughline, "annotate", file, "--as-of", Self.asOf, "-o", workspace.annotateOutput],
                      comparison: .ratio(to: "rollup", label: "rollup"), required: true, inputBytes: size),
            BenchTask(key: "capacity", name: "throughline capacity --tracker, \(Format.grouped(capacity.rows))-row plan",
                      work: "read plan + tracker + resolve + utilisation",
                      arguments: [binaries.throughline, "capacity", workspace.capacityPath, "--tracker", file] + analysis
                          + [workspace.capacityOutput],
                      comparison: .ratio(to: "rollup", label: "rollup"), required: true, inputBytes: size + capacity.bytes),
            BenchTask(key: "check", name: "throughline check", work: "read all + resolve + findings",
                      arguments: [binaries.throughline, "check", file] + analysis + [workspace.checkOutput],
                      comparison: .none, required: true, accepted: [0, 1], inputBytes: size),
            BenchTask(key: "rollup-small", name: "throughline rollup, \(Format.grouped(Self.smallRows))-row tracker",
                      work: "read all + resolve + roll up",
                      arguments: [binaries.throughline, "rollup", workspace.smallTrackerPath] + analysis + [workspace.smallRollupOutput],
                      comparison: .none, required: true, runs: Self.smallRuns, inputBytes: small.bytes),
        ]
        if tools.python != nil {
            list += [
                BenchTask(key: "python-read-write", name: "Python csv.reader + csv.writer", work: "read + write",
                          arguments: ["python3", "-c", PythonScripts.readWrite, file, workspace.pythonOutput],
                          comparison: .baseline("baseline"), required: true, inputBytes: size),
                BenchTask(key: "python-read", name: "Python csv.reader, count", work: "read, count",
                          arguments: ["python3", "-c", PythonScripts.readOnly, file],
                          comparison: .baseline("baseline"), required: true, inputBytes: size),
            ]
        }
        if let version = tools.duckDB {
            list += [
                BenchTask(key: "duckdb-read", name: "DuckDB \(version) read_csv, count(*)", work: "read, count",
                          arguments: ["python3", "-c", PythonScripts.duckDBCount, file, String(Self.columnCount)],
                          comparison: .speedup(over: "python-read", label: "Python"), required: false, inputBytes: size),
                BenchTask(key: "duckdb-read-write", name: "DuckDB \(version) COPY read_csv TO csv", work: "read + write",
                          arguments: ["python3", "-c", PythonScripts.duckDBCopy, file, String(Self.columnCount), workspace.duckDBOutput],
                          comparison: .speedup(over: "python-read-write", label: "Python"), required: false, inputBytes: size),
                BenchTask(key: "duckdb-group-by",
                          name: "DuckDB \(version) GROUP BY \(TrackerVocabulary.objectiveColumn), \(TrackerVocabulary.statusColumn)",
                          work: "read all + count per group",
                          arguments: ["python3", "-c", PythonScripts.duckDBGroupBy, file, String(Self.preambleLines),
                                      TrackerVocabulary.objectiveColumn, TrackerVocabulary.statusColumn],
                          comparison: .baseline("baseline for rollup"), required: false, inputBytes: size),
            ]
        }
        return list
    }

    /// Runs `task` the configured number of times and keeps the fastest run.
    private func measure(_ task: BenchTask, workspace: Workspace) throws -> Measurement {
        var runs: [ChildRun] = []
        for _ in 0..<(task.runs ?? options.runs) {
            let run = try ChildProcess.run(task.arguments, captureIn: workspace.folder)
            guard task.accepted.contains(run.exitStatus) else {
                let message = "\(task.name) exited with \(run.exitStatus): " + Format.tail(run.standardError)
                if task.required { throw BenchFailure(message: message) }
                Console.err("warning: " + message + " (left out of the table)")
                return Measurement(task: task, best: run, times: [])
            }
            runs.append(run)
        }
        let best = runs.min { $0.seconds < $1.seconds }!
        let times = runs.map { Format.fixed($0.seconds, 3) }.joined(separator: ", ")
        let exit = best.exitStatus == 0 ? "" : " (exit \(best.exitStatus))"
        Console.out("ran \(task.name): \(times) s; best \(Format.fixed(best.seconds, 3)) s, "
                    + "peak RSS \(Format.mebibytes(best.peakResidentBytes)) MiB\(exit)")
        return Measurement(task: task, best: best, times: runs.map(\.seconds))
    }

    /// Compares the record counts, has Python re-read the outputs, and checks what rollup, check and DuckDB found.
    private func verify(_ measurements: [Measurement], tools: ToolProbe, workspace: Workspace,
                        tracker: GeneratedTracker, small: GeneratedTracker, capacity: GeneratedCapacity) -> [CheckResult] {
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
            checks.append(CheckResult(name: "Python comparison and output checks", passed: true, detail: "skipped: python3 is not on PATH"))
            return checks
        }
        let pythonCount = printed("python-read").flatMap { Int($0) }
        checks.append(CheckResult(name: "record count equals Python's csv module", passed: pythonCount != nil && counted == pythonCount,
                                  detail: "throughline \(counted.map(String.init) ?? "none"), Python \(pythonCount.map(String.init) ?? "none")"))
        if tools.duckDB != nil, let duckCount = printed("duckdb-read").flatMap({ Int($0) }) {
            checks.append(CheckResult(name: "DuckDB record count (information only)", passed: true,
                                      detail: "\(duckCount)" + (duckCount == pythonCount ? ", same as Python" : ", differs from Python")))
        }
        if tools.duckDB != nil, let grouped = printed("duckdb-group-by") {
            let numbers = grouped.split(separator: " ").compactMap { Int($0) }
            let total = numbers.count == 2 ? numbers[1] : nil
            checks.append(CheckResult(name: "DuckDB GROUP BY read every data row", passed: total == options.rows,
                                      detail: numbers.count == 2
                                        ? "\(Format.grouped(numbers[0])) groups holding \(Format.grouped(numbers[1])) rows, \(Format.grouped(options.rows)) generated"
                                        : "printed '\(grouped)'"))
        }
        let identical = FileComparison.sameBytes(workspace.trackerPath, skippingPrefix: 3, workspace.importOutput)
        checks.append(CheckResult(name: "import --raw output bytes (information only)", passed: true,
                                  detail: identical ? "identical to the input without its byte order mark"
                                                    : "differ from the input (quoting or line ends changed)"))
        checks += pythonVerdicts(workspace)
        checks += analysisVerdicts(workspace, tracker: tracker, small: small)
        checks += writeBackVerdicts(workspace, capacity: capacity)
        if let run = measurements.first(where: { $0.task.key == "capacity" && !$0.times.isEmpty })?.best {
            checks.append(CheckResult(name: "capacity findings on standard error (information only)", passed: true,
                                      detail: FindingTally.summary(run.standardError)))
        }
        return checks
    }

    /// Has Python read the `annotate` output against the tracker (same record count, each original record a prefix of
    /// its annotated one, the title rows untouched) and the `capacity` output against the capacity sheet (a row per
    /// (person, period) in the sheet, and the over-allocations the sheet's sums give, at least one).
    private func writeBackVerdicts(_ workspace: Workspace, capacity: GeneratedCapacity) -> [CheckResult] {
        let annotate = expectVerdict(["python3", "-c", PythonScripts.verifyAnnotate, workspace.trackerPath, workspace.annotateOutput,
                                     String(Self.preambleLines)],
                                    workspace: workspace, names: ["annotate": "annotate output re-read by Python's csv module"],
                                    what: "the Python check of the annotate output")
        let capacity = expectVerdict(["python3", "-c", PythonScripts.verifyCapacity, workspace.capacityPath, workspace.capacityOutput,
                                     String(capacity.overAllocatedPairs)],
                                    workspace: workspace,
                                    names: ["capacity": "capacity output: a row per (person, period) of the sheet, over-allocation found, shares by objective add up"],
                                    what: "the Python check of the capacity output")
        return annotate + capacity
    }

    /// Runs the Python check of the `import --raw` and `normalize` outputs and reads its verdict lines.
    private func pythonVerdicts(_ workspace: Workspace) -> [CheckResult] {
        let arguments = ["python3", "-c", PythonScripts.verify, workspace.trackerPath, workspace.importOutput, workspace.normalizeOutput]
        let names = ["import": "import --raw output re-read by Python's csv module",
                     "normalize": "normalize output re-read by Python's csv module"]
        return verdictLines(arguments, workspace: workspace, names: names, what: "the Python check of import and normalize")
    }

    /// Has Python read the `rollup` outputs (one row per generated objective) and the `check` output (no finding
    /// that would mean a reference, type or cycle was misread).
    private func analysisVerdicts(_ workspace: Workspace, tracker: GeneratedTracker, small: GeneratedTracker) -> [CheckResult] {
        var results: [CheckResult] = []
        for (output, generated, name) in [(workspace.rollupOutput, tracker, "rollup output: one row per objective"),
                                          (workspace.smallRollupOutput, small, "rollup output, \(Format.grouped(Self.smallRows)) rows: one row per objective")] {
            let arguments = ["python3", "-c", PythonScripts.verifyRollup, output, String(generated.shape.count(0))]
            if let run = try? ChildProcess.run(arguments, captureIn: workspace.folder), run.succeeded {
                let line = Format.firstLine(run.standardOutput)
                results.append(CheckResult(name: name, passed: line.hasPrefix("ok"), detail: line))
            } else {
                results.append(CheckResult(name: name, passed: false, detail: "the Python check did not run"))
            }
        }
        let names = ["references": "check output: every reference, type and link resolved",
                     "findings": "check findings (information only)"]
        results += verdictLines(["python3", "-c", PythonScripts.verifyCheck, workspace.checkOutput], workspace: workspace,
                                names: names, what: "the Python check of the check output")
        return results
    }

    /// `verdictLines`, failing when the check ran but printed none of the verdicts named.
    private func expectVerdict(_ arguments: [String], workspace: Workspace, names: [String: String], what: String) -> [CheckResult] {
        let results = verdictLines(arguments, workspace: workspace, names: names, what: what)
        return results.isEmpty ? [CheckResult(name: what, passed: false, detail: "it printed no verdict")] : results
    }

    /// Runs a Python check that prints `NAME ok…` / `NAME mismatch…` lines and turns them into results.
    private func verdictLines(_ arguments: [String], workspace: Workspace, names: [String: String], what: String) -> [CheckResult] {
        guard let run = try? ChildProcess.run(arguments, captureIn: workspace.folder), run.succeeded else {
            return [CheckResult(name: what, passed: false, detail: "it did not run")]
        }
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
    /// `rollup` of the small tracker should take less than this, start-up included.
    static let smallRollupMilliseconds = 50.0

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
        if let rollup = best("rollup"), let duckDB = best("duckdb-group-by") {
            let ratio = rollup.seconds / duckDB.seconds
            results.append(CheckResult(name: "rollup no slower than DuckDB GROUP BY", passed: rollup.seconds <= duckDB.seconds,
                                       detail: "rollup \(Format.fixed(rollup.seconds, 3)) s, DuckDB \(Format.fixed(duckDB.seconds, 3)) s "
                                           + "(rollup takes \(Format.fixed(ratio, 2))x DuckDB's time)"))
            let memory = Double(rollup.peakResidentBytes) / Double(duckDB.peakResidentBytes)
            results.append(CheckResult(name: "rollup peak memory no more than DuckDB's",
                                       passed: rollup.peakResidentBytes <= duckDB.peakResidentBytes,
                                       detail: "rollup \(Format.mebibytes(rollup.peakResidentBytes)) MiB, DuckDB "
                                           + "\(Format.mebibytes(duckDB.peakResidentBytes)) MiB (rollup uses \(Format.fixed(memory, 2))x DuckDB's)"))
        }
        if let small = best("rollup-small") {
            let milliseconds = small.seconds * 1000
            results.append(CheckResult(name: "rollup of \(Format.grouped(Benchmark.smallRows)) rows under \(Int(smallRollupMilliseconds)) ms",
                                       passed: milliseconds < smallRollupMilliseconds,
                                       detail: Format.fixed(milliseconds, 1) + " ms (best of \(Benchmark.smallRuns))"))
        }
        return results
    }
}

/// What the issue asks to see next to rollup without a goal to hold it to: annotate's and capacity's time and peak memory.
enum NextToRollup {
    /// Up to this factor of rollup's peak memory, a task's is "about rollup's".
    static let aboutFactor = 1.25
    /// Below this factor (one order of magnitude), a task's peak memory is of the order of rollup's.
    static let orderFactor = 10.0

    /// A line for each of annotate and capacity that ran, when rollup ran too.
    static func notes(_ measurements: [Measurement]) -> [CheckResult] {
        /// The fastest run of the task with `key`, when it ran.
        func best(_ key: String) -> ChildRun? {
            measurements.first { $0.task.key == key && !$0.times.isEmpty }?.best
        }
        guard let rollup = best("rollup") else { return [] }
        var notes: [CheckResult] = []
        for (key, name) in [("annotate", "annotate"), ("capacity", "capacity --tracker")] {
            guard let run = best(key) else { continue }
            let time = run.seconds / rollup.seconds
            let memory = Double(run.peakResidentBytes) / Double(rollup.peakResidentBytes)
            var detail = "\(Format.fixed(run.seconds, 3)) s, peak RSS \(Format.mebibytes(run.peakResidentBytes)) MiB; rollup "
                + "\(Format.fixed(rollup.seconds, 3)) s, \(Format.mebibytes(rollup.peakResidentBytes)) MiB; "
                + "\(Format.fixed(time, 2))x rollup's time, \(Format.fixed(memory, 2))x its peak RSS"
            if key == "annotate" {
                detail += memory <= aboutFactor ? "; peak memory about rollup's"
                    : memory < orderFactor ? "; peak memory of the order of rollup's (same order of magnitude), though "
                        + "\(Format.fixed(memory, 2))x it"
                    : "; peak memory NOT of the order of rollup's (over \(Int(orderFactor))x)"
                if let check = best("check") {
                    let share = Double(run.peakResidentBytes) / Double(check.peakResidentBytes)
                    detail += "; check, which derives the same findings, peaks at \(Format.mebibytes(check.peakResidentBytes)) MiB "
                        + "(annotate \(Format.fixed(share, 2))x check's)"
                }
            }
            notes.append(CheckResult(name: name, passed: true, detail: detail))
        }
        return notes
    }
}

/// Counts the findings a command printed on standard error: `FILE:LINE:COL: warning: … [code]` lines, plus the
/// `throughline: N more CODE findings not shown` lines that stand for the ones past the first 20 of a code.
enum FindingTally {
    /// `3 over-allocated, 36 unstaffed`, most common first; `none` when there were none.
    static func summary(_ standardError: String) -> String {
        var counts: [String: Int] = [:]
        for line in standardError.split(separator: "\n") {
            if line.hasSuffix("]"), let open = line.lastIndex(of: "[") {
                counts[String(line[line.index(after: open)..<line.index(before: line.endIndex)]), default: 0] += 1
            } else if line.hasPrefix("throughline: "), line.hasSuffix(" findings not shown") {
                let words = line.split(separator: " ")
                if words.count >= 4, words[2] == "more", let more = Int(words[1]) { counts[String(words[3]), default: 0] += more }
            }
        }
        guard !counts.isEmpty else { return "none" }
        return counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
    }
}
