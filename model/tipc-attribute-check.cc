// SPDX-License-Identifier: GPL-2.0-only
#include "tipc-attribute-check.h"

#include "ns3/fatal-error.h"

namespace ns3
{
namespace tipc
{

void
CheckAttributeRange(const std::string& typeName,
                    const std::string& attribute,
                    uint64_t value,
                    uint64_t lo,
                    uint64_t hi)
{
    if (value < lo || value > hi)
    {
        NS_FATAL_ERROR(typeName << " attribute " << attribute << "=" << value
                                << " is out of range [" << lo << ", " << hi << "]");
    }
}

void
CheckAttributeRange(const std::string& typeName,
                    const std::string& attribute,
                    Time value,
                    Time lo,
                    Time hi)
{
    if (value < lo || value > hi)
    {
        NS_FATAL_ERROR(typeName << " attribute " << attribute << "=" << value.As(Time::MS)
                                << " is out of range [" << lo.GetMilliSeconds() << "ms, "
                                << hi.GetMilliSeconds() << "ms]");
    }
}

} // namespace tipc
} // namespace ns3
