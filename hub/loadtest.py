"""Load test: N simulated students on the course's JupyterHub, at a human pace.

    build/hub-venv/../python hub/loadtest.py --students 10
    (any Python with playwright and psutil: the test environment, .venv, works)

It starts the hub from hub/jupyterhub_config.py on 127.0.0.1 and gives every
student a headless Chromium context of their own. Each student arrives within
the first --arrival seconds (the start of class), signs in through the
nbgitpuller link (which opens lesson 00), reads it, opens the lesson, presses
Run All, steps through its storyboards and answers its quiz, with random think
times between actions. It is a measurement, not a test: it prints the figures
below and appends them to build/loadtest/results.jsonl.

  servers started        students whose server started and lesson opened without error
  login to lesson        from pressing "Sign in" to lesson 00 open with its kernel idle
  click to painted       in the page: from a click on Next to the new diagram painted
  memory per student     RSS of the student's Jupyter server plus their kernels (peak)
  CPU                    the whole machine (all cores = 100 %), and the CPU time spent by
                         the hub side (hub, proxy, servers, kernels) versus the load
                         generator (Chromium and Playwright) running on the same machine

Verdict: FAIL when p95 click-to-painted exceeds --limit-ms (250) or any server fails.
Run it under the shared lock on a shared machine: flock /tmp/mscourse-heavy.lock ...
"""

import argparse
import asyncio
import json
import os
import pathlib
import random
import shutil
import statistics
import sys
import tempfile
import time
import traceback

import psutil

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import classhub  # noqa: E402
import student as students  # noqa: E402

RESULTS = classhub.BUILD / "loadtest" / "results.jsonl"
MB = 1024 * 1024


class Monitor:
    """Samples memory and CPU every `interval` seconds while the class runs."""

    def __init__(self, hub, interval=2.0):
        self.hub, self.interval = hub, interval
        self.peak_rss = {}  # student -> peak RSS of server + kernels
        self.hub_rss = 0
        self.generator_rss = 0
        self.cpu_samples = []
        self.cpu_seconds = {}  # pid -> (side, last seen user+system seconds)
        self.timeline = []  # (monotonic time, hub-side CPU seconds so far)
        self.running = True
        psutil.cpu_percent(None)

    def sample(self):
        per_student, hub_side = {}, 0
        tagged = set()
        for proc in self.hub.processes():
            try:
                with proc.oneshot():
                    rss = proc.memory_info().rss
                    cpu = sum(proc.cpu_times()[:2])
                    user = proc.environ().get("JUPYTERHUB_USER")
            except psutil.Error:
                continue
            tagged.add(proc.pid)
            self.cpu_seconds[proc.pid] = ("hub side", cpu)
            if user:
                per_student[user] = per_student.get(user, 0) + rss
            else:
                hub_side += rss
        generator = 0
        for proc in psutil.Process().children(recursive=True):
            if proc.pid in tagged:
                continue
            try:
                generator += proc.memory_info().rss
                self.cpu_seconds[proc.pid] = ("load generator", sum(proc.cpu_times()[:2]))
            except psutil.Error:
                continue
        for user, rss in per_student.items():
            self.peak_rss[user] = max(self.peak_rss.get(user, 0), rss)
        self.hub_rss = max(self.hub_rss, hub_side)
        self.generator_rss = max(self.generator_rss, generator)
        self.cpu_samples.append(psutil.cpu_percent(None))
        self.timeline.append((time.monotonic(), self.cpu_by_side().get("hub side", 0.0)))

    def hub_cpu_at(self, moment):
        """Hub-side CPU seconds used up to `moment` (the last sample before it)."""
        before = [cpu for t, cpu in self.timeline if t <= moment]
        return before[-1] if before else 0.0

    async def run(self):
        while self.running:
            await asyncio.to_thread(self.sample)
            await asyncio.sleep(self.interval)

    def cpu_by_side(self):
        totals = {}
        for side, seconds in self.cpu_seconds.values():
            totals[side] = totals.get(side, 0.0) + seconds
        return totals


