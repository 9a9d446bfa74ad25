import ArgumentParser
import Foundation
import Numbers

/// A point given on the command line (`critical --start`, `--from` of family, spectrum, split,
/// arc, ...): comma-separated numbers, or the path of a CSV file whose last row of numbers
/// holds them. One reader for every command; numbers are kept exact (decimals and fractions as
/// rationals), so a start given to 30 digits reaches Newton with 30 digits.
enum PointList {
    /// The numbers of `text`, for the option named `option`: exit 2 (one line) on an unreadable
    /// file, a file without a row of numbers, or a field that is not a finite number (nan, inf,
    /// an empty field, a word).
    static func numbers(_ text: String, option: String) throws -> [Rational] {
        try fields(of: try row(text, option: option)).map { field in
            guard let x = Rational(field) else { throw ValidationError("\(option): '\(field)' is not a finite number") }
            return x
        }
    }

    /// The text itself, or the last row of numbers of the CSV file it names (a header row and
    /// empty rows are skipped).
    static func row(_ text: String, option: String) throws -> String {
        guard FileManager.default.fileExists(atPath: text) else { return text }
        guard let contents = try? String(contentsOfFile: text, encoding: .utf8) else {
            throw ValidationError("cannot read \(option) file '\(text)'")
        }
        let rows = contents.split(whereSeparator: \.isNewline).map(String.init).filter { row in
            fields(of: row).first.flatMap { Rational($0) } != nil
        }
        guard let last = rows.last else { throw ValidationError("\(option) file '\(text)' has no row of numbers") }
        return last
    }

    static func fields(of row: String) -> [String] {
        row.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
    }
}
