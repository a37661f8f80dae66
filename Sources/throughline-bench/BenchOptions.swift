/// The benchmark's command-line options.
struct BenchOptions {
    /// Data rows in the generated tracker (the title lines and the header come on top).
    var rows = 1_000_000
    /// Where to keep the generated file; nil writes it to a temporary folder that is removed at the end.
    var keepDirectory: String?
    /// How many times each task runs; the fastest run is reported.
    var runs = 3
    /// Set by `--help`.
    var showHelp = false

    /// The text shown by `--help`.
    static let usage = """
        usage: throughline-bench [--rows N] [--keep DIR] [--runs K]

        Generates a seeded, messy strategy tracker of N rows (default 1000000, about 170 MB) that is a real hierarchy
        (1 objective per 50,000 rows, 1 key result per 10,000, 1 initiative per 500, 1 workstream per 20, the rest
        milestones and tasks; parents by id and some by title, dependencies, KPIs) and times, each in a child process
        (best of K runs, default 3), with peak memory:
          throughline import --raw FILE -o OUT   read and write every record
          throughline-bench count FILE           the CSV reader alone
          throughline normalize FILE -o OUT      canonical statuses, dates, percentages, owners
          throughline rollup FILE --as-of 2026-11-21 --format csv -o OUT
          throughline annotate FILE --as-of 2026-11-21 -o OUT             (next to rollup: time and peak memory)
          throughline capacity CAPACITY --tracker FILE --as-of 2026-11-21 --format csv -o OUT
                       where CAPACITY is a seeded 50,000-row long-form sheet (person,team,period,available,allocated,item)
                       of the tracker's owners, its initiative and workstream ids plus BAU and Support, months of 2026,
                       a few people over-allocated in some months (next to rollup)
          throughline check FILE --as-of 2026-11-21 --format csv -o OUT   (exit 1, findings, counts as success)
          throughline rollup of a 10,000-row tracker generated the same way (best of 5)
          Python's csv module, read and write / read only (and DuckDB when 'import duckdb' works: read, copy, and
          the GROUP BY objective, status that rollup is compared with)
        Build first with: swift build -c release

          --rows N     data rows to generate
          --keep DIR   write the generated tracker and capacity sheet into DIR and keep them
          --runs K     runs per task (the best is reported)
        """

    /// Reads `arguments` (the program name left out).
    static func parse(_ arguments: [String]) throws -> BenchOptions {
        var options = BenchOptions()
        var index = 0
        /// The value after the option at `index`, moving past it.
        func value(_ option: String) throws -> String {
            guard index + 1 < arguments.count else { throw BenchFailure(message: "\(option) needs a value") }
            index += 1
            return arguments[index]
        }
        while index < arguments.count {
            let argument = arguments[index]
            switch argument {
            case "--rows": options.rows = try positiveInteger(try value(argument), option: argument)
            case "--keep": options.keepDirectory = try value(argument)
            case "--runs": options.runs = try positiveInteger(try value(argument), option: argument)
            case "--help", "-h": options.showHelp = true
            default: throw BenchFailure(message: "unknown argument '\(argument)'; see 'throughline-bench --help'")
            }
            index += 1
        }
        return options
    }

    /// Reads a whole number above zero; underscores are allowed as in `1_000_000`.
    private static func positiveInteger(_ text: String, option: String) throws -> Int {
        guard let number = Int(text.filter { $0 != "_" }), number > 0 else {
            throw BenchFailure(message: "\(option) takes a whole number above 0, not '\(text)'")
        }
        return number
    }
}
