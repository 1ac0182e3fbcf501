// SPDX-License-Identifier: GPL-2.0-only

#ifndef TIPC_HEADER_H
#define TIPC_HEADER_H

#include "tipc-constants.h"

#include "ns3/header.h"

#include <array>
#include <cstdint>
#include <string>

namespace ns3
{

/**
 * @ingroup tipc
 * @brief Reasons a byte string is not a valid TIPC message.
 *
 * Every rejection by TipcHeader::Decode() and TipcMessageCodec::Decode()
 * carries one of these; TipcDecodeErrorToString() gives the text used in logs
 * and drop traces.
 */
enum class TipcDecodeError : uint8_t
{
    NONE = 0,            //!< decoded
    TRUNCATED_HEADER,    //!< fewer bytes than word 0 or than the header size
    BAD_VERSION,         //!< version field is not 2
    HEADER_TOO_SMALL,    //!< header size below 24 bytes
    SIZE_BELOW_HEADER,   //!< message size smaller than header size
    SIZE_EXCEEDS_BUFFER, //!< message size larger than the bytes present
    DATA_TOO_LARGE,      //!< more than 66000 data bytes
    TRAILING_BYTES,      //!< bytes after the message that are not link padding
    UNKNOWN_USER,        //!< user 4 or 15 (node-internal pseudo users) on the wire
    UNKNOWN_TYPE,        //!< message type not defined for this user
    BAD_HEADER_SIZE,     //!< header size not legal for this user/type
    RESERVED_BITS,       //!< bits Linux never sets are set
    BAD_FRAGMENT_NUMBER, //!< MSG_FRAGMENTER with fragment number 0
    EMPTY_BUNDLE,        //!< MSG_BUNDLER without inner messages
    TRUNCATED_INNER,     //!< inner message of a bundle/tunnel cut short
    NESTED_BUNDLE,       //!< bundle inside a bundle
    BAD_INNER_USER,      //!< a user that Linux never bundles or tunnels
    BAD_MESSAGE_COUNT,   //!< bundle msgcnt differs from the inner messages
    TOO_DEEP,            //!< nesting deeper than the codec accepts
    EMPTY_NAME_DISTR,    //!< NAME_DISTRIBUTOR without items
    TRUNCATED_ITEMS,     //!< NAME_DISTRIBUTOR data not a multiple of 20 bytes
    BAD_ITEM_RANGE,      //!< name item with lower > upper
    BAD_GAP_ACK_RECORD,  //!< STATE gap ACK record's length beyond the data
    BAD_IF_NAME,         //!< RESET/ACTIVATE interface name missing or not terminated
    BAD_DISCOVERY_SIZE,  //!< LINK_CONFIG with TIPC_NODE_ID128: data is not the 16-byte identity
};

/**
 * @ingroup tipc
 * @brief Text for a decode error.
 * @param e the error
 * @return a short lower-case description
 */
std::string TipcDecodeErrorToString(TipcDecodeError e);

/**
 * @ingroup tipc
 * @brief TIPC v2 message header (Linux struct tipc_msg, reference section 1).
 *
 * The header is kept as up to 15 big-endian words; its size (24, 32, 40, 44 or
 * 60 bytes) is the header-size field.  All field access goes through the named
 * accessors below, which mirror Linux msg.h (msg_seqno -> GetSeqno, ...).
 * Several words mean different things for different users (see the reference,
 * section 1.4); each accessor documents the users it applies to.  Bits the model
 * does not interpret are preserved, so decode + serialize reproduces the input.
 *
 * Untrusted bytes must go through Decode(), which never asserts; Deserialize()
 * is for well-formed packets built by the model itself.
 */
class TipcHeader : public Header
{
  public:
    TipcHeader();

