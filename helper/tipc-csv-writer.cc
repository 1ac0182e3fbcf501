// SPDX-License-Identifier: GPL-2.0-only

#include "tipc-csv-writer.h"

#include "ns3/fatal-error.h"

#include <iostream>
#include <sstream>

namespace ns3
{

TipcCsvWriter::TipcCsvWriter(const std::string& path,
                             std::initializer_list<std::string> columns,
                             bool echo)
    : m_echo(echo || path == "-"),
      m_columns(columns.size())
{
    if (!path.empty() && path != "-")
    {
        m_file.open(path);
        if (!m_file)
        {
            NS_FATAL_ERROR("cannot write the result file '" << path << "' (--output)");
        }
    }
    std::string header;
    for (const std::string& c : columns)
    {
        header += (header.empty() ? "" : ",") + c;
    }
    Line(header);
}

void
TipcCsvWriter::Row(const std::vector<std::string>& cells)
{
    if (cells.size() != m_columns)
    {
        NS_FATAL_ERROR("TipcCsvWriter: " << cells.size() << " cells for " << m_columns
                                         << " columns");
    }
    std::string line;
    for (size_t i = 0; i < cells.size(); ++i)
    {
        line += (i == 0 ? "" : ",") + cells[i];
    }
    Line(line);
}

void
TipcCsvWriter::Line(const std::string& line)
{
    if (m_file.is_open())
    {
        m_file << line << "\n";
        m_file.flush();
    }
    if (m_echo)
    {
        std::cout << line << std::endl;
    }
}

std::string
TipcCsvWriter::Num(double v, int digits)
{
    std::ostringstream s;
    s.precision(digits);
    s << v;
    return s.str();
}

} // namespace ns3
