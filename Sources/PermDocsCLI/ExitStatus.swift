import ArgumentParser

/// The exit statuses, the same in every command, for scripts and CI.
///
/// - 0: done (for `check`, no finding at or above `--fail-on`);
/// - 1: findings at or above `--fail-on` (for `diff`, new findings at or
///   above `--fail-on-new`), or the command could not do its
///   work: a build that failed (nothing written), `init` or `theme export`
///   that would overwrite a file;
/// - 2: the content or the theme cannot be read: a missing folder, an
///   unreadable file, invalid `site.yml`, front matter or template (for
///   `diff`, also a revision or repository that does not exist, or no `git`);
/// - 64: a usage error (an unknown option, a bad value, options that
///   exclude each other), as ArgumentParser reports them.
enum ExitStatus {
    static let failed = ExitCode(1)
    static let unreadable = ExitCode(2)
    static let usage = ExitCode.validationFailure

    /// The statuses as `--help` lists them.
    static let help = """
        Exit status (every command): 0 done; 1 findings at or above --fail-on, or the \
        command failed (a build that could not finish writes nothing; init and theme export \
        never overwrite); 2 the content or theme cannot be read (missing folder, invalid \
        site.yml, front matter or template); 64 usage error. For diff, 1 also means new \
        findings at or above --fail-on-new, and 2 a revision or repository that does not \
        exist, or no git.
        """
}
