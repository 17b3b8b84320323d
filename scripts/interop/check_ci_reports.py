"""Reads `bilateral validate --format sarif` and `--format junit` with the Python clients CI tools use, and
checks them against the JSON report of the same run: sarif-pydantic (the SARIF 2.1.0 object model) and
Microsoft's sarif-tools load the log; junitparser loads the JUnit XML.

    python check_ci_reports.py REPORT.json REPORT.sarif REPORT.xml [--strict]
"""
import json
import sys

import sarif_pydantic
from junitparser import Failure, JUnitXml
from sarif import loader


def main(json_path, sarif_path, junit_path, *flags):
    strict = "--strict" in flags
    report = json.load(open(json_path, encoding="utf-8"))
    findings = report["findings"]

    log = sarif_pydantic.Sarif.model_validate_json(open(sarif_path, encoding="utf-8").read())
    assert log.version == "2.1.0", log.version
    results = log.runs[0].results or []
    assert len(results) == len(findings), (len(results), len(findings))
    for result, finding in zip(results, findings):
        region = result.locations[0].physical_location.region
        assert result.rule_id == finding["code"], (result.rule_id, finding["code"])
        assert (region.start_line, region.start_column) == (finding["line"], finding["column"])
    loaded = loader.load_sarif_file(sarif_path)
    assert loaded.get_distinct_tool_names() == ["bilateral"], loaded.get_distinct_tool_names()
    assert loaded.get_result_count() == len(findings)
    levels = [r["level"] for r in loaded.get_results()]
    # Under --strict warnings fail too; an acknowledged warning never does, and SARIF marks it suppressed.
    failing = lambda f: f["severity"] == "error" or (strict and f["severity"] == "warning")
    errors = sum(1 for f in findings if failing(f))
    assert levels.count("error") == errors and levels.count("warning") == len(findings) - errors, levels
    for result, finding in zip(loaded.get_results(), findings):
        suppressed = bool(result.get("suppressions"))
        assert suppressed == (finding["severity"] == "acknowledged"), (finding, result.get("suppressions"))

    xml = JUnitXml.fromfile(junit_path)
    failed = 0
    for suite in xml:
        for case in suite:
            failed += any(isinstance(r, Failure) for r in case.result)
    codes_failing = {(f["file"], f["code"]) for f in findings if failing(f)}
    assert failed == len(codes_failing), (failed, codes_failing)
    print(f"{sarif_path}: {len(results)} results; {junit_path}: {failed} failing cases")


if __name__ == "__main__":
    main(*sys.argv[1:])
