// SPDX-License-Identifier: GPL-2.0-only

#include "tipc-socket-factory.h"

#include "tipc-stack.h"

#include "ns3/fatal-error.h"
#include "ns3/string.h"

namespace ns3
{

NS_OBJECT_ENSURE_REGISTERED(TipcSocketFactory);

TypeId
TipcSocketFactory::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::TipcSocketFactory")
            .SetParent<SocketFactory>()
            .SetGroupName("Tipc")
            .AddConstructor<TipcSocketFactory>()
            .AddAttribute("SocketType",
                          "Type of the sockets CreateSocket() makes: RDM, DGRAM, SEQPACKET "
                          "or STREAM.",
                          StringValue("RDM"),
                          MakeStringAccessor(&TipcSocketFactory::SetSocketTypeName,
                                             &TipcSocketFactory::GetSocketTypeName),
                          MakeStringChecker());
    return tid;
}

void
TipcSocketFactory::SetSocketTypeName(std::string name)
{
    if (name == "RDM")
    {
        m_type = TipcSocketType::RDM;
    }
    else if (name == "DGRAM")
    {
        m_type = TipcSocketType::DGRAM;
    }
    else if (name == "SEQPACKET")
    {
        m_type = TipcSocketType::SEQPACKET;
    }
    else if (name == "STREAM")
    {
        m_type = TipcSocketType::STREAM;
    }
    else
    {
        NS_FATAL_ERROR("ns3::TipcSocketFactory attribute SocketType=" << name
                                                                      << " is not one of RDM, "
                                                                         "DGRAM, SEQPACKET, "
                                                                         "STREAM");
    }
}

std::string
TipcSocketFactory::GetSocketTypeName() const
{
    switch (m_type)
    {
    case TipcSocketType::DGRAM:
        return "DGRAM";
    case TipcSocketType::SEQPACKET:
        return "SEQPACKET";
    case TipcSocketType::STREAM:
        return "STREAM";
    default:
        return "RDM";
    }
}

TipcSocketFactory::TipcSocketFactory()
    : m_type(TipcSocketType::RDM)
{
}

Ptr<Socket>
TipcSocketFactory::CreateSocket()
{
    return CreateSocket(m_type);
}

Ptr<TipcSocket>
TipcSocketFactory::CreateSocket(TipcSocketType type)
{
    Ptr<TipcStack> stack = GetObject<TipcStack>();
    if (!stack)
    {
        NS_FATAL_ERROR("TipcSocketFactory: the node has no TipcStack (TipcHelper::Install)");
    }
    return stack->CreateSocket(type);
}

} // namespace ns3
