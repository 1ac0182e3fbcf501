// SPDX-License-Identifier: GPL-2.0-only

#include "veth-net-device.h"

#include "ethernet-frame-header.h"
#include "host-cpu-model.h"
#include "skb-owner-tag.h"
#include "tipc-trace.h"
#include "veth-channel.h"

#include "ns3/abort.h"
#include "ns3/boolean.h"
#include "ns3/drop-tail-queue.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("VethNetDevice");

NS_OBJECT_ENSURE_REGISTERED(VethNetDevice);

TypeId
VethNetDevice::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::VethNetDevice")
            .SetParent<NetDevice>()
            .SetGroupName("Tipc")
            .AddConstructor<VethNetDevice>()
            .AddAttribute(
                "Mtu",
                "Largest payload (bytes) of a frame; 68..65535 (Linux veth default 1500).",
                UintegerValue(1500),
                MakeUintegerAccessor(&VethNetDevice::SetMtu, &VethNetDevice::GetMtu),
                MakeUintegerChecker<uint16_t>(68, 65535))
            .AddAttribute("GsoMaxSize",
                          "Largest GSO super-packet passed without segmentation (Linux 65536).",
                          UintegerValue(65536),
                          MakeUintegerAccessor(&VethNetDevice::m_gsoMaxSize),
                          MakeUintegerChecker<uint32_t>(1500, 524280))
            .AddAttribute("Address",
                          "The MAC address of this device.",
                          Mac48AddressValue(Mac48Address("ff:ff:ff:ff:ff:ff")),
                          MakeMac48AddressAccessor(&VethNetDevice::SetMac, &VethNetDevice::GetMac),
                          MakeMac48AddressChecker())
            .AddAttribute("DataRate",
                          "Wire speed; 0 means no wire time (a real veth).  With a rate the "
                          "pair is a full-duplex Ethernet link and frames queue.",
                          DataRateValue(DataRate(0)),
                          MakeDataRateAccessor(&VethNetDevice::m_rate),
                          MakeDataRateChecker())
            .AddAttribute("HostNic",
                          "The device is a host's NIC (LinuxHostHelper::SetNicCable "
                          "\"full-duplex\" sets it): with the host's CPU model enabled, its "
                          "driver work is charged (NicTxCost, NicRxCost, receive-side "
                          "scaling).  Needs a DataRate and the host's root namespace.",
                          BooleanValue(false),
                          MakeBooleanAccessor(&VethNetDevice::m_hostNic),
                          MakeBooleanChecker())
            .AddAttribute("TxQueue",
                          "Transmit queue (used when DataRate is set).",
                          PointerValue(),
                          MakePointerAccessor(&VethNetDevice::m_queue),
                          MakePointerChecker<Queue<Packet>>())
            .AddAttribute("ReceiveErrorModel",
                          "Drops received frames (like a bad FCS).",
                          PointerValue(),
                          MakePointerAccessor(&VethNetDevice::m_receiveErrorModel),
                          MakePointerChecker<ErrorModel>())
            .AddTraceSource("DeviceChange",
                            "The MTU or the MAC address changed (Linux NETDEV_CHANGEMTU, "
                            "NETDEV_CHANGEADDR); carrier changes go to the link-change "
                            "callbacks.",
                            MakeTraceSourceAccessor(&VethNetDevice::m_deviceChangeTrace),
                            "ns3::TracedValueCallback::Void")
            .AddTraceSource("MacTx",
                            "A frame was accepted for transmission.",
                            MakeTraceSourceAccessor(&VethNetDevice::m_macTxTrace),
                            "ns3::Packet::TracedCallback")
            .AddTraceSource("MacTxDrop",
                            "A frame was dropped before transmission (carrier off, too large, "
                            "queue full).",
                            MakeTraceSourceAccessor(&VethNetDevice::m_macTxDropTrace),
                            "ns3::Packet::TracedCallback")
            .AddTraceSource("MacRx",
                            "A frame was received and passed up.",
                            MakeTraceSourceAccessor(&VethNetDevice::m_macRxTrace),
                            "ns3::Packet::TracedCallback")
            .AddTraceSource("PhyRxDrop",
                            "A received frame was dropped (error model, carrier off).",
                            MakeTraceSourceAccessor(&VethNetDevice::m_phyRxDropTrace),
                            "ns3::Packet::TracedCallback")
            .AddTraceSource("Sniffer",
                            "Frames to and from this device (non-promiscuous pcap).",
                            MakeTraceSourceAccessor(&VethNetDevice::m_snifferTrace),
                            "ns3::Packet::TracedCallback")
            .AddTraceSource("PromiscSniffer",
                            "All frames seen by this device (promiscuous pcap).",
                            MakeTraceSourceAccessor(&VethNetDevice::m_promiscSnifferTrace),
                            "ns3::Packet::TracedCallback");
    return tid;
}

