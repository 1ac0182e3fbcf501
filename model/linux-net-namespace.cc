// SPDX-License-Identifier: GPL-2.0-only

#include "linux-net-namespace.h"

#include "linux-host.h"

namespace ns3
{

NS_OBJECT_ENSURE_REGISTERED(LinuxNetNamespace);

TypeId
LinuxNetNamespace::GetTypeId()
{
    static TypeId tid = TypeId("ns3::LinuxNetNamespace")
                            .SetParent<Object>()
                            .SetGroupName("Tipc")
                            .AddConstructor<LinuxNetNamespace>();
    return tid;
}

LinuxNetNamespace::LinuxNetNamespace()
    : m_hashMix(0),
      m_alive(true)
{
}

LinuxNetNamespace::~LinuxNetNamespace()
{
}

void
LinuxNetNamespace::DoDispose()
{
    m_host = nullptr;
    Object::DoDispose();
}

void
LinuxNetNamespace::Setup(Ptr<LinuxHost> host, const std::string& name, uint32_t hashMix)
{
    m_host = host;
    m_name = name;
    m_hashMix = hashMix;
}

Ptr<LinuxHost>
LinuxNetNamespace::GetHost() const
{
    return m_alive ? m_host : nullptr;
}

std::string
LinuxNetNamespace::GetName() const
{
    return m_name;
}

uint32_t
LinuxNetNamespace::GetHashMix() const
{
    return m_hashMix;
}

bool
LinuxNetNamespace::IsAlive() const
{
    return m_alive;
}

void
LinuxNetNamespace::MarkDeleted()
{
    m_alive = false;
}

} // namespace ns3
