// SPDX-License-Identifier: GPL-2.0-only
//
// Big-endian (network order) reads and writes on raw byte buffers, used by the
// TIPC codec classes.

#ifndef TIPC_BYTES_H
#define TIPC_BYTES_H

#include <cstdint>

namespace ns3
{
namespace tipc
{

/**
 * @ingroup tipc
 * @brief Read a big-endian 16-bit value.
 * @param p two bytes
 * @return the value
 */
inline uint16_t
ReadBe16(const uint8_t* p)
{
    return static_cast<uint16_t>((p[0] << 8) | p[1]);
}

/**
 * @ingroup tipc
 * @brief Read a big-endian 32-bit value.
 * @param p four bytes
 * @return the value
 */
inline uint32_t
ReadBe32(const uint8_t* p)
{
    return (uint32_t(p[0]) << 24) | (uint32_t(p[1]) << 16) | (uint32_t(p[2]) << 8) | p[3];
}

/**
 * @ingroup tipc
 * @brief Read a big-endian 64-bit value.
 * @param p eight bytes
 * @return the value
 */
inline uint64_t
ReadBe64(const uint8_t* p)
{
    return (uint64_t(ReadBe32(p)) << 32) | ReadBe32(p + 4);
}

/**
 * @ingroup tipc
 * @brief Write a big-endian 16-bit value.
 * @param p destination of two bytes
 * @param v the value
 */
inline void
WriteBe16(uint8_t* p, uint16_t v)
{
    p[0] = static_cast<uint8_t>(v >> 8);
    p[1] = static_cast<uint8_t>(v);
}

/**
 * @ingroup tipc
 * @brief Write a big-endian 32-bit value.
 * @param p destination of four bytes
 * @param v the value
 */
inline void
WriteBe32(uint8_t* p, uint32_t v)
{
    p[0] = static_cast<uint8_t>(v >> 24);
    p[1] = static_cast<uint8_t>(v >> 16);
    p[2] = static_cast<uint8_t>(v >> 8);
    p[3] = static_cast<uint8_t>(v);
}

/**
 * @ingroup tipc
 * @brief Write a big-endian 64-bit value.
 * @param p destination of eight bytes
 * @param v the value
 */
inline void
WriteBe64(uint8_t* p, uint64_t v)
{
    WriteBe32(p, static_cast<uint32_t>(v >> 32));
    WriteBe32(p + 4, static_cast<uint32_t>(v));
}

/**
 * @brief Round up to a multiple of 4 (inner messages of a bundle are word aligned).
 * @param n a length in bytes
 * @return n rounded up to a multiple of 4
 */
constexpr uint32_t
Align4(uint32_t n)
{
    return (n + 3U) & ~3U;
}

} // namespace tipc
} // namespace ns3

#endif // TIPC_BYTES_H
