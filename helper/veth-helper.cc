// SPDX-License-Identifier: GPL-2.0-only

#include "veth-helper.h"

#include "ns3/log.h"
#include "ns3/mac48-address.h"
#include "ns3/pointer.h"
#include "ns3/queue.h"
#include "ns3/string.h"
#include "ns3/veth-channel.h"
#include "ns3/veth-net-device.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("VethHelper");

VethHelper::VethHelper()
{
    m_deviceFactory.SetTypeId(VethNetDevice::GetTypeId());
    m_channelFactory.SetTypeId(VethChannel::GetTypeId());
    m_queueFactory.SetTypeId("ns3::DropTailQueue<Packet>");
    m_queueFactory.Set("MaxSize", StringValue("1000p"));
}

NetDeviceContainer
VethHelper::Install(Ptr<Node> a, Ptr<Node> b) const
{
    Ptr<VethChannel> ch = m_channelFactory.Create<VethChannel>();
    NetDeviceContainer devs;
    for (Ptr<Node> n : {a, b})
    {
        Ptr<VethNetDevice> d = m_deviceFactory.Create<VethNetDevice>();
        d->SetAddress(Mac48Address::Allocate());
        d->SetAttribute("TxQueue", PointerValue(m_queueFactory.Create<Queue<Packet>>()));
        n->AddDevice(d);
        d->Attach(ch);
        devs.Add(d);
    }
    return devs;
}

void
VethHelper::EnablePcapInternal(std::string prefix,
                               Ptr<NetDevice> nd,
                               bool promiscuous,
                               bool explicitFilename)
{
    Ptr<VethNetDevice> d = nd->GetObject<VethNetDevice>();
    if (!d)
    {
        NS_LOG_INFO("VethHelper::EnablePcapInternal: not a VethNetDevice");
        return;
    }
    PcapHelper pcap;
    std::string file = explicitFilename ? prefix : pcap.GetFilenameFromDevice(prefix, d);
    Ptr<PcapFileWrapper> f = pcap.CreateFile(file, std::ios::out, PcapHelper::DLT_EN10MB);
    pcap.HookDefaultSink<VethNetDevice>(d, promiscuous ? "PromiscSniffer" : "Sniffer", f);
}

void
VethHelper::EnableAsciiInternal(Ptr<OutputStreamWrapper> stream,
                                std::string prefix,
                                Ptr<NetDevice> nd,
                                bool explicitFilename)
{
    Ptr<VethNetDevice> d = nd->GetObject<VethNetDevice>();
    if (!d)
    {
        return;
    }
    AsciiTraceHelper ascii;
    if (!stream)
    {
        std::string file = explicitFilename ? prefix : ascii.GetFilenameFromDevice(prefix, d);
        stream = ascii.CreateFileStream(file);
    }
    ascii.HookDefaultEnqueueSinkWithoutContext<VethNetDevice>(d, "MacTx", stream);
    ascii.HookDefaultReceiveSinkWithoutContext<VethNetDevice>(d, "MacRx", stream);
    ascii.HookDefaultDropSinkWithoutContext<VethNetDevice>(d, "MacTxDrop", stream);
    ascii.HookDefaultDropSinkWithoutContext<VethNetDevice>(d, "PhyRxDrop", stream);
}

} // namespace ns3
