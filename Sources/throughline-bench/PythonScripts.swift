/// The Python programs the benchmark compares against and checks with, each run as `python3 -c SCRIPT ARGS...`.
enum PythonScripts {
    /// Prints the interpreter's version; also proves `python3` starts.
    static let version = "import sys; print(sys.version.split()[0])"

    /// Prints DuckDB's version; fails when DuckDB is not installed.
    static let duckDBVersion = "import duckdb; print(duckdb.__version__)"

    /// `import --raw`'s job in the csv module: every record read and written back (the writer's default CRLF matches the file).
    static let readWrite = """
        import csv, sys
        with open(sys.argv[1], newline='', encoding='utf-8-sig') as source, \\
                open(sys.argv[2], 'w', newline='', encoding='utf-8') as target:
            csv.writer(target).writerows(csv.reader(source))
        """

    /// The reader's job in the csv module: every record read, only counted.
    static let readOnly = """
        import csv, sys
        with open(sys.argv[1], newline='', encoding='utf-8-sig') as source:
            print(sum(1 for _ in csv.reader(source)))
        """

    /// Opens the file in DuckDB as `source`: the dialect and column count given (argv[2]), every cell as text,
    /// and the title lines kept as records, so it reads exactly what the other readers read.
    private static let duckDBSource = """
        import duckdb, sys
        def literal(text):
            return "'" + text.replace("'", "''") + "'"
        columns = "{" + ", ".join(f"'c{i}': 'VARCHAR'" for i in range(int(sys.argv[2]))) + "}"
        source = f"read_csv({literal(sys.argv[1])}, header=false, delim=',', quote='\\"', escape='\\"', columns={columns})"

        """

    /// DuckDB counting the records: `python3 -c SCRIPT FILE COLUMNS`.
    static let duckDBCount = duckDBSource + """
        print(duckdb.sql(f"SELECT count(*) FROM {source}").fetchall()[0][0])
        """

    /// DuckDB reading every record and writing it back as CSV: `python3 -c SCRIPT FILE COLUMNS OUT`.
    static let duckDBCopy = duckDBSource + """
        duckdb.sql(f"COPY (SELECT * FROM {source}) TO {literal(sys.argv[3])} (HEADER false, DELIMITER ',')")
        """

    /// DuckDB grouping the tracker by objective and typed status, the plain query `rollup` is compared with:
    /// `python3 -c SCRIPT FILE SKIP OBJECTIVE_COLUMN STATUS_COLUMN`. Prints the number of groups and the rows they
    /// hold, to show it read the whole file.
    static let duckDBGroupBy = """
        import duckdb, sys
        def literal(text):
            return "'" + text.replace("'", "''") + "'"
        def name(text):
            return '"' + text.replace('"', '""') + '"'
        path, skip, objective, status = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
        groups = duckdb.sql(f"SELECT {name(objective)}, {name(status)}, count(*) "
                            f"FROM read_csv({literal(path)}, header=true, skip={skip}, all_varchar=true) GROUP BY ALL").fetchall()
        print(len(groups), sum(row[2] for row in groups))
        """

    /// Reads a `rollup --format csv` output: `python3 -c SCRIPT ROLLUP_CSV OBJECTIVES`. Prints `ok` when it has one
    /// top row per generated objective, with the derived statuses counted.
    static let verifyRollup = """
        import csv, sys, collections
        with open(sys.argv[1], newline='', encoding='utf-8') as f:
            rows = list(csv.DictReader(f))
        tops = [r for r in rows if r['level'] == '0']
        objectives = sum(1 for r in tops if r['type'] == 'objective')
        expected = int(sys.argv[2])
        derived = collections.Counter(r['derivedStatus'] for r in tops)
        summary = ", ".join(f"{n} {s}" for s, n in sorted(derived.items(), key=lambda item: (-item[1], item[0])))
        verdict = "ok" if objectives == expected == len(tops) else "mismatch"
        print(f"{verdict}: {objectives} objective rows of {len(tops)}, {expected} generated; derived: {summary}")
        """

    /// Reads a `check --format csv` output: `python3 -c SCRIPT CHECK_CSV`. The generated references all resolve and
    /// its type words are all known, so the findings that would mean a misread hierarchy must be absent.
    static let verifyCheck = """
        import csv, sys, collections
        with open(sys.argv[1], newline='', encoding='utf-8') as f:
            codes = collections.Counter(r['code'] for r in csv.DictReader(f))
        total = sum(codes.values())
        wrong = ['unknown-reference', 'duplicate-id', 'hierarchy-cycle', 'dependency-cycle', 'unknown-type', 'orphan']
        found = ", ".join(f"{codes.get(code, 0)} {code}" for code in wrong)
        print("references", ("ok: " if not any(codes.get(code) for code in wrong) else "mismatch: ") + found + f" (of {total} findings)")
        print("findings", f"ok: {total}; most common: " + ", ".join(f"{code} {n}" for code, n in codes.most_common(6)))
        """

