import Foundation
import PackagePlugin

/// Compiles data folders into the targets that read them, so the `permdocs`
/// executable needs no resource bundle or theme folder beside it: the
/// default theme into PermDocsSite, the action catalog snapshot and the risk
/// data into PermDocsPolicy, the files `permdocs init` writes into PermDocsCLI.
///
/// For each folder, `permdocs-embed` writes one Swift file (an enum whose
/// `files` is an `EmbeddedFiles`) into the plugin's work folder. Every file
/// of the folder is an input of that command, so editing, adding or removing
/// one regenerates it at the next build; the folders stay the only copy of
/// the data in the repository.
@main
struct EmbedFiles: BuildToolPlugin {
    /// What each target embeds: the enum the generated file declares, and
    /// the folder, relative to the package root.
    static let folders: [String: [(enumName: String, folder: String)]] = [
        "PermDocsPolicy": [
            ("BuiltInCatalogSnapshot", "Sources/PermDocsPolicy/Catalog/Snapshot"),
            ("BuiltInRiskData", "Sources/PermDocsPolicy/Findings/RiskData"),
        ],
        "PermDocsSite": [
            ("BuiltInThemeFiles", "Themes/default"),
        ],
        "PermDocsCLI": [
            ("BuiltInStarterFiles", "Sources/PermDocsCLI/Starter"),
        ],
    ]

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let folders = Self.folders[target.name] else { return [] }
        let tool = try context.tool(named: "permdocs-embed")
        return try folders.map { enumName, folder in
            let root = context.package.directoryURL.appending(path: folder)
            let output = context.pluginWorkDirectoryURL.appending(path: "\(enumName).swift")
            return .buildCommand(
                displayName: "Embedding \(folder)",
                executable: tool.url,
                arguments: [output.path, enumName, root.path, folder],
                inputFiles: try Self.files(below: root),
                outputFiles: [output])
        }
    }

    /// Every file below `folder`, as permdocs-embed lists them: hidden ones
    /// left out, but `.gitignore`.
    static func files(below folder: URL) throws -> [URL] {
        let manager = FileManager.default
        var result: [URL] = []
        for name in try manager.contentsOfDirectory(atPath: folder.path) where !name.hasPrefix(".") || name == ".gitignore" {
            let child = folder.appending(path: name)
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: child.path, isDirectory: &isDirectory) else { continue }
            result += isDirectory.boolValue ? try files(below: child) : [child]
        }
        return result
    }
}
