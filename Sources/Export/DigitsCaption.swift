/// What a LaTeX caption says backs its digits (`family`, `spectrum`): certified in ball
/// arithmetic, agreed on by two independent computations, or both; and, when the display rule
/// shortens them, how many of the known digits are shown.
enum DigitsCaption {
    /// `test`: how the certificate is named ("a Krawczyk test", "Krawczyk tests"); `known`: the
    /// fewest and most digits known of a printed value; `source`: the computations, put in
    /// parentheses.
    static func text(certified: Bool, confirmed: Bool, test: String, known: (fewest: Int, most: Int)?, display: DisplayDigits, source: String) -> String {
        let agreed = confirmed ? ", and on which two independent computations agree" : ""
        let backing = certified ? "certified by \(test) in ball arithmetic" + agreed : "on which two independent computations agree"
        if let (fewest, most) = known, case .count(let n) = display, n < most {
            return "coefficients shown to at most \(n) significant digits of the \(fewest == most ? "\(most)" : "\(fewest)--\(most)") known, \(backing) (\(source))"
        }
        return certified ? "every digit is certified by \(test) in ball arithmetic" + (confirmed ? " and agrees between two independent computations" : "") + " (\(source))"
                         : "every digit agrees between two independent computations (\(source))"
    }
}
