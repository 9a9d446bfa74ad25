import ArgumentParser
import Export

/// `--digits N|all`, the same in every command that prints computed numbers: how many
/// significant digits are shown (`DisplayDigits`). Never more than the computation backs.
struct DigitsOption: ParsableArguments {
    @Option(help: "Significant digits shown: a number (1 or more) or all; never more than the computation backs (default: 16 in text and LaTeX, all in JSON and CSV).")
    var digits: String?

    func validate() throws {
        if let digits, DisplayDigits(argument: digits) == nil {
            throw ValidationError("--digits must be a whole number of at least 1 or 'all' (got '\(digits)')")
        }
    }

    /// The rule the user asked for, nil without --digits (`PrecisionSearch` chooses the
    /// precision for an asked N only, not for the text outputs' default).
    var asked: DisplayDigits? { digits.flatMap(DisplayDigits.init(argument:)) }

    /// The rule for an output: the option if given, else `DisplayDigits.readable` for what people
    /// read (text, LaTeX) and every digit for what programs read (JSON, CSV).
    func display(forPeople: Bool) -> DisplayDigits {
        asked ?? (forPeople ? .readable : .all)
    }
}
