extension ReviewPage {
    /// The script: asks /v1/filter, shows the findings, keeps and masks as the reviewer decides, copies and downloads; stores nothing.
    static let script = ##"""
"use strict";
// The review page: the note is sent to this service once per check, shown with its findings, and masked here
// as the reviewer decides. Nothing is stored: no cookies, no storage, no request beyond /v1/filter and, for a
// Word file, /v1/extract.
(function () {
  const CATEGORIES = {
    person: ["Person", "Personen"], date: ["Datum", "Daten"], age: ["Altersangabe", "Altersangaben"],
    address: ["Adresse", "Adressen"], organisation: ["Einrichtung", "Einrichtungen"],
    contact: ["Kontakt", "Kontakte"], id: ["Kennung", "Kennungen"],
  };
  const LABELS = { person: "Person", date: "Datum", age: "Alter", address: "Adresse", organisation: "Einrichtung", contact: "Kontakt", id: "Kennung" };
  const $ = (id) => document.getElementById(id);
  const state = { text: "", findings: [], kept: new Set(), manual: [], output: "" };

  function message(text) {
    const box = $("meldung");
    box.textContent = text || "";
    box.hidden = !text;
  }

  // Scalar offsets (the API's) to UTF-16 indices (JavaScript's).
  function scalarIndex(text) {
    const index = [];
    let unit = 0;
    for (const ch of text) { index.push(unit); unit += ch.length; }
    index.push(unit);
    return index;
  }

  // The request headers: the body's type and, when one is given, the token.
  function headersFor(type) {
    const headers = { "Content-Type": type };
    const token = $("token").value.trim();
    if (token) headers["Authorization"] = "Bearer " + token;
    return headers;
  }

  async function check(withReveal) {
    message("");
    const text = $("notiz").value;
    if (!text.trim()) { message("Bitte zuerst eine Notiz einfügen."); return; }
    const body = { text: text };
    const headers = headersFor("application/json");
    if (withReveal) {
      body.roster = $("fallliste").value;
      body.reveal = $("personen").value.split(",").map((s) => s.trim()).filter(Boolean);
      body.purpose = $("zweck").value.trim();
      body.recipient = $("empfaenger").value.trim();
    }
    let response, answer;
    try {
      response = await fetch("/v1/filter", { method: "POST", headers: headers, body: JSON.stringify(body), cache: "no-store", credentials: "omit" });
      answer = await response.json();
    } catch (e) {
      message("Der Dienst ist nicht erreichbar.");
      return;
    }
    if (!response.ok) { message(describeProblem(response.status, answer)); return; }
    const index = scalarIndex(text);
    state.text = text;
    state.findings = answer.findings.map((f, i) => ({
      start: index[f.start], end: index[f.end], category: f.category, rule: f.rule, score: f.score, placeholder: f.placeholder,
      entity: f.placeholder === null ? "revealed#" + i : (f.category === "age" ? "age#" + i : f.placeholder),
    }));
    state.kept = new Set();
    state.manual = [];
    $("pruefung").hidden = false;
    $("ergebnis").hidden = false;
    render();
  }

  function describeProblem(status, problem) {
    const detail = problem && problem.detail ? problem.detail : "";
    if (status === 403 && problem && problem.subject) {
      const cats = (problem.categories || []).join(", ");
      return "Freigabe verweigert – es fehlt eine Einwilligung: Person " + problem.subject + ", Zweck „" + problem.purpose +
        "“, Empfänger „" + problem.recipient + "“, Kategorien: " + cats + ". (" + detail + ") Nichts wurde freigegeben.";
    }
    const type = problem && problem.type ? problem.type : "";
    if (type === "urn:diskret:problem:not-a-docx") {
      return "Die Datei ist kein lesbares Word-Dokument (.docx): mit Kennwort geschützt, in einem anderen Format (.doc, .odt) oder beschädigt. " +
        "Bitte in Word ohne Kennwort als .docx oder als Text speichern. Nichts wurde gelesen.";
    }
    if (type === "urn:diskret:problem:docx-malformed") {
      return "Ein Teil der Word-Datei ist beschädigt (kein gültiges XML) und wurde nicht gelesen. Bitte die Datei in Word öffnen und neu speichern.";
    }
    if (status === 401) return "Hierfür ist ein gültiges Zugangs-Token nötig (unter „Freigabe mit Einwilligung“ eintragen).";
    if (status === 413) return "Die Notiz oder Datei ist zu groß für diesen Dienst (bei Word-Dateien zählt auch der entpackte Inhalt).";
    if (status === 422) return "Die Anfrage wurde abgelehnt: " + detail;
    if (status === 503) return "Der Dienst ist gerade nicht verfügbar: " + detail;
    return "Fehler " + status + ": " + detail;
  }

  // All spans to show: the engine's findings, then every occurrence of each word masked by hand that no
  // finding covers (case-insensitive, whole words only).
  function spans() {
    const list = state.findings.map((f) => Object.assign({ manual: false }, f));
    const lower = state.text.toLowerCase();
    const wordChar = /[\p{L}\p{N}]/u;
    for (const m of state.manual) {
      const needle = m.word.toLowerCase();
      let from = 0;
      for (;;) {
        const at = lower.indexOf(needle, from);
        if (at < 0) break;
        const end = at + needle.length;
        from = at + 1;
        const before = at > 0 ? state.text[at - 1] : "";
        const after = end < state.text.length ? state.text[end] : "";
        if ((before && wordChar.test(before) && wordChar.test(needle[0])) || (after && wordChar.test(after) && wordChar.test(needle[needle.length - 1]))) continue;
        if (list.some((s) => s.start < end && at < s.end)) continue;
        list.push({ start: at, end: end, category: m.category, rule: "von Hand", score: 1, placeholder: null, manual: true, entity: "manual:" + m.category + ":" + needle });
      }
    }
    list.sort((a, b) => a.start - b.start);
    return list;
  }

  // Placeholders renumbered over what stays masked, per label in order of first mention: "[Person 2]" becomes
  // "[Person 1]" when the first person is kept readable; a word masked by hand takes the next number.
  function placeholders(list) {
    const numbers = {}, byEntity = {};
    for (const s of list) {
      if (s.placeholder === null && !s.manual) continue;
      if (state.kept.has(s.entity) || byEntity[s.entity]) continue;
      let label = LABELS[s.category];
      if (!s.manual) {
        const m = /^\[(.+) (\d+)\]$/.exec(s.placeholder);
        if (m) label = m[1]; else { byEntity[s.entity] = s.placeholder; continue; }
      }
      numbers[label] = (numbers[label] || 0) + 1;
      byEntity[s.entity] = "[" + label + " " + numbers[label] + "]";
    }
    return byEntity;
  }

  function render() {
    const list = spans();
    const names = placeholders(list);
    const view = $("ansicht");
    view.textContent = "";
    let output = "", position = 0;
    for (const s of list) {
      if (s.start < position) continue;
      const plain = state.text.slice(position, s.start);
      view.appendChild(document.createTextNode(plain));
      output += plain;
      const original = state.text.slice(s.start, s.end);
      const mark = document.createElement("mark");
      mark.className = "c-" + s.category + (s.manual ? " manual" : "");
      mark.appendChild(document.createTextNode(original));
      const badge = document.createElement("span");
      badge.className = "ph";
      const revealed = s.placeholder === null && !s.manual;
      const kept = state.kept.has(s.entity);
      if (revealed) {
        mark.classList.add("revealed");
        badge.textContent = "freigegeben";
        mark.dataset.tip = "Freigegeben mit Einwilligung · Regel " + s.rule;
        output += original;
      } else {
        badge.textContent = kept ? "lesbar" : names[s.entity];
        if (kept) mark.classList.add("kept");
        mark.dataset.tip = (s.manual ? "Von Hand maskiert" : "Regel " + s.rule + " · Sicherheit " + Math.round(s.score * 100) + " %") +
          (kept ? " · bleibt lesbar" : " · wird zu " + names[s.entity]);
        mark.tabIndex = 0;
        mark.setAttribute("role", "button");
        mark.setAttribute("aria-pressed", kept ? "true" : "false");
        mark.setAttribute("aria-label", (kept ? "Lesbar: " : "Maskiert als " + names[s.entity] + ": ") + original + ". " + mark.dataset.tip);
        mark.dataset.entity = s.entity;
        output += kept ? original : names[s.entity];
      }
      mark.appendChild(badge);
      view.appendChild(mark);
      position = s.end;
    }
    const rest = state.text.slice(position);
    view.appendChild(document.createTextNode(rest));
    output += rest;
    state.output = output;
    $("ausgabe").textContent = output;
    summary(list);
    manualList();
    legend();
  }

  function summary(list) {
    const entities = {}, manual = new Set();
    for (const s of list) {
      if ((s.placeholder === null && !s.manual) || state.kept.has(s.entity)) continue;
      (entities[s.category] = entities[s.category] || new Set()).add(s.entity);
      if (s.manual) manual.add(s.entity);
    }
    const parts = Object.keys(CATEGORIES).filter((c) => entities[c]).map((c) => {
      const n = entities[c].size;
      return n + " " + CATEGORIES[c][n === 1 ? 0 : 1];
    });
    let line = parts.length ? parts.join(", ") + " maskiert" : "Nichts maskiert";
    if (manual.size) line += ", " + manual.size + " von Hand";
    const kept = new Set(list.filter((s) => state.kept.has(s.entity)).map((s) => s.entity)).size;
    if (kept) line += ", " + kept + " lesbar gelassen";
    $("zusammenfassung").textContent = line;
  }

  function legend() {
    const ul = $("legende");
    if (ul.childElementCount) return;
    for (const c of Object.keys(CATEGORIES)) {
      const li = document.createElement("li");
      li.className = "c-" + c;
      li.textContent = CATEGORIES[c][0];
      ul.appendChild(li);
    }
  }

  function manualList() {
    const ul = $("handliste");
    ul.textContent = "";
    state.manual.forEach((m, i) => {
      const li = document.createElement("li");
      li.className = "c-" + m.category;
      li.textContent = m.word + " (" + CATEGORIES[m.category][0] + ")";
      const undo = document.createElement("button");
      undo.type = "button";
      undo.textContent = "zurücknehmen";
      undo.setAttribute("aria-label", "Maskierung von Hand zurücknehmen: " + m.word);
      undo.addEventListener("click", () => { state.manual.splice(i, 1); render(); $("wort").focus(); });
      li.appendChild(undo);
      ul.appendChild(li);
    });
  }

  function toggle(entity) {
    if (!entity) return;
    if (state.kept.has(entity)) state.kept.delete(entity); else state.kept.add(entity);
    render();
    const again = $("ansicht").querySelector('mark[data-entity="' + CSS.escape(entity) + '"]');
    if (again) again.focus();
  }

  function maskByHand() {
    const word = $("wort").value.trim();
    if (!word) { message("Bitte zuerst den übersehenen Text markieren oder eingeben."); return; }
    message("");
    state.manual.push({ word: word, category: $("kategorie").value });
    $("wort").value = "";
    render();
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(state.output);
    } catch (e) {
      const range = document.createRange();
      range.selectNodeContents($("ausgabe"));
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      document.execCommand("copy");
    }
    $("status").textContent = "Kopiert.";
  }

  function download() {
    const blob = new Blob([state.output], { type: "text/plain;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = "notiz-maskiert.txt";
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    $("status").textContent = "Heruntergeladen.";
  }

  const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  // A chosen or dropped file: its text goes into the note field and is checked at once. A .txt is read here;
  // a .docx is sent to /v1/extract, which reads it as `diskret filter` does (all its parts), and its text is
  // then checked like a pasted note.
  function readFile(file) {
    if (!file) return;
    if (/\.docx$/i.test(file.name) || file.type === DOCX) { readDocx(file); return; }
    if (!/\.txt$/i.test(file.name) && file.type !== "text/plain") {
      message("Nur .txt- und Word-Dateien (.docx) werden gelesen; andere Formate (.doc, .odt, .pdf) bitte als .docx oder Text speichern.");
      return;
    }
    const reader = new FileReader();
    reader.onload = () => { showSource(reader.result, false); };
    reader.onerror = () => message("Die Datei konnte nicht gelesen werden.");
    reader.readAsText(file, "utf-8");
  }

  async function readDocx(file) {
    message("");
    $("status").textContent = "";
    let response, answer;
    try {
      response = await fetch("/v1/extract", { method: "POST", headers: headersFor(DOCX), body: file, cache: "no-store", credentials: "omit" });
      answer = response.ok ? await response.text() : await response.json().catch(() => null);
    } catch (e) {
      message("Der Dienst ist nicht erreichbar.");
      return;
    }
    if (!response.ok) { message(describeProblem(response.status, answer)); return; }
    showSource(answer, true);
  }

  function showSource(text, fromWord) {
    $("notiz").value = text;
    $("quelle").hidden = !fromWord;
    message("");
    check(false);
  }

  document.addEventListener("DOMContentLoaded", () => {
    const select = $("kategorie");
    for (const c of Object.keys(CATEGORIES)) {
      const option = document.createElement("option");
      option.value = c;
      option.textContent = CATEGORIES[c][0];
      select.appendChild(option);
    }
    $("pruefen").addEventListener("click", () => check(false));
    $("freigeben").addEventListener("click", () => check(true));
    $("maskieren").addEventListener("click", maskByHand);
    $("wort").addEventListener("keydown", (e) => { if (e.key === "Enter") { e.preventDefault(); maskByHand(); } });
    $("kopieren").addEventListener("click", copy);
    $("herunterladen").addEventListener("click", download);
    $("datei").addEventListener("change", (e) => { readFile(e.target.files[0]); e.target.value = ""; });
    $("notiz").addEventListener("input", () => { $("quelle").hidden = true; });
    // The whole page takes a dropped file (the browser would otherwise open it).
    document.addEventListener("dragover", (e) => e.preventDefault());
    document.addEventListener("drop", (e) => {
      if (!e.dataTransfer || !e.dataTransfer.files.length) return;  // dragged text drops as usual
      e.preventDefault();
      readFile(e.dataTransfer.files[0]);
    });
    const view = $("ansicht");
    view.addEventListener("click", (e) => {
      if (String(window.getSelection()).trim()) return;  // a selection to mask by hand, not a click
      const mark = e.target.closest("mark");
      if (mark) toggle(mark.dataset.entity);
    });
    view.addEventListener("keydown", (e) => {
      const mark = e.target.closest("mark");
      if (mark && (e.key === "Enter" || e.key === " ")) { e.preventDefault(); toggle(mark.dataset.entity); }
    });
    view.addEventListener("mouseup", () => {
      const selected = String(window.getSelection()).trim();
      if (selected && selected.length <= 200) $("wort").value = selected;
    });
  });
})();
"""##
}
