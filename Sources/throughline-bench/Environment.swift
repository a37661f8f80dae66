#if canImport(Glibc)
import Glibc
#endif

/// The folder the benchmark works in and the files it puts there.
struct Workspace {
    /// A fresh temporary folder for the outputs and the children's captured output.
    let folder: String
    /// The generated tracker: in `--keep DIR` when given, else in `folder`.
    let trackerPath: String
    /// The generated capacity sheet, next to the tracker.
    let capacityPath: String
    /// Whether the tracker and the capacity sheet stay after the run.
    let keepsTracker: Bool

    /// Where `import --raw` writes.
    var importOutput: String { folder + "/import-raw.csv" }
    /// Where `normalize` writes.
    var normalizeOutput: String { folder + "/normalize.csv" }
    /// Where the Python read-and-write writes.
    var pythonOutput: String { folder + "/python.csv" }
    /// Where DuckDB's copy writes.
    var duckDBOutput: String { folder + "/duckdb.csv" }
    /// Where `rollup` writes.
    var rollupOutput: String { folder + "/rollup.csv" }
    /// Where `check` writes.
    var checkOutput: String { folder + "/check.csv" }
    /// Where `annotate` writes.
    var annotateOutput: String { folder + "/annotate.csv" }
    /// Where `capacity` writes.
    var capacityOutput: String { folder + "/capacity.csv" }
    /// The small tracker `rollup` is also timed on (always temporary).
    var smallTrackerPath: String { folder + "/strategy-tracker-\(Benchmark.smallRows)-rows.csv" }
    /// Where `rollup` of the small tracker writes.
    var smallRollupOutput: String { folder + "/rollup-small.csv" }

    /// Makes the temporary folder (under `$TMPDIR`, else `/tmp`) and, with `keepDirectory`, that folder too.
    init(keepDirectory: String?, rows: Int) throws {
        let base = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array((base + "/throughline-bench.XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw BenchFailure(message: "cannot make a temporary folder in \(base): \(String(cString: strerror(errno)))")
        }
        folder = String(cString: made)
        let fileName = "strategy-tracker-\(rows)-rows.csv"
        let capacityName = "capacity-\(CapacityGenerator.rows)-rows-for-\(rows).csv"
        if let keepDirectory {
            if mkdir(keepDirectory, 0o755) != 0 && errno != EEXIST {
                throw BenchFailure(message: "cannot make \(keepDirectory): \(String(cString: strerror(errno)))")
            }
            trackerPath = keepDirectory + "/" + fileName
            capacityPath = keepDirectory + "/" + capacityName
            keepsTracker = true
        } else {
            trackerPath = folder + "/" + fileName
            capacityPath = folder + "/" + capacityName
            keepsTracker = false
        }
    }

    /// Deletes what the run left in the temporary folder, and the tracker and capacity sheet unless they are kept.
    func removeTemporaryFiles() {
        for path in [importOutput, normalizeOutput, pythonOutput, duckDBOutput, rollupOutput, checkOutput, annotateOutput,
                     capacityOutput, smallTrackerPath, smallRollupOutput, folder + "/child.stdout", folder + "/child.stderr"] {
            unlink(path)
        }
        if !keepsTracker {
            unlink(trackerPath)
            unlink(capacityPath)
        }
        rmdir(folder)
    }
}

/// Which comparison tools this machine has, by version.
struct ToolProbe {
    /// Python's version, when `python3` runs.
    let python: String?
    /// DuckDB's version, when `python3 -c "import duckdb"` works.
    let duckDB: String?

    /// Tries `python3` and its `duckdb` module.
    static func probe(in folder: String) -> ToolProbe {
        let python = ChildProcess.canStart(["python3", "-c", PythonScripts.version], captureIn: folder)
        let duckDB = python == nil ? nil : ChildProcess.canStart(["python3", "-c", PythonScripts.duckDBVersion], captureIn: folder)
        return ToolProbe(python: python.map { Format.firstLine($0.standardOutput) },
                         duckDB: duckDB.map { Format.firstLine($0.standardOutput) })
    }
}

/// Facts about the machine that make numbers comparable between runs.
enum MachineFacts {
    /// Processors online.
    static var processorCount: Int { sysconf(Int32(_SC_NPROCESSORS_ONLN)) }

    /// The CPU's `model name` from `/proc/cpuinfo`.
    static var cpuModel: String {
        for line in ChildProcess.readText("/proc/cpuinfo").split(separator: "\n") where line.hasPrefix("model name") {
            if let colon = line.firstIndex(of: ":") {
                return line[line.index(after: colon)...].trimmingPrefix(" ").description
            }
        }
        return "unknown"
    }

    /// Prints the machine and the comparison tools found.
    static func printAll(tools: ToolProbe) {
        Console.out("Machine    nproc \(processorCount), CPU \(cpuModel)")
        if let python = tools.python {
            Console.out("Python     \(python) (csv module)")
        } else {
            Console.out("Python     skipped: python3 is not on PATH, so there is no Python comparison and no re-read check")
        }
        if let duckDB = tools.duckDB {
            Console.out("DuckDB     \(duckDB) (Python package; uses all \(processorCount) processors)")
        } else if tools.python != nil {
            Console.out("DuckDB     skipped: python3 -c \"import duckdb\" failed; for an extra comparison row: pip install duckdb")
        }
    }
}
