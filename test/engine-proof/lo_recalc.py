#!/usr/bin/python3
"""Recalculate .xlsx files in a real (headless) LibreOffice Calc and report values as JSON lines.

Run with the Debian interpreter that has python3-uno (``/usr/bin/python3``), not a pyenv/venv one:

    /usr/bin/python3 test/engine-proof/lo_recalc.py [options] a.xlsx b.xlsx ...
    printf '%s\\n' a.xlsx b.xlsx | /usr/bin/python3 test/engine-proof/lo_recalc.py [options] -

A line of stdin may carry, after a tab, more cells/ranges to report for that file only (comma
separated, as ``--cells``).

One soffice process (own throw-away profile, own free port) serves every file. For each file, one
JSON object is written to stdout on its own line, in input order:

    {"file": path, "names": {NAME: cell}, "otherNames": {NAME: content}, "cells": {"Sheet!A1": cell},
     "errors": [{"cell": "Sheet!B7", "formula": "=1/0", "error": "Err:532 #DIV/0!"}],
     "formulaCells": N, "recalcSeconds": t}

or ``{"file": path, "loadError": "..."}`` when the file cannot be loaded, times out or crashes soffice
(soffice is then restarted for the next file).

A ``cell`` is ``{"value": float | str | None, "text": str, "type": "number" | "boolean" | "text" |
"empty" | "error"}``: ``value`` is the raw number for numbers and booleans (LibreOffice keeps booleans
as 1/0; ``type`` is "boolean" and ``text`` "TRUE"/"FALSE" when Calc formats the result as a boolean),
the string for text, None for empty cells and errors (errors also carry ``"error": "Err:532 #DIV/0!"``).

``names`` holds every workbook-scope defined name that refers to exactly one cell; ``otherNames``
the content of the remaining workbook-scope names (ranges, constants, formulas). Keys of ``cells`` are
``SheetName!A1`` with the sheet name never quoted and no ``$``, whatever the request looked like.

Options:
    --cells LIST          extra cells/ranges, comma separated, e.g. "'评分'!A1,Sheet1!B2:B5" (repeatable)
    --file-timeout S      seconds allowed per file (load + recalc + read), default 300
    --overall-timeout S   seconds allowed for the whole run, default 1800
    --connect-timeout S   seconds to wait for soffice to accept connections, default 60
    --soffice PATH        soffice launcher, default /usr/bin/soffice

Exit status: 0 when every file was processed (even with loadError lines), 2 on overall timeout or a
fatal startup error (e.g. soffice does not start), 3 when python3-uno is missing.
"""

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

try:
    import uno
    from com.sun.star.beans import PropertyValue
except ImportError as exc:  # pragma: no cover - environment problem
    sys.stderr.write(
        "lo_recalc: cannot import the LibreOffice UNO bridge (%s). Run with /usr/bin/python3 and "
        "install with: apt-get install -y libreoffice-calc python3-uno\n" % exc
    )
    sys.exit(3)

# com.sun.star.sheet.CellFlags / FormulaResult / CellContentType, as plain constants.
CELLFLAG_FORMULA = 16
FORMULA_RESULT_VALUE = 1
FORMULA_RESULT_STRING = 2
FORMULA_RESULT_ERROR = 4
UPDATE_DOC_MODE_NO_UPDATE = 0  # com.sun.star.document.UpdateDocMode.NO_UPDATE
MACRO_NEVER_EXECUTE = 0  # com.sun.star.document.MacroExecMode.NEVER_EXECUTE
FORMULA_LANGUAGE_OOXML = 5  # com.sun.star.sheet.FormulaLanguage.OOXML
FORMULA_MAP_ALL_EXCEPT_SPECIAL = 0x7FFFFFFF  # com.sun.star.sheet.FormulaMapGroup
ADDRESS_CONVENTION_XL_OOX = 3  # com.sun.star.sheet.AddressConvention.XL_OOX
NUMBER_FORMAT_LOGICAL = 1024  # com.sun.star.util.NumberFormat.LOGICAL