VethNetDevice::VethNetDevice()
    : m_ifIndex(0),
      m_mtu(1500),
      m_gsoMaxSize(65536),
      m_adminUp(true),
      m_linkUp(false),
      m_txPending(false),
      m_txTimeRate(0),
      m_txTimeBytes(0)
{
    m_address.fill(0xff);
    m_addressValue = Mac48Address::GetBroadcast();
    m_lastSrcBytes.fill(0);
    NS_LOG_FUNCTION(this);
}

VethNetDevice::~VethNetDevice()
{
    NS_LOG_FUNCTION(this);
}

void
VethNetDevice::DoDispose()
{
    m_txEvent.Cancel();
    m_txPending = false;
    m_node = nullptr;
    m_channel = nullptr;
    m_queue = nullptr;
    m_receiveErrorModel = nullptr;
    m_rxCallback =
        MakeNullCallback<bool, Ptr<NetDevice>, Ptr<const Packet>, uint16_t, const Address&>();
    m_promiscCallback = MakeNullCallback<bool,
                                         Ptr<NetDevice>,
                                         Ptr<const Packet>,
                                         uint16_t,
                                         const Address&,
                                         const Address&,
                                         PacketType>();
    NetDevice::DoDispose();
}

void
VethNetDevice::Attach(Ptr<VethChannel> channel)
{
    m_channel = channel;
    m_channel->Add(this);
    if (!m_queue)
    {
        m_queue = CreateObject<DropTailQueue<Packet>>();
    }
    for (std::size_t i = 0; i < m_channel->GetNDevices(); ++i)
    {
        m_channel->GetDevice(i)->GetObject<VethNetDevice>()->UpdateCarrier();
    }
}

void
VethNetDevice::SetLinkUp(bool up)
{
    m_adminUp = up;
    if (!m_channel)
    {
        return;
    }
    for (std::size_t i = 0; i < m_channel->GetNDevices(); ++i)
    {
        m_channel->GetDevice(i)->GetObject<VethNetDevice>()->UpdateCarrier();
    }
}

bool
VethNetDevice::IsAdminUp() const
{
    return m_adminUp;
}

void
VethNetDevice::UpdateCarrier()
{
    bool carrier = m_adminUp && m_channel && m_channel->GetNDevices() == 2;
    for (std::size_t i = 0; carrier && i < m_channel->GetNDevices(); ++i)
    {
        carrier = m_channel->GetDevice(i)->GetObject<VethNetDevice>()->IsAdminUp();
    }
    if (carrier == m_linkUp)
    {
        return;
    }
    m_linkUp = carrier;
    NS_LOG_INFO("veth " << GetMac() << " carrier " << (carrier ? "on" : "off"));
    m_linkChangeCallbacks();
}

uint64_t
VethNetDevice::GetTxFrames() const
{
    return m_txFrames;
}

uint64_t
VethNetDevice::GetRxFrames() const
{
    return m_rxFrames;
}

uint32_t
VethNetDevice::GetGsoMaxSize() const
{
    return m_gsoMaxSize;
}

Ptr<Queue<Packet>>
VethNetDevice::GetQueue() const
{
    return m_queue;
}

bool
VethNetDevice::Send(Ptr<Packet> packet, const Address& dest, uint16_t protocolNumber)
{
    return SendFrame(packet, m_address.data(), dest, protocolNumber);
}

bool
VethNetDevice::SendFrom(Ptr<Packet> packet,
                        const Address& source,
                        const Address& dest,
                        uint16_t protocolNumber)
{
    uint8_t src[EthernetFrameHeader::MAC_SIZE];
    Mac48Address::ConvertFrom(source).CopyTo(src);
    return SendFrame(packet, src, dest, protocolNumber);
}

