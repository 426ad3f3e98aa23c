import Testing
@testable import Diskret

/// The hard cases of who-is-who (docs/linking.md) as one table: each note and its exact placeholder output.
/// A row's roster is the fixture case K-2024-017 (KM Anna Fischer-Yılmaz, KV Murat Yılmaz, children Lena and
/// Emir Yılmaz) or the cook-and-stone roster (KV Dragan Koch, KM Jolanta Stein).
@Suite struct LinkingTableTests {
    enum Roster { case none, fixture, nouns }

    static let fixture = [
        KnownPerson(subject: "K-2024-017/KM", role: "Kindsmutter", names: ["Anna Fischer-Yılmaz", "Anna Fischer"], placeholder: "[Kindsmutter]"),
        KnownPerson(subject: "K-2024-017/KV", role: "Kindsvater", names: ["Murat Yılmaz"], placeholder: "[Kindsvater]"),
        KnownPerson(subject: "K-2024-017/K1", role: "Kind", names: ["Lena Yılmaz"], placeholder: "[Kind 1]"),
        KnownPerson(subject: "K-2024-017/K2", role: "Kind", names: ["Emir Yılmaz"], placeholder: "[Kind 2]"),
    ]
    static let nouns = [
        KnownPerson(subject: "K-2024-099/KV", role: "Kindsvater", names: ["Dragan Koch"], placeholder: "[Kindsvater]"),
        KnownPerson(subject: "K-2024-099/KM", role: "Kindsmutter", names: ["Jolanta Stein"], placeholder: "[Kindsmutter]"),
    ]

