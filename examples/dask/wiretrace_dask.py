#!/usr/bin/python3
"""Run one D script over every capture in a directory on a Dask cluster,
then merge the aggregation partials into the output one run over all the
captures prints at END.

Each capture is one Dask task: a worker process runs

    wiretrace -x aggpartial -o PART.parquet -s SCRIPT -r CAPTURE

and returns the partial's bytes (so workers on other machines need no
shared output directory: only the captures must be readable where the task
runs, at the same path). The client writes the partials into a temporary
directory and runs

    wiretrace --merge PART... -s SCRIPT

whose standard output is this script's. Dask schedules, retries and moves
the data; wiretrace only computes and merges (README, "Scale").

    /usr/bin/python3 examples/dask/wiretrace_dask.py -s script.d DIR            # a LocalCluster here
    /usr/bin/python3 examples/dask/wiretrace_dask.py -s script.d --scheduler tcp://host:8786 DIR

Debian: apt-get install python3-distributed (run it with /usr/bin/python3:
a pyenv or venv python3 earlier on PATH does not see Debian's packages).
"""
import argparse
import os
import subprocess
import sys
import tempfile

from distributed import Client, LocalCluster

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_WIRETRACE = [os.environ.get("WIRETRACE_NODE", "node"), os.path.join(HERE, "..", "..", "bin", "wiretrace.mjs")]
CAPTURE_SUFFIXES = (".pcap", ".pcapng", ".cap", ".pcap.gz", ".pcapng.gz")


def partial_of(wiretrace, script_args, capture):
    """One task: the partial of `capture` (bytes), and what the run printed."""
    with tempfile.TemporaryDirectory(prefix="wiretrace-part-") as tmp:
        out = os.path.join(tmp, "part.parquet")
        r = subprocess.run(wiretrace + ["-x", "aggpartial", "-o", out] + script_args + ["-r", capture],
                           capture_output=True)
        if r.returncode != 0:
            raise RuntimeError("%s: wiretrace exited %d: %s" % (capture, r.returncode, r.stderr.decode("latin1").strip()))
        with open(out, "rb") as f:
            return f.read(), r.stderr


def captures_in(directory):
    names = sorted(n for n in os.listdir(directory) if n.endswith(CAPTURE_SUFFIXES))
    return [os.path.abspath(os.path.join(directory, n)) for n in names]


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("directory", help="directory of captures (*.pcap, *.pcapng, optionally .gz)")
    p.add_argument("-s", "--script", required=True, help="the D script (as wiretrace -s)")
    p.add_argument("-q", "--quiet", action="store_true", help="wiretrace -q")
    p.add_argument("--scheduler", default=None, help="a Dask scheduler address; default: a LocalCluster on this machine")
    p.add_argument("--workers", type=int, default=None, help="LocalCluster worker processes (default: the cores)")
    p.add_argument("--wiretrace", default=None, help="the wiretrace command (default: node bin/wiretrace.mjs of this checkout)")
    p.add_argument("--keep", default=None, help="also keep the partials in this directory")
    a = p.parse_args(argv)

    wiretrace = a.wiretrace.split() if a.wiretrace else DEFAULT_WIRETRACE
    script_args = (["-q"] if a.quiet else []) + ["-s", os.path.abspath(a.script)]
    captures = captures_in(a.directory)
    if not captures:
        print("wiretrace_dask: no captures in %s" % a.directory, file=sys.stderr)
        return 1

    if a.scheduler:
        client = Client(a.scheduler)
        cluster = None
    else:
        # Worker processes (not threads): each runs its own wiretrace, as on a real cluster.
        cluster = LocalCluster(n_workers=a.workers, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=40)
        client = Client(cluster)
    try:
        futures = client.map(partial_of, [wiretrace] * len(captures), [script_args] * len(captures), captures,
                             pure=False)
        results = client.gather(futures)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

    with tempfile.TemporaryDirectory(prefix="wiretrace-merge-") as tmp:
        parts = []
        for i, (data, _) in enumerate(results):
            path = os.path.join(a.keep or tmp, "part-%04d.parquet" % i)
            with open(path, "wb") as f:
                f.write(data)
            parts.append(path)
        r = subprocess.run(wiretrace + ["--merge"] + parts + script_args, capture_output=True)
        sys.stdout.buffer.write(r.stdout)
        sys.stderr.buffer.write(r.stderr)
        return r.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
