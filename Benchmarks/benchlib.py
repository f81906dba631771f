#!/usr/bin/env python3
"""Helpers for Benchmarks/run: the parts that are awkward in bash.

  benchlib.py hugo-site CORPUS SITE   make a Hugo site over CORPUS's Markdown
  benchlib.py count-md DIR            number of .md files under DIR (all depths)
  benchlib.py median V...             median of numbers ("-" if none)
  benchlib.py table RESULTS.tsv       print the results table and the ratios

Nothing here is timed; the run script times only the tools themselves.
Benchmarks/team imports it for measure(), middle_page(), print_table().
"""
import os
import re
import shutil
import statistics
import subprocess
import sys

# Hugo shortcodes as they appear in the guides: {{< name ...>}} or {{% name ...%}},
# and closing tags {{< /name >}}.
SHORTCODE = re.compile(r"\{\{[<%]\s*(/?)([A-Za-z0-9_.-]+)")
# Hugo's own shortcodes that work as they are (ref/relref only warn when a
# target is missing, see refLinksErrorLevel below).
BUILTIN_OK = {"ref", "relref"}
# A page that opens with a thematic break made of more than three dashes.
RULER_FIRST = re.compile(r"-{4,}[ \t]*\r?\n")

CONFIG = """\
baseURL = "https://bench.example/"
title = "Bench"
# Only pages and section lists, like permdocs: no taxonomies, feeds or sitemap.
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
# File names like S3_Foo.md and s3_foo.md must not collide.
disablePathToLower = true
# The guides link to pages of their original sites that are not here.
refLinksErrorLevel = "WARNING"
# The guides carry raw HTML (tables with <pre>); permdocs passes it through a sanitizer.
[markup.goldmark.renderer]
unsafe = true
"""

