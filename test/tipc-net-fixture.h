// SPDX-License-Identifier: GPL-2.0-only
//
// A small cluster fixture shared by the simulation test suites: N nodes with
// TIPC on one 1 Gb/s CSMA segment, and payload helpers.

#ifndef TIPC_NET_FIXTURE_H
#define TIPC_NET_FIXTURE_H

#include "ns3/csma-helper.h"
#include "ns3/node-container.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/tipc-helper.h"
#include "ns3/tipc-link.h"
#include "ns3/tipc-peer.h"
#include "ns3/tipc-socket-factory.h"
#include "ns3/tipc-socket.h"
#include "ns3/uinteger.h"

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{
namespace tipctest
{

/// N nodes with TIPC on one CSMA segment; links are up after 1.5 s.
class SocketNet
{
  public:
    /**
     * @param n nodes
     * @param legacyAddresses configured <1.1.x> addresses instead of identities
     * @param rate the segment's data rate
     */
    explicit SocketNet(uint32_t n, bool legacyAddresses = false, const std::string& rate = "1Gbps")
    {
        nodes.Create(n);
        CsmaHelper csma;
        csma.SetChannelAttribute("DataRate", StringValue(rate));
        csma.SetChannelAttribute("Delay", TimeValue(MicroSeconds(1)));
        csma.SetQueue("ns3::DropTailQueue", "MaxSize", StringValue("1000p"));
        devices = csma.Install(nodes);
        tipc.Install(nodes);
        for (uint32_t i = 0; i < n; ++i)
        {
            if (legacyAddresses)
            {
                TipcHelper::GetStack(nodes.Get(i))
                    ->SetAttribute("NodeAddress", UintegerValue(0x01001001 + i));
            }
            else
            {
                TipcHelper::SetNodeIdentity(nodes.Get(i), "node" + std::to_string(i));
            }
        }
        tipc.AddEthBearers(devices);
        tipc.AssignStreams(nodes, 1);
    }

    ~SocketNet()
    {
        Simulator::Destroy();
    }

    Ptr<TipcSocket> Create(uint32_t i, TipcSocketType t)
    {
        return nodes.Get(i)->GetObject<TipcSocketFactory>()->CreateSocket(t);
    }

    Ptr<TipcStack> Stack(uint32_t i)
    {
        return TipcHelper::GetStack(nodes.Get(i));
    }

    uint32_t Addr(uint32_t i)
    {
        return Stack(i)->GetOwnAddress();
    }

    /// Observer of the frames a link sends: header and payload.
    using LinkTxObserver = std::function<void(const TipcHeader&, Ptr<const Packet>)>;

    /**
     * @brief Call @p f for every frame node @p from's link on bearer 0 to node @p to
     *        sends from now on (the link exists once discovery made it, by 1.5 s).
     * @param from sending node
     * @param to peer node
     * @param f the observer
     */
    void LinkTx(uint32_t from, uint32_t to, LinkTxObserver f)
    {
        Stack(from)->GetPeer(Addr(to))->GetLink(0)->TraceConnectWithoutContext(
            "Tx",
            Callback<void, const TipcHeader&, Ptr<const Packet>>(std::move(f)));
    }

    NodeContainer nodes;        //!< the nodes
    NetDeviceContainer devices; //!< their CSMA devices
    TipcHelper tipc;            //!< the helper
};

/// A packet of @p size bytes with a recognisable pattern starting at @p seed.
inline Ptr<Packet>
Pattern(uint32_t size, uint32_t seed = 0)
{
    std::vector<uint8_t> b(size);
    for (uint32_t i = 0; i < size; ++i)
    {
        b[i] = static_cast<uint8_t>((i + seed) * 131 + (i >> 8));
    }
    return Create<Packet>(b.data(), size);
}

/// The bytes of a packet.
inline std::vector<uint8_t>
Bytes(Ptr<const Packet> p)
{
    std::vector<uint8_t> b(p->GetSize());
    p->CopyData(b.data(), b.size());
    return b;
}

} // namespace tipctest
} // namespace ns3

#endif // TIPC_NET_FIXTURE_H
