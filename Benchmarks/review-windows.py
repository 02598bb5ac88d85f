#!/usr/bin/env python3
"""Aggregates the per-window reviews written by review-windows.sh.

    review-windows.py --out DIR [--repo REPO] [--window W] [--commits N] [--examples K]

Reads DIR/windows.tsv (index, base, head, exit code, seconds) and DIR/window-NNN.json / .err,
prints the figures, and writes DIR/findings.jsonl (one finding a line, with its window) and
DIR/summary.json. Standard library only.
"""
import argparse
import collections
import json
import os
import sys


def per_k(count, lines):
    return 1000.0 * count / lines if lines else 0.0


def short(sha):
    return sha[:10]


def load_windows(out):
    rows = []
    path = os.path.join(out, "windows.tsv")
    if not os.path.exists(path):
        sys.exit(f"review-windows.py: {path} is missing")
    with open(path) as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 5:
                continue
            idx, base, head, rc, secs = parts
            rows.append({"index": idx, "base": base, "head": head, "rc": int(rc), "seconds": float(secs)})
    rows.sort(key=lambda r: r["index"])
    return rows


def error_message(out, idx, rc, why=None):
    text = ""
    try:
        with open(os.path.join(out, f"window-{idx}.err"), errors="replace") as f:
            text = f.read().strip()
    except OSError:
        pass
    lines = [l for l in text.splitlines() if l.strip()]
    msg = " | ".join(lines[-3:]) if lines else ""
    if why:
        msg = f"{why}: {msg}" if msg else why
    return msg or f"exit {rc} with no message"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--repo", default="")
    ap.add_argument("--window", type=int, default=0)
    ap.add_argument("--commits", type=int, default=0)
    ap.add_argument("--examples", type=int, default=3, help="blocking findings listed per blocked window")
    args = ap.parse_args()
    out = args.out

    windows = load_windows(out)
    total = {"lines": 0, "ai": 0, "human": 0, "unknown": 0, "commits": 0, "files": 0}
    findings_all = []
    suppressed = 0
    verdicts = collections.Counter()
    errors = []
    blocked = []
    seconds = 0.0
    rule_meta = {}

    for w in windows:
        seconds += w["seconds"]
        idx = w["index"]
        doc = None
        if w["rc"] in (0, 1):
            try:
                with open(os.path.join(out, f"window-{idx}.json")) as f:
                    doc = json.load(f)
            except (OSError, ValueError) as e:
                errors.append({**w, "message": error_message(out, idx, w["rc"], f"unreadable JSON ({e})")})
                continue
        else:
            errors.append({**w, "message": error_message(out, idx, w["rc"])})
            continue
        summary = doc.get("summary", {})
        lines = summary.get("lines", {})
        w["lines"] = lines.get("total", 0)
        for k in ("ai", "human", "unknown"):
            total[k] += lines.get(k, 0)
        total["lines"] += lines.get("total", 0)
        total["commits"] += summary.get("commits", 0)
        total["files"] += summary.get("files", 0)
        suppressed += len(doc.get("suppressed", []))
        verdict = doc.get("verdict", "?")
        verdicts[verdict] += 1
        for r in doc.get("rules", []):
            rule_meta.setdefault(r.get("id"), r)
        fs = doc.get("findings", [])
        for f in fs:
            findings_all.append({"window": idx, "base": w["base"], "head": w["head"], **f})
        if verdict == "block" or w["rc"] == 1:
            blocking = [f for f in fs if f.get("decision") == "block"]
            blocked.append({**w, "verdict": verdict, "blocking": blocking, "findings": len(fs)})

    ok = len(windows) - len(errors)
    n_find = len(findings_all)
    by_rule = collections.defaultdict(lambda: {"count": 0, "block": 0, "warn": 0, "other": 0,
                                               "ai": 0, "human": 0, "unknown": 0, "windows": set()})
    for f in findings_all:
        r = by_rule[f.get("rule", "?")]
        r["count"] += 1
        d = f.get("decision")
        r[d if d in ("block", "warn") else "other"] += 1
        a = f.get("authorship")
        r[a if a in ("ai", "human") else "unknown"] += 1
        r["windows"].add(f["window"])

    # ---------------------------------------------------------------- print
    p = print
    p(f"repository      {args.repo}")
    p(f"commits         {args.commits} first-parent commits of HEAD, windows of {args.window}: "
      f"{len(windows)} windows, {ok} reviewed, {len(errors)} errored")
    p(f"paddock time    {seconds:.1f} s in all, {seconds / max(len(windows), 1):.2f} s a window")
    p(f"commits reviewed {total['commits']} (merged side commits included), {total['files']} files (summed per window)")
    p(f"added lines     {total['lines']:,}  (AI {total['ai']:,}, human {total['human']:,}, unknown {total['unknown']:,})")
    p(f"findings        {n_find:,}  ({per_k(n_find, total['lines']):.2f} per 1,000 added lines), suppressed {suppressed}")
    p(f"verdicts        " + ", ".join(f"{k} {v}" for k, v in sorted(verdicts.items())))
    p(f"blocked windows {len(blocked)} of {ok} reviewed ({len(windows)} windows)")
    p("")
    p("findings per rule")
    p(f"  {'rule':<34} {'sev':<8} {'count':>6} {'/1k':>7} {'block':>6} {'warn':>6} {'other':>6} {'AI':>6} {'human':>6} {'wins':>5}")
    for rule, r in sorted(by_rule.items(), key=lambda kv: (-kv[1]["count"], kv[0])):
        sev = rule_meta.get(rule, {}).get("severity", "")
        p(f"  {rule:<34} {sev:<8} {r['count']:>6} {per_k(r['count'], total['lines']):>7.3f} {r['block']:>6} "
          f"{r['warn']:>6} {r['other']:>6} {r['ai']:>6} {r['human']:>6} {len(r['windows']):>5}")
    if not by_rule:
        p("  (none)")
    p("")
    p(f"blocked windows ({len(blocked)} of {ok})")
    for b in blocked:
        rules = collections.Counter(f.get("rule", "?") for f in b["blocking"])
        what = ", ".join(f"{k} x{v}" for k, v in rules.most_common()) or "no finding with decision block"
        p(f"  window {b['index']} {short(b['base'])}..{short(b['head'])} ({b.get('lines', 0):,} lines, "
          f"{b['findings']} findings): {what}")
        for f in b["blocking"][: args.examples]:
            snippet = (f.get("snippet") or "").strip()
            if len(snippet) > 110:
                snippet = snippet[:107] + "..."
            p(f"      {f.get('rule')} {f.get('path')}:{f.get('line')} [{f.get('authorship')}"
              f"{'/' + f['agent'] if f.get('agent') else ''} {short(f.get('commit') or '')}] {snippet}")
        if len(b["blocking"]) > args.examples:
            p(f"      ... {len(b['blocking']) - args.examples} more")
    p("")
    p(f"errored windows ({len(errors)})")
    for e in errors:
        p(f"  window {e['index']} {short(e['base'])}..{short(e['head'])} exit {e['rc']}: {e['message']}")

    # ---------------------------------------------------------------- files
    with open(os.path.join(out, "findings.jsonl"), "w") as f:
        for x in findings_all:
            f.write(json.dumps(x, sort_keys=True) + "\n")
    summary = {
        "repository": args.repo,
        "commits": args.commits,
        "window": args.window,
        "windows": len(windows),
        "reviewed": ok,
        "errored": [{k: e[k] for k in ("index", "base", "head", "rc", "message")} for e in errors],
        "seconds": round(seconds, 2),
        "lines": total,
        "findings": n_find,
        "findings_per_1k_lines": round(per_k(n_find, total["lines"]), 3),
        "suppressed": suppressed,
        "verdicts": dict(verdicts),
        "rules": {k: {**{kk: vv for kk, vv in v.items() if kk != "windows"}, "windows": len(v["windows"]),
                      "per_1k_lines": round(per_k(v["count"], total["lines"]), 3)}
                  for k, v in by_rule.items()},
        "blocked": [{"index": b["index"], "base": b["base"], "head": b["head"], "lines": b.get("lines", 0),
                     "rules": dict(collections.Counter(f.get("rule", "?") for f in b["blocking"]))}
                    for b in blocked],
    }
    with open(os.path.join(out, "summary.json"), "w") as f:
        json.dump(summary, f, indent=2, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
