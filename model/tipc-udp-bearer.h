// SPDX-License-Identifier: GPL-2.0-only

#ifndef TIPC_UDP_BEARER_H
#define TIPC_UDP_BEARER_H

#include "tipc-bearer.h"

#include "ns3/ipv4-address.h"
#include "ns3/socket.h"

#include <functional>
#include <optional>
#include <set>
#include <utility>

namespace ns3
{

/**
 * @ingroup tipc
 * @brief UDP bearer: TIPC messages in UDP/IPv4 datagrams over the ns-3
 *        Internet stack (Linux udp_media.c; reference section 4.4).
 *
 * The bearer is bound to a local address and port (default 6118).  If the
 * remote address is an IPv4 multicast group, discovery and broadcast go to
 * that group (the node joins by binding to the wildcard address, and a route
 * for 224.0.0.0/4 is added to the interface of the local address).
 * Otherwise the bearer works by replicast: every "broadcast" is sent as one
 * unicast datagram to each replicast peer -- the configured remote address and
 * those added with AddRemote() (Linux: "tipc bearer add ... remoteip"); a
 * unicast frame is one datagram even to a replicast peer.  Linux 6.1 learns no
 * peers on an up bearer; attribute LearnPeers (not Linux) adds the senders of
 * discovery datagrams.  Media address = {IPv4 address, port}; MTU 14000 (IP
 * fragments larger datagrams); link window 50 fixed.
 */
class TipcUdpBearer : public TipcBearer
{
  public:
    /**
     * @brief Register this type.
     * @return The TypeId.
     */
    static TypeId GetTypeId();

    TipcUdpBearer();

    /**
     * @brief Set the node the bearer lives on (it needs an Internet stack).
     * @param node the node
     */
    void SetNode(Ptr<Node> node);
    /**
     * @brief Add a replicast peer ("tipc bearer add ... remoteip").  Only a
     *        replicast bearer (unicast RemoteAddress) takes peers: on a multicast
     *        bearer this is a fatal error, at once if it is enabled, else when it
     *        is enabled (Linux tipc_udp_nl_bearer_add: EINVAL).
     * @param addr peer address
     * @param port peer port
     */
    void AddRemote(Ipv4Address addr, uint16_t port);
    /** @return the replicast peers: configured, RemoteAddress, and learned ones */
    std::set<std::pair<uint32_t, uint16_t>> GetRemotes() const;
    /**
     * @return true if discovery uses an IPv4 multicast group (once enabled: a
     *         RemoteAddress of 0.0.0.0 becomes the cluster's group then)
     */
    bool IsMulticast() const;
    bool CanBroadcast() const override;

    std::string GetMediaName() const override;
    uint8_t GetMediaType() const override;
    uint32_t GetMtu() const override;
    uint32_t GetMediaMaxWindow() const override;
    TipcMediaAddress GetMediaAddress() const override;
    TipcMediaAddress GetBroadcastAddress() const override;
    bool MsgToAddr(const TipcMediaAddress& info, TipcMediaAddress& addr) const override;
    Ptr<Node> GetNode() const override;

  protected:
    /** @brief Close the UDP socket and drop it and the node, then TipcBearer::DoDispose. */
    void DoDispose() override;
    void DoEnable() override;
    void DoDisable() override;
    bool DoSend(Ptr<Packet> wire, const TipcMediaAddress& dest) override;

  private:
    /**
     * @brief Datagrams arrived.
     * @param socket the socket
     */
    void Receive(Ptr<Socket> socket);
    /**
     * @brief Call @p f once for every replicast peer: configured ones (with the
     *        RemoteAddress), then learned ones not configured too.
     * @param f the callback
     */
    void ForEachRemote(const std::function<void(const std::pair<uint32_t, uint16_t>&)>& f) const;
    /** @brief Fail on replicast peers of a multicast bearer (tipc_udp_nl_bearer_add). */
    void CheckRemotes() const;

    Ptr<Node> m_node;                                  //!< node
    Ipv4Address m_local;                               //!< local address
    uint16_t m_localPort;                              //!< local port
    Ipv4Address m_remote;                              //!< multicast group or first replicast peer
    uint16_t m_remotePort;                             //!< remote port
    uint32_t m_mtu;                                    //!< bearer MTU
    bool m_learn;                                      //!< learn replicast peers from discovery
    Ptr<Socket> m_socket;                              //!< the UDP socket
    std::set<std::pair<uint32_t, uint16_t>> m_remotes; //!< configured replicast peers
    std::set<std::pair<uint32_t, uint16_t>> m_learned; //!< peers learned (LearnPeers)
    std::optional<std::pair<uint32_t, uint16_t>> m_enablePeer; //!< the peer Enable added
};

} // namespace ns3

#endif // TIPC_UDP_BEARER_H
