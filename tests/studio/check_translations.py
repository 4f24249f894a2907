#!/usr/bin/env python3
"""Every string the sources mark for translation has a finished German translation.

usage: check_translations.py LUPDATE SOURCE_ROOT TS_FILE
Runs lupdate over widgets/ and app/ into a scratch file and compares its (class, source) pairs with
TS_FILE's; lupdate cannot always resolve namespaces, so contexts are compared by their last part.
"""
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET


def messages(path, finished_only):
    found = set()
    for context in ET.parse(path).getroot().iter("context"):
        name = context.find("name").text.split("::")[-1]
        for message in context.iter("message"):
            translation = message.find("translation")
            unfinished = translation is None or translation.get("type") == "unfinished" or not (
                translation.text or translation.findall("numerusform"))
            if finished_only and unfinished:
                continue
            found.add((name, message.find("source").text))
    return found


def main():
    lupdate, root, ts_file = sys.argv[1:4]
    with tempfile.TemporaryDirectory() as scratch:
        wanted_file = os.path.join(scratch, "wanted.ts")
        subprocess.run([lupdate, "-silent", os.path.join(root, "widgets"), os.path.join(root, "app"),
                        "-ts", wanted_file], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        missing = sorted(messages(wanted_file, False) - messages(ts_file, True))
    for context, source in missing:
        print(f"{os.path.basename(ts_file)} lacks a translation of {context}: {source!r}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
