#! /usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
#
# Examples run by ns-3's test.py (in-tree) and by scripts/run-examples.py
# (standalone CTest).  Each entry: ("name args", "do_run", "do_valgrind_run").

cpp_examples = [
    ("tipc-readme", "True", "True"),
    ("tipc-hello", "True", "True"),
    ("tipc-wire-frames", "True", "True"),
    ("tipc-link-throughput --delays=100us --duration=200ms", "True", "False"),
    ("tipc-wire-frames --malformed=1", "True", "True"),
    ("tipc-mcast-bench --nodes=5 --messages=100 --dests=1,4", "True", "False"),
    ("tipc-netns-host", "True", "True"),
    ("tipc-netns-host --crossover=0", "True", "True"),
    ("tipc-netns-host --cpu=1 --nics=full-duplex", "True", "True"),
    ("tipc-crossover-vs-fullstack --sizes=64,65536 --latencySizes=64 --nagleSizes=64 --connections=10 --warmup=20ms --duration=10ms", "True", "True"),
    ("tipc-echo", "True", "True"),
    ("tipc-echo --type=STREAM --size=3000 --count=20", "True", "True"),
    ("tipc-lossy-goodput --loss=0.01 --size=8192 --duration=200ms --output=-", "True", "False"),
    ("tipc-netns-size-sweep --sizes=64,65536 --duration=10ms --output=-", "True", "False"),
    ("tipc-cluster-discovery --nodes=8 --jitter=200ms --duration=5s --steady=1s --kill=2.5s --output=-", "True", "False"),
    ("tipc-failover --failAt=2.5s --duration=4s --tolerance=300ms --output=-", "True", "False"),
    ("tipc-failover --failMode=disable --socketType=RDM --priorities=10,5 --failAt=2.5s --duration=4s --output=-", "True", "False"),
    ("tipc-pubsub --output=-", "True", "False"),
    ("tipc-pubsub --toggle=300ms --failMode=stop --output=-", "True", "False"),
    ("tipc-udp-routers --count=20 --size=20000 --output=-", "True", "False"),
    ("tipc-udp-routers --type=STREAM --size=66000 --count=5 --routerDelay=5ms --output=-", "True", "False"),
    ("tipc-sim-benchmark --duration=100ms --clusters=5 --clusterTime=2s --repeat=2 --output=-", "True", "False"),
    ("tipc-sim-benchmark --scenarios=link,tcp,device --medium=ethernet --duration=100ms --output=-", "True", "False"),
]

python_examples = []
