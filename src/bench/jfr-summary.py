#!/usr/bin/env python3
"""Where the CPU goes in a JFR recording: share of execution samples per part of the
work (the innermost known part of each sample's stack) and the hottest methods.

    jfr print --events jdk.ExecutionSample --stack-depth 256 rec.jfr | src/bench/jfr-summary.py

Used by src/bench/load.sh when BENCH_PROFILE=1."""
import collections
import re
import sys

# (label, frame pattern). Each sample goes to the part of the frame nearest to the top of its stack
# that matches one: a string copied by Thymeleaf counts for Thymeleaf, a Lucene read under a
# controller for the search.
PARTS = [
    ("gzip (compression)", re.compile(r"java\.util\.zip\.|GzipOutputFilter")),
    ("socket reads and writes", re.compile(r"sun\.nio\.ch\.|NioEndpoint\$NioSocketWrapper\.(doWrite|fillReadBuffer)")),
    ("messages (MessageSource)", re.compile(r"MessageSource|ResourceBundle")),
    ("static file addresses (resource chain: @{/assets/...})", re.compile(r"org\.springframework\.web\.servlet\.resource\.")),
    ("maps (maps.*)", re.compile(r"fr\.lianes\.repertoire\.maps\.")),
    ("search: Hibernate Search and Lucene", re.compile(r"org\.(hibernate\.search|apache\.lucene)\.")),
    ("SQL: JDBC driver, Hikari, Hibernate ORM", re.compile(r"org\.(postgresql|hibernate\.(?!search))|com\.zaxxer\.hikari")),
    ("templates: Thymeleaf, layout dialect, SpEL", re.compile(r"org\.thymeleaf\.|nz\.net\.ultraq\.|org\.springframework\.expression\.|org\.attoparser\.|groovy|org\.codehaus\.groovy")),
    ("the public page cache (pages.*)", re.compile(r"fr\.lianes\.repertoire\.pages\.")),
    ("the application's code (fr.lianes.repertoire)", re.compile(r"fr\.lianes\.repertoire\.")),
    ("Spring Security", re.compile(r"org\.springframework\.security\.")),
    ("Spring MVC and the rest of Spring", re.compile(r"org\.springframework\.")),
    ("Tomcat", re.compile(r"org\.apache\.(catalina|coyote|tomcat)\.")),
]

samples = []
stack = None
for line in sys.stdin:
    line = line.rstrip()
    if line.startswith("jdk.ExecutionSample"):
        stack = []
        samples.append(stack)
    elif stack is not None:
        m = re.match(r"\s+([\w$.<>]+)\(", line)
        if m:
            stack.append(m.group(1))

total = len(samples)
if not total:
    print("no samples")
    sys.exit(0)
parts = collections.Counter()
for s in samples:
    label = "other (JDK, logging...)"
    for frame in s:
        found = next((name for name, pattern in PARTS if pattern.search(frame)), None)
        if found:
            label = found
            break
    parts[label] += 1
top = collections.Counter(s[0] for s in samples if s)
print(f"{total} execution samples (all threads)")
print()
print("| part of the work | share of samples |")
print("|---|---|")
for label, n in parts.most_common():
    print(f"| {label} | {100 * n / total:.1f} % |")
print()
print("| hottest methods (top frame) | share |")
print("|---|---|")
for method, n in top.most_common(12):
    print(f"| `{method}` | {100 * n / total:.1f} % |")
