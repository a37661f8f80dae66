/// The results as one Markdown table.
enum ReportTable {
    /// Renders a summary line and the table; the main tasks read the same `inputBytes` of `rows` data rows.
    static func render(_ measurements: [Measurement], rows: Int, inputBytes: Int, runs: Int) -> String {
        var lines = [
            "N = \(Format.grouped(rows)) rows, input \(Format.megabytes(inputBytes)) MB; "
                + "nproc \(MachineFacts.processorCount), \(MachineFacts.cpuModel); best of \(runs) runs "
                + "(\(Benchmark.smallRuns) for the \(Format.grouped(Benchmark.smallRows))-row rollup)",
            "",
            "| Task | Work | Wall s | MB/s | Peak RSS MiB | Compared with (same work) |",
            "|---|---|---:|---:|---:|---|",
        ]
        for measurement in measurements {
            lines.append(row(measurement, all: measurements))
        }
        lines.append("")
        lines.append("MB/s = the task's input bytes / wall time (1 MB = 10^6 bytes). Peak RSS = the child's ru_maxrss. "
                     + "\"faster than\" = the other's wall time / this row's; \"x DuckDB GROUP BY's\" and \"x rollup's\" = this row's "
                     + "time and peak RSS / that row's (above 1: slower, more memory). rollup, check, annotate and capacity run with "
                     + "--as-of \(Benchmark.asOf) (--format csv but annotate); capacity reads the tracker and a "
                     + "\(Format.grouped(CapacityGenerator.rows))-row long-form capacity sheet, and its MB/s counts both files.")
        return lines.joined(separator: "\n")
    }

    /// One task's row.
    private static func row(_ measurement: Measurement, all: [Measurement]) -> String {
        let task = measurement.task
        guard !measurement.times.isEmpty else {
            return "| \(task.name) | \(task.work) | failed | | | |"
        }
        let seconds = measurement.best.seconds
        let rate = Double(task.inputBytes) / 1e6 / seconds
        return "| \(task.name) | \(task.work) | \(Format.fixed(seconds, 3)) | \(Format.fixed(rate, 1)) | "
            + "\(Format.mebibytes(measurement.best.peakResidentBytes)) | \(comparison(measurement, all: all)) |"
    }

    /// `6.25x faster than Python`, `2.10x DuckDB GROUP BY's time, 3.20x its peak RSS`, `baseline`, or why there is no ratio.
    private static func comparison(_ measurement: Measurement, all: [Measurement]) -> String {
        /// The other task's fastest run, when it ran.
        func other(_ key: String) -> ChildRun? { all.first { $0.task.key == key && !$0.times.isEmpty }?.best }
        switch measurement.task.comparison {
        case .none:
            return "no equivalent"
        case .baseline(let text):
            return text
        case .speedup(let key, let label):
            guard let baseline = other(key) else { return "\(label) not run" }
            let ratio = baseline.seconds / measurement.best.seconds
            return Format.fixed(ratio, 2) + "x " + (ratio >= 1 ? "faster than " : "(slower) than ") + label
        case .ratio(let key, let label):
            guard let baseline = other(key) else { return "\(label) not run" }
            let time = measurement.best.seconds / baseline.seconds
            let memory = Double(measurement.best.peakResidentBytes) / Double(baseline.peakResidentBytes)
            return "\(Format.fixed(time, 2))x \(label)'s time, \(Format.fixed(memory, 2))x its peak RSS"
        }
    }
}

/// Number and text formatting without Foundation's formatters.
enum Format {
    /// `value` rounded to `digits` decimals: `12.35`.
    static func fixed(_ value: Double, _ digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = Int((abs(value) * scale).rounded())
        let whole = scaled / Int(scale)
        let fraction = String(scaled % Int(scale))
        let sign = value < 0 && scaled != 0 ? "-" : ""
        guard digits > 0 else { return sign + String(whole) }
        return sign + String(whole) + "." + String(repeating: "0", count: digits - fraction.count) + fraction
    }

    /// `part` as a share of `whole`: `5.1%`.
    static func percent(_ part: Int, of whole: Int) -> String {
        whole == 0 ? "0%" : fixed(100 * Double(part) / Double(whole), 1) + "%"
    }

    /// Bytes in decimal megabytes, one decimal.
    static func megabytes(_ bytes: Int) -> String { fixed(Double(bytes) / 1e6, 1) }

    /// Bytes in mebibytes, one decimal.
    static func mebibytes(_ bytes: Int) -> String { fixed(Double(bytes) / 1_048_576, 1) }

    /// `1,000,000`.
    static func grouped(_ value: Int) -> String {
        let digits = Array(String(value))
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return text
    }

    /// The first line of `text`, without its line end.
    static func firstLine(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
    }

    /// The last few hundred characters of a child's error output, enough to see why it failed.
    static func tail(_ text: String) -> String {
        let trimmed = text.hasSuffix("\n") ? String(text.dropLast()) : text
        return trimmed.count > 600 ? "…" + String(trimmed.suffix(600)) : (trimmed.isEmpty ? "(no message)" : trimmed)
    }
}
