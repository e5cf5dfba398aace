#!/usr/bin/env python3
"""A real browser fills a Formwright web form (run by BrowserTests.swift, also by hand).

    forms_in_browser.py BASE_URL TEMPLATE LOCALE EXAMPLE_JSON POINTER WRONG_VALUE OUT_DIR

Opens BASE_URL/forms/TEMPLATE?locale=LOCALE in headless Chromium (chromedriver from Debian),
fills every field from EXAMPLE_JSON as a user would (adding list rows with the form's own
buttons), types WRONG_VALUE at POINTER, submits, and checks that the page comes back with the
error at that field, in the page's language, linked by aria-describedby; then types the right
value, downloads the DOCX into OUT_DIR and prints its path. Exits 1 with a reason on failure.
"""
import json
import os
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait


def leaves(value, pointer=""):
    if isinstance(value, dict):
        for key, element in value.items():
            yield from leaves(element, f"{pointer}/{key}")
    elif isinstance(value, list):
        for index, element in enumerate(value):
            yield from leaves(element, f"{pointer}/{index}")
    elif value is not None:
        yield pointer, value


def control(driver, pointer):
    for css in (f'input[type=checkbox][name="{pointer}"]', f'select[name="{pointer}"]', f'textarea[name="{pointer}"]',
                f'input:not([type=hidden])[name="{pointer}"]'):
        found = driver.find_elements(By.CSS_SELECTOR, css)
        if found:
            return found[0]
    return None


def add_row_for(driver, pointer):
    """Clicks "Add a row" on the innermost list that holds `pointer` (script on, as a user)."""
    parts = pointer.split("/")
    for end in range(len(parts) - 1, 0, -1):
        if parts[end].isdigit():
            lists = driver.find_elements(By.CSS_SELECTOR, f'fieldset.wf-list[data-list="{"/".join(parts[:end])}"]')
            if lists:
                buttons = lists[0].find_elements(By.CSS_SELECTOR, ":scope > button.wf-add")
                if buttons and buttons[0].is_displayed():
                    buttons[0].click()
                    return True
    return False


def set_value(driver, element, value):
    tag, kind = element.tag_name, element.get_attribute("type")
    if kind == "checkbox":
        if bool(value) != element.is_selected():
            driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
            element.click()
    elif tag == "select":
        Select(element).select_by_value(json.dumps(value) if not isinstance(value, str) else value)
    else:
        text = str(value).lower() if isinstance(value, bool) else str(value)
        driver.execute_script(
            "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}))", element, text)


def fill(driver, data):
    for pointer, value in leaves(data):
        element = control(driver, pointer)
        tries = 0
        while element is None and tries < 3 and add_row_for(driver, pointer):
            element = control(driver, pointer)
            tries += 1
        if element is None:
            raise SystemExit(f"no field {pointer} in the form")
        set_value(driver, element, value)


def type_into(driver, pointer, text):
    element = control(driver, pointer)
    element.clear()
    element.send_keys(text)
    return element


def main():
    base, template, locale, example, pointer, wrong, out = sys.argv[1:8]
    data = json.load(open(example, encoding="utf-8"))
    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", f"--lang={locale}"):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"download.default_directory": out, "download.prompt_for_download": False})
    service = Service(executable_path=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    driver = webdriver.Chrome(service=service, options=options)
    try:
        driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": out})
        driver.get(f"{base}/forms/{template}?locale={locale}")
        html_lang = driver.find_element(By.TAG_NAME, "html").get_attribute("lang")
        if html_lang != locale:
            raise SystemExit(f"the page is in {html_lang!r}, not {locale!r}")
        fill(driver, data)

        # The wrong value, typed: the script checks it as it is typed (no server round trip).
        field = type_into(driver, pointer, wrong)
        live_id = "c" + field.get_attribute("id")[1:]
        WebDriverWait(driver, 5).until(lambda d: d.find_element(By.ID, live_id).text.strip() != "")
        live = driver.find_element(By.ID, live_id).text.strip()

        driver.find_element(By.CSS_SELECTOR, 'fieldset.wf-submit button[value="docx"]').click()
        WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, '[aria-invalid="true"]'))
        field = control(driver, pointer)
        if field.get_attribute("aria-invalid") != "true":
            raise SystemExit(f"the server did not mark {pointer} invalid")
        error_id = "e" + field.get_attribute("id")[1:]
        if error_id not in (field.get_attribute("aria-describedby") or "").split():
            raise SystemExit("the error is not linked to the field by aria-describedby")
        server_message = driver.find_element(By.ID, error_id).text.strip()
        if os.environ.get("FORMWRIGHT_SCREENSHOT"):   # docs: the page with the error at its field
            driver.set_window_size(1000, 900)
            driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", field)
            driver.save_screenshot(os.environ["FORMWRIGHT_SCREENSHOT"])
        if not server_message or field.get_attribute("value") != wrong:
            raise SystemExit("the error text is empty or the typed value was lost")

        # Fix it and download.
        type_into(driver, pointer, dict(leaves(data))[pointer])
        before = set(os.listdir(out))
        driver.find_element(By.CSS_SELECTOR, 'fieldset.wf-submit button[value="docx"]').click()
        deadline = time.time() + 30
        while time.time() < deadline:
            new = [f for f in set(os.listdir(out)) - before if f.endswith(".docx")]
            if new:
                break
            time.sleep(0.2)
        else:
            raise SystemExit("no DOCX was downloaded")
        print(json.dumps({"docx": os.path.join(out, new[0]), "live": live, "server": server_message, "lang": html_lang},
                         ensure_ascii=False))
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
