/// The process exit statuses, following BSD sysexits where one fits.
enum ExitCode: Int32 {
    /// Success; for `verify` and `check`, everything agreed.
    case success = 0
    /// A check or verification found a disagreement.
    case failure = 1
    /// The command line was wrong.
    case usage = 2
    /// An input file is malformed (EX_DATAERR).
    case dataError = 65
    /// An input file could not be read (EX_NOINPUT).
    case noInput = 66
    /// An output file could not be written (EX_CANTCREAT).
    case cannotCreate = 73
}

/// A reason to stop a command early, carrying its exit status; the message is already formatted.
struct Stop: Error {
    /// The exit status.
    var code: ExitCode
    /// What to print on standard error (may be empty).
    var message: String

    init(_ code: ExitCode, _ message: String) {
        self.code = code
        self.message = message
    }
}
