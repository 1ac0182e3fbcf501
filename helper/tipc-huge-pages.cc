// SPDX-License-Identifier: GPL-2.0-only

#include "tipc-huge-pages.h"

#include "ns3/log.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>

#ifdef __linux__
#include <unistd.h>
#endif

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("TipcHugePages");

namespace
{
/// The glibc tunable that madvises malloc's heap for transparent huge pages.
const char* const HUGETLB_TUNABLE = "glibc.malloc.hugetlb=1";
/// The tunable's name, with any value: a user's own setting is left alone.
const char* const HUGETLB_ANY = "glibc.malloc.hugetlb=";
/// Set in the environment of the restarted program: there is never a second restart.
const char* const RESTARTED_MARKER = "TIPC_HUGE_PAGES_RESTARTED";

/// Whether GLIBC_TUNABLES contains @p what.
bool
TunablesContain(const char* what)
{
    const char* tunables = std::getenv("GLIBC_TUNABLES");
    return tunables != nullptr && std::strstr(tunables, what) != nullptr;
}

/// The kernel's THP mode: the bracketed word of the sysfs file, or "unknown".
std::string
KernelThpMode()
{
    std::ifstream f("/sys/kernel/mm/transparent_hugepage/enabled");
    std::string line;
    if (!std::getline(f, line))
    {
        return "unknown";
    }
    std::string::size_type open = line.find('[');
    std::string::size_type close = line.find(']', open);
    if (open == std::string::npos || close == std::string::npos)
    {
        return "unknown";
    }
    return line.substr(open + 1, close - open - 1);
}
} // namespace

bool
TipcHugePages::IsRequested()
{
    return TunablesContain(HUGETLB_TUNABLE);
}

bool
TipcHugePages::WasRestarted()
{
    return std::getenv(RESTARTED_MARKER) != nullptr;
}

void
TipcHugePages::Restart(char* argv[])
{
    if (WasRestarted() || TunablesContain(HUGETLB_ANY))
    {
        return; // done already, or the user chose a setting
    }
    const char* preload = std::getenv("LD_PRELOAD");
    if (preload != nullptr && std::strstr(preload, "vgpreload") != nullptr)
    {
        // under valgrind the new image would run outside the tool
        std::cerr << "not restarting with huge pages under valgrind" << std::endl;
        return;
    }
#ifdef __linux__
    const char* old = std::getenv("GLIBC_TUNABLES");
    const std::string previous = old != nullptr ? old : "";
    std::string tunables =
        previous.empty() ? std::string(HUGETLB_TUNABLE) : previous + ":" + HUGETLB_TUNABLE;
    std::cerr << "restarting with GLIBC_TUNABLES=" << tunables
              << " (transparent huge pages for the heap)" << std::endl;
    std::cout.flush();
    if (setenv("GLIBC_TUNABLES", tunables.c_str(), 1) == 0 && setenv(RESTARTED_MARKER, "1", 1) == 0)
    {
        execv("/proc/self/exe", argv);
    }
    int err = errno;
    // still this process: go on with small pages, and leave the environment as it was
    if (old != nullptr)
    {
        setenv("GLIBC_TUNABLES", previous.c_str(), 1);
    }
    else
    {
        unsetenv("GLIBC_TUNABLES");
    }
    unsetenv(RESTARTED_MARKER);
    NS_LOG_WARN("restart with huge pages failed: " << std::strerror(err));
    std::cerr << "warning: could not restart with huge pages (" << std::strerror(err)
              << "); running without them" << std::endl;
#else
    (void)argv;
    std::cerr << "warning: huge pages for the heap need Linux and glibc; running without them"
              << std::endl;
#endif
}

std::string
TipcHugePages::Describe()
{
    std::string what = IsRequested() ? std::string("requested (") + HUGETLB_TUNABLE +
                                           (WasRestarted() ? "; restarted)" : ")")
                                     : std::string("not requested");
    return "heap huge pages: " + what + ", kernel THP mode " + KernelThpMode();
}

} // namespace ns3