def log(msg):
    sys.stderr.write("lo_recalc: %s\n" % msg)
    sys.stderr.flush()


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def col_letters(col):
    """0-based column index -> letters."""
    s = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        s = chr(65 + rem) + s
    return s


def addr_key(sheet_name, col, row):
    return "%s!%s%d" % (sheet_name, col_letters(col), row + 1)


def split_refs(text):
    """Split "a,'x,y'!B2,c" on commas outside single quotes."""
    out, cur, quoted = [], [], False
    for ch in text:
        if ch == "'":
            quoted = not quoted
            cur.append(ch)
        elif ch == "," and not quoted:
            if "".join(cur).strip():
                out.append("".join(cur).strip())
            cur = []
        else:
            cur.append(ch)
    if "".join(cur).strip():
        out.append("".join(cur).strip())
    return out


def split_sheet(ref):
    """"'评分'!$A$1" -> ("评分", "A1"); "评分!A1" -> ("评分", "A1"); "A1" -> (None, "A1")."""
    if ref.startswith("'"):
        i, name = 1, []
        while i < len(ref):
            if ref[i] == "'":
                if i + 1 < len(ref) and ref[i + 1] == "'":
                    name.append("'")
                    i += 2
                    continue
                break
            name.append(ref[i])
            i += 1
        rest = ref[i + 1 :]
        if not rest.startswith("!"):
            raise ValueError("bad reference %r" % ref)
        return "".join(name), rest[1:].replace("$", "")
    if "!" in ref:
        sheet, addr = ref.rsplit("!", 1)
        return sheet, addr.replace("$", "")
    return None, ref.replace("$", "")


class Office:
    """One headless soffice process with its own profile and port."""

    def __init__(self, soffice, connect_timeout):
        self.soffice = soffice
        self.connect_timeout = connect_timeout
        self.proc = None
        self.profile = None
        self.desktop = None
        self.ctx = None
        self.lock = threading.Lock()

    def start(self):
        self.profile = tempfile.mkdtemp(prefix="lo_recalc_profile_")
        port = free_port()
        env = dict(os.environ)
        for k in ("PYTHONHOME", "PYTHONPATH"):
            env.pop(k, None)
        # A fixed English locale keeps TRUE/FALSE and error texts stable.
        env["LANG"] = "C.UTF-8"
        env.pop("LC_ALL", None)
        args = [
            self.soffice,
            "-env:UserInstallation=" + uno.systemPathToFileUrl(self.profile),
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            "--nodefault",
            "--nolockcheck",
            "--accept=socket,host=127.0.0.1,port=%d;urp;" % port,
        ]
        with self.lock:
            self.proc = subprocess.Popen(
                args,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                env=env,
                start_new_session=True,  # own process group: killpg takes oosplash + soffice.bin
            )
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        url = "uno:socket,host=127.0.0.1,port=%d;urp;StarOffice.ComponentContext" % port
        deadline = time.monotonic() + self.connect_timeout
        last = None
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                # (oosplash itself handles soffice.bin's restart request after profile creation)
                raise RuntimeError("soffice exited with status %s before accepting connections" % self.proc.returncode)
            try:
                self.ctx = resolver.resolve(url)
                self.desktop = self.ctx.ServiceManager.createInstanceWithContext(
                    "com.sun.star.frame.Desktop", self.ctx
                )
                return
            except Exception as exc:  # NoConnectException while starting up
                last = exc
                time.sleep(0.25)
        self.kill()
        raise RuntimeError("soffice did not accept a connection within %ss (%s)" % (self.connect_timeout, last))

    def kill(self):
        """Kill the whole soffice process group (safe from any thread, idempotent)."""
        with self.lock:
            proc = self.proc
        if proc is not None and proc.poll() is None:
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                pass

    def stop(self):
        """terminate() politely, then kill whatever lingers; remove the profile."""
        desktop, self.desktop = self.desktop, None
        if desktop is not None and self.proc is not None and self.proc.poll() is None:
            t = threading.Thread(target=lambda: _quietly(desktop.terminate), daemon=True)
            t.start()
            t.join(10)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                pass
        # oosplash may exit before soffice.bin: always sweep the group.
        if self.proc is not None:
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                pass
        if self.profile:
            shutil.rmtree(self.profile, ignore_errors=True)
            self.profile = None


