"""What the names mean: the qualified names of the calls and modules the reviewer knows."""

from __future__ import annotations

import re

# How a process-starting call gives its command: ("first", _) the first argument (string or
# argv list); ("args", i) the positional arguments from i on; ("argv", i) an argv list at i;
# a trailing "+env" drops a final environment argument.
PROCESS_FORMS: dict[str, tuple[str, int]] = {
    **{
        name: ("first", 0)
        for name in (
            "os.system", "os.popen", "os.startfile", "subprocess.run", "subprocess.call",
            "subprocess.check_call", "subprocess.check_output", "subprocess.Popen",
            "subprocess.getoutput", "subprocess.getstatusoutput", "pty.spawn",
            "commands.getoutput", "commands.getstatusoutput", "platform.popen",
            "asyncio.create_subprocess_shell",
        )
    },
    "asyncio.create_subprocess_exec": ("args", 0),
    "os.execl": ("args", 1), "os.execlp": ("args", 1),
    "os.execle": ("args+env", 1), "os.execlpe": ("args+env", 1),
    "os.execv": ("argv", 1), "os.execvp": ("argv", 1),
    "os.execve": ("argv", 1), "os.execvpe": ("argv", 1),
    "os.spawnl": ("args", 2), "os.spawnlp": ("args", 2),
    "os.spawnle": ("args+env", 2), "os.spawnlpe": ("args+env", 2),
    "os.spawnv": ("argv", 2), "os.spawnvp": ("argv", 2),
    "os.spawnve": ("argv", 2), "os.spawnvpe": ("argv", 2),
    "os.posix_spawn": ("argv", 1), "os.posix_spawnp": ("argv", 1),
}
FORKS = frozenset({"os.fork", "os.forkpty", "pty.fork"})
SPAWNS_IN_LOOP = frozenset({"multiprocessing.Process", "subprocess.Popen", "os.system"})
SETUIDS = frozenset({
    "os.setuid", "os.seteuid", "os.setreuid", "os.setresuid", "os.setgid", "os.setegid",
    "os.setregid", "os.setresgid",
})

HTTP_VERBS = ("get", "post", "put", "patch", "delete", "head", "options")
# Qualified name -> method ("*": the method is the first argument).
HTTP_CALLS: dict[str, str] = {
    **{f"{lib}.{verb}": verb.upper() for lib in ("requests", "httpx") for verb in HTTP_VERBS},
    "requests.request": "*", "httpx.request": "*", "httpx.stream": "*", "urllib3.request": "*",
    "aiohttp.request": "*", "urllib.request.urlretrieve": "GET", "wget.download": "GET",
}
# Modules whose calls open connections (urllib.request.urlopen, smtplib.SMTP...).
NETWORK_MODULES = ("urllib.request.", "http.client.", "smtplib.", "ftplib.")
BODY_KEYWORDS = ("data", "json", "files", "content")
WEB = ("http://", "https://")

CODE_RUNNERS = frozenset({"exec", "eval", "compile", "execfile"})
DYNAMIC_IMPORTS = frozenset({"__import__", "importlib.import_module", "importlib.__import__"})
DESERIALISERS = frozenset({
    "pickle.loads", "pickle.load", "_pickle.loads", "marshal.loads", "marshal.load",
    "dill.loads", "cloudpickle.loads", "yaml.unsafe_load", "jsonpickle.decode",
})
LIBRARY_LOADS = frozenset({
    "ctypes.CDLL", "ctypes.PyDLL", "ctypes.WinDLL", "ctypes.OleDLL", "ctypes.LibraryLoader",
    "ctypes.cdll.LoadLibrary", "ctypes.pydll.LoadLibrary", "ctypes.windll.LoadLibrary",
    "_ctypes.dlopen",
})
NATIVE_CALLS = ("ctypes.cdll.", "ctypes.CDLL.")  # ctypes.cdll.<library>.<function>(...)

DELETES: dict[str, bool] = {  # name -> removes a whole tree
    "os.remove": False, "os.unlink": False, "os.rmdir": False, "os.removedirs": True,
    "shutil.rmtree": True,
}
COPIES = frozenset({
    "shutil.copy", "shutil.copy2", "shutil.copyfile", "shutil.copytree", "shutil.move",
    "os.rename", "os.replace", "os.link", "os.symlink",
})
OPENS = frozenset({"open", "io.open", "codecs.open", "os.open", "os.fdopen"})
OS_WRITE_FLAGS = ("O_WRONLY", "O_RDWR", "O_APPEND", "O_CREAT", "O_TRUNC")
CHMODS = frozenset({"os.chmod", "os.lchmod"})
READS_MANY = frozenset({
    "os.walk", "os.listdir", "os.scandir", "glob.glob", "glob.iglob", "shutil.make_archive",
    "zipfile.ZipFile", "tarfile.open",
})
PATH_CONSTRUCTORS = frozenset({
    "pathlib.Path", "pathlib.PosixPath", "pathlib.PurePath", "pathlib.PurePosixPath",
})
PATH_METHODS = frozenset({
    "read_text", "read_bytes", "write_text", "write_bytes", "open", "unlink", "rmdir", "chmod",
    "rename", "replace",
})