bool
VethNetDevice::SendFrame(Ptr<Packet> packet,
                         const uint8_t* source,
                         const Address& dest,
                         uint16_t protocolNumber)
{
    NS_ABORT_MSG_UNLESS(Mac48Address::IsMatchingType(dest),
                        "VethNetDevice::Send: destination " << dest << " is not a MAC address");
    if (!m_linkUp || !m_channel || packet->GetSize() > m_mtu)
    {
        Dropped(m_macTxDropTrace, packet);
        return false;
    }
    // the device owns the packet from here on (ns-3 convention, as CsmaNetDevice)
    tipc::FireTrace(m_macTxTrace, packet);
    Ptr<Packet> frame = packet;
    uint8_t dst[EthernetFrameHeader::MAC_SIZE];
    dest.CopyTo(dst);
    frame->AddHeader(EthernetFrameHeader(dst, source, protocolNumber));
    ++m_txFrames;
    Ptr<HostCpuModel> cpu = HostCpuModel::Find(m_node);
    if (m_rate.GetBitRate() == 0)
    {
        tipc::FireTrace(m_snifferTrace, frame);
        tipc::FireTrace(m_promiscSnifferTrace, frame);
        if (cpu)
        {
            ChargedTransmit(cpu, frame);
            return true;
        }
        m_channel->Transmit(frame, this, Seconds(0));
        return true;
    }
    if (IsChargedNic(cpu))
    {
        // a host's NIC: the driver's transmit work comes before the wire
        ChargedTransmit(cpu, frame);
        return true;
    }
    return WireSend(frame);
}

bool
VethNetDevice::IsChargedNic(Ptr<HostCpuModel> cpu) const
{
    return cpu && m_hostNic && m_rate.GetBitRate() > 0 && cpu->IsRoot(m_node);
}

bool
VethNetDevice::WireSend(Ptr<Packet> frame)
{
    if (Simulator::Now() >= m_busyUntil && m_queue->IsEmpty())
    {
        // an idle device bypasses its queue, as Linux's qdisc does (TCQ_F_CAN_BYPASS)
        Transmit(frame);
        return true;
    }
    if (!m_queue->Enqueue(frame))
    {
        Dropped(m_macTxDropTrace, frame);
        return false;
    }
    if (!m_txPending)
    {
        ScheduleTransmission();
    }
    return true;
}

void
VethNetDevice::ChargedTransmit(Ptr<HostCpuModel> cpu, Ptr<Packet> frame)
{
    // veth_xmit hands the frame to netif_rx on the transmitting CPU: the peer's
    // receive (and the bridge behind it) runs on the core that sent it.  A NIC
    // (DataRate > 0) puts the frame on its wire once the driver has sent it.
    const bool nic = m_rate.GetBitRate() > 0;
    Ptr<VethNetDevice> peer;
    for (std::size_t i = 0; i < m_channel->GetNDevices(); ++i)
    {
        Ptr<VethNetDevice> d = m_channel->GetDevice(i)->GetObject<VethNetDevice>();
        if (d != this)
        {
            peer = d;
        }
    }
    if (!peer && !nic)
    {
        return;
    }
    HostCpuModel::Stage stage = HostCpuModel::NIC_TX;
    const uint32_t mss = HostCpuModel::TcpMss(m_mtu);
    Time cost = nic ? cpu->GetNicTxCost(frame, mss)
                    : cpu->GetFrameCost(frame, cpu->IsRoot(m_node), mss, stage);
    uint32_t core = cpu->GetCurrentCore(cpu->GetSoftirqCore(m_node));
    Ptr<Node> ctxNode = nic ? m_node : peer->GetNode();
    uint32_t ctx = ctxNode ? ctxNode->GetId() : Simulator::GetContext();
    // frames leave a device in order even when they were charged to different cores;
    // a frame released behind another one's item goes on with the core that served it
    uint64_t seq = m_chargedTx++;
    Ptr<VethNetDevice> self = this;
    cpu->Execute(
        core,
        stage,
        cost,
        [self, cpu, peer, frame, seq, nic, core]() {
            self->m_charged[seq] = {frame, core};
            for (auto it = self->m_charged.begin();
                 it != self->m_charged.end() && it->first == self->m_chargedDelivered;
                 it = self->m_charged.erase(it))
            {
                ++self->m_chargedDelivered;
                Ptr<Packet> f = it->second.first;
                it->second.first = nullptr;
                cpu->RunAsCore(it->second.second, [self, peer, nic, &f]() {
                    if (nic && !self->m_linkUp)
                    {
                        // carrier lost while the driver had it
                        self->Dropped(self->m_macTxDropTrace, f);
                    }
                    else if (nic)
                    {
                        self->WireSend(f);
                    }
                    else
                    {
                        peer->ReceiveOwned(f);
                    }
                });
            }
        },
        ctx,
        true);
}

