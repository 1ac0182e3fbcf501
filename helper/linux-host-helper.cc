// SPDX-License-Identifier: GPL-2.0-only

#include "linux-host-helper.h"

#include "ns3/boolean.h"
#include "ns3/fatal-error.h"
#include "ns3/linux-net-namespace.h"
#include "ns3/names.h"
#include "ns3/string.h"
#include "ns3/veth-net-device.h"

namespace ns3
{

LinuxHostHelper::LinuxHostHelper()
    : m_stream(10000)
{
    m_hostFactory.SetTypeId(LinuxHost::GetTypeId());
    // a Linux NIC queues up to txqueuelen (default 1000) packets; ns-3's CSMA default is 100
    SetNicQueueSize("1000p");
}

void
LinuxHostHelper::SetNicQueueSize(const std::string& maxSize)
{
    m_csma.SetQueue("ns3::DropTailQueue<Packet>", "MaxSize", StringValue(maxSize));
    m_lan.SetQueueSize(maxSize);
}

void
LinuxHostHelper::SetHostAttribute(std::string name, const AttributeValue& value)
{
    m_hostFactory.Set(name, value);
}

void
LinuxHostHelper::SetVethDeviceAttribute(std::string name, const AttributeValue& value)
{
    m_veth.SetDeviceAttributes(name, value);
}

void
LinuxHostHelper::SetNicChannelAttribute(std::string name, const AttributeValue& value)
{
    m_csma.SetChannelAttribute(name, value);
    m_lan.SetChannelAttribute(name, value);
}

void
LinuxHostHelper::SetNicDeviceAttribute(std::string name, const AttributeValue& value)
{
    // applied in Install, to the devices of the cable chosen by then
    m_nicDeviceAttributes.emplace_back(name, value.Copy());
}

void
LinuxHostHelper::SetNicCable(const std::string& type)
{
    m_lan.SetCable(type); // checks the type; "csma" keeps the shared segment
}

void
LinuxHostHelper::AssignStreams(int64_t stream)
{
    m_stream = stream;
}

std::vector<Ptr<LinuxHost>>
LinuxHostHelper::Install(uint32_t hosts, uint32_t namespaces)
{
    if (hosts == 0)
    {
        NS_FATAL_ERROR("LinuxHostHelper::Install: at least one host");
    }
    std::vector<Ptr<LinuxHost>> out;
    NodeContainer roots;
    for (uint32_t h = 0; h < hosts; ++h)
    {
        Ptr<LinuxHost> host = m_hostFactory.Create<LinuxHost>();
        host->AssignStreams(m_stream++);
        Ptr<Node> root = host->GetRoot();
        Names::Add("h" + std::to_string(h), root);
        Ptr<BridgeNetDevice> br = CreateObject<BridgeNetDevice>();
        root->AddDevice(br);
        m_bridges[host] = br;
        roots.Add(root);
        out.push_back(host);
    }
    // the hosts' NICs on one segment, each a port of its host's bridge
    for (const auto& [name, value] : m_nicDeviceAttributes)
    {
        if (m_lan.IsFullDuplex())
        {
            m_lan.SetDeviceAttribute(name, *value);
        }
        else
        {
            m_csma.SetDeviceAttribute(name, *value);
        }
    }
    m_nics = m_lan.IsFullDuplex() ? m_lan.Install(roots) : m_csma.Install(roots);
    for (uint32_t i = 0; i < m_nics.GetN(); ++i)
    {
        if (Ptr<VethNetDevice> nic = DynamicCast<VethNetDevice>(m_nics.Get(i)))
        {
            nic->SetAttribute("HostNic", BooleanValue(true));
        }
    }
    for (uint32_t h = 0; h < hosts; ++h)
    {
        m_bridges[out[h]]->AddBridgePort(m_nics.Get(h));
    }
    for (uint32_t h = 0; h < hosts; ++h)
    {
        for (uint32_t i = 0; i < namespaces; ++i)
        {
            AddNamespace(out[h], "h" + std::to_string(h) + "-ns" + std::to_string(i + 1));
        }
    }
    return out;
}

Ptr<Node>
LinuxHostHelper::AddNamespace(Ptr<LinuxHost> host, const std::string& name)
{
    auto it = m_bridges.find(host);
    if (it == m_bridges.end())
    {
        NS_FATAL_ERROR("LinuxHostHelper::AddNamespace: the host was not built by this helper");
    }
    Ptr<Node> ns = host->CreateNamespace(name);
    Names::Add(name, ns);
    NetDeviceContainer pair = m_veth.Install(ns, host->GetRoot());
    Names::Add(name + "/eth0", pair.Get(0));
    it->second->AddBridgePort(pair.Get(1));
    m_namespaces.Add(ns);
    m_nsDevices.Add(pair.Get(0));
    return ns;
}

NodeContainer
LinuxHostHelper::GetNamespaces() const
{
    return m_namespaces;
}

NetDeviceContainer
LinuxHostHelper::GetNamespaceDevices() const
{
    return m_nsDevices;
}

NetDeviceContainer
LinuxHostHelper::GetNics() const
{
    return m_nics;
}

void
LinuxHostHelper::EnablePcap(const std::string& prefix)
{
    m_veth.EnablePcap(prefix, m_nsDevices, false);
}

} // namespace ns3
