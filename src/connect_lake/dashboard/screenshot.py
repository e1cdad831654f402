"""A full-page screenshot of the dashboard in headless Chromium (`make screenshot`: the README's picture).

python -m connect_lake.dashboard.screenshot target/dashboard/index.html docs/images/dashboard.png
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait

WIDTH = 1400


def screenshot(page: Path, out: Path) -> None:
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    profile = tempfile.mkdtemp(prefix="connect-lake-chromium-")
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--no-first-run",
        f"--user-data-dir={profile}",
        f"--window-size={WIDTH},1000",
    ):
        options.add_argument(argument)
    service = Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    driver = webdriver.Chrome(options=options, service=service)
    try:
        driver.get(page.resolve().as_uri())
        WebDriverWait(driver, 60).until(
            lambda d: d.execute_script(
                "return document.querySelectorAll('.chart .main-svg').length"
                " >= document.querySelectorAll('.chart').length"
            )
        )
        # the charts resize with the window: grow it until the page's height holds still
        height = 0
        while height != (height := driver.execute_script("return document.documentElement.scrollHeight")):
            driver.set_window_size(WIDTH, height + 40)
            time.sleep(1)
        out.parent.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(out))
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("page", type=Path, help="the dashboard's HTML file")
    parser.add_argument("out", type=Path, help="the PNG to write")
    args = parser.parse_args()
    screenshot(args.page, args.out)
    print(f"screenshot: {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