void
VethNetDevice::Dropped(const TracedCallback<Ptr<const Packet>>& trace, Ptr<Packet> frame)
{
    trace(frame);
    SkbOwnerTag::Release(frame); // kfree_skb: the sender's socket lets go of it
}

void
VethNetDevice::StartTransmission()
{
    m_txPending = false;
    Ptr<Packet> frame = m_queue->Dequeue();
    if (!frame)
    {
        return;
    }
    Transmit(frame);
    // a trace sink may have queued a frame and scheduled the next start already
    if (!m_txPending && !m_queue->IsEmpty())
    {
        ScheduleTransmission();
    }
}

void
VethNetDevice::ScheduleTransmission()
{
    m_txPending = true;
    m_txEvent = Simulator::Schedule(m_busyUntil - Simulator::Now(),
                                    &VethNetDevice::StartTransmission,
                                    this);
}

Time
VethNetDevice::TxTime(uint32_t bytes)
{
    if (bytes != m_txTimeBytes || m_rate.GetBitRate() != m_txTimeRate)
    {
        m_txTimeBytes = bytes;
        m_txTimeRate = m_rate.GetBitRate();
        m_txTime = m_rate.CalculateBytesTxTime(bytes);
    }
    return m_txTime;
}

void
VethNetDevice::Transmit(Ptr<Packet> frame)
{
    // busy before the traces run: a sink may send the next frame
    Time txTime = TxTime(frame->GetSize());
    m_busyUntil = Simulator::Now() + txTime;
    tipc::FireTrace(m_snifferTrace, frame);
    tipc::FireTrace(m_promiscSnifferTrace, frame);
    if (m_hostNic)
    {
        SkbOwnerTag::Release(frame); // the frame leaves the host: transmit completion
    }
    m_channel->Transmit(frame, this, txTime);
}

void
VethNetDevice::ReceiveOwned(Ptr<Packet>& frame)
{
    if (!m_linkUp || (m_receiveErrorModel && m_receiveErrorModel->IsCorrupt(frame)))
    {
        Dropped(m_phyRxDropTrace, frame);
        return;
    }
    Ptr<HostCpuModel> cpu = m_hostNic ? HostCpuModel::Find(m_node) : nullptr;
    if (IsChargedNic(cpu))
    {
        // a host's NIC: the driver receives on the core of the frame's queue
        Ptr<VethNetDevice> self = this;
        Ptr<Packet> f = frame;
        frame = nullptr;
        cpu->Execute(
            cpu->GetNicRxCore(f),
            HostCpuModel::NIC_RX,
            cpu->GetNicRxCost(),
            [self, f]() mutable { self->Deliver(f); },
            m_node->GetId(),
            true);
        return;
    }
    Deliver(frame);
}