    /// Checks the outputs with the csv module: `import --raw` must give back the input's records exactly, and
    /// `normalize` the same number of records with the same number of cells each. Prints one `ok`/`mismatch` line per check.
    static let verify = """
        import csv, sys, itertools
        def records(path):
            with open(path, newline='', encoding='utf-8-sig') as f:
                yield from csv.reader(f)
        def check_import(source, output):
            n = 0
            for n, (a, b) in enumerate(itertools.zip_longest(records(source), records(output)), 1):
                if a != b:
                    return f"mismatch at record {n}: input {a!r:.300} / output {b!r:.300}"
            return f"ok: all {n} records read back identical"
        def check_normalize(source, output):
            n = changed = 0
            for n, (a, b) in enumerate(itertools.zip_longest(records(source), records(output)), 1):
                if a is None or b is None or len(a) != len(b):
                    return f"mismatch at record {n}: input {a!r:.300} / output {b!r:.300}"
                changed += sum(1 for x, y in zip(a, b) if x != y)
            return f"ok: all {n} records kept with the same width; {changed} cells rewritten"
        print("import", check_import(sys.argv[1], sys.argv[2]))
        print("normalize", check_normalize(sys.argv[1], sys.argv[3]))
        """

    /// Reads an `annotate` output against its tracker: `python3 -c SCRIPT TRACKER ANNOTATED TITLE_ROWS`. Both must have
    /// the same number of records; the title rows must come back identical (annotate copies them untouched) and every
    /// other record's cells must be a prefix of its annotated record's, the header gaining the four added names.
    static let verifyAnnotate = """
        import csv, sys, itertools, collections
        added = ['Derived Status', 'Progress (derived)', 'Findings', 'Why']
        titles = int(sys.argv[3])
        def records(path):
            with open(path, newline='', encoding='utf-8-sig') as f:
                yield from csv.reader(f)
        n = with_findings = 0
        widths, derived = collections.Counter(), collections.Counter()
        verdict = None
        for n, (a, b) in enumerate(itertools.zip_longest(records(sys.argv[1]), records(sys.argv[2])), 1):
            if a is None or b is None:
                verdict = f"mismatch: record {n} is only in the {'input' if b is None else 'annotated output'}"
                break
            if n <= titles:
                if a != b:
                    verdict = f"mismatch: title row {n} changed: input {a!r:.200} / output {b!r:.200}"
                    break
                continue
            if b[:len(a)] != a:
                verdict = f"mismatch at record {n}: input {a!r:.300} / output {b!r:.300}"
                break
            widths[(len(a), len(b))] += 1
            if n == titles + 1:
                if b[-len(added):] != added:
                    verdict = f"mismatch: the header ends {b[-len(added):]!r}, not {added!r}"
                    break
            else:
                derived[b[-4] or '(empty)'] += 1
                with_findings += 1 if b[-2] else 0
        if verdict is None:
            shape = ", ".join(f"{m} records {x} -> {y} cells" for (x, y), m in sorted(widths.items()))
            summary = ", ".join(f"{c} {s}" for s, c in derived.most_common(6))
            verdict = (f"ok: {n} records in both; the {titles} title rows identical; every other record a prefix of its annotated "
                       f"record ({shape}); derived: {summary}; {with_findings} rows with findings")
        print("annotate", verdict)
        """

    /// Reads a `capacity --format csv` output against the long-form sheet: `python3 -c SCRIPT SHEET OUTPUT GENERATED_OVER`.
    /// The output must have one row per (person, period) the sheet has, and above 100% exactly the pairs whose
    /// allocations the sheet adds up to more than the person's availability, at least one; the rows after them (no
    /// person: a share per objective and the share serving none) must add up to 100%.
    static let verifyCapacity = """
        import csv, sys, collections
        allocated, available = collections.defaultdict(float), {}
        rows = 0
        with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:
            for r in csv.DictReader(f):
                rows += 1
                key = (r['person'], r['period'])
                allocated[key] += float(r['allocated'])
                available[key] = max(available.get(key, 0.0), float(r['available']))
        expected_over = {k for k, v in allocated.items() if v > available[k] * 1.000001}
        with open(sys.argv[2], newline='', encoding='utf-8') as f:
            rows_out = list(csv.DictReader(f))
        out = [r for r in rows_out if r['person']]
        shares = [r for r in rows_out if not r['person']]
        def percent(text):
            try:
                return float(text.strip().rstrip('%'))
            except ValueError:
                return float('inf')
        pairs = [(r['person'], r['period']) for r in out]
        over = {(r['person'], r['period']) for r in out if percent(r['utilisation']) > 100}
        highest = max((percent(r['utilisation']) for r in out), default=0)
        people, periods = len({p for p, _ in allocated}), len({q for _, q in allocated})
        share_total = sum(percent(r.get('share') or '') for r in shares)
        ok = len(pairs) == len(set(pairs)) == len(allocated) and set(pairs) == set(allocated) and over and over == expected_over
        ok = ok and len(shares) > 0 and abs(share_total - 100) <= 0.1 * len(shares)
        print("capacity", ("ok: " if ok else "mismatch: ") + f"{len(out)} rows for the {len(allocated)} (person, period) pairs of the "
              f"{rows}-row sheet ({people} people x {periods} periods); {len(over)} above 100% (the sheet's sums give "
              f"{len(expected_over)}, {sys.argv[3]} generated), highest {highest:g}%; {len(shares)} share rows adding up to {share_total:g}%")
        """
}
