// SPDX-License-Identifier: GPL-2.0-only

#ifndef TIPC_ADDRESS_H
#define TIPC_ADDRESS_H

#include "tipc-constants.h"

#include "ns3/address.h"

#include <cstdint>
#include <ostream>

namespace ns3
{

/**
 * @ingroup tipc
 * @brief Service range {type, lower, upper} (uapi struct tipc_service_range).
 */
struct TipcServiceRange
{
    uint32_t type{0};  //!< service type
    uint32_t lower{0}; //!< lowest instance
    uint32_t upper{0}; //!< highest instance

    /**
     * @brief Does this range overlap another range of the same type?
     * @param other the other range
     * @return true if type matches and the instance intervals intersect
     */
    bool Overlaps(const TipcServiceRange& other) const;
    /**
     * @brief Does this range contain an instance?
     * @param instance the instance
     * @return true if lower <= instance <= upper
     */
    bool Contains(uint32_t instance) const;
};

/**
 * @brief Equality of service ranges.
 * @param a left
 * @param b right
 * @return true if all fields are equal
 */
bool operator==(const TipcServiceRange& a, const TipcServiceRange& b);

/**
 * @ingroup tipc
 * @brief Socket address {port id, node} (uapi struct tipc_socket_addr).
 */
struct TipcSocketAddr
{
    uint32_t ref{0};  //!< port id (socket reference)
    uint32_t node{0}; //!< node address; 0 means own node
};

/**
 * @brief Equality of socket addresses.
 * @param a left
 * @param b right
 * @return true if port and node are equal
 */
bool operator==(const TipcSocketAddr& a, const TipcSocketAddr& b);

/**
 * @ingroup tipc
 * @brief A TIPC socket address, the model's `struct sockaddr_tipc`.
 *
 * One of three kinds (uapi addrtype): a service range (multicast send, bind),
 * a service address {type, instance} with an optional lookup node ("domain";
 * anycast send, connect), or a socket address {ref, node} (direct send).  A
 * scope goes with bind(): TIPC_CLUSTER_SCOPE or TIPC_NODE_SCOPE, negative to
 * withdraw.  Converts to and from ns3::Address (a registered address type) so
 * it can be passed to ns3::Socket::Bind/Connect/SendTo.
 */
class TipcAddress
{
  public:
    /** @brief An empty (invalid) address. */
    TipcAddress();

    /**
     * @brief Service range address.
     * @param type service type
     * @param lower lowest instance
     * @param upper highest instance
     * @param scope binding scope
     * @return the address
     */
    static TipcAddress ServiceRange(uint32_t type,
                                    uint32_t lower,
                                    uint32_t upper,
                                    int8_t scope = tipc::TIPC_CLUSTER_SCOPE);
    /**
     * @brief Service address {type, instance} with an optional lookup node.
     * @param type service type
     * @param instance service instance
     * @param domain lookup node (0: any node)
     * @param scope binding scope
     * @return the address
     */
    static TipcAddress Service(uint32_t type,
                               uint32_t instance,
                               uint32_t domain = 0,
                               int8_t scope = tipc::TIPC_CLUSTER_SCOPE);
    /**
     * @brief Socket address {port id, node}.
     * @param ref port id
     * @param node node address (0: own node)
     * @return the address
     */
    static TipcAddress Socket(uint32_t ref, uint32_t node);

    /** @return the address kind: TIPC_SERVICE_RANGE, TIPC_SERVICE_ADDR or TIPC_SOCKET_ADDR (0 if
     * empty) */
    uint8_t GetAddrType() const;
    /** @return true for a service range */
    bool IsServiceRange() const;
    /** @return true for a service address */
    bool IsService() const;
    /** @return true for a socket address */
    bool IsSocket() const;
    /** @return the scope (may be negative: withdraw) */
    int8_t GetScope() const;
    /**
     * @brief Set the scope.
     * @param scope the scope
     */
    void SetScope(int8_t scope);
    /** @return the service range (a service address {t,i} gives {t,i,i}) */
    TipcServiceRange GetServiceRange() const;
    /** @return the lookup node of a service address */
    uint32_t GetDomain() const;
    /** @return the socket address */
    TipcSocketAddr GetSocketAddr() const;

    /**
     * @brief Convert to a generic ns3::Address.
     * @return the address
     */
    Address ConvertTo() const;
    /** @brief Implicit conversion to ns3::Address. */
    operator Address() const;
    /**
     * @brief Convert from a generic ns3::Address.
     * @param address an address of this type (asserts otherwise)
     * @return the TIPC address
     */
    static TipcAddress ConvertFrom(const Address& address);
    /**
     * @brief Is a generic address a TipcAddress?
     * @param address the address
     * @return true if it was made by ConvertTo()
     */
    static bool IsMatchingType(const Address& address);

  private:
    /** @return the registered ns3::Address type id */
    static uint8_t GetType();

    uint8_t m_addrType; //!< uapi addrtype
    int8_t m_scope;     //!< scope
    uint32_t m_w[3];    //!< union words: range / {type,inst,domain} / {ref,node}
    static constexpr uint32_t SERIALIZED_SIZE = 14; //!< bytes in an ns3::Address
};

/**
 * @brief Print an address: "{type,lower,upper}", "{type,instance}@domain" or "<node:ref>".
 * @param os stream
 * @param a address
 * @return the stream
 */
std::ostream& operator<<(std::ostream& os, const TipcAddress& a);

/**
 * @brief Equality of TIPC addresses (kind, scope and fields).
 * @param a left
 * @param b right
 * @return true if equal
 */
bool operator==(const TipcAddress& a, const TipcAddress& b);

} // namespace ns3

#endif // TIPC_ADDRESS_H
