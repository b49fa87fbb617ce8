#!/usr/bin/env python3
"""A bare git repository's history as CSV rows of the store's commits table, author keys by the
store's rule (AuthorIdentity: no forge login in a bare repository, so the email stripped and
lowercased; a key over 320 UTF-8 bytes becomes email-sha256:<hex>) and headlines cut as the
fetcher cuts them (the first line, at most 1024 UTF-8 bytes)."""
import csv, hashlib, subprocess, sys, uuid

repo, repository = sys.argv[1], sys.argv[2]
log = subprocess.run(["git", "--git-dir", repo, "log", "-z",
                      "--format=%H%x1f%an%x1f%ae%x1f%aI%x1f%cI%x1f%B"],
                     check=True, capture_output=True).stdout.decode("utf-8", "replace")


def cut(text, limit=1024):
    data = text.encode("utf-8")[:limit]
    return data.decode("utf-8", "ignore")


def key(email):
    normalised = email.strip().lower()
    k = "email:" + normalised
    if len(k.encode("utf-8")) <= 320:
        return k
    return "email-sha256:" + hashlib.sha256(normalised.encode("utf-8")).hexdigest()


out = csv.writer(sys.stdout)
fetch = str(uuid.uuid4())
seen = set()
for record in log.split("\0"):
    if not record.strip():
        continue
    sha, name, email, authored, committed, body = record.lstrip("\n").split("\x1f", 5)
    if sha in seen:
        continue
    seen.add(sha)
    headline = body.split("\n", 1)[0].strip()
    out.writerow(["github", repository, sha, key(email), cut(name) or None, cut(email) or None, None,
                  authored, committed, cut(headline) or None, str(uuid.uuid4()), fetch])
