// SPDX-License-Identifier: GPL-2.0-only
//
// TipcHeader as an ns3::Header: serialization through ns3::Buffer and
// ns3::Packet for every user and type, bit-identical to the codec's bytes.

#include "tipc-test-utils.h"

#include "ns3/header-serialization-test.h"
#include "ns3/packet.h"
#include "ns3/test.h"
#include "ns3/tipc-header.h"
#include "ns3/tipc-message-codec.h"

using namespace ns3;

/**
 * @ingroup tipc-tests
 * @brief Serialize -> deserialize -> serialize every sample header (ns-3's
 *        HeaderSerializationTestCase) and compare Packet bytes with the codec.
 */
class TipcHeaderSerializationTestCase : public HeaderSerializationTestCase
{
  public:
    TipcHeaderSerializationTestCase()
        : HeaderSerializationTestCase("TipcHeader serialization of every user and type")
    {
    }

  private:
    void DoRun() override
    {
        for (const auto& m : tipctest::SampleMessages())
        {
            TestHeaderSerialization(m.header);

            // Header + payload through an ns3::Packet gives the codec's bytes.
            std::vector<uint8_t> expected = TipcMessageCodec::Encode(m);
            uint32_t hsize = m.header.GetHeaderSize();
            Ptr<Packet> p = Create<Packet>(expected.data() + hsize,
                                           static_cast<uint32_t>(expected.size() - hsize));
            p->AddHeader(m.header);
            NS_TEST_ASSERT_MSG_EQ(p->GetSize(), expected.size(), m.header.ToString());
            std::vector<uint8_t> got(p->GetSize());
            p->CopyData(got.data(), got.size());
            NS_TEST_ASSERT_MSG_EQ((got == expected), true, m.header.ToString());

            TipcHeader back;
            p->RemoveHeader(back);
            NS_TEST_ASSERT_MSG_EQ((back == m.header), true, m.header.ToString());
            NS_TEST_ASSERT_MSG_EQ(p->GetSize(), m.header.GetDataSize(), m.header.ToString());
        }
    }
};

/**
 * @ingroup tipc-tests
 * @brief TipcHeader::Decode agrees with Deserialize on valid input and rejects
 *        a header whose size field is below the minimum without asserting.
 */
class TipcHeaderDecodeTestCase : public TestCase
{
  public:
    TipcHeaderDecodeTestCase()
        : TestCase("TipcHeader::Decode agrees with Deserialize")
    {
    }

  private:
    void DoRun() override
    {
        for (const auto& m : tipctest::SampleMessages())
        {
            std::vector<uint8_t> bytes = TipcMessageCodec::Encode(m);
            TipcHeader decoded;
            NS_TEST_ASSERT_MSG_EQ(
                TipcDecodeErrorToString(
                    TipcHeader::Decode(bytes.data(), static_cast<uint32_t>(bytes.size()), decoded)),
                "ok",
                m.header.ToString());
            NS_TEST_ASSERT_MSG_EQ((decoded == m.header), true, m.header.ToString());
        }
        uint8_t tiny[24] = {0x40, 0x00, 0x00, 0x18};
        TipcHeader h;
        NS_TEST_ASSERT_MSG_EQ(
            (TipcHeader::Decode(tiny, sizeof(tiny), h) == TipcDecodeError::HEADER_TOO_SMALL),
            true,
            "header size 0 must be rejected");
    }
};

/**
 * @ingroup tipc-tests
 * @brief TipcHeader test suite.
 */
class TipcHeaderTestSuite : public TestSuite
{
  public:
    TipcHeaderTestSuite()
        : TestSuite("tipc-header", TestSuite::Type::UNIT)
    {
        AddTestCase(new TipcHeaderSerializationTestCase);
        AddTestCase(new TipcHeaderDecodeTestCase);
    }
};

static TipcHeaderTestSuite g_tipcHeaderTestSuite; //!< registers the suite
