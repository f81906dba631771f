import Foundation

/// The phrases of guide prose that say what a policy block is for, as
/// case-insensitive patterns. Each names a general way guides speak (an
/// attachment target, a kind of role, an optional step), never a page: the
/// classifier is measured on guides it was not written against.
enum ContextPhrases {
    static func pattern(_ p: String) -> PhrasePattern {
        PhrasePattern(p)
    }

    /// One pattern matching any of `alternatives` (kept apart to be read).
    static func anyOf(_ alternatives: [String]) -> PhrasePattern {
        pattern(alternatives.joined(separator: "|"))
    }

    /// True when `re` occurs in `text`.
    static func mentions(_ re: PhrasePattern, _ text: String?) -> Bool {
        re.occurs(in: text)
    }

    /// True when `re` occurs in `text`, prepared once for several patterns.
    static func mentions(_ re: PhrasePattern, _ text: PhraseText) -> Bool {
        re.occurs(in: text)
    }

    /// The first text `re` matches in `text` (for explaining a decision).
    static func match(_ re: PhrasePattern, _ text: String) -> String? {
        re.firstMatch(in: text)
    }

    // MARK: Grantee

    /// The policy is attached to, or held by, a role that a service or
    /// software assumes.
    static let roleTarget = anyOf([
        // "attach the policy to the role", "add these permissions to your controller role"
        // (not a trust policy attached to a role, not "the role name").
        #"\b(attach|add|assign|apply|grant|give|update)\w*\b(?:(?!trust)[^.;:]){0,80}?\bto (the|your|this|that|an?|each|its) ([\w'’/-]+ ){0,4}?(IAM )?role\b(?![- ](name|arn))"#,
        #"\brole[-_ ]polic(y|ies)\b"#,                                   // role-policy.json, "the role policy"
        #"\b(put|attach)-role-policy\b"#,                                // the CLI commands
        #"\brole['’]s (permissions? |access |inline )?polic(y|ies)\b"#,
        #"\bpolic(y|ies) (that is |that's |which is )?(attached|associated) (to|with) (the|your|an?|this) ([\w'’/-]+ ){0,4}?role\b"#,
        #"\b(designed|intended|meant) to be attached to (a |the )?(\w+ )?roles?\b"#,  // managed-policy descriptions
        #"\bon your behalf\b"#,                                          // a service acting for you
        #"\b(permissions?|access) (policy )?(for|of) (the|your|this) ([\w'’/-]+ ){0,3}?role\b"#,
        #"\brole (that|which) (has|needs|requires|must have) (the following|these|this)\b"#,
        #"\brole with (the following|these|this) (permissions?|polic(y|ies))\b"#,
        #"\brole\b[^.;,]{0,60}?\b(must have|needs|requires) (the |these |this |permissions? )"#,
        // A service as the grantee: "allows AWS DMS to", "grants AWS Transfer Family full
        // access", "provides permissions to Amazon Data Lifecycle Manager to create".
        #"\b(allows|lets|enables|permits) (AWS|Amazon) [A-Z][\w-]*( [A-Z][\w-]*){0,3} to\b"#,
        #"\b(grants|gives) (AWS|Amazon) [A-Z][\w-]*( [A-Z][\w-]*){0,3}( full| read-only| limited)? (access|permissions?)\b"#,
        #"\b(permissions?|access) to (AWS|Amazon) [A-Z][\w-]*( [A-Z][\w-]*){0,3} to\b"#,
        #"\bfor (the|your) ([\w-]+ )?(Lambda )?function\b"#,             // a function runs with its execution role
        #"\b(update|modify|edit) (the|your|this) ([\w-]+ ){0,2}?role\b"#,
        #"\b(create|creating) an? (IAM )?([\w-]+ ){0,3}?role\b[^.;]{0,60}?\b(with|using) (the following|these|this)\b"#,
    ])

    /// A kind of role that a service or the tool's own software assumes.
    static let roleKind = anyOf([
        #"\bservice[- ]roles?\b"#, #"\bservice-linked roles?\b"#, #"\bexecution roles?\b"#,
        #"\binstance (profile|role)s?\b"#, #"\btask roles?\b"#, #"\bnode roles?\b"#,
        #"\bIRSA\b"#, #"\bservice ?accounts?\b"#, #"\bpod identit(y|ies)\b"#,   // Kubernetes
        #"\bautomation roles?\b"#, #"\binvocation roles?\b"#, #"\blogging roles?\b"#, #"\bcontroller roles?\b"#,
        #"\brole (that|which) (the )?[A-Z][\w ]{0,40} (assumes|uses|can assume)\b"#,
        #"\b(applications?|code|pods?|functions?) running on\b"#,
        #"\b(AWS|Amazon) [A-Z][\w-]*( [A-Z][\w-]*){0,3} (assumes|uses) (the|an?|this|your) (IAM )?role\b"#,
    ])