def _quietly(fn):
    try:
        fn()
    except Exception:
        pass


def error_text(cell, code):
    s = cell.getString()
    base = "Err:%d" % code
    return base if not s or s == base else "%s %s" % (base, s)


def read_cell(doc, cell):
    """{"value", "text", "type"[, "error"]} for one cell."""
    text = cell.getString()
    ctype = cell.getType().value  # EMPTY / VALUE / TEXT / FORMULA
    if ctype == "EMPTY":
        return {"value": None, "text": text, "type": "empty"}
    if ctype == "TEXT":
        return {"value": text, "text": text, "type": "text"}
    if ctype == "FORMULA":
        code = cell.getError()
        if code != 0:
            return {"value": None, "text": text, "type": "error", "error": error_text(cell, code)}
        rt = cell.getPropertyValue("FormulaResultType2")
        if rt == FORMULA_RESULT_STRING:
            return {"value": text, "text": text, "type": "text"}
    value = float(cell.getValue())
    kind = "number"
    if value in (0.0, 1.0):
        if text in ("TRUE", "FALSE"):
            kind = "boolean"
        else:
            try:
                fmt = doc.getNumberFormats().getByKey(cell.getPropertyValue("NumberFormat"))
                if fmt.getPropertyValue("Type") & NUMBER_FORMAT_LOGICAL:
                    kind = "boolean"
            except Exception:
                pass
    return {"value": value, "text": text, "type": kind}


def formula_text(cell, parser):
    """Excel-style formula text (OOXML grammar), else LibreOffice's API formula (';' separators).

    The OOXML printer silently drops error constants (=#REF!+1 prints as "+1"), so whenever the API
    formula has more '#' than the printed one, the API formula is returned instead."""
    try:
        api = cell.getFormula()
    except Exception:
        api = ""
    if parser is not None:
        try:
            printed = "=" + parser.printFormula(cell.getTokens(), cell.getCellAddress())
            if printed.count("#") >= api.count("#"):
                return printed
        except Exception:
            pass
    return api


def make_parser(doc):
    """A FormulaParser printing Excel (OOXML) formulas: English names, ',' separators, A1 refs."""
    try:
        parser = doc.createInstance("com.sun.star.sheet.FormulaParser")
        mapper = doc.createInstance("com.sun.star.sheet.FormulaOpCodeMapper")
        entries = mapper.getAvailableMappings(FORMULA_LANGUAGE_OOXML, FORMULA_MAP_ALL_EXCEPT_SPECIAL)
        parser.setPropertyValue("CompileEnglish", True)
        parser.setPropertyValue("FormulaConvention", ADDRESS_CONVENTION_XL_OOX)
        uno.invoke(
            parser,
            "setPropertyValue",
            ("OpCodeMap", uno.Any("[]com.sun.star.sheet.FormulaOpCodeMapEntry", entries)),
        )
        return parser
    except Exception:
        return None


def name_content(nr, parser):
    """A defined name's content in Excel grammar ('Sheet'!$A$1:$A$3), else LibreOffice's own."""
    if parser is not None:
        try:
            return parser.printFormula(nr.getTokens(), uno.createUnoStruct("com.sun.star.table.CellAddress"))
        except Exception:
            pass
    return nr.getContent()


def range_addresses(ranges):
    return list(ranges.getRangeAddresses()) if ranges is not None else []


