// SPDX-License-Identifier: GPL-2.0-only
// The 20-line example of README.md (kept identical by scripts/check-readme-example.py).
#include "ns3/core-module.h"
#include "ns3/tipc-module.h"
using namespace ns3;
using namespace ns3::tipc;

int
main()
{
    uint32_t self = TipcNodeId::FromString("nodeA-1").Hash(); // 0x2f425565, as Linux derives it
    TipcDecodedMessage m;
    m.header.Init(self, TIPC_LOW_IMPORTANCE, TIPC_NAMED_MSG, NAMED_H_SIZE, 0);
    m.header.SetNameType(18888); // service {18888, 17}
    m.header.SetNameInstance(17);
    m.data = {'h', 'e', 'l', 'l', 'o'};
    TipcMessageCodec::Finalize(m);                           // sizes
    std::vector<uint8_t> wire = TipcMessageCodec::Encode(m); // bytes as Linux sends them
    TipcDecodedMessage back;
    TipcDecodeError e = TipcMessageCodec::Decode(wire.data(), wire.size(), back);
    std::cout << TipcDecodeErrorToString(e) << ": " << back.header << std::endl;
}
