import Foundation
import PermDocsCore

/// One way to escalate privileges in AWS: a set of actions that, granted
/// together, let a principal gain permissions it was not given.
public struct EscalationMethod: Sendable, Hashable {
    /// A stable kebab-case id (`passrole-ec2-runinstances`).
    public let id: String
    /// The actions needed, all of them, as the action catalog spells them
    /// (`iam:PassRole`, `ec2:RunInstances`).
    public let actions: [String]
    /// What the method does, in one line.
    public let description: String
    /// Where the method is documented (`Rhino Security Labs 2018; …`).
    public let source: String
    /// `actions` in lower case, for matching.
    let lowercasedActions: [String]

    /// Makes a method; `actions` should be canonical names.
    public init(id: String, actions: [String], description: String, source: String) {
        self.id = id
        self.actions = actions
        self.description = description
        self.source = source
        self.lowercasedActions = actions.map { $0.lowercased() }
    }

    /// Whether every action of the method is in `granted` (lower-case
    /// canonical names).
    public func isGranted(by granted: Set<String>) -> Bool {
        lowercasedActions.allSatisfy(granted.contains)
    }
}

/// The risk data security findings use, read from the tab-separated files in
/// `Findings/RiskData` (compiled into permdocs by `Plugins/EmbedFiles`):
///
/// - `privilege-escalation.tsv`: `id<TAB>actions<TAB>description<TAB>source`,
///   the actions comma-separated and all needed together;
/// - `credentials-exposure.tsv`: `action<TAB>why`, actions whose response
///   carries credentials or tokens;
/// - `data-access.tsv`: `action<TAB>why`, read actions that return customer
///   data or stored secrets.
///
/// Blank lines and lines starting with `#` are skipped. Action names are kept
/// as the files spell them, which the tests require to be the action
/// catalog's canonical spelling; lookups ignore case.
public struct RiskRules: Sendable {
    /// The name of the privilege-escalation file in the risk-data directory.
    public static let privilegeEscalationFile = "privilege-escalation.tsv"
    /// The name of the credentials-exposure file in the risk-data directory.
    public static let credentialsExposureFile = "credentials-exposure.tsv"
    /// The name of the data-access file in the risk-data directory.
    public static let dataAccessFile = "data-access.tsv"

    /// The privilege-escalation methods, in file order.
    public let privilegeEscalation: [EscalationMethod]
    /// Actions that expose credentials: lower-case canonical name → why.
    public let credentialsExposure: [String: String]
    /// Actions that read customer data: lower-case canonical name → why.
    public let dataAccess: [String: String]
    /// Every action the three files name: lower-case name → canonical spelling.
    public let canonicalNames: [String: String]
    /// Every action named, with the file and line naming it, in file order.
    let references: [ActionReference]
    /// The lower-case names of the actions some escalation method needs.
    let escalationActionNames: Set<String>
    /// Indices of the methods by the lower-case name of their first action:
    /// a method whose first action is not granted is not granted.
    private let methodsByFirstAction: [String: [Int]]
    /// Indices of the methods that need no action at all.
    private let methodsWithoutActions: [Int]

    /// Where a file names an action.
    struct ActionReference: Sendable, Hashable {
        var name: String
        var file: String
        var line: Int
    }

    /// Parses the text of the three files. `privilegeEscalationFile` and the
    /// other names are used in error messages only. Throws a `RiskRulesError`
    /// naming the file and line of the first malformed line.
    public init(
        privilegeEscalation: String, credentialsExposure: String, dataAccess: String,
        privilegeEscalationFile: String = RiskRules.privilegeEscalationFile,
        credentialsExposureFile: String = RiskRules.credentialsExposureFile,
        dataAccessFile: String = RiskRules.dataAccessFile
    ) throws {
        var references: [ActionReference] = []
        self.privilegeEscalation = try Self.parseEscalationMethods(
            privilegeEscalation, file: privilegeEscalationFile, references: &references)
        self.credentialsExposure = try Self.parseActionTable(
            credentialsExposure, file: credentialsExposureFile, references: &references)
        self.dataAccess = try Self.parseActionTable(
            dataAccess, file: dataAccessFile, references: &references)
        self.references = references
        let methods = self.privilegeEscalation
        escalationActionNames = Set(methods.flatMap(\.lowercasedActions))
        var byFirst: [String: [Int]] = [:]
        for (i, method) in methods.enumerated() {
            if let first = method.lowercasedActions.first { byFirst[first, default: []].append(i) }
        }
        methodsByFirstAction = byFirst
        methodsWithoutActions = methods.indices.filter { methods[$0].lowercasedActions.isEmpty }
        var canonical: [String: String] = [:]
        for reference in references { canonical[reference.name.lowercased()] = reference.name }
        self.canonicalNames = canonical
    }

