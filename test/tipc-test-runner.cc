// SPDX-License-Identifier: GPL-2.0-only
//
// Standalone test runner: the module's ns-3 TestSuites register themselves;
// this main hands the command line to ns-3's TestRunner (same flags as
// ns-3's test-runner: --test-name=, --print-test-name-list, --verbose, ...).
// In an ns-3 source tree, ns-3's own test-runner and test.py are used instead.

#include "ns3/test.h"

int
main(int argc, char** argv)
{
    return ns3::TestRunner::Run(argc, argv);
}
