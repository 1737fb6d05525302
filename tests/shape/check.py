#!/usr/bin/env python3
"""The code's shape, checked: no module cycles inside a crate, no non-test Rust
file over 400 lines, no function over 80 lines outside tests.

Run by `make lint`. Generated files are exempt. `known.txt` beside this file
lists the problems not fixed yet (without line numbers): they are reported but
do not fail the check, and a listed problem that is gone must be struck from
the list, so the list only shrinks. A module is a crate's top-level
module (`crate::store::x` counts as `store`); tests beside the code
(`#[cfg(test)]` to the end of the file) and test/bench binaries are left out of
the cycle and length checks, since they may reach anywhere.
"""
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MAX_FILE_LINES = 400
MAX_FN_LINES = 80
GENERATED = {"bindings.rs"}
CRATES = [ROOT / "src-tauri"] + sorted((ROOT / "src-tauri" / "crates").iterdir())

FN_RE = re.compile(r"^\s*(pub(\([^)]*\))?\s+)?((const|async|unsafe|extern \"C\")\s+)*fn\s+(\w+)")
USE_RE = re.compile(r"\bcrate::(\{[^}]*\}|\w+)")
STRING_RE = re.compile(r'r(#*)"(?:.|\n)*?"\1|b?"(?:\\.|[^"\\])*"|b?\'(?:\\.|[^\'\\])\'|//[^\n]*', re.S)


def blank(text):
    """Strings, chars and comments replaced by spaces, line breaks kept."""
    return STRING_RE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def non_test_part(text):
    """The file up to its `#[cfg(test)]` tests module, if any."""
    m = re.search(r"^#\[cfg\(test\)\]\s*\n\s*mod \w+", text, re.M)
    return text[: m.start()] if m else text


def module_of(src, path):
    rel = path.relative_to(src).with_suffix("")
    parts = list(rel.parts)
    if parts in (["lib"], ["main"]):
        return None
    return parts[0]


def long_functions(path, code):
    lines = code.split("\n")
    found = []
    i = 0
    while i < len(lines):
        m = FN_RE.match(lines[i])
        if not m:
            i += 1
            continue
        depth, start, j, opened = 0, i, i, False
        while j < len(lines):
            line = lines[j]
            if not opened and ";" in line and "{" not in line:
                break  # a declaration without a body
            depth += line.count("{") - line.count("}")
            opened = opened or "{" in line
            if opened and depth <= 0:
                break
            j += 1
        length = j - start + 1
        if opened and length > MAX_FN_LINES:
            found.append(f"{path.relative_to(ROOT)}:{start + 1}: fn {m.group(5)} is {length} lines (max {MAX_FN_LINES})")
        i = start + 1 if not opened else start + 1
    return found


def cycles(graph):
    """Every strongly connected component with more than one module."""
    index, low, on, stack, out, counter = {}, {}, set(), [], [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in list(graph):
        if v not in index:
            visit(v)
    return out


def main():
    problems = []
    for crate in CRATES:
        src = crate / "src"
        if not src.is_dir():
            continue
        graph = {}
        for path in sorted(src.rglob("*.rs")):
            text = path.read_text()
            code = blank(non_test_part(text))
            if path.name not in GENERATED:
                n = code.count("\n") + (0 if code.endswith("\n") else 1)
                if n > MAX_FILE_LINES:
                    problems.append(f"{path.relative_to(ROOT)}: {n} lines outside tests (max {MAX_FILE_LINES})")
                problems += long_functions(path, code)
            here = module_of(src, path)
            if here is None:
                continue
            for m in USE_RE.finditer(code):
                names = m.group(1)
                for name in re.findall(r"\w+", names.split("::")[0]) if names.startswith("{") else [names]:
                    if name not in ("self", "super") and name != here:
                        graph.setdefault(here, set()).add(name)
            for other in re.findall(r"\bsuper::(\w+)", code):
                rel = path.relative_to(src).parts
                if len(rel) == 1 and other != here:
                    pass  # `super` of a top-level module is the crate root
        for comp in cycles(graph):
            problems.append(f"{src.relative_to(ROOT)}: module cycle: {' -> '.join(comp)}")
    known_file = Path(__file__).with_name("known.txt")
    known = {l.strip() for l in known_file.read_text().splitlines() if l.strip() and not l.startswith("#")}
    keys = {re.sub(r":\d+:", ":", p): p for p in problems}
    new = [p for k, p in keys.items() if k not in known]
    gone = sorted(known - set(keys))
    for p in problems:
        print(("known: " if re.sub(r":\d+:", ":", p) in known else "") + p)
    for k in gone:
        print(f"fixed, strike it from {known_file.name}: {k}")
    if new or gone:
        print(f"shape: {len(new)} new problem(s), {len(gone)} fixed but still listed")
        return 1
    if problems:
        print(f"shape: ok but for {len(problems)} known problem(s) in {known_file.name}")
        return 0
    print("shape: ok (no module cycles, files <= 400 lines, functions <= 80 lines)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
