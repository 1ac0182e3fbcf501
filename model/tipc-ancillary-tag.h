// SPDX-License-Identifier: GPL-2.0-only

#ifndef TIPC_ANCILLARY_TAG_H
#define TIPC_ANCILLARY_TAG_H

#include "ns3/tag.h"

#include <cstdint>

namespace ns3
{

/**
 * @ingroup tipc
 * @brief The ancillary data Linux recvmsg() returns for a TIPC message
 *        (SOL_TIPC control messages), attached to packets TipcSocket::Recv()
 *        returns.
 *
 * - TIPC_ERRINFO: the message was rejected and came back: error code (TIPC_ERR_NO_NAME,
 *   TIPC_ERR_NO_PORT, TIPC_ERR_NO_NODE, TIPC_ERR_OVERLOAD, TIPC_CONN_SHUTDOWN) and the length
 *   of the returned data (at most 1024 bytes; the packet carries those bytes, TIPC_RETDATA).
 * - TIPC_DESTNAME: the service name the message was sent to {type, lower, upper}
 *   (named and multicast messages, and messages of connections made to a service name).
 */
class TipcAncillaryTag : public Tag
{
  public:
    /**
     * @brief Register this type.
     * @return The TypeId.
     */
    static TypeId GetTypeId();
    /** @return the TypeId of this tag (GetTypeId()) */
    TypeId GetInstanceTypeId() const override;
    /** @return 22: two presence flags (1 byte each) and five 32-bit fields */
    uint32_t GetSerializedSize() const override;
    /**
     * @brief Write both presence flags and all fields, present or not.
     * @param i the tag buffer
     */
    void Serialize(TagBuffer i) const override;
    /**
     * @brief Read what Serialize wrote.
     * @param i the tag buffer
     */
    void Deserialize(TagBuffer i) override;
    /**
     * @brief Print "errinfo=<code>/<length> " and "destname={type,lower,upper}" for the
     *        entries present.
     * @param os output stream
     */
    void Print(std::ostream& os) const override;

    /**
     * @brief Set TIPC_ERRINFO.
     * @param errorCode TIPC error code of the returned message
     * @param dataLength bytes of returned data
     */
    void SetErrInfo(uint32_t errorCode, uint32_t dataLength);
    /** @return true if TIPC_ERRINFO is present */
    bool HasErrInfo() const;
    /** @return the error code (0 without TIPC_ERRINFO) */
    uint32_t GetErrorCode() const;
    /** @return the returned data length */
    uint32_t GetReturnedDataLength() const;

    /**
     * @brief Set TIPC_DESTNAME.
     * @param type service type
     * @param lower lower instance
     * @param upper upper instance
     */
    void SetDestName(uint32_t type, uint32_t lower, uint32_t upper);
    /** @return true if TIPC_DESTNAME is present */
    bool HasDestName() const;
    /** @return destination service type */
    uint32_t GetDestType() const;
    /** @return destination lower instance */
    uint32_t GetDestLower() const;
    /** @return destination upper instance */
    uint32_t GetDestUpper() const;

  private:
    bool m_hasErrInfo{false};  //!< TIPC_ERRINFO present
    uint32_t m_errorCode{0};   //!< error code
    uint32_t m_dataLength{0};  //!< returned data length
    bool m_hasDestName{false}; //!< TIPC_DESTNAME present
    uint32_t m_type{0};        //!< service type
    uint32_t m_lower{0};       //!< lower
    uint32_t m_upper{0};       //!< upper
};

} // namespace ns3

#endif // TIPC_ANCILLARY_TAG_H
