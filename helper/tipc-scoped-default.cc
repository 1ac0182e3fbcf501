// SPDX-License-Identifier: GPL-2.0-only

#include "tipc-scoped-default.h"

#include "ns3/abort.h"
#include "ns3/config.h"
#include "ns3/type-id.h"

namespace ns3
{

TipcScopedDefault::TipcScopedDefault(const std::string& tid,
                                     const std::string& attribute,
                                     const AttributeValue& value)
    : m_path(tid + "::" + attribute)
{
    TypeId::AttributeInformation info;
    NS_ABORT_MSG_UNLESS(TypeId::LookupByName(tid).LookupAttributeByName(attribute, &info),
                        "no attribute " << m_path);
    m_previous = info.initialValue->Copy();
    Config::SetDefault(m_path, value);
}

TipcScopedDefault::~TipcScopedDefault()
{
    Config::SetDefault(m_path, *m_previous);
}

} // namespace ns3
