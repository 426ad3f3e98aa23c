#!/usr/bin/env python3
"""Real-browser test of the review page: headless Chromium (Debian's chromium and chromium-driver) over
WebDriver (selenium). Starts `diskret serve` on a free loopback port, pastes the fixture note, checks the
highlights, keeps one person readable, masks a missed word by hand, downloads the result and compares it with
the expected text, checks the page at 200 % zoom, and saves a screenshot to docs/review-page.png. Then a small
Word document built here: chosen with the keyboard-reachable file field and dropped on the page, its
highlights checked and its download compared with what /v1/filter answers for the same file; a file that is
no Word document is refused with a German message.

Usage: Tests/browser/review_page_test.py [path/to/diskret]   (default .build/debug/diskret)
Exit status 0 when every check held, 1 otherwise.
"""
import base64
import io
import json
import os
import pathlib
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import zipfile

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

REPO = pathlib.Path(__file__).resolve().parents[2]
NOTE = (REPO / "Tests/browser/fixture-note.txt").read_text(encoding="utf-8")
EXPECTED = (REPO / "Tests/browser/expected-review.txt").read_text(encoding="utf-8")
KEPT = "Petra Kowalczyk"     # the counsellor: her name may stay readable
MISSED = "Hanke"             # a name on the partner's van that the rules miss
FAILURES = []


def check(condition, what):
    print(("ok    " if condition else "FAIL  ") + what)
    if not condition:
        FAILURES.append(what)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_service(binary, port, workdir):
    log = open(os.path.join(workdir, "serve.log"), "w")
    process = subprocess.Popen([binary, "serve", "--port", str(port), "--registry", os.path.join(workdir, "registry.sqlite")],
                               cwd=REPO, stdout=log, stderr=subprocess.STDOUT)
    for _ in range(300):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return process
        except OSError:
            if process.poll() is not None:
                break
            time.sleep(0.1)
    process.kill()
    sys.exit("the service did not start:\n" + open(os.path.join(workdir, "serve.log")).read())


def browser(download_dir):
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1200,1000", "--lang=de-DE"]:
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"download.default_directory": download_dir, "download.prompt_for_download": False})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": download_dir})
    return driver


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
DOCX_SECRETS = ["Reuter", "Brandt", "02307 123456", "Hanke-Hof"]


def paragraph(text):
    return f"<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>"


def small_docx():
    """A Word document as Word lays it out, reduced to the parts Diskret reads: body with a table, a header,
    a comment and the author property, each holding personal data."""
    body = (paragraph("Gesprächsnotiz vom 04.11.2026")
            + paragraph("Frau Sabine Reuter berichtet, ihr Partner Thomas Brandt habe sie am 02.11. bedroht.")
            + "<w:tbl><w:tr><w:tc>" + paragraph("Klientin") + "</w:tc><w:tc>" + paragraph("Sabine Reuter, Hanke-Hof 3, 59174 Kamen")
            + "</w:tc></w:tr></w:tbl>")
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        "word/document.xml": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{body}</w:body></w:document>',
        "word/header1.xml": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr {W}>{paragraph("Akte Reuter")}</w:hdr>',
        "word/comments.xml": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments {W}><w:comment w:id="0" w:author="PK">'
                             + paragraph("Rückruf Frau Reuter, Tel. 02307 123456") + "</w:comment></w:comments>",
        "docProps/core.xml": '<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
                             'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Thomas Brandt</dc:creator></cp:coreProperties>',
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text.encode("utf-8"))
    return buffer.getvalue()


def api_filter_docx(port, data):
    request = urllib.request.Request(f"http://127.0.0.1:{port}/v1/filter", data=data, method="POST", headers={"Content-Type": DOCX_TYPE})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.load(response)["text"]


def download(driver, downloads):
    for name in os.listdir(downloads):
        os.remove(os.path.join(downloads, name))
    driver.find_element(By.ID, "herunterladen").click()
    target = os.path.join(downloads, "notiz-maskiert.txt")
    # The file may appear before the browser has finished writing it (on a loaded machine the check once read it
    # early): wait, up to 30 s, until it is there, not empty, and its size held still for a poll.
    size = -1
    for _ in range(300):
        if os.path.exists(target):
            current = os.path.getsize(target)
            if current > 0 and current == size:
                break
            size = current
        time.sleep(0.1)
    return open(target, encoding="utf-8").read() if os.path.exists(target) else ""


