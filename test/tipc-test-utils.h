// SPDX-License-Identifier: GPL-2.0-only
//
// Test helpers shared by the Catch2 unit tests and the ns-3 TestSuites:
// locating reference data and extracting TIPC messages from pcap files.

#ifndef TIPC_TEST_UTILS_H
#define TIPC_TEST_UTILS_H

#include "ns3/tipc-message-codec.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{
namespace tipctest
{

/// How a TIPC message was carried in a captured frame.
enum class Encap
{
    ETHERNET, //!< Ethertype 0x88CA
    UDP,      //!< IPv4/UDP
    RAW,      //!< DLT_USER0, bare TIPC
};

/// One TIPC message found in a capture.
struct CapturedTipc
{
    uint32_t frame{0};            //!< 1-based frame number
    double time{0};               //!< capture time stamp (s)
    Encap encap{Encap::ETHERNET}; //!< encapsulation
    std::vector<uint8_t> bytes;   //!< the TIPC bytes (up to the end of the frame)
    uint8_t srcMac[6]{};          //!< Ethernet source (ETHERNET/UDP)
    uint8_t dstMac[6]{};          //!< Ethernet destination (ETHERNET/UDP)

    /** @return the trailer policy to decode these bytes with */
    TipcMessageCodec::Trailer Trailer() const;
};

/**
 * @brief Directory of the shared reference data (shared/ beside the repository).
 * @return path without trailing slash; TIPC_SHARED_DIR env var overrides the build default
 */
std::string SharedDir();

/**
 * @brief Read every TIPC message from a pcap file (Ethernet 0x88CA, IPv4/UDP on
 *        @p udpPorts, or DLT_USER0).  Frames that are not TIPC are skipped.
 * @param path pcap file
 * @param stripFcs number of trailing bytes to drop from Ethernet frames (ns-3 CSMA writes a 4-byte
 * FCS)
 * @param udpPorts UDP ports that carry TIPC
 * @return the messages, in capture order
 */
std::vector<CapturedTipc> ReadTipcFrames(const std::string& path,
                                         uint32_t stripFcs = 0,
                                         const std::vector<uint16_t>& udpPorts = {6118, 50000});

/**
 * @brief Total number of frames in a pcap file.
 * @param path pcap file
 * @return frames
 */
uint32_t CountFrames(const std::string& path);

/**
 * @brief One hand-built, finalized message of every user and message type the
 *        wire carries (data types with every header size, internal users with
 *        their payload structures).  Used for codec round trips and to exercise
 *        the dissector.
 * @param own previous/originating node address
 * @param peer destination node address
 * @return the messages
 */
std::vector<TipcDecodedMessage> SampleMessages(uint32_t own = 0x01001001,
                                               uint32_t peer = 0x01001002);

/**
 * @brief Hex dump for failure messages.
 * @param b bytes
 * @return "0a1b..." (at most 64 bytes, then "...")
 */
std::string Hex(const std::vector<uint8_t>& b);

} // namespace tipctest
} // namespace ns3

#endif // TIPC_TEST_UTILS_H
