// SPDX-License-Identifier: GPL-2.0-only
//
// tipc-wire-frames: hand-built TIPC frames through a CSMA (Ethernet) segment.
//
//   node A ==== CSMA, 100 Mb/s ==== node B
//
// Node A sends the frames of a TIPC cold start and a little traffic, built by
// hand with the module's wire-format classes (TipcHeader, TipcMessageCodec):
// discovery request/response, link RESET/ACTIVATE/STATE, broadcast init, bulk
// name publication, a named data message, a 4000-byte message as
// MSG_FRAGMENTER fragments, a bundle, and a connection ACK.  Node B listens on
// Ethertype 0x88CA, decodes every frame with the total decoder and checks that
// it re-encodes to the same bytes.  pcap files (tipc-wire-frames-<node>-0.pcap)
// can be opened in Wireshark; shared/tools/tshark-tipc-check.py checks them.
//
// This example shows the codec only; the protocol stack is built in later
// examples.
//
//   ./tipc-wire-frames [--prefix=tipc-wire-frames] [--malformed=0] [--verbose=0]

#include "ns3/core-module.h"
#include "ns3/csma-module.h"
#include "ns3/network-module.h"
#include "ns3/tipc-module.h"

#include <iomanip>
#include <iostream>
#include <map>

using namespace ns3;
using namespace ns3::tipc;

NS_LOG_COMPONENT_DEFINE("TipcWireFrames");

namespace
{

/// What node B saw.
struct Receiver
{
    std::map<std::string, uint32_t> decoded; //!< per "USER/TYPE"
    std::map<std::string, uint32_t> dropped; //!< per decode error
    uint32_t mismatches{0};                  //!< decoded but re-encoded differently
    bool verbose{false};                     //!< print every frame

    void Receive(Ptr<NetDevice>,
                 Ptr<const Packet> p,
                 uint16_t,
                 const Address&,
                 const Address&,
                 NetDevice::PacketType)
    {
        std::vector<uint8_t> bytes(p->GetSize());
        p->CopyData(bytes.data(), bytes.size());
        TipcDecodedMessage msg;
        TipcDecodeError e = TipcMessageCodec::Decode(bytes.data(),
                                                     static_cast<uint32_t>(bytes.size()),
                                                     msg,
                                                     TipcMessageCodec::Trailer::ETHERNET_PADDING);
        if (e != TipcDecodeError::NONE)
        {
            ++dropped[TipcDecodeErrorToString(e)];
            NS_LOG_WARN("dropped malformed frame: " << TipcDecodeErrorToString(e));
            return;
        }
        std::vector<uint8_t> again = TipcMessageCodec::Encode(msg);
        if (!std::equal(again.begin(), again.end(), bytes.begin()))
        {
            ++mismatches;
        }
        ++decoded[msg.header.GetUserName() + "/" + msg.header.GetTypeName()];
        if (verbose)
        {
            std::cout << Simulator::Now().As(Time::MS) << " B received " << msg.header.ToString()
                      << std::endl;
        }
    }
};

/// Builds the frames node A sends.
class FrameBuilder
{
  public:
    FrameBuilder(uint32_t own, uint32_t peer, Mac48Address ownMac)
        : m_own(own),
          m_peer(peer),
          m_mac(ownMac)
    {
    }

    std::vector<uint8_t> Discovery(uint32_t type)
    {
        TipcDecodedMessage m;
        m.header.Init(m_own, LINK_CONFIG, type, MAX_H_SIZE, 0);
        m.header.SetNonSeq(true);
        m.header.SetDestDomain(type == DSC_RESP_MSG ? m_peer : 0);
        m.header.SetNodeSig(0x1234);
        m.header.SetNodeCapabilities(TIPC_NODE_CAPABILITIES);
        m.header.SetBcNetId(TIPC_DEF_NET_ID);
        m.mediaAddress = TipcMediaAddress::FromMac(m_mac);
        m.header.SetMediaInfo(m.mediaAddress.GetBytes().data());
        m.header.SetPeerNetHash(0x5eed5eed);
        m.nodeId = TipcNodeId::FromString("hello-a");
        return Done(m);
    }

    std::vector<uint8_t> LinkProto(uint32_t type)
    {
        TipcDecodedMessage m;
        m.header.Init(m_own, LINK_PROTOCOL, type, INT_H_SIZE, m_peer);
        m.header.SetSession(0x4711);
        m.header.SetBcAckInvalid(true);
        m.header.SetNextSent(1);
        m.header.SetNetPlane('A');
        if (type == STATE_MSG)
        {
            m.header.SetSeqno(1);
            m.hasGapAcks = true;
        }
        else
        {
            m.header.SetSeqno(static_cast<uint16_t>(1 + 32767));
            m.header.SetMaxPkt(1500);
            const char ifname[] = "eth0";
            std::copy(ifname, ifname + sizeof(ifname), m.ifName.begin());
            if (type == ACTIVATE_MSG)
            {
                m.header.SetDestSessionValid(true);
                m.header.SetDestSession(0x0815);
            }
        }
        return Done(m);
    }