SIGNALS = frozenset({"os.kill", "os.killpg", "signal.pthread_kill"})
CHOWNS = frozenset({"os.chown", "os.lchown", "shutil.chown"})
KEYRINGS = frozenset({"keyring.get_password", "keyring.get_credential"})
PIP_MAINS = frozenset({"pip.main", "pip._internal.main", "pip._internal.cli.main.main"})
SERVERS = frozenset({
    "http.server.HTTPServer", "http.server.ThreadingHTTPServer", "socketserver.TCPServer",
    "socketserver.ThreadingTCPServer", "socketserver.UDPServer",
    "socketserver.ThreadingUDPServer", "xmlrpc.server.SimpleXMLRPCServer",
})
RUN_PATHS = frozenset({"runpy.run_path"})
# Calls that record the clipboard, the screen, keystrokes or network traffic.
CAPTURES: dict[str, str] = {
    **dict.fromkeys(("pyperclip.paste", "clipboard.paste", "win32clipboard.GetClipboardData",
                     "pandas.read_clipboard"), "clipboard"),
    **dict.fromkeys(("PIL.ImageGrab.grab", "pyautogui.screenshot", "mss.mss", "mss.base.MSSBase",
                     "pyscreenshot.grab", "d3dshot.create"), "screen"),
    **dict.fromkeys(("pynput.keyboard.Listener", "keyboard.on_press", "keyboard.hook",
                     "keyboard.record", "keyboard.on_release", "pyxhook.HookManager"),
                    "keystrokes"),
    **dict.fromkeys(("scapy.all.sniff", "scapy.sendrecv.sniff", "scapy.all.AsyncSniffer",
                     "pyshark.LiveCapture", "pcapy.open_live", "pcap.pcap"), "network_traffic"),
}
SECURITY_CALLS = frozenset({"selinux.security_setenforce", "selinux.setenforce"})
SCHEDULERS = frozenset({"crontab.CronTab"})
# Methods of psutil processes that signal them (only where the code uses psutil).
PROCESS_METHODS = frozenset({"kill", "terminate", "send_signal", "suspend"})
# Methods of native libraries (ctypes) that load kernel code or run code from memory.
NATIVE_METHODS = frozenset({
    "init_module", "finit_module", "mprotect", "VirtualAlloc", "VirtualAllocEx",
    "VirtualProtect", "CreateRemoteThread", "NtCreateThreadEx", "WriteProcessMemory",
    "process_vm_writev", "RtlMoveMemory", "CreateThread",
})

ENVIRON = frozenset({"os.environ", "os.environb"})
GETENV = frozenset({"os.getenv", "os.getenvb", "os.environ.get", "os.environ.pop"})
ENV_DUMPERS = frozenset({
    "dict", "str", "repr", "print", "list", "sorted", "tuple", "set", "json.dumps", "json.dump",
    "pprint.pprint", "pprint.pformat",
})
SECRET_ENV_NAME = re.compile(r"(?i)key|token|secret|passw|credential|private|auth")
PRELOAD_NAMES = ("LD_PRELOAD", "DYLD_INSERT_LIBRARIES")

# Dangerous functions: merely referring to one, without calling it, is a finding.
INDIRECT_DANGER = frozenset({
    *PROCESS_FORMS, *CODE_RUNNERS, *DELETES, *SETUIDS, *CHMODS, *FORKS, *LIBRARY_LOADS,
    *DYNAMIC_IMPORTS, *DESERIALISERS, "os.dup2",
})
SENSITIVE_MODULES = frozenset({
    "os", "posix", "subprocess", "builtins", "socket", "shutil", "pty", "ctypes", "importlib",
    "sys", "pickle", "marshal",
})
# Module names that resolve without an import: a persistent interpreter (a notebook kernel)
# may have imported them in an earlier cell.
KNOWN_MODULES = SENSITIVE_MODULES | {
    "base64", "binascii", "codecs", "zlib", "gzip", "bz2", "lzma", "requests", "httpx",
    "urllib", "urllib3", "http", "pathlib", "glob", "json", "pprint", "multiprocessing",
    "asyncio", "platform", "smtplib", "ftplib", "stat", "io", "aiohttp", "wget", "tarfile",
    "zipfile", "__builtins__", "mmap",
}
BUILTINS = frozenset({
    "eval", "exec", "compile", "execfile", "open", "__import__", "getattr", "print", "dict",
    "str", "repr", "bytes", "bytearray", "chr", "list", "tuple", "set", "sorted", "vars",
    "globals", "locals", "range",
})