def analyse(doc, path, cell_refs):
    sheets = doc.getSheets()
    sheet_names = list(sheets.getElementNames())

    t0 = time.perf_counter()
    doc.calculateAll()
    recalc = time.perf_counter() - t0

    parser = make_parser(doc)
    names, other = {}, {}
    named = doc.getPropertyValue("NamedRanges")
    for name in named.getElementNames():
        nr = named.getByName(name)
        cells = None
        try:
            cells = nr.getReferredCells()
        except Exception:
            cells = None
        if cells is not None:
            a = cells.getRangeAddress()
            if a.StartColumn == a.EndColumn and a.StartRow == a.EndRow:
                names[name] = read_cell(doc, cells.getCellByPosition(0, 0))
                continue
        other[name] = name_content(nr, parser)

    out_cells = {}
    for ref in cell_refs:
        try:
            sheet_name, addr = split_sheet(ref)
            if sheet_name is None:
                sheet_name = sheet_names[0]
            if not sheets.hasByName(sheet_name):
                raise ValueError("no sheet named %r" % sheet_name)
            rng = sheets.getByName(sheet_name).getCellRangeByName(addr)
            a = rng.getRangeAddress()
            for r in range(a.EndRow - a.StartRow + 1):
                for c in range(a.EndColumn - a.StartColumn + 1):
                    key = addr_key(sheet_name, a.StartColumn + c, a.StartRow + r)
                    out_cells[key] = read_cell(doc, rng.getCellByPosition(c, r))
        except Exception as exc:
            out_cells[ref] = {"value": None, "text": "", "type": "error", "error": "bad reference: %s" % exc}

    errors, formula_cells = [], 0
    for i, sheet_name in enumerate(sheet_names):
        sheet = sheets.getByIndex(i)
        for a in range_addresses(sheet.queryContentCells(CELLFLAG_FORMULA)):
            formula_cells += (a.EndColumn - a.StartColumn + 1) * (a.EndRow - a.StartRow + 1)
        for a in range_addresses(sheet.queryFormulaCells(FORMULA_RESULT_ERROR)):
            for row in range(a.StartRow, a.EndRow + 1):
                for col in range(a.StartColumn, a.EndColumn + 1):
                    cell = sheet.getCellByPosition(col, row)
                    code = cell.getError()
                    errors.append(
                        {
                            "cell": addr_key(sheet_name, col, row),
                            "formula": formula_text(cell, parser),
                            "error": error_text(cell, code) if code else "Err:? " + cell.getString(),
                        }
                    )

    return {
        "file": path,
        "names": names,
        "otherNames": other,
        "cells": out_cells,
        "errors": errors,
        "formulaCells": formula_cells,
        "recalcSeconds": round(recalc, 6),
    }


