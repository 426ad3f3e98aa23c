/// Codes with their function in a bracket: "Ergänzungen MT (Sport)", "Von Ki (Pausenaufsicht) unterbunden", "HöB
/// (Deutsch, per Mail)". School
/// and Kita notes introduce a colleague so, by her letters and what she teaches or supervises; the letters are
/// then used alone ("so MT", "bei Ki").
extension DefinedCodes {
    func codesBeforeFunctionBrackets(in text: TokenizedText) -> Set<[UInt16]> {
        let tokens = text.tokens, units = text.units
        var codes = Set<[UInt16]>()
        for index in tokens.indices.dropFirst() where units[tokens[index].start] == 0x28 && tokens[index].end - tokens[index].start == 1
            && index + 2 < tokens.count && [0x29, 0x2C].contains(units[tokens[index + 2].start]) {
            // A code with its full stop: "Wö. (Sport)", "Ha. (Schulsozialarbeit)".
            let dotted = index >= 2 && units[tokens[index - 1].start] == 0x2E && tokens[index - 1].end - tokens[index - 1].start == 1
                && !tokens[index - 1].flags.contains(.spaceBefore) && tokens[index - 2].isWord
            let code = dotted ? index - 2 : index - 1, function = index + 1
            // Not an abbreviation and what it stands for ("ZNA (Zentrale …)", "FH (Fachhochschule)"), nor a
            // Roman number ("SGB VIII (…)"), nor a form of address or a weekday ("Hr. (Sport)", "Fr. (Hort)").
            let letters = units[tokens[code].range]
            guard tokens[code].isWord, tokens[function].isCapitalizedWord, !tokens[function].flags.contains(.allCaps),
                  Self.subjectsAndDuties.contains(text.key(function)), letters.first != units[tokens[function].start],
                  !letters.allSatisfy({ [0x49, 0x56, 0x58].contains($0) }) else { continue }
            if dotted {
                guard isLetterCode(code, in: text) else { continue }
            } else {
                // Capitals, or two or three small letters ("jw (Praktikant)"), or a capital and a small letter that a
                // list knows as an abbreviation ("Os (Vertrauenslehrerin)"; not "Ltg (Praktikantin)", Leitung).
                guard isCodeShape(code, in: text) || isSmallCode(code, in: text) || letters.count == 2 && isLetterCode(code, in: text)
                else { continue }
            }
            codes.insert(Array(units[tokens[code].range]))
        }
        return codes
    }

    /// Abbreviations a bracket with a subject may follow that are no one's code: folded keys.
    static let addressAbbreviations: Set<[UInt8]> = Set(["hr", "fr", "dr", "nr", "st", "ca", "vs", "kl", "gr", "fa", "tel", "bzw",
        "ggf", "inkl", "evtl", "abt", "zi"].map { Array($0.utf8) })

    /// What a teacher teaches or a carer covers, as a bracket after her letters says it: folded keys.
    static let subjectsAndDuties: Set<ArraySlice<UInt8>> = Set([
        "sport", "mathe", "mathematik", "deutsch", "englisch", "franzoesisch", "kunst", "musik", "religion", "reli", "ethik",
        "bio", "biologie", "geschichte", "erdkunde", "geografie", "chemie", "physik", "sachunterricht", "hsu", "werken",
        "informatik", "latein", "spanisch", "pausenaufsicht", "aufsicht", "klassenleitung", "klassenlehrerin", "klassenlehrer",
        "fachlehrerin", "fachlehrer", "leitung", "stellvertretung", "vertretung", "betreuung", "hort", "ganztag",
        "fruehdienst", "spaetdienst", "nachtdienst", "foerderung", "schulsozialarbeit", "sekretariat", "praktikantin",
        "praktikant", "gruppenleitung", "bezugserzieherin", "bezugserzieher", "erzieherin", "erzieher", "integrationshilfe",
        "schulbegleitung", "kernzeit", "kernzeitbetreuung", "mittagsbetreuung", "vertrauenslehrerin", "vertrauenslehrer",
        "beratungslehrerin", "beratungslehrer", "azubi", "fsj", "bfd", "praktikum", "konrektorin", "konrektor",
    ].map { Array($0.utf8)[...] })
}