    static let cases: [(Roster, String, String)] = [
        // A shared family name part and another gender: not the mother. His mother is no case role.
        (.fixture, "Frau Fischer-Yılmaz beantragt Kontaktverbot. Herr Yılmaz wohnt jetzt bei seiner Mutter, Gisela Braun, in Kassel.",
         "Frau [Kindsmutter] beantragt Kontaktverbot. Herr [Person 1] wohnt jetzt bei seiner Mutter, [Person 2], in [Adresse 1]."),
        // A family name the roster's persons share links to the one the note names (and agrees in gender).
        (.fixture, "Murat Yılmaz erschien. Yılmaz sagte nichts.", "[Kindsvater] erschien. [Kindsvater] sagte nichts."),
        (.fixture, "Murat Yılmaz erschien. Frau Yılmaz sagte nichts.", "[Kindsvater] erschien. Frau [Person 1] sagte nichts."),
        // A role word in brackets binds the shared family name to the one roster person with that role.
        (.fixture, "Herr Yilmaz (KV) war nicht anwesend; Kontakt zu Herrn Yılmaz nur über die Anwältin.",
         "Herr [Kindsvater] (KV) war nicht anwesend; Kontakt zu Herrn [Kindsvater] nur über die Anwältin."),
        // A role the roster gives someone is not given to a name outside the roster.
        (.fixture, "Die Mutter, Frau Braun, rief an. KM Anna Fischer kam später.", "Die Mutter, Frau [Person 1], rief an. KM [Kindsmutter] kam später."),
        // A genitive before a noun, also for a roster child.
        (.fixture, "Die Kinder Lena und Emir waren da; Lenas Zimmer liegt neben dem Flur.",
         "Die Kinder [Kind 1] und [Kind 2] waren da; [Kind 1] Zimmer liegt neben dem Flur."),
        // A family is none of its persons.
        (.none, "Fall: Familie Tekin. KV Serhat Tekin erschien nicht.", "Fall: Familie [Person 1]. KV [Kindsvater] erschien nicht."),
        // A relation in a label is someone else's: the mother's partner is not the mother.
        (.none, "Lebensgefährte der KM: WIŚNIEWSKI, Paweł, 31 J.\nHr. Wiśniewski in Gewahrsam.", "Lebensgefährte der KM: [Person 1], [Alter] J.\nHr. [Person 1] in Gewahrsam."),
        // Roster names as common nouns: nobody of the case.
        (.nouns, "Der Koch der Kita und ein Stein im Garten sind keine Personen.",
         "Der [Person 1] der Kita und ein [Person 2] im Garten sind keine Personen."),
        (.nouns, "Herr Koch kam, Frau Stein nicht.", "Herr [Kindsvater] kam, Frau [Kindsmutter] nicht."),
        // A name word in an idiom's pair of nouns: nobody of the case.
        (.nouns, "Er schwor Stein und Bein, Herr Koch sei schuld.", "Er schwor [Person 1] und Bein, Herr [Kindsvater] sei schuld."),
        (.none, "Hr. Holger Fuchs sagte, die Waffen brauche er nur „für Fuchs und Sau“. Hr. Fuchs lachte.",
         "Hr. [Person 1] sagte, die Waffen brauche er nur „für [Person 2] und Sau“. Hr. [Person 1] lachte."),
        // Kinship words about someone else; a friend; a child stays a child.
        (.none, "Die KM kam mit ihrer Freundin Aylin.", "Die KM kam mit ihrer Freundin [Person 1]."),
        (.none, "Der KV wohnt bei seiner Mutter, Frau Braun.", "Der KV wohnt bei seiner Mutter, Frau [Person 1]."),
        (.none, "Die Mutter, Frau Braun, rief an.", "Die Mutter, Frau [Kindsmutter], rief an."),
        (.none, "Die KM brachte ihre Tochter Lena mit.", "Die KM brachte ihre Tochter [Kind 1] mit."),
        // A role never crosses genders.
        (.none, "KV Herr Klein kam. Frau Klein blieb zu Hause.", "KV Herr [Kindsvater] kam. Frau [Person 1] blieb zu Hause."),
        // Every child of a listed group.
        (.none, "Kinder: Lena (7) und Emir (4)", "Kinder: [Kind 1] ([Alter]) und [Kind 2] ([Alter])"),
        (.none, "Kinder: Andrei, * 11.03.2017 (7), Bianca, * 30.07.2020 (4)",
         "Kinder: [Kind 1], * [Datum 1] ([Alter]), [Kind 2], * [Datum 2] ([Alter])"),
        // Items shaped unlike the children (no age, a family name) are no children.
        (.none, "Die Kinder Lena (7) und Emir (4), Murat Yılmaz und Anna Fischer waren anwesend.",
         "Die Kinder [Kind 1] ([Alter]) und [Kind 2] ([Alter]), [Person 1] und [Person 2] waren anwesend."),
        // No placeholder inside a compound or an organisation's name.
        (.none, "Tochter Lena (7) besucht die 2. Klasse (Heinrich-Heine-Schule).",
         "Tochter [Kind 1] ([Alter]) besucht die 2. Klasse ([Einrichtung 1])."),
        // One person, one placeholder; an honorific inside a span does not make another person.
        (.none, "Täter: Ionut Popescu (34). Herr Popescu war alkoholisiert.", "Täter: [Person 1] ([Alter]). Herr [Person 1] war alkoholisiert."),
        (.none, "Täter: Ionut Popescu, 34 J. Herr Popescu war alkoholisiert.", "Täter: [Person 1], [Alter] [Person 1] war alkoholisiert."),
        // A genitive first name ends the name.
        (.none, "Tochter Mira (5) ist verängstigt. Hämatome an Miras Armen.", "Tochter [Kind 1] ([Alter]) ist verängstigt. Hämatome an [Kind 1] Armen."),
        // Shared family names: first names and gender keep persons apart; a bare family name fits both.
        (.none, "Sabine Fischer und Thomas Fischer kamen. Frau Fischer weinte, Herr Fischer schwieg. Fischer ging.",
         "[Person 1] und [Person 2] kamen. Frau [Person 1] weinte, Herr [Person 2] schwieg. [Person 3] ging."),
        // A bare family name that fits two persons is neither, each time: two persons never share a number.
        (.none, "Antragstellerin Olena Petrenko, Antragsgegner Wiktor Petrenko. Sache Petrenko ./. Petrenko.",
         "Antragstellerin [Person 1], Antragsgegner [Person 2]. Sache [Person 3] ./. [Person 4]."),
    ]

    @Test(arguments: cases.indices)
    func placeholders(_ row: Int) throws {
        let (roster, note, expected) = Self.cases[row]
        let known = roster == .fixture ? Self.fixture : roster == .nouns ? Self.nouns : []
        #expect(try TestSupport.engine.anonymize(note, known: known).text == expected)
    }
}
