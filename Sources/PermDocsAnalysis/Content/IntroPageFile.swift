/// Which file of a folder tool introduces it, by the conventions of the tools
/// its guides come from: `index.md` (permdocs, MkDocs), else `_index.md`
/// (Hugo's section page), else `README.md` in any case (GitHub; MkDocs also
/// takes it when there is no `index.md`). Only the top of the tool's folder
/// counts; a `README.md` further down is an ordinary page. With none of them,
/// the site makes a landing page (`LandingPage`).
enum IntroPageFile {
    /// The page names that introduce a folder, in order of preference.
    static let names = ["index.md", "_index.md", "readme.md"]

    /// The introducing file among `paths` (all below `folder`, which ends in `/`), or nil.
    static func choose(among paths: [String], folder: String) -> String? {
        // Sorted, so that `README.md` beside `readme.md` picks the same file on every disk.
        let top = paths.filter { $0.hasPrefix(folder) && !$0.dropFirst(folder.count).contains("/") }.sorted()
        for name in names {
            // `README.md` in any case; the others as written.
            if let file = top.first(where: { path in
                let file = path.dropFirst(folder.count)
                return name == "readme.md" ? file.lowercased() == name : file == name
            }) {
                return file
            }
        }
        return nil
    }
}
