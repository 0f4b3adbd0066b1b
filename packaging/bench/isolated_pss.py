#!/usr/bin/env python3
"""The daemon's PSS as if only the benchmark's own processes ran.

PSS divides each shared page by the number of processes that map it, so on a busy machine (other
builds and test daemons mapping the same libraries) the daemon's figure falls, and on a quiet one
it rises. This counts as sharers only the processes named: each physical page the daemon maps
counts 4 kB divided by 1 + the number of those processes that map it too. It reads physical page
numbers from /proc/PID/pagemap, which only root can. For daemon.sh:

  sudo SITSTRETCH_BENCH_PROBE="python3 packaging/bench/isolated_pss.py" packaging/bench/daemon.sh

Usage: isolated_pss.py DAEMON_PID OTHER_PID...   (prints the total and the largest mappings)
"""
import collections
import struct
import sys

PRESENT = 1 << 63
PFN_MASK = (1 << 55) - 1


def pages(pid):
    """Physical page number → the file (or [anon]) it is mapped from, for every present page."""
    found = {}
    with open(f"/proc/{pid}/maps") as maps, open(f"/proc/{pid}/pagemap", "rb") as pagemap:
        for line in maps:
            fields = line.split()
            low, high = (int(x, 16) for x in fields[0].split("-"))
            name = fields[5] if len(fields) > 5 else "[anon]"
            if name == "[vsyscall]":
                continue
            pagemap.seek(low // 4096 * 8)
            entries = pagemap.read((high - low) // 4096 * 8)
            for (entry,) in struct.iter_unpack("<Q", entries):
                if entry & PRESENT and entry & PFN_MASK:
                    found.setdefault(entry & PFN_MASK, name.rsplit("/", 1)[-1])
    return found


def main():
    daemon = sys.argv[1]
    mine = pages(daemon)
    if not mine:
        sys.exit("isolated_pss.py: no physical page numbers (run as root)")
    others = []
    for pid in sorted(set(sys.argv[2:]) - {daemon}):
        try:
            others.append(set(pages(pid)))
        except OSError:
            pass  # ended meanwhile, or not ours to read
    by_mapping = collections.Counter()
    for pfn, name in mine.items():
        by_mapping[name] += 4.0 / (1 + sum(pfn in o for o in others))
    print(f"isolated PSS {sum(by_mapping.values()):.0f} kB, RSS {len(mine) * 4} kB")
    for name, kb in by_mapping.most_common(16):
        print(f"  {name:36} {kb:7.0f}")


if __name__ == "__main__":
    main()
