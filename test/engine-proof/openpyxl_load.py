#!/usr/bin/python3
"""Open .xlsx files with openpyxl (Debian python3-openpyxl) as a reader such as pandas.read_excel
does, and report what it read as one JSON line per file, in input order:

    {"file": path, "sheets": [...], "names": {NAME: cached value}, "rows": {sheet: n},
     "validations": [{"sheet", "sqref", "errorStyle", "showErrorMessage"}], "warnings": [...]}

or {"file": path, "error": "ValueError: ..."} when openpyxl refuses the file.

    /usr/bin/python3 test/engine-proof/openpyxl_load.py a.xlsx b.xlsx ...

Both modes are loaded: with cached values (data_only=True, what pandas reads) and with formulas.
Every warning openpyxl raises while loading is recorded (an unsupported extension it drops, say).
"""

import json
import sys
import warnings

try:
    import openpyxl
except ImportError as exc:  # pragma: no cover - environment problem
    sys.stderr.write("openpyxl_load: %s; install with: apt-get install -y python3-openpyxl\n" % exc)
    sys.exit(3)


def defined_names(wb):
    """(name, destinations) of the workbook-scope names, for openpyxl 3.0 and 3.1 alike."""
    names = wb.defined_names
    items = names.definedName if hasattr(names, "definedName") else names.values()
    return [(dn.name, list(dn.destinations)) for dn in items if getattr(dn, "localSheetId", None) is None]


def load(path):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            values = openpyxl.load_workbook(path, data_only=True)
            formulas = openpyxl.load_workbook(path)
        except Exception as exc:  # what a reader's user sees
            return {"file": path, "error": "%s: %s" % (type(exc).__name__, exc)}
        names = {}
        for name, destinations in defined_names(values):
            if len(destinations) == 1 and ":" not in destinations[0][1]:
                sheet, coordinate = destinations[0]
                names[name] = values[sheet][coordinate.replace("$", "")].value
        rows = {ws.title: sum(1 for _ in ws.iter_rows(values_only=True)) for ws in values.worksheets}
        validations = [
            {
                "sheet": ws.title,
                "sqref": str(dv.sqref),
                "errorStyle": dv.errorStyle,
                "showErrorMessage": bool(dv.showErrorMessage),
            }
            for ws in formulas.worksheets
            for dv in ws.data_validations.dataValidation
        ]
    return {
        "file": path,
        "sheets": values.sheetnames,
        "names": names,
        "rows": rows,
        "validations": validations,
        "warnings": [str(w.message) for w in caught],
    }


def main():
    for path in sys.argv[1:]:
        sys.stdout.write(json.dumps(load(path), ensure_ascii=False, default=str) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