async def attend(browser, hub, name, args, seed):
    """One student's class; returns what they measured (or the error that stopped them)."""
    s = students.Student(browser, hub, name, classhub.PASSWORD, think=tuple(args.think), seed=seed)
    result = {"name": name, "server_started": False, "finished": False}
    try:
        await s.open()
        await asyncio.sleep(s.random.uniform(0, args.arrival))
        await s.sign_in_through(hub.link(), timeout=args.timeout * 1000)
        result["server_started"] = True
        await s.think(scale=2)  # reads lesson 00
        await s.open_lesson(args.lesson, timeout=args.timeout * 1000)
        await s.run_all(timeout=args.timeout * 1000)
        result["ran_all_at"] = time.monotonic()
        problems = await s.errors_shown()
        if problems:
            raise RuntimeError(f"the lesson shows {', '.join(problems)}")
        await s.step_storyboards(steps_per_board=args.steps)
        result["questions"] = await s.answer_quiz(questions=args.questions)
        result["finished"] = True
    except Exception as error:  # a failed student is a result, not a crash
        result["error"] = f"{type(error).__name__}: {str(error).splitlines()[0][:300]}"
        if args.verbose:
            traceback.print_exc()
    finally:
        result.update(s.timings, latencies_ms=s.latencies_ms, clicked_at=s.clicked_at)
        if s.page is not None:
            await s.close()
    return result


def summarise(args, results, monitor, wall_s):
    n = args.students
    started = sum(r["server_started"] for r in results)
    finished = sum(r["finished"] for r in results)
    logins = [r["login_to_lesson_s"] for r in results if "login_to_lesson_s" in r]
    run_alls = [r["run_all_s"] for r in results if "run_all_s" in r]
    latencies = [x for r in results for x in r["latencies_ms"]]
    memory = [v / MB for v in monitor.peak_rss.values()]
    cpu = monitor.cpu_by_side()
    p95 = students.percentile(latencies, 0.95)
    # The start of class (everyone signed in, course pulled, Run All done) versus the rest.
    started_at = max((r["ran_all_at"] for r in results if "ran_all_at" in r), default=None)
    start_cpu = monitor.hub_cpu_at(started_at) if started_at else None
    total_cpu = cpu.get("hub side", 0.0)
    clicks = [(t, x) for r in results for t, x in zip(r["clicked_at"], r["latencies_ms"])]
    during = [x for t, x in clicks if started_at and t <= started_at]
    after = [x for t, x in clicks if started_at and t > started_at]
    verdict = "PASS" if started == n and finished == n and latencies and p95 <= args.limit_ms else "FAIL"
    summary = {
        "students": n, "lesson": args.lesson, "arrival_s": args.arrival, "think_s": args.think,
        "servers_started": started, "finished": finished,
        "login_to_lesson_s": {"median": statistics.median(logins) if logins else None,
                              "p95": students.percentile(logins, 0.95) if logins else None},
        "run_all_s": {"median": statistics.median(run_alls) if run_alls else None,
                      "p95": students.percentile(run_alls, 0.95) if run_alls else None},
        "click_to_painted_ms": {"median": statistics.median(latencies) if latencies else None, "p95": p95,
                                "max": max(latencies) if latencies else None, "clicks": len(latencies)},
        "memory_per_student_mb": {"median": statistics.median(memory) if memory else None,
                                  "max": max(memory) if memory else None},
        "hub_and_proxy_mb": monitor.hub_rss / MB,
        "load_generator_mb": monitor.generator_rss / MB,
        "machine_cpu_percent": {"mean": statistics.mean(monitor.cpu_samples), "peak": max(monitor.cpu_samples)},
        "cpu_seconds": cpu, "wall_s": wall_s, "cores": psutil.cpu_count(),
        "start_phase": None if started_at is None else {
            "seconds": started_at - monitor.timeline[0][0], "hub_cpu_s": start_cpu,
            "working_seconds": monitor.timeline[-1][0] - started_at, "working_hub_cpu_s": total_cpu - start_cpu,
            "clicks_during": len(during), "p95_during_ms": students.percentile(during, 0.95) if during else None,
            "clicks_after": len(after), "p95_after_ms": students.percentile(after, 0.95) if after else None},
        "memory_total_gb": psutil.virtual_memory().total / 1024 ** 3,
        "errors": [f"{r['name']}: {r['error']}" for r in results if "error" in r],
        "verdict": verdict, "limit_ms": args.limit_ms,
    }
    return summary


