// SPDX-License-Identifier: GPL-2.0-only

#include "tipc-address.h"

#include "tipc-bytes.h"

#include "ns3/assert.h"

#include <string>

namespace ns3
{

namespace
{

/// ns-3 < 3.47: Address::Register() takes no arguments.
template <typename A>
auto
RegisterAddressType(const A*, long) -> decltype(A::Register())
{
    return A::Register();
}

/// ns-3 >= 3.47: Address::Register(kind, length).
template <typename A>
auto
RegisterAddressType(const A*, int) -> decltype(A::Register(std::string(), uint8_t(0)))
{
    return A::Register("TipcAddress", 14);
}

} // namespace

bool
TipcServiceRange::Overlaps(const TipcServiceRange& other) const
{
    return type == other.type && lower <= other.upper && other.lower <= upper;
}

bool
TipcServiceRange::Contains(uint32_t instance) const
{
    return lower <= instance && instance <= upper;
}

bool
operator==(const TipcServiceRange& a, const TipcServiceRange& b)
{
    return a.type == b.type && a.lower == b.lower && a.upper == b.upper;
}

bool
operator==(const TipcSocketAddr& a, const TipcSocketAddr& b)
{
    return a.ref == b.ref && a.node == b.node;
}

TipcAddress::TipcAddress()
    : m_addrType(0),
      m_scope(0),
      m_w{0, 0, 0}
{
}

TipcAddress
TipcAddress::ServiceRange(uint32_t type, uint32_t lower, uint32_t upper, int8_t scope)
{
    TipcAddress a;
    a.m_addrType = tipc::TIPC_SERVICE_RANGE;
    a.m_scope = scope;
    a.m_w[0] = type;
    a.m_w[1] = lower;
    a.m_w[2] = upper;
    return a;
}

TipcAddress
TipcAddress::Service(uint32_t type, uint32_t instance, uint32_t domain, int8_t scope)
{
    TipcAddress a;
    a.m_addrType = tipc::TIPC_SERVICE_ADDR;
    a.m_scope = scope;
    a.m_w[0] = type;
    a.m_w[1] = instance;
    a.m_w[2] = domain;
    return a;
}

TipcAddress
TipcAddress::Socket(uint32_t ref, uint32_t node)
{
    TipcAddress a;
    a.m_addrType = tipc::TIPC_SOCKET_ADDR;
    a.m_w[0] = ref;
    a.m_w[1] = node;
    return a;
}

uint8_t
TipcAddress::GetAddrType() const
{
    return m_addrType;
}

bool
TipcAddress::IsServiceRange() const
{
    return m_addrType == tipc::TIPC_SERVICE_RANGE;
}

bool
TipcAddress::IsService() const
{
    return m_addrType == tipc::TIPC_SERVICE_ADDR;
}

bool
TipcAddress::IsSocket() const
{
    return m_addrType == tipc::TIPC_SOCKET_ADDR;
}

int8_t
TipcAddress::GetScope() const
{
    return m_scope;
}

void
TipcAddress::SetScope(int8_t scope)
{
    m_scope = scope;
}

TipcServiceRange
TipcAddress::GetServiceRange() const
{
    if (IsService())
    {
        return TipcServiceRange{m_w[0], m_w[1], m_w[1]};
    }
    return TipcServiceRange{m_w[0], m_w[1], m_w[2]};
}

uint32_t
TipcAddress::GetDomain() const
{
    return IsService() ? m_w[2] : 0;
}

TipcSocketAddr
TipcAddress::GetSocketAddr() const
{
    return TipcSocketAddr{m_w[0], m_w[1]};
}

uint8_t
TipcAddress::GetType()
{
    static uint8_t type = RegisterAddressType(static_cast<const Address*>(nullptr), 0);
    return type;
}

Address
TipcAddress::ConvertTo() const
{
    uint8_t buf[SERIALIZED_SIZE];
    buf[0] = m_addrType;
    buf[1] = static_cast<uint8_t>(m_scope);
    tipc::WriteBe32(buf + 2, m_w[0]);
    tipc::WriteBe32(buf + 6, m_w[1]);
    tipc::WriteBe32(buf + 10, m_w[2]);
    return Address(GetType(), buf, SERIALIZED_SIZE);
}

TipcAddress::operator Address() const
{
    return ConvertTo();
}

TipcAddress
TipcAddress::ConvertFrom(const Address& address)
{
    NS_ASSERT_MSG(IsMatchingType(address), "Address is not a TipcAddress: " << address);
    uint8_t buf[Address::MAX_SIZE];
    address.CopyTo(buf);
    TipcAddress a;
    a.m_addrType = buf[0];
    a.m_scope = static_cast<int8_t>(buf[1]);
    a.m_w[0] = tipc::ReadBe32(buf + 2);
    a.m_w[1] = tipc::ReadBe32(buf + 6);
    a.m_w[2] = tipc::ReadBe32(buf + 10);
    return a;
}

bool
TipcAddress::IsMatchingType(const Address& address)
{
    return address.CheckCompatible(GetType(), SERIALIZED_SIZE);
}

std::ostream&
operator<<(std::ostream& os, const TipcAddress& a)
{
    if (a.IsServiceRange())
    {
        TipcServiceRange r = a.GetServiceRange();
        os << "{" << r.type << "," << r.lower << "," << r.upper << "}";
    }
    else if (a.IsService())
    {
        TipcServiceRange r = a.GetServiceRange();
        os << "{" << r.type << "," << r.lower << "}";
        if (a.GetDomain() != 0)
        {
            os << "@" << std::hex << a.GetDomain() << std::dec;
        }
    }
    else if (a.IsSocket())
    {
        TipcSocketAddr s = a.GetSocketAddr();
        os << "<" << std::hex << s.node << ":" << s.ref << std::dec << ">";
    }
    else
    {
        os << "<empty>";
    }
    return os;
}

bool
operator==(const TipcAddress& a, const TipcAddress& b)
{
    return a.GetAddrType() == b.GetAddrType() && a.GetScope() == b.GetScope() &&
           a.GetServiceRange() == b.GetServiceRange() && a.GetDomain() == b.GetDomain() &&
           a.GetSocketAddr() == b.GetSocketAddr();
}

} // namespace ns3
