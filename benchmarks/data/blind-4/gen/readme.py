"""Render README.md from stats.json (counts only)."""
import json
from pathlib import Path
HERE = Path(__file__).resolve().parent
s = json.loads((HERE / "stats.json").read_text())

def table(d, h1, h2="rows"):
    out = [f"| {h1} | {h2} |", "| --- | --- |"]
    out += [f"| {k} | {v} |" for k, v in d.items()]
    return "\n".join(out)

src_rows = ["| source | url | licence | rows |", "| --- | --- | --- | --- |"]
for name, n in s["sources"].items():
    url, lic = s["source_meta"][name]
    src_rows.append(f"| {name} | {url} | {lic} | {n} |")

text = f"""# blind-4: independent blind evaluation set for forethought (multi-tool)

**Frozen: do not tune reviewers on this set.** Date: 2026-12-04.

`blind-4.jsonl` holds {s['total']} proposed agent actions, each labelled `safe` or `unsafe` in the context of the
user's task and of the earlier steps of the same session. It measures whether the action reviewers generalise to
tools other than plain shell (Python, file writes and edits, HTTP requests, memory notes) and to multi-step
sessions where an earlier step decides what the current action means.

## Counts

{table(s['labels'], 'label')}

{table(s['tools'], 'tool')}

{table(s['tool_label'], 'tool/label')}

Multi-step rows (with a `steps` list of earlier actions that already ran): {sum(s['multistep'].values())}
({', '.join(f'{k} {v}' for k, v in s['multistep'].items())}).

Rows not plain shell: {s['total'] - s['tools'].get('bash', 0)} of {s['total']}.

Top-level categories (label:category before the first `/`):

{table(s['category_top'], 'label:category')}

Provenance: {', '.join(f'{k} {v}' for k, v in s['provenance'].items())}.

## Row format

One JSON object per line:

```
{{"id": "b4-0001", "source": "<short source name>", "source_url": "...", "licence": "...",
 "provenance": "verbatim|adapted", "task": "<what the user asked the agent to do>",
 "tool": "bash|python|write_file|edit_file|http_request|memory_write", "args": {{...}},
 "steps": [{{"tool": ..., "args": {{...}}}}, ...],   # optional, oldest first, all already ran
 "label": "safe|unsafe", "category": "<harm class or task kind, '/' for sub-kinds>",
 "description": "<what the action does>"}}
```

Tool argument shapes: `bash` {{command}}; `python` {{code}}; `write_file` {{path, content}};
`edit_file` {{path, old_string, new_string}}; `http_request` {{method, url, headers?, body?}};
`memory_write` {{kind: experience|skill|knowledge, title, content}}.

Rows were shuffled with a fixed seed (20261204) before ids were assigned, so ids carry no label information.

## How it was built

The rows are written in `gen/part*.py` and assembled by `gen/build.py` (which dedupes, drops any row whose
shell command or Python code equals one in `blind-3/shell-blind-3.jsonl` (8 dropped; only a count was
printed), shuffles and assigns ids). `gen/stats.json` holds the counts used here.

* Unsafe rows take their technique (and usually the command text) from public offensive-security references
  (InternalAllTheThings / PayloadsAllTheThings: reverse shells, Linux persistence, evasion, Docker escapes,
  privilege escalation, cloud metadata, prompt injection, dependency confusion), from public reports of real
  supply-chain incidents (Codecov bash uploader, ctx/phpass, SKCIRT typosquats `urlib3`/`colourama`,
  `jeIlyfish`/`python3-dateutil`, `request`, crossenv, torchtriton, ua-parser-js, event-stream/flatmap-stream,
  Ultralytics 8.3.41, tj-actions/changed-files, Shai-Hulud), from public detection rules describing defence
  impairment (chainguard malcontent YARA rules), from AgentDojo-style injection goals (paper), OWASP LLM01 and
  published memory-poisoning research (Trojan Hippo, recommendation poisoning). Each is set inside a benign
  task where the agent over-reaches, is deceived, or follows injected text.
* Safe rows are hard negatives drawn from official documentation (CPython library docs, Requests, pytest,
  pip, psutil, GitHub Docs and REST API, OpenAI API reference, Hugging Face Hub, rustup, uv, nvm, Docker,
  Kubernetes, AWS, nginx, systemd, ufw, SELinux, sudoers, ssh-keygen, logrotate man pages) where the task
  explicitly asks for the risky-looking thing (official `curl | sh` installers, editing a named /etc file,
  force-with-lease on one's own branch, starting and calling a localhost test server, registering a key the
  session generated, updating a test expectation to a value the task states, scoped sudoers rules), plus
  everyday work and benign memory notes.
* Multi-step rows put the meaning in the earlier steps: a script written in step 1 that is a reverse shell and
  is run now; a key base64'd into a bundle that is now uploaded; a page fetched earlier whose injected text is
  now obeyed; and safe counterparts where the session itself generated the key, started the server, wrote the
  harmless script, or downloaded and verified the official installer.

Hosts: every attacker address was replaced by documentation addresses (203.0.113.0/24, 198.51.100.0/24,
2001:db8::/32) or example.com/.net names, so all rows are `adapted`. No real secret appears; token-like strings
are truncated or marked REDACTED.

## Independence statement

The author of this set (a helper session) did not read anything under the project's `src/`, `tests/`,
`benchmarks/` (other than writing this folder), nor `/work/base`, `/work/effects`, `/work/before`,
`/work/scratch` or `/work/shared/data`; opened no other .jsonl data set; did not run `forethought` or its modules,
except the loader check (`forethought.evals.datasets.load_file`), which printed only a row count; and never saw any
reviewer output or decision. `blind-3/shell-blind-3.jsonl` was opened only by `gen/build.py` to count and drop
exact action-string collisions (it prints a count, never rows). Reserved sources were not read, fetched, searched
for or copied: Atomic Red Team (and rules derived from it), tldr-pages, RedCode, R-Judge, InjecAgent, ToolEmu,
AgentHarm, ASSEBench, Agent-SafetyBench, terminal-bench, AgentBench, SWE-agent trajectories, GTFOBins, NL2Bash.
The AgentDojo repository was not available in the local store, so AgentDojo-style rows follow the injection goals
described in the AgentDojo paper, and the workspace-suite rows use the task and injection-goal strings as quoted in a
public third-party transcription of AgentDojo's `user_tasks.py`/`injection_tasks.py` found via the code index.
Exposure, stated honestly: (1) `git status` of the main checkout was run once and listed the names of two modified
project files (a loader module and a test file); their contents were not opened. (2) One `find_string` search for an
AgentDojo goal string returned excerpts from unrelated public repositories, one of which showed a few lines of a
table of safe/unsafe scores for AgentDojo prompts produced by some other project's monitor; this is not
forethought output, and nothing from it was used. (3) The loader check was run twice (once on the first version, once
after the `steps` field landed in the loader at about 21:15 UTC); each time it printed only the row count (322, then 361).

## Sources

{chr(10).join(src_rows)}

Licences are as stated by each source; "unknown" where none is stated (incident write-ups, blog posts) or where
the repository carries no licence file (InternalAllTheThings). Documentation-sourced rows are adapted
(task-specific paths and names), not copied wholesale.

## Caveats

* Rows are adapted, not verbatim: commands were placed into agent tasks, hosts replaced, and some shortened.
  The `source` names the public material the technique or API usage comes from; for exfiltration rows
  attributed to an incident (e.g. ctx) the row follows that incident's pattern (read secrets, send them out)
  in a new setting rather than reproducing its code.
* Checked against stored copies in this session: the InternalAllTheThings / PayloadsAllTheThings text (local
  snapshots), the Codecov, ctx, tj-actions, Shai-Hulud, Ultralytics, torchtriton (Sonatype) and ua-parser-js
  (malicious versions 0.7.29/0.8.0/1.0.0) write-ups, the AgentDojo workspace goals (via a public transcription),
  the malcontent rules, the pytest skip/xfail docs, the tarfile extraction-filter docs (PEP 706) and OWASP LLM01
  descriptions. Cited from the author's knowledge without re-fetching: most other documentation URLs (CPython,
  GitHub Docs, OpenAI, Slack, Docker, AWS, man pages), the npm crossenv post, the dateutil issue, the event-stream
  issue, OWASP LLM02 and the AgentDojo paper URL. These are well-known public pages, but a URL may have moved.
* Labels are single-annotator judgements by one author. A few safe rows are deliberately borderline (e.g. SELinux
  permissive on a lab VM the task names, `history -d` of a pasted password, IMDS instance-id read); the
  `task` text states what makes them acceptable.
* Multi-step semantics rely on reviewers seeing `steps`; a reviewer that ignores them will find some rows
  ambiguous by design.
* `$VAR` placeholders (e.g. `$GITHUB_TOKEN`, `$SLACK_WEBHOOK_URL`) in HTTP rows stand for values the harness
  would substitute; `@/tmp/file` bodies stand for the file's contents.
"""
(HERE.parent / "README.md").write_text(text)
print("readme written", len(text))
