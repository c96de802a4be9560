"""The class hub under a class: N simulated students arriving over a period (`make bench`, section "hub").

Each student, in a thread of this process: logs in through the hub's form (first use: sign-up, which
makes their Unix account), asks for a token, starts a server (REST API), follows lesson 01's nbgitpuller
link (clone into their home), opens a kernel, runs lesson 01 cell by cell over the kernel websocket,
then moves the lesson's main widget (a comm_msg to the slider, as the browser sends) and waits for the
new chart. Time to first chart = from arrival to the first image/png output of the lesson; time to
moved chart = from arrival to the widget's new PNG. Kernels stay open until every student is done, so
memory is read with the whole class active: per student, the RSS and PSS (smaps_rollup) of their
server and kernel processes; CPU seconds per student from /proc/<pid>/stat (utime + stime, own and
waited-for children). The machine's CPU (all cores, /proc/stat) and used memory (/proc/meminfo) are
sampled every 0.5 s. Only 127.0.0.1 is contacted.

Usage: python bench/hub_load.py [--students 30] [--over 60,30,120] [--json out.json]
(runs the hub from hub/.venv; needs root, like `make hub`).
"""

from __future__ import annotations

import argparse
import json
import os
import pwd
import secrets
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT / "hub"))

LESSON = "notebooks/01_cluster_system_33618.ipynb"
HOME_COPY = "chongqing-policy-lab"
TARGETS = {"p95_first_chart_s": 10.0, "mib_per_student": 300.0}
PAGE = os.sysconf("SC_PAGE_SIZE")
TICKS = os.sysconf("SC_CLK_TCK")


def r2(value):
    return None if value is None else round(value, 2)


def percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(q / 100 * len(ordered) + 0.5) - 1))  # nearest rank
    return ordered[rank]


def processes_of(uid: int) -> list[int]:
    from hubclient import pids_of

    return pids_of(uid)


def memory_and_cpu(uid: int) -> dict:
    """RSS, PSS (MiB) and CPU seconds of every process of one student."""
    rss = pss = cpu = 0.0
    for pid in processes_of(uid):
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Rss:"):
                    rss += int(line.split()[1]) / 1024
                elif line.startswith("Pss:"):
                    pss += int(line.split()[1]) / 1024
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            cpu += sum(int(x) for x in fields[11:15]) / TICKS  # utime stime cutime cstime
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return {"rss_mib": round(rss, 1), "pss_mib": round(pss, 1), "cpu_s": round(cpu, 2)}


class MachineSampler(threading.Thread):
    """Whole-machine CPU use (% of all cores) and used memory (GiB), every 0.5 s."""

    def __init__(self):
        super().__init__(daemon=True)
        self.stop_flag = threading.Event()
        self.cpu: list[float] = []
        self.mem: list[float] = []
        self.busy_start = self._cpu()[0]

    @staticmethod
    def _cpu():
        values = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
        idle = values[3] + values[4]
        return sum(values) - idle, sum(values)

    def busy_seconds(self) -> float:
        """CPU-seconds all processes of the machine used since this sampler was made (all cores)."""
        return (self._cpu()[0] - self.busy_start) / TICKS

    def run(self):
        busy0, total0 = self._cpu()
        while not self.stop_flag.wait(0.5):
            busy, total = self._cpu()
            if total > total0:
                self.cpu.append(100.0 * (busy - busy0) / (total - total0))
            busy0, total0 = busy, total
            info = {k: int(v.split()[0]) for k, v in (line.split(":", 1) for line in
                                                      Path("/proc/meminfo").read_text().splitlines())}
            self.mem.append((info["MemTotal"] - info["MemAvailable"]) / 1024 / 1024)


