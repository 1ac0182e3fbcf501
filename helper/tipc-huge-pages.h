// SPDX-License-Identifier: GPL-2.0-only

#ifndef TIPC_HUGE_PAGES_H
#define TIPC_HUGE_PAGES_H

#include <cstdint>
#include <string>

namespace ns3
{

/**
 * @ingroup tipc
 * @brief Transparent huge pages for the heap of large simulations.
 *
 * A cluster of hundreds of nodes touches gigabytes of heap, peer by peer.
 * With 2 MiB pages it takes far fewer page faults: the 1 000-node, 60 s
 * benchmark ran a quarter to a third faster (doc/tipc.rst, "Scale and
 * simulator speed").  glibc gives malloc's heap huge pages when the tunable
 * `glibc.malloc.hugetlb=1` is set (glibc 2.35 or later, kernel THP in
 * `madvise` or `always` mode, as on Debian bookworm), and it reads tunables
 * only when a program starts.  Restart() therefore runs the program again,
 * once, with the tunable added to `GLIBC_TUNABLES`.  Results do not change:
 * only the memory system's speed does.
 *
 * @code
 * cmd.Parse(argc, argv);
 * if (nodes >= TipcHugePages::LARGE_CLUSTER)
 * {
 *     TipcHugePages::Restart(argv); // returns only if already on or not possible
 * }
 * @endcode
 */
class TipcHugePages
{
  public:
    /// Cluster size from which the examples restart with huge pages (at 300
    /// nodes, 20 s: 18.6-19.6 s with them, 19.2-24.9 s without).
    static constexpr uint32_t LARGE_CLUSTER = 300;

    /**
     * @brief Whether this process was started with the tunable set.
     * @return true if `GLIBC_TUNABLES` holds `glibc.malloc.hugetlb=1`
     */
    static bool IsRequested();

    /**
     * @brief Whether this process is the restarted one.
     * @return true if Restart() started it
     */
    static bool WasRestarted();

    /**
     * @brief Restart the program with the tunable, unless it is set already.
     *
     * Prints one line to standard error, then replaces the process (Linux:
     * `/proc/self/exe` with the same arguments and the tunable added to
     * `GLIBC_TUNABLES`).  Call it before anything is written or simulated.
     * Returns without restarting if this process is the restarted one, if
     * `GLIBC_TUNABLES` already sets `glibc.malloc.hugetlb` (to any value: the
     * user's choice stands), or under valgrind (the new image would run
     * outside the tool).  Returns too if the restart fails (not Linux, no
     * `/proc`): a warning says so and the run goes on with small pages.
     * @param argv the program's arguments, as given to main()
     */
    static void Restart(char* argv[]);

    /**
     * @brief One line for a run's log: the tunable and the kernel's THP mode.
     * @return e.g. "heap huge pages: requested (glibc.malloc.hugetlb=1; restarted), kernel
     *         THP mode madvise"
     */
    static std::string Describe();
};

} // namespace ns3

#endif // TIPC_HUGE_PAGES_H
