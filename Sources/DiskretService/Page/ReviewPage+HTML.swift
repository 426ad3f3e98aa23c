extension ReviewPage {
    /// The page: German, with labels for every control; script and style come from this service only.
    static let html = ##"""
<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Diskret – Notiz prüfen</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/review.css">
<script src="/review.js" defer></script>
</head>
<body>
<header>
  <h1>Diskret <span>Notiz prüfen, bevor sie das Haus verlässt</span></h1>
  <p class="hint">Die Notiz wird nur auf diesem Rechner verarbeitet und nirgends gespeichert – weder auf dem Server noch im Browser.</p>
</header>
<main>
  <section id="eingabe" aria-labelledby="eingabe-titel">
    <h2 id="eingabe-titel">1. Notiz einfügen</h2>
    <label for="notiz">Text der Notiz (einfügen oder eine .txt- oder Word-Datei (.docx) hierher ziehen)</label>
    <textarea id="notiz" rows="8" spellcheck="false" autocomplete="off"></textarea>
    <p id="quelle" class="hint" hidden>Aus einer Word-Datei gelesen: Text und Tabellen, Kopf- und Fußzeilen, Fuß- und Endnoten, Kommentare, gelöschter Text der Änderungsverfolgung und Dokumenteigenschaften – alles wird geprüft und maskiert.</p>
    <div class="row">
      <label class="file">Datei wählen (.txt, .docx) <input id="datei" type="file" accept=".txt,.docx,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document"></label>
      <button id="pruefen" type="button" class="primary">Prüfen</button>
    </div>
    <details id="freigabe">
      <summary>Freigabe mit Einwilligung (optional)</summary>
      <p class="hint">Nur wenn eine Einwilligung im Register die Weitergabe deckt, bleiben Angaben dieser Personen lesbar.</p>
      <div class="grid">
        <label for="token">Zugangs-Token</label><input id="token" type="password" autocomplete="off">
        <label for="fallliste">Fallliste (YAML)</label><textarea id="fallliste" rows="4" spellcheck="false" autocomplete="off"></textarea>
        <label for="personen">Personen-Schlüssel (durch Komma getrennt)</label><input id="personen" type="text" autocomplete="off">
        <label for="zweck">Zweck</label><input id="zweck" type="text" autocomplete="off" placeholder="z. B. schutzplan">
        <label for="empfaenger">Empfänger</label><input id="empfaenger" type="text" autocomplete="off" placeholder="z. B. Jugendamt">
      </div>
      <button id="freigeben" type="button">Mit Freigabe prüfen</button>
    </details>
    <p id="meldung" role="alert" hidden></p>
  </section>

  <section id="pruefung" aria-labelledby="pruefung-titel" hidden>
    <h2 id="pruefung-titel">2. Fundstellen prüfen</h2>
    <p id="zusammenfassung" aria-live="polite"></p>
    <ul id="legende" aria-label="Farben der Kategorien"></ul>
    <p class="hint">Fundstelle anklicken (oder mit Tab ansteuern und Eingabe drücken), um sie lesbar zu lassen – alle Nennungen derselben Person oder Angabe zusammen. Übersehenes markieren und unten von Hand maskieren.</p>
    <div id="ansicht" class="note" aria-label="Notiz mit Fundstellen"></div>
    <div class="row" id="hand">
      <label for="wort">Übersehen</label>
      <input id="wort" type="text" autocomplete="off" placeholder="Text markieren oder eingeben">
      <label for="kategorie">als</label>
      <select id="kategorie"></select>
      <button id="maskieren" type="button">Von Hand maskieren</button>
    </div>
    <ul id="handliste" aria-label="Von Hand maskiert"></ul>
  </section>

  <section id="ergebnis" aria-labelledby="ergebnis-titel" hidden>
    <h2 id="ergebnis-titel">3. Ergebnis</h2>
    <pre id="ausgabe" tabindex="0" aria-label="Maskierte Notiz"></pre>
    <div class="row">
      <button id="kopieren" type="button" class="primary">Kopieren</button>
      <button id="herunterladen" type="button">Herunterladen (.txt)</button>
      <span id="status" role="status"></span>
    </div>
  </section>
</main>
</body>
</html>
"""##
}