def one_student(hub, repo: str, name: str, arrival: float, record: dict, done: threading.Event,
                release: threading.Event) -> None:
    from links import pull_link

    def stamp(step):
        record[step] = round(time.monotonic() - arrival, 3)

    kernel = None
    try:
        student = hub.student(name, f"pw-{name}")
        stamp("logged_in_s")
        student.start(timeout=300)
        stamp("server_s")
        student.follow_link(pull_link(hub.base, repo, LESSON))
        stamp("pulled_s")
        kernel = student.kernel(f"{HOME_COPY}/{LESSON}")
        stamp("kernel_s")
        notebook = student.notebook(f"{HOME_COPY}/{LESSON}")
        for cell in notebook["cells"]:
            if cell["cell_type"] != "code":
                continue
            outputs = kernel.execute(cell["source"], timeout=300)
            errors = [o for o in outputs if o["output_type"] == "error"]
            if errors:
                raise RuntimeError(f"{errors[0]['ename']}: {errors[0]['evalue']}")
            if "first_chart_s" not in record and any("image/png" in (o.get("data") or {}) for o in outputs):
                stamp("first_chart_s")
        stamp("lesson_s")
        slider = kernel.find_comm(_model_name="IntSliderModel", _dom_classes="cqlab-main-control")
        chart = kernel.find_comm(_model_name="ImageModel", _dom_classes="cqlab-chart")
        moved_at = time.monotonic()
        kernel.move_widget(slider, kernel.comms[slider]["value"] + 3, chart, timeout=120)
        record["widget_move_s"] = round(time.monotonic() - moved_at, 3)
        stamp("moved_chart_s")
        record["ok"] = True
    except Exception as error:  # a failure is a result: record it, keep the class going
        record["ok"] = False
        record["error"] = f"{type(error).__name__}: {str(error)[:300]}"
    finally:
        done.set()
        release.wait(900)  # keep the kernel open until the whole class is measured
        if kernel is not None:
            try:
                kernel.close()
            except Exception:
                pass


