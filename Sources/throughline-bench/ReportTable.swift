/// The results as one Markdown table.
enum ReportTable {
    /// Renders a summary line and the table; every task read the same `inputBytes` of `rows` data rows.
    static func render(_ measurements: [Measurement], rows: Int, inputBytes: Int) -> String {
        let runs = measurements.map(\.times.count).max() ?? 0
        var lines = [
            "N = \(Format.grouped(rows)) rows, input \(Format.megabytes(inputBytes)) MB; "
                + "nproc \(MachineFacts.processorCount), \(MachineFacts.cpuModel); best of \(runs) runs",
            "",
            "| Task | Work | Wall s | MB/s | Peak RSS MiB | vs Python, same task |",
            "|---|---|---:|---:|---:|---|",
        ]
        for measurement in measurements {
            lines.append(row(measurement, all: measurements, inputBytes: inputBytes))
        }
        lines.append("")
        lines.append("MB/s = input bytes / wall time (1 MB = 10^6 bytes). Peak RSS = the child's ru_maxrss. "
                     + "vs Python = Python's wall time / this row's, for the same work.")
        return lines.joined(separator: "\n")
    }

    /// One task's row.
    private static func row(_ measurement: Measurement, all: [Measurement], inputBytes: Int) -> String {
        let task = measurement.task
        guard !measurement.times.isEmpty else {
            return "| \(task.name) | \(task.work) | failed | | | |"
        }
        let seconds = measurement.best.seconds
        let rate = Double(inputBytes) / 1e6 / seconds
        return "| \(task.name) | \(task.work) | \(Format.fixed(seconds, 3)) | \(Format.fixed(rate, 1)) | "
            + "\(Format.mebibytes(measurement.best.peakResidentBytes)) | \(comparison(measurement, all: all)) |"
    }

    /// `6.25x faster`, `0.80x (slower)`, `baseline`, or why there is no ratio.
    private static func comparison(_ measurement: Measurement, all: [Measurement]) -> String {
        let task = measurement.task
        if task.key.hasPrefix("python-") { return "baseline" }
        guard let key = task.baseline else { return "no Python equivalent" }
        guard let baseline = all.first(where: { $0.task.key == key && !$0.times.isEmpty }) else { return "Python not run" }
        let ratio = baseline.best.seconds / measurement.best.seconds
        return Format.fixed(ratio, 2) + "x " + (ratio >= 1 ? "faster" : "(slower)")
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
