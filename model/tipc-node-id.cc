// SPDX-License-Identifier: GPL-2.0-only

#include "tipc-node-id.h"

#include "tipc-bytes.h"

#include "ns3/fatal-error.h"
#include "ns3/mac48-address.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <sstream>

namespace ns3
{

namespace
{

/// Characters Linux prints as they are in a node identity.
bool
IsIdChar(uint8_t c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '.' ||
           c == ':' || c == '_' || c == '-' || c == '@';
}

} // namespace

TipcNodeId::TipcNodeId()
    : m_bytes{}
{
}

TipcNodeId::TipcNodeId(const Bytes& bytes)
    : m_bytes(bytes)
{
}

TipcNodeId
TipcNodeId::FromBuffer(const uint8_t* buffer)
{
    Bytes b;
    std::copy(buffer, buffer + tipc::NODE_ID_LEN, b.begin());
    return TipcNodeId(b);
}

bool
TipcNodeId::Parse(const std::string& text, TipcNodeId& id)
{
    if (text.empty() || text.size() > 2 * tipc::NODE_ID_LEN)
    {
        return false;
    }
    Bytes b{};
    bool isName =
        text.size() <= tipc::NODE_ID_LEN && std::all_of(text.begin(), text.end(), [](char c) {
            return IsIdChar(static_cast<uint8_t>(c));
        });
    if (isName)
    {
        std::copy(text.begin(), text.end(), b.begin());
        id = TipcNodeId(b);
        return true;
    }
    bool isHex = std::all_of(text.begin(), text.end(), [](char c) {
        return std::isxdigit(static_cast<unsigned char>(c)) != 0;
    });
    if (!isHex)
    {
        return false;
    }
    std::string hex = text;
    if (hex.size() % 2 != 0)
    {
        hex.push_back('0'); // an odd digit count is completed with a zero nibble
    }
    for (size_t i = 0; i < hex.size(); i += 2)
    {
        b[i / 2] = static_cast<uint8_t>(std::stoul(hex.substr(i, 2), nullptr, 16));
    }
    id = TipcNodeId(b);
    return true;
}

TipcNodeId
TipcNodeId::FromString(const std::string& text)
{
    TipcNodeId id;
    if (!Parse(text, id))
    {
        NS_FATAL_ERROR("TIPC node identity \""
                       << text
                       << "\" is invalid: use up to 16 characters [0-9A-Za-z.:_-@] or "
                          "up to 32 hex digits");
    }
    return id;
}

TipcNodeId
TipcNodeId::FromMac(const Mac48Address& mac)
{
    Bytes b{};
    mac.CopyTo(b.data());
    return TipcNodeId(b);
}

TipcNodeId
TipcNodeId::FromIpv4(uint32_t ipv4HostOrder)
{
    Bytes b{};
    tipc::WriteBe32(b.data(), ipv4HostOrder);
    return TipcNodeId(b);
}

TipcNodeId
TipcNodeId::FromAddress(uint32_t addr)
{
    char text[tipc::NODE_ID_STR_LEN] = {};
    std::snprintf(text, sizeof(text), "%x", addr);
    Bytes b{};
    std::copy(text, text + std::char_traits<char>::length(text), b.begin());
    return TipcNodeId(b);
}

const TipcNodeId::Bytes&
TipcNodeId::GetBytes() const
{
    return m_bytes;
}

void
TipcNodeId::CopyTo(uint8_t* buffer) const
{
    std::copy(m_bytes.begin(), m_bytes.end(), buffer);
}

bool
TipcNodeId::IsZero() const
{
    return std::all_of(m_bytes.begin(), m_bytes.end(), [](uint8_t c) { return c == 0; });
}

uint32_t
TipcNodeId::Hash() const
{
    uint32_t w[4];
    for (int i = 0; i < 4; ++i)
    {
        w[i] = tipc::ReadBe32(&m_bytes[4 * i]);
    }
    uint32_t res = w[0] ^ w[1] ^ w[2] ^ w[3];
    if (res != 0)
    {
        return res;
    }
    return w[0] | w[1] | w[2] | w[3];
}

std::string
TipcNodeId::ToString() const
{
    if (std::all_of(m_bytes.begin(), m_bytes.end(), [](uint8_t c) {
            return c == 0 || IsIdChar(c);
        }))
    {
        std::string s(reinterpret_cast<const char*>(m_bytes.data()), m_bytes.size());
        return s.substr(0, s.find('\0'));
    }
    char hex[tipc::NODE_ID_STR_LEN] = {};
    for (uint32_t i = 0; i < tipc::NODE_ID_LEN; ++i)
    {
        std::snprintf(&hex[2 * i], 3, "%02x", m_bytes[i]);
    }
    std::string s(hex);
    size_t last = s.find_last_not_of('0');
    return s.substr(0, last == std::string::npos ? 0 : last + 1);
}

bool
TipcNodeId::operator==(const TipcNodeId& other) const
{
    return m_bytes == other.m_bytes;
}

bool
TipcNodeId::operator!=(const TipcNodeId& other) const
{
    return m_bytes != other.m_bytes;
}

bool
TipcNodeId::operator<(const TipcNodeId& other) const
{
    return m_bytes < other.m_bytes;
}

std::ostream&
operator<<(std::ostream& os, const TipcNodeId& id)
{
    return os << id.ToString();
}

std::string
TipcAddrToZcn(uint32_t addr)
{
    std::ostringstream os;
    os << (addr >> 24) << '.' << ((addr >> 12) & 0xfff) << '.' << (addr & 0xfff);
    return os.str();
}

bool
TipcInScope(bool legacy, uint32_t domain, uint32_t addr)
{
    if (domain == 0 || domain == addr)
    {
        return true;
    }
    return legacy && (domain == (addr & tipc::TIPC_ZONE_CLUSTER_MASK) ||
                      domain == (addr & tipc::TIPC_ZONE_MASK));
}

} // namespace ns3
