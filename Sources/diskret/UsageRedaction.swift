/// Keeps the command-line arguments out of usage messages. A positional argument or an option's value can
/// be a file name or note text ("diskret filter 'Notiz Frau Schmidt.txt'"), and the argument parser quotes
/// them ("Unexpected argument 'Notiz Frau Schmidt.txt'"); the message names the argument's position instead.
/// Option names (starting with '-') stay, as they name no one.
enum UsageRedaction {
    /// `message` with every quoted argument, and every quoted value of an `--option=value` argument, replaced
    /// by its position ("argument 2", counting from the first word after `diskret`).
    static func redact(_ message: String, arguments: [String]) -> String {
        var message = message
        // Longer arguments first, so that an argument that contains a shorter one is replaced whole.
        var quoted: [(text: String, position: Int)] = []
        for (index, argument) in arguments.enumerated() {
            if !argument.hasPrefix("-") { quoted.append((argument, index + 1)) }
            if argument.hasPrefix("-"), let equals = argument.firstIndex(of: "=") {
                quoted.append((String(argument[argument.index(after: equals)...]), index + 1))
            }
        }
        for (text, position) in quoted.sorted(by: { $0.text.count > $1.text.count }) where !text.isEmpty {
            message = message.replacingOccurrences(of: "Unexpected argument '\(text)'", with: "Unexpected argument \(position)")
            message = message.replacingOccurrences(of: "'\(text)'", with: "(argument \(position))")
        }
        return message
    }
}
