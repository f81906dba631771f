/// How reports name files: findings carry paths relative to the content
/// folder, and reports print them from the working directory, the way the
/// user spelt the folder but without doubled or trailing slashes
/// (`Content/tools/x.md`, never `Content//tools/x.md`, which GitHub would
/// not match to the file).
public enum ReportPaths {
    public static func fromWorkingDirectory(_ path: String, contentFolder: String) -> String {
        var folder = Substring(contentFolder)
        while folder.hasSuffix("/") && folder.count > 1 { folder = folder.dropLast() }
        while folder.hasPrefix("./") {
            folder = folder.dropFirst(2)
            while folder.hasPrefix("/") { folder = folder.dropFirst() }
        }
        if folder.isEmpty || folder == "." { return path }
        return folder == "/" ? "/" + path : "\(folder)/\(path)"
    }
}
