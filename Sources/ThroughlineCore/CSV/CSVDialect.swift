/// How a CSV file separates and quotes its cells.
public struct CSVDialect: Equatable, Hashable, Sendable {
    /// The byte between cells: `,` `;` tab or `|`.
    public var delimiter: UInt8
    /// The quoting byte; always `"` in the sheets this reads.
    public var quote: UInt8 = 0x22

    /// Creates a dialect with `delimiter` and the double quote.
    public init(delimiter: UInt8) { self.delimiter = delimiter }

    /// Comma-separated.
    public static let comma = CSVDialect(delimiter: 0x2C)
    /// Semicolon-separated, as Excel writes in locales with a decimal comma.
    public static let semicolon = CSVDialect(delimiter: 0x3B)
    /// Tab-separated.
    public static let tab = CSVDialect(delimiter: 0x09)
    /// Pipe-separated.
    public static let pipe = CSVDialect(delimiter: 0x7C)

    /// The delimiters tried when none is given.
    public static let candidates: [CSVDialect] = [.comma, .semicolon, .tab, .pipe]

    /// Reads a delimiter as typed on the command line: `,` `;` `|` `tab` `\t` or any single byte.
    public init?(delimiterName: String) {
        switch delimiterName.lowercased() {
        case "tab", "\\t", "\t": self.init(delimiter: 0x09)
        case "comma": self.init(delimiter: 0x2C)
        case "semicolon": self.init(delimiter: 0x3B)
        case "pipe": self.init(delimiter: 0x7C)
        default:
            let bytes = Array(delimiterName.utf8)
            guard bytes.count == 1, bytes[0] != 0x22, bytes[0] != 0x0A, bytes[0] != 0x0D else { return nil }
            self.init(delimiter: bytes[0])
        }
    }

    /// A readable name for reports: `,` `;` `tab` `|`.
    public var delimiterName: String {
        delimiter == 0x09 ? "tab" : String(UnicodeScalar(delimiter))
    }
}

/// How a record ended in the file.
public enum LineTerminator: UInt8, Sendable {
    /// The last record of a file with no final line break.
    case none
    /// `\n`
    case lf
    /// `\r\n`
    case crlf
    /// A lone `\r`, as old Mac exports write.
    case cr
}