    /// Reads the three files in `directory`.
    public init(directory: URL) throws {
        try self.init(reader: DiskContentReader(root: directory), location: directory.path)
    }

    /// Reads the three files from `files` (the built-in risk data, or data
    /// made in memory); messages name them under `files.name`.
    public init(files: EmbeddedFiles) throws {
        try self.init(reader: files, location: files.name)
    }

    private init(reader: any ContentReader, location: String) throws {
        let path = { (name: String) in location + "/" + name }
        func read(_ name: String) throws -> String {
            do {
                return String(decoding: try reader.read(name), as: UTF8.self)
            } catch {
                throw RiskRulesError(file: path(name), message: "cannot read the risk-data file")
            }
        }
        try self.init(
            privilegeEscalation: try read(Self.privilegeEscalationFile),
            credentialsExposure: try read(Self.credentialsExposureFile),
            dataAccess: try read(Self.dataAccessFile),
            privilegeEscalationFile: path(Self.privilegeEscalationFile),
            credentialsExposureFile: path(Self.credentialsExposureFile),
            dataAccessFile: path(Self.dataAccessFile))
    }

    /// The risk data built into permdocs, read once per process.
    public static func bundled() throws -> RiskRules {
        try bundledRules.get()
    }

    /// The risk data compiled into permdocs from `Findings/RiskData`.
    public static var builtInFiles: EmbeddedFiles { BuiltInRiskData.files }

    private static let bundledRules: Result<RiskRules, RiskRulesError> = {
        do {
            return .success(try RiskRules(files: builtInFiles))
        } catch let error as RiskRulesError {
            return .failure(error)
        } catch {
            return .failure(RiskRulesError(file: builtInFiles.name, message: "\(error)"))
        }
    }()

    // MARK: Lookups

    /// The methods whose actions are all in `granted`, the lower-case
    /// canonical names of the actions a policy allows (wildcards already
    /// expanded by the caller), in file order.
    ///
    /// Asked once per policy block, most of which grant an action or two of
    /// some method: only the methods starting with a granted action are
    /// looked at, not every method.
    public func escalations(in granted: Set<String>) -> [EscalationMethod] {
        var found = methodsWithoutActions
        for name in granted {
            for i in methodsByFirstAction[name] ?? [] where privilegeEscalation[i].isGranted(by: granted) {
                found.append(i)
            }
        }
        return found.sorted().map { privilegeEscalation[$0] }
    }

    /// Why `action` (any case) exposes credentials, or nil if it is not listed.
    public func credentialsExposureReason(for action: String) -> String? {
        credentialsExposure[action.lowercased()]
    }

    /// Why `action` (any case) reads customer data, or nil if it is not listed.
    public func dataAccessReason(for action: String) -> String? {
        dataAccess[action.lowercased()]
    }

    /// How the risk data spells `action` (any case), or nil if it names no such action.
    public func canonicalName(of action: String) -> String? {
        canonicalNames[action.lowercased()]
    }

    /// Checks every action the files name against `catalog`: each must be a
    /// catalog action spelt exactly as the catalog spells it. Returns one
    /// `file:line: message` line per problem; empty when all is well.
    public func catalogProblems(in catalog: ActionCatalog) -> [String] {
        references.compactMap { reference in
            let location = "\(reference.file):\(reference.line)"
            guard let action = catalog.action(named: reference.name) else {
                return "\(location): '\(reference.name)' is not an action in the catalog"
            }
            guard action.canonicalName == reference.name else {
                return "\(location): '\(reference.name)' should be spelt '\(action.canonicalName)'"
            }
            return nil
        }
    }

    // MARK: Parsing

    /// Parses `privilege-escalation.tsv` text; `file` names it in errors.
    static func parseEscalationMethods(_ text: String, file: String) throws -> [EscalationMethod] {
        var references: [ActionReference] = []
        return try parseEscalationMethods(text, file: file, references: &references)
    }

