#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ThroughlineCore

/// Writes to an open file descriptor (standard output or error).
public final class DescriptorSink: ByteSink {
    private let descriptor: Int32
    private let name: String
    /// Set once the reader has gone (`… | head`): the rest is dropped quietly and the command ends as it would.
    private var readerGone = false

    /// Writes to `descriptor`; `name` is used in messages.
    public init(descriptor: Int32, name: String) {
        self.descriptor = descriptor
        self.name = name
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard !readerGone else { return }
        readerGone = try !writeAll(bytes, to: descriptor, name: name)
    }
}

/// Keeps nothing: for runs that only count or check (`normalize --check`, `import --dry-run`).
final class DiscardSink: ByteSink {
    func write(_ bytes: UnsafeRawBufferPointer) throws {}
}

/// Writes every byte to a descriptor, retrying after interrupted and short writes; false when the reader has gone (EPIPE).
@discardableResult
func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32, name: String) throws -> Bool {
    var offset = 0
    while offset < bytes.count {
        let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
        if written < 0 {
            if errno == EINTR { continue }
            if errno == EPIPE { return false }
            throw ThroughlineError.cannotWrite(name, String(cString: strerror(errno)))
        }
        offset += written
    }
    return true
}

/// A file written beside its destination and renamed over it only when complete, so a failed run never leaves a
/// half-written or truncated file.
final class AtomicFile: ByteSink {
    let path: String
    let shown: String
    private let temporaryPath: String
    private let descriptor: Int32
    private var finished = false

    init(path: String, shown: String) throws {
        self.path = path
        self.shown = shown
        let folder = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        let base = path.split(separator: "/").last.map(String.init) ?? path
        var template = ((folder.isEmpty ? "/" : folder + "/") + "." + base + ".throughline-XXXXXX").utf8CString
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw ThroughlineError.cannotWrite(shown, String(cString: strerror(errno))) }
        descriptor = fd
        temporaryPath = String(cString: template.withUnsafeBufferPointer { $0.baseAddress! })
        // Keep the permissions of a file being replaced; a new file gets the usual 0644.
        var info = stat()
        fchmod(fd, stat(path, &info) == 0 ? info.st_mode & 0o7777 : 0o644)
    }

    deinit { if !finished { abandon() } }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard try writeAll(bytes, to: descriptor, name: shown) else { throw ThroughlineError.cannotWrite(shown, "broken pipe") }
    }

    /// Makes the file whole and puts it in place.
    func commit() throws {
        finished = true
        let synced = fsync(descriptor) == 0
        let closed = close(descriptor) == 0
        guard synced, closed, rename(temporaryPath, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw ThroughlineError.cannotWrite(shown, reason)
        }
    }

    /// Removes the temporary file; the destination is untouched.
    func abandon() {
        finished = true
        close(descriptor)
        unlink(temporaryPath)
    }
}

extension Context {
    /// Runs `body` with a sink for `path` (standard output when nil or `-`); a file is put in place only when `body` succeeds.
    /// A file this run read as input is not written over, unless `replacingInput` (`--in-place`).
    func withOutput<Result>(_ path: String?, replacingInput: Bool = false, _ body: (ByteSink) throws -> Result) throws -> Result {
        guard let path, path != "-" else { return try body(stdout) }
        var info = stat()
        if stat(resolve(path), &info) == 0, (info.st_mode & S_IFMT) != S_IFREG {
            if (info.st_mode & S_IFMT) == S_IFDIR { throw ThroughlineError.cannotWrite(path, "is a folder", hint: "name a file in it") }
            // A device or a pipe (`/dev/null`, a FIFO) is written to as it is: renamed over, it would be replaced by a file.
            let descriptor = open(resolve(path), O_WRONLY)
            guard descriptor >= 0 else { throw ThroughlineError.cannotWrite(path, String(cString: strerror(errno))) }
            defer { close(descriptor) }
            return try body(DescriptorSink(descriptor: descriptor, name: path))
        }
        if !replacingInput { try refuseInput(path) }
        let file = try AtomicFile(path: resolve(path), shown: path)
        do {
            let result = try body(file)
            try file.commit()
            return result
        } catch {
            file.abandon()
            throw error
        }
    }

    /// Throws when `path` is a file this run read as input: an output never replaces one (`--in-place` aside).
    func refuseInput(_ path: String) throws {
        guard isInputRead(path) else { return }
        throw ThroughlineError.cannotWrite(path, "is a sheet this command reads: writing there would replace it",
                                           hint: "name another file or folder with -o (--in-place of annotate and normalize writes over the sheet)")
    }

    /// Writes `text` to `path` (standard output when nil or `-`), a file only once it is complete.
    func write(_ text: String, to path: String?) throws {
        try withOutput(path) { sink in
            let out = OutputBuffer(sink)
            try out.append(text)
            try out.flush()
        }
    }

    /// What tells the file at `path` from every other: its device and inode (two paths to one file give the same,
    /// two files behind one text through a link do not); standard input is `-`; a path that cannot be read, itself.
    func identity(of path: String) -> String {
        guard path != "-" else { return "-" }
        var info = stat()
        return stat(resolve(path), &info) == 0 ? "\(info.st_dev):\(info.st_ino)" : "path:" + path
    }

    /// Whether a file or folder exists at `path`.
    func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(resolve(path), &info) == 0
    }

    /// Whether `path` is a folder.
    func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(resolve(path), &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// The regular files directly inside a folder, sorted by name, hidden ones left out.
    func files(in folder: String) throws -> [String] {
        guard let directory = opendir(resolve(folder)) else {
            throw ThroughlineError.missingInput(folder, String(cString: strerror(errno)))
        }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name.hasPrefix(".") { continue }
            let path = (folder.hasSuffix("/") ? folder : folder + "/") + name
            if !isFolder(path) { names.append(path) }
        }
        return names.sorted()
    }

    /// Creates a folder and its parents.
    func makeFolder(_ path: String) throws {
        var built = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            built += "/" + part
            let full = resolve(built.hasPrefix("./") ? String(built.dropFirst(2)) : built)
            if mkdir(full, 0o755) != 0 && errno != EEXIST {
                throw ThroughlineError.cannotWrite(path, String(cString: strerror(errno)))
            }
        }
    }
}

/// Copies standard input to a temporary file once, so it can be read twice (detection, then the data) in constant memory.
final class StandardInputSpool {
    private var path: String?

    func path(in context: Context) throws -> String {
        if let path { return path }
        var template = (context.temporaryDirectory + "/throughline-stdin-XXXXXX").utf8CString
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw ThroughlineError.missingInput("-", "cannot buffer standard input: " + String(cString: strerror(errno))) }
        let spooled = String(cString: template.withUnsafeBufferPointer { $0.baseAddress! })
        path = spooled
        let sink = DescriptorSink(descriptor: fd, name: spooled)
        defer { close(fd) }
        let source = try context.readStandardInput()
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = try chunk.withUnsafeMutableBytes { try source.read(into: $0) }
            if count == 0 { break }
            try chunk.withUnsafeBytes { try sink.write(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
        }
        return spooled
    }

    deinit { if let path { unlink(path) } }
}