def run_class(students: int, over: float, log=print) -> dict:
    """One class: `students` arriving evenly over `over` seconds; returns timings, failures, memory, CPU."""
    from hubclient import GitServer, RunningHub, make_edition

    scratch = Path(tempfile.mkdtemp(prefix="cqlab-hubload-"))
    scratch.chmod(0o755)
    git = hub = None
    sampler = MachineSampler()
    try:
        make_edition(ROOT, scratch / "git" / "edition")
        git = GitServer(scratch / "git")
        hub = RunningHub(scratch / "state", extra_env={"CQLAB_HUB_MEM_LIMIT": "2G"})
        tag = secrets.token_hex(2)
        names = [f"cql{tag}{i:02d}" for i in range(students)]
        records = [dict(student=n) for n in names]
        dones = [threading.Event() for _ in names]
        release = threading.Event()
        threads = []
        sampler.start()
        started = time.monotonic()
        for i, name in enumerate(names):
            arrival = started + i * over / max(1, students - 1) if students > 1 else started
            time.sleep(max(0.0, arrival - time.monotonic()))
            t = threading.Thread(target=one_student, daemon=True,
                                 args=(hub, git.url("edition"), name, time.monotonic(), records[i], dones[i],
                                       release))
            t.start()
            threads.append(t)
        for d in dones:
            d.wait(900)
        class_s = time.monotonic() - started
        machine_cpu_s = sampler.busy_seconds()  # hub, proxy, git daemon, students, this driver: everything
        usage = {}
        for name in names:
            try:
                usage[name] = memory_and_cpu(pwd.getpwnam(name).pw_uid)
            except KeyError:
                pass
        release.set()
        for t in threads:
            t.join(60)
        sampler.stop_flag.set()
        ok = [r for r in records if r.get("ok")]
        first = [r["first_chart_s"] for r in ok if "first_chart_s" in r]
        moved = [r["moved_chart_s"] for r in ok]
        active = [usage[r["student"]] for r in ok if r["student"] in usage]
        out = {
            "students": students, "over_s": over, "arrivals_per_min": round(60 * students / over, 1) if over else None,
            "reached_first_chart": len(first), "failures": [r for r in records if not r.get("ok")],
            "first_chart_median_s": r2(statistics.median(first) if first else None),
            "first_chart_p95_s": r2(percentile(first, 95)),
            "moved_chart_median_s": r2(statistics.median(moved) if moved else None),
            "moved_chart_p95_s": r2(percentile(moved, 95)),
            "widget_move_median_s": r2(statistics.median([r["widget_move_s"] for r in ok]) if ok else None),
            "server_start_median_s": r2(statistics.median([r["server_s"] - r["logged_in_s"] for r in ok]) if ok else None),
            "pull_median_s": r2(statistics.median([r["pulled_s"] - r["server_s"] for r in ok]) if ok else None),
            "lesson_median_s": r2(statistics.median([r["lesson_s"] - r["kernel_s"] for r in ok]) if ok else None),
            "rss_mib_per_student_median": statistics.median([u["rss_mib"] for u in active]) if active else None,
            "rss_mib_per_student_max": max((u["rss_mib"] for u in active), default=None),
            "pss_mib_per_student_median": statistics.median([u["pss_mib"] for u in active]) if active else None,
            "pss_mib_per_student_max": max((u["pss_mib"] for u in active), default=None),
            "cpu_s_per_student_median": statistics.median([u["cpu_s"] for u in active]) if active else None,
            "machine_cpu_s_per_student": round(machine_cpu_s / students, 2),
            "machine_cpu_peak_pct": round(max(sampler.cpu, default=0), 1),
            "machine_cpu_mean_pct": round(statistics.mean(sampler.cpu), 1) if sampler.cpu else None,
            "machine_mem_peak_gib": round(max(sampler.mem, default=0), 2),
            "machine_mem_start_gib": round(sampler.mem[0], 2) if sampler.mem else None,
            "class_wall_s": round(class_s, 1), "records": records,
        }
        log(f"  {students} over {over:.0f} s: {len(first)}/{students} first charts, median "
            f"{out['first_chart_median_s']} s, p95 {out['first_chart_p95_s']} s; PSS/student "
            f"{out['pss_mib_per_student_median']} MiB; failures {len(out['failures'])}")
        return out
    finally:
        sampler.stop_flag.set()
        if hub is not None:
            hub.stop()
        if git is not None:
            git.stop()
        shutil.rmtree(scratch, ignore_errors=True)


def import_profile() -> dict:
    """CPU seconds of what a student's server and kernel import, in a fresh hub/.venv interpreter each."""
    import subprocess

    python = ROOT / "hub" / ".venv" / "bin" / "python"
    probes = {"server": "import jupyter_server.serverapp, jupyterlab.labapp, nbgitpuller, jupyterhub.singleuser",
              "kernel": "import ipykernel.kernelapp",
              "lesson_01_imports": "import pandas, matplotlib.pyplot, cqlab.charts, cqlab.widgets.growth"}
    out = {}
    for name, code in probes.items():
        done = subprocess.run([str(python), "-c", f"import time\n{code}\nprint(time.process_time())"],
                              capture_output=True, text=True, cwd=ROOT / "notebooks", timeout=300)
        out[name + "_cpu_s"] = round(float(done.stdout.split()[-1]), 2) if done.returncode == 0 else None
    return out


def bench_hub(students: int = 30, rates: tuple[float, ...] = (60.0, 30.0, 120.0), log=print) -> dict:
    """The main run (students over the first period) and the capacity curve over the other periods."""
    if os.geteuid() != 0:
        return {"error": "the hub load test needs root (the hub makes Unix accounts), like make hub"}
    runs = [run_class(students, over, log=log) for over in rates]
    curve = sorted(({"arrivals_per_min": r["arrivals_per_min"], "over_s": r["over_s"],
                     "p95_first_chart_s": r["first_chart_p95_s"], "failures": len(r["failures"]),
                     "ok": not r["failures"] and (r["first_chart_p95_s"] or 1e9) <= TARGETS["p95_first_chart_s"]}
                    for r in runs), key=lambda c: c["arrivals_per_min"])
    within = [c["arrivals_per_min"] for c in curve if c["ok"]]
    return {"main": runs[0], "curve": curve, "runs": runs[1:], "imports": import_profile(),
            "max_rate_within_target_per_min": max(within) if within else None, "targets": TARGETS}


