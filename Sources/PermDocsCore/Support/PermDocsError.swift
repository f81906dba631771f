/// An error that stops a build: the user must fix the input before a site can
/// be written. It always says which file, and where it can, which line and column.
public struct PermDocsError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public var location: SourceLocation?
    /// The file when no line is known.
    public var file: String?

    public init(_ message: String, at location: SourceLocation) {
        self.message = message
        self.location = location
        self.file = location.file
    }

    public init(_ message: String, file: String? = nil) {
        self.message = message
        self.location = nil
        self.file = file
    }

    public var description: String {
        if let location { return "\(location): error: \(message)" }
        if let file { return "\(file): error: \(message)" }
        return "error: \(message)"
    }
}
