/// The formats `rollup` and `check` write.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// Aligned text for a terminal, with colour when allowed.
    case table
    /// One row per line, RFC 4180 quoting.
    case csv
    /// A Markdown table.
    case md
    /// JSON with a `schema` and `asOf`.
    case json
    /// One self-contained HTML page.
    case html
}

/// Text styling for the terminal table: colours only on a terminal and never under `NO_COLOR`.
public struct TerminalStyle: Sendable {
    /// Whether to use ANSI colours.
    public var colour: Bool

    /// Creates a style.
    public init(colour: Bool) { self.colour = colour }

    /// A status as a badge: coloured on a terminal, plain text otherwise.
    public func badge(_ status: Status?) -> String {
        guard let status else { return "" }
        guard colour else { return status.rawValue }
        let code: String
        switch status {
        case .onTrack, .done: code = "32"
        case .atRisk: code = "33"
        case .offTrack, .blocked: code = "31"
        case .notStarted, .cancelled, .onHold: code = "90"
        }
        return "\u{1B}[\(code)m● \(status.rawValue)\u{1B}[0m"
    }

    /// Dim text, for reasons.
    public func dim(_ text: String) -> String { colour ? "\u{1B}[2m\(text)\u{1B}[0m" : text }
}

/// Small text helpers shared by the renderers.
public enum TextFormat {
    /// A percentage held to 0–100, and 0 when it is not a number, for drawing.
    public static func clamped(_ progress: Double?) -> Double {
        guard let progress, progress.isFinite else { return 0 }
        return min(100, max(0, progress))
    }

    /// A text progress bar: `██████░░░░`.
    public static func bar(_ progress: Double?, width: Int = 10) -> String {
        guard let progress else { return String(repeating: "·", count: width) }
        let filled = Int((clamped(progress) / 100 * Double(width)).rounded())
        return String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
    }

    /// A percentage for display: `45%`, or empty.
    public static func percent(_ progress: Double?) -> String {
        progress.map { CellNormalizer.formatPercent(($0 * 10).rounded() / 10) } ?? ""
    }

    /// Text escaped for HTML: `& < > " '`.
    public static func html(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Text escaped for Markdown: pipes and backslashes escaped, line breaks as spaces, and a `<` that could open an
    /// HTML tag written `&lt;`, since Markdown renderers pass HTML through (the `<-` of reason chains stays readable).
    public static func markdown(_ text: String) -> String {
        var out = ""
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            if scalar == "<", index + 1 < scalars.count, scalars[index + 1].properties.isAlphabetic || "/!?".unicodeScalars.contains(scalars[index + 1]) {
                out += "&lt;"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out.replacingAll("\\", with: "\\\\").replacingAll("|", with: "\\|").replacingAll("\r\n", with: " ").replacingAll("\n", with: " ").replacingAll("\r", with: " ")
    }

    /// How many terminal columns `text` takes: two for a wide character (Chinese, Japanese and Korean letters, most
    /// emoji), none for a lone joiner or format mark, one for the rest.
    public static func width(_ text: String) -> Int {
        text.unicodeScalars.allSatisfy { $0.value < 0x300 && $0.value != 0xAD } ? text.count : text.reduce(0) { $0 + width(of: $1) }
    }

    /// The columns one character takes.
    static func width(of character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if scalars.contains("\u{FE0F}") || first.properties.isEmojiPresentation { return 2 }
        switch first.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return 2
        default:
            let category = first.properties.generalCategory
            return category == .format || category == .nonspacingMark || category == .enclosingMark ? 0 : 1
        }
    }

    /// Pads to a display width.
    public static func pad(_ text: String, _ width: Int) -> String {
        let taken = Self.width(text)
        return taken >= width ? text : text + String(repeating: " ", count: width - taken)
    }

    /// Cuts to a display width with an ellipsis.
    public static func cut(_ text: String, _ width: Int) -> String {
        let flat = text.replacingAll("\r\n", with: " ").replacingAll("\n", with: " ")
        guard Self.width(flat) > width else { return flat }
        // Whole characters up to one column short, then the ellipsis.
        var kept = "", taken = 0
        for character in flat {
            let next = Self.width(of: character)
            if taken + next > max(1, width - 1) { break }
            kept.append(character)
            taken += next
        }
        return kept + "…"
    }

    /// The CSS shared by the HTML pages: readable printed and on a phone.
    public static let pageStyle = """
        body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;padding:1rem;max-width:72rem;color:#1d232b}
        h1{font-size:1.4rem;margin:.2rem 0 .8rem}p.meta{color:#5b6470;margin:.2rem 0 1rem}
        table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:.35rem .5rem;border-bottom:1px solid #dde1e6}
        th{background:#f3f5f7;font-weight:600}td.num{text-align:right;white-space:nowrap}.why{color:#4a525c;font-size:.9em}
        .b{display:inline-block;padding:.05rem .45rem;border-radius:.6rem;font-size:.85em;white-space:nowrap;color:#fff;background:#6b7480}
        .on-track,.done{background:#2f8f4e}.at-risk{background:#b7791f}.off-track,.blocked{background:#c0392b}
        .bar{display:inline-block;width:5rem;height:.55rem;background:#e4e7eb;border-radius:.3rem;overflow:hidden;vertical-align:middle}
        .bar i{display:block;height:100%;background:#3b6fb6}
        @media (max-width:40rem){table,thead,tbody,tr,th,td{display:block}thead{display:none}tr{border-bottom:2px solid #c9ced4;padding:.4rem 0}td{border:0;padding:.15rem 0}}
        @media print{body{max-width:none}.b{border:1px solid #000;color:#000;background:none}}
        """
}
