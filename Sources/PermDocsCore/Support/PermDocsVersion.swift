/// The version of permdocs, shown by `--version` and in page footers.
public enum PermDocsVersion {
    public static let current = "0.1.0"
}