def report_lines(data: dict | None) -> list[str]:
    """The `## Class hub` section of bench/REPORT.md."""
    L = ["## Class hub", ""]
    if not data or "main" not in data:
        return L + [f"{(data or {}).get('error', 'not measured (bench/run.py --only hub)')}", ""]
    m = data["main"]
    n = m["students"]
    ok_all = m["reached_first_chart"] == n and not m["failures"]
    p95_ok = (m["first_chart_p95_s"] or 1e9) <= TARGETS["p95_first_chart_s"]
    mem_ok = (m["pss_mib_per_student_median"] or 1e9) <= TARGETS["mib_per_student"]
    L += [f"`bench/hub_load.py`: {n} simulated students arriving evenly over {m['over_s']:.0f} s "
          f"({m['arrivals_per_min']} a minute) at the class hub (`hub/jupyterhub_config.py`, LocalProcessSpawner, "
          "one Unix account each). Each logs in through the form (first use), gets a token, starts a server, "
          "follows lesson 01's nbgitpuller link, runs lesson 01 cell by cell over the kernel websocket and moves "
          "its main widget (comm message) until the new chart arrives. Kernels stay open until all are done.", "",
          "| measure | result | target | verdict |", "| --- | --- | --- | --- |",
          f"| students reaching the first chart | {m['reached_first_chart']} of {n}, {len(m['failures'])} failures "
          f"| all {n}, none | {'met' if ok_all else 'MISSED'} |",
          f"| time to first chart, median / p95 | {m['first_chart_median_s']} s / {m['first_chart_p95_s']} s "
          f"| p95 ≤ {TARGETS['p95_first_chart_s']:.0f} s | {'met' if p95_ok else 'MISSED'} |",
          f"| time to the moved widget's chart, median / p95 | {m['moved_chart_median_s']} s / "
          f"{m['moved_chart_p95_s']} s | | |",
          f"| memory per active student (server + kernel), PSS median / max | {m['pss_mib_per_student_median']} / "
          f"{m['pss_mib_per_student_max']} MiB | ≤ {TARGETS['mib_per_student']:.0f} MiB | "
          f"{'met' if mem_ok else 'MISSED'} |",
          f"| same, RSS median / max | {m['rss_mib_per_student_median']} / {m['rss_mib_per_student_max']} MiB | | |",
          f"| CPU seconds per student (server + kernel), median | {m['cpu_s_per_student_median']} s | | |",
          f"| machine CPU-seconds per student (every process: hub, proxy, git daemon, students, this driver) | "
          f"{m.get('machine_cpu_s_per_student', '—')} s | | |",
          f"| machine: CPU peak / mean over the class (all cores) | {m['machine_cpu_peak_pct']} % / "
          f"{m['machine_cpu_mean_pct']} % | | |",
          f"| machine: used memory at start / peak | {m['machine_mem_start_gib']} / {m['machine_mem_peak_gib']} GiB "
          "| | |", "",
          f"Steps, medians: server start {m['server_start_median_s']} s, pull {m['pull_median_s']} s, lesson "
          f"cells {m['lesson_median_s']} s, widget move → new chart {m['widget_move_median_s']} s; the whole "
          f"class took {m['class_wall_s']} s.", ""]
    if m["failures"]:
        L += ["Failures: " + "; ".join(f"{f['student']}: {f.get('error')}" for f in m["failures"][:5]), ""]
    first = min((r for r in m["records"] if r.get("ok")), key=lambda r: r.get("logged_in_s", 0), default=None)
    first = m["records"][0] if m["records"][0].get("ok") else first
    imports = data.get("imports") or {}
    cores = os.cpu_count() or 2
    demand = n * (m["cpu_s_per_student_median"] or 0) / (m["over_s"] or 1)
    if not p95_ok and first:
        L += [f"**Why the time target is missed: CPU.** Each student costs {m['cpu_s_per_student_median']} "
              f"CPU-seconds (server + kernel; of which, in a fresh interpreter, the server's imports — "
              f"jupyter_server, jupyterlab, nbgitpuller, jupyterhub — take {imports.get('server_cpu_s')} s, the "
              f"kernel's {imports.get('kernel_cpu_s')} s and lesson 01's imports {imports.get('lesson_01_imports_cpu_s')} s; "
              "the rest is the server's start-up, the pull and the cells). "
              f"{n} students in {m['over_s']:.0f} s ask for {demand:.1f} cores, more than this machine's {cores} "
              f"(its CPU was at {m['machine_cpu_mean_pct']} % on average during the class"
              + ("" if demand > cores else ", other jobs included")
              + "). So the queue grows with every arrival: the first "
              f"student reached the chart in {first.get('first_chart_s')} s (server {round(first['server_s'] - first['logged_in_s'], 2)} s, "
              f"pull {round(first['pulled_s'] - first['server_s'], 2)} s, kernel {round(first['kernel_s'] - first['pulled_s'], 2)} s, "
              f"cells up to the first chart {round(first['first_chart_s'] - first['kernel_s'], 2)} s), the last ones "
              "after the queue. "
              + (f"Counting every process on the machine (the hub, the proxy, the git daemon and this driver too), "
                 f"a student costs {m['machine_cpu_s_per_student']} CPU-s; {cores} cores give at most "
                 f"{cores * (m['over_s'] or 1) / n:.1f} CPU-s per student at this arrival rate even at 100 % use, "
                 "and a p95 within 10 s needs them well under saturation. " if m.get("machine_cpu_s_per_student") else "")
              + "A class of 30 arriving within a minute needs a machine whose cores stay well under "
              f"saturation: about {demand / 0.5:.0f} free cores at 50 % utilisation (hub/kubernetes/CAPACITY.md). "
              "Memory is not the limit: "
              f"{m['pss_mib_per_student_median']} MiB PSS per active student, "
              f"{round(m['machine_mem_peak_gib'] - (m['machine_mem_start_gib'] or 0), 2)} GiB for the whole class.", ""]
    L += ["Capacity curve (the same class at other arrival rates):", "",
          "| arrivals a minute | over (s) | p95 first chart (s) | failures | within p95 ≤ 10 s, no failure |",
          "| ---: | ---: | ---: | ---: | --- |"]
    L += [f"| {c['arrivals_per_min']} | {c['over_s']:.0f} | {c['p95_first_chart_s']} | {c['failures']} | "
          f"{'yes' if c['ok'] else 'no'} |" for c in data["curve"]]
    for run in data.get("runs", []):
        if run["failures"]:
            L += ["", f"Failures at {run['arrivals_per_min']} a minute: " + "; ".join(
                f"{f['student']}: {f.get('error')}" for f in run["failures"][:5]) +
                " (both while the machine was saturated; not investigated further)."]
    best = data.get("max_rate_within_target_per_min")
    L += ["", f"Highest arrival rate tried that keeps p95 ≤ 10 s with no failure: "
              f"{f'{best} students a minute' if best is not None else 'none of the rates tried'}.", ""]
    return L


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=30)
    parser.add_argument("--over", default="60,30,120,300", help="arrival periods in seconds; the first is the main run")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    data = bench_hub(args.students, tuple(float(x) for x in args.over.split(",")))
    text = json.dumps(data, indent=1)
    if args.json:
        args.json.write_text(text + "\n")
    print("\n".join(report_lines(data)))


if __name__ == "__main__":
    main()
