// SPDX-License-Identifier: GPL-2.0-only

#ifndef TIPC_SCOPED_DEFAULT_H
#define TIPC_SCOPED_DEFAULT_H

#include "ns3/attribute.h"
#include "ns3/ptr.h"

#include <string>

namespace ns3
{

/**
 * @ingroup tipc
 * @brief An attribute default set for the object's lifetime (Config::SetDefault):
 *        the previous default comes back when the object goes, so that later
 *        simulations in the same process (a sweep, a benchmark, the next test)
 *        start from the defaults they would have had.
 *
 * @code
 * {
 *     TipcScopedDefault mss("ns3::TcpSocket", "SegmentSize", UintegerValue(1448));
 *     ... // build and run a simulation
 * } // SegmentSize's default is what it was before
 * @endcode
 */
class TipcScopedDefault
{
  public:
    /**
     * @brief Set the default; abort if the attribute does not exist.
     * @param tid the TypeId name (ns3::TcpSocket)
     * @param attribute the attribute name (SegmentSize)
     * @param value the default while the object lives
     */
    TipcScopedDefault(const std::string& tid,
                      const std::string& attribute,
                      const AttributeValue& value);
    /// Restore the previous default.
    ~TipcScopedDefault();

    TipcScopedDefault(const TipcScopedDefault&) = delete;
    TipcScopedDefault& operator=(const TipcScopedDefault&) = delete;

  private:
    std::string m_path;             //!< TypeId::attribute
    Ptr<AttributeValue> m_previous; //!< the default before
};

} // namespace ns3

#endif /* TIPC_SCOPED_DEFAULT_H */
