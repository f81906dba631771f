/// Sizes past which permdocs stops reading rather than spend minutes on
/// input no real guide has (README, "Limits"). `check` and `build` read
/// content through the same code, so they accept and refuse the same input.
public enum ContentLimits {
    /// The largest guide page, in bytes: 8 MiB. The largest real page in the
    /// corpus (rclone's MANUAL.md, every backend's manual in one page) has
    /// 2.9 MB; a synthetic 8 MB page with a policy block every 200 bytes
    /// (40,000 blocks) builds in 30 s, linearly. A larger page is an error at
    /// the line and column where it passes the limit.
    public static let maximumGuideBytes = 8 * 1024 * 1024

    /// The largest policy block, in bytes: 1 MiB. IAM's own limits are 2 to
    /// 20 KB (10,240 characters for a role's inline policies, 20 KB for a
    /// bucket policy, 32 KB for a key policy), AWS managed policies such as
    /// ReadOnlyAccess under 100 KB, and the largest code block of the corpus
    /// has 103 KB. Every action of a block becomes a matrix row and a finding
    /// or two: a larger block is a `policy-too-large` error and is not read.
    public static let maximumPolicyBlockBytes = 1024 * 1024

    /// The longest action name, in characters, prefix included: 256. The
    /// catalog's longest is 103 (a 39-character service prefix and a
    /// 63-character action); each name is repeated in findings, rows, search
    /// and data files. A block naming a longer one is a `policy-too-large`
    /// error at that name and is not read.
    public static let maximumActionNameLength = 256

    /// Why a guide may be no larger, for the error message.
    static let guideReason = "; a guide page may have at most 8 MiB: split it into several pages of the tool"
}
