// SPDX-License-Identifier: GPL-2.0-only

#ifndef TIPC_APP_UTIL_H
#define TIPC_APP_UTIL_H

#include "tipc-socket.h"

#include "ns3/node.h"
#include "ns3/ptr.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{
namespace tipc
{

/**
 * @ingroup tipc
 * @brief Parse a SocketType attribute value of a TIPC application, failing fast
 *        (NS_FATAL_ERROR naming the TypeId, the attribute and the allowed values)
 *        on anything else.
 * @param typeName TypeId name of the application
 * @param value "RDM", "DGRAM", "SEQPACKET" or "STREAM"
 * @param allowed the socket types this application supports
 * @return the socket type
 */
TipcSocketType ParseSocketTypeAttribute(const std::string& typeName,
                                        const std::string& value,
                                        const std::vector<TipcSocketType>& allowed);

/**
 * @ingroup tipc
 * @brief Name of a socket type, as the SocketType attributes spell it.
 * @param type the socket type
 * @return "RDM", "DGRAM", "SEQPACKET" or "STREAM"
 */
std::string SocketTypeName(TipcSocketType type);

/**
 * @ingroup tipc
 * @brief Is a socket type connection oriented?
 * @param type the socket type
 * @return true for SEQPACKET and STREAM
 */
bool IsConnectionSocketType(TipcSocketType type);

/**
 * @ingroup tipc
 * @brief Parse a Scope attribute value of a TIPC application ("node" or
 *        "cluster", any case), failing fast on anything else.
 * @param typeName TypeId name of the application
 * @param value the attribute value
 * @return TIPC_NODE_SCOPE or TIPC_CLUSTER_SCOPE
 */
int8_t ParseScopeAttribute(const std::string& typeName, const std::string& value);

/**
 * @ingroup tipc
 * @brief Name of a binding scope, as the Scope attributes spell it.
 * @param scope TIPC_NODE_SCOPE or TIPC_CLUSTER_SCOPE
 * @return "node" or "cluster"
 */
std::string ScopeName(int8_t scope);

/**
 * @ingroup tipc
 * @brief Create a TIPC socket of a given type on a node, failing fast if the
 *        node has no TIPC stack (TipcHelper::Install).
 * @param typeName TypeId name of the application (for the message)
 * @param node the node
 * @param type the socket type
 * @return the socket
 */
Ptr<TipcSocket> CreateAppSocket(const std::string& typeName, Ptr<Node> node, TipcSocketType type);

} // namespace tipc
} // namespace ns3

#endif // TIPC_APP_UTIL_H