def drop_file(driver, name, data, mime):
    """Drops a file on the page as a user dragging it from the file manager would (a drop event carrying it)."""
    driver.execute_script("""
        const bytes = Uint8Array.from(atob(arguments[0]), (c) => c.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([bytes], arguments[1], { type: arguments[2] }));
        const target = document.getElementById("notiz");
        for (const type of ["dragenter", "dragover", "drop"]) {
          target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
        }""", base64.b64encode(data).decode("ascii"), name, mime)


def word_document(driver, wait, port, workdir, downloads):
    data = small_docx()
    path = os.path.join(workdir, "Gesprächsnotiz.docx")
    with open(path, "wb") as f:
        f.write(data)
    expected = api_filter_docx(port, data)
    check(not any(secret in expected for secret in DOCX_SECRETS), "the API masks every part of the .docx")

    # The file field is reached with the keyboard: Tab from the note field.
    area = driver.find_element(By.ID, "notiz")
    driver.execute_script("arguments[0].value = ''; arguments[0].focus();", area)
    area.send_keys(Keys.TAB)
    check(driver.switch_to.active_element.get_attribute("id") == "datei", "Tab from the note field reaches the file choice")
    check("docx" in driver.find_element(By.ID, "datei").get_attribute("accept"), "the file choice offers .docx")

    driver.find_element(By.ID, "datei").send_keys(path)
    wait.until(lambda d: "Akte Reuter" in d.find_element(By.ID, "notiz").get_attribute("value"))
    wait.until(lambda d: mark_with_text(d, "Thomas Brandt") is not None)
    source = driver.find_element(By.ID, "notiz").get_attribute("value")
    check("=== Kopfzeile ===" in source and "=== Kommentare ===" in source and "=== Dokumenteigenschaften ===" in source,
          "the .docx's header, comment and properties are read into the note field")
    check(driver.find_element(By.ID, "quelle").is_displayed(), "the page says the text came from a Word file")
    reuter = mark_with_text(driver, "Sabine Reuter")
    check(reuter is not None and "c-person" in reuter.get_attribute("class") and "[Person" in reuter.find_element(By.CLASS_NAME, "ph").text,
          "a person of the .docx is highlighted with its placeholder")
    found = marks(driver)
    check(len(found) >= 8, f"the .docx's findings are highlighted ({len(found)})")
    downloaded = download(driver, downloads)
    check(downloaded == expected, "the download of the chosen .docx equals /v1/filter's answer for it")
    if downloaded != expected:
        print(downloaded)
        print(expected)
    shot = os.path.join(workdir, "review-docx.png")
    driver.save_screenshot(shot)
    print(f"      screenshot of the .docx review: {shot}")

    # Dropped on the page: the same review.
    driver.execute_script("arguments[0].value = ''; document.getElementById('ansicht').textContent = '';", area)
    drop_file(driver, "Notiz.docx", data, DOCX_TYPE)
    wait.until(lambda d: mark_with_text(d, "Thomas Brandt") is not None)
    check(download(driver, downloads) == expected, "a dropped .docx is reviewed and downloaded the same way")

    # Not a Word document: a German message, nothing of the file.
    drop_file(driver, "Bericht.docx", "Frau Reuter kam.".encode("utf-8"), DOCX_TYPE)
    wait.until(lambda d: d.find_element(By.ID, "meldung").is_displayed())
    refusal = driver.find_element(By.ID, "meldung").text
    check("kein lesbares Word-Dokument" in refusal and "Reuter" not in refusal, f"a file that is no .docx is refused in German: {refusal}")


def marks(driver):
    return driver.find_elements(By.CSS_SELECTOR, "#ansicht mark")