SHELL = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main>{{ block "main" . }}{{ end }}</main></body></html>
"""
SINGLE = '{{ define "main" }}<article>{{ .Content }}</article>{{ end }}\n'
LIST = ('{{ define "main" }}<article>{{ .Content }}</article>'
        '<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n')


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def hugo_site(corpus, site):
    """Copy every tool folder of CORPUS to SITE/content/<tool>/, with a one-template theme.

    A folder with index.md is a leaf bundle to Hugo, which then renders only
    that page and treats the other .md files as resources; renaming it to
    _index.md makes the folder a section so every page renders.
    Shortcodes the guides use but Hugo does not define would stop the build,
    so each gets a stub: {{ .Inner }} if it is ever closed, else nothing.
    """
    content = os.path.join(site, "content")
    shutil.copytree(corpus, content, symlinks=False)
    opened, closed, fixed = set(), set(), []
    for root, _dirs, files in os.walk(content):
        for name in files:
            path = os.path.join(root, name)
            if not name.endswith(".md"):
                continue
            if name == "index.md":
                target = os.path.join(root, "_index.md")
                if os.path.exists(target):
                    sys.exit(f"both index.md and _index.md in {root}")
                os.rename(path, target)
                path = target
            with open(path, encoding="utf-8", errors="replace") as f:
                text = f.read()
            if RULER_FIRST.match(text):
                # Hugo reads a first line of 4+ dashes as the start of YAML front
                # matter (even after blank lines) and fails; an empty front
                # matter before it leaves the page's body as it was.
                with open(path, "w", encoding="utf-8") as f:
                    f.write("---\n---\n" + text)
                fixed.append(os.path.relpath(path, content))
            for close, sc in SHORTCODE.findall(text):
                (closed if close else opened).add(sc)
    write(os.path.join(site, "config.toml"), CONFIG)
    layouts = os.path.join(site, "layouts")
    write(os.path.join(layouts, "_default", "baseof.html"), SHELL)
    write(os.path.join(layouts, "_default", "single.html"), SINGLE)
    write(os.path.join(layouts, "_default", "list.html"), LIST)
    stubs = sorted((opened | closed) - BUILTIN_OK)
    for sc in stubs:
        write(os.path.join(layouts, "shortcodes", sc + ".html"),
              "{{ .Inner }}" if sc in closed else "")
    if stubs:
        print("hugo: stub shortcodes: " + " ".join(stubs), file=sys.stderr)
    if fixed:
        print(f"hugo: empty front matter put before a first-line ruler in {len(fixed)} files", file=sys.stderr)


def count_md(directory):
    return sum(1 for _r, _d, files in os.walk(directory) for n in files if n.endswith(".md"))


def median(values):
    nums = [float(v) for v in values if v not in ("", "-")]
    return "-" if not nums else f"{statistics.median(nums):g}"


def print_table(head, rows):
    """Print ROWS (lists of cells) under HEAD as a Markdown table, columns padded."""
    widths = [max(len(str(x[i])) for x in rows + [head]) for i in range(len(head))]
    print("| " + " | ".join(h.ljust(w) for h, w in zip(head, widths)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for x in rows:
        print("| " + " | ".join(str(v).ljust(w) for v, w in zip(x, widths)) + " |")


def measure(argv, log_path, timeout=600, cwd=None):
    """Run ARGV under GNU time (outside `timeout`, as the run script does), its
    output to LOG_PATH. Returns {"status": "ok" | "timeout" | "fail", "wall": s,
    "kib": peak resident KiB, "cpu": user + system s}; wall is None unless ok."""
    tf = log_path + ".time"
    with open(log_path, "w") as log:
        code = subprocess.call(["/usr/bin/time", "-f", "%e %M %U %S", "-o", tf, "timeout", str(timeout)] + list(argv),
                               stdout=log, stderr=subprocess.STDOUT, cwd=cwd)
    # The last line: GNU time writes "Command exited..." lines before it on failure.
    with open(tf) as f:
        lines = f.read().split("\n")
    os.remove(tf)
    fields = [ln for ln in lines if ln.strip()][-1].split()
    wall, kib, cpu = float(fields[0]), int(fields[1]), float(fields[2]) + float(fields[3])
    status = "ok" if code == 0 else "timeout" if code == 124 else "fail"
    return {"status": status, "wall": wall if status == "ok" else None, "kib": kib, "cpu": round(cpu, 2)}


def middle_page(directory):
    """The page the run script edits: the middle .md file under DIRECTORY in
    sorted order (skipping dot folders), as a path relative to it."""
    pages = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        rel = os.path.relpath(root, directory)
        pages += [os.path.normpath(os.path.join(rel, n)) for n in files if n.endswith(".md") and not n.startswith(".")]
    pages.sort(key=lambda p: ("./" + p).encode())
    return pages[(len(pages) + 1) // 2 - 1] if pages else None


def table(path):
    """RESULTS.tsv rows: corpus tool pages cold_s peak_kib edit_s self_ms cpu_s note."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 8:
                rows.append(dict(zip(
                    ["corpus", "tool", "pages", "cold", "kib", "edit", "self", "cpu", "note"],
                    parts + [""] * (9 - len(parts)))))

    def num(v):
        try:
            return float(v)
        except ValueError:
            return None

    head = ["corpus", "tool", "pages", "cold wall s", "pages/s", "peak MiB",
            "1-page-edit wall s", "self-reported s", "cpu s", "notes"]
    out = []
    for r in rows:
        cold, pages, kib = num(r["cold"]), num(r["pages"]), num(r["kib"])
        selfms = num(r["self"])
        out.append([
            r["corpus"], r["tool"], r["pages"],
            r["cold"] if cold is not None else r["cold"],
            f"{pages / cold:.0f}" if cold and pages else "-",
            f"{kib / 1024:.0f}" if kib else "-",
            r["edit"] or "-",
            f"{selfms / 1000:.2f}" if selfms is not None else "-",
            r["cpu"] or "-",
            r["note"],
        ])
    print_table(head, out)

    # Ratios, permdocs over each other tool, per corpus: of cold wall time, and of
    # CPU time (steadier when the machine is shared; Hugo uses every core).
    print()
    for corpus in dict.fromkeys(r["corpus"] for r in rows):
        mine = [r for r in rows if r["corpus"] == corpus]
        for key, what in (("cold", "cold wall time"), ("cpu", "CPU time")):
            by = {r["tool"]: num(r[key]) for r in mine}
            pd = by.get("permdocs")
            # A permdocs build that was given up only gives a lower bound.
            at_least = ">= " if any(r["tool"] == "permdocs" and r["cold"] == "timeout" for r in mine) else ""
            parts = [f"permdocs/{o} {at_least or '= '}{pd / by[o]:.1f}x" for o in ("hugo", "cmark") if pd and by.get(o)]
            if parts:
                print(f"{corpus}: {what}: " + ", ".join(parts))


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    cmd, args = argv[1], argv[2:]
    if cmd == "hugo-site":
        hugo_site(*args)
    elif cmd == "count-md":
        print(count_md(args[0]))
    elif cmd == "median":
        print(median(args))
    elif cmd == "table":
        table(args[0])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