    /// An AWS name for a role or its policy (`AWSDataLifecycleManagerServiceRole`,
    /// `AWSCloudFormationStackSetExecutionRole`): case matters.
    static let roleName = PhrasePattern(#"\b[A-Z][A-Za-z0-9]*(ServiceRole|ExecutionRole|ServiceRolePolicy|InstanceRole|TaskRole|NodeRole)(Policy)?\b"#, caseInsensitive: false)

    /// A heading that names a role as what its section sets up ("Set up an IAM
    /// Role", "Step 1: Create an IAM role for DataSync"): read in headings only,
    /// where "role" is the subject, not something a user passes.
    static let roleHeading = anyOf([
        #"\b(create|creating|set ?up|setting up|configure|configuring|add|adding|attach|attaching|manage|managing)\b[^.]{0,40}\broles?\b"#,
        #"^\s*(the )?(IAM )?roles?\s*$"#,
        #"\bIAM roles?\b"#,
    ])

    /// The policy is attached to a user, group or another IAM entity, or is
    /// for people who assume a role themselves.
    static let userTarget = anyOf([
        #"\b(attach|add|assign)\w*\b[^.;:]{0,80}?\bto (the|an?|your|each) (IAM )?(users?|groups?|entity|entities)\b"#,
        #"\b(IAM user|IAM group|user|group)['’]?s? (inline |permissions? )?polic(y|ies)\b"#,
        #"\bpermissions? polic(y|ies) (for|of) (the|an?) (IAM )?(entity|user|group)\b"#,
        #"\b(your|the|this|that) (IAM )?user (has|needs|must have|requires|will need)\b"#,
        #"\bfor (the|an?|your) ([\w-]+ )?(IAM )?user\b"#,                 // "for the ShirleyRodriguez user"
        #"\byou(['’]ll| will)? (must |also )?(need|have|must have)( to have)?( the following| these| this)? (permissions?|polic(y|ies))\b"#,
        #"\byou (must|need to|should) (also )?have\b(?! an? ([\w-]+ )?role)"#,
        // A role that people assume is theirs, not a service's.
        #"\b(users?|anyone|people|you) (who |that )?(assumes?|can assume|switch(es)? to) (the|this|that|a) ([\w-]+ )?role\b"#,
        #"\bSCPs?\b"#, #"\bservice control polic(y|ies)\b"#,             // attached to accounts, for their principals
        #"\bpass(ing)? (the|a|an|this|that|your) ([\w-]+ ){0,3}?roles?\b"#,   // whoever passes a role is not it
    ])

    /// People: users, groups, administrators, developers, principals.
    static let userKind = anyOf([
        #"\b(IAM )?users?\b"#, #"\bgroups?\b"#, #"\badministrators?\b(?! (account|role))"#, #"\bdevelopers?\b"#,
        #"\bprincipals?\b"#, #"\bIAM identit(y|ies)\b"#, #"\b(an?|the|each|IAM) entit(y|ies)\b"#, #"\bpeople\b"#,
    ])

    /// Phrases that name people and roles together, or a book, and so say
    /// nothing of the grantee. Removed before reading a text.
    static let noise = anyOf([
        #"\b(IAM )?users?, groups?,? (and|or) roles?\b"#,                // "your users, groups, or roles"
        #"\b(IAM )?(users?|groups?) (and|or) roles?\b"#, #"\broles? (and|or) (IAM )?users?\b"#,
        #"\(users? or roles?\)"#,                                        // "IAM entities (users or roles)"
        #"\b(IAM|AWS [\w ]{1,40}) User Guide\b"#,                        // a book's title
        #"^Topics$"#,                                                    // AWS docs' table of contents
    ])

    /// `text` without the phrases of `noise`.
    static func withoutNoise(_ text: String) -> String {
        noise.replacingMatches(in: text, with: " ")
    }

    // MARK: Kind

    /// In a heading or title: the section is optional ("Zonal Shift
    /// Onboarding (optional)", "Optional: IAM Roles for Tasks").
    static let optional = pattern(#"\boptional(ly)?\b"#)

    /// In prose, where "optional" is mostly said of parameters and tags: only
    /// a step or label that starts "(Optional)", or "optional" said of the
    /// permissions, policy, statement or step.
    static let optionalInProse = anyOf([
        #"^\W*optional(ly)?\b"#,                                         // "(Optional) To import encrypted images, add…"
        #"\boptional(ly)?,? (add|attach|include|grant|give|allow)\b"#,
        #"\boptional ([\w-]+ )?(permissions?|polic(y|ies)|statements?|steps?|actions?|add-ons?)\b"#,
        #"\b(permissions?|polic(y|ies)|statements?|actions?|this step|these steps) (is|are) optional\b"#,
    ])

    /// "optional" said of an element of the policy, not of the block.
    static let optionalElement = anyOf([
        #"\b(Sid|Version|Id|Condition|element|parameter|field|key|property|argument|value|attribute)s? (is|are) (an? )?optional\b"#,
        #"\boptional (elements?|parameters?|fields?|keys?|propert(y|ies)|arguments?|values?|attributes?)\b"#,
        #"\boptional ?\(?(Sid|Id|Version|Condition)\b"#,
    ])

    /// Says that a block repeats or breaks down a fuller policy.
    static let excerptEvidence = anyOf([
        #"\bbreak ?down\b"#, #"\b(this|the following|each|that) (section|part|portion|excerpt|snippet)\b"#,
        #"\bexcerpt\b"#, #"\bsnippet\b"#, #"\brepeats?\b"#,
        #"\bpart of the (policy|preceding|previous|above)\b"#,
        #"\bfrom the (preceding|previous|above|full|complete) (policy|example)\b"#,
        #"\b(shown|given) (above|earlier|previously)\b"#,
    ])

    /// Names a policy attached to a resource ("the destination bucket policy").
    static let resourcePolicy = pattern(#"\b(key|bucket|queue|topic|endpoint|access point|resource-based|resource|repository|vault|domain|secret|registry) polic(y|ies)\b"#)

    /// Says to attach a policy with a Principal to a user, group or role: an
    /// identity policy with a mistake (the checks report the Principal).
    static let identityAttachment = anyOf([
        #"identity[- ]based"#,
        #"attach (it|this policy|the policy|the following policy) to (the|your|an?) (IAM )?(user|group|role)"#,
        #"user policy"#, #"inline policy"#,
    ])
}
