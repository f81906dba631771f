/// A tool's name made from its file or folder name, for tools that name
/// themselves nowhere: `aws-dms-user-guide` → "AWS DMS User Guide".
///
/// Rules, for folder names as docs repositories are copied in:
/// - an `owner__repository` name keeps the repository part
///   (`awsdocs__iam-user-guide` → "IAM User Guide"), unless that part says
///   only that it is a website (`cert-manager__website`: "Cert Manager");
///   a `.github.io` ending is dropped (`spinnaker.github.io`: "Spinnaker");
/// - words are split at `-`, `_`, `.` and spaces; known acronyms are upper
///   case (AWS, IAM, EC2, S3, …), known product words keep their own case
///   (CloudFormation, DataSync), short joining words stay lower case after
///   the first word, any word already holding a capital is kept as written,
///   and every other word gets a capital first letter.
enum ReadableName {
    static func from(_ slug: String) -> String {
        var name = Substring(slug)
        var owner: Substring?
        if let separator = name.range(of: "__", options: .backwards) {
            owner = name[..<separator.lowerBound]
            name = name[separator.upperBound...]
        }
        for ending in [".github.io", ".git"] where name.lowercased().hasSuffix(ending) {
            name = name.dropLast(ending.count)
        }
        if let owner, !owner.isEmpty, name.isEmpty || websiteWords.contains(name.lowercased()) {
            name = owner
        }
        let words = name.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "." || $0 == " " })
        guard !words.isEmpty else { return slug }
        return words.enumerated().map { index, word in
            let lower = word.lowercased()
            if let spelling = spellings[lower] { return spelling }
            if acronyms.contains(lower) { return word.uppercased() }
            if index > 0, joiningWords.contains(lower) { return lower }
            if word.contains(where: \.isUppercase) { return String(word) }
            return word.prefix(1).uppercased() + word.dropFirst()
        }.joined(separator: " ")
    }

    /// Repository names that say only that they hold a website.
    static let websiteWords: Set<String> = ["website", "site", "www", "docs", "doc", "documentation", "homepage", "web"]

    static let acronyms: Set<String> = [
        "acm", "alb", "api", "arn", "aws", "cdk", "cli", "dms", "dns", "ebs", "ec2", "ecr", "ecs", "efs", "eks",
        "elb", "emr", "fsx", "ftp", "ftps", "hsm", "html", "http", "https", "iam", "id", "ip", "json", "kms", "mfa",
        "msk", "nlb", "oidc", "rds", "s3", "saml", "sdk", "ses", "sftp", "sms", "sns", "sqs", "ssh", "ssl", "sso",
        "sts", "tls", "ui", "url", "vm", "vpc", "waf", "yaml",
    ]

    static let spellings: [String: String] = [
        "cloudformation": "CloudFormation", "cloudfront": "CloudFront", "cloudtrail": "CloudTrail",
        "cloudwatch": "CloudWatch", "codebuild": "CodeBuild", "codecommit": "CodeCommit",
        "codedeploy": "CodeDeploy", "codepipeline": "CodePipeline", "datasync": "DataSync",
        "dynamodb": "DynamoDB", "elasticache": "ElastiCache", "eventbridge": "EventBridge",
        "github": "GitHub", "gitlab": "GitLab", "guardduty": "GuardDuty", "ios": "iOS", "iot": "IoT",
        "macos": "macOS", "mongodb": "MongoDB", "mysql": "MySQL", "opensearch": "OpenSearch",
        "postgresql": "PostgreSQL", "sagemaker": "SageMaker", "userguide": "User Guide",
    ]

    static let joiningWords: Set<String> = ["a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "vs", "with"]
}
