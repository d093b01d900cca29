# Shared by the benchmark scripts in tests/bench/; sourced, not run.
# shellcheck shell=sh

bench_doc=$(cd "$(dirname "$0")/../.." && pwd)/docs/benchmarks.md

# bench_write_section NAME FILE: puts FILE's text into docs/benchmarks.md
# between the lines "<!-- bench:NAME -->" and "<!-- /bench:NAME -->",
# leaving every other section alone; a new section goes at the end.
bench_write_section() {
	_bw_tmp=$bench_doc.tmp.$$
	if [ ! -f "$bench_doc" ]; then
		printf '# Benchmarks\n' >"$bench_doc"
	fi
	awk -v begin="<!-- bench:$1 -->" -v end="<!-- /bench:$1 -->" \
		-v body="$2" '
		function put() {
			print begin
			while ((getline line <body) > 0)
				print line
			close(body)
			print end
		}
		$0 == begin { put(); skip = 1; found = 1; next }
		skip && $0 == end { skip = 0; next }
		!skip { print }
		END {
			if (!found) {
				print ""
				put()
			}
		}' "$bench_doc" >"$_bw_tmp" && mv "$_bw_tmp" "$bench_doc"
}

# bench_min FILE: the smallest first field of FILE's lines
bench_min() {
	awk 'NR == 1 || $1 < m { m = $1 } END { print m }' "$1"
}

# bench_max FILE FIELD: the largest value of field FIELD
bench_max() {
	awk -v f="$2" 'NR == 1 || $f > m { m = $f } END { print m }' "$1"
}

# bench_all_ok FILE...: every run in them exited 0 (third field)
bench_all_ok() {
	! awk '$3 != 0 { bad = 1 } END { exit bad ? 0 : 1 }' "$@"
}
