"""Summary of `perf script -F comm,tid,ip,sym` output (bench/perf-cli writes it).

Prints the share of samples per thread (trailing numbers stripped from thread names, so that
"GC Thread#0" and "GC Thread#1" count together), the top frames by self samples, and the methods of
a package (default dev.seatwise) by inclusive samples (a method counted once per sample however
deep it recurses).

Usage: python3 bench/perf-summary.py PERF_TXT [PACKAGE]
"""
import collections
import re
import sys


def main(path, package):
    threads = collections.Counter()
    self_samples = collections.Counter()
    inclusive = collections.Counter()
    samples = 0
    for block in open(path).read().split('\n\n'):
        lines = [l.strip() for l in block.strip().split('\n') if l.strip()]
        if not lines:
            continue
        thread = re.sub(r'\s+\d+$', '', lines[0])
        thread = re.sub(r'[-\d]+$', '', thread)
        frames = [l.split(' ', 1)[1] if ' ' in l else '?' for l in lines[1:]]
        samples += 1
        threads[thread] += 1
        if frames:
            self_samples[frames[0][:110]] += 1
        seen = set()
        for f in frames:
            if package in f:
                method = re.sub(r'\(.*', '', f).split(' ')[-1]
                if method not in seen:
                    seen.add(method)
                    inclusive[method] += 1
    print('samples', samples)
    for name, n in threads.most_common(15):
        print(f'{n * 100 / samples:5.1f}% thread {name}')
    print('--- self')
    for name, n in self_samples.most_common(40):
        print(f'{n * 100 / samples:5.1f}% {name}')
    print('--- inclusive', package)
    for name, n in inclusive.most_common(50):
        print(f'{n * 100 / samples:5.1f}% {name}')


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else 'dev.seatwise')