    /**
     * @brief Initialise like Linux tipc_msg_init(): zero the header, set version,
     *        user, type, header size (and message size = header size) and, for
     *        headers larger than SHORT_H_SIZE, the destination node.
     * @param ownAddr own node address (previous and originating node)
     * @param user message user
     * @param type message type
     * @param hsize header size in bytes
     * @param destnode destination node
     */
    void Init(uint32_t ownAddr, uint32_t user, uint32_t type, uint32_t hsize, uint32_t destnode);

    /**
     * @brief Register this type.
     * @return The TypeId.
     */
    static TypeId GetTypeId();
    /** @return the TypeId of this header (GetTypeId()) */
    TypeId GetInstanceTypeId() const override;
    /**
     * @brief Print the one-line summary of ToString().
     * @param os output stream
     */
    void Print(std::ostream& os) const override;
    /** @return the header size in bytes (GetHeaderSize()) */
    uint32_t GetSerializedSize() const override;
    /**
     * @brief Write the header's words in network byte order.
     * @param start where to write
     */
    void Serialize(Buffer::Iterator start) const override;
    /**
     * @brief Read a header whose size field is valid (asserted); untrusted bytes go
     *        through Decode() instead.
     * @param start where to read
     * @return the number of bytes read (the header size)
     */
    uint32_t Deserialize(Buffer::Iterator start) override;

    /**
     * @brief Validate and parse the header of a message (reference section 1.7,
     *        plus per-user header checks).  Never asserts.
     * @param data message bytes
     * @param len number of bytes available (must cover the whole message)
     * @param[out] out the decoded header (valid only on success)
     * @return NONE or the reason for rejection
     */
    static TipcDecodeError Decode(const uint8_t* data, uint32_t len, TipcHeader& out);

    /**
     * @brief Write the header bytes (GetHeaderSize() bytes) to a buffer.
     * @param out destination
     */
    void WriteTo(uint8_t* out) const;

    /** @return a one-line summary, e.g. "LINK_PROTOCOL/STATE 44B seq=..." */
    std::string ToString() const;
    /** @return the name of the user, e.g. "LINK_PROTOCOL" */
    std::string GetUserName() const;
    /** @return the name of the message type for this user, e.g. "STATE_MSG" */
    std::string GetTypeName() const;

    // ---- Word 0 (all users) ----
    /** @return version (2) */
    uint32_t GetVersion() const;
    /** @brief Set the version field. @param v version */
    void SetVersion(uint32_t v);
    /** @return message user (importance 0..3 for data) */
    uint32_t GetUser() const;
    /**
     * @brief The message user of raw bytes without decoding them (word 0, bits 25-28).
     * @param firstOctet the message's first byte
     * @return the user
     */
    static uint32_t PeekUser(uint8_t firstOctet);
    /** @brief Set the user. @param user user */
    void SetUser(uint32_t user);
    /** @return true for payload messages (user 0..3) */
    bool IsData() const;
    /** @return header size in bytes */
    uint32_t GetHeaderSize() const;
    /** @brief Set the header size; the size must be a multiple of 4 in [24, 60]. @param bytes size
     */
    void SetHeaderSize(uint32_t bytes);
    /** @return total message size (header + data) */
    uint32_t GetSize() const;
    /** @brief Set the message size. @param bytes size, at most 0x1ffff */
    void SetSize(uint32_t bytes);
    /** @return message size minus header size */
    uint32_t GetDataSize() const;
    /** @return number of 1 KiB flow-control blocks: size / 1024 + 1 */
    uint32_t GetBlocks() const;
    /** @return non-sequenced bit (discovery and broadcast packets) */
    bool IsNonSeq() const;
    /** @brief Set the non-sequenced bit. @param v bit */
    void SetNonSeq(bool v);
    /** @return dest-droppable bit (data) */
    bool IsDestDroppable() const;
    /** @brief Set dest-droppable (data). @param v bit */
    void SetDestDroppable(bool v);
    /** @return keepalive bit (LINK_PROTOCOL STATE; same bit as dest-droppable) */
    bool IsKeepalive() const;
    /** @brief Set keepalive (LINK_PROTOCOL STATE). @param v bit */
    void SetKeepalive(bool v);
    /** @return src-droppable bit (data); also ack_required / nagle_ack / is_rcast */
    bool IsSrcDroppable() const;
    /** @brief Set src-droppable. @param v bit */
    void SetSrcDroppable(bool v);
    /** @return ack-required (stream Nagle, same bit as src-droppable) */
    bool IsAckRequired() const;
    /** @brief Set ack-required (stream Nagle). @param v bit */
    void SetAckRequired(bool v);
    /** @return nagle-ack (CONN_ACK, same bit as src-droppable) */
    bool IsNagleAck() const;
    /** @brief Set nagle-ack (CONN_ACK). @param v bit */
    void SetNagleAck(bool v);
    /** @return is-rcast (multicast sent as replicast, same bit as src-droppable) */
    bool IsRcast() const;
    /** @brief Set is-rcast. @param v bit */
    void SetRcast(bool v);
    /** @return SYN bit */
    bool IsSyn() const;
    /** @brief Set the SYN bit. @param v bit */
    void SetSyn(bool v);