    std::vector<uint8_t> BcastInit()
    {
        TipcDecodedMessage m;
        m.header.Init(m_own, BCAST_PROTOCOL, STATE_MSG, INT_H_SIZE, m_peer);
        m.header.SetSeqno(NextSeq());
        m.header.SetBcAckInvalid(true);
        return Done(m);
    }

    std::vector<uint8_t> BulkPublication()
    {
        TipcDecodedMessage m;
        m.header.Init(m_own, NAME_DISTRIBUTOR, PUBLICATION, INT_H_SIZE, m_peer);
        m.header.SetSeqno(NextSeq());
        m.header.SetBulk(true);
        m.header.SetLastBulk(true);
        m.header.SetNonLegacy(true);
        m.header.SetBcAckInvalid(true);
        m.items = {{TIPC_NODE_STATE, m_own, m_own, 0, m_own}};
        return Done(m);
    }

    TipcDecodedMessage Named(uint32_t size)
    {
        TipcDecodedMessage m;
        m.header.Init(m_own, TIPC_LOW_IMPORTANCE, TIPC_NAMED_MSG, NAMED_H_SIZE, 0);
        m.header.SetOrigPort(0x80000001);
        m.header.SetLookupScope(TIPC_CLUSTER_SCOPE);
        m.header.SetNameType(18888);
        m.header.SetNameInstance(17);
        const char text[] = "hello tipc ";
        for (uint32_t i = 0; i < size; ++i)
        {
            m.data.push_back(static_cast<uint8_t>(text[i % (sizeof(text) - 1)]));
        }
        TipcMessageCodec::Finalize(m);
        return m;
    }

    std::vector<uint8_t> Data(uint32_t size)
    {
        TipcDecodedMessage m = Named(size);
        m.header.SetSeqno(NextSeq());
        return TipcMessageCodec::Encode(m);
    }

    /// A message larger than the link MSS as MSG_FRAGMENTER packets (MSS = 1500 - 40).
    std::vector<std::vector<uint8_t>> Fragments(uint32_t size)
    {
        std::vector<uint8_t> whole = TipcMessageCodec::Encode(Named(size));
        const uint32_t mss = 1500 - INT_H_SIZE;
        const uint32_t chunk = mss - INT_H_SIZE;
        std::vector<std::vector<uint8_t>> out;
        uint32_t n = static_cast<uint32_t>((whole.size() + chunk - 1) / chunk);
        for (uint32_t i = 0; i < n; ++i)
        {
            TipcDecodedMessage f;
            uint32_t type = i == 0 ? FIRST_FRAGMENT : (i + 1 == n ? LAST_FRAGMENT : FRAGMENT);
            f.header.Init(m_own, MSG_FRAGMENTER, type, INT_H_SIZE, m_peer);
            f.header.SetImportance(TIPC_LOW_IMPORTANCE);
            f.header.SetFragmNo(i + 1);
            f.header.SetSeqno(NextSeq());
            auto end = std::min<size_t>(whole.size(), size_t(i + 1) * chunk);
            f.data.assign(whole.begin() + size_t(i) * chunk, whole.begin() + end);
            out.push_back(Done(f));
        }
        return out;
    }

    std::vector<uint8_t> Bundle(uint32_t count)
    {
        TipcDecodedMessage b;
        b.header.Init(m_own, MSG_BUNDLER, 0, INT_H_SIZE, m_peer);
        b.header.SetImportance(TIPC_LOW_IMPORTANCE);
        b.header.SetSeqno(NextSeq());
        for (uint32_t i = 0; i < count; ++i)
        {
            b.inner.push_back(Named(1 + i));
        }
        return Done(b);
    }

    std::vector<uint8_t> ConnAck()
    {
        TipcDecodedMessage m;
        m.header.Init(m_own, CONN_MANAGER, CONN_ACK, INT_H_SIZE, m_peer);
        m.header.SetSeqno(NextSeq());
        m.header.SetOrigPort(0x80000001);
        m.header.SetDestPort(0x80000002);
        m.header.SetConnAck(16);
        m.header.SetAdvWindow(512);
        return Done(m);
    }

  private:
    std::vector<uint8_t> Done(TipcDecodedMessage& m)
    {
        TipcMessageCodec::Finalize(m);
        return TipcMessageCodec::Encode(m);
    }