    /// Parses `credentials-exposure.tsv` or `data-access.tsv` text into
    /// lower-case action → why; `file` names it in errors.
    static func parseActionTable(_ text: String, file: String) throws -> [String: String] {
        var references: [ActionReference] = []
        return try parseActionTable(text, file: file, references: &references)
    }

    private static func parseEscalationMethods(
        _ text: String, file: String, references: inout [ActionReference]
    ) throws -> [EscalationMethod] {
        var methods: [EscalationMethod] = []
        var lineOfID: [String: Int] = [:]
        try forEachRecord(text) { fields, line in
            func fail(_ message: String) -> RiskRulesError {
                RiskRulesError(file: file, line: line, message: message)
            }
            guard fields.count == 4 else {
                throw fail("expected id<TAB>actions<TAB>description<TAB>source, found \(fields.count) field\(fields.count == 1 ? "" : "s")")
            }
            let (id, actionList, description, source) = (fields[0], fields[1], fields[2], fields[3])
            guard isKebabCase(id) else {
                throw fail("'\(id)' is not a kebab-case id (lower-case letters and digits joined by '-')")
            }
            if let first = lineOfID[id] {
                throw fail("id '\(id)' is already used on line \(first)")
            }
            let actions = actionList.split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            var seen: Set<String> = []
            for action in actions {
                try checkActionName(action, file: file, line: line)
                guard seen.insert(action.lowercased()).inserted else {
                    throw fail("'\(action)' is listed twice in method '\(id)'")
                }
                references.append(ActionReference(name: action, file: file, line: line))
            }
            guard !description.isEmpty else { throw fail("method '\(id)' has no description") }
            guard !source.isEmpty else { throw fail("method '\(id)' has no source") }
            lineOfID[id] = line
            methods.append(EscalationMethod(id: id, actions: actions, description: description, source: source))
        }
        return methods
    }

    private static func parseActionTable(
        _ text: String, file: String, references: inout [ActionReference]
    ) throws -> [String: String] {
        var table: [String: String] = [:]
        var lineOfAction: [String: Int] = [:]
        try forEachRecord(text) { fields, line in
            func fail(_ message: String) -> RiskRulesError {
                RiskRulesError(file: file, line: line, message: message)
            }
            guard fields.count == 2 else {
                throw fail("expected action<TAB>why, found \(fields.count) field\(fields.count == 1 ? "" : "s")")
            }
            let (action, why) = (fields[0], fields[1])
            try checkActionName(action, file: file, line: line)
            let key = action.lowercased()
            if let first = lineOfAction[key] {
                throw fail("'\(action)' is already listed on line \(first)")
            }
            guard !why.isEmpty else { throw fail("'\(action)' has no reason") }
            lineOfAction[key] = line
            table[key] = why
            references.append(ActionReference(name: action, file: file, line: line))
        }
        return table
    }

    /// Calls `body` with the tab-separated, space-trimmed fields and 1-based
    /// line number of every line that is not blank or a `#` comment.
    private static func forEachRecord(_ text: String, _ body: ([String], Int) throws -> Void) throws {
        var number = 0
        // "\r\n" is one Character in Swift, so it is a separator of its own;
        // a "\r" left at the very end of the text is dropped.
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            number += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            try body(fields, number)
        }
    }

    /// Throws unless `name` has the form of an action name: `service:Action`,
    /// without wildcards (the catalog decides whether it exists).
    private static func checkActionName(_ name: String, file: String, line: Int) throws {
        let parts = name.split(separator: ":", omittingEmptySubsequences: false)
        let isName = parts.count == 2
            && !parts[0].isEmpty && parts[0].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
            && !parts[1].isEmpty && parts[1].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
        guard isName else {
            let shown = name.isEmpty ? "an empty action name" : "'\(name)'"
            throw RiskRulesError(file: file, line: line,
                                 message: "\(shown) is not an action name such as iam:PassRole (no wildcards)")
        }
    }

    /// Whether `id` is lower-case letters and digits in runs joined by single `-`.
    private static func isKebabCase(_ id: String) -> Bool {
        let runs = id.split(separator: "-", omittingEmptySubsequences: false)
        return runs.allSatisfy { run in
            !run.isEmpty && run.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
        }
    }
}