    // ---- Word 1 ----
    /** @return message type */
    uint32_t GetType() const;
    /** @brief Set the message type. @param t type */
    void SetType(uint32_t t);
    /** @return error code (data, CONN_MANAGER) */
    uint32_t GetErrorCode() const;
    /** @brief Set the error code. @param e code */
    void SetErrorCode(uint32_t e);
    /** @return reroute counter (data) */
    uint32_t GetRerouteCount() const;
    /** @brief Set the reroute counter. @param n count (0..15) */
    void SetRerouteCount(uint32_t n);
    /** @return lookup scope (data) */
    uint32_t GetLookupScope() const;
    /** @brief Set the lookup scope. @param s scope (0..3) */
    void SetLookupScope(uint32_t s);
    /** @return broadcast ack (data, LINK_PROTOCOL STATE, most internal users) */
    uint16_t GetBcastAck() const;
    /** @brief Set the broadcast ack. @param n ack */
    void SetBcastAck(uint16_t n);
    /** @return NAME_DISTRIBUTOR bulk flag */
    bool IsBulk() const;
    /** @brief Set the NAME_DISTRIBUTOR bulk flag. @param v flag */
    void SetBulk(bool v);
    /** @return NAME_DISTRIBUTOR last-bulk flag */
    bool IsLastBulk() const;
    /** @brief Set the NAME_DISTRIBUTOR last-bulk flag. @param v flag */
    void SetLastBulk(bool v);
    /** @return true if the NAME_DISTRIBUTOR non-legacy flag is clear */
    bool IsLegacy() const;
    /** @brief Set the NAME_DISTRIBUTOR non-legacy flag. @param v flag */
    void SetNonLegacy(bool v);
    /** @return ACTIVATE: dest-session-valid bit */
    bool IsDestSessionValid() const;
    /** @brief Set ACTIVATE dest-session-valid. @param v bit */
    void SetDestSessionValid(bool v);
    /** @return ACTIVATE: echoed peer session */
    uint16_t GetDestSession() const;
    /** @brief Set ACTIVATE dest session. @param s session */
    void SetDestSession(uint16_t s);
    /** @return LINK_PROTOCOL STATE: unicast sequence gap (13 bits) */
    uint32_t GetSeqGap() const;
    /** @brief Set the STATE sequence gap. @param g gap (0..8191) */
    void SetSeqGap(uint32_t g);
    /** @return LINK_CONFIG: node signature (16 bits; bit 15 overlaps capability bit 0) */
    uint32_t GetNodeSig() const;
    /** @brief Set the LINK_CONFIG node signature. @param s signature */
    void SetNodeSig(uint32_t s);
    /** @return LINK_CONFIG: node capabilities (13 bits at 15..27) */
    uint32_t GetNodeCapabilities() const;
    /** @brief Set the LINK_CONFIG node capabilities. @param c capabilities */
    void SetNodeCapabilities(uint32_t c);