    uint16_t NextSeq()
    {
        return m_seq++;
    }

    uint32_t m_own;
    uint32_t m_peer;
    Mac48Address m_mac;
    uint16_t m_seq{1};
};

void
SendFrame(Ptr<NetDevice> dev, std::vector<uint8_t> bytes, Address to)
{
    Ptr<Packet> p = Create<Packet>(bytes.data(), static_cast<uint32_t>(bytes.size()));
    dev->Send(p, to, ETH_P_TIPC);
}

} // namespace

int
main(int argc, char* argv[])
{
    std::string prefix = "tipc-wire-frames";
    bool malformed = false;
    bool verbose = false;
    CommandLine cmd(__FILE__);
    cmd.AddValue("prefix", "Prefix of the pcap files written", prefix);
    cmd.AddValue("malformed", "Also send three malformed frames (dropped by B)", malformed);
    cmd.AddValue("verbose", "Print every frame B receives", verbose);
    cmd.Parse(argc, argv);

    NodeContainer nodes;
    nodes.Create(2);
    CsmaHelper csma;
    csma.SetChannelAttribute("DataRate", StringValue("100Mbps"));
    csma.SetChannelAttribute("Delay", TimeValue(MicroSeconds(5)));
    NetDeviceContainer devs = csma.Install(nodes);
    csma.EnablePcap(prefix, devs, false);

    Receiver rx;
    rx.verbose = verbose;
    nodes.Get(1)->RegisterProtocolHandler(MakeCallback(&Receiver::Receive, &rx),
                                          ETH_P_TIPC,
                                          devs.Get(1));

    const uint32_t addrA = TipcNodeId::FromString("hello-a").Hash();
    const uint32_t addrB = TipcNodeId::FromString("hello-b").Hash();
    Mac48Address macA = Mac48Address::ConvertFrom(devs.Get(0)->GetAddress());
    FrameBuilder fb(addrA, addrB, macA);
    Ptr<NetDevice> a = devs.Get(0);
    Address bcast = a->GetBroadcast();
    Address macB = devs.Get(1)->GetAddress();

    std::vector<std::pair<std::vector<uint8_t>, Address>> frames = {
        {fb.Discovery(DSC_REQ_MSG), bcast},
        {fb.Discovery(DSC_RESP_MSG), macB},
        {fb.LinkProto(RESET_MSG), macB},
        {fb.LinkProto(ACTIVATE_MSG), macB},
        {fb.LinkProto(STATE_MSG), macB},
        {fb.BcastInit(), macB},
        {fb.BulkPublication(), macB},
        {fb.Data(10), macB},
    };
    for (auto& f : fb.Fragments(4000))
    {
        frames.emplace_back(f, macB);
    }
    frames.emplace_back(fb.Bundle(4), macB);
    frames.emplace_back(fb.ConnAck(), macB);
    if (malformed)
    {
        std::vector<uint8_t> bad = fb.Data(10);
        bad[0] = static_cast<uint8_t>((bad[0] & 0x1f) | (3 << 5)); // version 3
        frames.emplace_back(bad, macB);
        bad = fb.Data(10);
        bad[3] = static_cast<uint8_t>(bad[3] + 20); // size beyond the frame
        frames.emplace_back(bad, macB);
        bad = fb.BulkPublication();
        bad.resize(bad.size() - 8); // truncated name item
        bad[3] = static_cast<uint8_t>(bad.size());
        frames.emplace_back(bad, macB);
    }
    Time t = MilliSeconds(1);
    for (auto& f : frames)
    {
        Simulator::Schedule(t, &SendFrame, a, f.first, f.second);
        t += MicroSeconds(500);
    }
    Simulator::Run();
    Simulator::Destroy();

    uint32_t decoded = 0;
    std::cout << "tipc-wire-frames: node B decoded" << std::endl;
    for (const auto& [name, n] : rx.decoded)
    {
        std::cout << "  " << std::left << std::setw(36) << name << n << std::endl;
        decoded += n;
    }
    uint32_t dropped = 0;
    for (const auto& [why, n] : rx.dropped)
    {
        std::cout << "  dropped (" << why << "): " << n << std::endl;
        dropped += n;
    }
    std::cout << "sent=" << frames.size() << " decoded=" << decoded << " dropped=" << dropped
              << " reencode_mismatches=" << rx.mismatches << std::endl;
    std::cout << "pcap: " << prefix << "-0-0.pcap " << prefix << "-1-0.pcap" << std::endl;
    bool ok = rx.mismatches == 0 && decoded + dropped == frames.size() &&
              dropped == (malformed ? 3U : 0U);
    return ok ? 0 : 1;
}
