// SPDX-License-Identifier: GPL-2.0-only

#ifndef TIPC_SOCKET_FACTORY_H
#define TIPC_SOCKET_FACTORY_H

#include "tipc-socket.h"

#include "ns3/socket-factory.h"

#include <string>

namespace ns3
{

/**
 * @ingroup tipc
 * @brief Creates TIPC sockets (AF_TIPC); aggregated to every node by
 *        TipcHelper::Install, so that
 *        Socket::CreateSocket(node, TipcSocketFactory::GetTypeId()) works.
 *
 * The socket type comes from the SocketType attribute (RDM by default), or is
 * given explicitly to CreateSocket(TipcSocketType).
 */
class TipcSocketFactory : public SocketFactory
{
  public:
    /**
     * @brief Register this type.
     * @return The TypeId.
     */
    static TypeId GetTypeId();

    TipcSocketFactory();

    /** @return a socket of the type given by the SocketType attribute */
    Ptr<Socket> CreateSocket() override;
    /**
     * @brief Create a socket of a given type.
     * @param type socket type
     * @return the socket
     */
    Ptr<TipcSocket> CreateSocket(TipcSocketType type);

  private:
    /**
     * @brief Attribute SocketType setter.
     * @param name RDM, DGRAM, SEQPACKET or STREAM
     */
    void SetSocketTypeName(std::string name);
    /** @return attribute SocketType */
    std::string GetSocketTypeName() const;

    TipcSocketType m_type; //!< type of sockets made by CreateSocket()
};

} // namespace ns3

#endif // TIPC_SOCKET_FACTORY_H