def report(s):
    f = lambda v, unit="", digits=0: "n/a" if v is None else f"{v:.{digits}f}{unit}"  # noqa: E731
    hub_cpu, gen_cpu = s["cpu_seconds"].get("hub side", 0.0), s["cpu_seconds"].get("load generator", 0.0)
    lines = [
        f"N = {s['students']} students, lesson {s['lesson']}, arrivals within {s['arrival_s']:.0f} s, "
        f"think {s['think_s'][0]:.0f}-{s['think_s'][1]:.0f} s ({s['cores']} cores, {s['memory_total_gb']:.0f} GB)",
        f"  servers started without error: {s['servers_started']}/{s['students']}; "
        f"finished the lesson: {s['finished']}/{s['students']}",
        f"  login to running lesson: median {f(s['login_to_lesson_s']['median'], ' s', 1)}, "
        f"p95 {f(s['login_to_lesson_s']['p95'], ' s', 1)}",
        f"  Run All ({s['lesson']}): median {f(s['run_all_s']['median'], ' s', 1)}, "
        f"p95 {f(s['run_all_s']['p95'], ' s', 1)}",
        f"  click to painted diagram: median {f(s['click_to_painted_ms']['median'], ' ms')}, "
        f"p95 {f(s['click_to_painted_ms']['p95'], ' ms')}, max {f(s['click_to_painted_ms']['max'], ' ms')} "
        f"({s['click_to_painted_ms']['clicks']} clicks; limit p95 {s['limit_ms']:.0f} ms)",
        f"  memory per student (server + kernels, peak RSS): median {f(s['memory_per_student_mb']['median'], ' MB')}, "
        f"max {f(s['memory_per_student_mb']['max'], ' MB')}; hub + proxy {s['hub_and_proxy_mb']:.0f} MB; "
        f"load generator (Chromium) {s['load_generator_mb']:.0f} MB",
        f"  machine CPU: mean {s['machine_cpu_percent']['mean']:.0f} %, peak {s['machine_cpu_percent']['peak']:.0f} % "
        f"of {s['cores']} cores over {s['wall_s']:.0f} s; CPU time: hub side {hub_cpu:.0f} s "
        f"({hub_cpu / s['students']:.1f} s per student), load generator {gen_cpu:.0f} s",
    ]
    if s["start_phase"]:
        phase = s["start_phase"]
        lines.append(
            f"  start of class (all signed in and Run All done): {phase['seconds']:.0f} s, hub side "
            f"{phase['hub_cpu_s']:.0f} CPU-s ({phase['hub_cpu_s'] / s['students']:.1f} per student); after it: "
            f"{phase['working_seconds']:.0f} s, hub side {phase['working_hub_cpu_s']:.0f} CPU-s "
            f"({phase['working_hub_cpu_s'] / s['students']:.1f} per student)")
        lines.append(
            f"  click to painted, p95: while others were still starting {f(phase['p95_during_ms'], ' ms')} "
            f"({phase['clicks_during']} clicks); after everyone had started {f(phase['p95_after_ms'], ' ms')} "
            f"({phase['clicks_after']} clicks)")
    lines += [f"  error: {e}" for e in s["errors"][:10]]
    lines.append(f"  verdict: {s['verdict']}")
    return "\n".join(lines)


async def run_class(args):
    from playwright.async_api import async_playwright

    hub = classhub.ClassHub(pathlib.Path(tempfile.mkdtemp(prefix="mscourse-loadtest-")), log=print)
    hub.start()
    monitor = Monitor(hub)
    watcher = asyncio.create_task(monitor.run())
    start = time.monotonic()
    try:
        async with async_playwright() as playwright:
            browser = await students.launch(playwright)
            try:
                rng = random.Random(args.seed)
                names = [f"student{i:03d}" for i in range(1, args.students + 1)]
                results = await asyncio.gather(*(attend(browser, hub, name, args, rng.random()) for name in names))
            finally:
                await browser.close()
    finally:
        wall = time.monotonic() - start
        monitor.running = False
        await watcher
        leftovers = hub.stop()
        shutil.rmtree(hub.run_dir, ignore_errors=True)
    summary = summarise(args, results, monitor, wall)
    if leftovers:
        summary["errors"].append(f"{len(leftovers)} processes left after the hub stopped")
        summary["verdict"] = "FAIL"
    return summary


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, required=True, help="N simulated students")
    parser.add_argument("--lesson", default="01_healthy_myelin.ipynb", help="the lesson they work through")
    parser.add_argument("--arrival", type=float, default=30.0, help="students arrive within this many seconds")
    parser.add_argument("--think", type=float, nargs=2, default=(2.0, 5.0), metavar=("MIN", "MAX"),
                        help="think time between actions, seconds")
    parser.add_argument("--steps", type=int, default=None, help="Next clicks per storyboard (default: to the end)")
    parser.add_argument("--questions", type=int, default=None, help="quiz questions answered (default: all)")
    parser.add_argument("--timeout", type=float, default=240.0, help="seconds before a student gives up on a wait")
    parser.add_argument("--limit-ms", type=float, default=250.0, help="p95 click-to-painted limit")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    if not students.chromium_path():
        sys.exit("Chromium is missing: apt-get install chromium, or set MSCOURSE_CHROMIUM")
    summary = asyncio.run(run_class(args))
    text = report(summary)
    print(text)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    with open(RESULTS, "a") as out:
        out.write(json.dumps({**summary, "report": text, "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}) + "\n")
    sys.exit(0 if summary["verdict"] == "PASS" else 1)


if __name__ == "__main__":
    main()
