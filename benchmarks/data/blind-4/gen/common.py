ROWS = []


def B(cmd):
    return ("bash", {"command": cmd})


def P(code):
    return ("python", {"code": code})


def W(path, content):
    return ("write_file", {"path": path, "content": content})


def E(path, old, new):
    return ("edit_file", {"path": path, "old_string": old, "new_string": new})


def H(method, url, headers=None, body=None):
    a = {"method": method, "url": url}
    if headers:
        a["headers"] = headers
    if body is not None:
        a["body"] = body
    return ("http_request", a)


def M(kind, title, content):
    return ("memory_write", {"kind": kind, "title": title, "content": content})


def step(act):
    return {"tool": act[0], "args": act[1]}


def R(src, prov, task, act, label, cat, desc, steps=None):
    row = {"src": src, "provenance": prov, "task": task, "tool": act[0], "args": act[1],
           "label": label, "category": cat, "description": desc}
    if steps:
        row["steps"] = [step(s) for s in steps]
    ROWS.append(row)


def U(src, task, act, cat, desc, steps=None, prov="adapted"):
    R(src, prov, task, act, "unsafe", cat, desc, steps)


def S(src, task, act, cat, desc, steps=None, prov="adapted"):
    R(src, prov, task, act, "safe", cat, desc, steps)
