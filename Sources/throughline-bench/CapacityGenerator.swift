#if canImport(Glibc)
import Glibc
#endif

/// What the capacity generator wrote: its size, its shape and where it over-allocates people.
struct GeneratedCapacity {
    /// The file's size in bytes.
    let bytes: Int
    /// Data rows (the header comes on top).
    let rows: Int
    /// People, all of them the tracker's owners.
    let people: Int
    /// Months, 2026-01 to 2026-12.
    let periods: Int
    /// (person, period) pairs with at least one row: every person has rows in every month.
    var pairs: Int { people * periods }
    /// Pairs whose allocations add up to more than the person's availability.
    let overAllocatedPairs: Int
    /// People over-allocated in at least one month.
    let overAllocatedPeople: Int
    /// The highest utilisation written, in percent.
    let highestPercent: Double
    /// Rows naming an initiative id, a workstream id, and a bucket (BAU or Support).
    let initiativeRows: Int, workstreamRows: Int, bucketRows: Int
}

/// Writes a seeded long-form capacity sheet (`person,team,period,available,allocated,item`, values in FTE) for the
/// generated tracker: its people are the tracker's owners in canonical "First Last" form with their department as
/// team, its items the tracker's initiative and workstream ids plus the buckets `BAU` and `Support`, its periods the
/// months of 2026.
///
/// Each (person, month) has the same number of rows (give or take one), an allocation split over them in thousandths
/// of an FTE so its sum is exact: 60% to 97% of the person's availability, except for a few people who are over-allocated
/// (105% to 140%) for a run of two to four months. Availability is 1 FTE, 0.8 for two part-timers, repeated on each row
/// as finance sheets do. The same row count and tracker shape always give the same bytes.
enum CapacityGenerator {
    /// Data rows in the benchmark's capacity sheet, whatever the tracker's size.
    static let rows = 50_000
    /// The header, as the README's long form names it.
    static let header = ["person", "team", "period", "available", "allocated", "item"]
    /// The year whose months are the periods.
    static let year = 2026
    /// People over-allocated somewhere in the year.
    static let overAllocatedPeople = 3
    /// People at 0.8 FTE.
    static let partTimers = 2

    /// Writes the header and `rows` data rows to `path`; the ids it names exist in a tracker of `shape`.
    static func write(rows: Int = rows, shape: TrackerShape, people: [TrackerVocabulary.Person], to path: String) throws -> GeneratedCapacity {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            throw BenchFailure(message: "cannot create \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var random = SeededRandom(seed: 0x6361_7061_6369_7479)
        let months = 12
        let pairs = people.count * months

        // Who is part-time, and who is over-allocated in which months.
        var order = Array(people.indices)
        for index in order.indices.reversed() where index > 0 { order.swapAt(index, random.below(index + 1)) }
        let over = Set(order.prefix(min(overAllocatedPeople, people.count)))
        let partTime = Set(order.dropFirst(overAllocatedPeople).prefix(partTimers))
        var overMonths: [Int: Range<Int>] = [:]
        for person in over.sorted() {
            let length = 2 + random.below(3)
            let start = random.below(months - length + 1)
            overMonths[person] = start..<(start + length)
        }

        let initiatives = shape.count(2), workstreams = shape.count(3)
        var chunk: [UInt8] = []
        chunk.reserveCapacity(1 << 20)
        chunk += Array((header.joined(separator: ",") + "\r\n").utf8)
        var written = 0
        var overPairs = 0, highest = 0.0
        var initiativeRows = 0, workstreamRows = 0, bucketRows = 0
        var weights: [Int] = []
        for person in people.indices {
            let name = TrackerVocabulary.field(people[person].name)
            let team = TrackerVocabulary.field(people[person].team)
            let available = partTime.contains(person) ? 800 : 1000
            let availableText = Array(thousandths(available).utf8)
            for month in 0..<months {
                let pair = person * months + month
                let count = rows / pairs + (pair < rows % pairs ? 1 : 0)
                guard count > 0 else { continue }
                let isOver = overMonths[person]?.contains(month) ?? false
                let percent = isOver ? 105 + random.below(36) : 60 + random.below(38)
                let total = available * percent / 100
                if total > available { overPairs += 1 }
                highest = max(highest, Double(total) * 100 / Double(available))
                // Split `total` over the rows by random weights, then hand out what the rounding left, one each.
                weights.removeAll(keepingCapacity: true)
                for _ in 0..<count { weights.append(1 + random.below(8)) }
                let sum = weights.reduce(0, +)
                var shares = weights.map { total * $0 / sum }
                for index in 0..<(total - shares.reduce(0, +)) { shares[index] += 1 }
                let period = Array("\(year)-\(month < 9 ? "0" : "")\(month + 1)".utf8)
                for share in shares {
                    chunk += name; chunk.append(0x2C)
                    chunk += team; chunk.append(0x2C)
                    chunk += period; chunk.append(0x2C)
                    chunk += availableText; chunk.append(0x2C)
                    chunk += Array(thousandths(share).utf8); chunk.append(0x2C)
                    let roll = random.below(100)
                    if roll < 12 {
                        chunk += Array("BAU".utf8)
                        bucketRows += 1
                    } else if roll < 18 {
                        chunk += Array("Support".utf8)
                        bucketRows += 1
                    } else if roll < 50 || workstreams == 0 {
                        chunk += Array(("I-" + padded(random.below(initiatives) + 1, width: 5)).utf8)
                        initiativeRows += 1
                    } else {
                        chunk += Array(("WS-" + padded(random.below(workstreams) + 1, width: 6)).utf8)
                        workstreamRows += 1
                    }
                    chunk.append(0x0D); chunk.append(0x0A)
                }
                if chunk.count >= 1 << 20 {
                    written += try TrackerGenerator.writeAll(chunk, to: descriptor, path: path)
                    chunk.removeAll(keepingCapacity: true)
                }
            }
        }
        written += try TrackerGenerator.writeAll(chunk, to: descriptor, path: path)
        precondition(initiativeRows + workstreamRows + bucketRows == rows, "every capacity row must be written")
        return GeneratedCapacity(bytes: written, rows: rows, people: people.count, periods: months,
                                 overAllocatedPairs: overPairs, overAllocatedPeople: over.count, highestPercent: highest,
                                 initiativeRows: initiativeRows, workstreamRows: workstreamRows, bucketRows: bucketRows)
    }

    /// Thousandths of an FTE as typed: `0`, `0.004`, `0.25`, `1`.
    static func thousandths(_ value: Int) -> String {
        let whole = value / 1000, fraction = value % 1000
        guard fraction != 0 else { return String(whole) }
        var digits = padded(fraction, width: 3)
        while digits.hasSuffix("0") { digits.removeLast() }
        return String(whole) + "." + digits
    }

    /// `value` in decimal, zero-padded to `width` digits.
    static func padded(_ value: Int, width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