def mark_with_text(driver, text):
    for mark in marks(driver):
        if mark.text.startswith(text):
            return mark
    return None


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else str(REPO / ".build/debug/diskret")
    workdir = tempfile.mkdtemp(prefix="diskret-browser-")
    downloads = os.path.join(workdir, "downloads")
    os.makedirs(downloads)
    port = free_port()
    service = start_service(binary, port, workdir)
    driver = browser(downloads)
    wait = WebDriverWait(driver, 30)
    try:
        driver.get(f"http://127.0.0.1:{port}/")
        check(driver.title.startswith("Diskret"), "the page loads")
        # Paste the note as a user would (the clipboard is not available headless; the input event is the same).
        area = driver.find_element(By.ID, "notiz")
        driver.execute_script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'));", area, NOTE)
        driver.find_element(By.ID, "pruefen").click()
        wait.until(EC.visibility_of_element_located((By.ID, "pruefung")))
        wait.until(lambda d: len(marks(d)) > 0)

        found = marks(driver)
        check(len(found) >= 15, f"the note shows its findings highlighted ({len(found)})")
        mother = mark_with_text(driver, "Sabine Reuter")
        check(mother is not None and "c-person" in mother.get_attribute("class"), "a person is highlighted in the person colour")
        check(mother is not None and "[Person" in mother.find_element(By.CLASS_NAME, "ph").text, "a highlight shows its placeholder")
        date = mark_with_text(driver, "04.11.2026")
        check(date is not None and "c-date" in date.get_attribute("class"), "a date is highlighted in the date colour")
        check(mother is not None and "Regel person" in (mother.get_attribute("data-tip") or ""), "hover and focus show the rule and score")

        # Keep one entity readable, with the keyboard: Tab to it, Enter.
        koch = mark_with_text(driver, KEPT)
        check(koch is not None, f"{KEPT} is found")
        koch.send_keys(Keys.ENTER)
        koch = mark_with_text(driver, KEPT)
        check("kept" in koch.get_attribute("class") and koch.get_attribute("aria-pressed") == "true", "Enter keeps a finding readable")
        check(driver.switch_to.active_element == koch, "focus stays on the finding")

        # A missed word, masked by hand as an address.
        check(mark_with_text(driver, MISSED) is None, f"{MISSED} is not highlighted before")
        driver.find_element(By.ID, "wort").send_keys(MISSED)
        Select(driver.find_element(By.ID, "kategorie")).select_by_visible_text("Person")
        driver.find_element(By.ID, "maskieren").click()
        manual = mark_with_text(driver, MISSED)
        check(manual is not None and "manual" in manual.get_attribute("class"), f"{MISSED} is masked by hand")
        summary = driver.find_element(By.ID, "zusammenfassung").text
        check("Personen" in summary and "1 von Hand" in summary and "1 lesbar gelassen" in summary, f"summary line: {summary}")

        output = driver.find_element(By.ID, "ausgabe").text
        check(KEPT in output and "Reuter" not in output and MISSED not in output, "the result keeps what was chosen and masks the rest")

        downloaded = download(driver, downloads)
        check(downloaded == EXPECTED, "the downloaded text equals Tests/browser/expected-review.txt")
        if downloaded != EXPECTED:
            print(downloaded)

        errors = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
        check(not errors, f"no script or Content-Security-Policy errors ({errors})")
        check(driver.execute_script("return localStorage.length + sessionStorage.length") == 0 and driver.get_cookies() == [],
              "nothing stored in the browser")

        # The screenshot: the whole page as reviewed.
        height = driver.execute_script("return document.documentElement.scrollHeight")
        driver.set_window_size(1200, height + 200)
        driver.execute_script("document.activeElement.blur(); window.scrollTo(0, 0)")
        screenshot = REPO / "docs/review-page.png"
        driver.save_screenshot(str(screenshot))
        check(screenshot.stat().st_size > 10000, f"screenshot saved to {screenshot.relative_to(REPO)}")

        # 200 % zoom: the same page in half the CSS width must not need horizontal scrolling.
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 600, "height": 900, "deviceScaleFactor": 2, "mobile": False})
        overflow = driver.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
        check(overflow <= 0, f"no horizontal scrolling at 200 % zoom (overflow {overflow}px)")
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})

        word_document(driver, wait, port, workdir, downloads)
        errors = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE" and "/v1/extract" not in entry["message"]]
        check(not errors, f"no script errors with Word files ({errors})")
    finally:
        driver.quit()
        service.terminate()
        service.wait(timeout=30)
    log = open(os.path.join(workdir, "serve.log"), encoding="utf-8").read()
    check(service.returncode == 0, "the service stops cleanly on SIGTERM")
    check(not any(name in log for name in ["Reuter", "Kowalczyk", MISSED, "Brandt", "02307"]), "the service log holds no name of the note or the .docx")
    print(f"{len(FAILURES)} failure(s)")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
