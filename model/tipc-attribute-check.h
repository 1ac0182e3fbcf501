// SPDX-License-Identifier: GPL-2.0-only
#ifndef TIPC_ATTRIBUTE_CHECK_H
#define TIPC_ATTRIBUTE_CHECK_H

#include "ns3/nstime.h"

#include <cstdint>
#include <string>

namespace ns3
{
namespace tipc
{

/**
 * @ingroup tipc
 * @brief Fail fast on a bad configuration value
 *
 * Stops the simulation (NS_FATAL_ERROR) unless lo <= value <= hi, with a message naming the
 * TypeId, the attribute, the value and the allowed range, e.g.
 * "ns3::TipcBearer attribute Priority=40 is out of range [0, 31]".
 *
 * @param typeName TypeId name of the object holding the attribute
 * @param attribute attribute name
 * @param value configured value
 * @param lo smallest allowed value
 * @param hi largest allowed value
 */
void CheckAttributeRange(const std::string& typeName,
                         const std::string& attribute,
                         uint64_t value,
                         uint64_t lo,
                         uint64_t hi);

/**
 * @ingroup tipc
 * @brief Fail fast on a bad configuration time (range printed in milliseconds)
 *
 * @param typeName TypeId name of the object holding the attribute
 * @param attribute attribute name
 * @param value configured value
 * @param lo smallest allowed value
 * @param hi largest allowed value
 */
void CheckAttributeRange(const std::string& typeName,
                         const std::string& attribute,
                         Time value,
                         Time lo,
                         Time hi);

} // namespace tipc
} // namespace ns3

#endif /* TIPC_ATTRIBUTE_CHECK_H */