    // ---- Word 2 ----
    /** @return link-level ack (sequenced users) */
    uint16_t GetAck() const;
    /** @brief Set the link-level ack. @param n ack */
    void SetAck(uint16_t n);
    /** @return link-level sequence number */
    uint16_t GetSeqno() const;
    /** @brief Set the link-level sequence number. @param n seqno */
    void SetSeqno(uint16_t n);
    /** @return LINK_CONFIG: destination domain (request) / requester address (response) */
    uint32_t GetDestDomain() const;
    /** @brief Set the LINK_CONFIG destination domain. @param d domain */
    void SetDestDomain(uint32_t d);
    /** @return BCAST_PROTOCOL: gap after */
    uint32_t GetBcGapAfter() const;
    /** @brief Set BCAST_PROTOCOL gap after. @param n seqno */
    void SetBcGapAfter(uint32_t n);
    /** @return BCAST_PROTOCOL: gap to */
    uint32_t GetBcGapTo() const;
    /** @brief Set BCAST_PROTOCOL gap to. @param n seqno */
    void SetBcGapTo(uint32_t n);

    // ---- Words 3..10 ----
    /** @return previous node */
    uint32_t GetPrevNode() const;
    /** @brief Set the previous node. @param a address */
    void SetPrevNode(uint32_t a);
    /** @return originating port (data, CONN_MANAGER, GROUP_PROTOCOL) */
    uint32_t GetOrigPort() const;
    /** @brief Set the originating port. @param p port */
    void SetOrigPort(uint32_t p);
    /** @return link selector: bit 0 of word 4 (of this header; fragments carry it inside) */
    uint32_t GetLinkSelector() const;
    /** @return destination port */
    uint32_t GetDestPort() const;
    /** @brief Set the destination port. @param p port */
    void SetDestPort(uint32_t p);
    /** @return broadcast packets: cluster id written into word 5 */
    uint32_t GetMcNetId() const;
    /** @brief Set the multicast net id (word 5) of a broadcast packet. @param id cluster id */
    void SetMcNetId(uint32_t id);
    /** @return originating node (prevnode for SHORT headers) */
    uint32_t GetOrigNode() const;
    /** @brief Set the originating node. @param a address */
    void SetOrigNode(uint32_t a);
    /** @return destination node (0 for SHORT headers) */
    uint32_t GetDestNode() const;
    /** @brief Set the destination node. @param a address */
    void SetDestNode(uint32_t a);
    /** @return service type (NAMED, MCAST, group) */
    uint32_t GetNameType() const;
    /** @brief Set the service type. @param t type */
    void SetNameType(uint32_t t);
    /** @return service instance (NAMED) / lower bound (MCAST) */
    uint32_t GetNameInstance() const;
    /** @brief Set the service instance. @param i instance */
    void SetNameInstance(uint32_t i);
    /** @return MCAST: lower bound of the range */
    uint32_t GetNameLower() const;
    /** @brief Set the MCAST lower bound. @param i instance */
    void SetNameLower(uint32_t i);
    /** @return MCAST: upper bound of the range */
    uint32_t GetNameUpper() const;
    /** @brief Set the MCAST upper bound. @param i instance */
    void SetNameUpper(uint32_t i);

