// SPDX-License-Identifier: GPL-2.0-only

#include "veth-channel.h"

#include "veth-net-device.h"

#include "ns3/fatal-error.h"
#include "ns3/node.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_OBJECT_ENSURE_REGISTERED(VethChannel);

TypeId
VethChannel::GetTypeId()
{
    static TypeId tid = TypeId("ns3::VethChannel")
                            .SetParent<Channel>()
                            .SetGroupName("Tipc")
                            .AddConstructor<VethChannel>()
                            .AddAttribute("Delay",
                                          "Propagation delay (0 for a real veth pair).",
                                          TimeValue(Seconds(0)),
                                          MakeTimeAccessor(&VethChannel::m_delay),
                                          MakeTimeChecker(Seconds(0)));
    return tid;
}

VethChannel::VethChannel()
    : m_n(0)
{
}

void
VethChannel::DoDispose()
{
    m_ends = {};
    m_inFlight = {};
    Channel::DoDispose();
}

void
VethChannel::Add(Ptr<VethNetDevice> device)
{
    if (m_n >= 2)
    {
        NS_FATAL_ERROR("VethChannel: a veth pair has exactly two ends");
    }
    m_ends[m_n++] = device;
}

void
VethChannel::Transmit(Ptr<Packet> frame, Ptr<VethNetDevice> src, Time txTime)
{
    if (m_n < 2)
    {
        return;
    }
    std::size_t i = m_ends[0] == src ? 1 : 0;
    Ptr<VethNetDevice> dst = m_ends[i];
    uint32_t ctx = dst->GetNode() ? dst->GetNode()->GetId() : Simulator::GetContext();
    // the sender transmits one frame at a time: arrivals keep the sending order
    m_inFlight[i].push_back(frame);
    Simulator::ScheduleWithContext(ctx, txTime + m_delay, &VethChannel::Arrive, this, i);
}

void
VethChannel::Arrive(std::size_t i)
{
    if (m_inFlight[i].empty())
    {
        return; // disposed meanwhile
    }
    Ptr<Packet> frame = m_inFlight[i].front();
    m_inFlight[i].pop_front();
    m_ends[i]->ReceiveOwned(frame);
}

std::size_t
VethChannel::GetNDevices() const
{
    return m_n;
}

Ptr<NetDevice>
VethChannel::GetDevice(std::size_t i) const
{
    return i < m_n ? m_ends[i] : nullptr;
}

} // namespace ns3