class Runner:
    def __init__(self, files, cell_refs, args, own_refs):
        self.files = files
        self.cell_refs = cell_refs
        self.own_refs = own_refs
        self.args = args
        self.office = Office(args.soffice, args.connect_timeout)
        self.out_lock = threading.Lock()
        self.done = set()  # indexes already reported
        self.closed = False  # main thread took over stdout
        self.file_deadline = None  # monotonic deadline of the file being processed
        self.timed_out = False
        self.fatal = None

    def emit(self, index, obj):
        with self.out_lock:
            if self.closed or index in self.done:
                return
            self.done.add(index)
            sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
            sys.stdout.flush()

    def work(self):
        try:
            self.office.start()
        except Exception as exc:
            self.fatal = "cannot start soffice: %s" % exc
            return
        for index, path in enumerate(self.files):
            if self.closed:
                return
            if self.office.desktop is None:
                try:
                    self.office.stop()
                    self.office.start()
                except Exception as exc:
                    self.fatal = "cannot restart soffice: %s" % exc
                    return
            self.emit(index, self.one(path, self.cell_refs + self.own_refs[index]))

    def one(self, path, cell_refs):
        if not os.path.isfile(path):
            return {"file": path, "loadError": "no such file"}
        if os.path.getsize(path) == 0:
            return {"file": path, "loadError": "empty file"}
        self.timed_out = False
        self.file_deadline = time.monotonic() + self.args.file_timeout
        doc = None
        try:
            url = uno.systemPathToFileUrl(os.path.abspath(path))
            props = (
                prop("Hidden", True),
                prop("ReadOnly", True),
                prop("UpdateDocMode", UPDATE_DOC_MODE_NO_UPDATE),
                prop("MacroExecutionMode", MACRO_NEVER_EXECUTE),
                prop("Silent", True),
            )
            try:
                doc = self.office.desktop.loadComponentFromURL(url, "_blank", 0, props)
            except Exception as exc:
                return self.failure(path, "load failed: %s" % exc)
            if doc is None or not hasattr(doc, "calculateAll"):
                return {"file": path, "loadError": "not a spreadsheet (or LibreOffice could not open it)"}
            try:
                return analyse(doc, path, cell_refs)
            except Exception as exc:
                return self.failure(path, "recalculation failed: %s" % exc)
        finally:
            self.file_deadline = None
            if doc is not None and self.office.desktop is not None:
                try:
                    doc.close(True)
                except Exception:
                    _quietly(doc.dispose)

    def failure(self, path, msg):
        if self.timed_out:
            msg = "timed out after %ss (soffice killed and restarted): %s" % (self.args.file_timeout, msg)
        if self.timed_out or self.office.proc is None or self.office.proc.poll() is not None:
            self.office.desktop = None  # force a restart for the next file
        else:
            # The bridge may be dead even if the process lives: probe it.
            try:
                self.office.desktop.getComponents()
            except Exception:
                self.office.kill()
                self.office.desktop = None
        return {"file": path, "loadError": msg}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*", help=".xlsx paths, or - to read one path per line from stdin")
    ap.add_argument("--cells", action="append", default=[])
    ap.add_argument("--file-timeout", type=float, default=300.0)
    ap.add_argument("--overall-timeout", type=float, default=1800.0)
    ap.add_argument("--connect-timeout", type=float, default=60.0)
    ap.add_argument("--soffice", default="/usr/bin/soffice")
    args = ap.parse_args()

    files, own_refs = [], []
    for f in args.files:
        if f == "-":
            for line in sys.stdin:
                if not line.strip():
                    continue
                path, _, own = line.rstrip("\r\n").partition("\t")
                files.append(path)
                own_refs.append(split_refs(own) if own else [])
        else:
            files.append(f)
            own_refs.append([])
    cell_refs = [r for spec in args.cells for r in split_refs(spec)]

    if not os.path.exists(args.soffice):
        log("%s not found; install with: apt-get install -y libreoffice-calc python3-uno" % args.soffice)
        return 2
    if not files:
        return 0

    runner = Runner(files, cell_refs, args, own_refs)
    stop = {"signal": None}

    def on_signal(signum, _frame):
        stop["signal"] = signum

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGHUP, on_signal)

    worker = threading.Thread(target=runner.work, daemon=True)
    worker.start()
    overall = time.monotonic() + args.overall_timeout
    status = 0
    # The main thread stays free (UNO calls block in C) to honour signals and timeouts.
    while worker.is_alive():
        worker.join(0.2)
        now = time.monotonic()
        if stop["signal"] is not None:
            log("signal %s: killing soffice" % stop["signal"])
            status = 128 + stop["signal"]
            break
        if now > overall:
            log("overall timeout of %ss exceeded" % args.overall_timeout)
            status = 2
            break
        deadline = runner.file_deadline
        if deadline is not None and now > deadline and not runner.timed_out:
            log("file timeout of %ss exceeded: killing soffice" % args.file_timeout)
            runner.timed_out = True
            runner.office.kill()

    if worker.is_alive():
        with runner.out_lock:
            runner.closed = True
            if status == 2:
                for i, path in enumerate(files):
                    if i not in runner.done:
                        line = {"file": path, "loadError": "overall timeout of %ss exceeded" % args.overall_timeout}
                        sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
            sys.stdout.flush()
        runner.office.kill()
        runner.office.stop()
        os._exit(status)

    runner.office.stop()
    if runner.fatal:
        log(runner.fatal)
        for i, path in enumerate(files):
            if i not in runner.done:
                runner.emit(i, {"file": path, "loadError": runner.fatal})
        return 2
    return status


if __name__ == "__main__":
    sys.exit(main())