    /** @return NAME_DISTRIBUTOR: named sequence number (word 4, 15..0) */
    uint16_t GetNamedSeqno() const;
    /** @brief Set the NAME_DISTRIBUTOR sequence number. @param n seqno */
    void SetNamedSeqno(uint16_t n);
    /** @return LINK_PROTOCOL: last broadcast sent (bc snd_nxt - 1) */
    uint16_t GetLastBcast() const;
    /** @brief Set LINK_PROTOCOL last_bcast. @param n seqno */
    void SetLastBcast(uint16_t n);
    /** @return LINK_PROTOCOL: next sent (unicast snd_nxt) */
    uint16_t GetNextSent() const;
    /** @brief Set LINK_PROTOCOL next_sent. @param n seqno */
    void SetNextSent(uint16_t n);
    /** @return MSG_FRAGMENTER: fragment number (1-based) */
    uint32_t GetFragmNo() const;
    /** @brief Set the fragment number. @param n number */
    void SetFragmNo(uint32_t n);
    /** @return MSG_FRAGMENTER (tunnel fragments): number of fragments */
    uint32_t GetNofFragms() const;
    /** @brief Set the number of fragments. @param n count */
    void SetNofFragms(uint32_t n);
    /** @return LINK_CONFIG: cluster id (word 4) */
    uint32_t GetBcNetId() const;
    /** @brief Set the LINK_CONFIG cluster id. @param id cluster id */
    void SetBcNetId(uint32_t id);

    /** @return LINK_PROTOCOL: session number */
    uint16_t GetSession() const;
    /** @brief Set the session. @param s session */
    void SetSession(uint16_t s);
    /** @return LINK_PROTOCOL: probe bit */
    bool IsProbe() const;
    /** @brief Set the probe bit. @param v bit */
    void SetProbe(bool v);
    /** @return LINK_PROTOCOL: network plane as a letter 'A'.. */
    char GetNetPlane() const;
    /** @brief Set the network plane. @param plane letter 'A'..'H' */
    void SetNetPlane(char plane);
    /** @return LINK_PROTOCOL: link priority */
    uint32_t GetLinkPriority() const;
    /** @brief Set the link priority. @param p priority (0..31) */
    void SetLinkPriority(uint32_t p);
    /** @return LINK_PROTOCOL, TUNNEL_PROTOCOL: bearer id */
    uint32_t GetBearerId() const;
    /** @brief Set the bearer id. @param id bearer id (0..7) */
    void SetBearerId(uint32_t id);
    /** @return LINK_PROTOCOL: redundant link bit */
    bool IsRedundantLink() const;
    /** @brief Set the redundant link bit. @param v bit */
    void SetRedundantLink(bool v);
    /** @return LINK_PROTOCOL: peer stopping bit */
    bool IsPeerStopping() const;
    /** @brief Set the peer stopping bit. @param v bit */
    void SetPeerStopping(bool v);
    /** @return bc-ack-invalid bit (BCAST_PROTOCOL, NAME_DISTRIBUTOR, LINK_PROTOCOL only) */
    bool IsBcAckInvalid() const;
    /** @brief Set the bc-ack-invalid bit (word 5 bit 14). @param v bit */
    void SetBcAckInvalid(bool v);

    /** @return LINK_PROTOCOL STATE: broadcast gap (10 bits of word 8) */
    uint32_t GetBcGap() const;
    /** @brief Set the broadcast gap. @param g gap (0..1023) */
    void SetBcGap(uint32_t g);

