// SPDX-License-Identifier: GPL-2.0-only

#ifndef TIPC_CSV_WRITER_H
#define TIPC_CSV_WRITER_H

#include <fstream>
#include <initializer_list>
#include <string>
#include <vector>

namespace ns3
{

/**
 * @ingroup tipc
 * @brief The result table of an example or experiment: a tidy CSV file
 *        (header row, one row per observation) that is also echoed to
 *        standard output, so SEM, scripts/tipc-sweep.py and people can all
 *        read it.
 *
 * The examples take the file name from `--output` (relative to the working
 * directory; `-` writes to standard output only).  Numbers are written with a
 * fixed number of significant digits, so equal runs give identical files.
 *
 * @code
 * TipcCsvWriter csv(output, {"loss", "size", "goodput_mbps"});
 * csv.Row({TipcCsvWriter::Num(loss), std::to_string(size), TipcCsvWriter::Num(mbps)});
 * @endcode
 */
class TipcCsvWriter
{
  public:
    /**
     * @brief Open the table and write its header.
     * @param path output file; `-` for standard output only; empty for no file
     *        (rows still go to standard output)
     * @param columns column names
     * @param echo also print the header and rows to standard output
     */
    TipcCsvWriter(const std::string& path,
                  std::initializer_list<std::string> columns,
                  bool echo = true);
    /**
     * @brief Write one row (fatal error if the number of cells differs from
     *        the number of columns).
     * @param cells the cells, in column order
     */
    void Row(const std::vector<std::string>& cells);
    /**
     * @brief Format a number for a cell.
     * @param v the value
     * @param digits significant digits (default 6)
     * @return the text
     */
    static std::string Num(double v, int digits = 6);

  private:
    /**
     * @brief Write a line to the file and, with echo, to standard output.
     * @param line the line without newline
     */
    void Line(const std::string& line);

    std::ofstream m_file; //!< the output file, if any
    bool m_echo;          //!< also to standard output
    size_t m_columns;     //!< number of columns
};

} // namespace ns3

#endif // TIPC_CSV_WRITER_H
