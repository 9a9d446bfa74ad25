import ArgumentParser

/// `--precision BITS`, the same range and message in every command: 64 bits is the least at
/// which the checks at twice the precision leave digits to show, 16384 (about 4900 digits) the
/// most any command needs (a family or spectrum takes minutes there). Defaults differ by command
/// (expand 128, the others 256) and are in each command's help.
enum PrecisionRule {
    static let range = 64...16_384

    static func validate(_ bits: Int, option: String = "--precision") throws {
        guard range.contains(bits) else {
            throw ValidationError("\(option) must be between \(range.lowerBound) and \(range.upperBound) bits (got \(bits))")
        }
    }

    /// The working precision of `family` and `spectrum` when neither --precision nor --digits
    /// says otherwise.
    static let familyDefault = 256

    /// Below this the series route (family, spectrum, check) may not back its digits: a
    /// failure there says to raise the precision. Measured at --terms 12: every catalogue
    /// family runs at 192 bits; at 128 all but p1-m1-II and p1-m2-II, whose later
    /// coefficients lose about 70 bits, so that their series at d = 1e6 no longer shows its
    /// truncation error (160: p1-m2-II still fails).
    static let seriesMinimum = 192

    /// `failure` with the hint to raise --precision when it ran below `seriesMinimum`.
    static func hinted(_ failure: CLIFailure, precision: Int) -> CLIFailure {
        guard precision < seriesMinimum, failure.status == 1 else { return failure }
        return CLIFailure(computation: failure.message + " (at \(precision) bits; the series route needs about \(seriesMinimum) or more: raise --precision)")
    }

    /// The help text of the option, with the command's own note.
    static func help(_ note: String) -> ArgumentHelp { ArgumentHelp("Working precision in bits (\(range.lowerBound)...\(range.upperBound)); \(note)") }
}