    /** @return MSG_BUNDLER / TUNNEL_PROTOCOL: message count */
    uint16_t GetMsgCount() const;
    /** @brief Set the message count. @param n count */
    void SetMsgCount(uint16_t n);
    /** @return TUNNEL_PROTOCOL SYNCH: synch point (same bits as msgcnt) */
    uint16_t GetSyncPoint() const;
    /** @brief Set the synch point. @param n seqno */
    void SetSyncPoint(uint16_t n);
    /** @return CONN_MANAGER CONN_ACK: acked blocks */
    uint32_t GetConnAck() const;
    /** @brief Set acked blocks. @param n blocks */
    void SetConnAck(uint32_t n);
    /** @return CONN_MANAGER CONN_ACK / GROUP: advertised window */
    uint16_t GetAdvWindow() const;
    /** @brief Set the advertised window. @param n blocks */
    void SetAdvWindow(uint16_t n);
    /** @return LINK_PROTOCOL RESET/ACTIVATE: max packet size in bytes (field x 4) */
    uint32_t GetMaxPkt() const;
    /** @brief Set the max packet size (stored / 4). @param bytes size */
    void SetMaxPkt(uint32_t bytes);
    /** @return LINK_PROTOCOL: link tolerance in ms (0 = unchanged) */
    uint32_t GetLinkTolerance() const;
    /** @brief Set the link tolerance. @param ms tolerance */
    void SetLinkTolerance(uint32_t ms);
    /** @return GROUP: broadcast synch point / acked / remitted (word 9, 31..16) */
    uint16_t GetGrpWord9High() const;
    /** @brief Set the GROUP word-9 high half. @param n value */
    void SetGrpWord9High(uint16_t n);
    /** @return GROUP: member event / bc-ack-request bits (word 10, 1..0) */
    uint32_t GetGrpEvt() const;
    /** @brief Set the GROUP event bits. @param n value (0..3) */
    void SetGrpEvt(uint32_t n);
    /** @return GROUP: broadcast sequence number (word 10, 31..16) */
    uint16_t GetGrpBcSeqno() const;
    /** @brief Set the GROUP broadcast sequence number. @param n seqno */
    void SetGrpBcSeqno(uint16_t n);

    /**
     * @brief Linux msg_importance(): user for error-free data, word 9 bits 0..2
     *        for FRAGMENTER/BUNDLER, TIPC_SYSTEM_IMPORTANCE otherwise.
     * @return importance 0..4
     */
    uint32_t GetImportance() const;
    /**
     * @brief Linux msg_set_importance(): word 9 for FRAGMENTER/BUNDLER, the user
     *        field for data.
     * @param imp importance 0..3
     */
    void SetImportance(uint32_t imp);

    // ---- LINK_CONFIG words 5..14 ----
    /**
     * @brief Copy the 32-byte media info (words 5..12).
     * @param out 32 bytes
     */
    void GetMediaInfo(uint8_t* out) const;
    /**
     * @brief Set the 32-byte media info (words 5..12).
     * @param in 32 bytes
     */
    void SetMediaInfo(const uint8_t* in);
    /** @return LINK_CONFIG: peer net hash mix (word 13) */
    uint32_t GetPeerNetHash() const;
    /** @brief Set the peer net hash mix. @param h hash */
    void SetPeerNetHash(uint32_t h);
    /** @return LINK_CONFIG TRIAL_FAIL: suggested node address (word 14) */
    uint32_t GetSuggNodeAddr() const;
    /** @brief Set the suggested node address. @param a address */
    void SetSuggNodeAddr(uint32_t a);

    // ---- LINK_PROTOCOL predicates (msg.h) ----
    /** @return true unless this is a RESET/ACTIVATE (msg_peer_link_is_up) */
    bool PeerLinkIsUp() const;
    /** @return PeerLinkIsUp() or the redundant-link bit (msg_peer_node_is_up) */
    bool PeerNodeIsUp() const;

    /**
     * @brief Compare two headers bit for bit (size and every header word).
     * @param other the other header
     * @return true if identical
     */
    bool operator==(const TipcHeader& other) const;

  private:
    /**
     * @brief Read a field.
     * @param w word index
     * @param pos bit position of the least significant bit
     * @param mask mask after shifting
     * @return the field value
     */
    uint32_t Bits(uint32_t w, uint32_t pos, uint32_t mask) const
    {
        return (m_w[w] >> pos) & mask;
    }

    /**
     * @brief Write a field.
     * @param w word index
     * @param pos bit position of the least significant bit
     * @param mask mask after shifting
     * @param val value (truncated to mask)
     */
    void SetBits(uint32_t w, uint32_t pos, uint32_t mask, uint32_t val)
    {
        m_w[w] = (m_w[w] & ~(mask << pos)) | ((val & mask) << pos);
    }

    std::array<uint32_t, tipc::MAX_H_WORDS> m_w; //!< header words, host order
};

} // namespace ns3

#endif // TIPC_HEADER_H
