import PermDocsCore

extension Theme {
    /// The default theme, compiled into permdocs from `Themes/default` (see
    /// `Plugins/EmbedFiles`): what `build` and `serve` use without `--theme`,
    /// and what `permdocs theme export` writes out for editing.
    public static var builtInFiles: EmbeddedFiles { BuiltInThemeFiles.files }
}
