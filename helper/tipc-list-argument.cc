// SPDX-License-Identifier: GPL-2.0-only

#include "tipc-list-argument.h"

#include "ns3/fatal-error.h"

#include <cerrno>
#include <cstdlib>
#include <sstream>

namespace ns3
{

std::vector<std::string>
TipcListArgument::Split(const std::string& list)
{
    std::vector<std::string> out;
    if (list == "none")
    {
        return out;
    }
    std::stringstream ss(list);
    std::string item;
    while (std::getline(ss, item, ','))
    {
        if (!item.empty())
        {
            out.push_back(item);
        }
    }
    return out;
}

std::vector<uint32_t>
TipcListArgument::Numbers(const std::string& list,
                          const std::string& option,
                          uint32_t min,
                          uint32_t max)
{
    std::vector<uint32_t> out;
    for (const std::string& item : Split(list))
    {
        errno = 0;
        char* end = nullptr;
        unsigned long long v = std::strtoull(item.c_str(), &end, 10);
        bool number =
            !item.empty() && item[0] != '-' && item[0] != '+' && *end == '\0' && errno == 0;
        if (!number || v < min || v > max)
        {
            NS_FATAL_ERROR(option << ": '" << item << "' is not a whole number in " << min << " .. "
                                  << max);
        }
        out.push_back(static_cast<uint32_t>(v));
    }
    return out;
}

} // namespace ns3