void
VethNetDevice::Deliver(Ptr<Packet>& frame)
{
    if (!m_linkUp)
    {
        Dropped(m_phyRxDropTrace, frame); // carrier lost while the driver had it
        return;
    }
    tipc::FireTrace(m_promiscSnifferTrace, frame);
    EthernetFrameHeader eth;
    if (!eth.PeekFrom(frame))
    {
        Dropped(m_phyRxDropTrace, frame); // shorter than an Ethernet header
        return;
    }
    const uint8_t* dst = eth.GetDestinationBytes();
    PacketType type;
    if (eth.IsBroadcast())
    {
        type = NetDevice::PACKET_BROADCAST;
    }
    else if (eth.IsGroup())
    {
        type = NetDevice::PACKET_MULTICAST;
    }
    else if (std::equal(dst, dst + EthernetFrameHeader::MAC_SIZE, m_address.begin()))
    {
        type = NetDevice::PACKET_HOST;
    }
    else
    {
        type = NetDevice::PACKET_OTHERHOST;
    }
    if (type != NetDevice::PACKET_OTHERHOST)
    {
        tipc::FireTrace(m_snifferTrace, frame);
    }
    // strip in place only if nobody else (caller, trace sink) holds the frame
    Ptr<Packet> p = frame->GetReferenceCount() == 1 ? frame : frame->Copy();
    frame = nullptr;
    p->RemoveAtStart(EthernetFrameHeader::SIZE);
    tipc::FireTrace(m_macRxTrace, p);
    ++m_rxFrames;
    // a device mostly hears one peer: its Address is built once
    const uint8_t* src = eth.GetSourceBytes();
    if (m_lastSrc.IsInvalid() ||
        !std::equal(src, src + EthernetFrameHeader::MAC_SIZE, m_lastSrcBytes.begin()))
    {
        std::copy(src, src + EthernetFrameHeader::MAC_SIZE, m_lastSrcBytes.begin());
        m_lastSrc = eth.GetSource();
    }
    if (!m_promiscCallback.IsNull())
    {
        m_promiscCallback(this, p, eth.GetEtherType(), m_lastSrc, eth.GetDestination(), type);
    }
    if (type != NetDevice::PACKET_OTHERHOST && !m_rxCallback.IsNull())
    {
        // into this namespace's stack: ip_rcv_core orphans the sender's segment
        SkbOwnerTag::Release(p);
        m_rxCallback(this, p, eth.GetEtherType(), m_lastSrc);
    }
}

void
VethNetDevice::SetIfIndex(const uint32_t index)
{
    m_ifIndex = index;
}

uint32_t
VethNetDevice::GetIfIndex() const
{
    return m_ifIndex;
}

Ptr<Channel>
VethNetDevice::GetChannel() const
{
    return m_channel;
}

void
VethNetDevice::SetAddress(Address address)
{
    SetMac(Mac48Address::ConvertFrom(address));
}

void
VethNetDevice::SetMac(Mac48Address address)
{
    const bool changed = address != m_addressValue;
    address.CopyTo(m_address.data());
    m_addressValue = address;
    if (changed)
    {
        m_deviceChangeTrace(); // the netdevice notifier's NETDEV_CHANGEADDR
    }
}

Mac48Address
VethNetDevice::GetMac() const
{
    Mac48Address mac;
    mac.CopyFrom(m_address.data());
    return mac;
}

Address
VethNetDevice::GetAddress() const
{
    return m_addressValue;
}

bool
VethNetDevice::SetMtu(const uint16_t mtu)
{
    const bool changed = mtu != m_mtu;
    m_mtu = mtu;
    if (changed)
    {
        m_deviceChangeTrace(); // the netdevice notifier's NETDEV_CHANGEMTU
    }
    return true;
}

uint16_t
VethNetDevice::GetMtu() const
{
    return m_mtu;
}

bool
VethNetDevice::IsLinkUp() const
{
    return m_linkUp;
}

void
VethNetDevice::AddLinkChangeCallback(Callback<void> callback)
{
    m_linkChangeCallbacks.ConnectWithoutContext(callback);
}

bool
VethNetDevice::IsBroadcast() const
{
    return true;
}

Address
VethNetDevice::GetBroadcast() const
{
    return Mac48Address::GetBroadcast();
}

bool
VethNetDevice::IsMulticast() const
{
    return true;
}

Address
VethNetDevice::GetMulticast(Ipv4Address multicastGroup) const
{
    return Mac48Address::GetMulticast(multicastGroup);
}

Address
VethNetDevice::GetMulticast(Ipv6Address addr) const
{
    return Mac48Address::GetMulticast(addr);
}

bool
VethNetDevice::IsBridge() const
{
    return false;
}

bool
VethNetDevice::IsPointToPoint() const
{
    return false;
}

Ptr<Node>
VethNetDevice::GetNode() const
{
    return m_node;
}

void
VethNetDevice::SetNode(Ptr<Node> node)
{
    m_node = node;
}

bool
VethNetDevice::NeedsArp() const
{
    return true;
}

void
VethNetDevice::SetReceiveCallback(NetDevice::ReceiveCallback cb)
{
    m_rxCallback = cb;
}

void
VethNetDevice::SetPromiscReceiveCallback(NetDevice::PromiscReceiveCallback cb)
{
    m_promiscCallback = cb;
}

bool
VethNetDevice::SupportsSendFrom() const
{
    return true;
}

} // namespace ns3
