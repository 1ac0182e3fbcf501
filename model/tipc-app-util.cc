// SPDX-License-Identifier: GPL-2.0-only

#include "tipc-app-util.h"

#include "tipc-socket-factory.h"

#include "ns3/fatal-error.h"

#include <algorithm>
#include <cctype>
#include <sstream>

namespace ns3
{
namespace tipc
{

std::string
SocketTypeName(TipcSocketType type)
{
    switch (type)
    {
    case TipcSocketType::RDM:
        return "RDM";
    case TipcSocketType::DGRAM:
        return "DGRAM";
    case TipcSocketType::SEQPACKET:
        return "SEQPACKET";
    case TipcSocketType::STREAM:
        return "STREAM";
    }
    return "?";
}

bool
IsConnectionSocketType(TipcSocketType type)
{
    return type == TipcSocketType::SEQPACKET || type == TipcSocketType::STREAM;
}

TipcSocketType
ParseSocketTypeAttribute(const std::string& typeName,
                         const std::string& value,
                         const std::vector<TipcSocketType>& allowed)
{
    std::ostringstream names;
    for (size_t i = 0; i < allowed.size(); ++i)
    {
        names << (i == 0 ? "" : ", ") << SocketTypeName(allowed[i]);
        if (SocketTypeName(allowed[i]) == value)
        {
            return allowed[i];
        }
    }
    NS_FATAL_ERROR(typeName << " attribute SocketType=" << value << " is not one of "
                            << names.str());
    return TipcSocketType::RDM;
}

int8_t
ParseScopeAttribute(const std::string& typeName, const std::string& value)
{
    std::string v = value;
    std::transform(v.begin(), v.end(), v.begin(), [](unsigned char c) {
        return static_cast<char>(std::tolower(c));
    });
    if (v == "node")
    {
        return TIPC_NODE_SCOPE;
    }
    if (v == "cluster")
    {
        return TIPC_CLUSTER_SCOPE;
    }
    NS_FATAL_ERROR(typeName << " attribute Scope=" << value << " is not one of node, cluster");
    return TIPC_CLUSTER_SCOPE;
}

std::string
ScopeName(int8_t scope)
{
    return scope == TIPC_NODE_SCOPE ? "node" : "cluster";
}

Ptr<TipcSocket>
CreateAppSocket(const std::string& typeName, Ptr<Node> node, TipcSocketType type)
{
    Ptr<TipcSocketFactory> factory = node->GetObject<TipcSocketFactory>();
    if (!factory)
    {
        NS_FATAL_ERROR(typeName << " on node " << node->GetId()
                                << ": the node has no TIPC stack (TipcHelper::Install)");
    }
    return factory->CreateSocket(type);
}

} // namespace tipc
} // namespace ns3
