#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A stream of bytes read in chunks: a file, memory, or a decoder in front of either.
public protocol ByteSource: AnyObject {
    /// Fills the front of `buffer` and returns how many bytes it wrote; 0 means the end.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
}

/// Bytes held in memory.
public final class MemoryByteSource: ByteSource {
    private let bytes: [UInt8]
    private var offset = 0

    /// Streams `bytes` from the start.
    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Streams the UTF-8 bytes of `text`.
    public convenience init(_ text: String) { self.init(Array(text.utf8)) }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let count = min(buffer.count, bytes.count - offset)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            buffer.baseAddress!.copyMemory(from: source.baseAddress! + offset, byteCount: count)
        }
        offset += count
        return count
    }
}

/// Replays bytes already taken from a source (a sniffed prefix), then continues with the source.
public final class ReplayByteSource: ByteSource {
    private let prefix: MemoryByteSource
    private let rest: ByteSource
    private var prefixDone = false

    /// Reads `prefix` first, then `rest`.
    public init(prefix: [UInt8], then rest: ByteSource) {
        self.prefix = MemoryByteSource(prefix)
        self.rest = rest
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        if !prefixDone {
            let count = try prefix.read(into: buffer)
            if count > 0 { return count }
            prefixDone = true
        }
        return try rest.read(into: buffer)
    }
}

/// Reads a file through its descriptor; closes it when done.
public final class FileByteSource: ByteSource {
    private let descriptor: Int32
    private let path: String
    private var closed = false

    /// The file's size in bytes when it was opened.
    public let size: Int

    /// Opens `path` for reading from byte `offset`; throws `missingInput` when it cannot be opened or is a folder.
    public init(path: String, displayName: String? = nil, offset: Int = 0) throws {
        let shown = displayName ?? path
        var info = stat()
        if stat(path, &info) != 0 {
            throw ThroughlineError.missingInput(shown, Self.reason(errno))
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw ThroughlineError.missingInput(shown, "is a folder, not a sheet")
        }
        let fd = open(path, O_RDONLY)
        if fd < 0 { throw ThroughlineError.missingInput(shown, Self.reason(errno)) }
        if offset > 0 && lseek(fd, off_t(offset), SEEK_SET) < 0 {
            let code = errno
            close(fd)
            throw ThroughlineError.missingInput(shown, "cannot read from byte \(offset): " + Self.reason(code))
        }
        descriptor = fd
        self.path = shown
        size = Int(info.st_size)
    }

    deinit { if !closed { close(descriptor) } }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard !closed, buffer.count > 0 else { return 0 }
        while true {
            let count = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
            if count >= 0 {
                if count == 0 { close(descriptor); closed = true }
                return count
            }
            if errno == EINTR { continue }
            throw ThroughlineError.missingInput(path, "read failed: " + Self.reason(errno))
        }
    }

    static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file"
        case EACCES: return "permission denied"
        case EISDIR: return "is a folder, not a sheet"
        default: return String(cString: strerror(code))
        }
    }
}

extension ByteSource {
    /// Reads up to `limit` bytes (fewer only at the end of the stream).
    public func readPrefix(_ limit: Int) throws -> [UInt8] {
        var result = [UInt8](repeating: 0, count: limit)
        var filled = 0
        while filled < limit {
            let count = try result.withUnsafeMutableBytes { raw in
                try read(into: UnsafeMutableRawBufferPointer(rebasing: raw[filled...]))
            }
            if count == 0 { break }
            filled += count
        }
        result.removeLast(limit - filled)
        return result
    }

    /// Reads everything that is left.
    public func readAll() throws -> [UInt8] {
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = try chunk.withUnsafeMutableBytes { try read(into: $0) }
            if count == 0 { return result }
            result.append(contentsOf: chunk[0..<count])
        }
    }
}
